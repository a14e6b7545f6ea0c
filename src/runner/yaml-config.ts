import {
  Composer,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  Scalar,
} from 'yaml';
import type { Alias, CST, Document, Node } from 'yaml';
import type { SourceLocation } from './errors.ts';
import { ConfigurationError } from './errors.ts';

/**
 * How deep collections may nest in YAML that lanekit reads. The yaml library builds and converts
 * a document recursively, one call per level: far deeper text would overflow the stack.
 */
export const MAX_YAML_NESTING = 256;

/** YAML text lanekit could not read: the first problem and where it is (1-based). */
export class YamlSyntaxError extends Error {
  override name = 'YamlSyntaxError';
  readonly line: number;
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

/** One YAML document, read in time linear in its text. */
export interface YamlText {
  readonly document: Document.Parsed;
  readonly lines: LineCounter;
  /** The node each alias stands for: the last node before it anchored with its name. */
  readonly aliasTargets: ReadonlyMap<Alias, Node>;
}

/**
 * Parses one YAML document. Nesting deeper than MAX_YAML_NESTING, a second document, a syntax
 * error and a repeated key throw a YamlSyntaxError. Keys are checked for repeats here, with a
 * set per mapping, since the yaml library's own check compares every pair of keys.
 */
export function readYaml(text: string): YamlText {
  const lines = new LineCounter();
  const fail = (message: string, offset: number): YamlSyntaxError => {
    const { line, col } = lines.linePos(offset);
    return new YamlSyntaxError(message.split('\n')[0] ?? '', line, col);
  };
  const tooDeep = (offset: number) =>
    fail(`collections nested deeper than ${MAX_YAML_NESTING} levels`, offset);
  const parser = new Parser(lines.addNewLine);
  const tokens: CST.Token[] = [];
  lines.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The parser's stack holds the document, the collections open here and at most one more
    // token: when it is deeper than that, stop at the first collection too deep.
    if (parser.stack.length > MAX_YAML_NESTING + 2) {
      throw tooDeep(parser.stack[MAX_YAML_NESTING + 1]!.offset);
    }
  }
  for (const token of parser.end()) tokens.push(token);
  const deepCollection = collectionTooDeep(tokens);
  if (deepCollection !== undefined) throw tooDeep(deepCollection);
  const composer = new Composer({ uniqueKeys: false, logLevel: 'error' });
  const documents: Document.Parsed[] = [];
  for (const document of composer.compose(tokens, true, text.length)) {
    documents.push(document);
    if (documents.length === 2) break;
  }
  const [document, second] = documents as [Document.Parsed, Document.Parsed?];
  const error = document.errors[0];
  if (error) throw fail(error.message, error.pos[0]);
  if (second) throw fail('Source contains multiple documents; expected one', second.range[0]);
  const { repeatedKey, unknownAlias, aliasTargets } = walkNodes(document.contents);
  if (repeatedKey) throw fail('Map keys must be unique', repeatedKey.range?.[0] ?? 0);
  if (unknownAlias) {
    throw fail(
      `alias '*${unknownAlias.source}' names no anchor before it; set '&${unknownAlias.source}' on an earlier value`,
      unknownAlias.range?.[0] ?? 0,
    );
  }
  return { document, lines, aliasTargets };
}

/** The offset of a collection nested deeper than MAX_YAML_NESTING, if there is one. */
function collectionTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((token) => [token, 0]);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [token, depth] = next;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (
      token.type === 'block-map' ||
      token.type === 'block-seq' ||
      token.type === 'flow-collection'
    ) {
      if (depth === MAX_YAML_NESTING) return token.offset;
      for (const item of token.items) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

/** What one pass over a document's nodes finds: a repeated key, aliases and their anchors. */
interface NodeWalk {
  readonly repeatedKey: Node | undefined;
  readonly unknownAlias: Alias | undefined;
  readonly aliasTargets: Map<Alias, Node>;
}

/** Visits every node once, in document order, with a stack rather than recursion. */
function walkNodes(root: Node | null): NodeWalk {
  const anchors = new Map<string, Node>();
  const aliasTargets = new Map<Alias, Node>();
  const found = (problem: Partial<NodeWalk>): NodeWalk => ({
    repeatedKey: undefined,
    unknownAlias: undefined,
    aliasTargets,
    ...problem,
  });
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) return found({ unknownAlias: node });
      aliasTargets.set(node, target);
      continue;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isScalar(node)) continue;
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const { key } of node.items) {
        if (!isScalar(key)) continue;
        if (keys.has(key.value)) return found({ repeatedKey: key });
        keys.add(key.value);
      }
    }
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item: unknown = node.items[i];
      if (isPair(item)) stack.push(item.value, item.key);
      else stack.push(item);
    }
  }
  return found({});
}

/**
 * An origin is a file's path in the workspace, or `<input> input` for YAML given inline, which
 * has no file to annotate.
 */
function sourceLocation(origin: string, line: number, column: number): SourceLocation | undefined {
  return origin.endsWith(' input') ? undefined : { file: origin, line, column };
}

/** The literal key YAML 1.1 merges a mapping with (`<<: *defaults`). */
const MERGE_KEY = '<<';

/** The file every node of one configuration comes from. */
class ConfigSource {
  readonly origin: string;
  readonly lines: LineCounter;
  readonly #aliasTargets: ReadonlyMap<Alias, Node>;

  constructor(origin: string, yaml: YamlText) {
    this.origin = origin;
    this.lines = yaml.lines;
    this.#aliasTargets = yaml.aliasTargets;
  }

  /**
   * The node itself, or for an alias the node its anchor is set on. An alias is followed only
   * when a value is read, never expanded, so a document of aliases of aliases costs what its
   * text does.
   */
  resolve(node: unknown): Node | null {
    if (isAlias(node)) return this.#aliasTargets.get(node) ?? null;
    return (node as Node | null | undefined) ?? null;
  }
}

/**
 * A node of a user's YAML configuration file that knows where it stands, so that every error
 * names the file, line and column, the offending key or value, and what is allowed there.
 */
export class ConfigNode {
  readonly #node: Node | null;
  readonly #source: ConfigSource;
  /** Dotted path from the root, for messages: `routes.rust.paths`. */
  readonly path: string;

  private constructor(node: unknown, source: ConfigSource, path: string) {
    this.#node = source.resolve(node);
    this.#source = source;
    this.path = path;
  }

  static parse(text: string, origin: string): ConfigNode {
    let yaml: YamlText;
    try {
      yaml = readYaml(text);
    } catch (error) {
      if (!(error instanceof YamlSyntaxError)) throw error;
      throw new ConfigurationError(
        `${origin}:${error.line}:${error.column}: invalid YAML: ${error.message}`,
        sourceLocation(origin, error.line, error.column),
      );
    }
    return new ConfigNode(yaml.document.contents, new ConfigSource(origin, yaml), '');
  }

  get isMissing(): boolean {
    return this.#node === null || (isScalar(this.#node) && this.#node.value === null);
  }

  #position(node: Node | null): { line: number; col: number } | undefined {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : this.#source.lines.linePos(offset);
  }

  location(node: Node | null = this.#node): string {
    const at = this.#position(node);
    return at ? `${this.#source.origin}:${at.line}:${at.col}` : this.#source.origin;
  }

  error(message: string, node: Node | null = this.#node): ConfigurationError {
    const where = this.path === '' ? '' : `: ${this.path}`;
    const at = this.#position(node);
    return new ConfigurationError(
      `${this.location(node)}${where}: ${message}`,
      at && sourceLocation(this.#source.origin, at.line, at.col),
    );
  }

  /** A mapping's entries in file order; keys outside `allowed` (when given) are rejected. */
  entries(allowed?: readonly string[]): [string, ConfigNode][] {
    const node = this.#node;
    if (this.isMissing) return [];
    if (!isMap(node)) throw this.error('expected a mapping');
    return node.items.map((pair) => {
      const keyNode = this.#source.resolve(pair.key);
      if (!isScalar(keyNode)) throw this.error('expected a plain key', keyNode);
      const key = String(keyNode.value);
      if (key === MERGE_KEY && keyNode.type === Scalar.PLAIN) {
        throw this.error(
          "YAML merge keys ('<<') are not supported: write the keys out, or alias the whole value",
          keyNode,
        );
      }
      if (allowed && !allowed.includes(key)) {
        throw this.error(`unknown key '${key}', expected one of ${allowed.join('|')}`, keyNode);
      }
      const child = this.path === '' ? key : `${this.path}.${key}`;
      return [key, new ConfigNode(pair.value, this.#source, child)];
    });
  }

  /** A mapping as an object of child nodes; unknown keys are rejected. */
  fields<K extends string>(allowed: readonly K[]): Partial<Record<K, ConfigNode>> {
    return Object.fromEntries(this.entries(allowed)) as Partial<Record<K, ConfigNode>>;
  }

  /** A scalar string, or a list of them. */
  strings(): string[] {
    const node = this.#node;
    if (this.isMissing) return [];
    if (isSeq(node)) {
      return node.items.map((item, index) =>
        new ConfigNode(item, this.#source, `${this.path}[${index}]`).string(),
      );
    }
    return [this.string()];
  }

  string(): string {
    const node = this.#node;
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
      throw this.error('expected a string');
    }
    return typeof node.value === 'string' ? node.value : JSON.stringify(node.value);
  }

  boolean(): boolean {
    const node = this.#node;
    if (!isScalar(node) || typeof node.value !== 'boolean') {
      throw this.error(`expected true|false, got '${this.text()}'`);
    }
    return node.value;
  }

  get isList(): boolean {
    return isSeq(this.#node);
  }

  get isScalar(): boolean {
    return isScalar(this.#node);
  }

  /** The source text of this node, for messages. */
  text(): string {
    const node = this.#node;
    if (!isScalar(node)) return node?.toString() ?? '';
    return typeof node.value === 'string' ? node.value : JSON.stringify(node.value);
  }

  /** The location of each list item, for errors about one item. */
  items(): ConfigNode[] {
    const node = this.#node;
    if (this.isMissing) return [];
    if (!isSeq(node)) return [this];
    return node.items.map(
      (item, index) => new ConfigNode(item, this.#source, `${this.path}[${index}]`),
    );
  }
}
