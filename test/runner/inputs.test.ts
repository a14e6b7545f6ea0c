import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigurationError } from '../../src/runner/errors.ts';
import { Inputs } from '../../src/runner/inputs.ts';

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
  for (const [value, expected] of [
    ['', 4],
    ['12', 12],
    ['+3', 3],
  ] as const) {
    it(`parses integer '${value}'`, () => {
      assert.equal(inputs({ n: value }).integer('n', 4, { min: 1, max: 256 }), expected);
    });
  }
  for (const value of ['0', '257', '1.5', '1e2', 'ten', '0x10']) {
    it(`rejects integer '${value}' with the allowed range`, () => {
      assert.throws(
        () => inputs({ n: value }).integer('n', 4, { min: 1, max: 256 }),
        new RegExp(`n: got '${value.replace('.', '\\.')}', expected an integer from 1 to 256`),
      );
    });
  }
  it('splits a list on lines and commas, dropping blanks and comment lines', () => {
    assert.deepEqual(inputs({ l: ' a, b\n\n# note\r\nc ,\n' }).list('l'), ['a', 'b', 'c']);
    assert.deepEqual(inputs({}).list('l'), []);
  });
  it('parses JSON or names the input and the expected shape', () => {
    assert.deepEqual(inputs({ j: '{"a":[1]}' }).json('j', 'an object'), { a: [1] });
    assert.equal(inputs({}).json('j', 'an object'), undefined);
    assert.throws(
      () => inputs({ j: '{"a":' }).json('j', 'the JSON of toJSON(needs)'),
      /j: got '\{"a":', expected the JSON of toJSON\(needs\) \(/,
    );
  });
});
