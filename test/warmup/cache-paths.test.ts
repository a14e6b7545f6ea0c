import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cachePaths, portablePath, resolveCacheRoot } from '../../src/warmup/cache-paths.ts';
import { customPreset } from '../../src/warmup/custom-preset.ts';
import { PRESETS } from '../../src/warmup/presets.ts';

const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A job's home and workspace, side by side as on a runner. */
function job() {
  const base = mkdtempSync(join(tmpdir(), 'lanekit-warmup-paths-'));
  temps.push(base);
  const home = join(base, 'home');
  const workspace = join(base, 'workspace');
  mkdirSync(home);
  mkdirSync(workspace);
  const env = { PATH: process.env.PATH ?? '', HOME: home };
  return { home, workspace, env };
}

describe('registry-warmup cache paths', () => {
  it('names a path under the home directory with ~, and any other path as it is', () => {
    assert.equal(portablePath('/home/runner/.npm', '/home/runner'), '~/.npm');
    assert.equal(portablePath('/home/runner', '/home/runner'), '~');
    assert.equal(portablePath('/home/runner2/.npm', '/home/runner'), '/home/runner2/.npm');
    assert.equal(portablePath('/usr/local/cargo', '/home/runner'), '/usr/local/cargo');
  });

  it("finds npm's cache where npm itself does: npm's default, under HOME", async () => {
    const { home, workspace, env } = job();
    const root = await resolveCacheRoot(PRESETS.npm.root!, env, workspace);
    assert.equal(root, join(home, '.npm'));
    assert.deepEqual(
      cachePaths(PRESETS.npm, root, env, workspace).map((p) => p.key),
      ['~/.npm'],
    );
  });

  it("honours a project's .npmrc, as npm config get cache does", async () => {
    const { home, workspace, env } = job();
    writeFileSync(join(workspace, '.npmrc'), `cache=${join(home, 'project-cache')}\n`);
    assert.equal(
      await resolveCacheRoot(PRESETS.npm.root!, env, workspace),
      join(home, 'project-cache'),
    );
  });

  it('takes npm_config_cache (either case) first, with ~ expanded', async () => {
    const { home, workspace, env } = job();
    writeFileSync(join(workspace, '.npmrc'), 'cache=/somewhere/else\n');
    assert.equal(
      await resolveCacheRoot(
        PRESETS.npm.root!,
        { ...env, npm_config_cache: '~/from-env' },
        workspace,
      ),
      join(home, 'from-env'),
    );
    assert.equal(
      await resolveCacheRoot(
        PRESETS.npm.root!,
        { ...env, NPM_CONFIG_CACHE: '/opt/npm' },
        workspace,
      ),
      '/opt/npm',
    );
  });

  it('falls back to the default when the tool is not installed', async () => {
    const { home, workspace } = job();
    const env = { PATH: '/nonexistent', HOME: home };
    assert.equal(
      await resolveCacheRoot(PRESETS.go.root!, env, workspace),
      join(home, 'go/pkg/mod'),
    );
    assert.equal(await resolveCacheRoot(PRESETS.cargo.root!, env, workspace), join(home, '.cargo'));
    assert.equal(
      await resolveCacheRoot(
        PRESETS.cargo.root!,
        { ...env, CARGO_HOME: '/usr/local/cargo' },
        workspace,
      ),
      '/usr/local/cargo',
    );
  });

  it('gives the same strings in two jobs with different homes (so the same cache version)', async () => {
    const warm = job();
    const restore = job();
    const keys = async (j: ReturnType<typeof job>) =>
      cachePaths(
        PRESETS.npm,
        await resolveCacheRoot(PRESETS.npm.root!, j.env, j.workspace),
        j.env,
        j.workspace,
      ).map((p) => p.key);
    assert.deepEqual(await keys(warm), await keys(restore));
  });

  it("keeps a custom preset's relative paths relative to the workspace, and ~ paths portable", () => {
    const { home, workspace, env } = job();
    const preset = customPreset({
      paths: ['deps', '~/.cache/tool', join(home, 'abs')],
      keyFiles: ['deps.lock'],
      fetch: 'node fetch.js',
      verify: 'node verify.js',
      offlineEnv: [],
    });
    assert.deepEqual(cachePaths(preset, undefined, env, workspace), [
      { key: 'deps', path: join(workspace, 'deps') },
      { key: '~/.cache/tool', path: join(home, '.cache/tool') },
      { key: '~/abs', path: join(home, 'abs') },
    ]);
  });
});
