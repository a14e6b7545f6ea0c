import { apiCall } from './api-call.ts';
import type { GitHubClient } from './client.ts';
import type { Repo } from './repo.ts';

export interface ContentRequest {
  readonly path: string;
  /** A sha, branch or tag. */
  readonly ref: string;
}

/** How many files are read at once: the contents API is rate-limited per token. */
const READS_AT_ONCE = 4;

async function readOne(
  client: GitHubClient,
  repo: Repo,
  { path, ref }: ContentRequest,
): Promise<string | undefined> {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
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
}

/** Files' text through the contents API, a few at a time; undefined where a file does not exist. */
export async function readContents(
  client: GitHubClient,
  repo: Repo,
  requests: readonly ContentRequest[],
): Promise<(string | undefined)[]> {
  const results: (string | undefined)[] = [];
  for (let i = 0; i < requests.length; i += READS_AT_ONCE) {
    const batch = requests.slice(i, i + READS_AT_ONCE);
    results.push(...(await Promise.all(batch.map((request) => readOne(client, repo, request)))));
  }
  return results;
}
