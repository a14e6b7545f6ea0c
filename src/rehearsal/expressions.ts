/**
 * GitHub Actions expressions (`${{ ... }}`), evaluated as the runner does, for the subset the
 * example workflows use: literals, context properties (`needs.lanes.outputs.matrix`,
 * `matrix['artifact-suffix']`), `! == != < <= > >= && ||`, parentheses, and the functions
 * fromJSON, toJSON, join, contains, startsWith, endsWith, format, and the status functions.
 * Anything else throws, so a workflow the harness cannot evaluate fails loudly.
 */
import { errorMessage } from '../common/error-message.ts';

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export interface ExpressionContext {
  readonly contexts: Readonly<Record<string, Value>>;
  /**
   * What success(), failure() and cancelled() answer; `skipped` (a job something needed was
   * skipped) answers false to all three.
   */
  readonly status?: 'success' | 'failure' | 'cancelled' | 'skipped';
}

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'word'; value: string }
  | { kind: 'op'; value: string };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '!', '<', '>', '(', ')', '[', ']', ',', '.'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`unterminated string in ${text}`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++]!;
      }
      tokens.push({ kind: 'string', value });
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^-?(0x[0-9a-fA-F]+|[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)/.exec(text.slice(i))!;
      tokens.push({ kind: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i))!;
      tokens.push({ kind: 'word', value: match[0] });
      i += match[0].length;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (!op) throw new Error(`unexpected '${ch}' in ${text}`);
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    }
  }
  return tokens;
}

function isObject(value: Value): value is { [key: string]: Value } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** GitHub's string coercion. */
export function toText(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'Array' : 'Object';
}

function toNumber(value: Value): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value);
  return Number.NaN;
}

export function truthy(value: Value): boolean {
  if (value === null || value === false || value === '') return false;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return true;
}

/** `==` as GitHub defines it: strings ignore case, other mixed types compare as numbers. */
function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b && (typeof a !== 'object' || a === null || b === null)) return a === b;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return a === b;
  return toNumber(a) === toNumber(b);
}

/** Properties are looked up ignoring case, as GitHub's contexts are. */
function property(target: Value, key: string): Value {
  if (Array.isArray(target)) {
    const index = Number(key);
    return Number.isInteger(index) ? (target[index] ?? null) : null;
  }
  if (!isObject(target)) return null;
  if (key in target) return target[key]!;
  const found = Object.keys(target).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? null : target[found]!;
}

class Parser {
  readonly #tokens: Token[];
  readonly #context: ExpressionContext;
  #at = 0;

  constructor(text: string, context: ExpressionContext) {
    this.#tokens = tokenize(text);
    this.#context = context;
  }

  parse(): Value {
    const value = this.#or();
    if (this.#at < this.#tokens.length) throw new Error('unexpected trailing tokens');
    return value;
  }

  #peek(value: string): boolean {
    const token = this.#tokens[this.#at];
    return token?.kind === 'op' && token.value === value;
  }

  #expect(value: string): void {
    if (!this.#peek(value)) throw new Error(`expected '${value}'`);
    this.#at++;
  }

  #or(): Value {
    let left = this.#and();
    while (this.#peek('||')) {
      this.#at++;
      const right = this.#and();
      left = truthy(left) ? left : right;
    }
    return left;
  }

  #and(): Value {
    let left = this.#comparison();
    while (this.#peek('&&')) {
      this.#at++;
      const right = this.#comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  }

  #comparison(): Value {
    let left = this.#unary();
    for (;;) {
      const op = ['==', '!=', '<=', '>=', '<', '>'].find((o) => this.#peek(o));
      if (!op) return left;
      this.#at++;
      const right = this.#unary();
      switch (op) {
        case '==':
          left = equal(left, right);
          break;
        case '!=':
          left = !equal(left, right);
          break;
        case '<':
          left = toNumber(left) < toNumber(right);
          break;
        case '<=':
          left = toNumber(left) <= toNumber(right);
          break;
        case '>':
          left = toNumber(left) > toNumber(right);
          break;
        default:
          left = toNumber(left) >= toNumber(right);
      }
    }
  }

  #unary(): Value {
    if (this.#peek('!')) {
      this.#at++;
      return !truthy(this.#unary());
    }
    return this.#postfix(this.#primary());
  }

  #postfix(start: Value): Value {
    let value = start;
    for (;;) {
      if (this.#peek('.')) {
        this.#at++;
        const token = this.#tokens[this.#at++];
        if (token?.kind !== 'word') throw new Error('expected a property name after .');
        value = property(value, token.value);
      } else if (this.#peek('[')) {
        this.#at++;
        const key = this.#or();
        this.#expect(']');
        value = property(value, toText(key));
      } else {
        return value;
      }
    }
  }

  #primary(): Value {
    const token = this.#tokens[this.#at++];
    if (!token) throw new Error('unexpected end of expression');
    if (token.kind === 'string' || token.kind === 'number') return token.value;
    if (token.kind === 'op') {
      if (token.value !== '(') throw new Error(`unexpected '${token.value}'`);
      const value = this.#or();
      this.#expect(')');
      return value;
    }
    const word = token.value;
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    if (this.#peek('(')) {
      this.#at++;
      const args: Value[] = [];
      if (!this.#peek(')')) {
        args.push(this.#or());
        while (this.#peek(',')) {
          this.#at++;
          args.push(this.#or());
        }
      }
      this.#expect(')');
      return this.#call(word.toLowerCase(), args);
    }
    const context = Object.keys(this.#context.contexts).find(
      (name) => name.toLowerCase() === word.toLowerCase(),
    );
    if (context === undefined) throw new Error(`unknown context '${word}'`);
    return this.#context.contexts[context]!;
  }

  #call(name: string, args: Value[]): Value {
    const status = this.#context.status ?? 'success';
    const [a = null, b = null] = args;
    switch (name) {
      case 'fromjson':
        return JSON.parse(toText(a)) as Value;
      case 'tojson':
        return JSON.stringify(a, null, 2);
      case 'join':
        return Array.isArray(a) ? a.map(toText).join(args.length > 1 ? toText(b) : ',') : toText(a);
      case 'contains':
        return Array.isArray(a)
          ? a.some((item) => equal(item, b))
          : toText(a).toLowerCase().includes(toText(b).toLowerCase());
      case 'startswith':
        return toText(a).toLowerCase().startsWith(toText(b).toLowerCase());
      case 'endswith':
        return toText(a).toLowerCase().endsWith(toText(b).toLowerCase());
      case 'format':
        return toText(a).replace(/\{(\d+)\}/g, (_, i: string) =>
          toText(args[Number(i) + 1] ?? null),
        );
      case 'always':
        return true;
      case 'success':
        return status === 'success';
      case 'failure':
        return status === 'failure';
      case 'cancelled':
        return status === 'cancelled';
      default:
        throw new Error(`unsupported function ${name}()`);
    }
  }
}

export function evaluate(expression: string, context: ExpressionContext): Value {
  try {
    return new Parser(expression, context).parse();
  } catch (error) {
    throw new Error(`cannot evaluate \${{ ${expression} }}: ${errorMessage(error)}`);
  }
}

const WHOLE = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/;
const PART = /\$\{\{([\s\S]*?)\}\}/g;

/**
 * A workflow value: a lone `${{ expr }}` gives the expression's value (a matrix object, a
 * boolean for continue-on-error); text around expressions gives text, each coerced as GitHub does.
 */
export function evaluateValue(value: unknown, context: ExpressionContext): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole && !whole[1]!.includes('}}')) return evaluate(whole[1]!, context);
    return value.replace(PART, (_, expression: string) => toText(evaluate(expression, context)));
  }
  if (Array.isArray(value)) return value.map((item) => evaluateValue(item, context));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, evaluateValue(item, context)]),
    );
  }
  return value;
}

/** A job's or step's `if:`: `${{ }}` optional, and `success() &&` implied without a status function. */
export function evaluateCondition(condition: unknown, context: ExpressionContext): boolean {
  const succeeded = (context.status ?? 'success') === 'success';
  if (condition === undefined || condition === null) return succeeded;
  if (typeof condition === 'boolean' || typeof condition === 'number') {
    return truthy(condition) && succeeded;
  }
  if (typeof condition !== 'string') throw new Error('if: must be an expression');
  const text = condition.trim();
  const expression = WHOLE.exec(text)?.[1] ?? text;
  const hasStatus = /\b(always|success|failure|cancelled)\s*\(/.test(expression);
  return truthy(evaluate(hasStatus ? expression : `success() && (${expression})`, context));
}
