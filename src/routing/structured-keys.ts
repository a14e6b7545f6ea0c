/**
 * Which keys of a structured file (TOML, JSON, YAML) changed between two versions, and the
 * dotted key patterns a routes file uses to name them.
 *
 * Pure logic: the caller reads the two versions of the file and hands over their text.
 */
import { errorMessage } from '../common/error-message.ts';
import { parse as parseToml, TomlError } from 'smol-toml';
import { ConfigurationError } from '../runner/errors.ts';
import { MAX_YAML_NESTING, readYaml, YamlSyntaxError } from '../runner/yaml-config.ts';

/** One segment per key; array elements are segments too ("0", "1", ...). */
export type KeyPath = readonly string[];

export type StructuredFormat = 'toml' | 'json' | 'yaml';

/** One segment of a key pattern: a literal key, `*` (exactly one segment) or `**` (zero or more). */
export type KeyPatternSegment =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'one' }
  | { readonly kind: 'any' };

export interface KeyPattern {
  /** The pattern as the user wrote it, for messages. */
  readonly source: string;
  readonly segments: readonly KeyPatternSegment[];
}

// ---------------------------------------------------------------------------------------------
// Formats and parsing

/** The structured format of a file, by its extension; `undefined` when it has none of ours. */
export function formatOfPath(path: string): StructuredFormat | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  if (dot === -1) return undefined;
  switch (name.slice(dot + 1)) {
    case 'toml':
      return 'toml';
    case 'json':
      return 'json';
    case 'yaml':
    case 'yml':
      return 'yaml';
    default:
      return undefined;
  }
}

/** How deep tables and arrays may nest in a document lanekit reads, whatever its format. */
export const MAX_NESTING = MAX_YAML_NESTING;

const MIB = 1024 * 1024;

/**
 * The largest text each parser is given, far above any configuration file: the YAML parser's
 * tree takes some 50 bytes of memory per byte of text, JSON's and TOML's far less.
 */
export const MAX_TEXT_BYTES: Readonly<Record<StructuredFormat, number>> = {
  json: 64 * MIB,
  toml: 64 * MIB,
  yaml: 16 * MIB,
};

/**
 * A YAML document may use this many aliases: the yaml library looks each one up among all the
 * anchors and aliases before it.
 */
export const MAX_YAML_ALIASES = 1000;

const FORMAT_NAMES: Readonly<Record<StructuredFormat, string>> = {
  json: 'JSON',
  toml: 'TOML',
  yaml: 'YAML',
};

/**
 * Parses a document. Throws an Error whose message names the format, what failed and, where the
 * parser reports them, the line and column. A JSON byte-order mark is ignored; an empty YAML
 * document is `null`. Text larger than MAX_TEXT_BYTES and tables or arrays nested deeper than
 * MAX_NESTING are refused, so that every walk over a document stays within time and memory.
 */
export function parseStructured(text: string, format: StructuredFormat): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_TEXT_BYTES[format]) {
    throw new Error(
      `${FORMAT_NAMES[format]} of ${formatMib(bytes)}, more than the ${formatMib(MAX_TEXT_BYTES[format])} lanekit parses`,
    );
  }
  // Each format's nesting is checked where it is cheapest: JSON's in its text before JSON.parse
  // builds anything, YAML's in its syntax tree, TOML's (dotted keys nest too) in its value.
  switch (format) {
    case 'json':
      return parseJson(text);
    case 'toml':
      return checkTomlNesting(parseTomlText(text));
    case 'yaml':
      return parseYamlText(text);
  }
}

function formatMib(bytes: number): string {
  return `${(bytes / MIB).toFixed(1).replace(/\.0$/, '')} MiB`;
}

/** Where JSON text opens an array or object nested deeper than MAX_NESTING, if it does. */
function jsonTooDeep(text: string): { line: number; column: number } | undefined {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \\ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > MAX_NESTING) return { line, column: i - lineStart + 1 };
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    } else if (c === 0x0a /* \n */) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}

function parseJson(text: string): unknown {
  const deep = jsonTooDeep(text);
  if (deep) {
    throw new Error(
      `invalid JSON at line ${deep.line}, column ${deep.column}: arrays and objects nested deeper than ${MAX_NESTING} levels`,
    );
  }
  try {
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
  } catch (error) {
    const message = errorMessage(error);
    const position = /\(line (\d+) column (\d+)\)/.exec(message);
    const detail = message.replace(/( at position \d+)?\s*\(line \d+ column \d+\)/, '');
    if (position) {
      throw new Error(`invalid JSON at line ${position[1]!}, column ${position[2]!}: ${detail}`);
    }
    throw new Error(`invalid JSON: ${detail}`);
  }
}

const TOML_NESTING = `tables and arrays nested deeper than ${MAX_NESTING} levels`;

function parseTomlText(text: string): unknown {
  try {
    // Inline arrays and tables sit in the root table at least: one level less is theirs.
    return parseToml(text, { maxDepth: MAX_NESTING - 1 });
  } catch (error) {
    if (error instanceof TomlError) {
      const detail = firstLine(error.message)
        .replace(/^Invalid TOML document:\s*/, '')
        .replace(/^document contains excessively nested structures.*/, TOML_NESTING);
      throw new Error(`invalid TOML at line ${error.line}, column ${error.column}: ${detail}`);
    }
    throw new Error(`invalid TOML: ${firstLine(errorMessage(error))}`);
  }
}

/** A TOML document, if its tables and arrays nest at most MAX_NESTING deep. */
function checkTomlNesting(doc: unknown): unknown {
  const pending: [unknown, number][] = [[doc, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    const children = Array.isArray(node) ? node : isTable(node) ? Object.values(node) : undefined;
    if (children === undefined) continue;
    if (depth > MAX_NESTING) {
      throw new Error(`invalid TOML: ${TOML_NESTING}`);
    }
    for (const child of children as unknown[]) pending.push([child, depth + 1]);
  }
  return doc;
}

function parseYamlText(text: string): unknown {
  try {
    const { document, aliasTargets } = readYaml(text);
    if (aliasTargets.size > MAX_YAML_ALIASES) {
      throw new Error(
        `${aliasTargets.size} aliases, more than the ${MAX_YAML_ALIASES} lanekit resolves`,
      );
    }
    // A document with no content is null.
    return (document.toJS() as unknown) ?? null;
  } catch (error) {
    if (error instanceof YamlSyntaxError) {
      throw new Error(
        `invalid YAML at line ${error.line}, column ${error.column}: ${error.message}`,
      );
    }
    throw new Error(`invalid YAML: ${firstLine(errorMessage(error))}`);
  }
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return (end === -1 ? text : text.slice(0, end)).trim();
}

// ---------------------------------------------------------------------------------------------
// Key patterns

/**
 * Parses a dotted key pattern: bare segments (`a.b`), quoted segments (`"cargo:cargo-nextest"`,
 * `'a.b'`; double quotes take backslash escapes, single quotes are literal), `*` for exactly one
 * segment and `**` for any number of segments (zero included). Whitespace around a segment is
 * ignored. Throws a ConfigurationError naming the pattern and the problem.
 */
export function parseKeyPattern(pattern: string): KeyPattern {
  const fail = (problem: string): ConfigurationError =>
    new ConfigurationError(`key pattern '${pattern}': ${problem}`);
  if (pattern.trim() === '') throw fail('is empty');

  const segments: KeyPatternSegment[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < pattern.length && isSpace(pattern[i]!)) i++;
  };

  for (;;) {
    skipSpace();
    const start = i;
    const quote = pattern[i];
    if (quote === '"' || quote === "'") {
      const { value, end } = readQuoted(pattern, i, fail);
      segments.push({ kind: 'literal', value });
      i = end;
      skipSpace();
      if (i < pattern.length && pattern[i] !== '.') {
        throw fail(`unexpected '${pattern[i]!}' after the quoted segment at column ${start + 1}`);
      }
    } else {
      while (i < pattern.length && pattern[i] !== '.' && !isSpace(pattern[i]!)) {
        const c = pattern[i]!;
        if (c === '"' || c === "'") {
          throw fail(`a quote may only open a segment (column ${i + 1}); quote the whole segment`);
        }
        if (isControl(c)) throw fail(`control character at column ${i + 1}`);
        i++;
      }
      const bare = pattern.slice(start, i);
      skipSpace();
      if (i < pattern.length && pattern[i] !== '.') {
        throw fail(`whitespace inside the segment at column ${start + 1}; quote the segment`);
      }
      if (bare === '') {
        throw fail(`empty segment at column ${start + 1}; quote it ("") to name an empty key`);
      }
      if (bare === '*') segments.push({ kind: 'one' });
      else if (bare === '**') segments.push({ kind: 'any' });
      else if (bare.includes('*')) {
        throw fail(
          `'*' must be a whole segment ('*' or '**'), got '${bare}'; quote the segment to match a literal '*'`,
        );
      } else segments.push({ kind: 'literal', value: bare });
    }
    if (i >= pattern.length) break;
    i++; // the dot
    if (i >= pattern.length || pattern.slice(i).trim() === '') {
      throw fail('ends with a dot (empty last segment)');
    }
  }
  return { source: pattern, segments };
}

function readQuoted(
  pattern: string,
  open: number,
  fail: (problem: string) => ConfigurationError,
): { value: string; end: number } {
  const quote = pattern[open]!;
  let value = '';
  let i = open + 1;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === quote) return { value, end: i + 1 };
    if (c === '\\' && quote === '"') {
      const escaped = readEscape(pattern, i);
      if (escaped === undefined) throw fail(`invalid escape at column ${i + 1}`);
      value += escaped.text;
      i = escaped.end;
      continue;
    }
    value += c;
    i++;
  }
  throw fail(`unclosed ${quote === '"' ? 'double' : 'single'} quote at column ${open + 1}`);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
};

function readEscape(pattern: string, at: number): { text: string; end: number } | undefined {
  const kind = pattern[at + 1];
  if (kind === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[kind];
  if (simple !== undefined) return { text: simple, end: at + 2 };
  const digits = kind === 'u' ? 4 : kind === 'U' ? 8 : 0;
  if (digits === 0) return undefined;
  const hex = pattern.slice(at + 2, at + 2 + digits);
  if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  const code = Number.parseInt(hex, 16);
  if (code > 0x10ffff) return undefined;
  return { text: String.fromCodePoint(code), end: at + 2 + digits };
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t';
}

function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/**
 * The dotted form of a key path, quoting every segment that is not a TOML bare key
 * (`tools."cargo:cargo-nextest"`), so that it reads back through parseKeyPattern as a pattern
 * that matches exactly this path. The document root (the empty path) is the empty string.
 */
export function formatKeyPath(key: KeyPath): string {
  return key.map(formatSegment).join('.');
}

function formatSegment(segment: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(segment)) return segment;
  let quoted = '"';
  for (const c of segment) {
    if (c === '"' || c === '\\') quoted += `\\${c}`;
    else if (c === '\n') quoted += '\\n';
    else if (c === '\t') quoted += '\\t';
    else if (c === '\r') quoted += '\\r';
    else if (isControl(c)) quoted += `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else quoted += c;
  }
  return `${quoted}"`;
}

// ---------------------------------------------------------------------------------------------
// Matching

/**
 * Whether a pattern matches a changed key:
 *  - the pattern matches the key, or a prefix of it (`tools.zig` matches `tools.zig.version`);
 *  - or the key is a prefix of something the pattern names (`tools` replaced by a scalar, or
 *    removed as one empty table, matches `tools.zig`). For this second case the key's last
 *    segment must be matched by a literal or `*`, not swallowed by `**`: otherwise `**.version`
 *    would match every change in the file.
 */
export function keyPatternMatches(pattern: KeyPattern, key: KeyPath): boolean {
  const segments = pattern.segments;
  const width = key.length + 1;
  // A state is (pattern index, key index, last key segment taken by `**`), as one number:
  // (i * width + j) * 2 + byGlobstar. The pattern matches when an accepting state is reachable.
  const seen = new Set<number>();
  const pending = [0];
  const reach = (i: number, j: number, byGlobstar: boolean): void => {
    const state = (i * width + j) * 2 + (byGlobstar ? 1 : 0);
    if (!seen.has(state)) {
      seen.add(state);
      pending.push(state);
    }
  };
  for (let state = pending.pop(); state !== undefined; state = pending.pop()) {
    const byGlobstar = state % 2 === 1;
    const j = ((state - (state % 2)) / 2) % width;
    const i = ((state - (state % 2)) / 2 - j) / width;
    if (i === segments.length) return true; // the pattern matched a prefix of the key (or all of it)
    if (j === key.length && !byGlobstar) return true; // the key is a prefix of what the pattern names
    const segment = segments[i]!;
    if (segment.kind === 'any') {
      reach(i + 1, j, byGlobstar);
      if (j < key.length) reach(i, j + 1, true);
    } else if (j < key.length && (segment.kind === 'one' || segment.value === key[j])) {
      reach(i + 1, j + 1, false);
    }
  }
  return false;
}

/**
 * Whether the pattern names something present in the document: some key path of the document
 * (a table, an array, a value; `**` also names the root) that the pattern matches exactly.
 * `undefined` (the file does not exist) contains nothing.
 */
export function keyPatternMatchesDocument(pattern: KeyPattern, doc: unknown): boolean {
  if (doc === undefined) return false;
  const segments = pattern.segments;
  // Containers already searched, per pattern index, so `**` stays linear in the document size.
  const searched = new Map<object, Set<number>>();
  const pending: [number, unknown][] = [[0, doc]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [i, node] = next;
    if (i === segments.length) return true;
    const segment = segments[i]!;
    // `**` matching zero segments names this node itself, even when it is a scalar.
    if (segment.kind === 'any') pending.push([i + 1, node]);
    if (kindOf(node) === 'scalar') continue;
    const container = node as object;
    let seen = searched.get(container);
    if (seen === undefined) searched.set(container, (seen = new Set()));
    if (seen.has(i)) continue;
    seen.add(i);

    if (segment.kind === 'literal') {
      const child = childNamed(node, segment.value);
      if (child.present) pending.push([i + 1, child.value]);
      continue;
    }
    const after = segment.kind === 'one' ? i + 1 : i;
    for (const [, child] of childrenOf(node) ?? []) pending.push([after, child]);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Diff

/**
 * The leaf-level difference between two versions of a document: every key path added, removed or
 * whose value changed, flattening tables and arrays (an empty table or array is a leaf). A key
 * whose kind changed (a scalar replaced by a table, a table by an array, ...) is reported once, as
 * that key. `undefined` means the file did not exist: every leaf on the other side counts.
 *
 * Order: table keys sorted by code unit, array elements by index, depth first; so the result does
 * not depend on how the file orders its keys. Arrays are compared by position.
 */
export function changedKeyPaths(base: unknown, head: unknown): KeyPath[] {
  return [...keyChanges(base, head)];
}

/** Whether two documents hold the same keys and values (changedKeyPaths finds nothing). */
export function sameDocument(a: unknown, b: unknown): boolean {
  return keyChanges(a, b).next().done === true;
}

/** A key path as a chain from its last segment up, so that children share their parent's. */
interface PathLink {
  readonly name: string;
  readonly parent: PathLink | undefined;
}

function keyPathOf(link: PathLink | undefined): KeyPath {
  const path: string[] = [];
  for (let at = link; at !== undefined; at = at.parent) path.push(at.name);
  return path.reverse();
}

/** Work left in a diff: compare two values, list every leaf of one, or leave containers. */
type DiffTask =
  | { readonly kind: 'compare'; readonly a: unknown; readonly b: unknown; readonly at?: PathLink }
  | { readonly kind: 'leaves'; readonly node: unknown; readonly at?: PathLink }
  | { readonly kind: 'leave'; readonly containers: readonly object[] };

/**
 * changedKeyPaths one key at a time, walking with a stack of tasks rather than recursion, so
 * that no nesting overflows the call stack. `active` holds the containers being walked: one met
 * again inside itself (a YAML alias cycle) is not entered twice.
 */
function* keyChanges(base: unknown, head: unknown): Generator<KeyPath, void, undefined> {
  const active = new Set<object>();
  const tasks: DiffTask[] = [{ kind: 'compare', a: base, b: head }];
  for (let task = tasks.pop(); task !== undefined; task = tasks.pop()) {
    if (task.kind === 'leave') {
      for (const container of task.containers) active.delete(container);
      continue;
    }
    if (task.kind === 'leaves') {
      const { node, at } = task;
      const children = childrenOf(node);
      if (children === undefined || children.length === 0 || active.has(node as object)) {
        yield keyPathOf(at);
        continue;
      }
      active.add(node as object);
      tasks.push({ kind: 'leave', containers: [node as object] });
      const ordered = sortedChildren(node, children);
      for (let index = ordered.length - 1; index >= 0; index--) {
        const [name, child] = ordered[index]!;
        tasks.push({ kind: 'leaves', node: child, at: { name, parent: at } });
      }
      continue;
    }
    const { a, b, at } = task;
    if (a === undefined && b === undefined) continue;
    if (a === undefined || b === undefined) {
      tasks.push({ kind: 'leaves', node: a === undefined ? b : a, at });
      continue;
    }
    const kindA = kindOf(a);
    if (kindA !== kindOf(b)) {
      yield keyPathOf(at);
      continue;
    }
    if (kindA === 'scalar') {
      if (!sameScalar(a, b)) yield keyPathOf(at);
      continue;
    }
    if (a === b || active.has(a as object) || active.has(b as object)) continue;
    active.add(a as object);
    active.add(b as object);
    tasks.push({ kind: 'leave', containers: [a as object, b as object] });
    const names = new Set([...childNames(a), ...childNames(b)]);
    const ordered = kindA === 'array' ? [...names].sort(byIndex) : [...names].sort(byCodeUnit);
    for (let index = ordered.length - 1; index >= 0; index--) {
      const name = ordered[index]!;
      const child = { name, parent: at };
      tasks.push({
        kind: 'compare',
        a: childNamed(a, name).value,
        b: childNamed(b, name).value,
        at: child,
      });
    }
  }
}

type NodeKind = 'object' | 'array' | 'scalar';

function kindOf(node: unknown): NodeKind {
  if (Array.isArray(node)) return 'array';
  return isTable(node) ? 'object' : 'scalar';
}

/** A plain table: what JSON.parse, yaml and smol-toml (null prototype) build for a mapping. */
function isTable(node: unknown): node is Record<string, unknown> {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return false;
  const proto = Object.getPrototypeOf(node) as unknown;
  return proto === Object.prototype || proto === null;
}

function childrenOf(node: unknown): [string, unknown][] | undefined {
  if (Array.isArray(node)) return node.map((value: unknown, index) => [String(index), value]);
  if (isTable(node)) return Object.entries(node);
  return undefined;
}

function childNames(node: unknown): string[] {
  if (Array.isArray(node)) return node.map((_, index) => String(index));
  return isTable(node) ? Object.keys(node) : [];
}

function childNamed(node: unknown, name: string): { present: boolean; value: unknown } {
  if (Array.isArray(node)) {
    if (!/^(0|[1-9][0-9]*)$/.test(name)) return { present: false, value: undefined };
    const index = Number(name);
    return index < node.length
      ? { present: true, value: node[index] as unknown }
      : { present: false, value: undefined };
  }
  if (isTable(node) && Object.hasOwn(node, name)) return { present: true, value: node[name] };
  return { present: false, value: undefined };
}

function sortedChildren(node: unknown, children: [string, unknown][]): [string, unknown][] {
  return Array.isArray(node) ? children : children.sort(([x], [y]) => byCodeUnit(x, y));
}

function byCodeUnit(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function byIndex(x: string, y: string): number {
  return Number(x) - Number(y);
}

function sameScalar(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && dateText(a) === dateText(b);
  }
  return Object.is(a, b);
}

/** TOML dates (smol-toml's TomlDate) keep their written form in toISOString; plain Dates too. */
function dateText(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString();
}
