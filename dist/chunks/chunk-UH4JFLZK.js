import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-Z6KEAZSF.js";
import {
  ConfigurationError
} from "./chunk-2WEQVLCG.js";
import {
  __toESM
} from "./chunk-PYTXODB5.js";

// src/runner/yaml-config.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_YAML_NESTING = 256;
var YamlSyntaxError = class extends Error {
  name = "YamlSyntaxError";
  line;
  column;
  constructor(message, line, column) {
    super(message);
    this.line = line;
    this.column = column;
  }
};
function readYaml(text) {
  const lines = new import_yaml.LineCounter();
  const fail = (message, offset) => {
    const { line, col } = lines.linePos(offset);
    return new YamlSyntaxError(message.split("\n")[0] ?? "", line, col);
  };
  const tooDeep = (offset) => fail(`collections nested deeper than ${MAX_YAML_NESTING} levels`, offset);
  const parser = new import_yaml.Parser(lines.addNewLine);
  const tokens = [];
  lines.addNewLine(0);
  for (const lexeme of new import_yaml.Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > MAX_YAML_NESTING + 2) {
      throw tooDeep(parser.stack[MAX_YAML_NESTING + 1].offset);
    }
  }
  for (const token of parser.end()) tokens.push(token);
  const deepCollection = collectionTooDeep(tokens);
  if (deepCollection !== void 0) throw tooDeep(deepCollection);
  const composer = new import_yaml.Composer({ uniqueKeys: false, logLevel: "error" });
  const documents = [];
  for (const document2 of composer.compose(tokens, true, text.length)) {
    documents.push(document2);
    if (documents.length === 2) break;
  }
  const [document, second] = documents;
  const error = document.errors[0];
  if (error) throw fail(error.message, error.pos[0]);
  if (second) throw fail("Source contains multiple documents; expected one", second.range[0]);
  const { repeatedKey, unknownAlias, aliasTargets } = walkNodes(document.contents);
  if (repeatedKey) throw fail("Map keys must be unique", repeatedKey.range?.[0] ?? 0);
  if (unknownAlias) {
    throw fail(
      `alias '*${unknownAlias.source}' names no anchor before it; set '&${unknownAlias.source}' on an earlier value`,
      unknownAlias.range?.[0] ?? 0
    );
  }
  return { document, lines, aliasTargets };
}
function collectionTooDeep(tokens) {
  const stack = tokens.map((token) => [token, 0]);
  for (let next = stack.pop(); next !== void 0; next = stack.pop()) {
    const [token, depth] = next;
    if (token.type === "document") {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
      if (depth === MAX_YAML_NESTING) return token.offset;
      for (const item of token.items) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return void 0;
}
function walkNodes(root) {
  const anchors = /* @__PURE__ */ new Map();
  const aliasTargets = /* @__PURE__ */ new Map();
  const found = (problem) => ({
    repeatedKey: void 0,
    unknownAlias: void 0,
    aliasTargets,
    ...problem
  });
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if ((0, import_yaml.isAlias)(node)) {
      const target = anchors.get(node.source);
      if (target === void 0) return found({ unknownAlias: node });
      aliasTargets.set(node, target);
      continue;
    }
    if (!(0, import_yaml.isScalar)(node) && !(0, import_yaml.isMap)(node) && !(0, import_yaml.isSeq)(node)) continue;
    if (node.anchor) anchors.set(node.anchor, node);
    if ((0, import_yaml.isScalar)(node)) continue;
    if ((0, import_yaml.isMap)(node)) {
      const keys = /* @__PURE__ */ new Set();
      for (const { key } of node.items) {
        if (!(0, import_yaml.isScalar)(key)) continue;
        if (keys.has(key.value)) return found({ repeatedKey: key });
        keys.add(key.value);
      }
    }
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item = node.items[i];
      if ((0, import_yaml.isPair)(item)) stack.push(item.value, item.key);
      else stack.push(item);
    }
  }
  return found({});
}
function sourceLocation(origin, line, column) {
  return origin.endsWith(" input") ? void 0 : { file: origin, line, column };
}
var MERGE_KEY = "<<";
var ConfigSource = class {
  origin;
  lines;
  #aliasTargets;
  constructor(origin, yaml) {
    this.origin = origin;
    this.lines = yaml.lines;
    this.#aliasTargets = yaml.aliasTargets;
  }
  /**
   * The node itself, or for an alias the node its anchor is set on. An alias is followed only
   * when a value is read, never expanded, so a document of aliases of aliases costs what its
   * text does.
   */
  resolve(node) {
    if ((0, import_yaml.isAlias)(node)) return this.#aliasTargets.get(node) ?? null;
    return node ?? null;
  }
};
var ConfigNode = class _ConfigNode {
  #node;
  #source;
  /** Dotted path from the root, for messages: `routes.rust.paths`. */
  path;
  constructor(node, source, path) {
    this.#node = source.resolve(node);
    this.#source = source;
    this.path = path;
  }
  static parse(text, origin) {
    let yaml;
    try {
      yaml = readYaml(text);
    } catch (error) {
      if (!(error instanceof YamlSyntaxError)) throw error;
      throw new ConfigurationError(
        `${origin}:${error.line}:${error.column}: invalid YAML: ${error.message}`,
        sourceLocation(origin, error.line, error.column)
      );
    }
    return new _ConfigNode(yaml.document.contents, new ConfigSource(origin, yaml), "");
  }
  get isMissing() {
    return this.#node === null || (0, import_yaml.isScalar)(this.#node) && this.#node.value === null;
  }
  #position(node) {
    const offset = node?.range?.[0];
    return offset === void 0 ? void 0 : this.#source.lines.linePos(offset);
  }
  location(node = this.#node) {
    const at = this.#position(node);
    return at ? `${this.#source.origin}:${at.line}:${at.col}` : this.#source.origin;
  }
  error(message, node = this.#node) {
    const where = this.path === "" ? "" : `: ${this.path}`;
    const at = this.#position(node);
    return new ConfigurationError(
      `${this.location(node)}${where}: ${message}`,
      at && sourceLocation(this.#source.origin, at.line, at.col)
    );
  }
  /** A mapping's entries in file order; keys outside `allowed` (when given) are rejected. */
  entries(allowed) {
    const node = this.#node;
    if (this.isMissing) return [];
    if (!(0, import_yaml.isMap)(node)) throw this.error("expected a mapping");
    return node.items.map((pair) => {
      const keyNode = this.#source.resolve(pair.key);
      if (!(0, import_yaml.isScalar)(keyNode)) throw this.error("expected a plain key", keyNode);
      const key = String(keyNode.value);
      if (key === MERGE_KEY && keyNode.type === import_yaml.Scalar.PLAIN) {
        throw this.error(
          "YAML merge keys ('<<') are not supported: write the keys out, or alias the whole value",
          keyNode
        );
      }
      if (allowed && !allowed.includes(key)) {
        throw this.error(`unknown key '${key}', expected one of ${allowed.join("|")}`, keyNode);
      }
      const child = this.path === "" ? key : `${this.path}.${key}`;
      return [key, new _ConfigNode(pair.value, this.#source, child)];
    });
  }
  /** A mapping as an object of child nodes; unknown keys are rejected. */
  fields(allowed) {
    return Object.fromEntries(this.entries(allowed));
  }
  /** A scalar string, or a list of them. */
  strings() {
    const node = this.#node;
    if (this.isMissing) return [];
    if ((0, import_yaml.isSeq)(node)) {
      return node.items.map(
        (item, index) => new _ConfigNode(item, this.#source, `${this.path}[${index}]`).string()
      );
    }
    return [this.string()];
  }
  string() {
    const node = this.#node;
    if (!(0, import_yaml.isScalar)(node) || node.value === null || typeof node.value === "object") {
      throw this.error("expected a string");
    }
    return typeof node.value === "string" ? node.value : JSON.stringify(node.value);
  }
  boolean() {
    const node = this.#node;
    if (!(0, import_yaml.isScalar)(node) || typeof node.value !== "boolean") {
      throw this.error(`expected true|false, got '${this.text()}'`);
    }
    return node.value;
  }
  get isList() {
    return (0, import_yaml.isSeq)(this.#node);
  }
  get isScalar() {
    return (0, import_yaml.isScalar)(this.#node);
  }
  /** The source text of this node, for messages. */
  text() {
    const node = this.#node;
    if (!(0, import_yaml.isScalar)(node)) return node?.toString() ?? "";
    return typeof node.value === "string" ? node.value : JSON.stringify(node.value);
  }
  /** The location of each list item, for errors about one item. */
  items() {
    const node = this.#node;
    if (this.isMissing) return [];
    if (!(0, import_yaml.isSeq)(node)) return [this];
    return node.items.map(
      (item, index) => new _ConfigNode(item, this.#source, `${this.path}[${index}]`)
    );
  }
};

export {
  MAX_YAML_NESTING,
  YamlSyntaxError,
  readYaml,
  ConfigNode
};
