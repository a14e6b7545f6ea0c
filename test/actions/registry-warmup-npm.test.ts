import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CacheService } from '../../src/rehearsal/cache-service.ts';
import { runAction } from '../../src/rehearsal/runner.ts';
import { shownRun } from '../warmup/warmup-scenario.ts';

/** package.json and package-lock.json of two small real packages (is-number, ms). */
const PROJECT = join(import.meta.dirname, '..', 'warmup', 'fixtures', 'npm-project');

describe('registry-warmup npm preset, end to end with the npm registry', () => {
  let service: CacheService;
  let root: string;
  before(async () => {
    service = await CacheService.start();
    root = mkdtempSync(join(tmpdir(), 'lanekit-warmup-npm-'));
  });
  after(async () => {
    await service.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** A fresh job: its own home (so its own npm cache) beside a checkout of the project. */
  function job(name: string) {
    const home = join(root, name, 'home');
    const workspace = join(root, name, 'workspace');
    mkdirSync(home, { recursive: true });
    cpSync(PROJECT, workspace, { recursive: true });
    return { home, workspace };
  }

  it('a warm job fills its npm cache and saves it; a fresh job restores it and npm ci --offline succeeds', async () => {
    const warmJob = job('warm');
    const warm = await runAction('registry-warmup', {
      inputs: { ecosystem: 'npm', mode: 'warm', lane: 'github' },
      workspace: warmJob.workspace,
      env: { HOME: warmJob.home, ...service.env({ job: 'warm' }) },
      timeoutMs: 240_000,
    });
    assert.equal(warm.exitCode, 0, shownRun(warm));
    assert.equal(warm.outputs.populated, 'true');
    assert.equal(warm.outputs.verified, 'true');
    assert.match(warm.outputs.key!, /^registry-warmup-v1-npm-linux-/);
    assert.match(warm.stdout, /cache version [0-9a-f]{64} of ~\/\.npm \(/);
    assert.ok(readdirSync(join(warmJob.home, '.npm', '_cacache')).length > 0);
    assert.deepEqual(
      service.entries().map((e) => e.key),
      [warm.outputs.key],
    );

    const fanOut = job('fan-out');
    const restore = await runAction('registry-warmup', {
      inputs: { ecosystem: 'npm', mode: 'restore' },
      workspace: fanOut.workspace,
      env: { HOME: fanOut.home, ...service.env({ job: 'fan-out' }) },
      timeoutMs: 240_000,
    });
    assert.equal(restore.exitCode, 0, shownRun(restore));
    assert.equal(restore.outputs['cache-hit'], 'true');
    assert.deepEqual(restore.exportedEnv, { npm_config_offline: 'true' });

    const npmCi = (where: { home: string; workspace: string }) =>
      spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
        cwd: where.workspace,
        env: { PATH: process.env.PATH, HOME: where.home, ...restore.exportedEnv },
        encoding: 'utf8',
      });
    const offline = npmCi(fanOut);
    assert.equal(offline.status, 0, `${offline.stdout}\n${offline.stderr}`);
    assert.ok(existsSync(join(fanOut.workspace, 'node_modules', 'ms', 'package.json')));
    assert.ok(existsSync(join(fanOut.workspace, 'node_modules', 'is-number', 'package.json')));
    const withoutRestore = npmCi(job('not-restored'));
    assert.notEqual(withoutRestore.status, 0, 'offline, npm ci fails without the restored cache');
    assert.match(withoutRestore.stderr, /ENOTCACHED/);
  });
});
