import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run as changeRouter } from '../../src/actions/change-router.ts';
import { run as laneMatrix } from '../../src/actions/lane-matrix.ts';
import { run as markerScanner } from '../../src/actions/marker-scanner.ts';
import { GitFixture } from '../../src/rehearsal/git-fixture.ts';
import { ROOT, runInProcess } from '../../src/rehearsal/runner.ts';

const TOOL_LOGS = join(ROOT, 'test/fixtures/logs/tools');

const LANES = `default: github
lanes:
  github: { runs-on: ubuntu-24.04, required: true, hosted: true }
  velnor: { runs-on: [self-hosted, velnor], required: false, hosted: false }
`;

describe('change-router run(), in process', () => {
  let repo: GitFixture;
  let base: string;
  let head: string;
  before(() => {
    repo = new GitFixture();
    base = repo.commit('base', {
      '.github/lanekit/routes.yml':
        'routes:\n  rust:\n    paths: [crates/**]\n  docs:\n    paths: [docs/**]\n',
      'crates/a/lib.rs': 'fn a() {}\n',
      'docs/index.md': '# docs\n',
    });
    head = repo.commit('change a crate', { 'crates/a/lib.rs': 'fn a() { 1 }\n' });
  });
  after(() => {
    repo.cleanup();
  });

  it('writes the plan, a flag per route and the summary', async () => {
    const result = await runInProcess('change-router', changeRouter, {
      workspace: repo.origin,
      inputs: { base, head },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(result.outputs.rust, 'true');
    assert.equal(result.outputs.docs, 'false');
    assert.equal(result.outputs.routes, '["rust"]');
    assert.equal(result.outputs['changed-files'], '1');
    assert.match(result.summary, /rust/);
    assert.deepEqual(result.annotations, []);
  });

  it("fails on a routes file's bad key with an annotation on its line and column", async () => {
    const dir = repo.clone({ name: 'bad-routes' });
    writeFileSync(
      join(dir, '.github/lanekit/routes.yml'),
      'routes:\n  rust:\n    paths: [crates/**]\n    pathz: [x]\n',
    );
    const result = await runInProcess('change-router', changeRouter, { workspace: dir });
    assert.equal(result.exitCode, 1);
    const [error, ...rest] = result.annotations;
    assert.deepEqual(rest, []);
    assert.equal(error?.command, 'error');
    assert.deepEqual(error.properties, {
      file: '.github/lanekit/routes.yml',
      line: '4',
      col: '5',
    });
    assert.match(error.message, /^change-router: \.github\/lanekit\/routes\.yml:4:5: .*pathz/);
  });
});

describe('lane-matrix run(), in process', () => {
  it('builds the matrix of both lanes for a trusted dispatch', async () => {
    const result = await runInProcess('lane-matrix', laneMatrix, {
      inputs: { 'lanes-file': LANES, lanes: 'both' },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(result.outputs.lanes, '["github","velnor"]');
    assert.equal(result.outputs['include-velnor'], 'true');
    assert.equal(result.outputs.trusted, 'true');
    assert.match(result.summary, /velnor/);
  });

  it('fails the gate with the failed job named, and says so in outputs first', async () => {
    const needs = { build: { result: 'success' }, test: { result: 'failure' } };
    const result = await runInProcess('lane-matrix', laneMatrix, {
      inputs: { mode: 'gate', 'lanes-file': LANES, needs: JSON.stringify(needs) },
      env: { GITHUB_JOB: '' },
    });
    assert.equal(result.exitCode, 1);
    assert.equal(result.outputs.result, 'failure');
    const errors = result.annotations.filter((a) => a.command === 'error');
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /^lane-matrix: the gate failed: test /);
  });

  it('names the input and the mode for an input of the other mode', async () => {
    const result = await runInProcess('lane-matrix', laneMatrix, {
      inputs: { mode: 'gate', 'lanes-file': LANES, shards: '2' },
    });
    assert.equal(result.exitCode, 1);
    assert.equal(
      result.annotations[0]?.message,
      'lane-matrix: shards: is read in mode matrix, but this step runs mode gate; remove it or set mode',
    );
  });
});

describe('marker-scanner run(), in process', () => {
  let workspace: string;
  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'lanekit-in-process-'));
    copyFileSync(join(TOOL_LOGS, 'cargo-build-cold.log'), join(workspace, 'build.log'));
  });
  after(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  it('counts the markers of a log file and fails on a fail-on category', async () => {
    const result = await runInProcess('marker-scanner', markerScanner, {
      workspace,
      inputs: { logs: 'build.log', jobs: 'false', 'fail-on': 'index-update' },
    });
    assert.equal(result.exitCode, 1, result.stdout);
    assert.equal(result.outputs.total, '13');
    assert.match(result.summary, /build\.log/);
    assert.match(
      result.annotations.at(-1)?.message ?? '',
      /^marker-scanner: fail-on: 1 markers match index-update;/,
    );
  });

  it('says there is nothing to scan', async () => {
    const result = await runInProcess('marker-scanner', markerScanner, {
      workspace,
      inputs: { jobs: 'false' },
    });
    assert.equal(result.exitCode, 1);
    assert.equal(
      result.annotations[0]?.message,
      'marker-scanner: logs: nothing to scan; give logs, artifacts, or jobs: true',
    );
  });
});
