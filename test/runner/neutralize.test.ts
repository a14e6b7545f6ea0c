import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownText, neutralize } from '../../src/runner/neutralize.ts';
import { parseCommands } from '../../src/rehearsal/runner.ts';

const HOSTILE = [
  '::set-env name=X::1',
  '  ::add-mask::secret',
  'a\n::stop-commands::tok',
  'x ##[set-output name=a;]b',
  '\r::error::x',
  'tab\there',
  '\u001b[31mred\u001b[0m',
  'line\u2028sep',
];

describe('neutralize', () => {
  for (const text of HOSTILE) {
    it(`makes ${JSON.stringify(text)} one inert log line`, () => {
      const safe = neutralize(text);
      // eslint-disable-next-line no-control-regex -- control characters are what must not survive
      assert.doesNotMatch(safe, /[\n\r\u2028\u0000-\u001f]/);
      assert.deepEqual(parseCommands(safe), []);
      assert.doesNotMatch(safe, /##\[/);
    });
  }
  it('leaves ordinary text alone', () => {
    assert.equal(
      neutralize('crates/a b/ünï.rs matches crates/**'),
      'crates/a b/ünï.rs matches crates/**',
    );
  });
  it('keeps escapes unambiguous', () => {
    assert.notEqual(neutralize('a\\nb'), neutralize('a\nb'));
  });
});

describe('markdownText', () => {
  it('escapes markup, HTML and table pipes', () => {
    const safe = markdownText('<img src=x onerror=alert(1)> | `code` *b* [l](u)');
    assert.doesNotMatch(safe, /[<>|`*[\]()]/);
  });
});
