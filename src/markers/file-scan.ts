import { availableParallelism } from 'node:os';
import { open, stat } from 'node:fs/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { CompiledRules } from './compiled-rules.ts';
import type { LogScanResult, MarkerSample, RuleHits, StepContext } from './log-scan.ts';
import { LogScan } from './log-scan.ts';
import type { MarkerRule } from './rule.ts';

const CHUNK_BYTES = 1 << 20;
/**
 * From this size a log is split in two at a line boundary and the second half scanned by a
 * worker thread at the same time (measured: 1.9x on 2 cores). Two parts, not one per core: each
 * worker is a V8 isolate of its own, and peak memory must stay under 100 MB.
 */
const PARALLEL_MIN_BYTES = 128 << 20;
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 };

interface PartJob {
  readonly lanekitFileScan: true;
  readonly path: string;
  readonly rules: readonly MarkerRule[];
  readonly samples: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Scans a log file in 1 MiB reads. Lines are not counted on the way: sample line numbers are
 * resolved afterwards by counting newlines up to the last sample only, which costs nothing
 * when the samples come early and at most one read of the file when they do not.
 */
export async function scanFile(
  path: string,
  compiled: CompiledRules,
  samples: number,
  parallelMinBytes = PARALLEL_MIN_BYTES,
): Promise<LogScanResult> {
  const { size } = await stat(path);
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const middle =
      isMainThread && size >= parallelMinBytes && availableParallelism() > 1
        ? await lineStartAfter(file, buffer, Math.floor(size / 2))
        : size;
    const second =
      middle < size
        ? scanInWorker({
            lanekitFileScan: true,
            path,
            rules: compiled.rules,
            samples,
            from: middle,
            to: size,
          })
        : undefined;
    const first = await scanPart(file, buffer, compiled, samples, 0, middle);
    const result = second === undefined ? first : mergeParts([first, await second], samples);
    await resolveLineNumbers(file, buffer, result);
    return result;
  } finally {
    await file.close();
  }
}

type OpenFile = Awaited<ReturnType<typeof open>>;

/**
 * Scans `file[from, to)`; a part after the first continues the log (see LogScanOptions). Each
 * read is started before the chunk before it is scanned, so the scan never waits on the disk
 * (measured: a quarter of a 120 MiB scan went to waiting with one buffer).
 */
async function scanPart(
  file: OpenFile,
  buffer: Buffer,
  compiled: CompiledRules,
  samples: number,
  from: number,
  to: number,
): Promise<LogScanResult> {
  const scan = new LogScan(compiled, {
    samples,
    countLines: false,
    ...(from === 0 ? {} : { continuation: { offset: from } }),
  });
  const buffers = [buffer, Buffer.allocUnsafe(CHUNK_BYTES)] as const;
  const read = (turn: number, position: number) =>
    position < to
      ? file.read(buffers[turn]!, 0, Math.min(CHUNK_BYTES, to - position), position)
      : undefined;
  let position = from;
  let pending = read(0, position);
  for (let turn = 0; pending !== undefined; turn ^= 1) {
    const { bytesRead } = await pending;
    if (bytesRead === 0) break;
    position += bytesRead;
    pending = read(turn ^ 1, position);
    scan.feed(buffers[turn]!.subarray(0, bytesRead));
  }
  return scan.finish();
}

/** The offset just after the first newline at or after `from` (the file's size if none). */
async function lineStartAfter(file: OpenFile, buffer: Buffer, from: number): Promise<number> {
  for (let position = from; ;) {
    const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) return position;
    const newline = buffer.subarray(0, bytesRead).indexOf(10);
    if (newline >= 0) return position + newline + 1;
    position += bytesRead;
  }
}

function scanInWorker(job: PartJob): Promise<LogScanResult> {
  // The worker imports this module (the chunk holding it, once bundled), whose top level below
  // sees the job and runs it. Rules, regexes included, and the result cross by structured clone.
  const worker = new Worker(`import(${JSON.stringify(import.meta.url)})`, {
    eval: true,
    workerData: job,
    resourceLimits: WORKER_LIMITS,
  });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(
        new Error(`the scan of ${job.path} from byte ${job.from} stopped (exit code ${code})`),
      );
    });
  });
}

/** One result for a log scanned in parts: counts added, samples in log order, contexts chained. */
function mergeParts(parts: readonly LogScanResult[], samples: number): LogScanResult {
  const hits = new Map<number, RuleHits>();
  let context: StepContext = {};
  const inherited = (inherit: 'step' | 'step-and-group'): StepContext => ({
    ...(context.step === undefined ? {} : { step: context.step }),
    ...(context.stepLine === undefined ? {} : { stepLine: context.stepLine }),
    ...(inherit === 'step' || context.group === undefined ? {} : { group: context.group }),
  });
  for (const part of parts) {
    for (const [index, found] of part.hits) {
      const merged = hits.get(index) ?? { count: 0, samples: [] };
      merged.count += found.count;
      for (const { inherit, ...sample } of found.samples) {
        if (merged.samples.length >= samples) break;
        if (inherit === undefined) {
          merged.samples.push(sample);
          continue;
        }
        const { group, ...from } = inherited(inherit);
        merged.samples.push({ ...sample, ...from, ...(group === from.step ? {} : { group }) });
      }
      hits.set(index, merged);
    }
    const { inherit, ...own } = part.context;
    context = inherit === undefined ? own : inherited(inherit);
  }
  return {
    bytes: parts.reduce((sum, part) => sum + part.bytes, 0),
    binary: parts[0]?.binary ?? false,
    truncatedLines: parts.reduce((sum, part) => sum + part.truncatedLines, 0),
    truncatedBytes: parts.reduce((sum, part) => sum + part.truncatedBytes, 0),
    hits: parts[0]?.binary === true ? new Map() : hits,
    context,
  };
}

async function resolveLineNumbers(
  file: OpenFile,
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

const job = workerData as Partial<PartJob> | null;
if (!isMainThread && job?.lanekitFileScan === true) {
  const { path, rules, samples, from, to } = job as PartJob;
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    parentPort?.postMessage(
      await scanPart(file, buffer, new CompiledRules(rules), samples, from, to),
    );
  } finally {
    await file.close();
  }
}
