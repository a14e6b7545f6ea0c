import type { RunJob } from '../github/run-jobs.ts';
import { stepUrl } from './first-red.ts';
import { isRunning, ranThere, seconds } from './job-timing.ts';
import type { JobTiming, StepTiming } from './report.ts';

/** The jobs that held a runner longest, longest first; ties in listed order. */
export function longestJobs(jobs: readonly JobTiming[], top: number): JobTiming[] {
  return jobs
    .filter(ranThere)
    .sort((a, b) => b.seconds! - a.seconds!)
    .slice(0, top);
}

/**
 * The longest steps of the run, longest first. A running step ends at the time of reading; a
 * step that never started, or has no end in a completed job, has no time.
 */
export function longestSteps(jobs: readonly RunJob[], readAt: number, top: number): StepTiming[] {
  const steps: StepTiming[] = [];
  for (const job of jobs) {
    for (const step of job.steps) {
      const running = isRunning(step.status) && step.completedAt === null;
      const end = step.completedAt ?? (running && isRunning(job.status) ? readAt : null);
      if (step.startedAt === null || end === null) continue;
      steps.push({
        job: job.name,
        jobId: job.id,
        step: step.name,
        number: step.number,
        url: stepUrl(job.htmlUrl, step.number),
        conclusion: step.conclusion,
        running,
        seconds: seconds(step.startedAt, end),
      });
    }
  }
  return steps.sort((a, b) => b.seconds - a.seconds).slice(0, top);
}
