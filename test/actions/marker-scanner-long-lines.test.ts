import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAX_LINE_BYTES } from '../../src/markers/log-scan.ts';
import type { MarkersReport, SourceReport } from '../../src/markers/report.ts';
import { runAction } from '../../src/rehearsal/runner.ts';

const CAP = MAX_LINE_BYTES;
const KIB = 1024;
const MIB = 1024 * KIB;
const MARKER = 'mise cache not found';

/** A line of `length` bytes (its ending not included) of filler, with MARKER at `markerAt`. */
function line(length: number, markerAt?: number, ending = '\n'): Buffer {
  const bytes = Buffer.alloc(length, 'x');
  if (markerAt !== undefined) bytes.write(MARKER, markerAt);
  return Buffer.concat([bytes, Buffer.from(ending)]);
}

/** Short lines filling `bytes` bytes, so that what follows starts there. */
function padding(bytes: number): Buffer {
  return Buffer.alloc(bytes, 'shorter line of a log\n'.padStart(64, '.'));
}

/** Per log: its lines, the capped ones with the bytes past their caps, and the markers seen. */
const LOGS: Readonly<
  Record<string, { log: Buffer; truncatedLines: number; truncatedBytes: number; markers: number }>
> = {
  'before-cap.log': {
    log: Buffer.concat([line(CAP + 1, CAP - 1 - MARKER.length), line(20, 0)]),
    truncatedLines: 1,
    truncatedBytes: 1,
    markers: 2,
  },
  'past-cap.log': {
    log: Buffer.concat([line(CAP + 100, CAP + 1), line(300 * KIB, 200 * KIB), line(20, 0)]),
    truncatedLines: 2,
    truncatedBytes: 100 + 300 * KIB - CAP,
    markers: 1,
  },
  'five-mib.log': {
    log: Buffer.concat([line(5 * MIB, 5 * MIB - MARKER.length), line(20, 0)]),
    truncatedLines: 1,
    truncatedBytes: 5 * MIB - CAP,
    markers: 1,
  },
  'boundaries.log': {
    log: Buffer.concat([
      padding(256 * KIB - 40 * KIB),
      line(100 * KIB, 90 * KIB),
      padding(MIB - 316 * KIB - 20 * KIB),
      line(2 * MIB, 10),
    ]),
    truncatedLines: 2,
    truncatedBytes: 100 * KIB + 2 * MIB - 2 * CAP,
    markers: 1,
  },
  'crlf.log': {
    log: Buffer.concat([
      line(CAP, CAP - MARKER.length, '\r\n'),
      line(CAP + 1, 0, '\r\n'),
      line(200 * KIB, 150 * KIB, '\r\n'),
    ]),
    truncatedLines: 2,
    truncatedBytes: 1 + 200 * KIB - CAP,
    markers: 2,
  },
  'no-final-newline.log': {
    log: Buffer.concat([line(20, 0), line(CAP + 7, CAP, '')]),
    truncatedLines: 1,
    truncatedBytes: 7,
    markers: 1,
  },
  'short.log': { log: line(20, 0), truncatedLines: 0, truncatedBytes: 0, markers: 1 },
};

describe('marker-scanner: lines longer than the cap are counted, with the bytes not scanned', () => {
  let workspace: string;
  let report: MarkersReport;
  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'lanekit-marker-long-lines-'));
    mkdirSync(join(workspace, 'logs'));
    for (const [name, { log }] of Object.entries(LOGS)) {
      writeFileSync(join(workspace, 'logs', name), log);
    }
    const result = await runAction('marker-scanner', {
      inputs: { logs: 'logs', jobs: 'false' },
      workspace,
    });
    assert.equal(result.exitCode, 0, result.stderr);
    report = JSON.parse(result.outputs.markers!) as MarkersReport;
  });
  after(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  const source = (name: string): SourceReport => {
    const found = report.sources.find((s) => s.name.endsWith(name));
    assert.ok(found, `${name} in ${report.sources.map((s) => s.name).join(', ')}`);
    return found;
  };

  for (const [name, expected] of Object.entries(LOGS)) {
    it(`reports ${name}: ${expected.truncatedLines} capped lines, ${expected.truncatedBytes} bytes past the cap`, () => {
      const { truncatedLines, truncatedBytes, markers, bytes } = source(name);
      assert.deepEqual(
        { truncatedLines, truncatedBytes, markers },
        {
          truncatedLines: expected.truncatedLines,
          truncatedBytes: expected.truncatedBytes,
          markers: expected.markers,
        },
      );
      assert.equal(bytes, expected.log.length);
    });
  }
});
