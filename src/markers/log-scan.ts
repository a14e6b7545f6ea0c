import type { CompiledRules } from './compiled-rules.ts';
import { GROUP_END, GROUP_START } from './compiled-rules.ts';
import { normalizeLine, normalizeText } from './normalize.ts';

/** Longer lines are scanned up to this many bytes; the rest is skipped and counted. */
export const MAX_LINE_BYTES = 64 * 1024;
export const MAX_SAMPLE_CHARS = 500;
const BINARY_PROBE_BYTES = 8192;
const NEWLINE = 10;
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
  readonly truncatedLines: number;
  /** Hits per rule index of the CompiledRules. */
  readonly hits: ReadonlyMap<number, RuleHits>;
}

export interface LogScanOptions {
  readonly samples: number;
  /**
   * Count every line as the scan goes (needed for streams, which cannot be read twice). A file
   * scan leaves it off and resolves sample line numbers afterwards, which is much faster.
   */
  readonly countLines: boolean;
  readonly maxLineBytes?: number;
}

/**
 * Scans one log fed in chunks of any size, in constant memory: only lines holding an anchor of
 * some rule are decoded, normalized and tested. Markers are attributed to the step and group
 * they appeared in.
 */
export class LogScan {
  readonly #compiled: CompiledRules;
  readonly #options: LogScanOptions;
  readonly #maxLine: number;
  readonly #hits = new Map<number, RuleHits>();
  readonly #seen: Int32Array;
  #generation = 0;
  readonly #lineCandidates: number[] = [];
  readonly #allRules: readonly number[];
  #candidates: readonly number[] = [];

  #bytes = 0;
  #started = false;
  #binary = false;
  #truncated = 0;
  #carry: Buffer | undefined;
  #carryOffset = 0;
  #lines = 0;
  #countFrom = 0;
  #step: string | undefined;
  #group: string | undefined;

  constructor(compiled: CompiledRules, options: LogScanOptions) {
    this.#compiled = compiled;
    this.#options = options;
    this.#maxLine = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.#seen = new Int32Array(compiled.rules.length);
    this.#allRules = compiled.rules.map((_, index) => index);
  }

  feed(chunk: Buffer): void {
    if (this.#binary || chunk.length === 0) return;
    const offset = this.#bytes;
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
    if (last >= from) this.#scanLines(chunk, from, last + 1, offset);
    const tail = Math.max(from, last + 1);
    if (tail < chunk.length) this.#keep(chunk, tail, chunk.length, offset);
  }

  finish(): LogScanResult {
    if (this.#carry !== undefined) this.#flushCarry();
    const result: LogScanResult = {
      bytes: this.#bytes,
      binary: this.#binary,
      truncatedLines: this.#truncated,
      hits: this.#hits,
    };
    return this.#options.countLines ? { ...result, lines: this.#lines } : result;
  }

  /** Appends `chunk[from, to)` to the pending partial line, up to one byte past the cap. */
  #keep(chunk: Buffer, from: number, to: number, offset: number): void {
    if (this.#carry === undefined) {
      this.#carry = Buffer.alloc(0);
      this.#carryOffset = offset + from;
    }
    const room = this.#maxLine + 1 - this.#carry.length;
    if (room > 0 && to > from) {
      this.#carry = Buffer.concat([this.#carry, chunk.subarray(from, Math.min(to, from + room))]);
    }
  }

  #flushCarry(): void {
    const line = Buffer.concat([this.#carry!, LINE_END]);
    this.#carry = undefined;
    this.#scanLines(line, 0, line.length, this.#carryOffset);
  }

  /** Scans `buffer[from, to)`, a run of whole lines that ends with a newline. */
  #scanLines(buffer: Buffer, from: number, to: number, offset: number): void {
    this.#countFrom = from;
    const { search, rulesOfAnchor, unanchored } = this.#compiled;
    const everyLine = unanchored.length > 0;
    let position = from;
    while (position < to) {
      const hit = everyLine ? position : search.find(buffer, position, to);
      if (hit < 0) break;
      let lineStart = position;
      if (hit > position) {
        const previous = buffer.lastIndexOf(NEWLINE, hit - 1);
        if (previous >= position) lineStart = previous + 1;
      }
      const lineEnd = buffer.indexOf(NEWLINE, hit);
      if (everyLine) {
        this.#candidates = this.#allRules;
      } else {
        this.#candidates = this.#lineCandidates;
        this.#collectCandidates(buffer, hit, lineEnd, rulesOfAnchor);
      }
      this.#testLine(buffer, lineStart, lineEnd, offset);
      position = lineEnd + 1;
    }
    if (this.#options.countLines) this.#countLinesTo(buffer, to);
  }

  /** The rules of every anchor found in the line from `hit` on, each once. */
  #collectCandidates(
    buffer: Buffer,
    hit: number,
    lineEnd: number,
    rulesOfAnchor: readonly (readonly number[])[],
  ): void {
    const { search } = this.#compiled;
    const generation = ++this.#generation;
    const candidates = this.#lineCandidates;
    candidates.length = 0;
    for (let at = hit; at >= 0; at = search.find(buffer, at + 1, lineEnd)) {
      for (const rule of rulesOfAnchor[search.found]!) {
        if (this.#seen[rule] === generation) continue;
        this.#seen[rule] = generation;
        candidates.push(rule);
      }
    }
  }

  #testLine(buffer: Buffer, start: number, end: number, offset: number): void {
    let stop = end;
    if (stop - start > this.#maxLine) {
      stop = start + this.#maxLine;
      this.#truncated++;
    }
    // ASCII patterns test latin1 text as they test UTF-8 text, and latin1 is cheaper to decode.
    const encoding = this.#compiled.asciiPatterns ? 'latin1' : 'utf8';
    const text = normalizeText(buffer.toString(encoding, start, stop));
    if (text.startsWith(GROUP_START)) {
      const title = text.slice(GROUP_START.length).trim();
      if (this.#group === undefined && title.startsWith('Run ')) this.#step = title;
      this.#group = title;
      return;
    }
    if (text.startsWith(GROUP_END)) {
      this.#group = undefined;
      return;
    }
    const segments = text.includes('\r') ? text.split('\r') : [text];
    const rules = this.#compiled.rules;
    for (const index of this.#candidates) {
      const pattern = rules[index]!.pattern;
      if (!segments.some((segment) => pattern.test(segment))) continue;
      let hits = this.#hits.get(index);
      if (hits === undefined) {
        hits = { count: 0, samples: [] };
        this.#hits.set(index, hits);
      }
      hits.count++;
      if (hits.samples.length >= this.#options.samples) continue;
      const line = this.#options.countLines ? this.#countLinesTo(buffer, start) + 1 : 0;
      const { text: shown, time } = normalizeLine(buffer.toString('utf8', start, stop));
      hits.samples.push({
        line,
        offset: offset + start,
        text: shown.length > MAX_SAMPLE_CHARS ? `${shown.slice(0, MAX_SAMPLE_CHARS - 1)}…` : shown,
        ...(time === undefined ? {} : { time }),
        ...(this.#step === undefined ? {} : { step: this.#step }),
        ...(this.#group === undefined || this.#group === this.#step ? {} : { group: this.#group }),
      });
    }
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
