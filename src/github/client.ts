import { getOctokit } from '@actions/github';
import { getProxyUrl, HttpClient } from '@actions/http-client';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { fetch } from 'undici';
import type { RequestInit, Response } from 'undici';
import type { Logger } from '../runner/logger.ts';
import { connectionFailure } from './connection-failure.ts';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  readonly token: string;
  /** `GITHUB_API_URL`: api.github.com, or a GHES instance's `/api/v3`. */
  readonly baseUrl: string;
  readonly log: Logger;
}

/** Waits longer than this on a rate limit are not worth a CI step's time: fail instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
const MAX_RATE_LIMIT_RETRIES = 3;

/**
 * Octokit with pagination, retries of 5xx and of lost connections, honoured rate limits
 * (`Retry-After`, reset), and the runner's proxy settings (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).
 */
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
  return getOctokit(
    token,
    {
      baseUrl: baseUrl.replace(/\/+$/, ''),
      userAgent: 'lanekit',
      // Replaces, not merges with, @actions/github's default `request`, whose fetch was set up
      // for GITHUB_API_URL and the proxy variables as they were when the module was imported.
      request: { fetch: proxyAwareFetch(baseUrl) },
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
      // Retry-After, instead of plugin-retry's fixed backoff. A failed connection reaches
      // plugin-retry as a 500, so it is retried too.
      retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    },
    retry,
    throttling,
  );
}

/**
 * Node's own fetch ignores the proxy variables; undici's fetch through http-client's dispatcher
 * (a proxy agent, or none when NO_PROXY or a loopback host bypasses the proxy) honours them, as
 * @actions/github's default fetch does. A request that got no answer fails with what went wrong.
 */
export function proxyAwareFetch(
  baseUrl: string,
): (url: string, init: RequestInit) => Promise<Response> {
  const dispatcher = new HttpClient().getAgentDispatcher(baseUrl);
  const proxy = getProxyUrl(baseUrl);
  return async (url, init) => {
    try {
      return await fetch(url, { ...init, dispatcher });
    } catch (error) {
      const failure = connectionFailure(error, url, proxy);
      throw failure === undefined ? error : new Error(failure, { cause: error });
    }
  };
}
