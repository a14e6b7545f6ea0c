import type { FetchFailure } from '../git/fetch-failure.ts';
import { describeFetchFailure } from '../git/fetch-failure.ts';
import { DEEPEN_STEPS, findMergeBase } from '../git/merge-base.ts';
import type { ChangedFile, Repository } from '../git/repository.ts';
import type { Logger } from '../runner/logger.ts';
import type { RangeRequest } from './event-range.ts';

export type ResolvedDiff =
  | {
      readonly kind: 'diff';
      readonly base: string;
      readonly head: string;
      readonly how: string;
      readonly files: readonly ChangedFile[];
    }
  | {
      readonly kind: 'all';
      readonly cause: string;
      readonly head: string | undefined;
      readonly how: string;
    };

const FETCHED_AT_MOST = DEEPEN_STEPS.reduce((sum, step) => sum + step, 0);

/** Resolves a revision, fetching it from origin when the clone lacks it. */
async function ensureCommit(
  repo: Repository,
  rev: string,
  shallow: boolean,
  log: Logger,
): Promise<{ sha: string } | { sha: undefined; failure?: FetchFailure }> {
  const local =
    (await repo.resolveCommit(rev)) ??
    (await repo.resolveCommit(`origin/${rev.replace(/^refs\/heads\//, '')}`));
  if (local !== undefined) return { sha: local };
  log.info(`Fetching ${rev} from origin`);
  const refspec = rev.startsWith('refs/')
    ? `+${rev}:refs/remotes/origin/${rev.replace(/^refs\/heads\//, '')}`
    : rev;
  const fetched = await repo.fetch([...(shallow ? ['--depth=1'] : []), 'origin', '--', refspec]);
  if (!fetched.ok) return { sha: undefined, failure: fetched.failure };
  // A sha, a branch or a tag name alike: FETCH_HEAD is the one thing just fetched.
  return { sha: await repo.resolveCommit('FETCH_HEAD') };
}

/** The reason a fetch failed, as the end of a `how`, also logged as a warning. */
function fetchProblem(failure: FetchFailure | undefined, log: Logger): string {
  if (failure === undefined) return '';
  const problem = describeFetchFailure(failure);
  log.warning(`change-router could not fetch from origin: ${problem}`);
  return `: ${problem}`;
}

/**
 * Finds the changed files of a range in a local clone. In a shallow clone only what is missing
 * is fetched, deepening in bounded steps until the merge base is certain; if it never is, every
 * route runs with the reason `base-unreachable`, and `how` says why.
 */
export async function gitDiff(
  repo: Repository,
  request: RangeRequest,
  log: Logger,
): Promise<ResolvedDiff> {
  const result = await resolveDiff(repo, request, log);
  if (repo.authenticated) {
    log.info(
      'origin asked for credentials the checkout did not leave: fetched with the token input',
    );
  }
  return result;
}

async function resolveDiff(
  repo: Repository,
  request: RangeRequest,
  log: Logger,
): Promise<ResolvedDiff> {
  const shallow = await repo.isShallow();
  const head =
    request.head === undefined ? undefined : await ensureCommit(repo, request.head, shallow, log);
  if (request.kind === 'all') return { ...request, head: head?.sha ?? request.head };
  if (head?.sha === undefined) {
    return {
      kind: 'all',
      cause: 'base-unreachable',
      head: request.head,
      how: `head ${request.head} is not in the clone and could not be fetched${fetchProblem(head?.failure, log)}`,
    };
  }
  const base = await ensureCommit(repo, request.base, shallow, log);
  if (base.sha === undefined) {
    return {
      kind: 'all',
      cause: 'base-unreachable',
      head: head.sha,
      how: `${request.how}: ${request.base} could not be fetched${fetchProblem(base.failure, log)}`,
    };
  }
  const search = await findMergeBase(repo, base.sha, head.sha, log);
  if (!search.found) {
    const ends = `${base.sha} and ${head.sha}`;
    const what =
      search.candidate === undefined
        ? `no merge base of ${ends}`
        : `${search.candidate} is a common ancestor of ${ends}, but a nearer one may lie beyond the ` +
          `history fetched (${FETCHED_AT_MOST} commits at most); check out with fetch-depth: 0`;
    const deepening = search.failure
      ? `; deepening failed${fetchProblem(search.failure, log)}`
      : '';
    return {
      kind: 'all',
      cause: 'base-unreachable',
      head: head.sha,
      how: `${request.how}: ${what}${deepening}`,
    };
  }
  const files = await repo.changedFiles(search.mergeBase, head.sha);
  return { kind: 'diff', base: search.mergeBase, head: head.sha, how: request.how, files };
}
