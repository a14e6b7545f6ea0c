/**
 * The example workflows under examples/workflows/ and the check every simulation of one must
 * pass. An example that needs services or a workspace of its own (an artifact service, a cache
 * service, scripts of the repository it stands for) has its own test file,
 * test/examples/<example>.test.ts, which runs it and calls assertStepsAndOutputs; the generic
 * loop in workflows.test.ts leaves such an example to it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../src/rehearsal/runner.ts';
import type { WorkflowSimulation } from '../../src/rehearsal/workflow-run.ts';

export const EXAMPLES_DIR = join(ROOT, 'examples', 'workflows');

export const exampleFiles = (): string[] =>
  readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.yml'));

/** The test file of an example that has its own, or undefined. */
export function ownTestOf(file: string): string | undefined {
  const path = join(ROOT, 'test', 'examples', `${basename(file, '.yml')}.test.ts`);
  return existsSync(path) ? relative(ROOT, path) : undefined;
}

interface Workflow {
  jobs: Record<string, { outputs?: Record<string, string> }>;
}

const STEP_OUTPUT = /\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}/g;

/** Every step succeeded, and every job output mapped from a step's output is one it wrote. */
export function assertStepsAndOutputs(file: string, simulation: WorkflowSimulation): void {
  const workflow = parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Workflow;
  for (const step of simulation.steps) {
    assert.equal(
      step.result.exitCode,
      0,
      `${file} ${step.job}/${step.id ?? step.action}:\n${step.result.stdout}${step.result.stderr}`,
    );
  }
  for (const [jobName, job] of Object.entries(workflow.jobs)) {
    for (const [name, expression] of Object.entries(job.outputs ?? {})) {
      for (const [, stepId, output] of expression.matchAll(STEP_OUTPUT)) {
        const step = simulation.steps.find((s) => s.job === jobName && s.id === stepId);
        if (!step) continue;
        assert.ok(
          output! in step.result.outputs,
          `${file}: jobs.${jobName}.outputs.${name} reads '${output!}', which ${stepId!} never writes`,
        );
      }
    }
  }
}
