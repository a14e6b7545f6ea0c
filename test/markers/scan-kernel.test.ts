import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { literalAnchor } from '../../src/markers/literal-anchor.ts';
import {
  CANDIDATES_END,
  CANDIDATES_START,
  FLAG_TRUNCATED,
  FLAGS,
  LINE_START,
  LINE_STOP,
  RECORD_FIELDS,
  ScanKernel,
} from '../../src/markers/scan-kernel.ts';

interface Found {
  start: number;
  stop: number;
  truncated: boolean;
  anchors: number[];
}

/** Every line of `text` the kernel records, batch after batch. */
function kernelScan(kernel: ScanKernel, text: Buffer, everyLine = false): Found[] {
  kernel.input.set(text);
  const found: Found[] = [];
  for (let position = 0; position < text.length;) {
    position = kernel.scan(position, text.length, everyLine);
    for (let record = 0; record < kernel.recordCount * RECORD_FIELDS; record += RECORD_FIELDS) {
      const { records, candidates } = kernel;
      found.push({
        start: records[record + LINE_START]!,
        stop: records[record + LINE_STOP]!,
        truncated: (records[record + FLAGS]! & FLAG_TRUNCATED) !== 0,
        anchors: [
          ...candidates.subarray(
            records[record + CANDIDATES_START],
            records[record + CANDIDATES_END],
          ),
        ].sort((a, b) => a - b),
      });
    }
  }
  return found;
}

/**
 * The same by brute force: a line is found when an anchor starts within its first `maxLine`
 * bytes; its anchors are those that fit entirely in them.
 */
function naiveScan(text: Buffer, anchors: Buffer[], maxLine: number): Found[] {
  const found: Found[] = [];
  for (let start = 0; start < text.length;) {
    const end = text.indexOf(10, start);
    const stop = Math.min(end, start + maxLine);
    const occurs = (anchor: Buffer, to: number) => {
      for (let at = start; at + anchor.length <= to; at++) {
        if (text.subarray(at, at + anchor.length).equals(anchor)) return at;
      }
      return -1;
    };
    const first = Math.min(...anchors.map((anchor) => occurs(anchor, end)).filter((at) => at >= 0));
    if (first < stop) {
      const ids = anchors.flatMap((anchor, id) => (occurs(anchor, stop) >= 0 ? [id] : []));
      found.push({ start, stop, truncated: end - start > maxLine, anchors: ids });
    }
    start = end + 1;
  }
  return found;
}

describe('ScanKernel', () => {
  it('finds the lines and anchors a naive search finds, on random text', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'abcCD #[]gropu\n';
    const pick = (length: number, chars: string) =>
      Array.from({ length }, () => chars[Math.floor(random() * chars.length)]).join('');
    for (let round = 0; round < 60; round++) {
      // Short alphabets make anchors that share prefixes and overlap, as `Building` and
      // `Building wheel` do.
      const anchors = Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
        pick(3 + Math.floor(random() * 5), alphabet.slice(0, -1)),
      );
      const text = Buffer.from(`${pick(2000, alphabet)}\n`);
      const maxLine = 4 + Math.floor(random() * 60);
      const kernel = new ScanKernel(anchors, { maxLineBytes: maxLine, batchBytes: 32 });
      const bytes = anchors.map((anchor) => Buffer.from(anchor));
      assert.deepEqual(
        kernelScan(kernel, text),
        naiveScan(text, bytes, maxLine),
        `round ${round}: ${JSON.stringify(anchors)}, lines capped at ${maxLine}`,
      );
    }
  });

  it('records every line, and none of its anchors, when every line is tested', () => {
    const kernel = new ScanKernel(['abc'], { maxLineBytes: 100, batchBytes: 4 });
    const lines = kernelScan(kernel, Buffer.from('ab\nx\n\nab ab\n'), true);
    assert.deepEqual(
      lines.map(({ start, stop, anchors }) => [start, stop, anchors.length]),
      [
        [0, 2, 0],
        [3, 4, 0],
        [5, 5, 0],
        [6, 11, 0],
      ],
    );
  });

  it('rejects anchors shorter than three bytes', () => {
    assert.throws(
      () => new ScanKernel(['ab'], { maxLineBytes: 10, batchBytes: 10 }),
      /anchors must be at least 3 bytes long/,
    );
  });
});

describe('literalAnchor', () => {
  const cases: [string, string, string | undefined][] = [
    ['Pulling from \\S+', '', 'Pulling'],
    ['^\\s*Installing [A-Za-z-]+ v\\d', '', 'Installing'],
    ['error: could not compile `\\w+`', '', 'compile'],
    ['Cache not found', 'i', undefined],
    ['warn(ing)?: a|b', '', undefined],
    ['colou?r output', '', 'output'],
    ['x\\.y\\.zzz', '', 'x.y.zzz'],
    ['ab', '', undefined],
    ['(?:Downloading|Fetching) crate', '', 'crate'],
  ];
  for (const [source, flags, expected] of cases) {
    it(`derives ${String(expected)} from /${source}/${flags}`, () => {
      assert.equal(literalAnchor(source, flags), expected);
    });
  }
});
