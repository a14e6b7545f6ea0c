import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  TomlError,
  parse
} from "./chunk-4BEZLSD7.js";
import {
  expand
} from "./chunk-IPZMFRDG.js";
import {
  readContents
} from "./chunk-OWJYVQDS.js";
import {
  PULL_REQUEST_EVENTS,
  apiCall
} from "./chunk-PFIR35EB.js";
import {
  ConfigNode,
  MAX_YAML_NESTING,
  YamlSyntaxError,
  readYaml
} from "./chunk-UH4JFLZK.js";
import {
  code,
  details,
  table
} from "./chunk-SHBUU7UF.js";
import {
  GitError,
  catFileBatch,
  git,
  gitText,
  tryGit,
  tryGitText
} from "./chunk-WSZT5TYF.js";
import {
  markdownText
} from "./chunk-BDGPVZJH.js";
import {
  ConfigurationError,
  errorMessage
} from "./chunk-2WEQVLCG.js";

// src/git/repository.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

// src/git/fetch-failure.ts
var AUTHENTICATION = [
  /Authentication failed/i,
  /could not read (Username|Password)/i,
  /terminal prompts disabled/i,
  /returned error: 40[13]/,
  /\bHTTP 40[13]\b/,
  /Permission denied \(publickey/i,
  // GitHub's answer for a private repository the credentials cannot read.
  /Repository not found/i,
  /repository '[^']*' not found/i
];
var MISSING = [
  /not our ref/i,
  /couldn't find remote ref/i,
  /no such remote ref/i,
  /unadvertised object/i
];
var NETWORK = [
  /Could not resolve (host|proxy)/i,
  /Failed to connect/i,
  /Couldn't connect/i,
  /Connection (refused|reset)/i,
  /timed out/i,
  /unable to access/i,
  /does not appear to be a git repository/i,
  /Could not read from remote repository/i,
  /remote end hung up/i,
  /early EOF/i,
  /SSL|TLS|certificate/i
];
function classifyFetchFailure(stderr, withToken) {
  const kind = AUTHENTICATION.some((p) => p.test(stderr)) ? "authentication" : MISSING.some((p) => p.test(stderr)) ? "missing" : NETWORK.some((p) => p.test(stderr)) ? "network" : "other";
  return { kind, detail: firstError(stderr), withToken };
}
function firstError(stderr) {
  const lines = stderr.split("\n").map((line2) => line2.trim()).filter((line2) => line2 !== "");
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? "no message";
  return line.replace(/:\/\/[^/@\s]*@/g, "://").slice(0, 300);
}
function describeFetchFailure(failure) {
  switch (failure.kind) {
    case "authentication":
      return failure.withToken ? `origin refused the token input too (${failure.detail}); the token goes to GITHUB_SERVER_URL only: give change-router one that can read this repository (contents: read), or check out with fetch-depth: 0` : `origin asked for credentials and there were none (${failure.detail}); keep actions/checkout's persist-credentials: true, pass a token input, or check out with fetch-depth: 0`;
    case "network":
      return `origin could not be reached (${failure.detail}); a network problem, or check out with fetch-depth: 0 so that nothing needs fetching`;
    case "missing":
      return `origin does not have it (${failure.detail}); a force push or a deleted branch removes commits: route revisions origin still has (the base and head inputs)`;
    case "other":
      return `git fetch failed (${failure.detail}); check out with fetch-depth: 0 to fetch nothing`;
  }
}

// src/git/path-bytes.ts
import { isUtf8 } from "node:buffer";
function decodePath(bytes) {
  if (isUtf8(bytes)) return Buffer.from(bytes).toString("utf8");
  let text = "";
  let at = 0;
  while (at < bytes.length) {
    const length = validSequenceLength(bytes, at);
    if (length === 0) {
      text += String.fromCharCode(56320 + bytes[at]);
      at += 1;
    } else {
      text += Buffer.from(bytes.subarray(at, at + length)).toString("utf8");
      at += length;
    }
  }
  return text;
}
function encodePath(path2) {
  if (!/[\udc80-\udcff]/u.test(path2)) return Buffer.from(path2, "utf8");
  const parts = [];
  for (const char of path2) {
    const code2 = char.codePointAt(0);
    parts.push(
      code2 >= 56448 && code2 <= 56575 ? Buffer.of(code2 - 56320) : Buffer.from(char, "utf8")
    );
  }
  return Buffer.concat(parts);
}
function validSequenceLength(bytes, at) {
  const lead = bytes[at];
  if (lead < 128) return 1;
  const inRange = (offset, low = 128, high = 191) => {
    const byte = bytes[at + offset];
    return byte !== void 0 && byte >= low && byte <= high;
  };
  if (lead >= 194 && lead <= 223) return inRange(1) ? 2 : 0;
  if (lead >= 224 && lead <= 239) {
    const second = lead === 224 ? inRange(1, 160) : lead === 237 ? inRange(1, 128, 159) : inRange(1);
    return second && inRange(2) ? 3 : 0;
  }
  if (lead >= 240 && lead <= 244) {
    const second = lead === 240 ? inRange(1, 144) : lead === 244 ? inRange(1, 128, 143) : inRange(1);
    return second && inRange(2) && inRange(3) ? 4 : 0;
  }
  return 0;
}

// src/git/tree-lookup.ts
async function blobAtPath(cwd, rev, path2, options) {
  let tree = `${rev}^{tree}`;
  const parts = splitBytes(Buffer.from(path2), 47);
  for (const [index, name] of parts.entries()) {
    const listing = await tryGit(cwd, ["ls-tree", "-z", "--end-of-options", tree], options);
    const entry = listing && findEntry(listing, name);
    if (entry === void 0) return void 0;
    const last = index === parts.length - 1;
    if (entry.type !== (last ? "blob" : "tree")) return void 0;
    if (last) return tryGit(cwd, ["cat-file", "blob", entry.object], options);
    tree = entry.object;
  }
  return void 0;
}
function findEntry(listing, name) {
  for (const entry of splitBytes(listing, 0)) {
    const tab = entry.indexOf(9);
    if (tab < 0 || !entry.subarray(tab + 1).equals(name)) continue;
    const [, type, object] = entry.subarray(0, tab).toString("latin1").split(" ");
    return type === void 0 || object === void 0 ? void 0 : { type, object };
  }
  return void 0;
}
function splitBytes(bytes, separator) {
  const parts = [];
  let at = 0;
  while (at <= bytes.length) {
    const end = bytes.indexOf(separator, at);
    if (end < 0) {
      if (at < bytes.length) parts.push(bytes.subarray(at));
      break;
    }
    parts.push(bytes.subarray(at, end));
    at = end + 1;
  }
  return parts;
}

// src/git/repository.ts
var NULL_SHA = /^0+$/;
function isNullSha(sha) {
  return sha === void 0 || sha === "" || NULL_SHA.test(sha);
}
var Repository = class _Repository {
  dir;
  #options;
  #credentials;
  /** Set once origin refused a fetch without credentials: later fetches use them at once. */
  #authenticate = false;
  #fetchedWithCredentials = false;
  constructor(dir, options = {}) {
    this.dir = dir;
    this.#options = { safeDirectories: options.safeDirectories };
    this.#credentials = options.credentials;
  }
  static async open(dir, options = {}) {
    const opened = await _Repository.locate(dir, options);
    return opened instanceof _Repository ? opened : void 0;
  }
  /** The repository `dir` is in, or why git refused it. */
  static async locate(dir, options = {}) {
    try {
      const top = await gitText(dir, ["rev-parse", "--show-toplevel"], {
        safeDirectories: options.safeDirectories
      });
      return new _Repository(top, options);
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      const dubious = /dubious ownership/.test(error.stderr);
      return {
        reason: dubious ? "dubious-ownership" : "not-a-repository",
        detail: error.stderr.split("\n")[0] ?? error.message
      };
    }
  }
  /** True once a fetch succeeded with the credentials after origin refused one without. */
  get authenticated() {
    return this.#fetchedWithCredentials;
  }
  /** The commit sha a revision names, or undefined when it is not in the local object store. */
  async resolveCommit(rev) {
    return tryGitText(
      this.dir,
      ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`],
      this.#options
    );
  }
  async isShallow() {
    const answer = await gitText(this.dir, ["rev-parse", "--is-shallow-repository"], this.#options);
    return answer === "true";
  }
  /** Every best common ancestor git finds in the commits present, the one it prefers first. */
  async mergeBases(a, b) {
    const out = await tryGitText(
      this.dir,
      ["merge-base", "--all", "--end-of-options", a, b],
      this.#options
    );
    return out === void 0 || out === "" ? [] : out.split("\n");
  }
  /**
   * The shallow clone's boundary commits (present, their parents not) that `tips` reach without
   * passing through `stop`: history beyond them is unknown here.
   */
  async boundaryCommits(tips, stop) {
    const path2 = await gitText(this.dir, ["rev-parse", "--git-path", "shallow"], this.#options);
    let boundary;
    try {
      boundary = new Set((await readFile(resolve(this.dir, path2), "utf8")).split("\n"));
    } catch {
      return [];
    }
    const reached = await gitText(
      this.dir,
      ["rev-list", "--end-of-options", ...tips, `^${stop}`, "--"],
      this.#options
    );
    return reached.split("\n").filter((sha) => sha !== "" && boundary.has(sha));
  }
  /**
   * Fetches from `origin` with the credentials the checkout left in the local config; when
   * origin asks for credentials, again with the repository's own (and from then on with them).
   */
  async fetch(args) {
    if (!this.#authenticate) {
      const plain = await this.#fetch(args, false);
      if (plain.ok || plain.failure.kind !== "authentication" || !this.#credentials) return plain;
      this.#authenticate = true;
    }
    return this.#fetch(args, true);
  }
  async #fetch(args, withToken) {
    const options = withToken ? { ...this.#options, secretConfig: this.#credentials } : this.#options;
    try {
      await git(
        this.dir,
        ["fetch", "--no-tags", "--no-recurse-submodules", "--quiet", ...args],
        options
      );
      if (withToken) this.#fetchedWithCredentials = true;
      return { ok: true };
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      return { ok: false, failure: classifyFetchFailure(error.stderr, withToken) };
    }
  }
  async changedFiles(base, head) {
    const out = await git(
      this.dir,
      [
        "diff",
        "--no-ext-diff",
        "--no-textconv",
        "--name-status",
        "-z",
        "-M",
        "--end-of-options",
        base,
        head,
        "--"
      ],
      this.#options
    );
    return parseNameStatus(out);
  }
  /**
   * Files' text at commits, undefined where a path does not exist (or is not a file), read by
   * one `git cat-file --batch` process however many there are.
   */
  async readFiles(specs) {
    const names = specs.map((s) => ({ rev: s.rev, path: encodePath(s.path) }));
    const lineBreak = (path2) => path2.includes(10) || path2.includes(13);
    const batched = await catFileBatch(
      this.dir,
      names.filter((n) => !lineBreak(n.path)).map((n) => Buffer.concat([Buffer.from(`${n.rev}:`), n.path])),
      this.#options
    );
    let next = 0;
    return Promise.all(
      names.map(async (name) => {
        if (!lineBreak(name.path)) return batched[next++];
        return (await blobAtPath(this.dir, name.rev, name.path, this.#options))?.toString("utf8");
      })
    );
  }
  async commitMessage(rev) {
    return tryGitText(
      this.dir,
      ["log", "-1", "--format=%B", "--end-of-options", rev, "--"],
      this.#options
    );
  }
};
function parseNameStatus(out) {
  const fields = [];
  for (let at = 0; at < out.length; ) {
    const end = out.indexOf(0, at);
    fields.push(out.subarray(at, end < 0 ? out.length : end));
    at = end < 0 ? out.length : end + 1;
  }
  const path2 = (field) => field === void 0 ? "" : decodePath(field);
  const files = [];
  let i = 0;
  while (i < fields.length) {
    const code2 = fields[i++].toString("latin1");
    if (!code2) continue;
    const kind = code2[0];
    if (kind === "R" || kind === "C") {
      const previousPath = path2(fields[i++]);
      const current = path2(fields[i++]);
      files.push(
        kind === "R" ? { path: current, status: "renamed", previousPath } : { path: current, status: "added" }
      );
    } else {
      const current = path2(fields[i++]);
      files.push({
        path: current,
        status: kind === "A" ? "added" : kind === "D" ? "deleted" : "modified"
      });
    }
  }
  return files;
}

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/numeric-range.js
var digit = (a, b) => a === b ? { t: "lit", ch: String(a) } : { t: "class", re: new RegExp(`^[${a}-${b}]$`) };
var prefix = (d, alts) => alts.map((s) => [digit(d, d), ...s]);
var fixed = (a, b) => {
  if (!a)
    return [[]];
  let lo = +a[0];
  let hi = +b[0];
  const ra = a.slice(1);
  const rb = b.slice(1);
  if (lo === hi)
    return prefix(lo, fixed(ra, rb));
  const zeros = "0".repeat(ra.length);
  const nines = "9".repeat(ra.length);
  const out = [];
  if (ra !== zeros)
    out.push(...prefix(lo++, fixed(ra, nines)));
  const last = rb === nines ? [] : prefix(hi--, fixed(zeros, rb));
  if (lo <= hi) {
    out.push([digit(lo, hi), ...Array.from(ra, () => digit(0, 9))]);
  }
  out.push(...last);
  return out;
};
var nonneg = (a, b, width) => {
  if (width) {
    return fixed(String(a).padStart(width, "0"), String(b).padStart(width, "0"));
  }
  const out = [];
  for (let len = String(a).length; len <= String(b).length; len++) {
    const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
    const hi = Math.min(b, 10 ** len - 1);
    out.push(...fixed(String(lo), String(hi)));
  }
  return out;
};
var numericRange = (loStr, hiStr) => {
  let lo = Number(loStr);
  let hi = Number(hiStr);
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
    return;
  if (lo > hi)
    [lo, hi] = [hi, lo];
  const padded = /^-?0\d/.test(loStr) || /^-?0\d/.test(hiStr);
  const width = padded ? Math.max(loStr.length, hiStr.length) : 0;
  const out = [];
  if (lo < 0) {
    const neg = nonneg(Math.max(-hi, 1), -lo, width && width - 1);
    out.push(...neg.map((s) => [{ t: "lit", ch: "-" }, ...s]));
  }
  if (hi >= 0)
    out.push(...nonneg(Math.max(lo, 0), hi, width));
  return out;
};

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/parse-class.js
var posixClasses = {
  "[:alnum:]": ["\\p{L}\\p{Nl}\\p{Nd}"],
  "[:alpha:]": ["\\p{L}\\p{Nl}"],
  "[:ascii:]": ["\\x00-\\x7f"],
  "[:blank:]": ["\\p{Zs}\\t"],
  "[:cntrl:]": ["\\p{Cc}"],
  "[:digit:]": ["\\p{Nd}"],
  "[:graph:]": ["\\p{Z}\\p{C}", true],
  "[:lower:]": ["\\p{Ll}"],
  "[:print:]": ["\\p{C}", true],
  "[:punct:]": ["\\p{P}\\p{S}"],
  "[:space:]": ["\\p{Z}\\t\\r\\n\\v\\f"],
  "[:upper:]": ["\\p{Lu}"],
  "[:word:]": ["\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}"],
  "[:xdigit:]": ["A-Fa-f0-9"]
};
var braceEscape = (s) => s.replace(/[[\]\\-]/g, "\\$&");
var noMatch = /$./;
var parseClass = (glob, position, nocase = false, form) => {
  const norm = (c) => {
    const n = form ? c.normalize(form) : c;
    return [...n].length === 1 ? n : c;
  };
  const pos = position;
  if (glob.charAt(pos) !== "[") {
    throw new Error("not in a brace expression");
  }
  const ranges = [];
  const negs = [];
  let i = pos + 1;
  let sawStart = false;
  let escaping = false;
  let negate = false;
  let endPos = pos;
  let rangeStart = "";
  WHILE: while (i < glob.length) {
    const c = String.fromCodePoint(glob.codePointAt(i));
    if ((c === "!" || c === "^") && i === pos + 1) {
      negate = true;
      i++;
      continue;
    }
    if (c === "]" && sawStart && !escaping) {
      endPos = i + 1;
      break;
    }
    sawStart = true;
    if (c === "\\") {
      if (!escaping) {
        escaping = true;
        i++;
        continue;
      }
    }
    if (c === "[" && !escaping) {
      for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
        if (glob.startsWith(cls, i)) {
          if (rangeStart) {
            return [noMatch, glob.length - pos];
          }
          i += cls.length;
          if (neg)
            negs.push(unip);
          else
            ranges.push(unip);
          continue WHILE;
        }
      }
    }
    escaping = false;
    const n = norm(c);
    if (rangeStart) {
      if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
        ranges.push(braceEscape(rangeStart) + "-" + braceEscape(n));
      } else if (n === rangeStart) {
        ranges.push(braceEscape(n));
      }
      rangeStart = "";
      i += c.length;
      continue;
    }
    if (glob.startsWith("-]", i + c.length)) {
      ranges.push(braceEscape(n + "-"));
      i += c.length + 1;
      continue;
    }
    if (glob.startsWith("-", i + c.length)) {
      rangeStart = n;
      i += c.length + 1;
      continue;
    }
    ranges.push(braceEscape(n));
    i += c.length;
  }
  if (endPos < i) {
    return [noMatch, 0];
  }
  if (!ranges.length && !negs.length) {
    return [noMatch, glob.length - pos];
  }
  const sranges = "[" + (negate ? "^" : "") + ranges.join("") + "]";
  const snegs = "[" + (negate ? "" : "^") + negs.join("") + "]";
  const comb = "^" + (ranges.length && negs.length ? "(" + sranges + "|" + snegs + ")" : ranges.length ? sranges : snegs);
  return [new RegExp(comb, nocase ? "iu" : "u"), endPos - pos];
};

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.js
var MATCH = { t: "match", id: 0 };
var extTypes = "!?+*@";
var lit = (ch) => ({ t: "lit", ch });
var reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
var newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, "iu");
var foldCache = /* @__PURE__ */ new Map();
var foldRe = (ch) => {
  let re = foldCache.get(ch);
  if (!re) {
    re = newFoldRe(ch);
    if (foldCache.size >= 1e3)
      foldCache.clear();
    foldCache.set(ch, re);
  }
  return re;
};
var litMatch = (l, c) => {
  if (c === l.ch)
    return true;
  if (!l.re)
    return false;
  const code2 = c.charCodeAt(0);
  if (code2 >= 128)
    return l.re.test(c);
  const ascii = l.ascii ??= new Uint8Array(128);
  ascii[code2] ||= l.re.test(c) ? 1 : 2;
  return ascii[code2] === 1;
};
var tokenize = (p, nocase, noext, form, mark) => {
  const toks = [];
  for (let i = 0; i < p.length; ) {
    const c = String.fromCodePoint(p.codePointAt(i));
    if (mark) {
      const m = c === "\\" && p.startsWith(mark, i + 1) ? 1 : 0;
      if (m || c === mark) {
        const start = i + m + mark.length;
        const end = p.indexOf(mark, start);
        const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
        const alts = end !== -1 && r && numericRange(r[1], r[2]);
        if (alts) {
          toks.push({ t: "ext", type: "@", alts });
          i = end + mark.length;
          continue;
        }
      }
    }
    if (c === "\\") {
      const e = p.codePointAt(i + 1);
      const ch = e === void 0 ? c : String.fromCodePoint(e);
      toks.push(lit(ch));
      i += 1 + ch.length;
      continue;
    }
    if (c === "[") {
      const [re, consumed] = parseClass(p, i, nocase, form);
      if (consumed) {
        toks.push({ t: "class", re });
        i += consumed;
        continue;
      }
    }
    if (!noext && extTypes.includes(c) && p[i + 1] === "(") {
      toks.push({ t: "open", type: c });
      i += 2;
      continue;
    }
    toks.push(!noext && c === "|" ? { t: "bar" } : !noext && c === ")" ? { t: "close" } : c === "*" ? { t: "star" } : c === "?" ? { t: "any" } : lit(c));
    i += c.length;
  }
  return toks;
};
var pair = (toks) => {
  const pairs = /* @__PURE__ */ new Map();
  const stack = [];
  toks.forEach((tok, i) => {
    if (tok.t === "open")
      stack.push(i);
    else if (tok.t === "close" && stack.length)
      pairs.set(stack.pop(), i);
  });
  return pairs;
};
var build = (toks, pairs, start, end, top) => {
  let seq = [];
  const alts = [seq];
  for (let i = start; i < end; i++) {
    const tok = toks[i];
    const close = pairs.get(i);
    if (tok.t === "open" && close !== void 0) {
      const sub = build(toks, pairs, i + 1, close, false);
      seq.push({ t: "ext", type: tok.type, alts: sub });
      i = close;
    } else if (tok.t === "bar" && !top) {
      alts.push(seq = []);
    } else if (tok.t === "open") {
      seq.push(lit(tok.type), lit("("));
    } else if (tok.t === "bar") {
      seq.push(lit("|"));
    } else if (tok.t === "close") {
      seq.push(lit(")"));
    } else {
      seq.push(tok);
    }
  }
  return alts;
};
var normalize = (items, form) => {
  const out = [];
  let run = "";
  const flush = () => {
    for (const ch of run.normalize(form))
      out.push(lit(ch));
    run = "";
  };
  for (const it of items) {
    if (it.t === "lit") {
      run += it.ch;
      continue;
    }
    flush();
    out.push(it.t === "ext" ? { ...it, alts: it.alts.map((a) => normalize(a, form)) } : it);
  }
  flush();
  return out;
};
var compile = (items, nocase) => {
  let id = 1;
  const split = (out) => ({ t: "split", id: id++, out });
  const seq = (items2, next) => items2.reduceRight((next2, it) => item(it, next2), next);
  const item = (it, next) => {
    switch (it.t) {
      case "lit":
        const re = nocase ? foldRe(it.ch) : void 0;
        return { t: "lit", id: id++, ch: it.ch, re, next };
      case "any":
      case "star":
        return { t: it.t, id: id++, next };
      case "class":
        return { t: "class", id: id++, re: it.re, next };
    }
    const alts = (next2) => it.alts.map((a) => seq(a, next2));
    switch (it.type) {
      case "@":
        return split(alts(next));
      case "?":
        return split([next, ...alts(next)]);
      case "!":
        return { t: "neg", id: id++, sub: split(alts(MATCH)), next };
    }
    const after = split([]);
    const entry = split(alts(after));
    after.out.push(next, entry);
    return it.type === "*" ? after : entry;
  };
  const start = seq(items, MATCH);
  return [start, id];
};
var show = (start) => {
  const lines = [];
  const seen = /* @__PURE__ */ new Set();
  const ref = (n) => n.t === "match" ? "match" : String(n.id);
  const walk = (n, indent) => {
    if (n.t === "match" || seen.has(n))
      return;
    seen.add(n);
    const line = (desc) => lines.push(`${indent}${n.id}: ${desc}`);
    switch (n.t) {
      case "split":
        line(`split -> ${n.out.map(ref).join(", ")}`);
        for (const o of n.out)
          walk(o, indent);
        return;
      case "neg":
        line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
        walk(n.sub, indent + "  ");
        return walk(n.next, indent);
      case "lit":
        line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
        break;
      case "class":
        line(`${n.re} -> ${ref(n.next)}`);
        break;
      default:
        line(`${n.t === "any" ? "?" : "*"} -> ${ref(n.next)}`);
    }
    walk(n.next, indent);
  };
  walk(start, "");
  return [`start -> ${ref(start)}`, ...lines].join("\n");
};
var State = class {
  // set by the Sim, to mark the nodes that this state has
  gen;
  threads = [];
  match = false;
  runs = [];
  // the sorted ids of the threads, with 0 for a match, once the
  // state is done
  ids = [];
  constructor(gen) {
    this.gen = gen;
  }
  // no threads, so nothing more can match
  get dead() {
    return !this.threads.length && !this.match && !this.runs.length;
  }
};
var sameState = (a, b) => {
  if (a.ids.length !== b.ids.length)
    return false;
  if (a.runs.length !== b.runs.length)
    return false;
  if (a.ids.some((id, i) => id !== b.ids[i]))
    return false;
  return a.runs.every((r) => b.runs.some((o) => o.neg === r.neg && sameState(o.state, r.state)));
};
var marks = (size) => ({
  has: new Float64Array(size),
  seen: new Float64Array(size),
  gen: 0
});
var Sim = class {
  // `.` and `..` only match literal dots, even with `dot:true`
  dots;
  // the string starts with `.`, and `dot:true` is not set
  dotStart;
  #marks;
  constructor(dots, dotStart, marks2) {
    this.dots = dots;
    this.dotStart = dotStart;
    this.#marks = marks2;
  }
  state() {
    return new State(++this.#marks.gen);
  }
  // sort the ids of a state, once it has all of its threads
  done(state) {
    state.ids = state.threads.map((n) => n.id).sort((a, b) => a - b);
    if (state.match)
      state.ids.unshift(MATCH.id);
    return state;
  }
  // true the first time that the state walks through the node, so
  // that loops in the graph stop
  #visit(state, node) {
    const { seen } = this.#marks;
    if (seen[node.id] === state.gen)
      return false;
    seen[node.id] = state.gen;
    return true;
  }
  #addThread(state, node) {
    const { has } = this.#marks;
    if (has[node.id] === state.gen)
      return false;
    has[node.id] = state.gen;
    state.threads.push(node);
    return true;
  }
  // wildcards only match a leading dot if `dot:true`. In a negated
  // sub-pattern, this does not apply, because the negation itself
  // can not match a leading dot.
  restricted(i, top) {
    return top && (this.dots || this.dotStart && i === 0);
  }
  add(state, node, i, top) {
    switch (node.t) {
      case "split":
        if (!this.#visit(state, node))
          return;
        for (const o of node.out)
          this.add(state, o, i, top);
        return;
      case "neg":
        if (!this.#visit(state, node))
          return;
        const sub = this.state();
        this.add(sub, node.sub, i, false);
        this.done(sub);
        return this.addRun(state, { t: "run", neg: node, state: sub }, i, top);
      case "star":
        if (this.restricted(i, top))
          return;
        if (this.#addThread(state, node))
          this.add(state, node.next, i, top);
        return;
      case "match":
        state.match = true;
        return;
      default:
        this.#addThread(state, node);
    }
  }
  addRun(state, run, i, top) {
    for (const r of state.runs) {
      if (r.neg === run.neg && sameState(r.state, run.state))
        return;
    }
    state.runs.push(run);
    if (!run.state.match) {
      this.add(state, run.neg.next, i, top);
    }
  }
  // the threads after char `c`, at index `i`
  step(state, c, i, top) {
    const next = this.state();
    for (const th of state.threads) {
      switch (th.t) {
        case "lit":
          if (litMatch(th, c)) {
            this.add(next, th.next, i + 1, top);
          }
          break;
        case "any":
          if (!this.restricted(i, top))
            this.add(next, th.next, i + 1, top);
          break;
        case "class":
          if (!this.restricted(i, top) && th.re.test(c)) {
            this.add(next, th.next, i + 1, top);
          }
          break;
        case "star":
          if (!this.restricted(i, top))
            this.add(next, th, i + 1, top);
      }
    }
    if (!this.restricted(i, top)) {
      for (const run of state.runs) {
        if (run.state.dead) {
          this.addRun(next, run, i + 1, top);
          continue;
        }
        const sub = this.step(run.state, c, i, false);
        this.addRun(next, { t: "run", neg: run.neg, state: sub }, i + 1, top);
      }
    }
    return this.done(next);
  }
};
var stateKey = (state) => {
  const ids = state.ids.join();
  if (!state.runs.length)
    return ids;
  const runs = state.runs.map((r) => `${r.neg.id}(${stateKey(r.state)})`);
  return `${ids}|${runs.sort().join("|")}`;
};
var DFA_BUDGET = 1 << 18;
var Dfa = class {
  #start;
  #states = /* @__PURE__ */ new Map();
  #size = 0;
  #plain;
  #dotStart;
  #sim;
  #dotSim;
  constructor(start, marks2) {
    this.#start = start;
    this.#sim = new Sim(false, false, marks2);
    this.#dotSim = new Sim(false, true, marks2);
  }
  #make(state) {
    return {
      state,
      match: state.match,
      dead: state.dead,
      next: /* @__PURE__ */ new Map()
    };
  }
  #intern(state) {
    const key = stateKey(state);
    const found = this.#states.get(key);
    if (found)
      return found;
    if (this.#size > DFA_BUDGET)
      this.#clear();
    const d = this.#make(state);
    this.#states.set(key, d);
    this.#size += key.length + 1;
    return d;
  }
  #clear() {
    this.#states.clear();
    this.#size = 0;
    this.#plain = void 0;
    this.#dotStart = void 0;
  }
  start(dotStart) {
    if (dotStart) {
      if (this.#dotStart)
        return this.#dotStart;
      const state2 = this.#dotSim.state();
      this.#dotSim.add(state2, this.#start, 0, true);
      return this.#dotStart = this.#make(this.#dotSim.done(state2));
    }
    if (this.#plain)
      return this.#plain;
    const state = this.#sim.state();
    this.#sim.add(state, this.#start, 0, true);
    return this.#plain = this.#intern(this.#sim.done(state));
  }
  // the next state, after a miss in `d.ascii`
  next(d, c) {
    const code2 = c.charCodeAt(0);
    const found = code2 < 128 ? void 0 : d.next.get(c);
    if (found)
      return found;
    const n = d === this.#dotStart ? this.#intern(this.#dotSim.step(d.state, c, 0, true)) : this.#intern(this.#sim.step(d.state, c, 1, true));
    if (code2 < 128) {
      if (!d.ascii) {
        d.ascii = new Array(128);
        this.#size += 128;
      }
      d.ascii[code2] = n;
    } else {
      d.next.set(c, n);
    }
    this.#size++;
    return n;
  }
};
var linear = (start) => {
  const nodes = [];
  for (let n = start; n.t !== "match"; n = n.next) {
    if (n.t === "split" || n.t === "neg")
      return void 0;
    nodes.push(n);
  }
  return nodes;
};
var testLinear = (nodes, chars, start, end) => {
  let ni = 0;
  let ci = start;
  let starNi = -1;
  let starCi = 0;
  while (ci < end) {
    const n = nodes[ni];
    if (n?.t === "star") {
      starNi = ni++;
      starCi = ci;
      continue;
    }
    const c = chars[ci];
    if (n && (n.t === "any" || n.t === "lit" && litMatch(n, c) || n.t === "class" && n.re.test(c))) {
      ni++;
      ci++;
      continue;
    }
    if (starNi === -1)
      return false;
    ni = starNi + 1;
    ci = ++starCi;
  }
  while (nodes[ni]?.t === "star")
    ni++;
  return ni === nodes.length;
};
var lengths = (items) => {
  let min = 0;
  let max = 0;
  for (const it of items) {
    const [lo, hi] = itemLengths(it);
    min += lo;
    max += hi;
  }
  return [min, max];
};
var itemLengths = (it) => {
  if (it.t === "star")
    return [0, Infinity];
  if (it.t !== "ext")
    return [1, 1];
  if (it.type === "!")
    return [0, Infinity];
  const alts = it.alts.map(lengths);
  const min = Math.min(...alts.map((a) => a[0]));
  const max = Math.max(...alts.map((a) => a[1]));
  const loop = max === 0 ? 0 : Infinity;
  return it.type === "@" ? [min, max] : it.type === "?" ? [0, max] : it.type === "*" ? [0, loop] : [min, loop];
};
var hasAffix = (lits, chars, start) => {
  for (let j = 0; j < lits.length; j++) {
    if (!litMatch(lits[j], chars[start + j]))
      return false;
  }
  return true;
};
var slashOrSurrogate = /[/\ud800-\udfff]/;
var surrogate = /[\ud800-\udfff]/;
var codePoints = (s) => surrogate.test(s) ? [...s] : s;
var noSlash = (s) => {
  if (s.includes("/")) {
    throw new Error("can only match a single path portion, got: " + s);
  }
};
var Matcher = class {
  pattern;
  options;
  #start;
  // the number of node ids
  #size;
  #marks;
  // the Sim for strings that are only `.` or `..`
  #dotsSim;
  // the string to compare, if the pattern has no magic. With
  // `nocase:true`, the RegExp that folds case is made when it is
  // first used.
  #literal;
  #literalFold = false;
  #literalRe;
  // the nodes between the prefix and suffix, if the graph is a
  // single chain
  #linear;
  // the linear nodes are only `*` and `?`, so the length bounds and
  // the prefix and suffix decide the match
  #wild = false;
  // the least and most chars that a match can have
  #min = 0;
  #max = Infinity;
  // the literals that a match must start and end with. Each one
  // matches exactly one char, and they are distinct items in the
  // pattern, so a string that does not have them can not match.
  #prefix = [];
  #suffix = [];
  // the prefix and suffix as strings, if they do not fold case
  #prefixStr;
  #suffixStr;
  // there is a prefix or suffix to check
  #affix = false;
  #dfa;
  #form;
  constructor(pattern, options = {}) {
    if (pattern.includes("/")) {
      throw new Error("can only match a single path portion, got pattern: " + pattern);
    }
    this.pattern = pattern;
    this.options = options;
    const { nocase = false, noext = false, normalize: n } = options;
    this.#form = n === true ? "NFC" : n || void 0;
    const literal2 = /^[?*+@]\(\)$/.test(pattern);
    const toks = tokenize(pattern, nocase, noext || literal2, this.#form, options.rangeMark);
    let [items] = build(toks, pair(toks), 0, toks.length, true);
    if (this.#form)
      items = normalize(items, this.#form);
    const [start, size] = compile(items, nocase);
    this.#start = start;
    this.#size = size;
    if (items.every((it) => it.t === "lit")) {
      this.#literal = items.map((it) => it.ch).join("");
      this.#literalFold = nocase;
    } else {
      const lit2 = (it) => it.t !== "lit" ? void 0 : nocase ? { ch: it.ch, re: foldRe(it.ch) } : { ch: it.ch };
      for (const it of items) {
        const l = lit2(it);
        if (!l)
          break;
        this.#prefix.push(l);
      }
      for (let j = items.length - 1; j >= 0; j--) {
        const l = lit2(items[j]);
        if (!l)
          break;
        this.#suffix.unshift(l);
      }
      this.#affix = !!(this.#prefix.length || this.#suffix.length);
      if (!nocase) {
        this.#prefixStr = this.#prefix.map((l) => l.ch).join("");
        this.#suffixStr = this.#suffix.map((l) => l.ch).join("");
      }
      this.#linear = linear(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || void 0);
      this.#wild = !!this.#linear?.every((n2) => n2.t === "star" || n2.t === "any");
      const [min, max] = lengths(items);
      this.#min = min;
      this.#max = max;
    }
  }
  test(s) {
    if (this.#form) {
      noSlash(s);
      return this.#test(s.normalize(this.#form));
    }
    if (slashOrSurrogate.test(s)) {
      noSlash(s);
      return this.#test(s, [...s]);
    }
    return this.#test(s, s);
  }
  /**
   * The same as {@link Matcher#test}, but the string is not checked
   * for `/` chars, so the result for a string that has one is not
   * defined. Only use it for a string that is known to be one path
   * portion, such as a part of a path that was split on `/`. It can
   * be faster, because some patterns do not need to look at each char
   * of the string.
   */
  testUnchecked(s) {
    return this.#test(this.#form ? s.normalize(this.#form) : s);
  }
  // Test a string that has no `/`. `chars` indexes it by code point.
  // If it is not given, it is only found if a step needs it.
  #test(s, chars) {
    if (this.#literal !== void 0) {
      return this.#literalFold ? (this.#literalRe ??= newFoldRe(this.#literal)).test(s) : s === this.#literal;
    }
    const min = this.#min;
    const max = this.#max;
    if (chars === void 0) {
      const most = s.length;
      const least = most + 1 >> 1;
      if (most < min || least > max)
        return false;
      if (least < min || most > max)
        chars = codePoints(s);
    }
    if (chars !== void 0 && (chars.length < min || chars.length > max)) {
      return false;
    }
    const prefix2 = this.#prefix.length;
    if (this.#affix) {
      if (this.#prefixStr !== void 0 && this.#suffixStr !== void 0) {
        if (!s.startsWith(this.#prefixStr) || !s.endsWith(this.#suffixStr)) {
          return false;
        }
      } else {
        chars ??= codePoints(s);
        const end = chars.length - this.#suffix.length;
        if (!hasAffix(this.#prefix, chars, 0) || !hasAffix(this.#suffix, chars, end)) {
          return false;
        }
      }
    }
    const dotStart = !this.options.dot && s.startsWith(".");
    if (this.#linear) {
      if (s === "." || s === "..")
        return false;
      if (dotStart && !prefix2)
        return false;
      if (this.#wild)
        return true;
      chars ??= codePoints(s);
      const end = chars.length - this.#suffix.length;
      return testLinear(this.#linear, chars, prefix2, end);
    }
    chars ??= codePoints(s);
    if (s === "." || s === "..") {
      this.#marks ??= marks(this.#size);
      const sim = this.#dotsSim ??= new Sim(true, false, this.#marks);
      const start = sim.state();
      sim.add(start, this.#start, 0, true);
      let state = sim.done(start);
      for (let i = 0; i < chars.length; i++) {
        state = sim.step(state, chars[i], i, true);
      }
      return state.match;
    }
    this.#marks ??= marks(this.#size);
    const dfa = this.#dfa ??= new Dfa(this.#start, this.#marks);
    let d = dfa.start(dotStart);
    const str = chars === s;
    for (let i = 0; i < chars.length; i++) {
      if (d.dead)
        return false;
      const code2 = str ? s.charCodeAt(i) : chars[i].charCodeAt(0);
      d = d.ascii?.[code2] ?? dfa.next(d, chars[i]);
    }
    return d.match;
  }
  /** a readable listing of the state machine */
  toString() {
    return show(this.#start);
  }
};

// node_modules/minimatch/dist/esm/assert-valid-pattern.js
var MAX_PATTERN_LENGTH = 1024 * 64;
var assertValidPattern = (pattern) => {
  if (typeof pattern !== "string") {
    throw new TypeError("invalid pattern");
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new TypeError("pattern is too long");
  }
};

// node_modules/minimatch/dist/esm/escape.js
var escape = (s, { windowsPathsNoEscape = false, magicalBraces = false } = {}) => {
  const e = magicalBraces ? windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, "[$&]") : s.replace(/[?*()[\]\\{}]/g, "\\$&") : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, "[$&]") : s.replace(/[?*()[\]\\]/g, "\\$&");
  const c = e.charAt(0);
  if (c === "#") {
    return (windowsPathsNoEscape ? "[#]" : "\\#") + e.slice(1);
  }
  if (c === "!") {
    return (windowsPathsNoEscape ? "@(!)" : "\\!") + e.slice(1);
  }
  return e;
};

// node_modules/minimatch/dist/esm/unescape.js
var unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true } = {}) => {
  if (windowsPathsNoEscape && s.startsWith("@(!)")) {
    return "!" + unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces });
  }
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/\[([^/\\])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\])\]/g, "$1$2").replace(/\\([^/])/g, "$1");
  }
  return windowsPathsNoEscape ? s.replace(/\[([^/\\{}])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\{}])\]/g, "$1$2").replace(/\\([^/{}])/g, "$1");
};

// node_modules/minimatch/dist/esm/index.js
var DEFAULT_BRACE_EXPAND_MAX = 1e5;
var DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
var AWE_KEY = "allowWindowsEscape";
var minimatch = (p, pattern, options) => {
  assertValidPattern(pattern);
  if (!options?.nocomment && pattern.charAt(0) === "#") {
    return false;
  }
  return cachedMinimatch(pattern, options).match(p);
};
var cache = /* @__PURE__ */ new Map();
var oldCache = /* @__PURE__ */ new Map();
var cacheSize = 0;
var cacheTotalWeight = 0;
var cacheMax = 256;
var cacheMaxWeight = 1 << 15;
var cacheMaxEntryWeight = 1 << 12;
var cacheWeight = (mm) => {
  let w = mm.pattern.length;
  for (const s of mm.globSet) {
    w += s.length + 1;
    if (w > cacheMaxEntryWeight)
      break;
  }
  return w;
};
var tri = (v) => v === void 0 ? 0 : v ? 2 : 1;
var booleanWeights = new Map(Object.keys({
  nobrace: 0,
  nocomment: 0,
  nonegate: 0,
  noglobstar: 0,
  noext: 0,
  nonull: 0,
  partial: 0,
  dot: 0,
  nocase: 0,
  nocaseMagicOnly: 0,
  magicalBraces: 0,
  matchBase: 0,
  flipNegate: 0,
  preserveMultipleSlashes: 0,
  windowsNoMagicRoot: 0
}).map((k, i) => [k, 24 * 3 ** i]));
var optionsKey = (o) => {
  let n = 0;
  let wpe = false;
  for (const k in o) {
    const v = o[k];
    switch (k) {
      // the same test as the Minimatch constructor
      case "windowsPathsNoEscape":
        if (v)
          wpe = true;
        break;
      case AWE_KEY:
        if (v === false)
          wpe = true;
        break;
      case "platform": {
        const p = v || defaultPlatform;
        if (p === defaultPlatform)
          break;
        if (p === "darwin")
          n += 3;
        else if (p === "win32")
          n += 6;
        else if (p === "linux")
          n += 9;
        else
          return JSON.stringify(o);
        break;
      }
      case "optimizationLevel":
        if (v === void 0)
          break;
        n += v >= 2 ? 1 : v >= 1 ? 0 : 2;
        break;
      case "braceExpandMax":
        if (v !== void 0 && v !== DEFAULT_BRACE_EXPAND_MAX) {
          return JSON.stringify(o);
        }
        break;
      case "maxGlobstarRecursion":
        if (v !== void 0 && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
          return JSON.stringify(o);
        }
        break;
      case "normalize":
        if (v !== void 0)
          return JSON.stringify(o);
        break;
      default:
        n += (booleanWeights.get(k) ?? 0) * tri(v);
    }
  }
  return wpe ? n + 12 : n;
};
var copyOptions = (o) => {
  const copy = {};
  for (const k in o)
    copy[k] = o[k];
  return copy;
};
var cachedMinimatch = (pattern, options) => {
  const key = options ? optionsKey(options) : 0;
  let mm = cache.get(key)?.get(pattern);
  if (mm)
    return mm;
  mm = oldCache.get(key)?.get(pattern) ?? new Minimatch(pattern, copyOptions(options));
  const weight = cacheWeight(mm);
  if (weight > cacheMaxEntryWeight)
    return mm;
  if (cacheSize >= cacheMax || cacheTotalWeight + weight > cacheMaxWeight) {
    oldCache = cache;
    cache = /* @__PURE__ */ new Map();
    cacheSize = 0;
    cacheTotalWeight = 0;
  }
  let byPattern = cache.get(key);
  if (!byPattern)
    cache.set(key, byPattern = /* @__PURE__ */ new Map());
  byPattern.set(pattern, mm);
  cacheSize++;
  cacheTotalWeight += weight;
  return mm;
};
var defaultPlatform = typeof process === "object" && process ? process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform : "posix";
var path = {
  win32: { sep: "\\" },
  posix: { sep: "/" }
};
var sep = defaultPlatform === "win32" ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
var GLOBSTAR = /* @__PURE__ */ Symbol("globstar **");
minimatch.GLOBSTAR = GLOBSTAR;
var filter = (pattern, options) => {
  let mm;
  return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
};
minimatch.filter = filter;
var ext = (a, b = {}) => Object.assign({}, a, b);
var defaults = (def) => {
  if (!def || typeof def !== "object" || !Object.keys(def).length) {
    return minimatch;
  }
  const orig = minimatch;
  const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
  return Object.assign(m, {
    Minimatch: class Minimatch extends orig.Minimatch {
      constructor(pattern, options = {}) {
        super(pattern, ext(def, options));
      }
      static defaults(options) {
        return orig.defaults(ext(def, options)).Minimatch;
      }
    },
    unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
    escape: (s, options = {}) => orig.escape(s, ext(def, options)),
    filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
    defaults: (options) => orig.defaults(ext(def, options)),
    braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
    match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
    sep: orig.sep,
    GLOBSTAR
  });
};
minimatch.defaults = defaults;
var braceExpand = (pattern, options = {}) => {
  assertValidPattern(pattern);
  if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
    return [pattern];
  }
  let p = pattern.replace(/\\\\/g, "\\\\\\\\");
  if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
    p = p.replace(/\[([{}])\]/g, "[\\$1]");
  }
  return expand(p, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
var RANGE_MIN = 100;
var rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
var inRepeatOrNegExt = (portion, mark) => {
  const stack = [];
  for (let i = 0; i < portion.length; i++) {
    const c = portion.charAt(i);
    if (c === "\\") {
      i++;
    } else if (c === mark) {
      if (stack.some((t) => t !== "@" && t !== "?"))
        return true;
    } else if (portion.charAt(i + 1) === "(" && "!?+*@".includes(c)) {
      stack.push(c);
      i++;
    } else if (c === ")") {
      stack.pop();
    }
  }
  return false;
};
var match = (list, pattern, options = {}) => {
  const mm = new Minimatch(pattern, options);
  list = list.filter((f) => mm.match(f));
  if (mm.options.nonull && !list.length) {
    list.push(pattern);
  }
  return list;
};
minimatch.match = match;
var globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
var classEnd = (pattern, start) => {
  let i = start + 1;
  if (pattern.charAt(i) === "!" || pattern.charAt(i) === "^")
    i++;
  let sawStart = false;
  for (; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "]" && sawStart)
      return i;
    sawStart = true;
    if (c === "\\")
      i++;
  }
  return -1;
};
var literal = (pattern, noext) => {
  if (!noext && (pattern === "+()" || pattern === "@()"))
    return pattern;
  let lit2 = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      lit2 += pattern.charAt(++i) || c;
    } else if (c === "*" || c === "?") {
      return void 0;
    } else if (c === "[") {
      const close = classEnd(pattern, i);
      if (close === -1) {
        lit2 += c;
        continue;
      }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith("\\"))
        body = body.slice(1);
      if ([...body].length !== 1 || "!^".includes(pattern.charAt(i + 1))) {
        return void 0;
      }
      lit2 += body;
      i = close;
    } else if (!noext && "+@!".includes(c) && pattern.charAt(i + 1) === "(" && pattern.includes(")", i + 2)) {
      return void 0;
    } else {
      lit2 += c;
    }
  }
  return lit2;
};
var MAX_EXTGLOBS = 256;
var extglobCount = (pattern) => {
  let n = 0;
  for (let i = 0; i < pattern.length - 1; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      i++;
    } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
      n++;
      i++;
    }
  }
  return n;
};
var assertValidExtglobs = (pattern) => {
  if (extglobCount(pattern) > MAX_EXTGLOBS) {
    throw new TypeError("pattern has too many extglobs");
  }
};
var extSafe = (pattern) => {
  if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes("[:"))
    return false;
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      if (++i === pattern.length)
        return false;
    } else if (c === "[") {
      const close = classEnd(pattern, i);
      if (close !== -1)
        i = close;
    } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
      depth++;
      i++;
    } else if (c === ")") {
      if (!depth--)
        return false;
    } else if (c === "|" && !depth) {
      return false;
    }
  }
  return !depth;
};
var lastSplit;
var lastChecked;
var portionMatch = (p, f) => typeof p === "string" ? f === p : f !== "" && p.testUnchecked(f);
var endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart : prev !== void 0 && portionMatch(p, prev) ? prevStart : -1;
var isDots = (p) => p === "." || p === "..";
var isDrive = (p) => typeof p === "string" && /^[a-z]:$/i.test(p);
var isLongUNC = (p) => typeof p === "string" && /^unc$/i.test(p);
var uncHost = (p) => {
  if (p[0] !== "" || p[1] !== "")
    return -1;
  const h = p[2] !== "?" ? 2 : isLongUNC(p[3]) ? 4 : -1;
  const host = p[h];
  const share = p[h + 1];
  return h !== -1 && host !== void 0 && host !== "" && host !== GLOBSTAR && share !== void 0 && share !== "" && share !== GLOBSTAR ? h : -1;
};
var walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith("."));
var dotPortion = (f, start, end, dot, sep2) => {
  for (let k = start; k < end; ) {
    if (f.charCodeAt(k) === 46) {
      if (!dot)
        return true;
      const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
      if (n >= end || isSep(f.charCodeAt(n), sep2))
        return true;
    }
    const s = nextSep(f, k, sep2);
    if (s === -1)
      return false;
    k = s + 1;
    while (k < end && isSep(f.charCodeAt(k), sep2))
      k++;
  }
  return false;
};
var isSep = (c, sep2) => sep2 === "/" ? c === 47 : sep2 === "\\" ? c === 92 : c === 47 || c === 92;
var nextSep = (f, from, sep2) => {
  if (sep2 !== "both")
    return f.indexOf(sep2, from);
  const s = f.indexOf("/", from);
  const b = f.indexOf("\\", from);
  return s === -1 ? b : b === -1 ? s : Math.min(s, b);
};
var lastSep = (f, from, sep2) => sep2 !== "both" ? f.lastIndexOf(sep2, from) : Math.max(f.lastIndexOf("/", from), f.lastIndexOf("\\", from));
var PENDING = {};
var Minimatch = class {
  options;
  set;
  pattern;
  windowsPathsNoEscape;
  nonegate;
  negate;
  comment;
  empty;
  preserveMultipleSlashes;
  partial;
  globSet;
  globParts;
  nocase;
  isWindows;
  platform;
  windowsNoMagicRoot;
  maxGlobstarRecursion;
  // the path can be checked against the last portion, and the string
  // portions, of each row before it is split. See #canMatch.
  #endCheck;
  #literalCheck;
  // level 2 resolves `.` and `..` portions in the path
  #level2;
  // the unicode normalization form, if any
  #form;
  // the string portions of each row in the set
  #literals = [];
  // the rows that #canMatch can match without splitting the path
  #shapes = [];
  // the rows whose last portion can be checked against the path's
  #endRows = [];
  // brace expansion can make the same portion in many rows, so they
  // share one Matcher, and the states that it caches
  #matchers = /* @__PURE__ */ new Map();
  // parse() returns PENDING in place of a Matcher
  #pending = false;
  // the char that marks numeric ranges in globSet, if any
  #rangeMark;
  // the GlobstarParts of each pattern row, by start index and partial
  #globstarParts = /* @__PURE__ */ new WeakMap();
  constructor(pattern, options = {}) {
    assertValidPattern(pattern);
    options = options || {};
    this.options = options;
    this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
    this.pattern = pattern;
    this.platform = options.platform || defaultPlatform;
    this.isWindows = this.platform === "win32";
    this.windowsPathsNoEscape = !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
    if (this.windowsPathsNoEscape) {
      this.pattern = this.pattern.replace(/\\/g, "/");
    }
    this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
    this.negate = false;
    this.nonegate = !!options.nonegate;
    this.comment = false;
    this.empty = false;
    this.partial = !!options.partial;
    this.nocase = !!this.options.nocase;
    this.windowsNoMagicRoot = options.windowsNoMagicRoot !== void 0 ? options.windowsNoMagicRoot : !!(this.isWindows && this.nocase);
    this.globSet = [];
    this.globParts = [];
    this.set = [];
    this.#endCheck = !this.preserveMultipleSlashes;
    this.#level2 = (options.optimizationLevel ?? 1) >= 2;
    const n = options.normalize;
    this.#form = n === true ? "NFC" : n || void 0;
    this.make();
    const drives = this.set.map((row) => this.#rootIndex(row));
    this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
    this.#literals = this.set.map((row, r) => {
      const end = this.#endRows[r] ? row.length - 1 : row.length;
      const lits = row.slice(drives[r] + 1, end).filter((p) => typeof p === "string" && !!p);
      return [...new Set(lits)];
    });
    this.#literalCheck = this.#literals.some((l) => l.length);
    this.#shapes = this.set.map((row, r) => {
      const [p0, p1, p2] = row;
      if (this.#endRows[r] && row.length === 2) {
        if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
          return "tail";
      }
      if (this.#endRows[r] && options.matchBase && row.length === 1 && p0 !== GLOBSTAR && p0 !== "") {
        return "base";
      }
      if (!this.#endCheck || drives[r] !== -1)
        return void 0;
      if (row.length === 3 && p0 === GLOBSTAR && p2 === GLOBSTAR && p1 !== GLOBSTAR && p1 !== "" && // the portion between is only matched below this limit
      this.maxGlobstarRecursion > 0) {
        return "mid";
      }
      if (row.length === 2 && p1 === GLOBSTAR && p0 !== GLOBSTAR && p0 !== "") {
        return "head";
      }
      return void 0;
    });
  }
  // a string portion of a pattern, normalized if the option is set
  #norm(p) {
    return this.#form ? p.normalize(this.#form) : p;
  }
  // On Windows, the index of the last root portion of a row, as
  // #matchRow finds it: 0 for `c:/...`, 3 for `//?/c:/...` and
  // `//host/share/...`, and 5 for `//?/UNC/host/share/...`. Otherwise
  // -1.
  #rootIndex(row) {
    if (!this.isWindows)
      return -1;
    if (isDrive(row[0]))
      return 0;
    const uncDrive = row[0] === "" && row[1] === "" && row[2] === "?" && isDrive(row[3]);
    if (uncDrive)
      return 3;
    const h = uncHost(row);
    return h === -1 ? -1 : h + 1;
  }
  hasMagic() {
    if (this.options.magicalBraces && this.set.length > 1) {
      return true;
    }
    for (const pattern of this.set) {
      for (const part of pattern) {
        if (typeof part !== "string")
          return true;
      }
    }
    return false;
  }
  make() {
    const pattern = this.pattern;
    const options = this.options;
    if (!options.nocomment && pattern.charAt(0) === "#") {
      this.comment = true;
      return;
    }
    if (!pattern) {
      this.empty = true;
      return;
    }
    this.parseNegate();
    this.globSet = [...new Set(this.#expandBraces())];
    const rawGlobParts = this.globSet.map((s) => this.#slashSplit(s));
    this.globParts = this.preprocess(rawGlobParts);
    this.#pending = true;
    let set = this.globParts.map((s, _, __) => {
      if (this.isWindows && this.windowsNoMagicRoot) {
        const n = s[2] === "?" && isLongUNC(s[3]) ? 6 : 4;
        const isUNC = s[0] === "" && s[1] === "" && (s[2] === "?" || !globMagic.test(s[2])) && s.slice(3, n).every((p) => !globMagic.test(p));
        const isDrive2 = /^[a-z]:/i.test(s[0]);
        if (isUNC) {
          return [
            ...s.slice(0, n).map((p) => this.#norm(p)),
            ...s.slice(n).map((ss) => this.parse(ss))
          ];
        } else if (isDrive2) {
          return [
            this.#norm(s[0]),
            ...s.slice(1).map((ss) => this.parse(ss))
          ];
        }
      }
      return s.map((ss) => this.parse(ss));
    });
    this.set = set.filter((s) => s.indexOf(false) === -1);
    if (this.isWindows) {
      for (let i = 0; i < this.set.length; i++) {
        const p = this.set[i];
        if (p[0] === "" && p[1] === "" && this.globParts[i][2] === "?" && (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
          if (isLongUNC(this.globParts[i][3]))
            p[3] = "UNC";
          p[2] = "?";
        }
      }
    }
    if (!options.noext)
      this.mergeRows();
    this.#pending = false;
    this.set.forEach((row, i) => {
      for (let k = 0; k < row.length; k++) {
        if (row[k] === PENDING) {
          row[k] = this.parse(this.globParts[i][k]);
        }
      }
    });
  }
  // Merge rows that only differ in one portion, where each of them
  // is a Matcher, into one row that matches any of them with
  // `@(a|b|...)`. Then a path is only walked once for all of them,
  // for example with `**/*.{js,ts}`.
  mergeRows() {
    let merged = true;
    while (merged) {
      merged = false;
      if (this.set.length < 2)
        return;
      let keys = this.#mergeKeys();
      const len = Math.max(0, ...this.set.map((r) => r.length));
      for (let k = 0; k < len; k++) {
        const groups = /* @__PURE__ */ new Map();
        const R = this.set.length + 1;
        this.set.forEach((row, i) => {
          if (!(row[k] instanceof Matcher || row[k] === PENDING) || !extSafe(this.globParts[i][k])) {
            return;
          }
          const { pre, suf } = keys[i];
          const key = pre[k] * R + suf[k + 1];
          const g = groups.get(key);
          if (g)
            g.push(i);
          else
            groups.set(key, [i]);
        });
        const drop = /* @__PURE__ */ new Set();
        for (const g of groups.values()) {
          if (g.length < 2)
            continue;
          const [first, ...rest] = g;
          const alts = g.map((i) => this.globParts[i][k]);
          const glob = `@(${alts.join("|")})`;
          if (extglobCount(glob) > MAX_EXTGLOBS)
            continue;
          this.globParts[first][k] = glob;
          this.set[first][k] = this.parse(glob);
          for (const i of rest)
            drop.add(i);
        }
        if (drop.size) {
          merged = true;
          this.set = this.set.filter((_, i) => !drop.has(i));
          this.globParts = this.globParts.filter((_, i) => !drop.has(i));
          if (this.set.length < 2)
            return;
          keys = this.#mergeKeys();
        }
      }
    }
  }
  // For each row, number ids for its prefixes and suffixes, such that
  // pre[k] identifies parts[0..k) and suf[k] identifies parts[k..n).
  // Two rows are the same other than at portion k exactly when they
  // have the same pre[k] and suf[k + 1]. This is linear in the size of
  // the rows, where joining the whole row for every k was quadratic.
  #mergeKeys() {
    const partIds = /* @__PURE__ */ new Map();
    const ids = this.globParts.map((parts) => parts.map((s) => {
      let id = partIds.get(s);
      if (id === void 0)
        partIds.set(s, id = partIds.size);
      return id;
    }));
    const P = partIds.size;
    const len = Math.max(0, ...ids.map((r) => r.length));
    const keys = ids.map((r) => ({
      pre: [0],
      suf: new Array(r.length + 1).fill(0)
    }));
    for (let k = 0; k < len; k++) {
      const m = /* @__PURE__ */ new Map();
      ids.forEach((r, i) => {
        if (k >= r.length)
          return;
        const { pre } = keys[i];
        const key = pre[k] * P + r[k];
        let id = m.get(key);
        if (id === void 0)
          m.set(key, id = m.size + 1);
        pre.push(id);
      });
    }
    for (let k = len - 1; k >= 0; k--) {
      const m = /* @__PURE__ */ new Map();
      ids.forEach((r, i) => {
        if (k >= r.length)
          return;
        const { suf } = keys[i];
        const key = suf[k + 1] * P + r[k];
        let id = m.get(key);
        if (id === void 0)
          m.set(key, id = m.size + 1);
        suf[k] = id;
      });
    }
    return keys;
  }
  // various transforms to equivalent pattern sets that are
  // faster to process in a filesystem walk.  The goal is to
  // eliminate what we can, and push all ** patterns as far
  // to the right as possible, even if it increases the number
  // of patterns that we have to process.
  preprocess(globParts) {
    if (this.options.noglobstar) {
      for (const partset of globParts) {
        for (let j = 0; j < partset.length; j++) {
          if (partset[j] === "**") {
            partset[j] = "*";
          }
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      globParts = this.firstPhasePreProcess(globParts);
      globParts = this.secondPhasePreProcess(globParts);
    } else if (optimizationLevel >= 1) {
      globParts = this.levelOneOptimize(globParts);
    } else {
      globParts = this.adjascentGlobstarOptimize(globParts);
    }
    return globParts;
  }
  // just get rid of adjascent ** portions
  adjascentGlobstarOptimize(globParts) {
    return globParts.map((parts) => {
      let gs = -1;
      while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
        let i = gs;
        while (parts[i + 1] === "**") {
          i++;
        }
        if (i !== gs) {
          parts.splice(gs, i - gs);
        }
      }
      return parts;
    });
  }
  // get rid of adjascent ** and resolve .. portions
  levelOneOptimize(globParts) {
    return globParts.map((parts) => {
      const root = this.#rootIndex(parts) + 1;
      parts = parts.reduce((set, part) => {
        const prev = set[set.length - 1];
        if (part === "**" && prev === "**") {
          return set;
        }
        if (part === "..") {
          if (set.length > root && prev && prev !== ".." && prev !== "." && prev !== "**") {
            set.pop();
            return set;
          }
        }
        set.push(part);
        return set;
      }, []);
      return parts.length === 0 ? [""] : parts;
    });
  }
  // Check the path against each row before it is split. 'no' if no
  // row can match, so it does not need to be split. 'yes' if a row of
  // `**` and one more portion matches. 'maybe' if it must be split to
  // know. None of this applies with partial, where the path can end
  // before the row does.
  //
  // On Windows, `\` is a separator in the path too, and the portions of
  // a row up to its drive letter or UNC share are not checked (see
  // #rootIndex).
  //
  // Each string portion of a row must be a portion of the path, so the
  // path must contain it. Level 2 can only take portions out of the
  // path, so this is still true then.
  //
  // The last portion of a row must match the last portion of the path,
  // or the one before a trailing `/` (as a/* and a/**/* match a/b/).
  // This does not apply to rows that end in **, rows that end in a
  // root, or preserveMultipleSlashes (which can leave more
  // than one '' at the end). At level 2, it does not apply if that
  // portion is `.` or `..`, which can be
  // resolved away. Level 2 only takes other portions out of the
  // middle of the path.
  //
  // A row of `**/x` then matches if the ** can walk the portions
  // before the one that x matches, the same as #matchGlobstar. At
  // level 2, this is only known if none of them are `.` or `..`, so
  // that the path does not change when it is resolved.
  #canMatch(f) {
    const sep2 = !this.isWindows || !f.includes("\\") ? "/" : f.includes("/") ? "both" : "\\";
    let ends = this.#endCheck ? 0 : -1;
    let last = "";
    let lastStart = 0;
    let prev;
    let prevStart = 0;
    const dot = !!this.options.dot;
    ROWS: for (let r = 0; r < this.set.length; r++) {
      const row = this.set[r];
      const p = row[row.length - 1];
      let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
      if (end && ends === 0) {
        const i = lastSep(f, f.length, sep2);
        lastStart = i + 1;
        last = f.slice(lastStart);
        if (last === "" && i >= 0) {
          let j = i;
          while (j > 0 && isSep(f.charCodeAt(j - 1), sep2))
            j--;
          prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep2) + 1;
          prev = f.slice(prevStart, j);
        }
        const resolves = this.#level2 && (isDots(last) || last === "" && prev !== void 0 && isDots(prev));
        ends = resolves ? -1 : 1;
        end = !resolves;
      }
      let tailStart = -1;
      if (end && typeof p === "string") {
        tailStart = endIndex(p, last, lastStart, prev, prevStart);
        if (tailStart === -1)
          continue;
      }
      if (this.#literalCheck) {
        for (const l of this.#literals[r]) {
          if (!f.includes(l))
            continue ROWS;
        }
      }
      if (end && typeof p === "object") {
        tailStart = endIndex(p, last, lastStart, prev, prevStart);
        if (tailStart === -1)
          continue;
      }
      const shape = this.#shapes[r];
      if (shape === "base" && end)
        return "yes";
      if (shape === "tail" && end) {
        if (this.#level2 && dotPortion(f, 0, tailStart, true, sep2)) {
          return "maybe";
        }
        if (!dotPortion(f, 0, tailStart, dot, sep2))
          return "yes";
        continue;
      }
      if (shape === "mid" || shape === "head") {
        const m = this.#walk(f, row, shape === "head", dot, sep2);
        if (m !== "no")
          return m;
        continue;
      }
      return "maybe";
    }
    return "no";
  }
  // Match a row of a known shape against the split path, the same as
  // #matchGlobstar and #matchGlobStarBodySections do. None of these
  // rows have a drive letter, so they start at the first portion.
  #matchShape(file, row, shape) {
    const dot = !!this.options.dot;
    const n = file.length;
    if (shape === "head") {
      if (n < 2 || !portionMatch(row[0], file[0])) {
        return false;
      }
      for (let i = 1; i < n; i++)
        if (!walkable(file[i], dot))
          return false;
      return true;
    }
    const x = row[1];
    if (shape === "tail") {
      let t = n - 1;
      if (!portionMatch(x, file[t])) {
        if (file[t] !== "" || n === 1 || !portionMatch(x, file[--t])) {
          return false;
        }
      }
      for (let i = 0; i < t; i++)
        if (!walkable(file[i], dot))
          return false;
      return true;
    }
    for (let k = 0; k < n; k++) {
      if (portionMatch(x, file[k]) && k + 1 < n) {
        let i = k + 1;
        while (i < n && walkable(file[i], dot))
          i++;
        if (i === n)
          return true;
      }
      if (!walkable(file[k], dot))
        return false;
    }
    return false;
  }
  // Match a row of `**/x/**` or `x/**` against the path, the same as
  // #matchGlobstar and #matchGlobStarBodySections do once it is split.
  // x must match a portion (the first one, for `x/**`), the ** before
  // it must be able to walk the portions before that one, and there
  // must be a portion after it, which the ** after it can walk. At
  // level 2, this is only known if no portion is `.` or `..`.
  #walk(f, row, head, dot, sep2) {
    if (this.#level2 && dotPortion(f, 0, f.length, true, sep2))
      return "maybe";
    const x = row[head ? 0 : 1];
    let s = 0;
    for (let e = nextSep(f, s, sep2); e !== -1; e = nextSep(f, s, sep2)) {
      let next = e + 1;
      while (next < f.length && isSep(f.charCodeAt(next), sep2))
        next++;
      const hit = typeof x === "string" ? e - s === x.length && f.startsWith(x, s) : e > s && x.testUnchecked(f.slice(s, e));
      if (hit && !dotPortion(f, next, f.length, dot, sep2))
        return "yes";
      if (head || dotPortion(f, s, next, dot, sep2))
        return "no";
      s = next;
    }
    return "no";
  }
  // the last split, if it was the same path with the same split
  // settings
  #cachedSplit(f) {
    const last = lastSplit;
    return last?.f === f && last.isWindows === this.isWindows && last.preserveMultipleSlashes === this.preserveMultipleSlashes && last.normalize === this.#form ? last : void 0;
  }
  // split a path for match(), and keep the parts for the next call
  #split(f) {
    const { isWindows, preserveMultipleSlashes } = this;
    let parts = this.#slashSplit(isWindows ? f.split("\\").join("/") : f);
    const normalize3 = this.#form;
    if (normalize3)
      parts = parts.map((p) => p.normalize(normalize3));
    lastSplit = {
      f,
      isWindows,
      preserveMultipleSlashes,
      normalize: normalize3,
      parts
    };
    return lastSplit;
  }
  // resolve `.` and `..` portions of a path, for level 2
  #levelTwoFileOptimize(file) {
    const parts = [...file];
    let didSomething = false;
    do {
      didSomething = false;
      if (!this.preserveMultipleSlashes) {
        for (let i = 1; i < parts.length - 1; i++) {
          const p = parts[i];
          if (i === 1 && p === "" && parts[0] === "")
            continue;
          if (p === "." || p === "") {
            didSomething = true;
            parts.splice(i, 1);
            i--;
          }
        }
        if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
          didSomething = true;
          parts.pop();
        }
      }
      const root = this.#rootIndex(parts) + 1;
      let dd = root;
      while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
        const p = parts[dd - 1];
        if (p && p !== "." && p !== ".." && p !== "**") {
          didSomething = true;
          parts.splice(dd - 1, 2);
          dd = Math.max(dd - 2, root);
        }
      }
    } while (didSomething);
    return parts.length === 0 ? [""] : parts;
  }
  // First phase: single-pattern processing
  // <pre> is 1 or more portions
  // <rest> is 1 or more portions
  // <p> is any portion other than ., .., '', or **
  // <e> is . or ''
  //
  // **/.. is *brutal* for filesystem walking performance, because
  // it effectively resets the recursive walk each time it occurs,
  // and ** cannot be reduced out by a .. pattern part like a regexp
  // or most strings (other than .., ., and '') can be.
  //
  // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
  // <pre>/<e>/<rest> -> <pre>/<rest>
  // <pre>/<p>/../<rest> -> <pre>/<rest>
  // **/**/<rest> -> **/<rest>
  //
  // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
  // this WOULD be allowed if ** did follow symlinks, or * didn't
  firstPhasePreProcess(globParts) {
    const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
    let splitCells = 0;
    const maxSplitCells = 1e6;
    let didSomething = false;
    do {
      didSomething = false;
      for (let parts of globParts) {
        let gs = -1;
        while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
          let gss = gs;
          while (parts[gss + 1] === "**") {
            gss++;
          }
          if (gss > gs) {
            parts.splice(gs + 1, gss - gs);
          }
          let next = parts[gs + 1];
          const p = parts[gs + 2];
          const p2 = parts[gs + 3];
          if (next !== "..")
            continue;
          if (!p || p === "." || p === ".." || !p2 || p2 === "." || p2 === "..") {
            continue;
          }
          const addedCells = parts.length - 1;
          if (globParts.length >= braceExpandMax || splitCells + addedCells > maxSplitCells) {
            throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
          }
          didSomething = true;
          parts.splice(gs, 1);
          const other = parts.slice(0);
          other[gs] = "**";
          splitCells += addedCells;
          globParts.push(other);
          gs--;
        }
        if (!this.preserveMultipleSlashes) {
          for (let i = 1; i < parts.length - 1; i++) {
            const p = parts[i];
            if (i === 1 && p === "" && parts[0] === "")
              continue;
            if (p === "." || p === "") {
              didSomething = true;
              parts.splice(i, 1);
              i--;
            }
          }
          if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
            didSomething = true;
            parts.pop();
          }
        }
        const root = this.#rootIndex(parts) + 1;
        let dd = root;
        while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
          const p = parts[dd - 1];
          if (p && p !== "." && p !== ".." && p !== "**") {
            didSomething = true;
            const needDot = dd === 1 && parts[dd + 1] === "**";
            const splin = needDot ? ["."] : [];
            parts.splice(dd - 1, 2, ...splin);
            if (parts.length === 0)
              parts.push("");
            dd = Math.max(dd - 2, root);
          }
        }
      }
    } while (didSomething);
    return globParts;
  }
  // second phase: multi-pattern dedupes
  // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
  // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
  secondPhasePreProcess(globParts) {
    const keys = /* @__PURE__ */ new Set();
    const rows = globParts.filter((parts) => {
      const key = parts.join("/");
      if (keys.has(key))
        return false;
      keys.add(key);
      return true;
    });
    const stars = /* @__PURE__ */ new Map();
    for (const parts of rows) {
      const s = [];
      for (let i = 0; i < parts.length; i++) {
        if (parts[i] === "*")
          s.push(i);
      }
      if (s.length)
        stars.set(s.join(","), s);
    }
    if (!stars.size || rows.length * stars.size > 1e5)
      return rows;
    const { dot } = this.options;
    return rows.filter((parts) => {
      for (const s of stars.values()) {
        if (s[s.length - 1] >= parts.length)
          continue;
        const c = [...parts];
        let ok = true;
        let changed = false;
        for (const i of s) {
          const p = parts[i];
          if (p === "*")
            continue;
          if (!p || p === "**" || !dot && p.startsWith(".")) {
            ok = false;
            break;
          }
          c[i] = "*";
          changed = true;
        }
        if (ok && changed && keys.has(c.join("/")))
          return false;
      }
      return true;
    });
  }
  parseNegate() {
    if (this.nonegate)
      return;
    const pattern = this.pattern;
    let negate = false;
    let negateOffset = 0;
    for (let i = 0; i < pattern.length && pattern.charAt(i) === "!"; i++) {
      negate = !negate;
      negateOffset++;
    }
    if (negateOffset)
      this.pattern = pattern.slice(negateOffset);
    this.negate = negate;
  }
  // Match the parts of a path against one row of the set. `resolved`
  // is the parts after level 2 resolves `.` and `..` in them, or the
  // same parts below level 2. Set partial to true to test if, for
  // example, "/a/b" matches the start of "/*/b/*/d". Partial means, if
  // you run out of file before you run out of pattern, then that's
  // fine, as long as all the parts match.
  #matchRow(file, resolved, pattern, partial) {
    let fileStartIndex = 0;
    let patternStartIndex = 0;
    const fh = this.isWindows ? uncHost(resolved) : -1;
    const ph = fh === -1 ? -1 : uncHost(pattern);
    if (ph !== -1) {
      const host = pattern[ph];
      const share = pattern[ph + 1];
      if (typeof host !== "string" || typeof share !== "string") {
        fileStartIndex = fh;
        patternStartIndex = ph;
      } else if (resolved[fh].toLowerCase() === host.toLowerCase() && resolved[fh + 1].toLowerCase() === share.toLowerCase()) {
        fileStartIndex = fh + 2;
        patternStartIndex = ph + 2;
      }
    } else if (this.isWindows) {
      const fileDrive = typeof file[0] === "string" && /^[a-z]:$/i.test(file[0]);
      const fileUNC = !fileDrive && file[0] === "" && file[1] === "" && file[2] === "?" && /^[a-z]:$/i.test(file[3]);
      const patternDrive = typeof pattern[0] === "string" && /^[a-z]:$/i.test(pattern[0]);
      const patternUNC = !patternDrive && pattern[0] === "" && pattern[1] === "" && pattern[2] === "?" && typeof pattern[3] === "string" && /^[a-z]:$/i.test(pattern[3]);
      const fdi = fileUNC ? 3 : fileDrive ? 0 : void 0;
      const pdi = patternUNC ? 3 : patternDrive ? 0 : void 0;
      if (typeof fdi === "number" && typeof pdi === "number") {
        const [fd, pd] = [
          file[fdi],
          pattern[pdi]
        ];
        if (fd.toLowerCase() === pd.toLowerCase()) {
          patternStartIndex = pdi + 1;
          fileStartIndex = fdi + 1;
        }
      }
    }
    file = resolved;
    if (pattern.includes(GLOBSTAR)) {
      return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
  }
  #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
    const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
    if (head.length) {
      const headEnd = fileIndex + head.length;
      if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
        return false;
      }
      fileIndex += head.length;
      patternIndex += head.length;
    }
    let fileTailMatch = 0;
    if (tail.length) {
      if (tail.length + fileIndex > file.length)
        return false;
      let tailStart = file.length - tail.length;
      if (this.#matchOne(file, tail, partial, tailStart, 0)) {
        fileTailMatch = tail.length;
      } else {
        if (file[file.length - 1] !== "" || fileIndex + tail.length === file.length) {
          return false;
        }
        tailStart--;
        if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
          return false;
        }
        fileTailMatch = tail.length + 1;
      }
    }
    if (!body.length) {
      let sawSome = !!fileTailMatch;
      for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
        const f = String(file[i]);
        sawSome = true;
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return partial || sawSome;
    }
    return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, /* @__PURE__ */ new Set());
  }
  // Split the pattern into head, tail, and middle of ** delimited
  // parts. The tail has to be at the end, and the others just have to
  // be found in order from the head. These only depend on the pattern
  // row, so they are kept for the next path.
  #getGlobstarParts(pattern, partial, patternIndex) {
    let byStart = this.#globstarParts.get(pattern);
    if (!byStart) {
      byStart = [];
      this.#globstarParts.set(pattern, byStart);
    }
    const key = patternIndex * 2 + (partial ? 1 : 0);
    const found = byStart[key];
    if (found)
      return found;
    const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
    const lastgs = pattern.lastIndexOf(GLOBSTAR);
    const head = pattern.slice(patternIndex, firstgs);
    const body = pattern.slice(firstgs + 1, partial ? void 0 : lastgs);
    const tail = partial ? [] : pattern.slice(lastgs + 1);
    const segments = [[[], 0]];
    let current = segments[0];
    let nonGsParts = 0;
    const nonGsPartsSums = [0];
    for (const b of body) {
      if (b === GLOBSTAR) {
        nonGsPartsSums.push(nonGsParts);
        current = [[], 0];
        segments.push(current);
      } else {
        current[0].push(b);
        nonGsParts++;
      }
    }
    segments.forEach((b, i) => {
      b[1] = nonGsParts - nonGsPartsSums[i];
    });
    const parts = { head, body, tail, segments };
    byStart[key] = parts;
    return parts;
  }
  // return false for "nope, not matching"
  // return null for "not matching, cannot keep trying"
  #matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, tried) {
    const bs = bodySegments[bodyIndex];
    if (!bs) {
      if (partial) {
        return fileIndex >= fileLength || fileIndex === fileLength - 1 && file[fileIndex] === "";
      }
      for (let i = fileIndex; i < fileLength; i++) {
        sawTail = true;
        const f = file[i];
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return sawTail;
    }
    const [body, need] = bs;
    const after = partial ? fileLength : fileLength - need;
    while (fileIndex <= after) {
      const key = bodyIndex * (file.length + 1) + fileIndex;
      if (tried.has(key))
        return false;
      tried.add(key);
      const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
      if (m && globStarDepth < this.maxGlobstarRecursion) {
        const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
        if (sub !== false) {
          return sub;
        }
      }
      if (fileIndex === after)
        break;
      const f = file[fileIndex];
      if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
        return false;
      }
      fileIndex++;
    }
    return partial || null;
  }
  #matchOne(file, pattern, partial, fileIndex, patternIndex, fileEnd = file.length) {
    let fi;
    let pi;
    let pl;
    let fl;
    for (fi = fileIndex, pi = patternIndex, fl = Math.min(fileEnd, file.length), pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
      let p = pattern[pi];
      let f = file[fi];
      if (p === false || p === GLOBSTAR) {
        return false;
      }
      if (!portionMatch(p, f))
        return false;
    }
    if (fi === fl && pi === pl) {
      return true;
    } else if (fi === fl) {
      return partial;
    } else if (pi === pl) {
      return fi === fl - 1 && file[fi] === "";
    } else {
      throw new Error("wtf?");
    }
  }
  braceExpand() {
    return braceExpand(this.pattern, this.options);
  }
  // Expand braces, except numeric ranges such as {0..999} with at
  // least RANGE_MIN values. Each of those stays in its pattern as
  // `<mark>0..999<mark>`, for the Matcher to test. If a range might
  // be inside a [...] class, expand all of them instead.
  #expandBraces() {
    const { pattern } = this;
    if (this.options.nobrace)
      return this.braceExpand();
    let code2 = 57344;
    while (pattern.includes(String.fromCharCode(code2))) {
      if (++code2 > 63743)
        return this.braceExpand();
    }
    const mark = String.fromCharCode(code2);
    let found = false;
    const marked = pattern.replace(rangeRe, (m, lo, hi) => {
      const a = Number(lo);
      const b = Number(hi);
      if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || Math.abs(a - b) + 1 < RANGE_MIN) {
        return m;
      }
      found = true;
      return `${mark}${lo}..${hi}${mark}`;
    });
    if (!found)
      return this.braceExpand();
    const set = braceExpand(marked, this.options);
    for (const p of set) {
      for (const portion of p.split("/")) {
        const c = portion.indexOf("[");
        if (c !== -1 && c < portion.lastIndexOf(mark)) {
          return this.braceExpand();
        }
        if (!this.options.noext && inRepeatOrNegExt(portion, mark)) {
          return this.braceExpand();
        }
      }
    }
    this.#rangeMark = mark;
    return set;
  }
  parse(pattern) {
    assertValidPattern(pattern);
    const options = this.options;
    if (pattern === "**")
      return GLOBSTAR;
    if (pattern === "")
      return "";
    const { nocase, nocaseMagicOnly, noext = false, dot, normalize: normalize3 } = options;
    const rangeMark = this.#rangeMark;
    const lit2 = rangeMark && pattern.includes(rangeMark) ? void 0 : literal(pattern, noext);
    if (lit2 !== void 0 && !(nocase && !nocaseMagicOnly && pattern.toUpperCase() !== pattern.toLowerCase())) {
      return this.#norm(lit2);
    }
    if (this.#pending)
      return PENDING;
    let m = this.#matchers.get(pattern);
    if (!m) {
      if (!noext)
        assertValidExtglobs(pattern);
      m = new Matcher(pattern, {
        nocase,
        noext,
        dot,
        normalize: normalize3,
        ...rangeMark && { rangeMark }
      });
      this.#matchers.set(pattern, m);
    }
    return m;
  }
  #slashSplit(p) {
    if (this.preserveMultipleSlashes) {
      return p.split("/");
    } else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
      return ["", ...p.split(/\/+/)];
    } else {
      return p.split(/\/+/);
    }
  }
  match(f, partial = this.partial) {
    if (this.comment) {
      return false;
    }
    if (this.empty) {
      return f === "";
    }
    if (f === "/" && partial) {
      return true;
    }
    const options = this.options;
    let split = this.#cachedSplit(f);
    if (!split) {
      if (!partial && !this.#form && (this.#endCheck || this.#literalCheck) && lastChecked !== f) {
        lastChecked = f;
        const can = this.#canMatch(f);
        if (can === "no")
          return options.flipNegate ? false : this.negate;
        if (can === "yes")
          return options.flipNegate ? true : !this.negate;
      }
      split = this.#split(f);
    }
    const ff = split.parts;
    const resolved = this.#level2 ? split.resolved ??= this.#levelTwoFileOptimize(ff) : ff;
    const set = this.set;
    let filename = ff[ff.length - 1];
    if (!filename) {
      for (let i = ff.length - 2; !filename && i >= 0; i--) {
        filename = ff[i];
      }
    }
    for (let r = 0; r < set.length; r++) {
      const pattern = set[r];
      const shape = partial ? void 0 : this.#shapes[r];
      const hit = shape === "base" ? portionMatch(pattern[0], filename) : shape ? this.#matchShape(resolved, pattern, shape) : options.matchBase && pattern.length === 1 ? this.#matchRow([filename], [filename], pattern, partial) : this.#matchRow(ff, resolved, pattern, partial);
      if (hit) {
        if (options.flipNegate) {
          return true;
        }
        return !this.negate;
      }
    }
    if (options.flipNegate) {
      return false;
    }
    return this.negate;
  }
  static defaults(def) {
    return minimatch.defaults(def).Minimatch;
  }
};
minimatch.Minimatch = Minimatch;
minimatch.escape = escape;
minimatch.unescape = unescape;

// src/routing/path-rules.ts
var GLOB_OPTIONS = { dot: true, nocomment: true, nonegate: true };
function globProblem(pattern) {
  const negated = pattern.startsWith("!");
  const body = negated ? pattern.slice(1) : pattern;
  if (body === "") return "an empty pattern matches nothing";
  if (body.startsWith("/")) return "paths are relative to the repository root; drop the leading /";
  if (body.startsWith("./")) return "paths never start with './'; drop it";
  if (body.endsWith("/")) return "a path never ends with '/'; use 'dir/**' for a directory's files";
  if (body.includes("//")) return "'//' never matches a path";
  const problem = syntaxProblem(body, negated ? 1 : 0);
  if (problem !== void 0) return problem;
  try {
    new Minimatch(body, GLOB_OPTIONS);
  } catch (error) {
    return `minimatch refuses it: ${errorMessage(error)}`;
  }
  return void 0;
}
var ESCAPABLE = "*?[]{}()!+@,|\\";
var EXTGLOB = "?*+@!";
var POSIX_CLASSES = [
  "alnum",
  "alpha",
  "ascii",
  "blank",
  "cntrl",
  "digit",
  "graph",
  "lower",
  "print",
  "punct",
  "space",
  "upper",
  "word",
  "xdigit"
];
function syntaxProblem(glob, shift) {
  const column = (index) => `column ${index + shift + 1}`;
  const open = [];
  let escaped = -1;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "\\") {
      const next = glob[i + 1];
      if (next === void 0 || !ESCAPABLE.includes(next)) {
        return `use / as the path separator; '\\' (${column(i)}) only escapes one of ${ESCAPABLE}`;
      }
      escaped = ++i;
    } else if (c === "[") {
      const braceOpen = open.some((group) => group.text === "{");
      const end = classEnd2(glob, i, braceOpen, column);
      if (typeof end === "string") return end;
      i = end;
    } else if (c === "]") {
      return `']' at ${column(i)} closes no '['; escape it as '\\]' to match a literal ']'`;
    } else if (c === "{") {
      open.push({ text: "{", index: i });
    } else if (c === "}") {
      const group = open.pop();
      if (group === void 0) {
        return `'}' at ${column(i)} closes no '{'; escape it as '\\}' to match a literal '}'`;
      }
      if (group.text !== "{") {
        return `'}' at ${column(i)} comes before the ')' of '${group.text}' at ${column(group.index)}`;
      }
    } else if (c === "(" && i > 0 && escaped !== i - 1 && EXTGLOB.includes(glob[i - 1])) {
      open.push({ text: `${glob[i - 1]}(`, index: i - 1 });
    } else if (c === ")" && open.some((group) => group.text !== "{")) {
      const group = open.pop();
      if (group.text === "{") {
        return `')' at ${column(i)} comes before the '}' of '{' at ${column(group.index)}`;
      }
    }
  }
  const unclosed = open.pop();
  if (unclosed === void 0) return void 0;
  const close = unclosed.text === "{" ? "}" : ")";
  return `'${unclosed.text}' at ${column(unclosed.index)} is never closed with '${close}'; escape '${unclosed.text[0]}' as '\\${unclosed.text[0]}' to match it literally`;
}
function classEnd2(glob, start, insideBraces, column) {
  let i = start + 1;
  if (glob[i] === "!" || glob[i] === "^") i++;
  const first = i;
  let rangeFrom;
  for (; i < glob.length; i++) {
    let c = glob[i];
    if (c === "/" || insideBraces && (c === "," || c === "}")) break;
    if (c === "]" && i > first) return i;
    if (c === "[" && glob[i + 1] === ":") {
      const close = glob.indexOf(":]", i + 2);
      const name = close < 0 ? void 0 : glob.slice(i + 2, close);
      if (name !== void 0 && /^[a-z]+$/.test(name)) {
        if (!POSIX_CLASSES.includes(name)) {
          return `unknown class '[:${name}:]' at ${column(i)}, expected one of ${POSIX_CLASSES.map((n) => `[:${n}:]`).join(" ")}`;
        }
        i = close + 1;
        rangeFrom = void 0;
        continue;
      }
    }
    const at = i;
    if (c === "\\") {
      if (i + 1 >= glob.length) break;
      c = glob[++i];
    }
    if (glob[at] === "-" && rangeFrom !== void 0 && i + 1 < glob.length && glob[i + 1] !== "]") {
      let to = glob[++i];
      if (to === "/" || insideBraces && (to === "," || to === "}")) break;
      if (to === "\\") {
        if (i + 1 >= glob.length) break;
        to = glob[++i];
      }
      if (to.codePointAt(0) < rangeFrom.char.codePointAt(0)) {
        return `range '${rangeFrom.char}-${to}' at ${column(rangeFrom.index)} is reversed and matches nothing; write '${to}-${rangeFrom.char}'`;
      }
      rangeFrom = void 0;
      continue;
    }
    rangeFrom = { char: c, index: at };
  }
  const opening = glob.slice(start, first);
  if (glob[first] === "]" && glob.indexOf("]", first + 1) < 0) {
    return `'${opening}]' at ${column(start)} is an empty class, which matches nothing; escape brackets as '\\[' and '\\]' to match them literally`;
  }
  return `'[' at ${column(start)} opens a class that is never closed with ']'; escape it as '\\[' to match a literal '['`;
}
var MAGIC = /[*?[\]{}()!+@\\]/;
var MAGIC_RUN = /(?:\[[^\]]*\]|\{[^}]*\}|\([^)]*\)|[*?!+@\\])+/;
var escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function simpleGlobSource(glob) {
  if (/[[\]{}()!+@\\]/.test(glob)) return void 0;
  const segments = glob.split("/");
  let source = "";
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (segment === "**") {
      source += last ? "[^/].*" : "(?:[^/]+/)*";
      continue;
    }
    if (segment.includes("**")) return void 0;
    const body = segment === "*" ? "[^/]+" : segment.replace(
      /\*|\?|[^*?]+/g,
      (part) => part === "*" ? "[^/]*" : part === "?" ? "[^/]" : escapeRegex(part)
    );
    source += body + (last ? "" : "/");
  }
  return source;
}
function literalSuffix(pattern) {
  const first = pattern.search(MAGIC);
  if (first === -1) return pattern.slice(pattern.lastIndexOf("/") + 1);
  return /[^*?[\]{}()!+@\\/]*$/.exec(pattern.slice(first))?.[0] ?? "";
}
function extensionOf(text) {
  const dot = text.lastIndexOf(".");
  return dot < 0 || text.includes("/", dot) ? "" : text.slice(dot);
}
function compileGlob(pattern) {
  const first = pattern.search(MAGIC);
  if (first === -1) return (path2) => path2 === pattern;
  const prefix2 = pattern.slice(0, first);
  const suffix = literalSuffix(pattern);
  const sources = braceExpand(pattern, GLOB_OPTIONS).map(simpleGlobSource);
  let test;
  if (sources.every((s) => s !== void 0)) {
    const regex = new RegExp(`^(?:${sources.join("|")})$`, "s");
    test = (path2) => regex.test(path2);
  } else {
    const matcher = new Minimatch(pattern, GLOB_OPTIONS);
    test = (path2) => matcher.match(path2);
  }
  const inner = pattern.slice(first).split(MAGIC_RUN).map((run) => run.replace(/^\/+|\/+$/g, "")).sort((a, b) => b.length - a.length)[0] ?? "";
  if (inner.length < 3)
    return (path2) => path2.startsWith(prefix2) && path2.endsWith(suffix) && test(path2);
  return (path2) => path2.startsWith(prefix2) && path2.endsWith(suffix) && path2.includes(inner) && test(path2);
}
var NONE = [];
var newNode = () => ({ children: /* @__PURE__ */ new Map(), rules: /* @__PURE__ */ new Map() });
var RuleSet = class {
  #rules = [];
  #matchers = [];
  #root = newNode();
  #lists;
  /** Per matcher, the generation its cached answer belongs to, and the answer. */
  #answeredIn;
  #answer;
  #generation = 0;
  /** Per list, the index of the last rule that matched the path being routed. */
  #best;
  constructor(lists) {
    this.#lists = lists.length;
    const matcherOf = /* @__PURE__ */ new Map();
    lists.forEach((patterns, list) => {
      for (const raw of patterns) {
        const negate = raw.startsWith("!");
        const pattern = negate ? raw.slice(1) : raw;
        let matcher = matcherOf.get(pattern);
        if (matcher === void 0) {
          matcher = this.#matchers.push(compileGlob(pattern)) - 1;
          matcherOf.set(pattern, matcher);
        }
        let node = this.#root;
        for (const segment of pattern.split("/")) {
          if (MAGIC.test(segment)) break;
          let child = node.children.get(segment);
          if (!child) {
            child = newNode();
            node.children.set(segment, child);
          }
          node = child;
        }
        const extension = extensionOf(literalSuffix(pattern));
        const bucket = node.rules.get(extension);
        if (bucket) bucket.push(this.#rules.length);
        else node.rules.set(extension, [this.#rules.length]);
        this.#rules.push({ pattern: raw, negate, list, matcher });
      }
    });
    this.#answeredIn = new Uint32Array(this.#matchers.length);
    this.#answer = new Uint8Array(this.#matchers.length);
    this.#best = new Int32Array(this.#lists);
  }
  #test(matcher, path2) {
    if (this.#answeredIn[matcher] === this.#generation) return this.#answer[matcher] === 1;
    const answer = this.#matchers[matcher](path2);
    this.#answeredIn[matcher] = this.#generation;
    this.#answer[matcher] = answer ? 1 : 0;
    return answer;
  }
  #consider(node, path2, extension, best) {
    this.#considerRules(node.rules.get("") ?? NONE, path2, best);
    if (extension !== "") this.#considerRules(node.rules.get(extension) ?? NONE, path2, best);
  }
  #considerRules(indexes, path2, best) {
    for (const index of indexes) {
      const rule = this.#rules[index];
      if (index > best[rule.list] && this.#test(rule.matcher, path2)) best[rule.list] = index;
    }
  }
  /** For each list, the include rule that claims the path, or undefined. */
  match(path2) {
    this.#generation = this.#generation + 1 >>> 0 || 1;
    const best = this.#best.fill(-1);
    const extension = extensionOf(path2);
    let node = this.#root;
    this.#consider(node, path2, extension, best);
    let start = 0;
    while (start <= path2.length) {
      const slash = path2.indexOf("/", start);
      const end = slash < 0 ? path2.length : slash;
      node = node.children.get(path2.slice(start, end));
      if (node === void 0) break;
      this.#consider(node, path2, extension, best);
      start = end + 1;
    }
    const claims = new Array(this.#lists);
    for (let list = 0; list < this.#lists; list++) {
      const index = best[list];
      const rule = index < 0 ? void 0 : this.#rules[index];
      claims[list] = rule === void 0 || rule.negate ? void 0 : rule.pattern;
    }
    return claims;
  }
};
var PathRules = class {
  #set;
  constructor(patterns) {
    this.#set = new RuleSet([patterns]);
  }
  /** The include rule that claims the path, or undefined when none does (or an exclude wins). */
  match(path2) {
    return this.#set.match(path2)[0];
  }
};

// src/routing/structured-keys.ts
function formatOfPath(path2) {
  const name = path2.slice(path2.lastIndexOf("/") + 1).toLowerCase();
  const dot = name.lastIndexOf(".");
  if (dot === -1) return void 0;
  switch (name.slice(dot + 1)) {
    case "toml":
      return "toml";
    case "json":
      return "json";
    case "yaml":
    case "yml":
      return "yaml";
    default:
      return void 0;
  }
}
var MAX_NESTING = MAX_YAML_NESTING;
var MIB = 1024 * 1024;
var MAX_TEXT_BYTES = {
  json: 64 * MIB,
  toml: 64 * MIB,
  yaml: 16 * MIB
};
var MAX_YAML_ALIASES = 1e3;
var FORMAT_NAMES = {
  json: "JSON",
  toml: "TOML",
  yaml: "YAML"
};
function parseStructured(text, format) {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_TEXT_BYTES[format]) {
    throw new Error(
      `${FORMAT_NAMES[format]} of ${formatMib(bytes)}, more than the ${formatMib(MAX_TEXT_BYTES[format])} lanekit parses`
    );
  }
  switch (format) {
    case "json":
      return parseJson(text);
    case "toml":
      return checkTomlNesting(parseTomlText(text));
    case "yaml":
      return parseYamlText(text);
  }
}
function formatMib(bytes) {
  return `${(bytes / MIB).toFixed(1).replace(/\.0$/, "")} MiB`;
}
function jsonTooDeep(text) {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_NESTING) return { line, column: i - lineStart + 1 };
    } else if (c === 93 || c === 125) {
      depth--;
    } else if (c === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return void 0;
}
function parseJson(text) {
  const deep = jsonTooDeep(text);
  if (deep) {
    throw new Error(
      `invalid JSON at line ${deep.line}, column ${deep.column}: arrays and objects nested deeper than ${MAX_NESTING} levels`
    );
  }
  try {
    return JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (error) {
    const message = errorMessage(error);
    const position = /\(line (\d+) column (\d+)\)/.exec(message);
    const detail = message.replace(/( at position \d+)?\s*\(line \d+ column \d+\)/, "");
    if (position) {
      throw new Error(`invalid JSON at line ${position[1]}, column ${position[2]}: ${detail}`);
    }
    throw new Error(`invalid JSON: ${detail}`);
  }
}
var TOML_NESTING = `tables and arrays nested deeper than ${MAX_NESTING} levels`;
function parseTomlText(text) {
  try {
    return parse(text, { maxDepth: MAX_NESTING - 1 });
  } catch (error) {
    if (error instanceof TomlError) {
      const detail = firstLine(error.message).replace(/^Invalid TOML document:\s*/, "").replace(/^document contains excessively nested structures.*/, TOML_NESTING);
      throw new Error(`invalid TOML at line ${error.line}, column ${error.column}: ${detail}`);
    }
    throw new Error(`invalid TOML: ${firstLine(errorMessage(error))}`);
  }
}
function checkTomlNesting(doc) {
  const pending = [[doc, 1]];
  for (let next = pending.pop(); next !== void 0; next = pending.pop()) {
    const [node, depth] = next;
    const children = Array.isArray(node) ? node : isTable(node) ? Object.values(node) : void 0;
    if (children === void 0) continue;
    if (depth > MAX_NESTING) {
      throw new Error(`invalid TOML: ${TOML_NESTING}`);
    }
    for (const child of children) pending.push([child, depth + 1]);
  }
  return doc;
}
function parseYamlText(text) {
  try {
    const { document, aliasTargets } = readYaml(text);
    if (aliasTargets.size > MAX_YAML_ALIASES) {
      throw new Error(
        `${aliasTargets.size} aliases, more than the ${MAX_YAML_ALIASES} lanekit resolves`
      );
    }
    return document.toJS() ?? null;
  } catch (error) {
    if (error instanceof YamlSyntaxError) {
      throw new Error(
        `invalid YAML at line ${error.line}, column ${error.column}: ${error.message}`
      );
    }
    throw new Error(`invalid YAML: ${firstLine(errorMessage(error))}`);
  }
}
function firstLine(text) {
  const end = text.indexOf("\n");
  return (end === -1 ? text : text.slice(0, end)).trim();
}
function parseKeyPattern(pattern) {
  const fail = (problem) => new ConfigurationError(`key pattern '${pattern}': ${problem}`);
  if (pattern.trim() === "") throw fail("is empty");
  const segments = [];
  let i = 0;
  const skipSpace = () => {
    while (i < pattern.length && isSpace(pattern[i])) i++;
  };
  for (; ; ) {
    skipSpace();
    const start = i;
    const quote = pattern[i];
    if (quote === '"' || quote === "'") {
      const { value, end } = readQuoted(pattern, i, fail);
      segments.push({ kind: "literal", value });
      i = end;
      skipSpace();
      if (i < pattern.length && pattern[i] !== ".") {
        throw fail(`unexpected '${pattern[i]}' after the quoted segment at column ${start + 1}`);
      }
    } else {
      while (i < pattern.length && pattern[i] !== "." && !isSpace(pattern[i])) {
        const c = pattern[i];
        if (c === '"' || c === "'") {
          throw fail(`a quote may only open a segment (column ${i + 1}); quote the whole segment`);
        }
        if (isControl(c)) throw fail(`control character at column ${i + 1}`);
        i++;
      }
      const bare = pattern.slice(start, i);
      skipSpace();
      if (i < pattern.length && pattern[i] !== ".") {
        throw fail(`whitespace inside the segment at column ${start + 1}; quote the segment`);
      }
      if (bare === "") {
        throw fail(`empty segment at column ${start + 1}; quote it ("") to name an empty key`);
      }
      if (bare === "*") segments.push({ kind: "one" });
      else if (bare === "**") segments.push({ kind: "any" });
      else if (bare.includes("*")) {
        throw fail(
          `'*' must be a whole segment ('*' or '**'), got '${bare}'; quote the segment to match a literal '*'`
        );
      } else segments.push({ kind: "literal", value: bare });
    }
    if (i >= pattern.length) break;
    i++;
    if (i >= pattern.length || pattern.slice(i).trim() === "") {
      throw fail("ends with a dot (empty last segment)");
    }
  }
  return { source: pattern, segments };
}
function readQuoted(pattern, open, fail) {
  const quote = pattern[open];
  let value = "";
  let i = open + 1;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === quote) return { value, end: i + 1 };
    if (c === "\\" && quote === '"') {
      const escaped = readEscape(pattern, i);
      if (escaped === void 0) throw fail(`invalid escape at column ${i + 1}`);
      value += escaped.text;
      i = escaped.end;
      continue;
    }
    value += c;
    i++;
  }
  throw fail(`unclosed ${quote === '"' ? "double" : "single"} quote at column ${open + 1}`);
}
var SIMPLE_ESCAPES = {
  '"': '"',
  "\\": "\\",
  n: "\n",
  t: "	",
  r: "\r",
  b: "\b",
  f: "\f"
};
function readEscape(pattern, at) {
  const kind = pattern[at + 1];
  if (kind === void 0) return void 0;
  const simple = SIMPLE_ESCAPES[kind];
  if (simple !== void 0) return { text: simple, end: at + 2 };
  const digits = kind === "u" ? 4 : kind === "U" ? 8 : 0;
  if (digits === 0) return void 0;
  const hex = pattern.slice(at + 2, at + 2 + digits);
  if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return void 0;
  const code2 = Number.parseInt(hex, 16);
  if (code2 > 1114111) return void 0;
  return { text: String.fromCodePoint(code2), end: at + 2 + digits };
}
function isSpace(c) {
  return c === " " || c === "	";
}
function isControl(c) {
  const code2 = c.charCodeAt(0);
  return code2 < 32 || code2 === 127;
}
function formatKeyPath(key) {
  return key.map(formatSegment).join(".");
}
function formatSegment(segment) {
  if (/^[A-Za-z0-9_-]+$/.test(segment)) return segment;
  let quoted = '"';
  for (const c of segment) {
    if (c === '"' || c === "\\") quoted += `\\${c}`;
    else if (c === "\n") quoted += "\\n";
    else if (c === "	") quoted += "\\t";
    else if (c === "\r") quoted += "\\r";
    else if (isControl(c)) quoted += `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
    else quoted += c;
  }
  return `${quoted}"`;
}
function keyPatternMatches(pattern, key) {
  const segments = pattern.segments;
  const width = key.length + 1;
  const seen = /* @__PURE__ */ new Set();
  const pending = [0];
  const reach = (i, j, byGlobstar) => {
    const state = (i * width + j) * 2 + (byGlobstar ? 1 : 0);
    if (!seen.has(state)) {
      seen.add(state);
      pending.push(state);
    }
  };
  for (let state = pending.pop(); state !== void 0; state = pending.pop()) {
    const byGlobstar = state % 2 === 1;
    const j = (state - state % 2) / 2 % width;
    const i = ((state - state % 2) / 2 - j) / width;
    if (i === segments.length) return true;
    if (j === key.length && !byGlobstar) return true;
    const segment = segments[i];
    if (segment.kind === "any") {
      reach(i + 1, j, byGlobstar);
      if (j < key.length) reach(i, j + 1, true);
    } else if (j < key.length && (segment.kind === "one" || segment.value === key[j])) {
      reach(i + 1, j + 1, false);
    }
  }
  return false;
}
function keyPatternMatchesDocument(pattern, doc) {
  if (doc === void 0) return false;
  const segments = pattern.segments;
  const searched = /* @__PURE__ */ new Map();
  const pending = [[0, doc]];
  for (let next = pending.pop(); next !== void 0; next = pending.pop()) {
    const [i, node] = next;
    if (i === segments.length) return true;
    const segment = segments[i];
    if (segment.kind === "any") pending.push([i + 1, node]);
    if (kindOf(node) === "scalar") continue;
    const container = node;
    let seen = searched.get(container);
    if (seen === void 0) searched.set(container, seen = /* @__PURE__ */ new Set());
    if (seen.has(i)) continue;
    seen.add(i);
    if (segment.kind === "literal") {
      const child = childNamed(node, segment.value);
      if (child.present) pending.push([i + 1, child.value]);
      continue;
    }
    const after = segment.kind === "one" ? i + 1 : i;
    for (const [, child] of childrenOf(node) ?? []) pending.push([after, child]);
  }
  return false;
}
function changedKeyPaths(base, head) {
  return [...keyChanges(base, head)];
}
function sameDocument(a, b) {
  return keyChanges(a, b).next().done === true;
}
function keyPathOf(link) {
  const path2 = [];
  for (let at = link; at !== void 0; at = at.parent) path2.push(at.name);
  return path2.reverse();
}
function* keyChanges(base, head) {
  const active = /* @__PURE__ */ new Set();
  const tasks = [{ kind: "compare", a: base, b: head }];
  for (let task = tasks.pop(); task !== void 0; task = tasks.pop()) {
    if (task.kind === "leave") {
      for (const container of task.containers) active.delete(container);
      continue;
    }
    if (task.kind === "leaves") {
      const { node, at: at2 } = task;
      const children = childrenOf(node);
      if (children === void 0 || children.length === 0 || active.has(node)) {
        yield keyPathOf(at2);
        continue;
      }
      active.add(node);
      tasks.push({ kind: "leave", containers: [node] });
      const ordered2 = sortedChildren(node, children);
      for (let index = ordered2.length - 1; index >= 0; index--) {
        const [name, child] = ordered2[index];
        tasks.push({ kind: "leaves", node: child, at: { name, parent: at2 } });
      }
      continue;
    }
    const { a, b, at } = task;
    if (a === void 0 && b === void 0) continue;
    if (a === void 0 || b === void 0) {
      tasks.push({ kind: "leaves", node: a === void 0 ? b : a, at });
      continue;
    }
    const kindA = kindOf(a);
    if (kindA !== kindOf(b)) {
      yield keyPathOf(at);
      continue;
    }
    if (kindA === "scalar") {
      if (!sameScalar(a, b)) yield keyPathOf(at);
      continue;
    }
    if (a === b || active.has(a) || active.has(b)) continue;
    active.add(a);
    active.add(b);
    tasks.push({ kind: "leave", containers: [a, b] });
    const names = /* @__PURE__ */ new Set([...childNames(a), ...childNames(b)]);
    const ordered = kindA === "array" ? [...names].sort(byIndex) : [...names].sort(byCodeUnit);
    for (let index = ordered.length - 1; index >= 0; index--) {
      const name = ordered[index];
      const child = { name, parent: at };
      tasks.push({
        kind: "compare",
        a: childNamed(a, name).value,
        b: childNamed(b, name).value,
        at: child
      });
    }
  }
}
function kindOf(node) {
  if (Array.isArray(node)) return "array";
  return isTable(node) ? "object" : "scalar";
}
function isTable(node) {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return false;
  const proto = Object.getPrototypeOf(node);
  return proto === Object.prototype || proto === null;
}
function childrenOf(node) {
  if (Array.isArray(node)) return node.map((value, index) => [String(index), value]);
  if (isTable(node)) return Object.entries(node);
  return void 0;
}
function childNames(node) {
  if (Array.isArray(node)) return node.map((_, index) => String(index));
  return isTable(node) ? Object.keys(node) : [];
}
function childNamed(node, name) {
  if (Array.isArray(node)) {
    if (!/^(0|[1-9][0-9]*)$/.test(name)) return { present: false, value: void 0 };
    const index = Number(name);
    return index < node.length ? { present: true, value: node[index] } : { present: false, value: void 0 };
  }
  if (isTable(node) && Object.hasOwn(node, name)) return { present: true, value: node[name] };
  return { present: false, value: void 0 };
}
function sortedChildren(node, children) {
  return Array.isArray(node) ? children : children.sort(([x], [y]) => byCodeUnit(x, y));
}
function byCodeUnit(x, y) {
  return x < y ? -1 : x > y ? 1 : 0;
}
function byIndex(x, y) {
  return Number(x) - Number(y);
}
function sameScalar(a, b) {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && dateText(a) === dateText(b);
  }
  return Object.is(a, b);
}
function dateText(date) {
  return Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString();
}

// src/routing/routes-config.ts
var DEFAULT_ROUTES_FILE = ".github/lanekit/routes.yml";
var RESERVED_OUTPUTS = ["plan", "plan-file", "routes", "changed-files", "fallback-reason"];
var ROUTES_FILE_KEYS = ["routes", "fallback", "force"];
var ROUTE_KEYS = ["paths", "status", "keys", "mise-tools", "implies"];
var FORCE_KEYS = ["labels", "trailers"];
var ROUTE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
var STATUSES = ["added", "modified", "deleted", "renamed"];
function parseTrailer(text) {
  const match2 = /^([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s*(.+)$/.exec(text.trim());
  if (!match2) return void 0;
  return { key: match2[1].toLowerCase(), value: match2[2].trim().toLowerCase(), text: text.trim() };
}
function parseRoute(name, node) {
  const fields = node.fields(ROUTE_KEYS);
  const pathNodes = fields.paths?.items() ?? [];
  const paths = pathNodes.map((item) => {
    const glob = item.string();
    const problem = globProblem(glob);
    if (problem) throw item.error(`invalid glob '${glob}': ${problem}`);
    return glob;
  });
  let statuses;
  if (fields.status) {
    statuses = new Set(
      fields.status.items().map((item) => {
        const value = item.string();
        const status = STATUSES.find((s) => s === value);
        if (!status) throw item.error(`got '${value}', expected one of ${STATUSES.join("|")}`);
        return status;
      })
    );
  }
  const keys = (fields.keys?.entries() ?? []).map(([file, list]) => {
    const problem = globProblem(file);
    if (problem || file.startsWith("!")) {
      throw list.error(
        `invalid file glob '${file}': ${problem ?? "a key classifier names files to read"}`
      );
    }
    if (formatOfPath(file) === void 0) {
      throw list.error(
        `cannot classify keys of '${file}': expected a .toml, .json, .yaml or .yml file`
      );
    }
    const patterns = list.items().map((item) => {
      const text = item.string();
      try {
        return { text, pattern: parseKeyPattern(text) };
      } catch (error) {
        if (error instanceof ConfigurationError) throw item.error(error.message);
        throw error;
      }
    });
    return { file, fileRules: new PathRules([file]), patterns };
  });
  const miseTools = fields["mise-tools"]?.strings() ?? [];
  const implies = fields.implies?.items() ?? [];
  if (paths.length === 0 && keys.length === 0 && miseTools.length === 0) {
    throw node.error("a route needs at least one of paths, keys or mise-tools");
  }
  return {
    route: { name, paths, statuses, keys, miseTools, implies: implies.map((i) => i.string()) },
    implies
  };
}
function checkImplications(parsed) {
  const byName = new Map(parsed.map((p) => [p.route.name, p]));
  const state = /* @__PURE__ */ new Map();
  for (const { route } of parsed) {
    if (state.has(route.name)) continue;
    state.set(route.name, "visiting");
    const trail = [{ name: route.name, next: 0 }];
    while (trail.length > 0) {
      const top = trail.at(-1);
      const implies = byName.get(top.name).implies;
      const item = implies[top.next++];
      if (item === void 0) {
        state.set(top.name, "done");
        trail.pop();
        continue;
      }
      const target = item.string();
      if (state.get(target) === "visiting") {
        const names = trail.map((t) => t.name);
        const cycle = [...names.slice(names.indexOf(target)), target];
        throw item.error(`implies: cycle ${shownCycle(cycle)}; remove one of its implications`);
      }
      if (state.has(target)) continue;
      state.set(target, "visiting");
      trail.push({ name: target, next: 0 });
    }
  }
}
function shownCycle(names) {
  const kept = 8;
  if (names.length <= kept * 2) return names.join(" -> ");
  const left = names.length - kept * 2;
  return [...names.slice(0, kept), `(${left} more)`, ...names.slice(-kept)].join(" -> ");
}
function checkRouteName(name, node, seen) {
  if (!ROUTE_NAME.test(name)) {
    throw node.error(
      `route name '${name}' cannot be an output id: use letters, digits, '_' and '-', starting with a letter or '_'`
    );
  }
  const folded = name.toLowerCase();
  const reserved = RESERVED_OUTPUTS.find((output) => output === folded);
  if (reserved === name) {
    throw node.error(
      `route name '${name}' is taken by an output of the same name; rename the route`
    );
  }
  if (reserved !== void 0) {
    throw node.error(
      `route name '${name}' is taken by an output, '${reserved}' (output names ignore case); rename the route`
    );
  }
  const other = seen.get(folded);
  if (other !== void 0) {
    throw node.error(
      `route name '${name}' and route '${other.name}' at ${other.node.location()} differ only in case, and output names ignore case; rename one of them`
    );
  }
  seen.set(folded, { name, node });
}
function parseRoutesConfig(text, origin) {
  const root = ConfigNode.parse(text, origin);
  const fields = root.fields(ROUTES_FILE_KEYS);
  if (!fields.routes || fields.routes.isMissing) throw root.error("missing 'routes:' mapping");
  const seen = /* @__PURE__ */ new Map();
  const parsed = fields.routes.entries().map(([name, node]) => {
    checkRouteName(name, node, seen);
    return parseRoute(name, node);
  });
  const routes = parsed.map((p) => p.route);
  if (routes.length === 0) throw fields.routes.error("define at least one route");
  const names = new Set(routes.map((r) => r.name));
  const knownRoute = (node, what) => {
    const name = node.string();
    if (!names.has(name)) {
      throw node.error(
        `${what} names unknown route '${name}', expected one of ${[...names].join("|")}`
      );
    }
    return name;
  };
  for (const { route, implies } of parsed) {
    for (const item of implies) {
      if (knownRoute(item, "implies") === route.name) {
        throw item.error(`route '${route.name}' implies itself`);
      }
    }
  }
  checkImplications(parsed);
  let fallback = [...names];
  const fallbackNode = fields.fallback;
  if (fallbackNode && !fallbackNode.isMissing) {
    if (fallbackNode.isList) {
      fallback = fallbackNode.items().map((item) => knownRoute(item, "fallback"));
    } else if (!fallbackNode.isScalar || fallbackNode.text() !== "all") {
      throw fallbackNode.error(
        `got '${fallbackNode.text()}', expected all, [] or a list of routes`
      );
    }
  }
  const force = fields.force?.fields(FORCE_KEYS);
  const trailers = (force?.trailers?.items() ?? []).map((item) => {
    const trailer = parseTrailer(item.string());
    if (!trailer)
      throw item.error(`got '${item.text()}', expected a trailer such as 'CI-Routes: all'`);
    return trailer;
  });
  return {
    routes,
    pathRules: new RuleSet(routes.map((r) => r.paths)),
    fallback,
    force: { labels: force?.labels?.strings() ?? [], trailers }
  };
}

// src/routing/plan-summary.ts
var SHOWN_REASONS = 3;
function describeReason(reason) {
  switch (reason.type) {
    case "path":
      return `${reason.path} matches ${reason.rule}`;
    case "key":
      return `${reason.file}: key ${reason.key} changed (${reason.rule})`;
    case "tool":
      return `${reason.file}: tool ${reason.tool} ${reason.change} (${reason.key})`;
    case "implied":
      return `implied by ${reason.by}`;
    case "parse-error":
      return `${reason.cause} (${reason.detail})`;
    case "fallback":
      return reason.cause;
  }
}
function reasonMarkdown(reason) {
  switch (reason.type) {
    case "path":
      return `${code(reason.path)} matches ${code(reason.rule)}`;
    case "key":
      return `${code(reason.file)} key ${code(reason.key)} changed`;
    case "tool":
      return `${code(reason.file)} tool ${code(reason.tool)} ${reason.change}`;
    case "implied":
      return `implied by ${code(reason.by)}`;
    case "parse-error":
      return `${code(reason.cause)}: ${markdownText(reason.detail)}`;
    case "fallback":
      return code(reason.cause);
  }
}
function planSummary(plan) {
  const entries = Object.entries(plan.routes);
  const running = entries.filter(([, r]) => r.run).length;
  const rows = entries.map(([name, route]) => {
    const shown = route.reasons.slice(0, SHOWN_REASONS).map(reasonMarkdown);
    const more = route.reasons.length + route.omittedReasons - shown.length;
    if (more > 0) shown.push(`and ${more} more`);
    return [code(name), route.run ? "\u2705 run" : "\u23ED\uFE0F skip", shown.join("<br>") || "\u2014"];
  });
  let out = `### change-router: ${running} of ${entries.length} routes run

`;
  out += table(["route", "run", "why"], rows);
  const range = plan.base ? `${code(plan.base.slice(0, 12))}\u2026${code((plan.head ?? "").slice(0, 12))}` : "none";
  out += `
${plan.changedFiles} changed files, ${plan.source} diff ${range}: ${markdownText(plan.how)}.
`;
  if (plan.fallbackReason) out += `
Fallback: ${code(plan.fallbackReason)}.
`;
  if (plan.warnings.length > 0) {
    out += `
**Configuration drift:**
${plan.warnings.map((w) => `- ${markdownText(w)}`).join("\n")}
`;
  }
  const folded = entries.filter(([, r]) => r.reasons.length > SHOWN_REASONS).map(([name, r]) => {
    const list = r.reasons.map((reason) => `- ${reasonMarkdown(reason)}`).join("\n");
    const omitted = r.omittedReasons > 0 ? `
- and ${r.omittedReasons} more (not listed)` : "";
    return details(
      `All ${r.reasons.length + r.omittedReasons} reasons for ${code(name)}`,
      list + omitted
    );
  });
  return out + (folded.length > 0 ? `
${folded.join("\n")}` : "");
}

// src/github/changed-files.ts
async function listPullRequestFiles(client, repo, pullNumber) {
  return apiCall(
    `pulls.listFiles for #${pullNumber}`,
    () => client.paginate("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
      ...repo,
      pull_number: pullNumber,
      per_page: 100
    })
  );
}
async function compareRevisions(client, repo, basehead) {
  const { data } = await apiCall(
    `compare ${basehead}`,
    () => client.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
      ...repo,
      basehead,
      per_page: 1
    })
  );
  return { files: data.files ?? [], mergeBase: data.merge_base_commit.sha };
}

// src/routing/api-diff.ts
var PULL_FILES_CAP = 3e3;
var COMPARE_FILES_CAP = 300;
function toChangedFile(file) {
  const status = {
    added: "added",
    copied: "added",
    removed: "deleted",
    modified: "modified",
    changed: "modified",
    renamed: "renamed"
  };
  const mapped = status[file.status];
  if (mapped === void 0) return void 0;
  return mapped === "renamed" && file.previous_filename !== void 0 ? { path: file.filename, status: mapped, previousPath: file.previous_filename } : { path: file.filename, status: mapped };
}
var branchName = (rev) => rev.replace(/^refs\/heads\//, "");
async function apiDiff(client, repo, request, pull) {
  if (request.kind === "all") return request;
  if (pull !== void 0) {
    const files2 = await listPullRequestFiles(client, repo, pull.number);
    if (files2.length >= PULL_FILES_CAP || (pull.changed_files ?? 0) >= PULL_FILES_CAP) {
      return {
        kind: "all",
        cause: "diff-truncated",
        head: request.head,
        how: `GitHub lists at most ${PULL_FILES_CAP} files of a pull request and this one reached the cap`
      };
    }
    if (pull.changed_files !== void 0 && files2.length < pull.changed_files) {
      return {
        kind: "all",
        cause: "diff-truncated",
        head: request.head,
        how: `the API listed ${files2.length} of the pull request's ${pull.changed_files} changed files`
      };
    }
    return {
      kind: "diff",
      base: request.base,
      head: request.head,
      how: `${request.how} (pull request files from the API)`,
      files: files2.flatMap((f) => toChangedFile(f) ?? [])
    };
  }
  const basehead = `${branchName(request.base)}...${branchName(request.head)}`;
  const { files, mergeBase } = await compareRevisions(client, repo, basehead);
  if (files.length >= COMPARE_FILES_CAP) {
    return {
      kind: "all",
      cause: "diff-truncated",
      head: request.head,
      how: `GitHub's compare lists at most ${COMPARE_FILES_CAP} files and this comparison reached the cap`
    };
  }
  return {
    kind: "diff",
    base: mergeBase,
    head: request.head,
    how: `${request.how} (compare from the API)`,
    files: files.flatMap((f) => toChangedFile(f) ?? [])
  };
}
function apiContentReader(client, repo, base, head) {
  return {
    read: (requests) => readContents(
      client,
      repo,
      requests.map(({ side, path: path2 }) => ({ path: path2, ref: side === "base" ? base : head }))
    )
  };
}

// src/routing/event-range.ts
function defaultBranchRange(event, head, why) {
  const branch = event.payload.repository?.default_branch;
  const pushed = (event.payload.ref ?? event.ref ?? "").replace(/^refs\/heads\//, "");
  if (!branch || branch === pushed) {
    return {
      kind: "all",
      cause: `base-unknown:${why}`,
      head,
      how: branch ? `${why} of the default branch '${branch}': no earlier commit to compare with` : `${why}: the payload names no default branch`
    };
  }
  return {
    kind: "merge-base",
    base: `refs/heads/${branch}`,
    head,
    how: `${why}: merge base with the default branch '${branch}'`
  };
}
function requestRange(event, overrides) {
  const { payload } = event;
  const pr = payload.pull_request;
  const group = payload.merge_group;
  const head = overrides.head ?? (PULL_REQUEST_EVENTS.includes(event.name) && pr ? pr.head.sha : event.name === "merge_group" && group ? group.head_sha : event.name === "push" && payload.after !== void 0 && !isNullSha(payload.after) ? payload.after : event.sha ?? "HEAD");
  if (overrides.noBase !== void 0) return { kind: "all", head, ...overrides.noBase };
  if (overrides.base !== void 0) {
    return {
      kind: "merge-base",
      base: overrides.base,
      head,
      how: overrides.baseHow ?? "the base input"
    };
  }
  if (PULL_REQUEST_EVENTS.includes(event.name) && pr) {
    return {
      kind: "merge-base",
      base: pr.base.sha,
      head,
      how: "merge base of the pull request base and head"
    };
  }
  if (event.name === "merge_group" && group) {
    return { kind: "merge-base", base: group.base_sha, head, how: "merge group base_sha" };
  }
  if (event.name === "push") {
    const ref = payload.ref ?? event.ref ?? "";
    if (ref.startsWith("refs/tags/")) {
      return {
        kind: "all",
        cause: "event:push-tag",
        head,
        how: "a tag push has no base to compare with"
      };
    }
    if (payload.created === true || isNullSha(payload.before)) {
      return defaultBranchRange(event, head, "new-branch");
    }
    if (payload.forced === true) return defaultBranchRange(event, head, "force-push");
    return { kind: "merge-base", base: payload.before, head, how: "push before..after" };
  }
  const name = event.name === "" ? "unknown" : event.name;
  return {
    kind: "all",
    cause: `event:${name}`,
    head,
    how: `the '${name}' event has no base to compare with; set the base input to compare`
  };
}

// src/routing/force.ts
function messageTrailers(message) {
  const paragraphs = message.replace(/\r\n/g, "\n").trim().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? "";
  return last.split("\n").flatMap((line) => parseTrailer(line) ?? []);
}
function forceCause(config, payload, messages) {
  const labels = new Set((payload.pull_request?.labels ?? []).map((l) => l.name));
  const label = config.force.labels.find((l) => labels.has(l));
  if (label !== void 0) return `label:${label}`;
  for (const message of messages) {
    for (const found of messageTrailers(message)) {
      const wanted = config.force.trailers.find(
        (t) => t.key === found.key && t.value === found.value
      );
      if (wanted) return `trailer:${wanted.text}`;
    }
  }
  return void 0;
}
function payloadMessages(payload) {
  return [
    ...(payload.commits ?? []).map((c) => c.message ?? ""),
    payload.head_commit?.message ?? "",
    payload.merge_group?.head_commit?.message ?? ""
  ].filter((m) => m !== "");
}

// src/git/merge-base.ts
var DEEPEN_STEPS = [32, 128, 512, 3072];
async function findMergeBase(repo, base, head, log) {
  let candidates = await repo.mergeBases(base, head);
  let certain = await proven(repo, base, head, candidates);
  for (const depth of DEEPEN_STEPS) {
    if (certain) break;
    log.info(
      candidates.length === 0 ? `No merge base in the shallow clone yet; deepening by ${depth} commits` : `A nearer merge base than ${candidates[0]} may be beyond the shallow history; deepening by ${depth} commits`
    );
    const fetched = await repo.fetch([`--deepen=${depth}`, "origin", "--", base, head]);
    if (!fetched.ok) return { found: false, candidate: candidates[0], failure: fetched.failure };
    candidates = await repo.mergeBases(base, head);
    certain = await proven(repo, base, head, candidates);
  }
  return certain && candidates.length > 0 ? { found: true, mergeBase: candidates[0] } : { found: false, candidate: candidates[0] };
}
async function proven(repo, base, head, candidates) {
  if (!await repo.isShallow()) return true;
  if (candidates.length === 0) return false;
  for (const candidate of candidates) {
    if ((await repo.boundaryCommits([base, head], candidate)).length > 0) return false;
  }
  return true;
}

// src/routing/git-diff.ts
var FETCHED_AT_MOST = DEEPEN_STEPS.reduce((sum, step) => sum + step, 0);
async function ensureCommit(repo, rev, shallow, log) {
  const local = await repo.resolveCommit(rev) ?? await repo.resolveCommit(`origin/${rev.replace(/^refs\/heads\//, "")}`);
  if (local !== void 0) return { sha: local };
  log.info(`Fetching ${rev} from origin`);
  const refspec = rev.startsWith("refs/") ? `+${rev}:refs/remotes/origin/${rev.replace(/^refs\/heads\//, "")}` : rev;
  const fetched = await repo.fetch([...shallow ? ["--depth=1"] : [], "origin", "--", refspec]);
  if (!fetched.ok) return { sha: void 0, failure: fetched.failure };
  return { sha: await repo.resolveCommit("FETCH_HEAD") };
}
function fetchProblem(failure, log) {
  if (failure === void 0) return "";
  const problem = describeFetchFailure(failure);
  log.warning(`change-router could not fetch from origin: ${problem}`);
  return `: ${problem}`;
}
async function gitDiff(repo, request, log) {
  const result = await resolveDiff(repo, request, log);
  if (repo.authenticated) {
    log.info(
      "origin asked for credentials the checkout did not leave: fetched with the token input"
    );
  }
  return result;
}
async function resolveDiff(repo, request, log) {
  const shallow = await repo.isShallow();
  const head = request.head === void 0 ? void 0 : await ensureCommit(repo, request.head, shallow, log);
  if (request.kind === "all") return { ...request, head: head?.sha ?? request.head };
  if (head?.sha === void 0) {
    return {
      kind: "all",
      cause: "base-unreachable",
      head: request.head,
      how: `head ${request.head} is not in the clone and could not be fetched${fetchProblem(head?.failure, log)}`
    };
  }
  const base = await ensureCommit(repo, request.base, shallow, log);
  if (base.sha === void 0) {
    return {
      kind: "all",
      cause: "base-unreachable",
      head: head.sha,
      how: `${request.how}: ${request.base} could not be fetched${fetchProblem(base.failure, log)}`
    };
  }
  const search = await findMergeBase(repo, base.sha, head.sha, log);
  if (!search.found) {
    const ends = `${base.sha} and ${head.sha}`;
    const what = search.candidate === void 0 ? `no merge base of ${ends}` : `${search.candidate} is a common ancestor of ${ends}, but a nearer one may lie beyond the history fetched (${FETCHED_AT_MOST} commits at most); check out with fetch-depth: 0`;
    const deepening = search.failure ? `; deepening failed${fetchProblem(search.failure, log)}` : "";
    return {
      kind: "all",
      cause: "base-unreachable",
      head: head.sha,
      how: `${request.how}: ${what}${deepening}`
    };
  }
  const files = await repo.changedFiles(search.mergeBase, head.sha);
  return { kind: "diff", base: search.mergeBase, head: head.sha, how: request.how, files };
}

// src/routing/documents.ts
var Documents = class _Documents {
  #texts = /* @__PURE__ */ new Map();
  #parsed = /* @__PURE__ */ new Map();
  static async load(contents, requests) {
    const docs = new _Documents();
    const unique = [...new Map(requests.map((r) => [_Documents.#key(r.side, r.path), r])).values()];
    const texts = await contents.read(unique);
    unique.forEach((r, i) => docs.#texts.set(_Documents.#key(r.side, r.path), texts[i]));
    return docs;
  }
  static #key(side, path2) {
    return `${side}\0${path2}`;
  }
  parse(side, path2) {
    if (path2 === void 0) return { ok: true, doc: void 0 };
    const key = _Documents.#key(side, path2);
    let parsed = this.#parsed.get(key);
    if (parsed === void 0) {
      const text = this.#texts.get(key);
      parsed = { ok: true, doc: void 0 };
      if (text !== void 0) {
        try {
          parsed = { ok: true, doc: parseStructured(text, formatOfPath(path2) ?? "toml") };
        } catch (error) {
          parsed = {
            ok: false,
            error: `${side}: ${errorMessage(error)}`
          };
        }
      }
      this.#parsed.set(key, parsed);
    }
    return parsed;
  }
};

// src/routing/mise-tools.ts
var MISE_CONFIG_GLOBS = [
  "**/mise.toml",
  "**/.mise.toml",
  "**/mise.*.toml",
  "**/.mise.*.toml",
  "**/mise/config.toml",
  "**/mise/config.*.toml",
  "**/mise/conf.d/*.toml",
  "**/.mise/config.toml",
  "**/.mise/config.*.toml",
  "**/.mise/conf.d/*.toml",
  "**/.config/mise.toml",
  "**/.config/mise.*.toml",
  "**/.config/mise/config.toml",
  "**/.config/mise/config.*.toml",
  "**/.config/mise/conf.d/*.toml"
];
function miseToolAliases(doc) {
  const aliases = /* @__PURE__ */ new Map();
  for (const section of ["alias", "tool_alias"]) {
    const table2 = tableAt(doc, section);
    if (table2 === void 0) continue;
    for (const [name, entry] of Object.entries(table2)) {
      const backend = aliasBackend(entry);
      if (backend !== void 0) aliases.set(normalize2(name), normalize2(backend));
    }
  }
  return aliases;
}
function toolNames(key, aliases) {
  const names = /* @__PURE__ */ new Set();
  const full = normalize2(key);
  const normalizedAliases = /* @__PURE__ */ new Map();
  for (const [name, target2] of aliases) normalizedAliases.set(normalize2(name), normalize2(target2));
  for (const name of specNames(full)) names.add(name);
  const target = normalizedAliases.get(full) ?? normalizedAliases.get(bareSpec(full));
  if (target !== void 0) {
    for (const name of specNames(target)) names.add(name);
  }
  const tool = bareSpec(full);
  for (const [name, aliasTarget] of normalizedAliases) {
    if (bareSpec(aliasTarget) === tool) names.add(name);
  }
  names.delete("");
  return names;
}
function miseToolChanges(base, head, tools) {
  const baseEntries = toolEntries(base);
  const headEntries = toolEntries(head);
  const changes = [];
  for (const { tool, name } of wantedTools(tools)) {
    const before = new Map(
      baseEntries.filter((e) => e.names.has(name)).map((e) => [e.key, e])
    );
    const after = new Map(
      headEntries.filter((e) => e.names.has(name)).map((e) => [e.key, e])
    );
    const forTool = [];
    const gone = [];
    for (const [key, entry] of before) {
      const now = after.get(key);
      if (now === void 0) gone.push(key);
      else if (!sameDocument(now.definition, entry.definition))
        forTool.push({ tool, key, change: "changed" });
    }
    const arrived = [...after.keys()].filter((key) => !before.has(key));
    arrived.forEach((key, index) => {
      forTool.push({ tool, key, change: index < gone.length ? "changed" : "added" });
    });
    for (const key of gone.slice(arrived.length)) forTool.push({ tool, key, change: "removed" });
    forTool.sort((x, y) => compare(x.key, y.key));
    changes.push(...forTool);
  }
  return changes;
}
function miseToolsMissing(head, tools) {
  const entries = toolEntries(head);
  return wantedTools(tools).filter(({ name }) => !entries.some((e) => e.names.has(name))).map(({ tool }) => tool);
}
function toolEntries(doc) {
  const tools = tableAt(doc, "tools");
  if (tools === void 0) return [];
  const aliases = miseToolAliases(doc);
  const aliasEntries = /* @__PURE__ */ new Map();
  for (const section of ["alias", "tool_alias"]) {
    const table2 = tableAt(doc, section);
    if (table2 === void 0) continue;
    for (const [name, entry] of Object.entries(table2)) aliasEntries.set(normalize2(name), entry);
  }
  return Object.keys(tools).sort(compare).map((key) => {
    const full = normalize2(key);
    const alias = aliasEntries.get(full) ?? aliasEntries.get(bareSpec(full));
    return {
      key,
      names: toolNames(key, aliases),
      definition: { value: tools[key], alias }
    };
  });
}
function wantedTools(tools) {
  const seen = /* @__PURE__ */ new Set();
  const wanted = [];
  for (const raw of tools) {
    const tool = raw.trim();
    const name = normalize2(tool);
    if (name === "" || seen.has(name)) continue;
    seen.add(name);
    wanted.push({ tool, name });
  }
  return wanted;
}
function specNames(spec) {
  const names = [spec];
  const bare = bareSpec(spec);
  names.push(bare);
  const colon = bare.indexOf(":");
  const hasBackend = colon > 0 && /^[a-z0-9][a-z0-9_.-]*$/.test(bare.slice(0, colon));
  const backend = hasBackend ? bare.slice(0, colon) : "";
  const rest = hasBackend ? bare.slice(colon + 1) : bare;
  names.push(rest);
  const segments = pathSegments(rest);
  if (segments.length >= 3 && /^v[0-9]+$/.test(segments.at(-1))) segments.pop();
  const last = segments.at(-1) ?? rest;
  if (segments.length >= 2) names.push(segments.slice(-2).join("/"));
  names.push(last);
  if (backend === "asdf" || backend === "vfox") names.push(last.replace(/^(asdf|vfox|mise)-/, ""));
  if (backend === "cargo") names.push(last.replace(/^cargo-/, ""));
  return names;
}
function bareSpec(spec) {
  const withoutOptions = spec.replace(/\[[^\]]*\]/g, "");
  const at = withoutOptions.lastIndexOf("@");
  if (at <= 0) return withoutOptions;
  const suffix = withoutOptions.slice(at + 1);
  const before = withoutOptions[at - 1];
  if (before === ":" || /[/:]/.test(suffix)) return withoutOptions;
  return withoutOptions.slice(0, at);
}
function pathSegments(name) {
  const path2 = name.replace(/^git\+/, "").replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/^[^/@:]+@([^/:]+):/, "$1/").replace(/\/+$/, "").replace(/\.git$/, "");
  return path2.split("/").filter((segment) => segment !== "");
}
function aliasBackend(entry) {
  if (typeof entry === "string") return entry;
  const table2 = asTable(entry);
  const backend = table2?.["backend"];
  return typeof backend === "string" ? backend : void 0;
}
function tableAt(doc, key) {
  const table2 = asTable(doc);
  if (table2 === void 0 || !Object.hasOwn(table2, key)) return void 0;
  return asTable(table2[key]);
}
function asTable(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return void 0;
  if (value instanceof Date) return void 0;
  return value;
}
function normalize2(name) {
  return name.trim().toLowerCase();
}
function compare(x, y) {
  return x < y ? -1 : x > y ? 1 : 0;
}

// src/routing/drift.ts
var MISE_ROOT_FILES = [
  "mise.toml",
  ".mise.toml",
  "mise/config.toml",
  ".mise/config.toml",
  ".config/mise.toml",
  ".config/mise/config.toml"
];
function driftFiles(config) {
  const files = config.routes.flatMap(
    (route) => route.keys.map((k) => k.file).filter((file) => !/[*?[{]/.test(file))
  );
  if (config.routes.some((r) => r.miseTools.length > 0)) files.push(...MISE_ROOT_FILES);
  return files;
}
function driftWarnings(config, docs) {
  const warnings = [];
  const miseDocs = MISE_ROOT_FILES.map((path2) => docs.parse("head", path2)).flatMap(
    (parsed) => parsed.ok && parsed.doc !== void 0 ? [parsed.doc] : []
  );
  for (const route of config.routes) {
    for (const classifier of route.keys) {
      if (/[*?[{]/.test(classifier.file)) continue;
      const parsed = docs.parse("head", classifier.file);
      if (!parsed.ok) continue;
      if (parsed.doc === void 0) {
        warnings.push(`route '${route.name}': keys: '${classifier.file}' does not exist at head`);
        continue;
      }
      for (const { text, pattern } of classifier.patterns) {
        if (!keyPatternMatchesDocument(pattern, parsed.doc)) {
          warnings.push(
            `route '${route.name}': key '${text}' matches nothing in '${classifier.file}' at head`
          );
        }
      }
    }
    for (const tool of route.miseTools) {
      if (miseDocs.some((doc) => miseToolsMissing(doc, [tool]).length === 0)) continue;
      warnings.push(
        miseDocs.length === 0 ? `route '${route.name}': mise-tools: no mise config file at head to find '${tool}' in` : `route '${route.name}': mise tool '${tool}' matches no [tools] entry at head`
      );
    }
  }
  return warnings;
}

// src/routing/plan.ts
function fileOf(reason) {
  switch (reason.type) {
    case "path":
      return reason.path;
    case "key":
    case "tool":
    case "parse-error":
      return reason.file;
    case "fallback":
      return reason.cause.startsWith(UNMATCHED) ? reason.cause.slice(UNMATCHED.length) : void 0;
    case "implied":
      return void 0;
  }
}
var UNMATCHED = "unmatched:";
var MAX_REASONS_PER_ROUTE = 50;
var miseFiles = new PathRules(MISE_CONFIG_GLOBS);
var PlanBuilder = class {
  /** Without a prototype, so that a route named `__proto__` or `constructor` is a route too. */
  routes = /* @__PURE__ */ Object.create(null);
  #files = /* @__PURE__ */ new Map();
  constructor(routes) {
    for (const route of routes) {
      this.routes[route.name] = { run: false, reasons: [], omittedReasons: 0, files: [] };
      this.#files.set(route.name, /* @__PURE__ */ new Set());
    }
  }
  /** `file` is the changed file's path at head, where the reason names its path at base. */
  add(route, reason, file = fileOf(reason)) {
    const plan = this.routes[route];
    plan.run = true;
    if (plan.reasons.length < MAX_REASONS_PER_ROUTE) plan.reasons.push(reason);
    else plan.omittedReasons++;
    const files = this.#files.get(route);
    if (file !== void 0 && !files.has(file)) {
      files.add(file);
      plan.files.push(file);
    }
  }
};
async function planRoutes(request) {
  const { config, files, contents } = request;
  const plan = new PlanBuilder(config.routes);
  let fallbackReason;
  const miseRoutes = config.routes.filter((r) => r.miseTools.length > 0);
  if (request.runAll !== void 0) {
    fallbackReason = request.runAll;
    for (const route of config.routes)
      plan.add(route.name, { type: "fallback", cause: request.runAll });
  }
  const classified = [];
  const unclaimed = [];
  for (const file of files) {
    const candidates = file.previousPath === void 0 ? [file.path] : [file.path, file.previousPath];
    let claimed = false;
    const claims = candidates.map((path2) => config.pathRules.match(path2));
    for (const [index, route] of config.routes.entries()) {
      if (route.statuses && !route.statuses.has(file.status)) continue;
      const c = claims.findIndex((claim) => claim[index] !== void 0);
      if (c < 0) continue;
      const reason = { type: "path", path: candidates[c], rule: claims[c][index] };
      plan.add(route.name, reason, file.path);
      claimed = true;
    }
    const keyRoutes = config.routes.flatMap(
      (route) => route.keys.filter((k) => candidates.some((p) => k.fileRules.match(p) !== void 0)).map((classifier) => ({ route, classifier }))
    );
    const isMise = miseRoutes.length > 0 && candidates.some((p) => miseFiles.match(p) !== void 0);
    if (keyRoutes.length > 0 || isMise) {
      classified.push({
        file,
        keyRoutes,
        isMise,
        basePath: file.status === "added" ? void 0 : file.previousPath ?? file.path,
        headPath: file.status === "deleted" ? void 0 : file.path
      });
    } else if (!claimed) {
      unclaimed.push(file.path);
    }
  }
  for (const path2 of unclaimed) {
    const cause = `${UNMATCHED}${path2}`;
    if (config.fallback.length > 0) fallbackReason ??= cause;
    for (const name of config.fallback) plan.add(name, { type: "fallback", cause });
  }
  let warnings = [];
  if (contents === void 0) {
    for (const { file, keyRoutes, isMise } of classified) {
      for (const route of /* @__PURE__ */ new Set([
        ...keyRoutes.map((k) => k.route),
        ...isMise ? miseRoutes : []
      ])) {
        plan.add(route.name, {
          type: "parse-error",
          file: file.path,
          cause: `parse-error:${file.path}`,
          detail: "file contents unavailable"
        });
      }
    }
  } else {
    const drift = driftFiles(config);
    const docs = await Documents.load(contents, [
      ...classified.flatMap((c) => [
        ...c.basePath === void 0 ? [] : [{ side: "base", path: c.basePath }],
        ...c.headPath === void 0 ? [] : [{ side: "head", path: c.headPath }]
      ]),
      ...drift.map((path2) => ({ side: "head", path: path2 }))
    ]);
    for (const c of classified) {
      const cause = classifyFile(c, docs, miseRoutes, plan);
      if (cause !== void 0) fallbackReason ??= cause;
    }
    warnings = driftWarnings(config, docs);
  }
  applyImplications(config, plan);
  return { routes: plan.routes, fallbackReason, warnings };
}
function classifyFile(c, docs, miseRoutes, plan) {
  const base = docs.parse("base", c.basePath);
  const head = docs.parse("head", c.headPath);
  if (!base.ok || !head.ok) {
    const detail = !base.ok ? base.error : !head.ok ? head.error : "";
    const cause = `parse-error:${c.file.path}`;
    for (const route of /* @__PURE__ */ new Set([
      ...c.keyRoutes.map((k) => k.route),
      ...c.isMise ? miseRoutes : []
    ])) {
      plan.add(route.name, { type: "parse-error", file: c.file.path, cause, detail });
    }
    return cause;
  }
  const changed = changedKeyPaths(base.doc, head.doc);
  for (const { route, classifier } of c.keyRoutes) {
    for (const { text, pattern } of classifier.patterns) {
      const hit = changed.find((key) => keyPatternMatches(pattern, key));
      if (hit)
        plan.add(route.name, {
          type: "key",
          file: c.file.path,
          key: formatKeyPath(hit),
          rule: text
        });
    }
  }
  if (c.isMise) {
    for (const route of miseRoutes) {
      for (const change of miseToolChanges(base.doc, head.doc, route.miseTools)) {
        plan.add(route.name, { type: "tool", file: c.file.path, ...change });
      }
    }
  }
  return void 0;
}
function applyImplications(config, plan) {
  const byName = new Map(config.routes.map((r) => [r.name, r]));
  const queue = config.routes.filter((r) => plan.routes[r.name].run).map((r) => r.name);
  const implied = /* @__PURE__ */ new Set();
  for (let next = 0; next < queue.length; next++) {
    const name = queue[next];
    for (const target of byName.get(name)?.implies ?? []) {
      const key = `${name}->${target}`;
      if (implied.has(key)) continue;
      implied.add(key);
      const wasRunning = plan.routes[target].run;
      plan.add(target, { type: "implied", by: name });
      if (!wasRunning) queue.push(target);
    }
  }
}

// src/routing/route-changes.ts
function gitContentReader(repo, base, head) {
  return {
    read: (requests) => repo.readFiles(requests.map((r) => ({ rev: r.side === "base" ? base : head, path: r.path })))
  };
}
async function routeChanges(request) {
  const { config, event, overrides, source, log } = request;
  const range = requestRange(event, overrides);
  const pull = PULL_REQUEST_EVENTS.includes(event.name) && overrides.base === void 0 && overrides.head === void 0 ? event.payload.pull_request : void 0;
  const diff = source.kind === "git" ? await gitDiff(source.repo, range, log) : await apiDiff(source.client, source.repo, range, pull);
  const messages = payloadMessages(event.payload);
  if (source.kind === "git" && diff.head !== void 0 && config.force.trailers.length > 0) {
    const headMessage = await source.repo.commitMessage(diff.head);
    if (headMessage !== void 0) messages.push(headMessage);
  }
  const forced = forceCause(config, event.payload, messages);
  let contents;
  if (diff.kind === "diff") {
    contents = source.kind === "git" ? gitContentReader(source.repo, diff.base, diff.head) : apiContentReader(source.client, source.repo, diff.base, diff.head);
  }
  const files = diff.kind === "diff" ? diff.files : [];
  const runAll = forced ?? (diff.kind === "all" ? diff.cause : void 0);
  const outcome = await planRoutes({ config, files, contents, runAll });
  return {
    event: event.name,
    source: source.kind,
    base: diff.kind === "diff" ? diff.base : null,
    head: diff.head ?? null,
    how: diff.how,
    changedFiles: files.length,
    fallbackReason: outcome.fallbackReason ?? null,
    routes: outcome.routes,
    warnings: outcome.warnings
  };
}

export {
  Repository,
  DEFAULT_ROUTES_FILE,
  RESERVED_OUTPUTS,
  parseRoutesConfig,
  describeReason,
  planSummary,
  routeChanges
};
