import type { GitHubClient } from '../github/client.ts';
import type { Logger } from '../runner/logger.ts';
import type { CompiledRules } from './compiled-rules.ts';
import { mapConcurrently } from './concurrency.ts';
import { LogScan } from './log-scan.ts';
import type { LogSource, ScannedSource } from './report.ts';

export interface JobLog extends LogSource {
  readonly jobId: number;
}

const ATTEMPTS = 3;

/**
 * Streams each job's log from the API (one request per log; GitHub answers with a redirect to
 * the log's storage) straight into a scan, so no log is held whole in memory. A log that fails
 * half-way is scanned again from the start; after the last attempt the source reports the error.
 */
export async function scanJobLogs(options: {
  client: GitHubClient;
  repo: { owner: string; repo: string };
  jobs: readonly JobLog[];
  compiled: CompiledRules;
  samples: number;
  concurrency: number;
  log: Logger;
}): Promise<ScannedSource[]> {
  const { client, repo, compiled, samples, log } = options;
  return mapConcurrently(options.jobs, options.concurrency, async (job) => {
    const { jobId, ...source } = job;
    let lastError = '';
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const scan = new LogScan(compiled, { samples, countLines: true });
      try {
        const response = await client.request(
          'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
          {
            ...repo,
            job_id: jobId,
            request: { parseSuccessResponseBody: false },
          },
        );
        const body: unknown = response.data;
        if (body === null || typeof body !== 'object' || !(Symbol.asyncIterator in body)) {
          throw new Error('the log response had no body');
        }
        for await (const chunk of body as AsyncIterable<Uint8Array>) {
          scan.feed(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        }
        return { ...source, result: scan.finish() };
      } catch (error) {
        const status =
          error instanceof Error && 'status' in error ? ` (HTTP ${String(error.status)})` : '';
        lastError = `${error instanceof Error ? error.message : String(error)}${status}`;
        if (status.includes('404') || status.includes('410')) break;
        log.debug(`log of job ${jobId}, attempt ${attempt}: ${lastError}`);
      }
    }
    return { ...source, error: `log unavailable: ${lastError}` };
  });
}
