import type { GitHubClient } from '../github/client.ts';
import { apiCall } from '../github/api-call.ts';
import type { ChangedFile, ChangeStatus } from '../git/repository.ts';
import type { RangeRequest } from './event-range.ts';
import type { ResolvedDiff } from './git-diff.ts';
import type { ContentReader } from './documents.ts';

/** GitHub lists at most 3,000 files of a pull request and 300 of a comparison. */
export const PULL_FILES_CAP = 3000;
export const COMPARE_FILES_CAP = 300;

interface Repo {
  readonly owner: string;
  readonly repo: string;
}

interface ApiFile {
  readonly filename: string;
  readonly status: string;
  readonly previous_filename?: string;
}

function toChangedFile(file: ApiFile): ChangedFile | undefined {
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
    const files = await apiCall(`pulls.listFiles for #${pull.number}`, () =>
      client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
        ...repo,
        pull_number: pull.number,
        per_page: 100,
      }),
    );
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
  const { data } = await apiCall(`compare ${basehead}`, () =>
    client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      ...repo,
      basehead,
      per_page: 1,
    }),
  );
  const files = data.files ?? [];
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
    base: data.merge_base_commit.sha,
    head: request.head,
    how: `${request.how} (compare from the API)`,
    files: files.flatMap((f) => toChangedFile(f) ?? []),
  };
}

/** Reads file contents at the diff's base and head through the contents API, a few at a time. */
export function apiContentReader(
  client: GitHubClient,
  repo: Repo,
  base: string,
  head: string,
): ContentReader {
  const readOne = async (side: 'base' | 'head', path: string): Promise<string | undefined> => {
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    const ref = side === 'base' ? base : head;
    try {
      const response = await client.request(
        `GET /repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/contents/${encoded}`,
        { ref, mediaType: { format: 'raw' } },
      );
      return typeof response.data === 'string' ? response.data : undefined;
    } catch (error) {
      if (error instanceof Error && 'status' in error && error.status === 404) return undefined;
      return apiCall(`contents of ${path} at ${ref}`, () => Promise.reject(error as Error));
    }
  };
  return {
    async read(requests) {
      const results: (string | undefined)[] = [];
      for (let i = 0; i < requests.length; i += 4) {
        const batch = requests.slice(i, i + 4);
        results.push(...(await Promise.all(batch.map((r) => readOne(r.side, r.path)))));
      }
      return results;
    },
  };
}
