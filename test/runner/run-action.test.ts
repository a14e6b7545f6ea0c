import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CheckFailed, ConfigurationError, ServiceError } from '../../src/runner/errors.ts';
import { runInProcess } from '../../src/rehearsal/runner.ts';

/** A step of change-router whose body throws `error`. */
const failing = (error: unknown) =>
  runInProcess('change-router', () => {
    throw error;
  });

describe('runAction: how a step fails', () => {
  it('passes, with no error annotation, when the body returns', async () => {
    const result = await runInProcess('change-router', () => Promise.resolve());
    assert.equal(result.exitCode, 0);
    assert.deepEqual(result.annotations, []);
  });

  it("annotates a configuration error on its file's line and column", async () => {
    const result = await failing(
      new ConfigurationError('routes.yml:3:5: routes.a: unknown key', {
        file: '.github/lanekit/routes.yml',
        line: 3,
        column: 5,
      }),
    );
    assert.equal(result.exitCode, 1);
    assert.deepEqual(result.annotations, [
      {
        command: 'error',
        properties: { file: '.github/lanekit/routes.yml', line: '3', col: '5' },
        message: 'change-router: routes.yml:3:5: routes.a: unknown key',
      },
    ]);
  });

  for (const error of [
    new ConfigurationError("source: got 'svn', expected one of auto|git|api"),
    new ServiceError('GitHub API compare a...b answered 404: Not Found'),
    new CheckFailed('the gate failed: test failure'),
  ]) {
    it(`fails a ${error.name} with its message alone, no stack`, async () => {
      const result = await failing(error);
      assert.equal(result.exitCode, 1);
      assert.deepEqual(result.annotations, [
        { command: 'error', properties: {}, message: `change-router: ${error.message}` },
      ]);
      assert.doesNotMatch(result.stdout, /at .*\.ts:\d+/);
    });
  }

  it('calls anything else a lanekit bug, with its stack only in the debug log', async () => {
    const result = await failing(
      new TypeError("Cannot read properties of undefined (reading 'x')"),
    );
    assert.equal(result.exitCode, 1);
    assert.deepEqual(result.annotations, [
      {
        command: 'error',
        properties: {},
        message:
          "change-router: unexpected error: Cannot read properties of undefined (reading 'x') (this is a lanekit bug; please report it with the debug log)",
      },
    ]);
    const debug = result.commands.filter((c) => c.command === 'debug');
    assert.match(debug[0]?.message ?? '', /^TypeError: .*\\n {4}at /);
  });

  it('neutralizes a message that carries a workflow command', async () => {
    const result = await failing(new ServiceError('bad name\n::set-env name=A::b'));
    assert.deepEqual(
      result.commands.map((c) => c.command),
      ['error'],
    );
    assert.equal(result.annotations[0]?.message, 'change-router: bad name\\n::set-env name=A::b');
  });

  it('shows a thrown non-Error as text', async () => {
    const result = await failing('a string');
    assert.match(result.annotations[0]?.message ?? '', /unexpected error: a string \(this is/);
  });
});
