import type { GitHubClient } from '../github/client.ts';
import type { Repo } from '../github/repo.ts';
import type { RunJob } from '../github/run-jobs.ts';
import { listRunAttemptJobs } from '../github/run-jobs.ts';
import type { LanesConfig } from '../lanes/lanes-config.ts';
import type { AllowEntry } from '../markers/markers-config.ts';
import type { MarkersReport } from '../markers/report.ts';
import type { MarkerRule } from '../markers/rule.ts';
import { ServiceError } from '../runner/errors.ts';
import type { Logger } from '../runner/logger.ts';
import type { CompareTo } from './compare-to.ts';
import { readBaseline } from './read-baseline.ts';
import { readCacheUsage } from './read-cache-usage.ts';
import type { ScanLogs } from './read-markers.ts';
import { jobsToScan, readMarkers } from './read-markers.ts';
import { findOwnJob } from './read-own-job.ts';
import { readRunInfo } from './read-run-info.ts';
import { readRunWorkflow } from './read-run-workflow.ts';
import type { TargetRun } from './read-target-run.ts';
import type { RunData, RunInfo } from './run-data.ts';

export interface ReadRunOptions {
  readonly client: GitHubClient;
  readonly target: TargetRun;
  readonly env: NodeJS.ProcessEnv;
  readonly workspace: string;
  /** The event payload's `repository.default_branch`, which saves a request when present. */
  readonly defaultBranch: string | undefined;
  readonly compareTo: CompareTo;
  readonly scanLogs: ScanLogs;
  readonly markerRules: {
    readonly rules: readonly MarkerRule[];
    readonly allow: readonly AllowEntry[];
    readonly failOn: readonly string[];
  };
  readonly lanes: LanesConfig | undefined;
  /** Logs read at once. */
  readonly concurrency: number;
  /** The runner's `job.check_run_id`, when the step was given it. */
  readonly checkRunId: number | undefined;
  readonly log: Logger;
}

/**
 * Reads what can be read; a part GitHub would not give (after the client's retries and waits)
 * becomes a notice, not a failure. Only a bug escapes.
 */
async function partial<T>(
  notices: string[],
  what: string,
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    notices.push(`${what} could not be read: ${error.message}`);
    return undefined;
  }
}

/** The run as far as its jobs tell, when GitHub would not describe it. */
export function runFromJobs(
  target: TargetRun,
  jobs: readonly RunJob[],
  env: NodeJS.ProcessEnv,
  readAt: number,
): RunInfo {
  const { runId, attempt, owner, repo } = target.attempt;
  const times = jobs.flatMap((job) => job.createdAt ?? job.startedAt ?? []);
  const page = `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${owner}/${repo}/actions/runs/${runId}`;
  return {
    id: runId,
    attempt,
    workflowName: (target.isThisRun ? env.GITHUB_WORKFLOW : undefined) ?? `run ${runId}`,
    workflowPath: undefined,
    event: target.isThisRun ? (env.GITHUB_EVENT_NAME ?? '') : '',
    headBranch: null,
    headSha: (target.isThisRun ? env.GITHUB_SHA : undefined) ?? '',
    status:
      jobs.every((job) => job.status === 'completed') && jobs.length > 0
        ? 'completed'
        : 'in_progress',
    conclusion: null,
    createdAt: times.length > 0 ? Math.min(...times) : readAt,
    runStartedAt: null,
    updatedAt: null,
    htmlUrl: attempt > 1 ? `${page}/attempts/${attempt}` : page,
    previousAttempts: Array.from({ length: attempt - 1 }, (_, index) => ({
      attempt: index + 1,
      htmlUrl: `${page}/attempts/${index + 1}`,
    })),
  };
}

/**
 * Everything a timing summary reads about a run attempt: the attempt (1 request), its jobs (1
 * per 100), the cache usage (1), the workflow file (at most 1), the baseline (2-3, plus 1 per 100
 * of its jobs) and, when asked, one log per scanned job.
 */
export async function readRun(options: ReadRunOptions): Promise<RunData> {
  const { client, target, log } = options;
  const { runId, attempt } = target.attempt;
  const repo: Repo = { owner: target.attempt.owner, repo: target.attempt.repo };
  const notices: string[] = [];
  const [runInfo, listed, cache] = await Promise.all([
    partial(notices, `run ${runId} attempt ${attempt}`, () =>
      readRunInfo(client, repo, runId, attempt),
    ),
    partial(notices, `the jobs of run ${runId} attempt ${attempt}`, () =>
      listRunAttemptJobs(client, target.attempt),
    ),
    partial(notices, 'the Actions cache usage', () => readCacheUsage(client, repo)),
  ]);
  const readAt = Date.now();
  const jobs = listed?.jobs ?? [];
  const totalJobs = listed?.totalCount ?? 0;
  if (totalJobs > jobs.length) {
    notices.push(`the API listed ${jobs.length} of the ${totalJobs} jobs of this attempt`);
  }
  const run = runInfo ?? runFromJobs(target, jobs, options.env, readAt);
  const ownJobId = target.isThisRun
    ? findOwnJob(jobs, { checkRunId: options.checkRunId, runnerName: options.env.RUNNER_NAME })
    : undefined;
  const toScan = jobsToScan(jobs, options.scanLogs).filter((job) => job.id !== ownJobId);
  const [workflowRead, baselineRead, markers] = await Promise.all([
    readRunWorkflow({ ...options, run, repo, isThisRun: target.isThisRun }),
    partial(notices, 'the baseline run', () =>
      readBaseline(client, repo, run, {
        compareTo: options.compareTo,
        defaultBranch: options.defaultBranch,
      }),
    ),
    options.scanLogs === 'none'
      ? undefined
      : readMarkers({ ...options, ...options.markerRules, repo, jobs: toScan }),
  ]);
  for (const notice of [workflowRead.notice, baselineRead?.notice, unreadLogs(markers)]) {
    if (notice !== undefined) notices.push(notice);
  }
  for (const notice of notices) log.warning(notice);
  return {
    run,
    jobs,
    totalJobs,
    workflow: workflowRead.workflow,
    ownJobId,
    cache,
    baseline: baselineRead?.baseline,
    markers,
    readAt,
    notices,
  };
}

function unreadLogs(markers: MarkersReport | undefined): string | undefined {
  if (markers === undefined || markers.unreadable === 0) return undefined;
  return `${markers.unreadable} of ${markers.sources.length} job logs could not be read, so their markers are not counted`;
}
