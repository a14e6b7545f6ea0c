import type { EventPayload } from '../github/event.ts';
import type { RoutesConfig } from './routes-config.ts';
import { parseTrailer } from './routes-config.ts';

/** Trailers are the `Key: value` lines of a commit message's last paragraph. */
export function messageTrailers(message: string): { key: string; value: string }[] {
  const paragraphs = message
    .replace(/\r\n/g, '\n')
    .trim()
    .split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  return last.split('\n').flatMap((line) => parseTrailer(line) ?? []);
}

/**
 * The override that forces every route, if the pull request carries a configured label or a
 * commit message a configured trailer: `label:ci:all`, `trailer:CI-Routes: all`.
 */
export function forceCause(
  config: RoutesConfig,
  payload: EventPayload,
  messages: readonly string[],
): string | undefined {
  const labels = new Set((payload.pull_request?.labels ?? []).map((l) => l.name));
  const label = config.force.labels.find((l) => labels.has(l));
  if (label !== undefined) return `label:${label}`;
  for (const message of messages) {
    for (const found of messageTrailers(message)) {
      const wanted = config.force.trailers.find(
        (t) => t.key === found.key && t.value === found.value,
      );
      if (wanted) return `trailer:${wanted.text}`;
    }
  }
  return undefined;
}

/** Commit messages the payload carries (push, merge group). */
export function payloadMessages(payload: EventPayload): string[] {
  return [
    ...(payload.commits ?? []).map((c) => c.message ?? ''),
    payload.head_commit?.message ?? '',
    payload.merge_group?.head_commit?.message ?? '',
  ].filter((m) => m !== '');
}
