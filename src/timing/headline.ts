import type { RunJob } from '../github/run-jobs.ts';
import type { MarkersReport } from '../markers/report.ts';
import { firstRed } from './first-red.ts';
import { isRunning, seconds } from './job-timing.ts';
import type { Headline } from './report.ts';
import type { RunInfo } from './run-data.ts';
import type { TargetJobs } from './target-gate.ts';
import { targetGate } from './target-gate.ts';

/** Whether the run, or any job of it, is still going: then its figures end at the time of reading. */
const runGoesOn = (run: RunInfo, jobs: readonly RunJob[]): boolean =>
  isRunning(run.status) || jobs.some((job) => isRunning(job.status));

/**
 * Where the wall ends: the time of reading while the run goes on, else the last job's completion
 * (the run's last update when no job completed).
 */
export function wallEnd(run: RunInfo, jobs: readonly RunJob[], readAt: number): number {
  if (runGoesOn(run, jobs)) return readAt;
  const completions = jobs.flatMap((job) => job.completedAt ?? []);
  if (completions.length > 0) return Math.max(...completions);
  return run.updatedAt ?? readAt;
}

/** The first lines a reviewer reads: wall, target gate, first red, status, markers verdict. */
export function headline(
  run: RunInfo,
  jobs: readonly RunJob[],
  origin: number,
  readAt: number,
  target: TargetJobs | undefined,
  markers: MarkersReport | undefined,
): Headline {
  return {
    wallSeconds: seconds(origin, wallEnd(run, jobs, readAt)),
    running: runGoesOn(run, jobs),
    status: run.status,
    conclusion: run.conclusion,
    target: target === undefined ? undefined : targetGate(target, origin),
    firstRed: firstRed(jobs, origin),
    markers: markers === undefined ? undefined : { verdict: markers.verdict, total: markers.total },
  };
}
