import type { Repository } from '../git/repository.ts';
import { tryGit, tryGitText } from '../git/git.ts';
import { ConfigurationError } from '../runner/errors.ts';

/** The commit `lanekit route` compares with, and how it was chosen, for the plan's first line. */
export interface RouteBase {
  readonly sha: string;
  readonly how: string;
}

/** origin's HEAD, else the first of the usual default branch names that exists. */
async function defaultBranch(repo: Repository): Promise<{ ref: string; sha: string } | undefined> {
  const originHead = await tryGitText(repo.dir, [
    'symbolic-ref',
    '--quiet',
    'refs/remotes/origin/HEAD',
  ]);
  const candidates = [
    originHead,
    'refs/remotes/origin/main',
    'refs/remotes/origin/master',
    'refs/heads/main',
    'refs/heads/master',
  ];
  for (const ref of candidates) {
    const sha = ref === undefined ? undefined : await repo.resolveCommit(ref);
    if (ref !== undefined && sha !== undefined) return { ref, sha };
  }
  return undefined;
}

/** The parent of `head`; undefined for a first commit, an error where a shallow clone stops. */
async function parentCommit(
  repo: Repository,
  head: string,
  headName: string,
): Promise<string | undefined> {
  const parent = await repo.resolveCommit(`${head}~1`);
  if (parent === undefined && (await repo.isShallow())) {
    throw new ConfigurationError(
      `${headName}~1 is not in this shallow clone: fetch more history (git fetch --deepen=1 origin) or pass --base REV`,
    );
  }
  return parent;
}

/**
 * Without --base: the merge base of head with the default branch, as for a pull request; when
 * head is already on the default branch (an ancestor of its tip or the tip, as on a fresh
 * clone) that merge base is head itself and would compare nothing, so head's parent, as
 * dorny/paths-filter does for a push to its base branch.
 */
export async function defaultRouteBase(
  repo: Repository,
  head: string,
  headName: string,
): Promise<RouteBase> {
  const branch = await defaultBranch(repo);
  if (branch === undefined) {
    throw new ConfigurationError(
      'no default branch found (origin/HEAD, origin/main, origin/master, main, master): pass --base REV',
    );
  }
  const onDefaultBranch = await tryGit(repo.dir, [
    'merge-base',
    '--is-ancestor',
    '--end-of-options',
    head,
    branch.sha,
  ]);
  if (onDefaultBranch === undefined) {
    return { sha: branch.sha, how: `merge base with ${branch.ref}` };
  }
  const parent = await parentCommit(repo, head, headName);
  return parent === undefined
    ? { sha: head, how: `${headName} is the first commit: nothing earlier to compare with` }
    : { sha: parent, how: `${headName}~1: ${headName} is on the default branch ${branch.ref}` };
}
