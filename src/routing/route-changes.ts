import type { GitHubClient } from '../github/client.ts';
import type { WorkflowEvent } from '../github/event.ts';
import { PULL_REQUEST_EVENTS } from '../github/event.ts';
import type { Repository } from '../git/repository.ts';
import type { Logger } from '../runner/logger.ts';
import { apiContentReader, apiDiff } from './api-diff.ts';
import type { RangeOverrides } from './event-range.ts';
import { requestRange } from './event-range.ts';
import { forceCause, payloadMessages } from './force.ts';
import type { ResolvedDiff } from './git-diff.ts';
import { gitDiff } from './git-diff.ts';
import type { ContentReader } from './documents.ts';
import type { RoutePlan } from './plan.ts';
import { planRoutes } from './plan.ts';
import type { RoutesConfig } from './routes-config.ts';

/** change-router's result: the `plan` output. */
export interface Plan {
  readonly event: string;
  readonly source: 'git' | 'api';
  readonly base: string | null;
  readonly head: string | null;
  /** How the base was found, or why there is none. */
  readonly how: string;
  readonly changedFiles: number;
  readonly fallbackReason: string | null;
  readonly routes: Record<string, RoutePlan>;
  readonly warnings: readonly string[];
}

export type DiffSource =
  | { readonly kind: 'git'; readonly repo: Repository }
  | {
      readonly kind: 'api';
      readonly client: GitHubClient;
      readonly repo: { readonly owner: string; readonly repo: string };
    };

export interface RouteChangesRequest {
  readonly config: RoutesConfig;
  readonly event: WorkflowEvent;
  readonly overrides: RangeOverrides;
  readonly source: DiffSource;
  readonly log: Logger;
}

function gitContentReader(repo: Repository, base: string, head: string): ContentReader {
  return {
    read: (requests) =>
      repo.readFiles(requests.map((r) => ({ rev: r.side === 'base' ? base : head, path: r.path }))),
  };
}

export async function routeChanges(request: RouteChangesRequest): Promise<Plan> {
  const { config, event, overrides, source, log } = request;
  const range = requestRange(event, overrides);
  const pull =
    PULL_REQUEST_EVENTS.includes(event.name) &&
    overrides.base === undefined &&
    overrides.head === undefined
      ? event.payload.pull_request
      : undefined;
  const diff: ResolvedDiff =
    source.kind === 'git'
      ? await gitDiff(source.repo, range, log)
      : await apiDiff(source.client, source.repo, range, pull);

  const messages = payloadMessages(event.payload);
  if (source.kind === 'git' && diff.head !== undefined && config.force.trailers.length > 0) {
    const headMessage = await source.repo.commitMessage(diff.head);
    if (headMessage !== undefined) messages.push(headMessage);
  }
  const forced = forceCause(config, event.payload, messages);

  let contents: ContentReader | undefined;
  if (diff.kind === 'diff') {
    contents =
      source.kind === 'git'
        ? gitContentReader(source.repo, diff.base, diff.head)
        : apiContentReader(source.client, source.repo, diff.base, diff.head);
  }
  const files = diff.kind === 'diff' ? diff.files : [];
  const runAll = forced ?? (diff.kind === 'all' ? diff.cause : undefined);
  const outcome = await planRoutes({ config, files, contents, runAll });
  return {
    event: event.name,
    source: source.kind,
    base: diff.kind === 'diff' ? diff.base : null,
    head: diff.head ?? null,
    how: diff.how,
    changedFiles: files.length,
    fallbackReason: outcome.fallbackReason ?? null,
    routes: outcome.routes,
    warnings: outcome.warnings,
  };
}
