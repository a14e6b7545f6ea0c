import { SCAN_KERNEL_WASM } from './scan-kernel-wasm.ts';

/** Fields of a kernel record (see `scan-kernel.wat`), each an i32. */
export const RECORD_FIELDS = 10;
/** Line start and stop (the cap applied), as offsets in the scanned window. */
export const LINE_START = 0;
export const LINE_STOP = 1;
/** The normalized line is `text[TEXT_START, TEXT_END)`; without task-runner tags, from TAGLESS. */
export const TEXT_START = 2;
export const TAGLESS = 3;
export const TEXT_END = 4;
/** The runner's timestamp, as offsets in the window; both 0 when the line has none. */
export const TIME_START = 5;
export const TIME_END = 6;
export const FLAGS = 7;
/** The line's anchor ids are `candidates[CANDIDATES_START, CANDIDATES_END)`. */
export const CANDIDATES_START = 8;
export const CANDIDATES_END = 9;
export const FLAG_CARRIAGE_RETURN = 1;
export const FLAG_TRUNCATED = 2;

/** A window of log handed to the kernel at once: longer lines are handed in capped. */
const WINDOW_BYTES = 256 * 1024;
/** A batch also ends at this many records or candidate anchor ids. */
const MAX_RECORDS = 1024;
const CANDIDATE_LIMIT = 4096;
/** Fixed layout of `scan-kernel.wat`: the shift table, then a bucket head per block hash. */
const HASHES = 4096;
const SHIFT = 1024;
const HEADS = SHIFT + HASHES;
const TABLES_END = HEADS + HASHES * 4;
const ENTRY_BYTES = 16;
/** Room past a region's end for the kernel's 16-byte vector loads and stores. */
const VECTOR_SLACK = 16;
const PAGE_BYTES = 65536;
const MAX_WINDOW = 256;
/** Anchors are searched by three-byte blocks. */
export const MIN_ANCHOR_BYTES = 3;

interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly records: { readonly value: number };
  configure(...layout: number[]): void;
  scan(from: number, to: number, everyLine: number): number;
  normalizeLine(from: number, to: number): void;
}

/** The WebAssembly API as used here (Node's types leave it to the DOM library). */
interface WebAssemblyApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object) => { readonly exports: unknown };
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

let compiled: object | undefined;

export interface ScanKernelOptions {
  /** Lines are scanned up to this many bytes. */
  readonly maxLineBytes: number;
  /** A batch ends once its normalized text holds this many bytes. */
  readonly batchBytes: number;
}

/**
 * One instance of the WebAssembly kernel: finds the lines of a window that hold any of
 * `anchors` (at least three bytes each), normalizes them into `text` and describes each in
 * `records`. See `scan-kernel.wat` for the algorithm; this side builds its tables.
 */
export class ScanKernel {
  /** Where a window of log is copied before `scan`. */
  readonly input: Uint8Array;
  /** The largest window: longer runs of lines are scanned in several. */
  readonly windowBytes: number;
  readonly maxLineBytes: number;
  readonly text: Buffer;
  readonly records: Int32Array;
  readonly candidates: Int32Array;
  readonly #exports: KernelExports;

  constructor(anchors: readonly string[], options: ScanKernelOptions) {
    const bytes = anchors.map((anchor) => Buffer.from(anchor, 'utf8'));
    if (bytes.some((anchor) => anchor.length < MIN_ANCHOR_BYTES)) {
      throw new RangeError(`anchors must be at least ${MIN_ANCHOR_BYTES} bytes long`);
    }
    // Wu-Manber's window: the length of the shortest anchor.
    const searchWindow =
      bytes.length === 0 ? MIN_ANCHOR_BYTES : Math.min(MAX_WINDOW, ...bytes.map((a) => a.length));
    this.maxLineBytes = options.maxLineBytes;
    this.windowBytes = Math.max(WINDOW_BYTES, options.maxLineBytes + 2);
    const textBytes = options.batchBytes + options.maxLineBytes + 1;

    let end = TABLES_END;
    const take = (size: number) => {
      const at = end;
      end = align(end + size + VECTOR_SLACK);
      return at;
    };
    const entries = take(bytes.length * ENTRY_BYTES);
    const anchorBytes = take(bytes.reduce((sum, anchor) => sum + anchor.length, 0));
    const seen = take(bytes.length * 4);
    // The anchor search reads up to two windows past the input's end.
    const input = take(this.windowBytes + 2 * searchWindow);
    const text = take(textBytes);
    const records = take(MAX_RECORDS * RECORD_FIELDS * 4);
    const candidates = take((CANDIDATE_LIMIT + bytes.length) * 4);

    compiled ??= new WebAssembly.Module(Buffer.from(SCAN_KERNEL_WASM, 'base64'));
    this.#exports = new WebAssembly.Instance(compiled).exports as KernelExports;
    const memory = this.#exports.memory;
    memory.grow(Math.ceil(end / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES);
    const heap = new Uint8Array(memory.buffer);
    const words = new Int32Array(memory.buffer);

    heap.fill(searchWindow - 2, SHIFT, SHIFT + HASHES);
    const tails = new Map<number, number>();
    let anchorAt = anchorBytes;
    for (const [id, anchor] of bytes.entries()) {
      for (let last = 2; last < searchWindow; last++) {
        const at = SHIFT + blockHash(anchor, last - 2);
        heap[at] = Math.min(heap[at]!, searchWindow - 1 - last);
      }
      heap.set(anchor, anchorAt);
      const entry = entries + id * ENTRY_BYTES;
      words.set([0, id, anchorAt, anchor.length], entry / 4);
      anchorAt += anchor.length;
      // Bucket lists keep the anchors' order.
      const block = blockHash(anchor, searchWindow - 3);
      const tail = tails.get(block);
      words[(tail ?? HEADS + block * 4) / 4] = entry;
      tails.set(block, entry);
    }

    this.#exports.configure(
      searchWindow,
      input,
      text,
      records,
      candidates,
      seen,
      options.maxLineBytes,
      options.batchBytes,
      MAX_RECORDS,
      CANDIDATE_LIMIT,
    );
    this.input = new Uint8Array(memory.buffer, input, this.windowBytes);
    this.text = Buffer.from(memory.buffer, text, textBytes);
    this.records = new Int32Array(memory.buffer, records, MAX_RECORDS * RECORD_FIELDS);
    this.candidates = new Int32Array(memory.buffer, candidates, CANDIDATE_LIMIT + bytes.length);
  }

  /**
   * Scans the whole lines of `input[from, to)` (`to` just past a newline) until the batch is
   * full; returns where it stopped (`to`, or the start of the next line). `recordCount` records
   * describe the lines found: every line when `everyLine`.
   */
  scan(from: number, to: number, everyLine: boolean): number {
    return this.#exports.scan(from, to, everyLine ? 1 : 0);
  }

  get recordCount(): number {
    return this.#exports.records.value;
  }

  /** Normalizes `line` (no newline, at most `maxLineBytes`) into record 0. */
  normalize(line: Uint8Array): void {
    if (line.length > this.maxLineBytes) throw new RangeError('line longer than maxLineBytes');
    this.input.set(line);
    this.input[line.length] = 10;
    this.#exports.normalizeLine(0, line.length);
  }
}

/** The kernel's `$block`: the three bytes at `at`, hashed to 12 bits. */
function blockHash(bytes: Uint8Array, at: number): number {
  const block = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
  return Math.imul(block, 0x9e3779b1) >>> 20;
}

function align(offset: number): number {
  return Math.ceil(offset / 16) * 16;
}
