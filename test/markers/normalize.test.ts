import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchText, normalizeLine } from '../../src/markers/normalize.ts';

/** What a sample shows of a raw line: its text (task-runner tags kept) and timestamp. */
function shown(raw: string): { text: string; time?: string } {
  const { text, time } = normalizeLine(raw);
  return time === undefined ? { text } : { text, time };
}

describe('normalizeLine', () => {
  const cases: [string, string, string | undefined][] = [
    [
      '2025-12-16T23:20:13.6786056Z Current runner',
      'Current runner',
      '2025-12-16T23:20:13.6786056Z',
    ],
    ['2025-07-26T06:08:32.556563Z Cloudflare', 'Cloudflare', '2025-07-26T06:08:32.556563Z'],
    ['2025-07-26T06:08:33.49475Z x', 'x', '2025-07-26T06:08:33.49475Z'],
    ['2025-07-26T06:08:58.499262Z', '', '2025-07-26T06:08:58.499262Z'],
    ['2025-07-26T06:08:58Z no fraction', 'no fraction', '2025-07-26T06:08:58Z'],
    ['\ufeff2025-06-24T22:11:37.5884881Z bom\r', 'bom', '2025-06-24T22:11:37.5884881Z'],
    [
      'build\tRun cargo\t2026-09-13T01:33:29.7535320Z gh cli',
      'gh cli',
      '2026-09-13T01:33:29.7535320Z',
    ],
    [
      '\x1b[0m\x1b[31m[test:code]\x1b[0m \x1b[1m\x1b[92m   Compiling\x1b[0m syn',
      '[test:code]    Compiling syn',
      undefined,
    ],
    ['\x1b]8;;https://x\x07link\x1b]8;;\x07 \x1b[2K\x1b[1Gdone', 'link done', undefined],
    // An escape sequence never ends inside a UTF-8 character.
    ['\x1bé \x1b[1;31中 \x1b]0;é', 'é 中 ', undefined],
    [
      '2025-12-16T23:20:36.2253842Z ##[warning]Cache not found for keys: a',
      'Cache not found for keys: a',
      '2025-12-16T23:20:36.2253842Z',
    ],
    [
      '##[error]Process completed with exit code 1.',
      'Process completed with exit code 1.',
      undefined,
    ],
    ['no timestamp here', 'no timestamp here', undefined],
    ['2025-12-16 not a stamp', '2025-12-16 not a stamp', undefined],
  ];
  for (const [raw, text, time] of cases) {
    it(`normalizes ${JSON.stringify(raw).slice(0, 60)}`, () => {
      assert.deepEqual(shown(raw), time === undefined ? { text } : { text, time });
    });
  }
});

describe('matchText', () => {
  const cases: [string, string][] = [
    [
      '\x1b[0m\x1b[33m[fix:code]\x1b[0m \x1b[0m\x1b[31m[fix:code:warnings]\x1b[0m \x1b[1m\x1b[92m   Compiling\x1b[0m cc v1.2.29',
      '    Compiling cc v1.2.29',
    ],
    [
      '2025-11-23T10:31:40.1234567Z #14 12.34    Compiling serde v1.0.0',
      '    Compiling serde v1.0.0',
    ],
    ['#14 CACHED', '#14 CACHED'],
    ['[2/4] Fetching packages...', ' Fetching packages...'],
    ['[unclosed tag', '[unclosed tag'],
    ['  Downloaded x v1.0.0', '  Downloaded x v1.0.0'],
  ];
  for (const [raw, text] of cases) {
    it(`drops task-runner tags from ${JSON.stringify(raw).slice(0, 50)}`, () => {
      assert.equal(matchText(raw), text);
    });
  }
});
