import type { WorkflowEvent } from '../github/event.ts';
import { PULL_REQUEST_EVENTS } from '../github/event.ts';
import { isNullSha } from '../git/repository.ts';

/**
 * What to compare for an event, before any git or API call: the changes from the merge base of
 * `base` and `head` to `head` (what `git diff base...head` and GitHub's compare show), or every
 * route because no base can be known.
 */
export type RangeRequest =
  | {
      readonly kind: 'merge-base';
      readonly base: string;
      readonly head: string;
      readonly how: string;
    }
  | {
      readonly kind: 'all';
      readonly cause: string;
      readonly head: string | undefined;
      readonly how: string;
    };

export interface RangeOverrides {
  readonly base?: string | undefined;
  readonly head?: string | undefined;
  /** How `base` was chosen, when not by the base input itself. */
  readonly baseHow?: string | undefined;
  /** Set when the base was asked for but cannot be known: every route runs for this cause. */
  readonly noBase?: { readonly cause: string; readonly how: string } | undefined;
}

function defaultBranchRange(
  event: WorkflowEvent,
  head: string,
  why: 'new-branch' | 'force-push',
): RangeRequest {
  const branch = event.payload.repository?.default_branch;
  const pushed = (event.payload.ref ?? event.ref ?? '').replace(/^refs\/heads\//, '');
  if (!branch || branch === pushed) {
    return {
      kind: 'all',
      cause: `base-unknown:${why}`,
      head,
      how: branch
        ? `${why} of the default branch '${branch}': no earlier commit to compare with`
        : `${why}: the payload names no default branch`,
    };
  }
  return {
    kind: 'merge-base',
    base: `refs/heads/${branch}`,
    head,
    how: `${why}: merge base with the default branch '${branch}'`,
  };
}

export function requestRange(event: WorkflowEvent, overrides: RangeOverrides): RangeRequest {
  const { payload } = event;
  const pr = payload.pull_request;
  const group = payload.merge_group;
  const head =
    overrides.head ??
    (PULL_REQUEST_EVENTS.includes(event.name) && pr
      ? pr.head.sha
      : event.name === 'merge_group' && group
        ? group.head_sha
        : event.name === 'push' && payload.after !== undefined && !isNullSha(payload.after)
          ? payload.after
          : (event.sha ?? 'HEAD'));
  if (overrides.noBase !== undefined) return { kind: 'all', head, ...overrides.noBase };
  if (overrides.base !== undefined) {
    return {
      kind: 'merge-base',
      base: overrides.base,
      head,
      how: overrides.baseHow ?? 'the base input',
    };
  }
  if (PULL_REQUEST_EVENTS.includes(event.name) && pr) {
    return {
      kind: 'merge-base',
      base: pr.base.sha,
      head,
      how: 'merge base of the pull request base and head',
    };
  }
  if (event.name === 'merge_group' && group) {
    return { kind: 'merge-base', base: group.base_sha, head, how: 'merge group base_sha' };
  }
  if (event.name === 'push') {
    const ref = payload.ref ?? event.ref ?? '';
    if (ref.startsWith('refs/tags/')) {
      return {
        kind: 'all',
        cause: 'event:push-tag',
        head,
        how: 'a tag push has no base to compare with',
      };
    }
    if (payload.created === true || isNullSha(payload.before)) {
      return defaultBranchRange(event, head, 'new-branch');
    }
    if (payload.forced === true) return defaultBranchRange(event, head, 'force-push');
    return { kind: 'merge-base', base: payload.before!, head, how: 'push before..after' };
  }
  const name = event.name === '' ? 'unknown' : event.name;
  return {
    kind: 'all',
    cause: `event:${name}`,
    head,
    how: `the '${name}' event has no base to compare with; set the base input to compare`,
  };
}
