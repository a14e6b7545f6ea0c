import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LinearRegExp } from '../../src/markers/linear-regexp.ts';

/** Regexes in JavaScript's syntax, and lines on which RE2 must decide as V8 does. */
const AGREEMENT: readonly (readonly [regex: string, lines: readonly string[]])[] = [
  [
    '^\\s*Compiling \\S+ v\\d',
    ['   Compiling serde v1.0.0', 'x Compiling serde v1', 'Compiling a'],
  ],
  ['Pulling fs layer|Pull complete', ['a1b2: Pull complete', 'a1b2: Pulling fs layer', 'Pulled']],
  ['remote cache miss$', ['INFO: remote cache miss', 'remote cache miss for //x']],
  ['(?<crate>[a-z_]+) v(?<version>\\d+\\.\\d+)', ['Downloaded serde v1.0.200', 'v1.0']],
  ['(?i:cache miss)', ['CACHE MISS', 'Cache Miss', 'cache hit']],
  ['\\bnpm\\b', ['npm http fetch', 'pnpm install', 'npm']],
  ['[^\\x20-\\x7e]', ['plain ascii', 'café']],
  ['\\u{1F525} \\u00e9t\\u00e9', ['🔥 été', '🔥 ete']],
  ['a{2,3}b', ['ab', 'aab', 'aaaab']],
  ['^$', ['', ' ']],
  ['Done in [\\d.]+s\\.$', ['Done in 1.23s.', 'Done in s.']],
  ['\\/usr\\/share', ['/usr/share/cargo', 'usr share']],
  ['[^]x', ['ax', 'x']],
];

describe('LinearRegExp', () => {
  for (const [regex, lines] of AGREEMENT) {
    it(`decides ${regex} as V8 does`, () => {
      const linear = new LinearRegExp(regex);
      const v8 = new RegExp(regex, 'u');
      for (const line of lines) assert.equal(linear.test(line), v8.test(line), line);
    });
  }

  it('is a RegExp with its source and the u flag, and exec gives the match and its groups', () => {
    const pattern = new LinearRegExp('(?<crate>[a-z_]+) v(?<version>\\d+)');
    assert.ok(pattern instanceof RegExp);
    assert.equal(pattern.source, '(?<crate>[a-z_]+) v(?<version>\\d+)');
    assert.equal(pattern.flags, 'u');
    const match = pattern.exec('  Downloaded serde v1 ok')!;
    assert.equal(match[0], 'serde v1');
    assert.equal(match.index, 13);
    assert.deepEqual({ ...match.groups }, { crate: 'serde', version: '1' });
    assert.equal(pattern.exec('nothing'), null);
  });
});
