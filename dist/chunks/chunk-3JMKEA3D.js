import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);

// src/markers/scan-kernel-layout.ts
var HASH_BITS = 12;
var HASHES = 1 << HASH_BITS;
var HASH_MULTIPLIER = 2654435761;
var LEVEL_PREFIXES = 0;
var STAMP_DIGITS = 128;
var SHIFT_TABLE = 1024;
var BUCKET_HEADS = SHIFT_TABLE + HASHES;
var TABLES_END = BUCKET_HEADS + HASHES * 4;
var ENTRY_NEXT = 0;
var ENTRY_ID = 4;
var ENTRY_BYTES_AT = 8;
var ENTRY_LENGTH = 12;
var ENTRY_BYTES = 16;
var LINE_START = 0;
var LINE_STOP = 1;
var TEXT_START = 2;
var TAGLESS = 3;
var TEXT_END = 4;
var TIME_START = 5;
var TIME_END = 6;
var FLAGS = 7;
var CANDIDATES_START = 8;
var CANDIDATES_END = 9;
var RECORD_FIELDS = 10;
var RECORD_BYTES = RECORD_FIELDS * 4;
var FLAG_CARRIAGE_RETURN = 1;
var FLAG_TRUNCATED = 2;
var MAX_RECORDS = 1024;
var CANDIDATE_LIMIT = 4096;
var MAX_SEARCH_WINDOW = 256;
var VECTOR_SLACK = 16;
var CONFIGURE_PARAMETERS = [
  "window",
  "input",
  "text",
  "recordBase",
  "candidateBase",
  "seen",
  "maxLine",
  "batchBytes",
  "maxRecords",
  "candidateLimit"
];
function layOut(sizes) {
  let end = TABLES_END;
  const take = (bytes) => {
    const at = end;
    end = Math.ceil((end + bytes + VECTOR_SLACK) / 16) * 16;
    return at;
  };
  const entries = take(sizes.anchors * ENTRY_BYTES);
  const anchorBytes = take(sizes.anchorBytes);
  const seen = take(sizes.anchors * 4);
  const input = take(sizes.windowBytes + 2 * sizes.searchWindow);
  const text = take(sizes.textBytes);
  const records = take(MAX_RECORDS * RECORD_BYTES);
  const candidates = take((CANDIDATE_LIMIT + sizes.anchors) * 4);
  return { entries, anchorBytes, seen, input, text, records, candidates, end };
}
var WAT_CONSTANTS = {
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
  FLAG_TRUNCATED
};

// src/markers/scan-kernel-wasm.ts
var SCAN_KERNEL_WASM = "AGFzbQEAAAABMgdgCn9/f39/f39/f38AYAF/AX9gA39/fwF/YAJ/fwF/YAJ/fwBgA39/fwBgBH9/f38AAxYVAAECAQMEAQMDAwMBAwMBAwMFBgIEBQMBAAEGZhR/AEGAAQt/AUECC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEACwc3BQZtZW1vcnkCAAdyZWNvcmRzAwwJY29uZmlndXJlAAAEc2NhbgATDW5vcm1hbGl6ZUxpbmUAFArMExUqACAAJAEgASQCIAIkAyADJAQgBCQFIAUkBiAGJAcgByQIIAgkCSAJJAoLCgAgAEEwa0EKSQszAQF/AkADQCADIAJPBEBBAQ8LIAAgA2otAAAgASADai0AAEcNASADQQFqIQMMAAsLQQALFwAgACgCAEH///8HcUGx893xeWxBFHYLpgIBDH8jAUEDayEJIwFBAmshCiAAIAlqIQIgAUECayEDAkADQCACIANPDQEgAigCAEH///8HcUGx893xeWxBFHYhBCAELQCACCEFIAIgCmooAgBB////B3FBsfPd8XlsQRR2IQsgCy0AgAghDCACIApBAXRqKAIAQf///wdxQbHz3fF5bEEUdi0AgAghDSAFBEAgBSAKRiAMQQBHcQRAIAwgCkYgDUEAR3EEQCACIApBAXQgDWpqIQIFIAIgCiAMamohAgsFIAIgBWohAgsMAQsgAiAJayEGIARBAnQoAoAoIQcCQANAIAdFDQEgBygCDCEIIAYgCGogAU0EQCAGIAcoAgggCBACBEAgBg8LCyAHKAIAIQcMAAsLIAJBAWohAgwACwtBfwuGAQEFfyAAIwFqQQNrEAMhAiACQQJ0KAKAKCEDAkADQCADRQ0BIAMoAgwhBCAAIARqIAFNBEAgACADKAIIIAQQAgRAIAMoAgQhBSMGIAVBAnRqIQYgBigCACMLRwRAIAYjCzYCACMFIw1BAnRqIAU2AgAjDUEBaiQNCwsLIAMoAgAhAwwACwsLLQEBfwNAIAD9AAQAQQr9D/0j/WQhASABBEAgACABaGoPCyAAQRBqIQAMAAsAC2QBAX8CQANAIAAgAWtBEEkNASAAQRBr/QAEAEEK/Q/9I/1kIQIgAgRAIABBEGogAmdrDwsgAEEQayEADAALCwJAA0AgACABTQ0BIABBAWstAABBCkYNASAAQQFrIQAMAAsLIAAL5QEBAn8gASAAa0EUSARAQQAPCyAALQAEQS1HIAAtAAdBLUdyIAAtAApB1ABHIAAtAA1BOkcgAC0AEEE6R3JycgRAQQAPCwNAIAAjACACai0AAGotAAAQAUUEQEEADwsgAkEBaiECIAJBDkkNAAsgAEETaiEDIAMtAABBLkYEQCADQQFqIQMCQANAIAMgAU8NASADLQAAEAFFDQEgA0EBaiEDDAALCwsgAyABTwRAQQAPCyADLQAAQdoARwRAQQAPCyADQQFqIQMgAyABRgRAIAMPCyADLQAAQSBGBH8gA0EBagVBAAsLbwECfyAAIQICQANAIAIgAU8NASACLQAAQQlGDQEgAkEBaiECDAALCyACQQFqIQMCQANAIAMgAU8NASADLQAAQQlGDQEgA0EBaiEDDAALCyADIAFPBEAgAA8LIANBAWohAyADIAEQCAR/IAMFIAALC84BAQJ/IABBAWohAiACLQAAIQMgA0HbAEYEQCACQQFqIQICQANAIAIgAU8NASACLQAAQTBrQRBPDQEgAkEBaiECDAALCwJAA0AgAiABTw0BIAItAABBIGtBEE8NASACQQFqIQIMAAsLIAIQCyABEAwPCyADQd0ARgRAIAJBAWohAgJAA0AgAiABTw0BIAItAABBB0YEQCACQQFqDwsgAi0AAEEbRiACLQABQdwARnEEQCACQQJqDwsgAkEBaiECDAALCyABDwsgAhALIAEQDAsOACAAIAAtAABBgAFJagsMACAAIAEgACABSBsLlgEBA38gASAAa0EDSCAALQAAQSNHIAAtAAFBI0cgAC0AAkHbAEdycnIEQEEADwtBACECA0AgAi0AACEDIANFBEBBAA8LIAEgAGsgA04EQEEDIQQCQANAIAQgA08NASAAIARqLQAAIAIgBGotAAFHDQEgBEEBaiEEDAALCyAEIANGBEAgAw8LCyACIANBAWpqIQIMAAtBAAsNACAAQSBGIABBCUZyCyQAAkADQCAAIAFPDQEgAC0AABABRQ0BIABBAWohAAwACwsgAAvuAQEDfyAAIQIgACEDAkADQAJAA0AgAiABTw0BIAItAAAQDkUNASACQQFqIQIMAAsLAkAgAiABSSACLQAAQdsARnEEQCACQQFqIQQCQANAIAQgAU8NBSAELQAAQd0ARg0BIARBAWohBAwACwsgBEEBaiECDAELIAJBAWogAU8NAiACLQAAQSNHDQIgAi0AARABRQ0CIAJBAWogARAPIQQgBEEBaiABTw0CIAQtAABBIEcNAiAELQABEAFFDQIgBEEBaiABEA8hBCAEIAFPDQIgBC0AAEEuRw0CIARBAWogARAPIQILIAIhAwwACwsgAwvpAgMGfwF7An8gACEDIAEhBCAEIANKIARBAWstAABBDUZxBEAgBEEBayEECyAEIANrQQNOIAMtAABB7wFGcSADLQABQbsBRiADLQACQb8BRnFxBEAgA0EDaiEDC0EAJBFBACQSIAMgBBAIIQUgBUUEQCADIAQQCSEDIAMgBBAIIQULIAUEQCADJBEgBUEBayAFIAVBAWstAABBIEYbJBIgBSEDC0EAJBMgAyEGIAIhBwJAA0AgBiAETg0BIAZBEGogBEwEQCAG/QAEACEJIAcgCf0LBAAgCUEb/Q/9IyAJQQ39D/0j/VD9ZCEKIApFBEAgBkEQaiEGIAdBEGohBwwCCyAKaCELIAYgC2ohBiAHIAtqIQcLIAYtAAAhCCAIQRtGBEAgBiAEEAohBgwBCyAIQQ1GBEBBASQTCyAHIAg6AAAgB0EBaiEHIAZBAWohBgwACwsgAiACIAcQDWokDiAHJBAjDiAHEBAkDwuHAQEBfyMEIwxBKGxqIQQgBCAAIwJrNgIAIAQgASMCazYCBCAEIw4jA2s2AgggBCMPIwNrNgIMIAQjECMDazYCECMSBEAgBCMRIwJrNgIUIAQjEiMCazYCGAUgBEEANgIUIARBADYCGAsgBCACIxNyNgIcIAQgAzYCICAEIw02AiQjDEEBaiQMC+kBAQp/IwIgAGohAyMCIAFqIQQjAyEMQQAkDEEAJA0DQCADIARPBEAgAQ8LIAIEfyADBSADIAQQBAshBSAFQQBIBEAgAQ8LIAUgAxAHIQYgBRAGIQcgByEIQQAhCSAHIAZrIwdKBEAgBiMHaiEIQQIhCQsgB0EBaiEDIAJFIAUgCE9xBEAMAQsjDSEKIAJFBEAjC0EBaiQLIAUhCwNAIAsgCBAFIAtBAWogCBAEIQsgC0EATg0ACwsgBiAIIAwQESAGIAggCSAKEBIjECEMIAwjA2sjCEkjDCMJSSMNIwpJcXENAAsgAyMCawsoAEEAJAxBACQNIwIgAGojAiABaiMDEBEjAiAAaiMCIAFqQQBBABASCwtbAgBBAAtBCSMjW2Vycm9yXQsjI1t3YXJuaW5nXQojI1tub3RpY2VdCSMjW2RlYnVnXQgjI1tpbmZvXQsjI1tjb21tYW5kXQAAQYABCw4AAQIDBQYICQsMDg8REg==";

// src/markers/scan-kernel.ts
var WINDOW_BYTES = 256 * 1024;
var PAGE_BYTES = 65536;
var NEWLINE = 10;
var MIN_ANCHOR_BYTES = 3;
var { WebAssembly } = globalThis;
var compiled;
var ScanKernel = class {
  /** Where a window of log is copied before `scan`. */
  input;
  /** The largest window: longer runs of lines are scanned in several. */
  windowBytes;
  maxLineBytes;
  text;
  records;
  candidates;
  #exports;
  constructor(anchors, options) {
    const bytes = anchors.map((anchor) => Buffer.from(anchor, "utf8"));
    if (bytes.some((anchor) => anchor.length < MIN_ANCHOR_BYTES)) {
      throw new RangeError(`anchors must be at least ${MIN_ANCHOR_BYTES} bytes long`);
    }
    if (bytes.some((anchor) => anchor.includes(NEWLINE))) {
      throw new RangeError("anchors must not hold a newline");
    }
    const searchWindow = bytes.length === 0 ? MIN_ANCHOR_BYTES : Math.min(MAX_SEARCH_WINDOW, ...bytes.map((a) => a.length));
    this.maxLineBytes = options.maxLineBytes;
    this.windowBytes = Math.max(WINDOW_BYTES, options.maxLineBytes + 2);
    const textBytes = options.batchBytes + options.maxLineBytes + 1;
    const regions = layOut({
      anchors: bytes.length,
      anchorBytes: bytes.reduce((sum, anchor) => sum + anchor.length, 0),
      searchWindow,
      windowBytes: this.windowBytes,
      textBytes
    });
    compiled ??= new WebAssembly.Module(Buffer.from(SCAN_KERNEL_WASM, "base64"));
    this.#exports = new WebAssembly.Instance(compiled).exports;
    const memory = this.#exports.memory;
    memory.grow(Math.ceil(regions.end / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES);
    const heap = new Uint8Array(memory.buffer);
    const words = new Int32Array(memory.buffer);
    heap.fill(searchWindow - 2, SHIFT_TABLE, SHIFT_TABLE + HASHES);
    const tails = /* @__PURE__ */ new Map();
    let anchorAt = regions.anchorBytes;
    for (const [id, anchor] of bytes.entries()) {
      for (let last = 2; last < searchWindow; last++) {
        const at = SHIFT_TABLE + blockHash(anchor, last - 2);
        heap[at] = Math.min(heap[at], searchWindow - 1 - last);
      }
      heap.set(anchor, anchorAt);
      const entry = regions.entries + id * ENTRY_BYTES;
      words[(entry + ENTRY_ID) / 4] = id;
      words[(entry + ENTRY_BYTES_AT) / 4] = anchorAt;
      words[(entry + ENTRY_LENGTH) / 4] = anchor.length;
      anchorAt += anchor.length;
      const block = blockHash(anchor, searchWindow - 3);
      const tail = tails.get(block);
      words[(tail === void 0 ? BUCKET_HEADS + block * 4 : tail + ENTRY_NEXT) / 4] = entry;
      tails.set(block, entry);
    }
    const configuration = {
      window: searchWindow,
      input: regions.input,
      text: regions.text,
      recordBase: regions.records,
      candidateBase: regions.candidates,
      seen: regions.seen,
      maxLine: options.maxLineBytes,
      batchBytes: options.batchBytes,
      maxRecords: MAX_RECORDS,
      candidateLimit: CANDIDATE_LIMIT
    };
    this.#exports.configure(...CONFIGURE_PARAMETERS.map((name) => configuration[name]));
    this.input = new Uint8Array(memory.buffer, regions.input, this.windowBytes);
    this.text = Buffer.from(memory.buffer, regions.text, textBytes);
    this.records = new Int32Array(memory.buffer, regions.records, MAX_RECORDS * RECORD_FIELDS);
    this.candidates = new Int32Array(
      memory.buffer,
      regions.candidates,
      CANDIDATE_LIMIT + bytes.length
    );
  }
  /**
   * Scans the whole lines of `input[from, to)` (`to` just past a newline) until the batch is
   * full; returns where it stopped (`to`, or the start of the next line). `recordCount` records
   * describe the lines found: every line when `everyLine`.
   */
  scan(from, to, everyLine) {
    return this.#exports.scan(from, to, everyLine ? 1 : 0);
  }
  get recordCount() {
    return this.#exports.records.value;
  }
  /** Normalizes `line` (no newline, at most `maxLineBytes`) into record 0. */
  normalize(line) {
    if (line.length > this.maxLineBytes) throw new RangeError("line longer than maxLineBytes");
    this.input.set(line);
    this.input[line.length] = NEWLINE;
    this.#exports.normalizeLine(0, line.length);
  }
};
function blockHash(bytes, at) {
  const block = bytes[at] | bytes[at + 1] << 8 | bytes[at + 2] << 16;
  return Math.imul(block, HASH_MULTIPLIER) >>> 32 - HASH_BITS;
}

// src/markers/compiled-rules.ts
var GROUP_START = "##[group]";
var GROUP_END = "##[endgroup]";
var CompiledRules = class {
  rules;
  anchors;
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
      const usable = rule.anchors.filter((anchor) => Buffer.byteLength(anchor) >= MIN_ANCHOR_BYTES);
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
    this.anchors = anchors;
    this.rulesOfAnchor = rulesOfAnchor;
    this.unanchored = unanchored;
    this.asciiPatterns = rules.every((rule) => !/[^\p{ASCII}]/u.test(rule.pattern.source));
  }
};

// src/markers/normalize.ts
var SHARED_KERNEL_LINE_BYTES = 64 * 1024;
var kernel;
function normalized(bytes) {
  if (kernel === void 0 || bytes.length > kernel.maxLineBytes) {
    const maxLineBytes = Math.max(bytes.length, SHARED_KERNEL_LINE_BYTES);
    kernel = new ScanKernel([], { maxLineBytes, batchBytes: 0 });
  }
  kernel.normalize(bytes);
  return kernel;
}
function matchText(raw) {
  const { records, text } = normalized(Buffer.from(raw, "utf8"));
  return text.toString("utf8", records[TAGLESS], records[TEXT_END]);
}

// src/markers/log-scan.ts
var MAX_LINE_BYTES = 64 * 1024;
var MAX_SAMPLE_CHARS = 500;
var BINARY_PROBE_BYTES = 8192;
var MAX_OPEN_PAIRS = 1e4;
var NEWLINE2 = 10;
var BATCH_BYTES = 4 * 1024;
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
  #kernel;
  /** Some rule has no anchor: every line is tested, with every rule. */
  #everyLine;
  #allRules;
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
  constructor(compiled2, options) {
    this.#compiled = compiled2;
    this.#options = options;
    this.#maxLine = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.#seen = new Int32Array(compiled2.rules.length);
    this.#kernel = new ScanKernel(compiled2.anchors, {
      maxLineBytes: this.#maxLine,
      batchBytes: BATCH_BYTES
    });
    this.#everyLine = compiled2.unanchored.length > 0;
    this.#allRules = compiled2.rules.map((_, index) => index);
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
      const newline = chunk.indexOf(NEWLINE2, from);
      if (newline < 0) {
        this.#keep(chunk, from, chunk.length, offset);
        return;
      }
      this.#keep(chunk, from, newline, offset);
      this.#flushCarry();
      from = newline + 1;
    }
    const last = chunk.lastIndexOf(NEWLINE2);
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
   * Scans `buffer[from, to)`, a run of whole lines that ends with a newline, a window at a time:
   * a window is copied into the kernel, which finds and normalizes the candidate lines a batch
   * at a time.
   */
  #scanLines(buffer, from, to, offset) {
    this.#countFrom = from;
    const kernel2 = this.#kernel;
    let start = from;
    while (start < to) {
      let end = Math.min(to, start + kernel2.windowBytes);
      if (end < to) {
        const cut = buffer.lastIndexOf(NEWLINE2, end - 1);
        if (cut < start) {
          const length = this.#maxLine + 1;
          kernel2.input.set(buffer.subarray(start, start + length));
          kernel2.input[length] = NEWLINE2;
          this.#scanWindow(buffer, start, length + 1, offset);
          start = buffer.indexOf(NEWLINE2, start + length) + 1;
          continue;
        }
        end = cut + 1;
      }
      kernel2.input.set(buffer.subarray(start, end));
      this.#scanWindow(buffer, start, end - start, offset);
      start = end;
    }
    if (this.#options.countLines) this.#countLinesTo(buffer, to);
  }
  /** Scans the `length` bytes in the kernel's input, copied from `buffer` at `base`. */
  #scanWindow(buffer, base, length, offset) {
    for (let position = 0; position < length; ) {
      position = this.#kernel.scan(position, length, this.#everyLine);
      this.#testBatch(buffer, base, offset);
    }
  }
  /** Tests the lines of the kernel's last batch, in order. */
  #testBatch(buffer, base, offset) {
    const kernel2 = this.#kernel;
    const count = kernel2.recordCount;
    if (count === 0) return;
    const { records, text, candidates } = kernel2;
    const decoded = this.#compiled.asciiPatterns ? text.toString("latin1", 0, records[(count - 1) * RECORD_FIELDS + TEXT_END]) : "";
    const { rules, rulesOfAnchor } = this.#compiled;
    const seen = this.#seen;
    for (let record = 0; record < count * RECORD_FIELDS; record += RECORD_FIELDS) {
      const start = records[record + TEXT_START];
      const end = records[record + TEXT_END];
      const flags = records[record + FLAGS];
      if ((flags & FLAG_TRUNCATED) !== 0) this.#truncated++;
      if (startsWith(text, start, end, GROUP_START_BYTES)) {
        const title = text.toString("utf8", start + GROUP_START_BYTES.length, end).trim();
        this.#sawGroupStart = true;
        if (this.#group === void 0 && title.startsWith("Run ")) {
          this.#step = title;
          if (this.#options.countLines) {
            this.#stepLine = this.#countLinesTo(buffer, base + records[record + LINE_START]) + 1;
          }
        }
        this.#group = title;
        continue;
      }
      if (startsWith(text, start, end, GROUP_END_BYTES)) {
        if (!this.#sawGroupStart) this.#sawGroupEnd = true;
        this.#group = void 0;
        continue;
      }
      const tagless = records[record + TAGLESS];
      const line = decoded === "" ? text.toString("utf8", tagless, end) : decoded.slice(tagless, end);
      const segments = (flags & FLAG_CARRIAGE_RETURN) === 0 ? void 0 : line.split("\r").map(matchText);
      const generation = ++this.#generation;
      const firstAnchor = this.#everyLine ? -1 : records[record + CANDIDATES_START];
      const lastAnchor = this.#everyLine ? 0 : records[record + CANDIDATES_END];
      for (let anchor = firstAnchor; anchor < lastAnchor; anchor++) {
        const ofAnchor = anchor < 0 ? this.#allRules : rulesOfAnchor[candidates[anchor]];
        for (const index of ofAnchor) {
          if (seen[index] === generation) continue;
          seen[index] = generation;
          const rule = rules[index];
          if (rule.pairing !== void 0) {
            this.#pair(index, rule.pairing, rule.pattern, line, buffer, base, offset, record);
          } else if (segments === void 0 ? rule.pattern.test(line) : segments.some((part) => rule.pattern.test(part))) {
            this.#count(index)?.samples.push(this.#sampleOf(buffer, base, offset, record));
          }
        }
      }
    }
  }
  /** A paired rule's line: see `MarkerRule.pairing`. */
  #pair(index, pairing, start, text, buffer, base, offset, record) {
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
        keys.set(opened, this.#sampleOf(buffer, base, offset, record));
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
    this.#count(index)?.samples.push(sample);
  }
  /** Counts a marker of rule `index`; its hits when they still take a sample. */
  #count(index) {
    let hits = this.#hits.get(index);
    if (hits === void 0) {
      hits = { count: 0, samples: [] };
      this.#hits.set(index, hits);
    }
    hits.count++;
    return hits.samples.length < this.#options.samples ? hits : void 0;
  }
  /**
   * The line of the kernel's `record` (its window copied from `buffer` at `base`) as a sample,
   * attributed to the current step and group.
   */
  #sampleOf(buffer, base, offset, record) {
    const { records, text } = this.#kernel;
    const lineStart = base + records[record + LINE_START];
    const shown = text.toString("utf8", records[record + TEXT_START], records[record + TEXT_END]);
    const timeEnd = records[record + TIME_END];
    return {
      line: this.#options.countLines ? this.#countLinesTo(buffer, lineStart) + 1 : 0,
      offset: offset + lineStart,
      text: shown.length > MAX_SAMPLE_CHARS ? `${shown.slice(0, MAX_SAMPLE_CHARS - 1)}\u2026` : shown,
      ...timeEnd === 0 ? {} : {
        time: buffer.toString("latin1", base + records[record + TIME_START], base + timeEnd)
      },
      ...this.#step === void 0 ? {} : { step: this.#step },
      ...this.#stepLine === void 0 ? {} : { stepLine: this.#stepLine },
      ...this.#group === void 0 || this.#group === this.#step ? {} : { group: this.#group },
      ...this.#sawGroupStart ? {} : { inherit: this.#sawGroupEnd ? "step" : "step-and-group" }
    };
  }
  /** Counts the newlines in `buffer[countFrom, to)`; returns the lines before `to`. */
  #countLinesTo(buffer, to) {
    let at = buffer.indexOf(NEWLINE2, this.#countFrom);
    while (at >= 0 && at < to) {
      this.#lines++;
      at = buffer.indexOf(NEWLINE2, at + 1);
    }
    this.#countFrom = Math.max(this.#countFrom, to);
    return this.#lines;
  }
};

export {
  CompiledRules,
  LogScan
};
