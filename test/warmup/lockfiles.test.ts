import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { findLockfiles } from '../../src/warmup/lockfiles.ts';
import { recordingLog } from './recording-log.ts';

const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tree(files: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'lanekit-warmup-lockfiles-'));
  temps.push(root);
  for (const name of files) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), name);
  }
  return root;
}

const find = (root: string, log = recordingLog()) =>
  findLockfiles(root, ['Cargo.lock'], 'Cargo.toml', log);

describe('registry-warmup lockfile discovery', () => {
  it('finds every Cargo.lock, nested workspaces included, sorted, and skips target/, node_modules/, .git/', async () => {
    const root = tree([
      'Cargo.toml',
      'Cargo.lock',
      'fuzz/Cargo.toml',
      'fuzz/Cargo.lock',
      'tools/xtask/Cargo.toml',
      'tools/xtask/Cargo.lock',
      'crates/core/Cargo.toml', // a member: the root's lockfile covers it
      'target/package/x-0.1.0/Cargo.toml',
      'target/package/x-0.1.0/Cargo.lock',
      'node_modules/native/Cargo.toml',
      'node_modules/native/Cargo.lock',
      '.git/modules/sub/Cargo.toml',
      '.git/modules/sub/Cargo.lock',
    ]);
    const found = await find(root);
    assert.deepEqual(
      found.map((l) => l.name),
      ['Cargo.lock', 'fuzz/Cargo.lock', 'tools/xtask/Cargo.lock'],
    );
    assert.equal(found[1]!.directory, join(root, 'fuzz'));
  });

  it('leaves out a lockfile with no manifest beside it, saying so', async () => {
    const root = tree(['Cargo.toml', 'Cargo.lock', 'docs/old/Cargo.lock']);
    const log = recordingLog();
    assert.deepEqual(
      (await find(root, log)).map((l) => l.name),
      ['Cargo.lock'],
    );
    assert.deepEqual(log.warnings, [
      "docs/old/Cargo.lock: no Cargo.toml beside it, so it is no project's lockfile; skipped",
    ]);
  });

  it('does not follow links out of the workspace', async () => {
    const outside = tree(['Cargo.toml', 'Cargo.lock']);
    const root = tree(['Cargo.toml', 'Cargo.lock']);
    symlinkSync(outside, join(root, 'elsewhere'));
    symlinkSync(join(outside, 'Cargo.lock'), join(root, 'linked.lock'));
    assert.deepEqual(
      (await find(root)).map((l) => l.name),
      ['Cargo.lock'],
    );
  });

  it('keeps hostile directory names as data: spaces, quotes, a newline, a workflow command', async () => {
    const hostile = ["a b/it's", 'line\nbreak', '::error::x'];
    const root = tree(hostile.flatMap((dir) => [`${dir}/Cargo.toml`, `${dir}/Cargo.lock`]));
    const found = await find(root);
    assert.deepEqual(
      found.map((l) => l.name),
      hostile.map((dir) => `${dir}/Cargo.lock`).sort(),
    );
  });
});
