import type { CompiledRules } from './compiled-rules.ts';
import type { MarkerRule } from './rule.ts';
import { GROUP_END, GROUP_START } from './compiled-rules.ts';
import { LineNormalizer, matchText } from './normalize.ts';

/** Longer lines are scanned up to this many bytes; the rest is skipped and counted. */
export const MAX_LINE_BYTES = 64 * 1024;
export const MAX_SAMPLE_CHARS = 500;
const BINARY_PROBE_BYTES = 8192;
/** Keys a paired rule keeps at most between resets (memory stays bounded on any log). */
const MAX_OPEN_PAIRS = 10_000;
const NEWLINE = 10;
/**
 * Normalized lines are decoded together once a batch holds this many bytes: small batches keep
 * the allocation rate low enough that V8 does not grow its young generation (measured: peak
 * memory flat from 64 MiB to 2 GiB of log at 4 KiB; 32 KiB batches grew it by 10 MB per GiB).
 */
const BATCH_BYTES = 4 * 1024;
/** Per batched line: start, stop, normalized start, tagless, end, time start, time end, CR. */
const LINE_FIELDS = 8;
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
  readonly truncatedLines: number;
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
 * Scans one log fed in chunks of any size, in constant memory: only lines holding an anchor of
 * some rule are decoded, normalized and tested. Markers are attributed to the step and group
 * they appeared in.
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
  readonly #allRules: readonly number[];
  readonly #normalizer: LineNormalizer;
  readonly #batch = {
    bytes: 0,
    lines: [] as number[],
    candidates: [] as number[],
    candidateFrom: [] as number[],
  };

  #bytes = 0;
  #offset = 0;
  #started = false;
  #sawGroupStart = false;
  #sawGroupEnd = false;
  #binary = false;
  #truncated = 0;
  #carry: Buffer | undefined;
  #carryOffset = 0;
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
    this.#allRules = compiled.rules.map((_, index) => index);
    this.#normalizer = new LineNormalizer(BATCH_BYTES + this.#maxLine + 1);
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

  /**
   * Scans `buffer[from, to)`, a run of whole lines that ends with a newline. Candidate lines are
   * normalized into one scratch buffer and decoded together, a batch at a time.
   */
  #scanLines(buffer: Buffer, from: number, to: number, offset: number): void {
    this.#countFrom = from;
    const { search, rulesOfAnchor, unanchored } = this.#compiled;
    const everyLine = unanchored.length > 0;
    const batch = this.#batch;
    let position = from;
    while (position < to) {
      const hit = everyLine ? position : search.find(buffer, position, to);
      if (hit < 0) break;
      // Plain loops: lines are short, and Buffer's indexOf costs more to call than to run.
      let lineStart = hit;
      while (lineStart > position && buffer[lineStart - 1] !== NEWLINE) lineStart--;
      let lineEnd = hit;
      while (buffer[lineEnd] !== NEWLINE) lineEnd++;
      let stop = lineEnd;
      if (stop - lineStart > this.#maxLine) {
        stop = lineStart + this.#maxLine;
        this.#truncated++;
      }
      batch.candidateFrom.push(batch.candidates.length);
      if (everyLine) batch.candidates.push(...this.#allRules);
      else this.#collectCandidates(buffer, hit, lineEnd, rulesOfAnchor);
      const normalizer = this.#normalizer;
      normalizer.normalize(buffer, lineStart, stop, batch.bytes);
      batch.lines.push(
        lineStart,
        stop,
        normalizer.start,
        normalizer.tagless,
        normalizer.end,
        normalizer.timeStart,
        normalizer.timeEnd,
        normalizer.carriageReturn ? 1 : 0,
      );
      batch.bytes = normalizer.end;
      if (batch.bytes >= BATCH_BYTES) this.#flush(buffer, offset);
      position = lineEnd + 1;
    }
    this.#flush(buffer, offset);
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
    const candidates = this.#batch.candidates;
    for (let at = hit; at >= 0; at = search.find(buffer, at + 1, lineEnd)) {
      for (const rule of rulesOfAnchor[search.found]!) {
        if (this.#seen[rule] === generation) continue;
        this.#seen[rule] = generation;
        candidates.push(rule);
      }
    }
  }

  /** Tests the batched lines, in order, and empties the batch. */
  #flush(buffer: Buffer, offset: number): void {
    const batch = this.#batch;
    const { lines, candidates, candidateFrom } = batch;
    if (lines.length === 0) return;
    const out = this.#normalizer.out;
    // ASCII patterns test latin1 text exactly as they test UTF-8 text: one decoding serves the
    // whole batch, and each line is a slice of it.
    const decoded = this.#compiled.asciiPatterns ? out.toString('latin1', 0, batch.bytes) : '';
    const rules = this.#compiled.rules;
    for (let line = 0, field = 0; field < lines.length; line++, field += LINE_FIELDS) {
      const start = lines[field + 2]!;
      const end = lines[field + 4]!;
      if (startsWith(out, start, end, GROUP_START_BYTES)) {
        const title = out.toString('utf8', start + GROUP_START_BYTES.length, end).trim();
        this.#sawGroupStart = true;
        if (this.#group === undefined && title.startsWith('Run ')) {
          this.#step = title;
          if (this.#options.countLines)
            this.#stepLine = this.#countLinesTo(buffer, lines[field]!) + 1;
        }
        this.#group = title;
        continue;
      }
      if (startsWith(out, start, end, GROUP_END_BYTES)) {
        if (!this.#sawGroupStart) this.#sawGroupEnd = true;
        this.#group = undefined;
        continue;
      }
      const tagless = lines[field + 3]!;
      const text =
        decoded === '' ? out.toString('utf8', tagless, end) : decoded.slice(tagless, end);
      // A line redrawn with carriage returns holds several lines of output: test each.
      const segments = lines[field + 7] === 1 ? text.split('\r').map(matchText) : undefined;
      const last = line + 1 < candidateFrom.length ? candidateFrom[line + 1]! : candidates.length;
      for (let c = candidateFrom[line]!; c < last; c++) {
        const index = candidates[c]!;
        const rule = rules[index]!;
        if (rule.pairing !== undefined) {
          this.#pair(index, rule.pairing, rule.pattern, text, buffer, offset, field);
          continue;
        }
        const matched =
          segments === undefined
            ? rule.pattern.test(text)
            : segments.some((part) => rule.pattern.test(part));
        if (matched) this.#count(index, () => this.#sampleOf(buffer, offset, field));
      }
    }
    lines.length = 0;
    candidates.length = 0;
    candidateFrom.length = 0;
    batch.bytes = 0;
  }

  /** A paired rule's line: see `MarkerRule.pairing`. */
  #pair(
    index: number,
    pairing: NonNullable<MarkerRule['pairing']>,
    start: RegExp,
    text: string,
    buffer: Buffer,
    offset: number,
    field: number,
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
        keys.set(opened, this.#sampleOf(buffer, offset, field));
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
    this.#count(index, () => sample);
  }

  #count(index: number, sample: () => MarkerSample): void {
    let hits = this.#hits.get(index);
    if (hits === undefined) {
      hits = { count: 0, samples: [] };
      this.#hits.set(index, hits);
    }
    hits.count++;
    if (hits.samples.length < this.#options.samples) hits.samples.push(sample());
  }

  /** The batched line at `field` as a sample, attributed to the current step and group. */
  #sampleOf(buffer: Buffer, offset: number, field: number): MarkerSample {
    const lines = this.#batch.lines;
    const lineStart = lines[field]!;
    const shown = this.#normalizer.out.toString('utf8', lines[field + 2], lines[field + 4]);
    const timeEnd = lines[field + 6]!;
    return {
      line: this.#options.countLines ? this.#countLinesTo(buffer, lineStart) + 1 : 0,
      offset: offset + lineStart,
      text: shown.length > MAX_SAMPLE_CHARS ? `${shown.slice(0, MAX_SAMPLE_CHARS - 1)}…` : shown,
      ...(timeEnd === 0 ? {} : { time: buffer.toString('latin1', lines[field + 5], timeEnd) }),
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
