import { nameBase } from '../workflow/job-names.ts';
import { NeedsGraph } from '../workflow/needs-graph.ts';
import { parseWorkflow } from '../workflow/workflow.ts';

/**
 * What the gate job's own definition says about the gate: GitHub skips a job whose needs failed
 * unless its `if:` says `always()`, and branch protection counts a skipped required check as
 * passed, so a gate without `always()` passes exactly when it should fail.
 */
export interface GateWorkflowCheck {
  /** Set when the gate's `if:` lets it be skipped: how to fix the workflow. */
  readonly problem: string | undefined;
  /** Jobs the gate judges neither directly nor through the jobs it needs. */
  readonly unjudged: readonly string[];
  /** Job id -> what its legs' names start with, for jobs that set `name:`. */
  readonly nameBases: ReadonlyMap<string, string>;
}

/** Undefined when the workflow has no job `gateJob` (a reusable workflow's job, say). */
export function checkGateWorkflow(
  workflowText: string,
  gateJob: string,
): GateWorkflowCheck | undefined {
  const { jobs } = parseWorkflow(workflowText);
  const gate = jobs.get(gateJob);
  if (!gate) return undefined;

  let problem: string | undefined;
  if (gate.if === undefined) {
    problem = `jobs.${gateJob} has no if:, so GitHub skips it when a job it needs fails, and a skipped required check counts as passed: add \`if: always()\` to jobs.${gateJob}`;
  } else if (!/\balways\(\s*\)/.test(gate.if)) {
    problem = `jobs.${gateJob} runs under \`if: ${gate.if}\`, which skips it when a job it needs fails or the run is cancelled, and a skipped required check counts as passed: use \`if: always()\``;
  }

  const graph = new NeedsGraph(jobs.values());
  const upstream = graph.upstream(gateJob);
  const downstream = graph.downstream(gateJob);
  const unjudged = graph.jobs.filter(
    (job) => job !== gateJob && !upstream.has(job) && !downstream.has(job),
  );
  const nameBases = new Map<string, string>();
  for (const job of jobs.values()) {
    const base = job.name === undefined ? undefined : nameBase(job.name);
    if (base !== undefined) nameBases.set(job.id, base);
  }
  return { problem, unjudged, nameBases };
}
