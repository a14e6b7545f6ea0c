/**
 * Finds any of many literal byte strings in a buffer in one pass (Wu-Manber: a shift table over
 * two-byte blocks, so most of the buffer is skipped without being compared). The scanner uses it
 * to find the few lines that can hold a marker before it decodes or tests any line.
 */
export class AnchorSearch {
  readonly #anchors: Uint8Array[];
  readonly #window: number;
  readonly #shift = new Uint8Array(65536);
  readonly #bucket: (number[] | undefined)[] = new Array<number[] | undefined>(65536);
  /** Index of the anchor found by the last successful `find`. */
  found = -1;

  constructor(anchors: readonly string[]) {
    this.#anchors = anchors.map((anchor) => Buffer.from(anchor, 'utf8'));
    const shortest = Math.min(...this.#anchors.map((bytes) => bytes.length));
    if (this.#anchors.length === 0 || shortest < 2) {
      throw new RangeError('anchors must be at least two bytes long, and there must be one');
    }
    this.#window = Math.min(shortest, 256);
    const window = this.#window;
    this.#shift.fill(window - 1);
    for (const [index, bytes] of this.#anchors.entries()) {
      for (let end = 1; end < window; end++) {
        const block = ((bytes[end - 1] ?? 0) << 8) | (bytes[end] ?? 0);
        const shift = window - 1 - end;
        if (shift < (this.#shift[block] ?? 0)) this.#shift[block] = shift;
      }
      const last = ((bytes[window - 2] ?? 0) << 8) | (bytes[window - 1] ?? 0);
      (this.#bucket[last] ??= []).push(index);
    }
  }

  /** Start offset of the first anchor found in `buffer[from, to)`, or -1. */
  find(buffer: Uint8Array, from: number, to: number): number {
    const window = this.#window;
    const shiftTable = this.#shift;
    const buckets = this.#bucket;
    const anchors = this.#anchors;
    let position = from + window - 1;
    while (position < to) {
      const shift = shiftTable[(buffer[position - 1]! << 8) | buffer[position]!]!;
      if (shift !== 0) {
        position += shift;
        continue;
      }
      const start = position - window + 1;
      for (const index of buckets[(buffer[position - 1]! << 8) | buffer[position]!]!) {
        const anchor = anchors[index]!;
        if (start + anchor.length > to) continue;
        let k = 0;
        while (k < anchor.length && buffer[start + k] === anchor[k]) k++;
        if (k === anchor.length) {
          this.found = index;
          return start;
        }
      }
      position++;
    }
    return -1;
  }
}
