import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { run } from '../../src/actions/registry-warmup.ts';
import { runInProcess } from '../../src/rehearsal/runner.ts';

const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function workspace(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'lanekit-warmup-inputs-'));
  temps.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

async function failure(inputs: Record<string, string>, files: Record<string, string> = {}) {
  const result = await runInProcess('registry-warmup', run, {
    inputs,
    workspace: workspace(files),
    env: { HOME: workspace() },
  });
  assert.equal(result.exitCode, 1);
  const errors = result.annotations.filter((a) => a.command === 'error').map((a) => a.message);
  assert.equal(errors.length, 1, result.stdout);
  return errors[0]!.replace(/workspace \S+ \(/, 'workspace <ws> (');
}

describe('registry-warmup bad input', () => {
  it('an unknown ecosystem names the input, the value and what is allowed', async () => {
    assert.equal(
      await failure({ ecosystem: 'maven' }),
      "registry-warmup: ecosystem: got 'maven', expected one of cargo|npm|pnpm|go|custom",
    );
  });

  it('no ecosystem at all', async () => {
    assert.equal(await failure({}), 'registry-warmup: ecosystem: input required and not supplied');
  });

  it('no lockfile in the workspace: the ecosystem input, and where it looked', async () => {
    assert.equal(
      await failure(
        { ecosystem: 'cargo' },
        { 'Cargo.toml': '', 'target/x/Cargo.lock': '', 'target/x/Cargo.toml': '' },
      ),
      "registry-warmup: ecosystem: got 'cargo', but no Cargo.lock was found in the workspace <ws> (.git, target and node_modules are skipped); check the repository out before this step, or pick the ecosystem it uses",
    );
  });

  it('a custom preset without paths names paths', async () => {
    assert.equal(
      await failure({
        ecosystem: 'custom',
        'key-files': 'deps.lock',
        fetch: 'node f.js',
        verify: 'node v.js',
      }),
      'registry-warmup: paths: the custom ecosystem needs the directories to cache',
    );
  });

  it('custom inputs with a preset ecosystem', async () => {
    assert.equal(
      await failure({ ecosystem: 'npm', paths: '~/.npm' }),
      "registry-warmup: paths: set for ecosystem 'npm', whose preset decides it; use ecosystem: custom to give your own",
    );
  });

  it('a bad mode, on-miss or prefix', async () => {
    assert.equal(
      await failure({ ecosystem: 'npm', mode: 'save' }),
      "registry-warmup: mode: got 'save', expected one of warm|restore",
    );
    assert.equal(
      await failure({ ecosystem: 'npm', 'on-miss': 'ignore' }),
      "registry-warmup: on-miss: got 'ignore', expected one of fail|fetch|warn",
    );
    assert.equal(
      await failure({ ecosystem: 'npm', prefix: 'a,b' }),
      "registry-warmup: prefix: got 'a,b', expected 1-100 letters, digits, '.', '_' or '-'",
    );
  });
});
