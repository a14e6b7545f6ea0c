/**
 * What the scan kernel (`src/markers/scan-kernel.wat`) computes, written plainly as the oracle
 * of the differential test: no tables, no SIMD, no addresses. Bytes are latin1 strings (one
 * character per byte), so the rules read as regexes over bytes.
 */
import { CANDIDATE_LIMIT, MAX_RECORDS } from '../../src/markers/scan-kernel-layout.ts';

/** A kernel record with its candidate anchor ids, each offset as the kernel gives it. */
export interface ScanRecord {
  /** The line, its cap applied, as offsets in the window. */
  readonly lineStart: number;
  readonly lineStop: number;
  /** Offsets in the batch's text: the normalized line, and where its task-runner tags end. */
  readonly textStart: number;
  readonly tagless: number;
  readonly textEnd: number;
  /** The runner's timestamp, as offsets in the window; both 0 when there is none. */
  readonly timeStart: number;
  readonly timeEnd: number;
  readonly carriageReturn: boolean;
  /** Ids of the anchors found in the line, in the order the kernel lists them. */
  readonly anchors: readonly number[];
}

/** What one `scan` call leaves: its records, the batch's text, and where it stopped. */
export interface ScannedBatch {
  readonly records: readonly ScanRecord[];
  /** The text region up to the last record's end, as latin1. */
  readonly text: string;
  readonly next: number;
}

export interface ReferenceOptions {
  /** The anchors' UTF-8 bytes, as latin1, by id. */
  readonly anchors: readonly string[];
  readonly maxLineBytes: number;
  readonly batchBytes: number;
  readonly everyLine: boolean;
}

/** A line normalized: its text (from where it is copied) and what was found in it. */
export interface NormalizedLine {
  /** The text, `##[level]` prefix included. */
  readonly text: string;
  /** Where the text after that prefix starts, and where it starts after task-runner tags. */
  readonly textStart: number;
  readonly tagless: number;
  /** The timestamp, as offsets in the line. */
  readonly time?: { readonly start: number; readonly end: number };
  readonly carriageReturn: boolean;
}

const BOM = '\xef\xbb\xbf';
/** `2025-12-16T23:20:13`, any fraction or none, `Z`, then a space or the line's end. */
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d*)?Z(?= |$)/;
/** `gh run view --log` puts the job and the step before the timestamp, each ended by a tab. */
const JOB_AND_STEP = /^[^\t]*\t[^\t]*\t/;
/**
 * An escape sequence: CSI (parameter bytes, intermediate bytes, a final byte), OSC (up to BEL or
 * ESC \, else the line's end) or ESC and one byte. The byte after the parameters and after ESC
 * is taken only when ASCII, so the text of a UTF-8 line stays UTF-8.
 */
const ESCAPE =
  // eslint-disable-next-line no-control-regex -- escape sequences are control bytes
  /\x1b(?:\[[\x30-\x3f]*[\x20-\x2f]*[\x00-\x7f]?|\](?:[^\x07\x1b]|\x1b(?!\\))*(?:\x07|\x1b\\)?|[\x00-\x7f]?)/g;
const LEVEL_PREFIX = /^##\[(?:error|warning|notice|debug|info|command)\]/;
/** A lefthook/turbo `[tag]` or a BuildKit `#12 3.456` step prefix, after blanks. */
const TOOL_TAG = /[ \t]*(?:\[[^\]]*\]|#\d+ \d+\.\d*)/y;

/** Where a timestamp ends at the start of `line`, or 0. */
function timestampLength(line: string): number {
  return TIMESTAMP.exec(line)?.[0].length ?? 0;
}

/** Normalizes one line (no newline): the text the tool printed. */
export function normalizeLine(line: string): NormalizedLine {
  let rest = line.endsWith('\r') ? line.slice(0, -1) : line;
  let offset = 0;
  const drop = (count: number) => {
    rest = rest.slice(count);
    offset += count;
  };
  if (rest.startsWith(BOM)) drop(BOM.length);
  if (timestampLength(rest) === 0) {
    const columns = JOB_AND_STEP.exec(rest)?.[0].length ?? 0;
    if (columns > 0 && timestampLength(rest.slice(columns)) > 0) drop(columns);
  }
  const stamp = timestampLength(rest);
  const time = stamp === 0 ? undefined : { start: offset, end: offset + stamp };
  if (stamp > 0) drop(rest[stamp] === ' ' ? stamp + 1 : stamp);

  const text = rest.replace(ESCAPE, '');
  const textStart = LEVEL_PREFIX.exec(text)?.[0].length ?? 0;
  let tagless = textStart;
  TOOL_TAG.lastIndex = tagless;
  while (TOOL_TAG.test(text)) tagless = TOOL_TAG.lastIndex;
  return {
    text,
    textStart,
    tagless,
    ...(time === undefined ? {} : { time }),
    carriageReturn: text.includes('\r'),
  };
}

/** A line of the window: where it starts, where its newline is, where its cap cuts it. */
interface Line {
  readonly start: number;
  readonly end: number;
  readonly stop: number;
}

/**
 * The anchors found in a line: those that lie whole before its cap, by first position, then id.
 * Undefined when the line is not recorded: no anchor starts before the cap (an anchor that
 * starts before the cap and ends after it records the line, with no anchor).
 */
function anchorsOf(window: string, line: Line, anchors: readonly string[]): number[] | undefined {
  const found: { at: number; id: number }[] = [];
  let recorded = false;
  for (const [id, anchor] of anchors.entries()) {
    for (
      let at = window.indexOf(anchor, line.start);
      at >= 0 && at + anchor.length <= line.end;
      at = window.indexOf(anchor, at + 1)
    ) {
      if (at >= line.stop) break;
      recorded = true;
      if (at + anchor.length <= line.stop) found.push({ at, id });
    }
  }
  if (!recorded) return undefined;
  found.sort((a, b) => a.at - b.at || a.id - b.id);
  return [...new Set(found.map(({ id }) => id))];
}

/**
 * One `scan` of `window[from, to)` (whole lines, `from` a line start): the lines that hold an
 * anchor (every line when `everyLine`), until the batch is full.
 */
export function scanBatch(
  window: string,
  from: number,
  to: number,
  options: ReferenceOptions,
): ScannedBatch {
  const records: ScanRecord[] = [];
  let text = '';
  let candidates = 0;
  for (let start = from; start < to;) {
    const end = window.indexOf('\n', start);
    const line = { start, end, stop: Math.min(end, start + options.maxLineBytes) };
    start = end + 1;
    const anchors = options.everyLine ? [] : anchorsOf(window, line, options.anchors);
    if (anchors === undefined) continue;

    const normalized = normalizeLine(window.slice(line.start, line.stop));
    const time = normalized.time;
    records.push({
      lineStart: line.start,
      lineStop: line.stop,
      textStart: text.length + normalized.textStart,
      tagless: text.length + normalized.tagless,
      textEnd: text.length + normalized.text.length,
      timeStart: time === undefined ? 0 : line.start + time.start,
      timeEnd: time === undefined ? 0 : line.start + time.end,
      carriageReturn: normalized.carriageReturn,
      anchors,
    });
    text += normalized.text;
    candidates += anchors.length;
    const full =
      text.length >= options.batchBytes ||
      records.length >= MAX_RECORDS ||
      candidates >= CANDIDATE_LIMIT;
    if (full) return { records, text, next: start };
  }
  return { records, text, next: to };
}

/** Every batch of a scan of `window[from, to)`, as LogScan takes them. */
export function scanBatches(
  window: string,
  from: number,
  to: number,
  options: ReferenceOptions,
): ScannedBatch[] {
  const batches: ScannedBatch[] = [];
  for (let position = from; position < to; position = batches.at(-1)!.next) {
    batches.push(scanBatch(window, position, to, options));
  }
  return batches;
}
