import type { Shrinks } from '../runner/json-output.ts';
import type { JobDecision } from './gate.ts';

/** The `decisions` output: job -> its decision, without the job's name inside. */
export type Decisions = Readonly<Record<string, Omit<JobDecision, 'job'>>>;

export function decisionsOf(decisions: readonly JobDecision[]): Decisions {
  return Object.fromEntries(decisions.map(({ job, ...decision }) => [job, decision]));
}

const keep = (decisions: Decisions, pick: (d: Omit<JobDecision, 'job'>) => object | undefined) =>
  Object.fromEntries(
    Object.entries(decisions).flatMap(([job, decision]) => {
      const kept = pick(decision);
      return kept === undefined ? [] : [[job, kept]];
    }),
  );

/**
 * How the `decisions` output shrinks: the legs of passing jobs go, then every job's legs, then
 * the passing jobs; the failing jobs and why they failed stay.
 */
export const DECISIONS_SHRINKS: Shrinks<Decisions> = [
  (decisions, truncation) => ({
    ...keep(decisions, (d) => (d.pass ? { ...d, legs: [] } : d)),
    truncated: truncation,
  }),
  (decisions, truncation) => ({
    ...keep(decisions, (d) => ({ ...d, legs: [] })),
    truncated: truncation,
  }),
  (decisions, truncation) => ({
    ...keep(decisions, (d) => (d.pass ? undefined : { ...d, legs: [] })),
    truncated: truncation,
  }),
];
