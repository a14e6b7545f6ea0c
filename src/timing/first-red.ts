import type { RunJob, RunJobStep } from '../github/run-jobs.ts';
import { seconds } from './job-timing.ts';
import type { FirstRed } from './report.ts';

/** Conclusions that are a red signal; `cancelled` is left out, as it follows a red elsewhere. */
const RED = new Set(['failure', 'timed_out', 'startup_failure']);

/** A step's anchor on its job's page: GitHub opens the log there. */
export const stepUrl = (jobUrl: string | null, step: number): string | null =>
  jobUrl === null ? null : `${jobUrl}#step:${step}:1`;

/**
 * The first red signal: the failed step that ended first (a running job's failed step counts),
 * or a failed job with no failed step (a startup failure, a timeout) at its completion.
 */
export function firstRed(jobs: readonly RunJob[], origin: number): FirstRed | undefined {
  let first: FirstRed | undefined;
  const consider = (job: RunJob, step: RunJobStep | undefined, at: number | null) => {
    if (at === null) return;
    const red: FirstRed = {
      job: job.name,
      step: step?.name,
      url: step === undefined ? job.htmlUrl : stepUrl(job.htmlUrl, step.number),
      seconds: seconds(origin, at),
    };
    if (first === undefined || red.seconds < first.seconds) first = red;
  };
  for (const job of jobs) {
    const failedSteps = job.steps.filter((step) => RED.has(step.conclusion ?? ''));
    for (const step of failedSteps) {
      consider(job, step, step.completedAt ?? step.startedAt ?? job.completedAt);
    }
    if (failedSteps.length === 0 && RED.has(job.conclusion ?? '')) {
      consider(job, undefined, job.completedAt ?? job.startedAt);
    }
  }
  return first;
}
