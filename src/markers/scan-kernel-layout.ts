/**
 * The scan kernel's memory layout and record format, in one table for both of its halves:
 * `scripts/build-wasm.ts` writes `WAT_CONSTANTS` into the `{NAME}` placeholders of
 * `scan-kernel.wat` before assembling it, and `scan-kernel.ts` lays out memory and reads records
 * with the same numbers. All addresses are bytes; every value the kernel stores is an i32.
 */

/** Block hashes are 12 bits: the shift table, a byte per hash, stays in the L1 cache. */
export const HASH_BITS = 12;
export const HASHES = 1 << HASH_BITS;
/** A block's hash is its three bytes (little-endian) times this, top HASH_BITS bits. */
export const HASH_MULTIPLIER = 0x9e3779b1;

// The fixed regions, from address 0.
/** The runner's `##[level]` prefixes, each as its length then its bytes; a zero length ends them. */
export const LEVEL_PREFIXES = 0;
/** The offsets of the 14 digits in a timestamp `2025-12-16T23:20:13`, a byte each. */
export const STAMP_DIGITS = 128;
/** Wu-Manber's shift per block hash, a byte each. */
export const SHIFT_TABLE = 1024;
/** Per block hash, the address of its first anchor entry, or 0. */
export const BUCKET_HEADS = SHIFT_TABLE + HASHES;
export const TABLES_END = BUCKET_HEADS + HASHES * 4;

/** An anchor entry: the next entry of its bucket (0 ends it), its id, its bytes' address, length. */
export const ENTRY_NEXT = 0;
export const ENTRY_ID = 4;
export const ENTRY_BYTES_AT = 8;
export const ENTRY_LENGTH = 12;
export const ENTRY_BYTES = 16;

// The fields of a record (one per line found), by index.
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
export const RECORD_FIELDS = 10;
export const RECORD_BYTES = RECORD_FIELDS * 4;
export const FLAG_CARRIAGE_RETURN = 1;

/** A batch ends at this many records, or once it holds this many candidate anchor ids. */
export const MAX_RECORDS = 1024;
export const CANDIDATE_LIMIT = 4096;
/** Shifts are bytes and the largest is the search window minus two. */
export const MAX_SEARCH_WINDOW = 256;
/** Room past a region's end for the kernel's 16-byte vector loads and stores. */
export const VECTOR_SLACK = 16;

/** The parameters of the kernel's `configure`, in order. */
export const CONFIGURE_PARAMETERS = [
  'window',
  'input',
  'text',
  'recordBase',
  'candidateBase',
  'seen',
  'maxLine',
  'batchBytes',
  'maxRecords',
  'candidateLimit',
] as const;
export type KernelConfiguration = Readonly<Record<(typeof CONFIGURE_PARAMETERS)[number], number>>;

/** What the sizes of the regions after the fixed ones depend on. */
export interface KernelSizes {
  readonly anchors: number;
  /** The anchors' bytes, all together. */
  readonly anchorBytes: number;
  /** Wu-Manber's window: the length of the shortest anchor. */
  readonly searchWindow: number;
  /** The largest window of log scanned at once. */
  readonly windowBytes: number;
  /** The text region: a batch's normalized lines. */
  readonly textBytes: number;
}

/** The addresses of the regions after the fixed ones, and the end of memory in use. */
export interface KernelRegions {
  /** An anchor entry per anchor, by id. */
  readonly entries: number;
  readonly anchorBytes: number;
  /** Per anchor id, the last line it was recorded for (a generation number). */
  readonly seen: number;
  readonly input: number;
  readonly text: number;
  /** MAX_RECORDS records of RECORD_FIELDS. */
  readonly records: number;
  /** Candidate anchor ids: a line past CANDIDATE_LIMIT adds at most one per anchor. */
  readonly candidates: number;
  readonly end: number;
}

/** Lays out the regions after the fixed tables, each aligned, with VECTOR_SLACK room past it. */
export function layOut(sizes: KernelSizes): KernelRegions {
  let end = TABLES_END;
  const take = (bytes: number) => {
    const at = end;
    end = Math.ceil((end + bytes + VECTOR_SLACK) / 16) * 16;
    return at;
  };
  const entries = take(sizes.anchors * ENTRY_BYTES);
  const anchorBytes = take(sizes.anchorBytes);
  const seen = take(sizes.anchors * 4);
  // The anchor search reads up to two search windows past the input's end.
  const input = take(sizes.windowBytes + 2 * sizes.searchWindow);
  const text = take(sizes.textBytes);
  const records = take(MAX_RECORDS * RECORD_BYTES);
  const candidates = take((CANDIDATE_LIMIT + sizes.anchors) * 4);
  return { entries, anchorBytes, seen, input, text, records, candidates, end };
}

/** The numbers `scan-kernel.wat` names as `{NAME}`: addresses, byte offsets and flags. */
export const WAT_CONSTANTS: Readonly<Record<string, number>> = {
  LEVEL_PREFIXES,
  STAMP_DIGITS,
  SHIFT_TABLE,
  BUCKET_HEADS,
  HASH_MULTIPLIER,
  HASH_SHIFT: 32 - HASH_BITS,
  ENTRY_NEXT,
  ENTRY_ID,
  ENTRY_BYTES_AT,
  ENTRY_LENGTH,
  RECORD_BYTES,
  RECORD_LINE_START: LINE_START * 4,
  RECORD_LINE_STOP: LINE_STOP * 4,
  RECORD_TEXT_START: TEXT_START * 4,
  RECORD_TAGLESS: TAGLESS * 4,
  RECORD_TEXT_END: TEXT_END * 4,
  RECORD_TIME_START: TIME_START * 4,
  RECORD_TIME_END: TIME_END * 4,
  RECORD_FLAGS: FLAGS * 4,
  RECORD_CANDIDATES_START: CANDIDATES_START * 4,
  RECORD_CANDIDATES_END: CANDIDATES_END * 4,
  FLAG_CARRIAGE_RETURN,
};
