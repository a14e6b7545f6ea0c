import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { literalAnchor } from '../../src/markers/literal-anchor.ts';
import { ScanKernel } from '../../src/markers/scan-kernel.ts';
import { kernelBatches } from './scan-kernel-records.ts';

/** The kernel's records of `text`, every batch's together. */
function kernelScan(kernel: ScanKernel, text: Buffer, everyLine = false) {
  kernel.input.set(text);
  return kernelBatches(kernel, 0, text.length, everyLine).flatMap((batch) => batch.records);
}

// The differential test (scan-kernel-differential.test.ts) holds the kernel to its reference on
// generated logs; these are the cases worth naming.
describe('ScanKernel', () => {
  it('records every line, and none of its anchors, when every line is tested', () => {
    const kernel = new ScanKernel(['abc'], { maxLineBytes: 100, batchBytes: 4 });
    const lines = kernelScan(kernel, Buffer.from('ab\nx\n\nab abc\n'), true);
    assert.deepEqual(
      lines.map(({ lineStart, lineStop, anchors }) => [lineStart, lineStop, anchors.length]),
      [
        [0, 2, 0],
        [3, 4, 0],
        [5, 5, 0],
        [6, 12, 0],
      ],
    );
  });

  it('lists every anchor that starts at a position, once per line', () => {
    const kernel = new ScanKernel(['Building', 'Building wheel', 'wheel'], {
      maxLineBytes: 100,
      batchBytes: 4096,
    });
    const lines = kernelScan(kernel, Buffer.from('  Building wheel, wheel\nBuilding\n'));
    assert.deepEqual(
      lines.map(({ anchors }) => anchors),
      [[0, 1, 2], [0]],
    );
  });

  it('keeps the bytes of a BOM that its cap cuts', () => {
    const kernel = new ScanKernel([], { maxLineBytes: 2, batchBytes: 4096 });
    const [line] = kernelScan(kernel, Buffer.from('\ufeffx\n'), true);
    assert.equal(kernel.text.toString('latin1', line!.textStart, line!.textEnd), '\xef\xbb');
  });

  it('rejects anchors shorter than three bytes, or holding a newline', () => {
    const options = { maxLineBytes: 10, batchBytes: 10 };
    assert.throws(() => new ScanKernel(['ab'], options), /anchors must be at least 3 bytes long/);
    assert.throws(() => new ScanKernel(['ab\nc'], options), /anchors must not hold a newline/);
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
