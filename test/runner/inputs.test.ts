import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigurationError } from '../../src/runner/configuration-error.ts';
import { Inputs } from '../../src/runner/inputs.ts';
import { readInput } from '../../src/runner/runner-protocol.ts';

const inputs = (values: Record<string, string>) => new Inputs((name) => values[name] ?? '');

describe('Inputs', () => {
  it('treats an empty or blank input as not given', () => {
    assert.equal(inputs({ a: '  ' }).optional('a'), undefined);
    assert.throws(() => inputs({}).required('a'), /a: input required and not supplied/);
  });
  for (const [value, expected] of [
    ['true', true],
    ['False', false],
    ['', true],
  ] as const) {
    it(`parses boolean '${value}'`, () => {
      assert.equal(inputs({ b: value }).boolean('b', true), expected);
    });
  }
  it('names the input, the value and what is allowed', () => {
    assert.throws(
      () => inputs({ b: 'yes' }).boolean('b', true),
      (error: unknown) => {
        assert.ok(error instanceof ConfigurationError);
        assert.equal(error.message, "b: got 'yes', expected true|false");
        return true;
      },
    );
    assert.throws(
      () => inputs({ s: 'svn' }).choice('s', ['git', 'api'], 'git'),
      /s: got 'svn', expected one of git\|api/,
    );
  });
});

describe('readInput', () => {
  it('mangles names as the runner does: spaces to _, upper case, - kept', () => {
    assert.equal(readInput('changed-files', { 'INPUT_CHANGED-FILES': ' 3 ' }), '3');
    assert.equal(readInput('my input', { INPUT_MY_INPUT: 'x' }), 'x');
  });
});
