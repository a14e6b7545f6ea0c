import { ConfigurationError } from '../runner/errors.ts';
import type { WorkflowEvent } from '../github/event.ts';
import type { RunAttempt } from '../github/run-jobs.ts';
import { currentRunAttempt } from '../github/run-jobs.ts';

/** The run attempt a summary is about, and whether it is the run this step runs in. */
export interface TargetRun {
  readonly attempt: RunAttempt;
  /** False in `workflow_run` mode: the run is another workflow's, and finished. */
  readonly isThisRun: boolean;
}

const positiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/**
 * This run at `GITHUB_RUN_ATTEMPT`, or, when a `workflow_run` event started this workflow, the
 * run that triggered it (its id and attempt from the payload) for its final numbers.
 * Undefined outside a workflow run.
 */
export function readTargetRun(event: WorkflowEvent, env: NodeJS.ProcessEnv): TargetRun | undefined {
  const current = currentRunAttempt(env);
  if (event.name !== 'workflow_run' || current === undefined) {
    return current && { attempt: current, isThisRun: true };
  }
  const triggering = (event.payload as { workflow_run?: unknown }).workflow_run;
  const { id, run_attempt: attempt } = (triggering ?? {}) as Record<string, unknown>;
  if (!positiveInteger(id) || !(attempt === undefined || positiveInteger(attempt))) {
    throw new ConfigurationError(
      'GITHUB_EVENT_PATH: the workflow_run payload is not what GitHub sends: payload.workflow_run needs a numeric id and run_attempt',
    );
  }
  return {
    attempt: { owner: current.owner, repo: current.repo, runId: id, attempt: attempt ?? 1 },
    isThisRun: false,
  };
}
