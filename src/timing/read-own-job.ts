import type { RunJob } from '../github/run-jobs.ts';

/**
 * The job this step runs in: the one whose id is the runner's `job.check_run_id` (a job's id is
 * its check run's), else the unfinished job on this runner (`RUNNER_NAME`; a runner runs one
 * job at a time). Undefined when neither tells, as on a GHES without `job.check_run_id` before
 * the runner is listed.
 */
export function findOwnJob(
  jobs: readonly RunJob[],
  options: { checkRunId: number | undefined; runnerName: string | undefined },
): number | undefined {
  const { checkRunId, runnerName } = options;
  if (checkRunId !== undefined && jobs.some((job) => job.id === checkRunId)) return checkRunId;
  if (!runnerName) return checkRunId;
  const onThisRunner = jobs.filter(
    (job) => job.status !== 'completed' && job.runnerName === runnerName,
  );
  return onThisRunner.length === 1 ? onThisRunner[0]!.id : checkRunId;
}
