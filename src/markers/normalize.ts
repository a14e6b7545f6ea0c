/**
 * Turns one raw log line into the text a tool printed: without the runner's timestamp (any
 * fraction precision, or none), the `gh run view --log` job/step columns, escape sequences
 * (colours, cursor moves, hyperlinks), a BOM, a trailing CR, or a `##[warning]`-style prefix;
 * and, for matching, without task-runner tags (`[test:code] `, BuildKit's `#12 3.456 `).
 *
 * It works on bytes, into a scratch buffer: every candidate line of a log passes through here,
 * and byte loops cost a fraction of string operations. Everything it removes is ASCII, so the
 * result is still valid UTF-8 whenever the line was.
 */
const ESC = 27;
const TAB = 9;
const SPACE = 32;
const CR = 13;
const LEVELS = ['error', 'warning', 'notice', 'debug', 'info', 'command'].map((level) =>
  Buffer.from(`##[${level}]`),
);
const STAMP_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

const isDigit = (code: number | undefined) => code !== undefined && code >= 48 && code <= 57;

export class LineNormalizer {
  readonly out: Buffer;
  /** The normalized line is `out[start, end)`; without task-runner tags, `out[tagless, end)`. */
  start = 0;
  end = 0;
  tagless = 0;
  /** The timestamp is `source[timeStart, timeEnd)`; both 0 when there is none. */
  timeStart = 0;
  timeEnd = 0;
  /** The line holds a carriage return before its end (a progress bar redrawn in place). */
  carriageReturn = false;

  constructor(capacity: number) {
    this.out = Buffer.allocUnsafe(capacity);
  }

  /** Normalizes `source[from, to)` (one line, no newline) into `out` at `at`. */
  normalize(source: Uint8Array, from: number, to: number, at = 0): void {
    let start = from;
    let end = to;
    if (end > start && source[end - 1] === CR) end--;
    if (source[start] === 0xef && source[start + 1] === 0xbb && source[start + 2] === 0xbf) {
      start += 3;
    }
    this.timeStart = 0;
    this.timeEnd = 0;
    let stamp = stampEnd(source, start, end);
    if (stamp === 0) {
      start = afterColumns(source, start, end);
      stamp = stampEnd(source, start, end);
    }
    if (stamp > 0) {
      this.timeStart = start;
      this.timeEnd = source[stamp - 1] === SPACE ? stamp - 1 : stamp;
      start = stamp;
    }
    const out = this.out;
    let o = at;
    let carriageReturn = false;
    for (let i = start; i < end;) {
      const byte = source[i]!;
      if (byte === ESC) {
        i = escapeEnd(source, i, end);
        continue;
      }
      if (byte === CR) carriageReturn = true;
      out[o++] = byte;
      i++;
    }
    this.carriageReturn = carriageReturn;
    this.start = at + levelPrefixLength(out, at, o);
    this.end = o;
    this.tagless = toolTagsEnd(out, this.start, o);
  }
}

/** The same line for matching: also without task-runner tags. */
export function matchText(raw: string): string {
  const bytes = Buffer.from(raw, 'utf8');
  const normalizer = new LineNormalizer(bytes.length);
  normalizer.normalize(bytes, 0, bytes.length);
  return normalizer.out.toString('utf8', normalizer.tagless, normalizer.end);
}

/** Where a leading `2025-12-16T23:20:13[.fraction]Z ` ends (the space included), or 0. */
function stampEnd(source: Uint8Array, start: number, end: number): number {
  if (end - start < 20) return 0;
  if (source[start + 4] !== 45 || source[start + 7] !== 45 || source[start + 10] !== 84) return 0;
  if (source[start + 13] !== 58 || source[start + 16] !== 58) return 0;
  for (let k = 0; k < STAMP_DIGITS.length; k++) {
    if (!isDigit(source[start + STAMP_DIGITS[k]!])) return 0;
  }
  let at = start + 19;
  if (source[at] === 46) {
    at++;
    while (at < end && isDigit(source[at])) at++;
  }
  if (at >= end || source[at] !== 90) return 0;
  at++;
  if (at === end) return at;
  return source[at] === SPACE ? at + 1 : 0;
}

/** After `job<TAB>step<TAB>` when a timestamp follows (`gh run view --log`), else `start`. */
function afterColumns(source: Uint8Array, start: number, end: number): number {
  const first = source.indexOf(TAB, start);
  if (first < 0 || first >= end) return start;
  const second = source.indexOf(TAB, first + 1);
  if (second < 0 || second >= end) return start;
  return stampEnd(source, second + 1, end) > 0 ? second + 1 : start;
}

/** The end of the escape sequence at `at`: CSI, OSC (ended by BEL or ESC \) or two bytes. */
function escapeEnd(source: Uint8Array, at: number, end: number): number {
  let next = at + 1;
  const kind = source[next];
  if (kind === 91) {
    next++;
    while (next < end && source[next]! >= 0x30 && source[next]! <= 0x3f) next++;
    while (next < end && source[next]! >= 0x20 && source[next]! <= 0x2f) next++;
    return Math.min(next + 1, end);
  }
  if (kind === 93) {
    for (next++; next < end; next++) {
      if (source[next] === 7) return next + 1;
      if (source[next] === ESC && source[next + 1] === 92) return next + 2;
    }
    return end;
  }
  return Math.min(next + 1, end);
}

function levelPrefixLength(out: Uint8Array, start: number, end: number): number {
  if (end - start < 3 || out[start] !== 35 || out[start + 1] !== 35 || out[start + 2] !== 91) {
    return 0;
  }
  for (const level of LEVELS) {
    if (end - start < level.length) continue;
    let k = 3;
    while (k < level.length && out[start + k] === level[k]) k++;
    if (k === level.length) return level.length;
  }
  return 0;
}

/** Where the text starts after lefthook/turbo `[tag]`s and BuildKit `#12 3.456` prefixes. */
function toolTagsEnd(out: Uint8Array, start: number, end: number): number {
  let at = start;
  let kept = start;
  for (;;) {
    while (at < end && (out[at] === SPACE || out[at] === TAB)) at++;
    if (at < end && out[at] === 91) {
      const close = out.indexOf(93, at + 1);
      if (close < 0 || close >= end) break;
      at = close + 1;
    } else if (at + 1 < end && out[at] === 35 && isDigit(out[at + 1])) {
      let next = at + 1;
      while (next < end && isDigit(out[next])) next++;
      if (next + 1 >= end || out[next] !== SPACE || !isDigit(out[next + 1])) break;
      next++;
      while (next < end && isDigit(out[next])) next++;
      if (next >= end || out[next] !== 46) break;
      next++;
      while (next < end && isDigit(out[next])) next++;
      at = next;
    } else {
      break;
    }
    kept = at;
  }
  return kept;
}
