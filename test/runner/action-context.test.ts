import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActionContext } from '../../src/runner/action-context.ts';
import { readInput } from '../../src/runner/action-context.ts';
import { SUMMARY_LIMIT_BYTES } from '../../src/runner/summary.ts';
import { runInProcess } from '../../src/rehearsal/runner.ts';

/** Runs `body` as change-router's step would run, with its declared inputs. */
const step = (body: (context: ActionContext) => unknown, state?: Record<string, string>) =>
  runInProcess(
    'change-router',
    async (context) => {
      await body(context);
    },
    state === undefined ? {} : { state },
  );

describe('the action context, on the runner protocol', () => {
  it('reads inputs by their declared names, with action.yml defaults applied', async () => {
    let seen: string | undefined;
    const result = await step(({ inputs }) => {
      seen = inputs.choice('source', ['auto', 'git', 'api'], 'git');
    });
    assert.equal(result.exitCode, 0);
    assert.equal(seen, 'auto');
  });

  it('writes outputs in the delimiter form, so any value round-trips', async () => {
    const hostile = 'line one\nx<<EOF\n::set-output name=a::b\nEOF\n';
    const result = await step((context) => {
      context.setOutput('plan', hostile);
      context.setOutput('empty', '');
    });
    assert.deepEqual(result.outputs, { plan: hostile, empty: '' });
    assert.deepEqual(result.commands, []);
  });

  it('exports variables for later steps and for itself, adds to PATH, saves state', async () => {
    let own: string | undefined;
    const result = await step((context) => {
      context.exportVariable('CARGO_NET_OFFLINE', 'true');
      own = context.env.CARGO_NET_OFFLINE;
      context.addPath('/opt/tool/bin');
      context.saveState('key', 'cargo-linux-x64-abc');
    });
    assert.deepEqual(result.exportedEnv, { CARGO_NET_OFFLINE: 'true' });
    assert.equal(own, 'true');
    assert.deepEqual(result.addedPath, ['/opt/tool/bin']);
    assert.deepEqual(result.state, { key: 'cargo-linux-x64-abc' });
  });

  it("reads the main step's state in the post step", async () => {
    let key: string | undefined;
    await step(
      (context) => {
        key = context.getState('key');
      },
      { key: 'cargo-linux-x64-abc' },
    );
    assert.equal(key, 'cargo-linux-x64-abc');
  });

  it('neutralizes every log line, so hostile text never becomes a command', async () => {
    const result = await step(({ log }) => {
      log.info('::set-env name=PATH::/evil');
      log.warning('first\n::add-mask::secret');
      log.notice('##[error]legacy');
      log.debug('::stop-commands::x');
    });
    assert.deepEqual(
      result.commands.map((c) => c.command),
      ['warning', 'notice', 'debug'],
    );
    assert.deepEqual(result.legacyCommands, []);
    assert.equal(result.annotations[0]?.message, 'first\\n::add-mask::secret');
  });

  it('folds a group of log lines', async () => {
    const result = await step((context) =>
      context.group('Scanning 3 logs', () => {
        context.log.info('inside');
        return Promise.resolve();
      }),
    );
    assert.deepEqual(
      result.commands.map((c) => [c.command, c.message]),
      [
        ['group', 'Scanning 3 logs'],
        ['endgroup', ''],
      ],
    );
    assert.match(result.stdout, /::group::Scanning 3 logs\ninside\n::endgroup::/);
  });

  it('appends to the step summary, fitted under the limit', async () => {
    const result = await step((context) => {
      context.appendSummary('## first');
      context.appendSummary(`${'x'.repeat(100)}\n`.repeat(20_000));
    });
    assert.ok(result.summary.startsWith('## first\n'));
    assert.ok(Buffer.byteLength(result.summary) <= SUMMARY_LIMIT_BYTES + 20);
    assert.match(result.summary, /Summary cut to fit/);
  });

  it('writes no summary outside a runner', async () => {
    const result = await runInProcess(
      'change-router',
      (context) => {
        context.appendSummary('## nowhere');
        return Promise.resolve();
      },
      { env: { GITHUB_STEP_SUMMARY: '' } },
    );
    assert.equal(result.exitCode, 0);
    assert.equal(result.summary, '');
  });
});

describe('readInput', () => {
  it('mangles names as the runner does: spaces to _, upper case, - kept; trims', () => {
    assert.equal(readInput({ 'INPUT_CHANGED-FILES': ' 3 ' }, 'changed-files'), '3');
    assert.equal(readInput({ INPUT_MY_INPUT: 'x' }, 'my input'), 'x');
    assert.equal(readInput({}, 'absent'), '');
  });
});
