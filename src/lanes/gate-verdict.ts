import type { GateOutcome } from './gate.ts';
import type { GateWorkflowCheck } from './gate-workflow.ts';

export interface GateVerdict {
  readonly pass: boolean;
  /** What is wrong with the gate job itself (an `if:` that lets it be skipped). */
  readonly problems: readonly string[];
  /** The step's failure message when the gate fails. */
  readonly failure: string | undefined;
}

/** The required check passes when every job passed and the gate job cannot be skipped. */
export function gateVerdict(
  outcome: GateOutcome,
  check: GateWorkflowCheck | undefined,
): GateVerdict {
  const problems = check?.problem === undefined ? [] : [check.problem];
  const pass = outcome.pass && problems.length === 0;
  const failed = outcome.decisions.filter((d) => !d.pass).map((d) => `${d.job} ${d.why}`);
  return {
    pass,
    problems,
    failure: pass ? undefined : `the gate failed: ${[...problems, ...failed].join('; ')}`,
  };
}
