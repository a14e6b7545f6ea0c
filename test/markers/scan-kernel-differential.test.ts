/**
 * The scan kernel against its plain reference (`scan-kernel-reference.ts`) on generated logs.
 * Inputs come from a seeded PRNG: a mismatch prints its seed and the smallest input still
 * failing. `SCAN_KERNEL_SEED=<seed>` reruns from that seed; `SCAN_KERNEL_CASES=<n>` runs more.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { CANDIDATE_LIMIT, MAX_RECORDS } from '../../src/markers/scan-kernel-layout.ts';
import { ScanKernel } from '../../src/markers/scan-kernel.ts';
import { InputGenerator, utf8Bytes } from './scan-kernel-inputs.ts';
import { kernelBatches, lastBatch } from './scan-kernel-records.ts';
import type { ScannedBatch } from './scan-kernel-reference.ts';
import { scanBatch, scanBatches } from './scan-kernel-reference.ts';

const SEED = Number(process.env.SCAN_KERNEL_SEED ?? 1);
const CASES = Number(process.env.SCAN_KERNEL_CASES ?? 1);

/** Windows scanned in turn by one kernel, as LogScan scans a log: each of whole lines. */
interface ScanCase {
  readonly anchors: readonly string[];
  readonly maxLineBytes: number;
  readonly batchBytes: number;
  readonly everyLine: boolean;
  readonly windows: readonly string[];
}

function kernelScan(scan: ScanCase): ScannedBatch[][] {
  const kernel = new ScanKernel(scan.anchors, scan);
  return scan.windows.map((window) => {
    kernel.input.set(Buffer.from(window, 'latin1'));
    return kernelBatches(kernel, 0, window.length, scan.everyLine);
  });
}

function referenceScan(scan: ScanCase): ScannedBatch[][] {
  const options = { ...scan, anchors: scan.anchors.map(utf8Bytes) };
  return scan.windows.map((window) => scanBatches(window, 0, window.length, options));
}

/** A line normalized by the kernel's `normalizeLine` is record 0 of a one-line scan. */
function normalizedByKernel(kernel: ScanKernel, line: string): ScannedBatch {
  kernel.normalize(Buffer.from(line, 'latin1'));
  return { ...lastBatch(kernel, 0), next: 0 };
}

function normalizedByReference(line: string): ScannedBatch {
  const options = { anchors: [], maxLineBytes: line.length, batchBytes: 0, everyLine: true };
  return { ...scanBatch(`${line}\n`, 0, line.length + 1, options), next: 0 };
}

/** Bytes as a JSON string with the non-ASCII ones as `\xNN`. */
function show(bytes: string): string {
  return JSON.stringify(bytes).replace(
    /[\x7f-\xff]/g,
    (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/**
 * The shortest list found by dropping runs of items while `fails` holds: runs of half the list,
 * then of a quarter, down to single items until none can go.
 */
function shrinkList<T>(items: readonly T[], fails: (items: readonly T[]) => boolean): T[] {
  let kept = [...items];
  for (let size = Math.max(1, kept.length >> 1); ; size = Math.max(1, size >> 1)) {
    let dropped = false;
    for (let at = 0; at < kept.length;) {
      const fewer = kept.toSpliced(at, size);
      if (fails(fewer)) {
        kept = fewer;
        dropped = true;
      } else {
        at += size;
      }
    }
    if (size === 1 && !dropped) return kept;
  }
}

function shrinkText(text: string, fails: (text: string) => boolean): string {
  return shrinkList(text.split(''), (chars) => fails(chars.join(''))).join('');
}

function scanFails(scan: ScanCase): boolean {
  if (scan.anchors.some((anchor) => Buffer.byteLength(anchor) < 3 || anchor.includes('\n'))) {
    return false;
  }
  try {
    return !isDeepStrictEqual(kernelScan(scan), referenceScan(scan));
  } catch {
    return true;
  }
}

/** A failing scan made small: fewer windows, lines, bytes and anchors. */
function shrinkScan(scan: ScanCase): ScanCase {
  let small = {
    ...scan,
    windows: shrinkList(scan.windows, (windows) => scanFails({ ...scan, windows })),
  };
  small = {
    ...small,
    anchors: shrinkList(small.anchors, (anchors) => scanFails({ ...small, anchors })),
  };
  for (let index = 0; index < small.windows.length; index++) {
    const withWindow = (window: string) => ({
      ...small,
      windows: small.windows.with(index, window),
    });
    const lines = small.windows[index]!.slice(0, -1).split('\n');
    const fewer = shrinkList(lines, (kept) => scanFails(withWindow(`${kept.join('\n')}\n`)));
    const body = shrinkText(fewer.join('\n'), (text) => scanFails(withWindow(`${text}\n`)));
    small = withWindow(`${body}\n`);
  }
  for (let index = 0; index < small.anchors.length; index++) {
    const anchor = shrinkText(small.anchors[index]!, (text) =>
      scanFails({ ...small, anchors: small.anchors.with(index, text) }),
    );
    small = { ...small, anchors: small.anchors.with(index, anchor) };
  }
  return small;
}

/** Compares the kernel with the reference on `scan`; on a mismatch, fails on its smallest form. */
function assertScansAgree(scan: ScanCase, seed: number): void {
  if (!scanFails(scan)) return;
  const small = shrinkScan(scan);
  const input = [
    `anchors: ${small.anchors.map((anchor) => show(utf8Bytes(anchor))).join(', ')}`,
    `maxLineBytes ${small.maxLineBytes}, batchBytes ${small.batchBytes}, everyLine ${small.everyLine}`,
    ...small.windows.map((window, index) => `window ${index}: ${show(window)}`),
  ].join('\n');
  assert.deepEqual(
    kernelScan(small),
    referenceScan(small),
    `the kernel differs from its reference (SCAN_KERNEL_SEED=${seed} reproduces it); smallest failing input:\n${input}`,
  );
}

/** Lines around the cap `maxLine`: shorter, as long, longer, each with an anchor near the cap. */
function capLines(generate: InputGenerator, anchors: readonly string[], maxLine: number): string[] {
  return [-1, 0, 1, 2].map((over) => {
    const anchorAt = Math.max(0, maxLine - 1 - generate.int(anchors[0]?.length ?? 1));
    return generate.lineOfLength(Math.max(0, maxLine + over), anchors, anchorAt);
  });
}

function generatedScan(seed: number): ScanCase {
  const generate = new InputGenerator(seed);
  // Anchors longer than the longest search window (MAX_SEARCH_WINDOW), now and then.
  const long = generate.chance(0.05);
  const anchors = generate.anchors(
    generate.pick([0, 1, 3, 8, 40]),
    long ? 250 : 3,
    long ? 300 : 12,
  );
  const bytes = anchors.map(utf8Bytes);
  const maxLineBytes = generate.pick([1, 2, 3, 4 + generate.int(80), 100 + generate.int(3000)]);
  const windows = Array.from({ length: 1 + generate.int(3) }, () => {
    const lines = Array.from({ length: generate.int(60) }, () =>
      generate.chance(0.1)
        ? generate.lineOfLength(generate.int(400), bytes, generate.int(400))
        : generate.line(bytes),
    );
    if (generate.chance(0.5)) lines.push(...capLines(generate, bytes, maxLineBytes));
    return lines.map((line) => `${line}\n`).join('');
  });
  return {
    anchors,
    maxLineBytes,
    batchBytes: generate.pick([0, 1, generate.int(64), 4096, 1 << 20]),
    everyLine: generate.chance(0.2),
    windows,
  };
}

describe('the scan kernel against its reference', () => {
  it('normalizes generated lines as the reference does', () => {
    for (let round = 0; round < CASES; round++) {
      const seed = SEED + round;
      const generate = new InputGenerator(seed);
      const kernel = new ScanKernel([], { maxLineBytes: 4096, batchBytes: 0 });
      for (let count = 0; count < 3000; count++) {
        const line = generate.line(['abc']);
        if (isDeepStrictEqual(normalizedByKernel(kernel, line), normalizedByReference(line))) {
          continue;
        }
        const fails = (text: string) =>
          !isDeepStrictEqual(normalizedByKernel(kernel, text), normalizedByReference(text));
        const small = shrinkText(line, fails);
        assert.deepEqual(
          normalizedByKernel(kernel, small),
          normalizedByReference(small),
          `the kernel normalizes differently from its reference (SCAN_KERNEL_SEED=${seed} reproduces it); smallest failing line: ${show(small)}`,
        );
      }
    }
  });

  it('finds, bounds and normalizes the lines of generated logs as the reference does', () => {
    for (let round = 0; round < 400 * CASES; round++) {
      assertScansAgree(generatedScan(SEED + round), SEED + round);
    }
  });

  it('ends a batch at the record limit and at the candidate limit', () => {
    const manyLines: ScanCase = {
      anchors: ['abc'],
      maxLineBytes: 100,
      batchBytes: 1 << 20,
      everyLine: false,
      windows: ['x abc\n'.repeat(MAX_RECORDS + 10)],
    };
    assert.equal(kernelScan(manyLines)[0]![0]!.records.length, MAX_RECORDS);
    assertScansAgree(manyLines, SEED);

    // 64 anchors a line: the limit is reached exactly at the end of a line.
    const anchors = Array.from({ length: 64 }, (_, id) => `a${String(id).padStart(2, '0')}`);
    const manyAnchors: ScanCase = {
      ...manyLines,
      anchors,
      maxLineBytes: 1000,
      windows: [`${anchors.join(' ')}\n`.repeat(CANDIDATE_LIMIT / 64 + 10)],
    };
    assert.equal(kernelScan(manyAnchors)[0]![0]!.records.length, CANDIDATE_LIMIT / 64);
    assertScansAgree(manyAnchors, SEED);
  });

  it('scans windows that fill the input, and lines as long as a window', () => {
    const generate = new InputGenerator(SEED);
    const anchors = generate.anchors(4, 3, 12);
    const bytes = anchors.map(utf8Bytes);
    const { windowBytes } = new ScanKernel(anchors, { maxLineBytes: 1000, batchBytes: 0 });
    let full = '';
    while (full.length < windowBytes - 1000) full += `${generate.line(bytes)}\n`;
    const last = generate.lineOfLength(windowBytes - full.length - 1, bytes, 0);
    full += `${last.slice(0, -bytes[0]!.length)}${bytes[0]!}\n`;
    assert.equal(full.length, windowBytes);
    for (const everyLine of [false, true]) {
      const scan = { anchors, maxLineBytes: 1000, batchBytes: 4096, everyLine };
      assertScansAgree({ ...scan, windows: [full, full.slice(-5000)] }, SEED);
    }

    // LogScan hands a line longer than a window in as its first bytes, one past the cap.
    for (const maxLineBytes of [windowBytes - 2, windowBytes + 1000]) {
      const line = generate.lineOfLength(maxLineBytes + 1, bytes, maxLineBytes - 2);
      const scan = { anchors, maxLineBytes, batchBytes: 4096, everyLine: false };
      assertScansAgree({ ...scan, windows: [`${line}\n`] }, SEED);
    }
  });
});
