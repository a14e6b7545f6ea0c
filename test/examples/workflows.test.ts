/**
 * Every example workflow's lanekit steps run through the local runner, in order, with the inputs
 * the workflow gives them; each job output the workflow maps from a lanekit step must be one the
 * action really writes.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { GitFixture } from '../harness/git-fixture.ts';
import { pullRequestPayload } from '../harness/payloads.ts';
import { ROOT, runAction } from '../harness/runner.ts';

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, string>;
}
interface Job {
  outputs?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  jobs: Record<string, Job>;
}

const LANEKIT_STEP = /^(?:lanekit\/lanekit\/actions\/([\w-]+)@.+|\.\/actions\/([\w-]+))$/;
const STEP_OUTPUT = /\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}/g;

const dir = join(ROOT, 'examples', 'workflows');
const examples = readdirSync(dir).filter((f) => f.endsWith('.yml'));

describe('example workflows', () => {
  let repo: GitFixture;
  let workspace: string;
  let event: { name: string; payload: unknown };

  before(() => {
    repo = new GitFixture();
    const base = repo.commit('base', {
      'Cargo.toml': '[workspace]\n',
      'mise.toml': '[tools]\nzig = "0.13"\n',
    });
    const head = repo.commitOnBranch('feature', 'change', {
      'crates/app/src/lib.rs': '//\n',
      'docs/index.md': '# docs\n',
    });
    workspace = repo.clone({ ref: head });
    event = { name: 'pull_request', payload: pullRequestPayload({ baseSha: base, headSha: head }) };
  });
  after(() => {
    repo.cleanup();
  });

  for (const file of examples) {
    it(`${file}: lanekit steps run and produce the outputs the jobs map`, async () => {
      const workflow = parse(readFileSync(join(dir, file), 'utf8')) as Workflow;
      let ran = 0;
      for (const [jobName, job] of Object.entries(workflow.jobs)) {
        const outputsByStep = new Map<string, Record<string, string>>();
        for (const step of job.steps ?? []) {
          const match = LANEKIT_STEP.exec(step.uses ?? '');
          if (!match) continue;
          const action = match[1] ?? match[2]!;
          const result = await runAction(action, { workspace, event, inputs: step.with ?? {} });
          assert.equal(
            result.exitCode,
            0,
            `${file} ${jobName}/${step.id ?? action}:\n${result.stdout}`,
          );
          if (step.id) outputsByStep.set(step.id, result.outputs);
          ran++;
        }
        for (const [name, expression] of Object.entries(job.outputs ?? {})) {
          for (const [, stepId, output] of expression.matchAll(STEP_OUTPUT)) {
            const outputs = outputsByStep.get(stepId!);
            if (!outputs) continue;
            assert.ok(
              output! in outputs,
              `${file}: jobs.${jobName}.outputs.${name} reads '${output!}', which ${stepId!} never writes`,
            );
          }
        }
      }
      assert.ok(ran > 0, `${file} has no lanekit step`);
    });
  }
});
