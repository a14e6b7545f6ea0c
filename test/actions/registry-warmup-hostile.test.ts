import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { run } from '../../src/actions/registry-warmup.ts';
import { runInProcess } from '../../src/rehearsal/runner.ts';

const root = mkdtempSync(join(tmpdir(), 'lanekit-warmup-hostile-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Prints the directory it runs in and a workflow command of its own, then fills the store. */
const FETCH = `
const { mkdirSync, writeFileSync } = require('node:fs');
console.log('fetching in ' + process.cwd());
console.log('::add-mask::secret-from-a-package');
mkdirSync(process.env.HOME + '/.store', { recursive: true });
writeFileSync(process.env.HOME + '/.store/dep', 'x');
`;
const VERIFY = `process.exit(require('node:fs').existsSync(process.env.HOME + '/.store/dep') ? 0 : 1);`;

describe('registry-warmup with hostile names and output, and no cache service', () => {
  it('runs the tool in directories named like workflow commands, prints nothing the runner would obey, and still populates', async () => {
    const workspace = join(root, 'workspace');
    const home = join(root, 'home');
    mkdirSync(home, { recursive: true });
    for (const dir of ['::error::from-a-dir-name', 'line\nbreak', "it's $(id)"]) {
      mkdirSync(join(workspace, dir), { recursive: true });
      writeFileSync(join(workspace, dir, 'deps.lock'), 'dep\n');
    }
    const result = await runInProcess('registry-warmup', run, {
      inputs: {
        ecosystem: 'custom',
        mode: 'warm',
        paths: '~/.store',
        'key-files': 'deps.lock',
        fetch: JSON.stringify([process.execPath, '-e', FETCH]),
        verify: JSON.stringify([process.execPath, '-e', VERIFY]),
        lane: '::warning::lane',
      },
      workspace,
      env: { HOME: home },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(result.outputs.populated, 'true');
    assert.deepEqual(
      result.commands.map((c) => c.command).filter((c) => c !== 'debug' && c !== 'set-output'),
      ['notice'],
      result.stdout,
    );
    const [notice] = result.annotations;
    assert.match(notice!.message, /^no cache service in this job .*nothing is saved$/);
    assert.equal(result.legacyCommands.length, 0);
    assert.match(result.stdout, /fetching in .*::error::from-a-dir-name/);
    assert.match(result.summary, /\| \u200d::warning::lane \| custom \| warm \| save-skipped \|/);
  });
});
