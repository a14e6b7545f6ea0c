import type { GitHubClient } from '../github/client.ts';
import type { RunAttempt, RunJob } from '../github/run-jobs.ts';
import { listRunAttemptJobs } from '../github/run-jobs.ts';
import { laneOfJob } from '../lanes/lane-of.ts';
import type { LanesConfig } from '../lanes/lanes-config.ts';
import type { Logger } from '../runner/logger.ts';
import type { CompiledRules } from './compiled-rules.ts';
import type { JobLog } from './job-log-source.ts';
import { scanJobLogs } from './job-log-source.ts';
import type { ScannedSource } from './report.ts';

/** A listed job as a log to scan, labelled with its lane. */
export function jobLogOf(job: RunJob, lanes: LanesConfig | undefined): JobLog {
  const lane = lanes ? laneOfJob(lanes, job.name)?.name : undefined;
  return {
    jobId: job.id,
    steps: job.steps,
    name: job.name,
    kind: 'job',
    ...(lane === undefined ? {} : { lane }),
    ...(job.htmlUrl === null ? {} : { url: job.htmlUrl }),
  };
}

/**
 * Scans the logs of this run attempt's finished jobs (the running ones, this job among them,
 * have no log yet; skipped ones have none), each labelled with its lane.
 */
export async function scanRunJobLogs(options: {
  client: GitHubClient;
  run: RunAttempt;
  lanes: LanesConfig | undefined;
  compiled: CompiledRules;
  samples: number;
  concurrency: number;
  log: Logger;
}): Promise<ScannedSource[]> {
  const { client, run, lanes, log } = options;
  const { jobs, totalCount } = await listRunAttemptJobs(client, run);
  if (totalCount > jobs.length) {
    log.warning(
      `the API listed ${jobs.length} of the ${totalCount} jobs of this run; the rest were not scanned`,
    );
  }
  const completed = jobs.filter((job) => job.status === 'completed');
  const pending = jobs.length - completed.length;
  if (pending > 0) {
    log.info(
      `${pending} jobs of this run were not complete (this one among them) and were not scanned`,
    );
  }
  const ran = completed.filter((job) => job.conclusion !== 'skipped');
  return scanJobLogs({
    client,
    repo: { owner: run.owner, repo: run.repo },
    jobs: ran.map((job) => jobLogOf(job, lanes)),
    compiled: options.compiled,
    samples: options.samples,
    concurrency: options.concurrency,
    log,
  });
}
