/** The scan kernel's output read into the terms of its reference (`scan-kernel-reference.ts`). */
import {
  CANDIDATES_END,
  CANDIDATES_START,
  FLAG_CARRIAGE_RETURN,
  FLAGS,
  LINE_START,
  LINE_STOP,
  RECORD_FIELDS,
  TAGLESS,
  TEXT_END,
  TEXT_START,
  TIME_END,
  TIME_START,
} from '../../src/markers/scan-kernel-layout.ts';
import type { ScanKernel } from '../../src/markers/scan-kernel.ts';
import type { ScannedBatch, ScanRecord } from './scan-kernel-reference.ts';

/** The kernel's last batch; `next` is what its `scan` returned. */
export function lastBatch(kernel: ScanKernel, next: number): ScannedBatch {
  const { records, candidates, text } = kernel;
  const read: ScanRecord[] = [];
  for (let record = 0; record < kernel.recordCount; record++) {
    const field = (index: number) => records[record * RECORD_FIELDS + index]!;
    const flags = field(FLAGS);
    if ((flags & ~FLAG_CARRIAGE_RETURN) !== 0) {
      throw new Error(`record ${record} has unknown flags ${flags}`);
    }
    read.push({
      lineStart: field(LINE_START),
      lineStop: field(LINE_STOP),
      textStart: field(TEXT_START),
      tagless: field(TAGLESS),
      textEnd: field(TEXT_END),
      timeStart: field(TIME_START),
      timeEnd: field(TIME_END),
      carriageReturn: (flags & FLAG_CARRIAGE_RETURN) !== 0,
      anchors: [...candidates.subarray(field(CANDIDATES_START), field(CANDIDATES_END))],
    });
  }
  return { records: read, text: text.toString('latin1', 0, read.at(-1)?.textEnd ?? 0), next };
}

/** Every batch of the kernel's scan of `input[from, to)`, as LogScan takes them. */
export function kernelBatches(
  kernel: ScanKernel,
  from: number,
  to: number,
  everyLine: boolean,
): ScannedBatch[] {
  const batches: ScannedBatch[] = [];
  for (let position = from; position < to;) {
    const next = kernel.scan(position, to, everyLine);
    batches.push(lastBatch(kernel, next));
    // A scan that does not move on would never end: the comparison shows it.
    if (next <= position) break;
    position = next;
  }
  return batches;
}
