import type { Logger } from '../runner/logger.ts';
import type { GitHubClient } from './client.ts';
import { githubApiUrl } from './event.ts';

/**
 * The REST client for a step: its token, and the API of the run's GitHub (`GITHUB_API_URL`).
 * The client is loaded on demand: most runs of most steps never call the API, and its HTTP
 * stack would cost every start.
 */
export async function apiClient(
  token: string,
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<GitHubClient> {
  const { createGitHubClient } = await import('./client.ts');
  return createGitHubClient({ token, baseUrl: githubApiUrl(env), log });
}
