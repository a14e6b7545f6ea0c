/** `lanekit gate`: lane-matrix's gate verdict on a needs JSON, the same decisions as the action. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runAction } from '../../src/rehearsal/runner.ts';
import { assertUsageError, lanekit, lanekitWithInput } from './lanekit-process.ts';

const NEEDS = {
  build: { result: 'success', outputs: {} },
  docs: { result: 'skipped', outputs: {} },
  e2e: { result: 'failure', outputs: {} },
};

describe('lanekit gate', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lanekit-gate-'));
    writeFileSync(join(dir, 'needs.json'), JSON.stringify(NEEDS));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('1 when a job failed, naming it; --json equals the action’s decisions output', async () => {
    const cli = await lanekit(
      dir,
      'gate',
      '--needs',
      'needs.json',
      '--allowed-skips',
      'docs',
      '--json',
    );
    assert.equal(cli.code, 1, cli.stderr);
    const action = await runAction('lane-matrix', {
      workspace: dir,
      event: { name: 'push', payload: {} },
      inputs: { mode: 'gate', needs: JSON.stringify(NEEDS), 'allowed-skips': 'docs' },
    });
    assert.equal(action.exitCode, 1);
    assert.deepEqual(JSON.parse(cli.stdout), JSON.parse(action.outputs.decisions!));
    const text = await lanekit(dir, 'gate', '--needs', 'needs.json', '--allowed-skips', 'docs');
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^FAIL {2}e2e \(failure\)/m);
    assert.match(text.stdout, /^pass {2}docs \(skipped\)/m);
    assert.match(text.stdout, /^the gate failed: e2e failed$/m);
  });

  it('0 when every job passes or is excused; needs read from stdin', async () => {
    const run = await lanekitWithInput(
      dir,
      JSON.stringify(NEEDS),
      'gate',
      '--needs',
      '-',
      '--allowed-skips',
      'docs',
      '--allowed-failures',
      'e2e',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^The gate passes\.$/m);
  });

  it('--must-run fails a skipped job whose route ran', async () => {
    const run = await lanekit(
      dir,
      'gate',
      '--needs',
      'needs.json',
      '--allowed-failures',
      'e2e',
      '--must-run',
      'docs',
    );
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^FAIL {2}docs \(skipped\)/m);
  });

  it('2: bad options and a needs file that is not JSON', async () => {
    assertUsageError(await lanekit(dir, 'gate'), 'lanekit gate', 'missing --needs FILE');
    assertUsageError(
      await lanekit(dir, 'gate', '--needs', 'needs.json', '--allowed-skips', 'dcos'),
      'lanekit gate',
      "--allowed-skips: got 'dcos', expected jobs of needs: build|docs|e2e",
    );
    writeFileSync(join(dir, 'broken.json'), '{"build": ');
    assertUsageError(
      await lanekit(dir, 'gate', '--needs', 'broken.json'),
      'lanekit gate',
      '--needs: got',
    );
  });
});
