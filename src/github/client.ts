import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../runner/logger.ts';

const GitHubOctokit = Octokit.plugin(paginateRest, retry, throttling);
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

export interface ClientOptions {
  readonly token: string;
  /** `GITHUB_API_URL`: api.github.com, or a GHES instance's `/api/v3`. */
  readonly baseUrl: string;
  readonly log: Logger;
}

/** Waits longer than this on a rate limit are not worth a CI step's time: fail instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
const MAX_RATE_LIMIT_RETRIES = 3;

/** Octokit with pagination, retries of 5xx and honoured rate limits (`Retry-After`, reset). */
export function createGitHubClient({ token, baseUrl, log }: ClientOptions): GitHubClient {
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      const retrying =
        retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
      log.warning(
        `GitHub ${kind} rate limit on ${options.method ?? ''} ${options.url ?? ''}: ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}`,
      );
      return retrying;
    };
  return new GitHubOctokit({
    auth: token,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    userAgent: 'lanekit',
    log: {
      debug: () => {},
      info: () => {},
      warn: (m: string) => {
        log.debug(m);
      },
      error: (m: string) => {
        log.debug(m);
      },
    },
    throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    // GitHub answers 429 only for rate limits: leave it to the throttling plugin, which honours
    // Retry-After, instead of plugin-retry's fixed backoff.
    retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
  });
}
