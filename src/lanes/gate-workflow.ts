import { parse } from 'yaml';
import { nameBase } from '../workflow/job-names.ts';

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

interface WorkflowJob {
  readonly if?: unknown;
  readonly needs?: unknown;
  readonly name?: unknown;
}

function needsOf(job: WorkflowJob | undefined): string[] {
  const needs = job?.needs;
  if (typeof needs === 'string') return [needs];
  return Array.isArray(needs) ? needs.filter((n): n is string => typeof n === 'string') : [];
}

/** Every job `start` reaches through `next`, `start` excluded. */
function reach(start: readonly string[], next: (job: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const job = queue.shift()!;
    if (seen.has(job)) continue;
    seen.add(job);
    queue.push(...next(job));
  }
  return seen;
}

/** Undefined when the workflow has no job `gateJob` (a reusable workflow's job, say). */
export function checkGateWorkflow(
  workflowText: string,
  gateJob: string,
): GateWorkflowCheck | undefined {
  const workflow = parse(workflowText) as { jobs?: Record<string, WorkflowJob> } | null;
  const jobs = workflow?.jobs ?? {};
  const gate = jobs[gateJob];
  if (!gate) return undefined;

  // YAML gives `if: true` as a boolean: the runner reads it as the text `true`.
  const condition =
    typeof gate.if === 'string'
      ? gate.if
      : typeof gate.if === 'boolean' || typeof gate.if === 'number'
        ? String(gate.if)
        : undefined;
  let problem: string | undefined;
  if (condition === undefined) {
    problem = `jobs.${gateJob} has no if:, so GitHub skips it when a job it needs fails, and a skipped required check counts as passed: add \`if: always()\` to jobs.${gateJob}`;
  } else if (!/\balways\(\s*\)/.test(condition)) {
    problem = `jobs.${gateJob} runs under \`if: ${condition}\`, which skips it when a job it needs fails or the run is cancelled, and a skipped required check counts as passed: use \`if: always()\``;
  }

  const upstream = reach(needsOf(gate), (job) => needsOf(jobs[job]));
  const downstream = reach(
    Object.keys(jobs).filter((job) => needsOf(jobs[job]).includes(gateJob)),
    (job) => Object.keys(jobs).filter((other) => needsOf(jobs[other]).includes(job)),
  );
  const unjudged = Object.keys(jobs).filter(
    (job) => job !== gateJob && !upstream.has(job) && !downstream.has(job),
  );
  const nameBases = new Map<string, string>();
  for (const [id, job] of Object.entries(jobs)) {
    const base = typeof job.name === 'string' ? nameBase(job.name) : undefined;
    if (base !== undefined) nameBases.set(id, base);
  }
  return { problem, unjudged, nameBases };
}

/** The workflow file's path in the repository, from `GITHUB_WORKFLOW_REF` (`o/r/<path>@<ref>`). */
export function workflowPath(workflowRef: string | undefined): string | undefined {
  if (!workflowRef) return undefined;
  const at = workflowRef.lastIndexOf('@');
  const withoutRef = at < 0 ? workflowRef : workflowRef.slice(0, at);
  const parts = withoutRef.split('/');
  return parts.length > 2 ? parts.slice(2).join('/') : undefined;
}
