import type { RunJob } from '../github/run-jobs.ts';
import { ConfigurationError } from '../runner/errors.ts';
import type { JobNameMatcher } from '../workflow/job-names.ts';
import type { Workflow } from '../workflow/workflow.ts';
import { seconds } from './job-timing.ts';
import type { TargetGate } from './report.ts';

/** Names listed in the error for an unknown target, before `and N more`. */
const NAMES_LISTED = 20;

export interface TargetJobs {
  readonly target: string;
  readonly jobs: readonly RunJob[];
}

function unknownTarget(target: string, workflow: Workflow | undefined, jobs: readonly RunJob[]) {
  const names = [...new Set([...(workflow?.jobs.keys() ?? []), ...jobs.map((job) => job.name)])];
  const listed = names.slice(0, NAMES_LISTED).map((name) => `'${name}'`);
  const more = names.length > listed.length ? ` and ${names.length - listed.length} more` : '';
  return new ConfigurationError(
    `target-job: got '${target}', expected a job id of the workflow or a job name the run lists: ${listed.join(', ') || 'none'}${more}`,
  );
}

/**
 * The jobs `target-job` stands for: the jobs listed under that name, or the legs of the workflow
 * job with that id or `name:`. A workflow job (or leg) not listed yet (it waits for its needs) is
 * a target not reached. A name that is neither is a ConfigurationError; without the workflow file it can
 * only be told once the run is complete, and until then it is undefined (with a notice).
 */
export function targetJobs(
  target: string,
  jobs: readonly RunJob[],
  workflow: Workflow | undefined,
  matcher: JobNameMatcher | undefined,
  runComplete: boolean,
): TargetJobs | undefined {
  const named = jobs.filter((job) => job.name === target);
  if (named.length > 0) return { target, jobs: named };
  if (workflow !== undefined && matcher !== undefined) {
    const id = workflow.jobs.has(target) ? target : matcher.jobIdOf(target);
    if (id === undefined) throw unknownTarget(target, workflow, jobs);
    // The name of one leg (`test (linux)`) not listed yet stands for that leg alone.
    const wholeJob = id === target || workflow.jobs.get(id)!.name === target;
    if (!wholeJob) return { target, jobs: [] };
    return { target, jobs: jobs.filter((job) => matcher.jobIdOf(job.name) === id) };
  }
  if (runComplete) throw unknownTarget(target, workflow, jobs);
  return undefined;
}

const GOOD = new Set(['success', 'skipped', 'neutral']);

/** When the target's last job completed, from the origin; null while one is not done. */
export function targetGate(target: TargetJobs, origin: number): TargetGate {
  const done = target.jobs.length > 0 && target.jobs.every((job) => job.completedAt !== null);
  const last = Math.max(...target.jobs.map((job) => job.completedAt ?? 0));
  const bad = target.jobs.find((job) => !GOOD.has(job.conclusion ?? ''));
  return {
    target: target.target,
    jobs: target.jobs.map((job) => job.name),
    seconds: done ? seconds(origin, last) : null,
    conclusion: done ? (bad?.conclusion ?? target.jobs[0]!.conclusion) : null,
  };
}
