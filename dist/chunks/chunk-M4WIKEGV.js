import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);

// src/markers/anchor-search.ts
var AnchorSearch = class {
  #anchors;
  #window;
  #shift = new Uint8Array(65536);
  #bucket = new Array(65536);
  /** Index of the anchor found by the last successful `find`. */
  found = -1;
  constructor(anchors) {
    this.#anchors = anchors.map((anchor) => Buffer.from(anchor, "utf8"));
    const shortest = Math.min(...this.#anchors.map((bytes) => bytes.length));
    if (this.#anchors.length === 0 || shortest < 2) {
      throw new RangeError("anchors must be at least two bytes long, and there must be one");
    }
    this.#window = Math.min(shortest, 256);
    const window = this.#window;
    this.#shift.fill(window - 1);
    for (const [index, bytes] of this.#anchors.entries()) {
      for (let end = 1; end < window; end++) {
        const block = (bytes[end - 1] ?? 0) << 8 | (bytes[end] ?? 0);
        const shift = window - 1 - end;
        if (shift < (this.#shift[block] ?? 0)) this.#shift[block] = shift;
      }
      const last = (bytes[window - 2] ?? 0) << 8 | (bytes[window - 1] ?? 0);
      (this.#bucket[last] ??= []).push(index);
    }
  }
  /** Start offset of the first anchor found in `buffer[from, to)`, or -1. */
  find(buffer, from, to) {
    const window = this.#window;
    const shiftTable = this.#shift;
    const buckets = this.#bucket;
    const anchors = this.#anchors;
    let position = from + window - 1;
    while (position < to) {
      const shift = shiftTable[buffer[position - 1] << 8 | buffer[position]];
      if (shift !== 0) {
        position += shift;
        continue;
      }
      const start = position - window + 1;
      for (const index of buckets[buffer[position - 1] << 8 | buffer[position]]) {
        const anchor = anchors[index];
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
};

// src/markers/compiled-rules.ts
var GROUP_START = "##[group]";
var GROUP_END = "##[endgroup]";
var CompiledRules = class {
  rules;
  search;
  rulesOfAnchor;
  unanchored;
  /** No pattern holds a non-ASCII character, so lines can be tested without UTF-8 decoding. */
  asciiPatterns;
  constructor(rules) {
    this.rules = rules;
    const anchors = [GROUP_START, GROUP_END];
    const rulesOfAnchor = [[], []];
    const unanchored = [];
    for (const [index, rule] of rules.entries()) {
      const usable = rule.anchors.filter((anchor) => Buffer.byteLength(anchor) >= 2);
      if (usable.length === 0 || usable.length !== rule.anchors.length) {
        unanchored.push(index);
        continue;
      }
      for (const anchor of usable) {
        let at = anchors.indexOf(anchor);
        if (at < 0) {
          at = anchors.push(anchor) - 1;
          rulesOfAnchor.push([]);
        }
        rulesOfAnchor[at].push(index);
      }
    }
    this.search = new AnchorSearch(anchors);
    this.rulesOfAnchor = rulesOfAnchor;
    this.unanchored = unanchored;
    this.asciiPatterns = rules.every((rule) => !/[^\p{ASCII}]/u.test(rule.pattern.source));
  }
};

// src/markers/normalize.ts
var ESC = 27;
var TAB = 9;
var SPACE = 32;
var CR = 13;
var LEVELS = ["error", "warning", "notice", "debug", "info", "command"].map(
  (level) => Buffer.from(`##[${level}]`)
);
var STAMP_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
var isDigit = (code) => code !== void 0 && code >= 48 && code <= 57;
var LineNormalizer = class {
  out;
  /** The normalized line is `out[start, end)`; without task-runner tags, `out[tagless, end)`. */
  start = 0;
  end = 0;
  tagless = 0;
  /** The timestamp is `source[timeStart, timeEnd)`; both 0 when there is none. */
  timeStart = 0;
  timeEnd = 0;
  /** The line holds a carriage return before its end (a progress bar redrawn in place). */
  carriageReturn = false;
  constructor(capacity) {
    this.out = Buffer.allocUnsafe(capacity);
  }
  /** Normalizes `source[from, to)` (one line, no newline) into `out` at `at`. */
  normalize(source, from, to, at = 0) {
    let start = from;
    let end = to;
    if (end > start && source[end - 1] === CR) end--;
    if (source[start] === 239 && source[start + 1] === 187 && source[start + 2] === 191) {
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
    for (let i = start; i < end; ) {
      const byte = source[i];
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
};
function matchText(raw) {
  const bytes = Buffer.from(raw, "utf8");
  const normalizer = new LineNormalizer(bytes.length);
  normalizer.normalize(bytes, 0, bytes.length);
  return normalizer.out.toString("utf8", normalizer.tagless, normalizer.end);
}
function stampEnd(source, start, end) {
  if (end - start < 20) return 0;
  if (source[start + 4] !== 45 || source[start + 7] !== 45 || source[start + 10] !== 84) return 0;
  if (source[start + 13] !== 58 || source[start + 16] !== 58) return 0;
  for (let k = 0; k < STAMP_DIGITS.length; k++) {
    if (!isDigit(source[start + STAMP_DIGITS[k]])) return 0;
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
function afterColumns(source, start, end) {
  const first = source.indexOf(TAB, start);
  if (first < 0 || first >= end) return start;
  const second = source.indexOf(TAB, first + 1);
  if (second < 0 || second >= end) return start;
  return stampEnd(source, second + 1, end) > 0 ? second + 1 : start;
}
function escapeEnd(source, at, end) {
  let next = at + 1;
  const kind = source[next];
  if (kind === 91) {
    next++;
    while (next < end && source[next] >= 48 && source[next] <= 63) next++;
    while (next < end && source[next] >= 32 && source[next] <= 47) next++;
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
function levelPrefixLength(out, start, end) {
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
function toolTagsEnd(out, start, end) {
  let at = start;
  let kept = start;
  for (; ; ) {
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

// src/markers/log-scan.ts
var MAX_LINE_BYTES = 64 * 1024;
var MAX_SAMPLE_CHARS = 500;
var BINARY_PROBE_BYTES = 8192;
var MAX_OPEN_PAIRS = 1e4;
var NEWLINE = 10;
var BATCH_BYTES = 4 * 1024;
var LINE_FIELDS = 8;
var GROUP_START_BYTES = Buffer.from(GROUP_START);
var GROUP_END_BYTES = Buffer.from(GROUP_END);
function startsWith(bytes, start, end, prefix) {
  if (end - start < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (bytes[start + k] !== prefix[k]) return false;
  return true;
}
var LINE_END = Buffer.from("\n");
var LogScan = class {
  #compiled;
  #options;
  #maxLine;
  #hits = /* @__PURE__ */ new Map();
  /** Per paired rule, each key: the line that opened it, or decided once hit or cleared. */
  #pairs = /* @__PURE__ */ new Map();
  #seen;
  #generation = 0;
  #allRules;
  #normalizer;
  #batch = {
    bytes: 0,
    lines: [],
    candidates: [],
    candidateFrom: []
  };
  #bytes = 0;
  #offset = 0;
  #started = false;
  #sawGroupStart = false;
  #sawGroupEnd = false;
  #binary = false;
  #truncated = 0;
  #carry;
  #carryOffset = 0;
  #lines = 0;
  #countFrom = 0;
  #step;
  #stepLine;
  #group;
  constructor(compiled, options) {
    this.#compiled = compiled;
    this.#options = options;
    this.#maxLine = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.#seen = new Int32Array(compiled.rules.length);
    this.#allRules = compiled.rules.map((_, index) => index);
    this.#normalizer = new LineNormalizer(BATCH_BYTES + this.#maxLine + 1);
    if (options.continuation !== void 0) {
      this.#started = true;
      this.#offset = options.continuation.offset;
    } else {
      this.#sawGroupStart = true;
    }
  }
  feed(chunk) {
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
      if (chunk[0] === 239 && chunk[1] === 187 && chunk[2] === 191) from = 3;
    }
    if (this.#carry !== void 0) {
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
  finish() {
    if (this.#carry !== void 0) this.#flushCarry();
    const result = {
      bytes: this.#bytes,
      binary: this.#binary,
      truncatedLines: this.#truncated,
      hits: this.#hits,
      context: {
        ...this.#step === void 0 ? {} : { step: this.#step },
        ...this.#stepLine === void 0 ? {} : { stepLine: this.#stepLine },
        ...this.#group === void 0 ? {} : { group: this.#group },
        ...this.#sawGroupStart ? {} : { inherit: this.#sawGroupEnd ? "step" : "step-and-group" }
      }
    };
    return this.#options.countLines ? { ...result, lines: this.#lines } : result;
  }
  /** Appends `chunk[from, to)` to the pending partial line, up to one byte past the cap. */
  #keep(chunk, from, to, offset) {
    if (this.#carry === void 0) {
      this.#carry = Buffer.alloc(0);
      this.#carryOffset = offset + from;
    }
    const room = this.#maxLine + 1 - this.#carry.length;
    if (room > 0 && to > from) {
      this.#carry = Buffer.concat([this.#carry, chunk.subarray(from, Math.min(to, from + room))]);
    }
  }
  #flushCarry() {
    const line = Buffer.concat([this.#carry, LINE_END]);
    this.#carry = void 0;
    this.#scanLines(line, 0, line.length, this.#carryOffset);
  }
  /**
   * Scans `buffer[from, to)`, a run of whole lines that ends with a newline. Candidate lines are
   * normalized into one scratch buffer and decoded together, a batch at a time.
   */
  #scanLines(buffer, from, to, offset) {
    this.#countFrom = from;
    const { search, rulesOfAnchor, unanchored } = this.#compiled;
    const everyLine = unanchored.length > 0;
    const batch = this.#batch;
    let position = from;
    while (position < to) {
      const hit = everyLine ? position : search.find(buffer, position, to);
      if (hit < 0) break;
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
        normalizer.carriageReturn ? 1 : 0
      );
      batch.bytes = normalizer.end;
      if (batch.bytes >= BATCH_BYTES) this.#flush(buffer, offset);
      position = lineEnd + 1;
    }
    this.#flush(buffer, offset);
    if (this.#options.countLines) this.#countLinesTo(buffer, to);
  }
  /** The rules of every anchor found in the line from `hit` on, each once. */
  #collectCandidates(buffer, hit, lineEnd, rulesOfAnchor) {
    const { search } = this.#compiled;
    const generation = ++this.#generation;
    const candidates = this.#batch.candidates;
    for (let at = hit; at >= 0; at = search.find(buffer, at + 1, lineEnd)) {
      for (const rule of rulesOfAnchor[search.found]) {
        if (this.#seen[rule] === generation) continue;
        this.#seen[rule] = generation;
        candidates.push(rule);
      }
    }
  }
  /** Tests the batched lines, in order, and empties the batch. */
  #flush(buffer, offset) {
    const batch = this.#batch;
    const { lines, candidates, candidateFrom } = batch;
    if (lines.length === 0) return;
    const out = this.#normalizer.out;
    const decoded = this.#compiled.asciiPatterns ? out.toString("latin1", 0, batch.bytes) : "";
    const rules = this.#compiled.rules;
    for (let line = 0, field = 0; field < lines.length; line++, field += LINE_FIELDS) {
      const start = lines[field + 2];
      const end = lines[field + 4];
      if (startsWith(out, start, end, GROUP_START_BYTES)) {
        const title = out.toString("utf8", start + GROUP_START_BYTES.length, end).trim();
        this.#sawGroupStart = true;
        if (this.#group === void 0 && title.startsWith("Run ")) {
          this.#step = title;
          if (this.#options.countLines)
            this.#stepLine = this.#countLinesTo(buffer, lines[field]) + 1;
        }
        this.#group = title;
        continue;
      }
      if (startsWith(out, start, end, GROUP_END_BYTES)) {
        if (!this.#sawGroupStart) this.#sawGroupEnd = true;
        this.#group = void 0;
        continue;
      }
      const tagless = lines[field + 3];
      const text = decoded === "" ? out.toString("utf8", tagless, end) : decoded.slice(tagless, end);
      const segments = lines[field + 7] === 1 ? text.split("\r").map(matchText) : void 0;
      const last = line + 1 < candidateFrom.length ? candidateFrom[line + 1] : candidates.length;
      for (let c = candidateFrom[line]; c < last; c++) {
        const index = candidates[c];
        const rule = rules[index];
        if (rule.pairing !== void 0) {
          this.#pair(index, rule.pairing, rule.pattern, text, buffer, offset, field);
          continue;
        }
        const matched = segments === void 0 ? rule.pattern.test(text) : segments.some((part) => rule.pattern.test(part));
        if (matched) this.#count(index, () => this.#sampleOf(buffer, offset, field));
      }
    }
    lines.length = 0;
    candidates.length = 0;
    candidateFrom.length = 0;
    batch.bytes = 0;
  }
  /** A paired rule's line: see `MarkerRule.pairing`. */
  #pair(index, pairing, start, text, buffer, offset, field) {
    let keys = this.#pairs.get(index);
    if (keys === void 0) {
      keys = /* @__PURE__ */ new Map();
      this.#pairs.set(index, keys);
    }
    if (pairing.reset.test(text)) {
      keys.clear();
      return;
    }
    const opened = start.exec(text)?.[1];
    if (opened !== void 0) {
      if (!keys.has(opened) && keys.size < MAX_OPEN_PAIRS) {
        keys.set(opened, this.#sampleOf(buffer, offset, field));
      }
      return;
    }
    const cleared = pairing.clear.exec(text)?.[1];
    if (cleared !== void 0) {
      keys.set(cleared, "decided");
      return;
    }
    const hit = pairing.hit.exec(text)?.[1];
    const sample = hit === void 0 ? void 0 : keys.get(hit);
    if (hit === void 0 || sample === void 0 || sample === "decided") return;
    keys.set(hit, "decided");
    this.#count(index, () => sample);
  }
  #count(index, sample) {
    let hits = this.#hits.get(index);
    if (hits === void 0) {
      hits = { count: 0, samples: [] };
      this.#hits.set(index, hits);
    }
    hits.count++;
    if (hits.samples.length < this.#options.samples) hits.samples.push(sample());
  }
  /** The batched line at `field` as a sample, attributed to the current step and group. */
  #sampleOf(buffer, offset, field) {
    const lines = this.#batch.lines;
    const lineStart = lines[field];
    const shown = this.#normalizer.out.toString("utf8", lines[field + 2], lines[field + 4]);
    const timeEnd = lines[field + 6];
    return {
      line: this.#options.countLines ? this.#countLinesTo(buffer, lineStart) + 1 : 0,
      offset: offset + lineStart,
      text: shown.length > MAX_SAMPLE_CHARS ? `${shown.slice(0, MAX_SAMPLE_CHARS - 1)}\u2026` : shown,
      ...timeEnd === 0 ? {} : { time: buffer.toString("latin1", lines[field + 5], timeEnd) },
      ...this.#step === void 0 ? {} : { step: this.#step },
      ...this.#stepLine === void 0 ? {} : { stepLine: this.#stepLine },
      ...this.#group === void 0 || this.#group === this.#step ? {} : { group: this.#group },
      ...this.#sawGroupStart ? {} : { inherit: this.#sawGroupEnd ? "step" : "step-and-group" }
    };
  }
  /** Counts the newlines in `buffer[countFrom, to)`; returns the lines before `to`. */
  #countLinesTo(buffer, to) {
    let at = buffer.indexOf(NEWLINE, this.#countFrom);
    while (at >= 0 && at < to) {
      this.#lines++;
      at = buffer.indexOf(NEWLINE, at + 1);
    }
    this.#countFrom = Math.max(this.#countFrom, to);
    return this.#lines;
  }
};

export {
  CompiledRules,
  LogScan
};
