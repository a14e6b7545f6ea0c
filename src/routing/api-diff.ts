import type { ApiChangedFile } from '../github/changed-files.ts';
import { compareRevisions, listPullRequestFiles } from '../github/changed-files.ts';
import type { GitHubClient } from '../github/client.ts';
import { readContents } from '../github/contents.ts';
import type { Repo } from '../github/repo.ts';
import type { ChangedFile, ChangeStatus } from '../git/repository.ts';
import type { RangeRequest } from './event-range.ts';
import type { ResolvedDiff } from './git-diff.ts';
import type { ContentReader } from './documents.ts';

/** GitHub lists at most 3,000 files of a pull request and 300 of a comparison. */
export const PULL_FILES_CAP = 3000;
export const COMPARE_FILES_CAP = 300;

function toChangedFile(file: ApiChangedFile): ChangedFile | undefined {
  const status: Record<string, ChangeStatus> = {
    added: 'added',
    copied: 'added',
    removed: 'deleted',
    modified: 'modified',
    changed: 'modified',
    renamed: 'renamed',
  };
  const mapped = status[file.status];
  if (mapped === undefined) return undefined;
  return mapped === 'renamed' && file.previous_filename !== undefined
    ? { path: file.filename, status: mapped, previousPath: file.previous_filename }
    : { path: file.filename, status: mapped };
}

const branchName = (rev: string) => rev.replace(/^refs\/heads\//, '');

/** The changed files from the REST API, for runs without a checkout. */
export async function apiDiff(
  client: GitHubClient,
  repo: Repo,
  request: RangeRequest,
  pull: { readonly number: number; readonly changed_files?: number } | undefined,
): Promise<ResolvedDiff> {
  if (request.kind === 'all') return request;
  if (pull !== undefined) {
    const files = await listPullRequestFiles(client, repo, pull.number);
    if (files.length >= PULL_FILES_CAP || (pull.changed_files ?? 0) >= PULL_FILES_CAP) {
      return {
        kind: 'all',
        cause: 'diff-truncated',
        head: request.head,
        how: `GitHub lists at most ${PULL_FILES_CAP} files of a pull request and this one reached the cap`,
      };
    }
    // A page lost in transit is dropped silently by pagination: never route a shorter list.
    if (pull.changed_files !== undefined && files.length < pull.changed_files) {
      return {
        kind: 'all',
        cause: 'diff-truncated',
        head: request.head,
        how: `the API listed ${files.length} of the pull request's ${pull.changed_files} changed files`,
      };
    }
    return {
      kind: 'diff',
      base: request.base,
      head: request.head,
      how: `${request.how} (pull request files from the API)`,
      files: files.flatMap((f) => toChangedFile(f) ?? []),
    };
  }
  const basehead = `${branchName(request.base)}...${branchName(request.head)}`;
  const { files, mergeBase } = await compareRevisions(client, repo, basehead);
  if (files.length >= COMPARE_FILES_CAP) {
    return {
      kind: 'all',
      cause: 'diff-truncated',
      head: request.head,
      how: `GitHub's compare lists at most ${COMPARE_FILES_CAP} files and this comparison reached the cap`,
    };
  }
  return {
    kind: 'diff',
    base: mergeBase,
    head: request.head,
    how: `${request.how} (compare from the API)`,
    files: files.flatMap((f) => toChangedFile(f) ?? []),
  };
}

/** Reads file contents at the diff's base and head through the contents API. */
export function apiContentReader(
  client: GitHubClient,
  repo: Repo,
  base: string,
  head: string,
): ContentReader {
  return {
    read: (requests) =>
      readContents(
        client,
        repo,
        requests.map(({ side, path }) => ({ path, ref: side === 'base' ? base : head })),
      ),
  };
}
