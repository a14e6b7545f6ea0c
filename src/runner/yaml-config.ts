import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import type { SourceLocation } from './errors.ts';
import { ConfigurationError } from './errors.ts';

/**
 * An origin is a file's path in the workspace, or `<input> input` for YAML given inline, which
 * has no file to annotate.
 */
function sourceLocation(origin: string, line: number, column: number): SourceLocation | undefined {
  return origin.endsWith(' input') ? undefined : { file: origin, line, column };
}

/**
 * A node of a user's YAML configuration file that knows where it stands, so that every error
 * names the file, line and column, the offending key or value, and what is allowed there.
 */
export class ConfigNode {
  readonly #node: Node | null;
  readonly #origin: string;
  readonly #lines: LineCounter;
  /** Dotted path from the root, for messages: `routes.rust.paths`. */
  readonly path: string;

  constructor(node: Node | null, origin: string, lines: LineCounter, path: string) {
    this.#node = node;
    this.#origin = origin;
    this.#lines = lines;
    this.path = path;
  }

  static parse(text: string, origin: string): ConfigNode {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const first = doc.errors[0];
    if (first) {
      const { line, col } = lines.linePos(first.pos[0]);
      throw new ConfigurationError(
        `${origin}:${line}:${col}: invalid YAML: ${first.message.split('\n')[0] ?? ''}`,
        sourceLocation(origin, line, col),
      );
    }
    return new ConfigNode(doc.contents, origin, lines, '');
  }

  get isMissing(): boolean {
    return this.#node === null || (isScalar(this.#node) && this.#node.value === null);
  }

  #position(node: Node | null): { line: number; col: number } | undefined {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : this.#lines.linePos(offset);
  }

  location(node: Node | null = this.#node): string {
    const at = this.#position(node);
    return at ? `${this.#origin}:${at.line}:${at.col}` : this.#origin;
  }

  error(message: string, node: Node | null = this.#node): ConfigurationError {
    const where = this.path === '' ? '' : `: ${this.path}`;
    const at = this.#position(node);
    return new ConfigurationError(
      `${this.location(node)}${where}: ${message}`,
      at && sourceLocation(this.#origin, at.line, at.col),
    );
  }

  /** A mapping's entries in file order; keys outside `allowed` (when given) are rejected. */
  entries(allowed?: readonly string[]): [string, ConfigNode][] {
    const node = this.#node;
    if (this.isMissing) return [];
    if (!isMap(node)) throw this.error('expected a mapping');
    return node.items.map((pair) => {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      if (key === undefined) throw this.error('expected a plain key', keyNode);
      if (allowed && !allowed.includes(key)) {
        throw this.error(`unknown key '${key}', expected one of ${allowed.join('|')}`, keyNode);
      }
      const child = this.path === '' ? key : `${this.path}.${key}`;
      return [key, new ConfigNode(pair.value as Node | null, this.#origin, this.#lines, child)];
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
      return node.items.map((item, index) => {
        const child = new ConfigNode(
          item as Node,
          this.#origin,
          this.#lines,
          `${this.path}[${index}]`,
        );
        return child.string();
      });
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
      (item, index) =>
        new ConfigNode(item as Node, this.#origin, this.#lines, `${this.path}[${index}]`),
    );
  }
}
