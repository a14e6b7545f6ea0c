import type { GitHubClient } from '../github/client.ts';
import type { Repo } from '../github/repo.ts';
import type { RunJob } from '../github/run-jobs.ts';
import type { LanesConfig } from '../lanes/lanes-config.ts';
import { CompiledRules } from '../markers/compiled-rules.ts';
import { scanJobLogs } from '../markers/job-log-source.ts';
import { jobLogOf } from '../markers/run-job-logs.ts';
import type { AllowEntry } from '../markers/markers-config.ts';
import type { MarkersReport } from '../markers/report.ts';
import { buildReport } from '../markers/report.ts';
import type { MarkerRule } from '../markers/rule.ts';
import type { Logger } from '../runner/logger.ts';

/** `scan-logs`: no logs, the logs of failed jobs, or of every finished job. */
export type ScanLogs = 'none' | 'failed' | 'all';
export const SCAN_LOGS: readonly ScanLogs[] = ['none', 'failed', 'all'];

const FAILED = new Set(['failure', 'timed_out']);

/** The jobs whose logs `scan` asks for: finished, not skipped (no log), failed for `failed`. */
export function jobsToScan(jobs: readonly RunJob[], scan: ScanLogs): RunJob[] {
  if (scan === 'none') return [];
  return jobs.filter(
    (job) =>
      job.status === 'completed' &&
      job.conclusion !== 'skipped' &&
      (scan === 'all' || FAILED.has(job.conclusion ?? '')),
  );
}

/**
 * Scans the chosen jobs' logs with the marker rules, `concurrency` logs at once, one request
 * each (the jobs are already listed); a log that cannot be read is counted unreadable.
 */
export async function readMarkers(options: {
  client: GitHubClient;
  repo: Repo;
  jobs: readonly RunJob[];
  rules: readonly MarkerRule[];
  allow: readonly AllowEntry[];
  failOn: readonly string[];
  lanes: LanesConfig | undefined;
  concurrency: number;
  log: Logger;
}): Promise<MarkersReport> {
  const { lanes, rules } = options;
  const scanned = await scanJobLogs({
    client: options.client,
    repo: options.repo,
    jobs: options.jobs.map((job) => jobLogOf(job, lanes)),
    compiled: new CompiledRules(rules),
    samples: 3,
    concurrency: options.concurrency,
    log: options.log,
  });
  return buildReport(rules, scanned, { allow: options.allow, failOn: options.failOn });
}
