import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { BUILTIN_PACKS } from '../../src/markers/builtin-packs.ts';
import { CompiledRules } from '../../src/markers/compiled-rules.ts';
import { scanFile } from '../../src/markers/file-scan.ts';
import type { LogScanResult } from '../../src/markers/log-scan.ts';
import { LogScan, MAX_LINE_BYTES } from '../../src/markers/log-scan.ts';

const rules = BUILTIN_PACKS.flatMap((pack) => pack.rules);
const compiled = new CompiledRules(rules);
const CACHE_MISS = rules.findIndex((rule) => rule.id === 'mise/cache-miss');
/** The marker of `mise/cache-miss`, which may stand anywhere in a line. */
const MARKER = 'mise cache not found';
const CAP = MAX_LINE_BYTES;
const KIB = 1024;
const MIB = 1024 * KIB;
/** LogScan's window and file-scan's read: lines are placed across both. */
const WINDOW = 256 * KIB;
const READ = MIB;
const CHUNKS = [Number.POSITIVE_INFINITY, READ, 65_536, 65_537, 100_003, 4093];

/** A line of `length` bytes (its ending not included) of filler, with MARKER at `markerAt`. */
function line(length: number, markerAt?: number, ending = '\n'): Buffer {
  const bytes = Buffer.alloc(length, 'x');
  if (markerAt !== undefined) bytes.write(MARKER, markerAt);
  return Buffer.concat([bytes, Buffer.from(ending)]);
}

/** Short lines filling `bytes` bytes, so that what follows starts there. */
function padding(bytes: number): Buffer {
  const lines: Buffer[] = [];
  for (let left = bytes; left > 0; left -= Math.min(left, 100)) {
    lines.push(line(Math.min(left, 100) - 1));
  }
  return Buffer.concat(lines);
}

interface Case {
  readonly name: string;
  readonly log: Buffer;
  /** Capped lines and the bytes past their caps. */
  readonly lines: number;
  readonly bytes: number;
  /** MARKERs seen: the ones that end by their line's cap. */
  readonly found: number;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CASES: readonly Case[] = [
  {
    name: 'a marker ending at the cap',
    log: line(CAP + 10, CAP - MARKER.length),
    lines: 1,
    bytes: 10,
    found: 1,
  },
  {
    name: 'a marker ending a byte before the cap (64 KiB - 1)',
    log: line(CAP + 1, CAP - 1 - MARKER.length),
    lines: 1,
    bytes: 1,
    found: 1,
  },
  {
    name: 'a marker across the cap',
    log: line(CAP + 100, CAP - 5),
    lines: 1,
    bytes: 100,
    found: 0,
  },
  { name: 'a marker at 64 KiB + 1', log: line(CAP + 100, CAP + 1), lines: 1, bytes: 100, found: 0 },
  {
    name: 'a marker at 200 KiB',
    log: line(300 * KIB, 200 * KIB),
    lines: 1,
    bytes: 300 * KIB - CAP,
    found: 0,
  },
  {
    name: 'a 5 MiB line, its marker last',
    log: line(5 * MIB, 5 * MIB - MARKER.length),
    lines: 1,
    bytes: 5 * MIB - CAP,
    found: 0,
  },
  {
    name: 'a line of exactly the cap',
    log: line(CAP, CAP - MARKER.length),
    lines: 0,
    bytes: 0,
    found: 1,
  },
  { name: 'a line a byte over the cap', log: line(CAP + 1), lines: 1, bytes: 1, found: 0 },
  {
    name: 'a CRLF line of exactly the cap',
    log: line(CAP, CAP - MARKER.length, '\r\n'),
    lines: 0,
    bytes: 0,
    found: 1,
  },
  {
    name: 'a CRLF line a byte over the cap',
    log: line(CAP + 1, CAP + 1 - MARKER.length, '\r\n'),
    lines: 1,
    bytes: 1,
    found: 0,
  },
  {
    name: 'CRLF lines of 200 KiB',
    log: Buffer.concat([line(200 * KIB, 100, '\r\n'), line(200 * KIB, 100 * KIB, '\r\n')]),
    lines: 2,
    bytes: 2 * (200 * KIB - CAP),
    found: 1,
  },
  {
    name: 'a last line without a newline',
    log: Buffer.concat([line(20, 0), line(200 * KIB, 150 * KIB, '')]),
    lines: 1,
    bytes: 200 * KIB - CAP,
    found: 1,
  },
  {
    name: 'a last line of exactly the cap without a newline',
    log: Buffer.concat([line(10), line(CAP, CAP - MARKER.length, '')]),
    lines: 0,
    bytes: 0,
    found: 1,
  },
  {
    name: 'a last CRLF line without a newline',
    log: line(CAP + 7, 0, '\r'),
    lines: 1,
    bytes: 7,
    found: 1,
  },
  {
    name: 'a long first line after a BOM',
    log: Buffer.concat([BOM, line(CAP + 3, CAP - MARKER.length), line(20, 0)]),
    lines: 1,
    bytes: 3,
    found: 2,
  },
  {
    name: 'a line across the 256 KiB window',
    log: Buffer.concat([padding(WINDOW - 50 * KIB), line(100 * KIB, 80 * KIB), line(20, 0)]),
    lines: 1,
    bytes: 100 * KIB - CAP,
    found: 1,
  },
  {
    name: 'a line across the 1 MiB read',
    log: Buffer.concat([padding(READ - 30 * KIB), line(100 * KIB, 70 * KIB), line(20, 0)]),
    lines: 1,
    bytes: 100 * KIB - CAP,
    found: 1,
  },
  {
    name: 'a line across two reads, its marker before the cap',
    log: Buffer.concat([padding(READ - 1000), line(3 * MIB, 100), line(20, 0)]),
    lines: 1,
    bytes: 3 * MIB - CAP,
    found: 2,
  },
  {
    name: 'lines of the cap and a byte more, one after another',
    log: Buffer.concat([
      ...Array.from({ length: 12 }, () => line(CAP)),
      ...Array.from({ length: 12 }, () => line(CAP + 1)),
    ]),
    lines: 12,
    bytes: 12,
    found: 0,
  },
  {
    name: 'several long lines among short ones',
    log: Buffer.concat([
      line(20, 0),
      line(70 * KIB, CAP + 10),
      line(CAP - 1, 0),
      line(CAP + 1, 10),
      padding(WINDOW - 10 * KIB),
      line(300 * KIB, 250 * KIB),
      line(20, 0),
      padding(READ),
      line(2 * MIB, MIB),
      line(40, 5),
      line(150 * KIB, CAP - MARKER.length, '\r\n'),
      line(90 * KIB, 89 * KIB, ''),
    ]),
    lines: 6,
    bytes: 70 * KIB + 300 * KIB + 2 * MIB + 150 * KIB + 90 * KIB + 1 - 5 * CAP,
    found: 6,
  },
];

const dir = await mkdtemp(join(tmpdir(), 'lanekit-capped-lines-'));
after(() => rm(dir, { recursive: true, force: true }));

function scanChunks(log: Buffer, size: number): LogScanResult {
  const scan = new LogScan(compiled, { samples: 10, countLines: true });
  for (let at = 0; at < log.length; at += size) scan.feed(log.subarray(at, at + size));
  return scan.finish();
}

const accounted = (result: LogScanResult) => ({
  lines: result.truncatedLines,
  bytes: result.truncatedBytes,
  found: result.hits.get(CACHE_MISS)?.count ?? 0,
});

describe('LogScan: capped lines are counted, with the bytes past the cap', () => {
  for (const { name, log, ...expected } of CASES) {
    it(name, { timeout: 60_000 }, async () => {
      for (const size of CHUNKS) {
        const chunk = Number.isFinite(size) ? `${size}-byte chunks` : 'one chunk';
        assert.deepEqual(accounted(scanChunks(log, size)), expected, chunk);
      }
      const path = join(dir, 'capped.log');
      await writeFile(path, log);
      const whole = await scanFile(path, compiled, 10, Number.POSITIVE_INFINITY);
      assert.deepEqual(accounted(whole), expected, 'scanFile');
      const split = await scanFile(path, compiled, 10, 0);
      assert.deepEqual(accounted(split), expected, 'scanFile in two parts');
    });
  }

  it('keeps the line numbers of the markers after capped lines', () => {
    const log = Buffer.concat([line(20, 0), line(300 * KIB, 200 * KIB), line(20, 0)]);
    for (const size of CHUNKS) {
      const samples = scanChunks(log, size).hits.get(CACHE_MISS)!.samples;
      assert.deepEqual(
        samples.map((sample) => sample.line),
        [1, 3],
      );
    }
  });
});
