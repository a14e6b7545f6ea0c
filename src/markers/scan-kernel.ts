import type { KernelConfiguration } from './scan-kernel-layout.ts';
import {
  BUCKET_HEADS,
  CANDIDATE_LIMIT,
  CONFIGURE_PARAMETERS,
  ENTRY_BYTES,
  ENTRY_BYTES_AT,
  ENTRY_ID,
  ENTRY_LENGTH,
  ENTRY_NEXT,
  HASH_BITS,
  HASH_MULTIPLIER,
  HASHES,
  layOut,
  MAX_RECORDS,
  MAX_SEARCH_WINDOW,
  RECORD_FIELDS,
  SHIFT_TABLE,
} from './scan-kernel-layout.ts';
import { SCAN_KERNEL_WASM } from './scan-kernel-wasm.ts';

export {
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
} from './scan-kernel-layout.ts';

/** A window of log handed to the kernel at once: longer lines are handed in capped. */
const WINDOW_BYTES = 256 * 1024;
const PAGE_BYTES = 65536;
const NEWLINE = 10;
/** Anchors are searched by three-byte blocks. */
export const MIN_ANCHOR_BYTES = 3;

interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly records: { readonly value: number };
  configure(...parameters: number[]): void;
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
 * `anchors` (at least three bytes each, no newline), normalizes them into `text` and describes
 * each in `records`. See `scan-kernel.wat` for the algorithm, and KERNEL.md; this side builds
 * its tables.
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
    // An anchor is found within a line.
    if (bytes.some((anchor) => anchor.includes(NEWLINE))) {
      throw new RangeError('anchors must not hold a newline');
    }
    // Wu-Manber's window: the length of the shortest anchor.
    const searchWindow =
      bytes.length === 0
        ? MIN_ANCHOR_BYTES
        : Math.min(MAX_SEARCH_WINDOW, ...bytes.map((a) => a.length));
    this.maxLineBytes = options.maxLineBytes;
    this.windowBytes = Math.max(WINDOW_BYTES, options.maxLineBytes + 2);
    const textBytes = options.batchBytes + options.maxLineBytes + 1;

    const regions = layOut({
      anchors: bytes.length,
      anchorBytes: bytes.reduce((sum, anchor) => sum + anchor.length, 0),
      searchWindow,
      windowBytes: this.windowBytes,
      textBytes,
    });

    compiled ??= new WebAssembly.Module(Buffer.from(SCAN_KERNEL_WASM, 'base64'));
    this.#exports = new WebAssembly.Instance(compiled).exports as KernelExports;
    const memory = this.#exports.memory;
    memory.grow(Math.ceil(regions.end / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES);
    const heap = new Uint8Array(memory.buffer);
    const words = new Int32Array(memory.buffer);

    heap.fill(searchWindow - 2, SHIFT_TABLE, SHIFT_TABLE + HASHES);
    const tails = new Map<number, number>();
    let anchorAt = regions.anchorBytes;
    for (const [id, anchor] of bytes.entries()) {
      for (let last = 2; last < searchWindow; last++) {
        const at = SHIFT_TABLE + blockHash(anchor, last - 2);
        heap[at] = Math.min(heap[at]!, searchWindow - 1 - last);
      }
      heap.set(anchor, anchorAt);
      const entry = regions.entries + id * ENTRY_BYTES;
      words[(entry + ENTRY_ID) / 4] = id;
      words[(entry + ENTRY_BYTES_AT) / 4] = anchorAt;
      words[(entry + ENTRY_LENGTH) / 4] = anchor.length;
      anchorAt += anchor.length;
      // Bucket lists keep the anchors' order.
      const block = blockHash(anchor, searchWindow - 3);
      const tail = tails.get(block);
      words[(tail === undefined ? BUCKET_HEADS + block * 4 : tail + ENTRY_NEXT) / 4] = entry;
      tails.set(block, entry);
    }

    const configuration: KernelConfiguration = {
      window: searchWindow,
      input: regions.input,
      text: regions.text,
      recordBase: regions.records,
      candidateBase: regions.candidates,
      seen: regions.seen,
      maxLine: options.maxLineBytes,
      batchBytes: options.batchBytes,
      maxRecords: MAX_RECORDS,
      candidateLimit: CANDIDATE_LIMIT,
    };
    this.#exports.configure(...CONFIGURE_PARAMETERS.map((name) => configuration[name]));
    this.input = new Uint8Array(memory.buffer, regions.input, this.windowBytes);
    this.text = Buffer.from(memory.buffer, regions.text, textBytes);
    this.records = new Int32Array(memory.buffer, regions.records, MAX_RECORDS * RECORD_FIELDS);
    this.candidates = new Int32Array(
      memory.buffer,
      regions.candidates,
      CANDIDATE_LIMIT + bytes.length,
    );
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
    this.input[line.length] = NEWLINE;
    this.#exports.normalizeLine(0, line.length);
  }
}

/** The kernel's `$block`: the three bytes at `at`, hashed to HASH_BITS bits. */
function blockHash(bytes: Uint8Array, at: number): number {
  const block = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
  return Math.imul(block, HASH_MULTIPLIER) >>> (32 - HASH_BITS);
}
