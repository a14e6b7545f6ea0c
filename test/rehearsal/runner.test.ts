import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommands, parseFileCommands } from '../../src/rehearsal/runner.ts';

describe('the local runner parses what the Actions runner parses', () => {
  it('reads k=v lines and delimited values from GITHUB_OUTPUT', () => {
    const text = 'a=1\nplan<<ghadelimiter_x\n{"x":\n"::set-env"}\nghadelimiter_x\nb=c=d\n';
    assert.deepEqual(parseFileCommands(text), { a: '1', plan: '{"x":\n"::set-env"}', b: 'c=d' });
  });
  it('keeps outputs named like object properties (__proto__, constructor)', () => {
    const outputs = parseFileCommands('__proto__=true\nconstructor=false\n');
    assert.deepEqual(Object.keys(outputs), ['__proto__', 'constructor']);
    assert.equal(Object.getOwnPropertyDescriptor(outputs, '__proto__')?.value, 'true');
  });

  it('rejects an unterminated delimited value', () => {
    assert.throws(() => parseFileCommands('a<<EOF\nx\n'), /unterminated value for 'a'/);
  });
  it('sees commands after leading white space, with escaped properties and data', () => {
    assert.deepEqual(parseCommands('plain\n  ::warning file=a%2Cb,line=3::x%0Ay\n::notice::n'), [
      { command: 'warning', properties: { file: 'a,b', line: '3' }, message: 'x\ny' },
      { command: 'notice', properties: {}, message: 'n' },
    ]);
  });
});
