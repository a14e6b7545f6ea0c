import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandEnv, commandLine, runCommand } from '../../src/warmup/commands.ts';
import { recordingLog } from './recording-log.ts';

const OFFLINE = { CARGO_NET_OFFLINE: 'true' };

describe('registry-warmup commands', () => {
  it('fetches with every offline variable removed, whatever its case, and verifies with them set', () => {
    const env = { PATH: '/bin', CARGO_NET_OFFLINE: 'true', cargo_net_offline: '1', KEEP: 'x' };
    assert.deepEqual(commandEnv(env, OFFLINE, 'online'), { PATH: '/bin', KEEP: 'x' });
    assert.deepEqual(commandEnv(env, OFFLINE, 'offline'), {
      PATH: '/bin',
      KEEP: 'x',
      CARGO_NET_OFFLINE: 'true',
    });
  });

  it('runs without a shell: arguments are not expanded', async () => {
    const log = recordingLog();
    const argv = [
      process.execPath,
      '-e',
      'console.log(process.argv.slice(1).join("|"))',
      '$(id)',
      '*',
      'a b',
    ];
    assert.equal(await runCommand(argv, { cwd: '/', env: {} }, log), 0);
    assert.deepEqual(log.lines, ['$(id)|*|a b']);
  });

  it('passes each line it prints, stdout and stderr, to the log (which neutralizes it)', async () => {
    const log = recordingLog();
    const script =
      'console.log("::error::from a package"); console.error("Downloaded x v1"); process.exit(3)';
    assert.equal(await runCommand([process.execPath, '-e', script], { cwd: '/', env: {} }, log), 3);
    assert.deepEqual(log.lines.sort(), ['::error::from a package', 'Downloaded x v1']);
  });

  it('says a program is missing and returns 127, as a shell would', async () => {
    const log = recordingLog();
    assert.equal(
      await runCommand(
        ['lanekit-no-such-tool', 'x'],
        { cwd: '/', env: { PATH: '/nonexistent' } },
        log,
      ),
      127,
    );
    assert.deepEqual(log.warnings, ['lanekit-no-such-tool: not found on PATH']);
  });

  it('shows an argv as one line, quoting what a reader could misread', () => {
    assert.equal(commandLine(['cargo', 'fetch', '--locked']), 'cargo fetch --locked');
    assert.equal(commandLine(['node', 'a b.js', 'x\ny']), 'node "a b.js" "x\\ny"');
  });
});
