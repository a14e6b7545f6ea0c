import { apiCall } from '../github/api-call.ts';
import type { GitHubClient } from '../github/client.ts';
import type { Repo } from '../github/repo.ts';
import type { CacheUsage } from './run-data.ts';

/** The repository's Actions cache usage (GET .../actions/cache/usage; actions: read). One request. */
export async function readCacheUsage(client: GitHubClient, repo: Repo): Promise<CacheUsage> {
  const { data } = await apiCall('cache usage', () =>
    client.request('GET /repos/{owner}/{repo}/actions/cache/usage', { ...repo }),
  );
  return {
    activeBytes: data.active_caches_size_in_bytes,
    activeCount: data.active_caches_count,
  };
}
