import { errorMessage } from '../common/error-message.ts';
import { mapConcurrently } from '../common/concurrency.ts';
import type { GitHubClient } from '../github/client.ts';
import { readJobLog } from '../github/job-logs.ts';
import type { Repo } from '../github/repo.ts';
import type { Logger } from '../runner/logger.ts';
import type { CompiledRules } from './compiled-rules.ts';
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

/**
 * Streams each job's log from the API straight into a scan, a few logs at a time. A log the API
 * cannot give is reported on its source, with the reason.
 */
export async function scanJobLogs(options: {
  client: GitHubClient;
  repo: Repo;
  jobs: readonly JobLog[];
  compiled: CompiledRules;
  samples: number;
  concurrency: number;
  log: Logger;
}): Promise<ScannedSource[]> {
  const { client, repo, compiled, samples, log } = options;
  return mapConcurrently(options.jobs, options.concurrency, async (job) => {
    const source = { name: job.name, kind: job.kind, ...labelsOf(job) };
    try {
      const result = await readJobLog(
        client,
        repo,
        job.jobId,
        async (chunks) => {
          const scan = new LogScan(compiled, { samples, countLines: true });
          for await (const chunk of chunks) {
            scan.feed(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          }
          return scan.finish();
        },
        log,
      );
      return { ...source, result: withStepLinks(result, job) };
    } catch (error) {
      return { ...source, error: `log unavailable: ${errorMessage(error)}` };
    }
  });
}
