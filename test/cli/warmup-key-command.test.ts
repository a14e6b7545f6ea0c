/** `lanekit warmup-key`: registry-warmup's exact key, as the action computes it. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { planWarmup } from '../../src/warmup/plan.ts';
import { PRESETS } from '../../src/warmup/presets.ts';
import { assertUsageError, lanekit } from './lanekit-process.ts';

const silent = { debug: () => {}, info: () => {}, notice: () => {}, warning: () => {} };

describe('lanekit warmup-key', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lanekit-warmup-key-'));
    writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "x"\nversion = "0.1.0"\n');
    writeFileSync(join(dir, 'Cargo.lock'), 'version = 4\n');
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the key the action’s plan computes for the runner’s OS and arch', async () => {
    const run = await lanekit(
      dir,
      'warmup-key',
      '--ecosystem',
      'cargo',
      '--os',
      'Linux',
      '--arch',
      'X64',
    );
    assert.equal(run.code, 0, run.stderr);
    const env = { HOME: process.env.HOME, RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64' };
    const plan = await planWarmup(
      { preset: PRESETS.cargo, prefix: 'registry-warmup-v1', workspace: dir, env },
      silent,
    );
    assert.equal(run.stdout, `${plan.key}\n`);
    assert.match(plan.key, /^registry-warmup-v1-cargo-linux-x64-[0-9a-f]{64}$/);
  });

  it('--json: key, family, lockfiles hashed, paths; a changed lockfile changes the key', async () => {
    const args = ['warmup-key', '--ecosystem', 'cargo', '--prefix', 'p1', '--dir', dir, '--json'];
    const before = JSON.parse((await lanekit(tmpdir(), ...args)).stdout) as {
      key: string;
      lockfiles: string[];
      family: string;
    };
    assert.deepEqual(before.lockfiles, ['Cargo.lock']);
    assert.ok(before.key.startsWith(before.family) && before.family.startsWith('p1-cargo-'));
    writeFileSync(join(dir, 'Cargo.lock'), 'version = 4\n# changed\n');
    const after = JSON.parse((await lanekit(tmpdir(), ...args)).stdout) as { key: string };
    assert.notEqual(after.key, before.key);
  });

  it('2: bad options, and no lockfile of the ecosystem', async () => {
    assertUsageError(await lanekit(dir, 'warmup-key'), 'lanekit warmup-key', 'missing --ecosystem');
    assertUsageError(
      await lanekit(dir, 'warmup-key', '--ecosystem', 'maven'),
      'lanekit warmup-key',
      "--ecosystem: got 'maven', expected one of cargo|npm|pnpm|go|custom",
    );
    assertUsageError(
      await lanekit(dir, 'warmup-key', '--ecosystem', 'cargo', '--prefix', 'a b'),
      'lanekit warmup-key',
      "--prefix: got 'a b'",
    );
    assertUsageError(
      await lanekit(dir, 'warmup-key', '--ecosystem', 'npm'),
      'lanekit warmup-key',
      "--ecosystem: got 'npm', but no package-lock.json",
    );
    assertUsageError(
      await lanekit(dir, 'warmup-key', '--ecosystem', 'cargo', '--paths', 'x'),
      'lanekit warmup-key',
      "--paths: set for ecosystem 'cargo'",
    );
  });
});
