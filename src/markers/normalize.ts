import { ScanKernel, TAGLESS, TEXT_END, TEXT_START, TIME_END, TIME_START } from './scan-kernel.ts';

/**
 * One raw log line as the scanner sees it (see `scan-kernel.wat` for what normalization
 * removes): the text a tool printed, that text without task-runner tags (what rules match),
 * and the runner's timestamp.
 */
export interface NormalizedLine {
  readonly text: string;
  readonly matchText: string;
  readonly time?: string;
}

/** Lines up to this long reuse one kernel. */
const SHARED_KERNEL_LINE_BYTES = 64 * 1024;
let kernel: ScanKernel | undefined;

/** The shared kernel, holding `bytes` normalized as its record 0. */
function normalized(bytes: Uint8Array): ScanKernel {
  if (kernel === undefined || bytes.length > kernel.maxLineBytes) {
    const maxLineBytes = Math.max(bytes.length, SHARED_KERNEL_LINE_BYTES);
    kernel = new ScanKernel([], { maxLineBytes, batchBytes: 0 });
  }
  kernel.normalize(bytes);
  return kernel;
}

export function normalizeLine(raw: string): NormalizedLine {
  const bytes = Buffer.from(raw, 'utf8');
  const { records, text } = normalized(bytes);
  const line = {
    text: text.toString('utf8', records[TEXT_START], records[TEXT_END]),
    matchText: text.toString('utf8', records[TAGLESS], records[TEXT_END]),
  };
  const timeEnd = records[TIME_END]!;
  return timeEnd === 0
    ? line
    : { ...line, time: bytes.toString('latin1', records[TIME_START], timeEnd) };
}

/** The same line for matching: also without task-runner tags. */
export function matchText(raw: string): string {
  const { records, text } = normalized(Buffer.from(raw, 'utf8'));
  return text.toString('utf8', records[TAGLESS], records[TEXT_END]);
}
