import { open } from 'node:fs/promises';
import type { CompiledRules } from './compiled-rules.ts';
import type { LogScanResult, MarkerSample } from './log-scan.ts';
import { LogScan } from './log-scan.ts';

const CHUNK_BYTES = 1 << 20;

/**
 * Scans a log file in 1 MiB reads. Lines are not counted on the way: sample line numbers are
 * resolved afterwards by counting newlines up to the last sample only, which costs nothing
 * when the samples come early and at most one read of the file when they do not.
 */
export async function scanFile(
  path: string,
  compiled: CompiledRules,
  samples: number,
): Promise<LogScanResult> {
  const file = await open(path, 'r');
  try {
    const scan = new LogScan(compiled, { samples, countLines: false });
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      scan.feed(buffer.subarray(0, bytesRead));
    }
    const result = scan.finish();
    await resolveLineNumbers(file, buffer, result);
    return result;
  } finally {
    await file.close();
  }
}

async function resolveLineNumbers(
  file: Awaited<ReturnType<typeof open>>,
  buffer: Buffer,
  result: LogScanResult,
): Promise<void> {
  const pending: MarkerSample[] = [...result.hits.values()]
    .flatMap((hits) => hits.samples)
    .sort((a, b) => a.offset - b.offset);
  if (pending.length === 0) return;
  let next = 0;
  let lines = 0;
  let position = 0;
  while (next < pending.length) {
    const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    const chunk = buffer.subarray(0, bytesRead);
    let from = 0;
    while (next < pending.length && pending[next]!.offset < position + bytesRead) {
      const to = pending[next]!.offset - position;
      lines += countNewlines(chunk, from, to);
      from = to;
      pending[next]!.line = lines + 1;
      next++;
    }
    lines += countNewlines(chunk, from, bytesRead);
    position += bytesRead;
  }
}

function countNewlines(buffer: Buffer, from: number, to: number): number {
  let count = 0;
  for (let at = buffer.indexOf(10, from); at >= 0 && at < to; at = buffer.indexOf(10, at + 1)) {
    count++;
  }
  return count;
}
