import { errorMessage } from '../common/error-message.ts';
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

/**
 * Reads one job's log as a stream of bytes (one request; GitHub answers with a redirect to the
 * log's storage), so no log is held whole in memory. A log that fails half-way is read again from
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
        { ...repo, job_id: jobId, request: { parseSuccessResponseBody: false } },
      );
      const body: unknown = response.data;
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
