import type { RunJob } from '../github/run-jobs.ts';
import type { RunInfo } from './run-data.ts';
import type { JobTiming, Offset } from './report.ts';

/**
 * The moment every figure counts from: the run's creation, so queue time before the first job
 * starts is part of the wall. A re-run attempt counts from its own start: attempt 1's creation
 * may be days before it.
 */
export function runOrigin(run: RunInfo): number {
  return run.attempt > 1 && run.runStartedAt !== null ? run.runStartedAt : run.createdAt;
}

export const isRunning = (status: string): boolean => status !== 'completed';

export const seconds = (from: number, to: number): number => Math.max(0, (to - from) / 1000);

/** Seconds after the origin, never before it (a job listed as created before its run). */
const offsetOf = (origin: number, at: number | null): Offset =>
  at === null ? null : seconds(origin, at);

/** Where a job's time ends: its completion, or the time of reading while it runs. */
function endOf(job: RunJob, readAt: number): number | null {
  if (job.completedAt !== null) return job.completedAt;
  return job.startedAt === null ? null : readAt;
}

export interface JobContext {
  readonly origin: number;
  readonly readAt: number;
  readonly ownJobId: number | undefined;
  readonly laneOf: (name: string) => string | undefined;
  readonly workflowJobOf: (name: string) => string | undefined;
}

/** The first step that started: GitHub may list steps out of order and some never start. */
function firstStepStart(job: RunJob): number | null {
  let first: number | null = null;
  for (const step of job.steps) {
    if (step.startedAt !== null && (first === null || step.startedAt < first)) {
      first = step.startedAt;
    }
  }
  return first;
}

export function timeJob(job: RunJob, context: JobContext): JobTiming {
  const running = isRunning(job.status);
  const end = endOf(job, context.readAt);
  const firstStep = firstStepStart(job);
  const runFrom =
    firstStep !== null && job.startedAt !== null
      ? Math.max(firstStep, job.startedAt)
      : job.startedAt;
  return {
    id: job.id,
    name: job.name,
    url: job.htmlUrl,
    lane: context.laneOf(job.name),
    workflowJob: context.workflowJobOf(job.name),
    status: job.status,
    conclusion: job.conclusion,
    running,
    own: job.id === context.ownJobId,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
    queueSeconds:
      job.createdAt === null || job.startedAt === null
        ? null
        : seconds(job.createdAt, job.startedAt),
    setupSeconds:
      firstStep === null || job.startedAt === null ? null : seconds(job.startedAt, firstStep),
    runSeconds: runFrom === null || end === null ? null : seconds(runFrom, end),
    seconds: job.startedAt === null || end === null ? null : seconds(job.startedAt, end),
    startOffset: offsetOf(context.origin, job.startedAt),
    endOffset: offsetOf(context.origin, end),
  };
}

/** Skipped jobs hold no runner: they take no place in the rankings and sums. */
export const ranThere = (job: JobTiming): boolean =>
  job.conclusion !== 'skipped' && job.seconds !== null;
