/**
 * Which keys of a structured file (TOML, JSON, YAML) changed between two versions, and the
 * dotted key patterns a routes file uses to name them.
 *
 * Pure logic: the caller reads the two versions of the file and hands over their text.
 */
import { errorMessage } from '../common/error-message.ts';
import { parse as parseToml, TomlError } from 'smol-toml';
import { parse as parseYaml, YAMLError } from 'yaml';
import { ConfigurationError } from '../runner/errors.ts';

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

/**
 * Parses a document. Throws an Error whose message names the format, what failed and, where the
 * parser reports them, the line and column. A JSON byte-order mark is ignored; an empty YAML
 * document is `null`.
 */
export function parseStructured(text: string, format: StructuredFormat): unknown {
  switch (format) {
    case 'json':
      return parseJson(text);
    case 'toml':
      return parseTomlText(text);
    case 'yaml':
      return parseYamlText(text);
  }
}

function parseJson(text: string): unknown {
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

function parseTomlText(text: string): unknown {
  try {
    return parseToml(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const detail = firstLine(error.message).replace(/^Invalid TOML document:\s*/, '');
      throw new Error(`invalid TOML at line ${error.line}, column ${error.column}: ${detail}`);
    }
    throw new Error(`invalid TOML: ${firstLine(errorMessage(error))}`);
  }
}

function parseYamlText(text: string): unknown {
  try {
    // `parse` gives `undefined` for a document with no content; report it as null.
    // Warnings (an unknown tag, ...) are not failures; keep them off the process's stderr.
    return (parseYaml(text, { logLevel: 'error' }) as unknown) ?? null;
  } catch (error) {
    if (error instanceof YAMLError) {
      const detail = firstLine(error.message)
        .replace(/ at line \d+, column \d+:?$/, '')
        .replace(/:$/, '');
      const start = error.linePos?.[0];
      if (start) {
        throw new Error(`invalid YAML at line ${start.line}, column ${start.col}: ${detail}`);
      }
      throw new Error(`invalid YAML: ${detail}`);
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
  // Failed states, as (pattern index * width + key index) * 2 + (last key segment taken by `**`).
  const failed = new Set<number>();

  const match = (i: number, j: number, byGlobstar: boolean): boolean => {
    if (i === segments.length) return true; // the pattern matched a prefix of the key (or all of it)
    if (j === key.length && !byGlobstar) return true; // the key is a prefix of what the pattern names
    const state = (i * width + j) * 2 + (byGlobstar ? 1 : 0);
    if (failed.has(state)) return false;
    const segment = segments[i]!;
    let result: boolean;
    if (segment.kind === 'any') {
      result = match(i + 1, j, byGlobstar) || (j < key.length && match(i, j + 1, true));
    } else if (j === key.length) {
      result = false;
    } else if (segment.kind === 'one') {
      result = match(i + 1, j + 1, false);
    } else {
      result = segment.value === key[j] && match(i + 1, j + 1, false);
    }
    if (!result) failed.add(state);
    return result;
  };
  return match(0, 0, false);
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

  const found = (i: number, node: unknown): boolean => {
    if (i === segments.length) return true;
    const segment = segments[i]!;
    // `**` matching zero segments names this node itself, even when it is a scalar.
    if (segment.kind === 'any' && found(i + 1, node)) return true;
    if (kindOf(node) === 'scalar') return false;
    const container = node as object;
    let seen = searched.get(container);
    if (seen === undefined) searched.set(container, (seen = new Set()));
    if (seen.has(i)) return false;
    seen.add(i);

    if (segment.kind === 'literal') {
      const child = childNamed(node, segment.value);
      return child.present && found(i + 1, child.value);
    }
    const next = segment.kind === 'one' ? i + 1 : i;
    return (childrenOf(node) ?? []).some(([, child]) => found(next, child));
  };

  return found(0, doc);
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
  const changed: KeyPath[] = [];
  const path: string[] = [];
  const active = new Set<object>();

  const leaves = (node: unknown): void => {
    const children = childrenOf(node);
    if (children === undefined || children.length === 0 || active.has(node as object)) {
      changed.push([...path]);
      return;
    }
    active.add(node as object);
    for (const [name, child] of sortedChildren(node, children)) {
      path.push(name);
      leaves(child);
      path.pop();
    }
    active.delete(node as object);
  };

  const diff = (a: unknown, b: unknown): void => {
    if (a === undefined && b === undefined) return;
    if (a === undefined || b === undefined) {
      leaves(a === undefined ? b : a);
      return;
    }
    const kindA = kindOf(a);
    const kindB = kindOf(b);
    if (kindA !== kindB) {
      changed.push([...path]);
      return;
    }
    if (kindA === 'scalar') {
      if (!sameScalar(a, b)) changed.push([...path]);
      return;
    }
    if (a === b || active.has(a as object) || active.has(b as object)) return;
    active.add(a as object);
    active.add(b as object);
    const names = new Set([...childNames(a), ...childNames(b)]);
    const ordered = kindA === 'array' ? [...names].sort(byIndex) : [...names].sort(byCodeUnit);
    for (const name of ordered) {
      path.push(name);
      diff(childNamed(a, name).value, childNamed(b, name).value);
      path.pop();
    }
    active.delete(a as object);
    active.delete(b as object);
  };

  diff(base, head);
  return changed;
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
