import type { Logger } from '../runner/logger.ts';
import type { FetchFailure } from './fetch-failure.ts';
import type { Repository } from './repository.ts';

/** Deepening steps for a shallow clone: about 3,700 commits of history at most, then give up. */
export const DEEPEN_STEPS = [32, 128, 512, 3072];

export type MergeBaseSearch =
  | { readonly found: true; readonly mergeBase: string }
  | {
      readonly found: false;
      /** A common ancestor in the history fetched, not proven the merge base. */
      readonly candidate: string | undefined;
      /** Why deepening stopped before the last step. */
      readonly failure?: FetchFailure;
    };

/**
 * The merge base git would find in a full clone, fetching history a shallow clone lacks in
 * bounded steps. In a shallow clone a common ancestor is not enough: beyond a boundary commit
 * (present, its parents not) that either end reaches without passing the candidate, a nearer
 * merge base may hide (a branch merged in from long ago reaches an old fork before the true
 * base). The candidate is proven once every such boundary lies behind it.
 */
export async function findMergeBase(
  repo: Repository,
  base: string,
  head: string,
  log: Logger,
): Promise<MergeBaseSearch> {
  let candidates = await repo.mergeBases(base, head);
  let certain = await proven(repo, base, head, candidates);
  for (const depth of DEEPEN_STEPS) {
    if (certain) break;
    log.info(
      candidates.length === 0
        ? `No merge base in the shallow clone yet; deepening by ${depth} commits`
        : `A nearer merge base than ${candidates[0]!} may be beyond the shallow history; deepening by ${depth} commits`,
    );
    const fetched = await repo.fetch([`--deepen=${depth}`, 'origin', '--', base, head]);
    if (!fetched.ok) return { found: false, candidate: candidates[0], failure: fetched.failure };
    candidates = await repo.mergeBases(base, head);
    certain = await proven(repo, base, head, candidates);
  }
  return certain && candidates.length > 0
    ? { found: true, mergeBase: candidates[0]! }
    : { found: false, candidate: candidates[0] };
}

/**
 * True when no history missing from the clone can change the merge bases: the clone is
 * complete, or every boundary either end reaches lies behind every candidate (with several
 * candidates, one behind a boundary could be an ancestor of another).
 */
async function proven(
  repo: Repository,
  base: string,
  head: string,
  candidates: readonly string[],
): Promise<boolean> {
  if (!(await repo.isShallow())) return true;
  if (candidates.length === 0) return false;
  for (const candidate of candidates) {
    if ((await repo.boundaryCommits([base, head], candidate)).length > 0) return false;
  }
  return true;
}
