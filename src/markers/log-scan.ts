import type { CompiledRules } from './compiled-rules.ts';
import type { MarkerRule } from './rule.ts';
import { GROUP_END, GROUP_START } from './compiled-rules.ts';
import { matchText } from './normalize.ts';
import {
  CANDIDATES_END,
  CANDIDATES_START,
  FLAG_CARRIAGE_RETURN,
  FLAGS,
  LINE_START,
  RECORD_FIELDS,
  ScanKernel,
  TAGLESS,
  TEXT_END,
  TEXT_START,
  TIME_END,
  TIME_START,
} from './scan-kernel.ts';

/**
 * Longer lines are scanned up to this many bytes (an anchor past it is not seen); the rest is
 * skipped, and each such line is counted, with the bytes skipped.
 */
export const MAX_LINE_BYTES = 64 * 1024;
export const MAX_SAMPLE_CHARS = 500;
const BINARY_PROBE_BYTES = 8192;
/** Keys a paired rule keeps at most between resets (memory stays bounded on any log). */
const MAX_OPEN_PAIRS = 10_000;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
/**
 * Normalized lines are decoded together once a batch holds this many bytes: small batches keep
 * the allocation rate low enough that V8 does not grow its young generation (measured: peak
 * memory flat from 64 MiB to 2 GiB of log at 4 KiB; 32 KiB batches grew it by 10 MB per GiB).
 */
const BATCH_BYTES = 4 * 1024;
const GROUP_START_BYTES = Buffer.from(GROUP_START);
const GROUP_END_BYTES = Buffer.from(GROUP_END);

function startsWith(bytes: Uint8Array, start: number, end: number, prefix: Uint8Array): boolean {
  if (end - start < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (bytes[start + k] !== prefix[k]) return false;
  return true;
}
const LINE_END = Buffer.from('\n');

export interface MarkerSample {
  /** 1-based line number in the log; 0 until a deferred scan resolves it. */
  line: number;
  /** Byte offset of the line in the log. */
  readonly offset: number;
  readonly text: string;
  readonly time?: string;
  /** The `##[group]Run ...` step header the line appeared under. */
  readonly step?: string;
  /** The line of that step's header, when the scan counts lines (GitHub numbers step lines from it). */
  readonly stepLine?: number;
  /** A link to the line in GitHub's log view, when the source knows the job's steps. */
  readonly url?: string;
  /** Set in a continuation scan before its first step header: which context to inherit. */
  inherit?: 'step' | 'step-and-group';
  /** A nested `##[group]` the line appeared in, inside that step. */
  readonly group?: string;
}

export interface RuleHits {
  count: number;
  readonly samples: MarkerSample[];
}

export interface LogScanResult {
  readonly bytes: number;
  /** Lines in the log, when the scan counted them. */
  readonly lines?: number;
  readonly binary: boolean;
  /** Lines longer than the cap (a line's bytes before its LF or CRLF). */
  readonly truncatedLines: number;
  /** The bytes of those lines past the cap: not scanned. */
  readonly truncatedBytes: number;
  /** Hits per rule index of the CompiledRules. */
  readonly hits: ReadonlyMap<number, RuleHits>;
  /** Where the log stood at its end: what the next part of a log split for a parallel scan inherits. */
  readonly context: StepContext;
}

/** The step and open group a line is attributed to. */
export interface StepContext {
  readonly step?: string;
  readonly stepLine?: number;
  readonly group?: string;
  /** A continuation that met no step header: its context is the part before's, or its step. */
  readonly inherit?: 'step' | 'step-and-group';
}

export interface LogScanOptions {
  readonly samples: number;
  /**
   * Count every line as the scan goes (needed for streams, which cannot be read twice). A file
   * scan leaves it off and resolves sample line numbers afterwards, which is much faster.
   */
  readonly countLines: boolean;
  readonly maxLineBytes?: number;
  /**
   * This scan continues a log from `offset` (a later part of a log split for a parallel scan):
   * no BOM or binary check, offsets count from there, and samples before the part's first
   * `##[group]` are marked to take the step of the part before (see `inheritContext`).
   */
  readonly continuation?: { readonly offset: number };
}

/**
 * Scans one log fed in chunks of any size, in constant memory: the kernel finds the lines
 * holding an anchor of some rule within their first `maxLineBytes` and normalizes them, and only
 * those are decoded and tested. Markers are attributed to the step and group they appeared in.
 */
export class LogScan {
  readonly #compiled: CompiledRules;
  readonly #options: LogScanOptions;
  readonly #maxLine: number;
  readonly #hits = new Map<number, RuleHits>();
  /** Per paired rule, each key: the line that opened it, or decided once hit or cleared. */
  readonly #pairs = new Map<number, Map<string, MarkerSample | 'decided'>>();
  readonly #seen: Int32Array;
  #generation = 0;
  readonly #kernel: ScanKernel;
  /** Some rule has no anchor: every line is tested, with every rule. */
  readonly #everyLine: boolean;
  readonly #allRules: readonly number[];

  #bytes = 0;
  #offset = 0;
  #started = false;
  #sawGroupStart = false;
  #sawGroupEnd = false;
  #binary = false;
  #truncated = 0;
  #truncatedBytes = 0;
  #carry: Buffer | undefined;
  #carryOffset = 0;
  /** The pending partial line's length so far (bytes past the carry's cap included), last byte. */
  #carryBytes = 0;
  #carryLast = 0;
  #lines = 0;
  #countFrom = 0;
  #step: string | undefined;
  #stepLine: number | undefined;
  #group: string | undefined;

  constructor(compiled: CompiledRules, options: LogScanOptions) {
    this.#compiled = compiled;
    this.#options = options;
    this.#maxLine = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.#seen = new Int32Array(compiled.rules.length);
    this.#kernel = new ScanKernel(compiled.anchors, {
      maxLineBytes: this.#maxLine,
      batchBytes: BATCH_BYTES,
    });
    this.#everyLine = compiled.unanchored.length > 0;
    this.#allRules = compiled.rules.map((_, index) => index);
    if (options.continuation !== undefined) {
      this.#started = true;
      this.#offset = options.continuation.offset;
    } else {
      this.#sawGroupStart = true;
    }
  }

  feed(chunk: Buffer): void {
    if (this.#binary || chunk.length === 0) return;
    const offset = this.#offset + this.#bytes;
    this.#bytes += chunk.length;
    let from = 0;
    if (!this.#started) {
      this.#started = true;
      if (chunk.subarray(0, BINARY_PROBE_BYTES).includes(0)) {
        this.#binary = true;
        return;
      }
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) from = 3;
    }
    if (this.#carry !== undefined) {
      const newline = chunk.indexOf(NEWLINE, from);
      if (newline < 0) {
        this.#keep(chunk, from, chunk.length, offset);
        return;
      }
      this.#keep(chunk, from, newline, offset);
      this.#flushCarry();
      from = newline + 1;
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last >= from) {
      this.#countCapped(chunk, from, last + 1);
      this.#scanLines(chunk, from, last + 1, offset);
    }
    const tail = Math.max(from, last + 1);
    if (tail < chunk.length) this.#keep(chunk, tail, chunk.length, offset);
  }

  finish(): LogScanResult {
    if (this.#carry !== undefined) this.#flushCarry();
    const result: LogScanResult = {
      bytes: this.#bytes,
      binary: this.#binary,
      truncatedLines: this.#truncated,
      truncatedBytes: this.#truncatedBytes,
      hits: this.#hits,
      context: {
        ...(this.#step === undefined ? {} : { step: this.#step }),
        ...(this.#stepLine === undefined ? {} : { stepLine: this.#stepLine }),
        ...(this.#group === undefined ? {} : { group: this.#group }),
        ...(this.#sawGroupStart ? {} : { inherit: this.#sawGroupEnd ? 'step' : 'step-and-group' }),
      },
    };
    return this.#options.countLines ? { ...result, lines: this.#lines } : result;
  }

  /** Appends `chunk[from, to)` to the pending partial line, up to one byte past the cap. */
  #keep(chunk: Buffer, from: number, to: number, offset: number): void {
    if (this.#carry === undefined) {
      this.#carry = Buffer.alloc(0);
      this.#carryOffset = offset + from;
      this.#carryBytes = 0;
    }
    this.#carryBytes += to - from;
    if (to > from) this.#carryLast = chunk[to - 1]!;
    const room = this.#maxLine + 1 - this.#carry.length;
    if (room > 0 && to > from) {
      this.#carry = Buffer.concat([this.#carry, chunk.subarray(from, Math.min(to, from + room))]);
    }
  }

  #flushCarry(): void {
    const line = Buffer.concat([this.#carry!, LINE_END]);
    this.#carry = undefined;
    this.#capped(this.#carryBytes - (this.#carryLast === CARRIAGE_RETURN ? 1 : 0));
    this.#scanLines(line, 0, line.length, this.#carryOffset);
  }

  /**
   * Counts the lines of `buffer[from, to)` (whole lines) longer than the cap without visiting
   * every line: such a line holds `cap + 1` bytes in a row without a newline, so it holds a
   * probe placed `cap` bytes after a line start; each probe looks at its line only, and the
   * next is placed `cap` bytes after that line.
   */
  #countCapped(buffer: Buffer, from: number, to: number): void {
    for (let probe = from + this.#maxLine; probe < to;) {
      const end = buffer.indexOf(NEWLINE, probe);
      const start = Math.max(from, buffer.lastIndexOf(NEWLINE, probe - 1) + 1);
      this.#capped(end - start - (end > start && buffer[end - 1] === CARRIAGE_RETURN ? 1 : 0));
      probe = end + 1 + this.#maxLine;
    }
  }

  /** Counts a line of `length` bytes when it is longer than the cap. */
  #capped(length: number): void {
    if (length <= this.#maxLine) return;
    this.#truncated++;
    this.#truncatedBytes += length - this.#maxLine;
  }

  /**
   * Scans `buffer[from, to)`, a run of whole lines that ends with a newline, a window at a time:
   * a window is copied into the kernel, which finds and normalizes the candidate lines a batch
   * at a time.
   */
  #scanLines(buffer: Buffer, from: number, to: number, offset: number): void {
    this.#countFrom = from;
    const kernel = this.#kernel;
    let start = from;
    while (start < to) {
      let end = Math.min(to, start + kernel.windowBytes);
      if (end < to) {
        const cut = buffer.lastIndexOf(NEWLINE, end - 1);
        if (cut < start) {
          // A line longer than the window: its first bytes, one past the cap, stand for it.
          const length = this.#maxLine + 1;
          kernel.input.set(buffer.subarray(start, start + length));
          kernel.input[length] = NEWLINE;
          this.#scanWindow(buffer, start, length + 1, offset);
          start = buffer.indexOf(NEWLINE, start + length) + 1;
          continue;
        }
        end = cut + 1;
      }
      kernel.input.set(buffer.subarray(start, end));
      this.#scanWindow(buffer, start, end - start, offset);
      start = end;
    }
    if (this.#options.countLines) this.#countLinesTo(buffer, to);
  }

  /** Scans the `length` bytes in the kernel's input, copied from `buffer` at `base`. */
  #scanWindow(buffer: Buffer, base: number, length: number, offset: number): void {
    for (let position = 0; position < length;) {
      position = this.#kernel.scan(position, length, this.#everyLine);
      this.#testBatch(buffer, base, offset);
    }
  }

  /** Tests the lines of the kernel's last batch, in order. */
  #testBatch(buffer: Buffer, base: number, offset: number): void {
    const kernel = this.#kernel;
    const count = kernel.recordCount;
    if (count === 0) return;
    const { records, text, candidates } = kernel;
    // ASCII patterns test latin1 text exactly as they test UTF-8 text: one decoding serves the
    // whole batch, and each line is a slice of it.
    const decoded = this.#compiled.asciiPatterns
      ? text.toString('latin1', 0, records[(count - 1) * RECORD_FIELDS + TEXT_END])
      : '';
    const { rules, rulesOfAnchor } = this.#compiled;
    const seen = this.#seen;
    for (let record = 0; record < count * RECORD_FIELDS; record += RECORD_FIELDS) {
      const start = records[record + TEXT_START]!;
      const end = records[record + TEXT_END]!;
      const flags = records[record + FLAGS]!;
      if (startsWith(text, start, end, GROUP_START_BYTES)) {
        const title = text.toString('utf8', start + GROUP_START_BYTES.length, end).trim();
        this.#sawGroupStart = true;
        if (this.#group === undefined && title.startsWith('Run ')) {
          this.#step = title;
          if (this.#options.countLines) {
            this.#stepLine = this.#countLinesTo(buffer, base + records[record + LINE_START]!) + 1;
          }
        }
        this.#group = title;
        continue;
      }
      if (startsWith(text, start, end, GROUP_END_BYTES)) {
        if (!this.#sawGroupStart) this.#sawGroupEnd = true;
        this.#group = undefined;
        continue;
      }
      const tagless = records[record + TAGLESS]!;
      const line =
        decoded === '' ? text.toString('utf8', tagless, end) : decoded.slice(tagless, end);
      // A line redrawn with carriage returns holds several lines of output: test each.
      const segments =
        (flags & FLAG_CARRIAGE_RETURN) === 0 ? undefined : line.split('\r').map(matchText);
      const generation = ++this.#generation;
      const firstAnchor = this.#everyLine ? -1 : records[record + CANDIDATES_START]!;
      const lastAnchor = this.#everyLine ? 0 : records[record + CANDIDATES_END]!;
      for (let anchor = firstAnchor; anchor < lastAnchor; anchor++) {
        const ofAnchor = anchor < 0 ? this.#allRules : rulesOfAnchor[candidates[anchor]!]!;
        for (const index of ofAnchor) {
          if (seen[index] === generation) continue;
          seen[index] = generation;
          const rule = rules[index]!;
          if (rule.pairing !== undefined) {
            this.#pair(index, rule.pairing, rule.pattern, line, buffer, base, offset, record);
          } else if (
            segments === undefined
              ? rule.pattern.test(line)
              : segments.some((part: string) => rule.pattern.test(part))
          ) {
            this.#count(index)?.samples.push(this.#sampleOf(buffer, base, offset, record));
          }
        }
      }
    }
  }

  /** A paired rule's line: see `MarkerRule.pairing`. */
  #pair(
    index: number,
    pairing: NonNullable<MarkerRule['pairing']>,
    start: RegExp,
    text: string,
    buffer: Buffer,
    base: number,
    offset: number,
    record: number,
  ): void {
    let keys = this.#pairs.get(index);
    if (keys === undefined) {
      keys = new Map();
      this.#pairs.set(index, keys);
    }
    if (pairing.reset.test(text)) {
      keys.clear();
      return;
    }
    const opened = start.exec(text)?.[1];
    if (opened !== undefined) {
      if (!keys.has(opened) && keys.size < MAX_OPEN_PAIRS) {
        keys.set(opened, this.#sampleOf(buffer, base, offset, record));
      }
      return;
    }
    const cleared = pairing.clear.exec(text)?.[1];
    if (cleared !== undefined) {
      keys.set(cleared, 'decided');
      return;
    }
    const hit = pairing.hit.exec(text)?.[1];
    const sample = hit === undefined ? undefined : keys.get(hit);
    if (hit === undefined || sample === undefined || sample === 'decided') return;
    keys.set(hit, 'decided');
    this.#count(index)?.samples.push(sample);
  }

  /** Counts a marker of rule `index`; its hits when they still take a sample. */
  #count(index: number): RuleHits | undefined {
    let hits = this.#hits.get(index);
    if (hits === undefined) {
      hits = { count: 0, samples: [] };
      this.#hits.set(index, hits);
    }
    hits.count++;
    return hits.samples.length < this.#options.samples ? hits : undefined;
  }

  /**
   * The line of the kernel's `record` (its window copied from `buffer` at `base`) as a sample,
   * attributed to the current step and group.
   */
  #sampleOf(buffer: Buffer, base: number, offset: number, record: number): MarkerSample {
    const { records, text } = this.#kernel;
    const lineStart = base + records[record + LINE_START]!;
    const shown = text.toString('utf8', records[record + TEXT_START], records[record + TEXT_END]);
    const timeEnd = records[record + TIME_END]!;
    return {
      line: this.#options.countLines ? this.#countLinesTo(buffer, lineStart) + 1 : 0,
      offset: offset + lineStart,
      text: shown.length > MAX_SAMPLE_CHARS ? `${shown.slice(0, MAX_SAMPLE_CHARS - 1)}…` : shown,
      ...(timeEnd === 0
        ? {}
        : {
            time: buffer.toString('latin1', base + records[record + TIME_START]!, base + timeEnd),
          }),
      ...(this.#step === undefined ? {} : { step: this.#step }),
      ...(this.#stepLine === undefined ? {} : { stepLine: this.#stepLine }),
      ...(this.#group === undefined || this.#group === this.#step ? {} : { group: this.#group }),
      ...(this.#sawGroupStart ? {} : { inherit: this.#sawGroupEnd ? 'step' : 'step-and-group' }),
    };
  }

  /** Counts the newlines in `buffer[countFrom, to)`; returns the lines before `to`. */
  #countLinesTo(buffer: Buffer, to: number): number {
    let at = buffer.indexOf(NEWLINE, this.#countFrom);
    while (at >= 0 && at < to) {
      this.#lines++;
      at = buffer.indexOf(NEWLINE, at + 1);
    }
    this.#countFrom = Math.max(this.#countFrom, to);
    return this.#lines;
  }
}
