import { errorMessage } from '../common/error-message.ts';
import type { Response } from 'undici';
import type { Logger } from '../runner/logger.ts';
import type { GitHubClient } from './client.ts';
import type { Repo } from './repo.ts';

const ATTEMPTS = 3;

/** The status GitHub answered; undefined when no answer came (Octokit then says 500). */
function httpStatus(error: unknown): number | undefined {
  return error instanceof Error &&
    'status' in error &&
    typeof error.status === 'number' &&
    'response' in error &&
    error.response !== undefined
    ? error.status
    : undefined;
}

/** One fetch per storage origin, so the logs read from it share its connections (or proxy). */
const storageFetches = new Map<string, (url: string) => Promise<Response>>();

async function fetchFromStorage(url: string): Promise<Response> {
  const { origin } = new URL(url);
  let fetchAt = storageFetches.get(origin);
  if (fetchAt === undefined) {
    // Loaded as the client itself is, lazily: it brings undici.
    const { proxyAwareFetch } = await import('./client.ts');
    const fetch = proxyAwareFetch(origin);
    fetchAt = (at) => fetch(at, {});
    storageFetches.set(origin, fetchAt);
  }
  return fetchAt(url);
}

/** A failed answer of the log's storage, shaped like Octokit's errors for httpStatus. */
function storageError(status: number): Error {
  return Object.assign(new Error(`the log storage answered ${status}`), { status, response: {} });
}

/**
 * Reads one job's log as a stream of bytes, so no log is held whole in memory. GitHub answers
 * with a redirect to the log's storage (a signed URL): the API request goes through the client
 * (rate limits, retries), the download straight to the storage, so a slow download does not hold
 * one of the client's rate-limited request slots. A log that fails half-way is read again from
 * the start with a fresh `read`; a log that is gone (404, 410) is not asked for twice. Throws
 * with the last failure after the last attempt.
 */
export async function readJobLog<T>(
  client: GitHubClient,
  repo: Repo,
  jobId: number,
  read: (chunks: AsyncIterable<Uint8Array>) => Promise<T>,
  log: Logger,
): Promise<T> {
  let lastError = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const response = await client.request(
        'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
        {
          ...repo,
          job_id: jobId,
          request: { parseSuccessResponseBody: false, redirect: 'manual' },
        },
      );
      let body: unknown = response.data;
      const { location } = response.headers;
      if ((response.status as number) !== 200 && location) {
        const stored = await fetchFromStorage(location);
        if (!stored.ok) throw storageError(stored.status);
        body = stored.body;
      }
      if (body === null || typeof body !== 'object' || !(Symbol.asyncIterator in body)) {
        throw new Error('the log response had no body');
      }
      return await read(body as AsyncIterable<Uint8Array>);
    } catch (error) {
      const status = httpStatus(error);
      lastError = `${errorMessage(error)}${status === undefined ? '' : ` (HTTP ${status})`}`;
      if (status === 404 || status === 410) break;
      log.debug(`log of job ${jobId}, attempt ${attempt}: ${lastError}`);
    }
  }
  throw new Error(lastError);
}
