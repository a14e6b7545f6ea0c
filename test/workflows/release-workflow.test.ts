/**
 * .github/workflows/release.yml's own shell steps, taken from the file and run in bash as the
 * runner runs them: the notes step on this repository, and the move of the major tag against a
 * real git origin. (Creating the release is `gh release create`, which needs GitHub.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { changelogSection } from '../../scripts/release-notes.ts';
import { git, GitFixture } from '../../src/rehearsal/git-fixture.ts';
import { parseFileCommands, ROOT } from '../../src/rehearsal/runner.ts';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  permissions: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}

const WORKFLOW = parse(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as {
  on: unknown;
  permissions: unknown;
  jobs: Record<string, Job>;
};

const stepNamed = (job: string, name: string): Step => {
  const step = WORKFLOW.jobs[job]!.steps.find((s) => s.name === name);
  assert.ok(step?.run, `jobs.${job} has no run: step named '${name}'`);
  return step;
};

let temp: string;
before(() => {
  temp = mkdtempSync(join(tmpdir(), 'lanekit-release-'));
});
after(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** Runs a step's script as the runner does, with `env` for the ${{ }} values it takes. */
function runStep(step: Step, cwd: string, env: Record<string, string>) {
  const output = join(temp, `output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, '');
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd,
    env: { PATH: process.env.PATH, HOME: temp, RUNNER_TEMP: temp, GITHUB_OUTPUT: output, ...env },
    encoding: 'utf8',
  });
  return { ...run, outputs: parseFileCommands(readFileSync(output, 'utf8')) };
}

describe('release.yml', () => {
  it('runs on version tags only, with contents: write on the release job alone', () => {
    assert.deepEqual(WORKFLOW.on, { push: { tags: ['v*.*.*'] } });
    assert.deepEqual(WORKFLOW.permissions, {});
    assert.deepEqual(WORKFLOW.jobs.check!.permissions, { contents: 'read' });
    assert.deepEqual(WORKFLOW.jobs.release!.permissions, { contents: 'write' });
  });

  it('passes values to shell through env, never as ${{ }} in a script', () => {
    for (const [id, job] of Object.entries(WORKFLOW.jobs)) {
      for (const step of job.steps.filter((s) => s.run !== undefined)) {
        assert.doesNotMatch(step.run!, /\$\{\{/, `jobs.${id}: ${step.name ?? step.run!}`);
      }
    }
  });

  it("makes the notes output CHANGELOG.md's section for the tag", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const step = stepNamed('check', 'Release notes from CHANGELOG.md');
    const run = runStep(step, ROOT, { TAG: `v${version}` });
    assert.equal(run.status, 0, run.stderr);
    const section = changelogSection(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), version);
    assert.equal(`${run.outputs.notes}\n`, section);
    assert.equal(WORKFLOW.jobs.check!.outputs?.notes, `\${{ steps.${step.id!}.outputs.notes }}`);
  });

  it('fails the notes step on a tag that is not the version', () => {
    const run = runStep(stepNamed('check', 'Release notes from CHANGELOG.md'), ROOT, {
      TAG: 'v999.0.0',
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^release-notes: tag v999\.0\.0 does not match/);
    assert.deepEqual(run.outputs, {});
  });

  it('moves the major tag to the tagged commit, force-pushing that tag only', () => {
    const repo = new GitFixture();
    try {
      const first = repo.commit('first', { 'a.txt': 'a\n' });
      git(repo.origin, 'tag', 'v1', first);
      git(repo.origin, 'tag', 'v1.0.0', first);
      const second = repo.commit('second', { 'a.txt': 'b\n' });
      git(repo.origin, 'tag', 'v1.1.0', second);
      const checkout = repo.clone({ ref: second });
      git(checkout, 'tag', 'v1.0.0', '--force', second); // a local stray that must not be pushed

      const run = runStep(stepNamed('release', 'Move the major tag'), checkout, {
        TAG: 'v1.1.0',
        GITHUB_SHA: second,
      });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(repo.sha('v1'), second);
      assert.equal(repo.sha('v1.0.0'), first, 'no other tag pushed');
      assert.equal(repo.sha('v1.1.0'), second);
    } finally {
      repo.cleanup();
    }
  });
});
