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

/** Deepening steps for a shallow clone: about 3,700 commits of history at most, then give up. */
export const DEEPEN_STEPS = [32, 128, 512, 3072];

/** Resolves a revision, fetching it from origin when the clone lacks it. */
async function ensureCommit(repo: Repository, rev: string, shallow: boolean, log: Logger) {
  const local =
    (await repo.resolveCommit(rev)) ??
    (await repo.resolveCommit(`origin/${rev.replace(/^refs\/heads\//, '')}`));
  if (local !== undefined) return local;
  log.info(`Fetching ${rev} from origin`);
  const refspec = rev.startsWith('refs/')
    ? `+${rev}:refs/remotes/origin/${rev.replace(/^refs\/heads\//, '')}`
    : rev;
  const fetched = await repo.fetch([...(shallow ? ['--depth=1'] : []), 'origin', '--', refspec]);
  // A sha, a branch or a tag name alike: FETCH_HEAD is the one thing just fetched.
  return fetched ? repo.resolveCommit('FETCH_HEAD') : undefined;
}

/**
 * Finds the changed files of a range in a local clone. In a shallow clone only what is missing
 * is fetched, deepening in bounded steps until the merge base appears; if it never does, every
 * route runs with the reason `base-unreachable`.
 */
export async function gitDiff(
  repo: Repository,
  request: RangeRequest,
  log: Logger,
): Promise<ResolvedDiff> {
  const shallow = await repo.isShallow();
  const head =
    request.head === undefined ? undefined : await ensureCommit(repo, request.head, shallow, log);
  if (request.kind === 'all') return { ...request, head: head ?? request.head };
  if (head === undefined) {
    return {
      kind: 'all',
      cause: 'base-unreachable',
      head: request.head,
      how: `head ${request.head} is not in the clone and could not be fetched`,
    };
  }
  const base = await ensureCommit(repo, request.base, shallow, log);
  if (base === undefined) {
    return {
      kind: 'all',
      cause: 'base-unreachable',
      head,
      how: `${request.how}: ${request.base} could not be fetched`,
    };
  }
  let mergeBase = await repo.mergeBase(base, head);
  for (const depth of DEEPEN_STEPS) {
    if (mergeBase !== undefined || !(await repo.isShallow())) break;
    log.info(`No merge base in the shallow clone yet; deepening by ${depth} commits`);
    if (!(await repo.fetch([`--deepen=${depth}`, 'origin', '--', base, head]))) break;
    mergeBase = await repo.mergeBase(base, head);
  }
  if (mergeBase === undefined) {
    return {
      kind: 'all',
      cause: 'base-unreachable',
      head,
      how: `${request.how}: no merge base of ${base} and ${head}`,
    };
  }
  const files = await repo.changedFiles(mergeBase, head);
  return { kind: 'diff', base: mergeBase, head, how: request.how, files };
}
