import type { RunJob } from '../github/run-jobs.ts';
import { ConfigurationError } from '../runner/errors.ts';
import { JobNameMatcher } from '../workflow/job-names.ts';
import {
  cacheFigure,
  DEFAULT_CACHE_BUDGET_BYTES,
  DEFAULT_CACHE_WARN_RATIO,
} from './cache-budget.ts';
import type { RunFigures } from './comparison.ts';
import { compareRuns } from './comparison.ts';
import { criticalPath } from './critical-path.ts';
import { firstRed } from './first-red.ts';
import { headline, wallEnd } from './headline.ts';
import { markerFigures } from './job-markers.ts';
import type { JobContext } from './job-timing.ts';
import { ranThere, runOrigin, seconds, timeJob } from './job-timing.ts';
import type { LaneOf } from './lanes.ts';
import { laneFigures, laneReader } from './lanes.ts';
import { longestJobs, longestSteps } from './long-poles.ts';
import type { AnalysisOptions, CriticalPath, JobTiming, TimingReport } from './report.ts';
import type { BaselineRun, RunData } from './run-data.ts';
import type { Workflow } from '../workflow/workflow.ts';
import { stepCategories } from './step-categories.ts';
import { targetGate, targetJobs } from './target-gate.ts';

const DEFAULT_TOP = 10;

/** Job name -> seconds of the longest completed job of that name. */
function durationsOf(jobs: readonly JobTiming[]): Map<string, number> {
  const durations = new Map<string, number>();
  for (const job of jobs) {
    if (job.running || !ranThere(job)) continue;
    durations.set(job.name, Math.max(durations.get(job.name) ?? 0, job.seconds!));
  }
  return durations;
}

function laneSeconds(jobs: readonly JobTiming[]): Map<string, number> {
  const lanes = new Map<string, number>();
  for (const job of jobs) {
    if (job.lane !== undefined && ranThere(job)) {
      lanes.set(job.lane, (lanes.get(job.lane) ?? 0) + job.seconds!);
    }
  }
  return lanes;
}

/** How the jobs of a run are read: by the workflow file, the lanes and the target of this run. */
interface Reading {
  readonly workflow: Workflow | undefined;
  readonly matcher: JobNameMatcher | undefined;
  readonly laneOf: LaneOf | undefined;
  readonly targetJob: string | undefined;
}

function timeJobs(
  jobs: readonly RunJob[],
  reading: Reading,
  context: Pick<JobContext, 'origin' | 'readAt' | 'ownJobId'>,
): JobTiming[] {
  const { laneOf, matcher } = reading;
  return jobs.map((job) =>
    timeJob(job, {
      ...context,
      laneOf: (name) => laneOf?.(name)?.lane,
      workflowJobOf: (name) => matcher?.jobIdOf(name),
    }),
  );
}

/**
 * The baseline's figures, read as this run's are (it ran the workflow file of its own commit,
 * which was not read: job names stand in). A target it does not have has no time.
 */
function baselineFigures(baseline: BaselineRun, readAt: number, reading: Reading): RunFigures {
  const { run, jobs } = baseline;
  const origin = runOrigin(run);
  const timed = timeJobs(jobs, reading, { origin, readAt, ownJobId: undefined });
  let targetSeconds: number | null = null;
  if (reading.targetJob !== undefined) {
    try {
      const target = targetJobs(reading.targetJob, jobs, reading.workflow, reading.matcher, true);
      targetSeconds = target === undefined ? null : targetGate(target, origin).seconds;
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
    }
  }
  return {
    wallSeconds: seconds(origin, wallEnd(run, jobs, readAt)),
    targetSeconds,
    firstRedSeconds: firstRed(jobs, origin)?.seconds ?? null,
    laneSeconds: laneSeconds(timed),
    jobSeconds: durationsOf(timed),
  };
}

/**
 * Every figure of the timing summary from what was read about the run. An unknown `targetJob`
 * is a ConfigurationError; data that could not be read leaves its figure out, with a notice.
 */
export function analyzeRun(data: RunData, options: AnalysisOptions): TimingReport {
  const { run, workflow, readAt } = data;
  const origin = runOrigin(run);
  const top = options.top ?? DEFAULT_TOP;
  const notices = [...data.notices];
  const matcher = workflow === undefined ? undefined : new JobNameMatcher(workflow);
  const laneOf = laneReader(options.lanes, options.lanePattern);
  const reading: Reading = { workflow, matcher, laneOf, targetJob: options.targetJob };
  const jobs = timeJobs(data.jobs, reading, { origin, readAt, ownJobId: data.ownJobId });
  const end = wallEnd(run, data.jobs, readAt);
  const runComplete = run.status === 'completed';
  const target =
    options.targetJob === undefined
      ? undefined
      : targetJobs(options.targetJob, data.jobs, workflow, matcher, runComplete);
  if (options.targetJob !== undefined && target === undefined) {
    notices.push(
      `target-job '${options.targetJob}' is not among the jobs listed so far, and without the workflow file it cannot be told whether it will be`,
    );
  }
  const head = headline(run, data.jobs, origin, readAt, target, data.markers);
  const sequentialSeconds = jobs.filter(ranThere).reduce((sum, job) => sum + job.seconds!, 0);

  let path: CriticalPath | undefined;
  if (workflow !== undefined && matcher !== undefined) {
    try {
      path = criticalPath(workflow, matcher, data.jobs, origin, readAt, end);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      notices.push(
        `No critical path: the workflow file's needs cannot be followed: ${error.message}`,
      );
    }
  } else {
    notices.push(
      'No critical path: the workflow file was not read, so the needs between jobs are unknown',
    );
  }

  const longest = longestJobs(jobs, top);
  const current: RunFigures = {
    wallSeconds: head.wallSeconds,
    targetSeconds: head.target?.seconds ?? null,
    firstRedSeconds: head.firstRed?.seconds ?? null,
    laneSeconds: laneSeconds(jobs),
    jobSeconds: durationsOf(jobs),
  };
  const { baseline } = data;
  const comparison =
    baseline === undefined
      ? undefined
      : compareRuns(
          current,
          baselineFigures(baseline, baseline.run.updatedAt ?? readAt, reading),
          baseline.run,
          [...new Set(longest.filter((job) => !job.running).map((job) => job.name))],
        );

  return {
    run: {
      id: run.id,
      attempt: run.attempt,
      workflowName: run.workflowName,
      workflowPath: run.workflowPath,
      event: run.event,
      headBranch: run.headBranch,
      headSha: run.headSha,
      htmlUrl: run.htmlUrl,
      previousAttempts: run.previousAttempts,
    },
    origin,
    readAt,
    headline: head,
    parallelism: {
      sequentialSeconds,
      wallSeconds: head.wallSeconds,
      savedSeconds: sequentialSeconds - head.wallSeconds,
    },
    jobs,
    totalJobs: Math.max(data.totalJobs, jobs.length),
    longestSteps: longestSteps(data.jobs, readAt, top),
    criticalPath: path,
    lanes:
      laneOf === undefined
        ? undefined
        : laneFigures(
            jobs,
            laneOf,
            options.lanes?.lanes.map((lane) => lane.name),
          ),
    categories: stepCategories(data.jobs, options.categoryRules ?? [], readAt),
    cache:
      data.cache === undefined
        ? undefined
        : cacheFigure(
            data.cache,
            options.cacheBudgetBytes ?? DEFAULT_CACHE_BUDGET_BYTES,
            options.cacheWarnRatio ?? DEFAULT_CACHE_WARN_RATIO,
          ),
    markers: data.markers === undefined ? undefined : markerFigures(data.markers),
    comparison,
    durations: Object.fromEntries(durationsOf(jobs)),
    top,
    notices,
  };
}
