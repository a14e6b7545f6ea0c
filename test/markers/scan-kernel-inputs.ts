/**
 * Generated log lines for the scan kernel's differential test, from a seeded PRNG so a failure
 * reproduces from its seed. A line is made of pieces of each kind the kernel treats apart: any
 * byte, valid and invalid UTF-8, escape sequences ended every way they can be, timestamps as
 * the runner writes them (and near misses), BOMs, CRs, level prefixes, task-runner tags and the
 * anchors being searched. Bytes are latin1 strings (one character per byte); no piece holds a
 * newline, so lines are exactly what the caller joins.
 */

/** mulberry32: a small seeded PRNG. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A string's UTF-8 bytes as latin1. */
export function utf8Bytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

const WORDS = ['Compiling', 'error', 'warning:', 'Downloaded', 'x', 'in', 'Building wheel', '::'];
const UNICODE = ['é', 'ß', '中文', '😀', '\u2028', '\ufeff', '\ufffd'];
const INVALID_UTF8 = [
  '\x80',
  '\xbf',
  '\xc0\x80',
  '\xe2\x82',
  '\xf0\x9f\x98',
  '\xed\xa0\x80',
  '\xff',
];
const CONTROLS = ['\x00', '\x07', '\x7f', '\r', '\t', '\x1b'];
const CSI_PARAMETERS = '0123456789;:<=>?'.split('');
const CSI_INTERMEDIATES = ' !"#$%&\'()*+,-./'.split('');
const CSI_FINALS = ['m', 'K', 'G', 'H', '@', '~', '\x7f', '\r'];
const OSC_PAYLOADS = ['8;;https://example.com/a', '0;title', '', ';\x1b[31m', '\r'];
const LEVELS = ['error', 'warning', 'notice', 'debug', 'info', 'command'];
const TOOL_TAGS = [
  '[test:code] ',
  '[2/4]',
  ' [a] [b]',
  '[unclosed',
  '[]',
  '#12 3.456 ',
  '#1 2.',
  '#14 CACHED',
  '#3 4 ',
  '#3 4,5',
  '# 1.2',
];

export class InputGenerator {
  readonly #random: () => number;

  constructor(seed: number) {
    this.#random = mulberry32(seed);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.#random() * n);
  }

  chance(probability: number): boolean {
    return this.#random() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Any byte but a newline. */
  #byte(): string {
    const byte = this.int(255);
    return String.fromCharCode(byte < 10 ? byte : byte + 1);
  }

  #repeat(count: number, piece: () => string): string {
    return Array.from({ length: count }, piece).join('');
  }

  /** A runner timestamp, `2026-01-02T03:04:05.1234567Z`, with 0 to 9 fraction digits or none. */
  #timestamp(): string {
    const digits = (n: number) => this.#repeat(n, () => String(this.int(10)));
    const fraction = this.chance(0.2) ? '' : `.${digits(this.int(10))}`;
    return `${digits(4)}-${digits(2)}-${digits(2)}T${digits(2)}:${digits(2)}:${digits(2)}${fraction}Z`;
  }

  /** `text` with one byte changed or dropped, or cut short: what a rule must not mistake. */
  #nearMiss(text: string): string {
    const at = this.int(text.length);
    switch (this.int(3)) {
      case 0:
        return text.slice(0, at) + this.#byte() + text.slice(at + 1);
      case 1:
        return text.slice(0, at) + text.slice(at + 1);
      default:
        return text.slice(0, at);
    }
  }

  /** `text`, or more rarely a near miss of it. */
  #mostly(text: string): string {
    return this.chance(0.7) ? text : this.#nearMiss(text);
  }

  #escape(): string {
    switch (this.int(4)) {
      case 0: {
        const parameters = this.#repeat(this.int(5), () => this.pick(CSI_PARAMETERS));
        const intermediates = this.#repeat(this.int(3), () => this.pick(CSI_INTERMEDIATES));
        const final = this.chance(0.7)
          ? this.pick(CSI_FINALS)
          : this.chance(0.5)
            ? this.#byte()
            : '';
        return `\x1b[${parameters}${intermediates}${final}`;
      }
      case 1: {
        const end = this.pick(['\x07', '\x1b\\', '\x1b', '\x1bx', '']);
        return `\x1b]${this.pick(OSC_PAYLOADS)}${end}`;
      }
      case 2:
        return `\x1b${this.#byte()}`;
      default:
        return this.pick(['\x1b', '\x1b\x1b', '\x1b(B', '\x1b[', '\x1b]']);
    }
  }

  /** One piece of a line's body; anchors (their bytes) also appear, whole or as near misses. */
  #piece(anchors: readonly string[]): string {
    const anchor = anchors.length > 0 ? this.pick(anchors) : 'abc';
    switch (this.int(13)) {
      case 0:
        return this.#repeat(1 + this.int(8), () => this.#byte());
      case 1:
        return this.pick(WORDS);
      case 2:
        return this.pick([' ', '  ', '\t', ' \t ']);
      case 3:
        return utf8Bytes(this.pick(UNICODE));
      case 4:
        return this.pick(INVALID_UTF8);
      case 5:
        return this.pick(CONTROLS);
      case 6:
      case 7:
        return this.#escape();
      case 8:
        return this.#mostly(this.#timestamp());
      case 9:
        return this.#mostly(`##[${this.pick(LEVELS)}]`);
      case 10:
        return this.#mostly(this.pick(TOOL_TAGS));
      default:
        return this.#mostly(anchor);
    }
  }

  /** A log line (no newline): perhaps a BOM, job and step columns, timestamp, level, tags. */
  line(anchors: readonly string[], pieces = this.int(12)): string {
    let line = '';
    if (this.chance(0.1)) line += '\xef\xbb\xbf';
    if (this.chance(0.1)) line += `${this.#piece(anchors)}\t${this.#piece(anchors)}\t`;
    if (this.chance(0.5)) line += this.#mostly(this.#timestamp());
    if (this.chance(0.4)) line += this.pick([' ', '', '  ']);
    if (this.chance(0.2)) line += this.#mostly(`##[${this.pick(LEVELS)}]`);
    while (this.chance(0.15)) line += this.#mostly(this.pick(TOOL_TAGS));
    line += this.#repeat(pieces, () => this.#piece(anchors));
    if (this.chance(0.15)) line += this.pick(['\r', '\r\r', '\x1b']);
    return line;
  }

  /** A line of exactly `length` bytes, perhaps with one of `anchors` (bytes) at `anchorAt`. */
  lineOfLength(length: number, anchors: readonly string[], anchorAt?: number): string {
    let line = this.line(anchors);
    while (line.length < length) line += this.#piece(anchors);
    line = line.slice(0, length);
    if (anchorAt === undefined || anchors.length === 0) return line;
    const anchor = this.pick(anchors);
    return (line.slice(0, anchorAt) + anchor + line.slice(anchorAt + anchor.length)).slice(
      0,
      length,
    );
  }

  /**
   * Anchors of `minLength` to `maxLength` characters (3 at least) that share bytes with one
   * another and with lines.
   */
  anchors(count: number, minLength: number, maxLength: number): string[] {
    const alphabet = this.pick(['abc', 'abcCD #[]', 'eor', 'é中a', '\x1b[m']).split('');
    const length = () => minLength + this.int(maxLength - minLength + 1);
    return Array.from({ length: count }, () =>
      this.chance(0.8)
        ? this.#repeat(length(), () => this.pick(alphabet))
        : this.pick(WORDS) + this.#repeat(Math.max(3, length() - 8), () => this.pick(alphabet)),
    );
  }
}
