import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cacheKey, cacheVersion, keyFamily, platformOf } from '../../src/warmup/cache-key.ts';
import { cachePaths } from '../../src/warmup/cache-paths.ts';
import { findLockfiles } from '../../src/warmup/lockfiles.ts';
import { PRESETS } from '../../src/warmup/presets.ts';
import { recordingLog } from './recording-log.ts';

/** @actions/cache's own function: internal, so imported by file, not through the package. */
const cacheUtils = (await import(
  join(import.meta.dirname, '../../node_modules/@actions/cache/lib/internal/cacheUtils.js')
)) as { getCacheVersion(paths: string[], method?: string, crossOs?: boolean): string };

const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lanekit-warmup-key-'));
  temps.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const CARGO = {
  'Cargo.toml': '[workspace]\n',
  'Cargo.lock': 'version = 4\n',
  'fuzz/Cargo.toml': '[package]\n',
  'fuzz/Cargo.lock': 'version = 4\n# fuzz\n',
};

async function keyOf(workspace: string, prefix = 'deps-v1') {
  const lockfiles = await findLockfiles(workspace, ['Cargo.lock'], 'Cargo.toml', recordingLog());
  const parts = { prefix, ecosystem: 'cargo', os: 'linux', arch: 'x64' };
  return cacheKey({ ...parts, presetVersion: PRESETS.cargo.version, lockfiles });
}

describe('registry-warmup key', () => {
  it('is the same for the same lockfiles in any checkout, and starts with its family', async () => {
    const a = await keyOf(project(CARGO));
    const b = await keyOf(project(CARGO));
    assert.equal(a, b);
    assert.match(a, /^deps-v1-cargo-linux-x64-[0-9a-f]{64}$/);
    assert.ok(
      a.startsWith(keyFamily({ prefix: 'deps-v1', ecosystem: 'cargo', os: 'linux', arch: 'x64' })),
    );
  });

  it('changes with a nested lockfile (fuzz/) and with the prefix', async () => {
    const base = await keyOf(project(CARGO));
    const fuzzChanged = await keyOf(
      project({ ...CARGO, 'fuzz/Cargo.lock': 'version = 4\n# v2\n' }),
    );
    const noFuzz = await keyOf(project({ 'Cargo.toml': '', 'Cargo.lock': CARGO['Cargo.lock'] }));
    assert.notEqual(fuzzChanged, base);
    assert.notEqual(noFuzz, base);
    assert.notEqual(await keyOf(project(CARGO), 'deps-v2'), base);
  });

  it('holds no incidental environment: only RUNNER_OS and RUNNER_ARCH name the platform', () => {
    const env = {
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'ARM64',
      RUSTC_WRAPPER: 'sccache',
      RUSTFLAGS: '-D warnings',
    };
    assert.deepEqual(platformOf(env), { os: 'linux', arch: 'arm64' });
    assert.deepEqual(platformOf({ RUNNER_OS: 'Linux', RUNNER_ARCH: 'ARM64' }), platformOf(env));
  });

  it('moves a lockfile to another directory: another key (the name is part of it)', async () => {
    const moved = await keyOf(
      project({
        'Cargo.toml': '',
        'Cargo.lock': CARGO['Cargo.lock'],
        'tools/Cargo.toml': '',
        'tools/Cargo.lock': CARGO['fuzz/Cargo.lock'],
      }),
    );
    assert.notEqual(moved, await keyOf(project(CARGO)));
  });
});

describe('registry-warmup cache version', () => {
  const cases: [string[], string][] = [
    [
      ['~/.cargo/registry/index', '~/.cargo/registry/cache', '~/.cargo/git/db'],
      'zstd-without-long',
    ],
    [['~/.npm'], 'gzip'],
    [['/usr/local/cargo/registry/index', 'a path, with | bars'], 'zstd'],
  ];
  for (const [paths, method] of cases) {
    it(`equals @actions/cache's getCacheVersion for ${paths.length} paths with ${method}`, () => {
      assert.equal(cacheVersion(paths, method), cacheUtils.getCacheVersion(paths, method));
    });
  }

  it('is the same for a warm job and a restore job with different homes and workspaces', () => {
    const warmEnv = { HOME: '/home/runner' };
    const restoreEnv = { HOME: '/tmp/fresh-home' };
    const warm = cachePaths(PRESETS.cargo, '/home/runner/.cargo', warmEnv, '/home/runner/work/a');
    const restore = cachePaths(PRESETS.cargo, '/tmp/fresh-home/.cargo', restoreEnv, '/srv/b');
    assert.deepEqual(
      warm.map((p) => p.key),
      ['~/.cargo/registry/index', '~/.cargo/registry/cache', '~/.cargo/git/db'],
    );
    assert.equal(
      cacheUtils.getCacheVersion(
        warm.map((p) => p.key),
        'zstd-without-long',
      ),
      cacheUtils.getCacheVersion(
        restore.map((p) => p.key),
        'zstd-without-long',
      ),
    );
  });

  it('differs when the paths are spelled differently, which is why both jobs share one spelling', () => {
    assert.notEqual(
      cacheVersion(['~/.npm'], 'zstd-without-long'),
      cacheVersion(['/home/runner/.npm'], 'zstd-without-long'),
    );
  });
});
