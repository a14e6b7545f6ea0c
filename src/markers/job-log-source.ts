import type { GitHubClient } from '../github/client.ts';
import type { Logger } from '../runner/logger.ts';
import type { CompiledRules } from './compiled-rules.ts';
import { mapConcurrently } from './concurrency.ts';
import type { LogScanResult, MarkerSample } from './log-scan.ts';
import { LogScan } from './log-scan.ts';
import type { LogSource, ScannedSource } from './report.ts';

export interface JobStep {
  readonly name: string;
  readonly number: number;
  readonly startedAt: number | null;
  readonly completedAt: number | null;
}

export interface JobLog extends LogSource {
  readonly jobId: number;
  readonly steps: readonly JobStep[];
}

/** API step times are whole seconds; a log line's time has a fraction. */
const STEP_TIME_SLACK_MS = 1000;

/**
 * The step a sample was logged in: among the steps running at its time, the one its `Run ...`
 * header names (GitHub names `run:` and `uses:` steps that way), else the latest started.
 */
function stepOf(steps: readonly JobStep[], sample: MarkerSample): JobStep | undefined {
  if (sample.time === undefined) return undefined;
  const time = Date.parse(sample.time);
  const running = steps.filter(
    (step) =>
      step.startedAt !== null &&
      step.startedAt <= time &&
      (step.completedAt === null || time < step.completedAt + STEP_TIME_SLACK_MS),
  );
  const named = running.filter((step) => step.name === sample.step);
  const pick = named.length > 0 ? named : running;
  return pick.reduce<JobStep | undefined>(
    (latest, step) => (latest === undefined || step.startedAt! > latest.startedAt! ? step : latest),
    undefined,
  );
}

function labelsOf(job: JobLog): { lane?: string; url?: string } {
  return {
    ...(job.lane === undefined ? {} : { lane: job.lane }),
    ...(job.url === undefined ? {} : { url: job.url }),
  };
}

/** Adds the `#step:<n>:<line>` link GitHub's log view understands, where it can be known. */
function withStepLinks(result: LogScanResult, job: JobLog): LogScanResult {
  if (job.url === undefined || job.steps.length === 0) return result;
  for (const hits of result.hits.values()) {
    hits.samples.forEach((sample, index) => {
      const step = stepOf(job.steps, sample);
      if (step === undefined || sample.stepLine === undefined || sample.line < sample.stepLine) {
        return;
      }
      const line = sample.line - sample.stepLine + 1;
      hits.samples[index] = { ...sample, url: `${job.url!}#step:${step.number}:${line}` };
    });
  }
  return result;
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
    const { jobId } = job;
    const source = { name: job.name, kind: job.kind, ...labelsOf(job) };
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
        return { ...source, result: withStepLinks(scan.finish(), job) };
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
