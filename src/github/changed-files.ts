import { apiCall } from './api-call.ts';
import type { GitHubClient } from './client.ts';
import type { Repo } from './repo.ts';

/** A changed file as the pulls and compare endpoints list it. */
export interface ApiChangedFile {
  readonly filename: string;
  /** added, removed, modified, renamed, copied, changed or unchanged. */
  readonly status: string;
  readonly previous_filename?: string;
}

/** Every file of a pull request the API lists (100 a page; GitHub stops at 3,000). */
export async function listPullRequestFiles(
  client: GitHubClient,
  repo: Repo,
  pullNumber: number,
): Promise<ApiChangedFile[]> {
  return apiCall(`pulls.listFiles for #${pullNumber}`, () =>
    client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      ...repo,
      pull_number: pullNumber,
      per_page: 100,
    }),
  );
}

/** The files between two revisions (`base...head`) and their merge base (GitHub stops at 300). */
export async function compareRevisions(
  client: GitHubClient,
  repo: Repo,
  basehead: string,
): Promise<{ files: ApiChangedFile[]; mergeBase: string }> {
  const { data } = await apiCall(`compare ${basehead}`, () =>
    client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      ...repo,
      basehead,
      per_page: 1,
    }),
  );
  return { files: data.files ?? [], mergeBase: data.merge_base_commit.sha };
}
