/**
 * That a simulated example ran its jobs in `needs` order: every step of a job came after every
 * step of each job it needs, for every such pair of jobs that ran steps.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EXAMPLES_DIR } from './example-workflows.ts';
import type { WorkflowSimulation } from '../../src/rehearsal/workflow-run.ts';

interface Workflow {
  jobs: Record<string, { needs?: string | string[] }>;
}

/** The `need -> job` pairs where one of the two ran no step, so nothing could be checked. */
export function assertRanInNeedsOrder(file: string, simulation: WorkflowSimulation): string[] {
  const workflow = parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Workflow;
  const at = (job: string) =>
    simulation.steps.flatMap((step, index) => (step.job === job ? [index] : []));
  const unchecked: string[] = [];
  for (const [job, spec] of Object.entries(workflow.jobs)) {
    for (const need of spec.needs === undefined ? [] : [spec.needs].flat()) {
      const first = at(job)[0];
      const last = at(need).at(-1);
      if (first === undefined || last === undefined) {
        unchecked.push(`${need} -> ${job}`);
      } else {
        assert.ok(last < first, `${file}: ${job} ran a step before ${need} finished`);
      }
    }
  }
  return unchecked;
}
