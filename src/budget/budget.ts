/**
 * The `budget` input: one line per operation, `<operation>: <relation> <count>`, where the
 * relation is `==` (exact, the default), `<=` or `>=`, and the count is integers and `cold-deps`
 * joined by `+`, `-` and `*`: `deploy: == 1 + cold-deps`, `image-push: <= 2`.
 */
import { ConfigurationError } from '../runner/errors.ts';
import { OPERATION_NAME } from './record.ts';

export type Relation = '==' | '<=' | '>=';

export interface BudgetLine {
  readonly operation: string;
  readonly relation: Relation;
  /** The count as written, e.g. `1 + cold-deps`. */
  readonly count: string;
  /** The count for a number of cold dependencies. */
  readonly expected: (coldDeps: number) => number;
}

export const DEFAULT_BUDGET = 'deploy: == 1 + cold-deps';

const LINE = /^([^:]*):(.*)$/;
const RELATION = /^\s*(==|<=|>=)?\s*(.*)$/;
const TOKEN = /\s*(\d+|cold-deps|[-+*])\s*/y;

type Term = (coldDeps: number) => number;

function tokenize(text: string): string[] | undefined {
  const tokens: string[] = [];
  for (let at = 0; at < text.length; at = TOKEN.lastIndex) {
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(text);
    if (!match) return undefined;
    tokens.push(match[1]!);
  }
  return tokens;
}

/** Integers and cold-deps joined by + - *, with `*` binding first; undefined if unparsable. */
function parseCount(text: string): Term | undefined {
  const tokens = tokenize(text);
  if (tokens === undefined) return undefined;
  let at = 0;
  const factor = (): Term | undefined => {
    const token = tokens[at++];
    if (token === 'cold-deps') return (n) => n;
    if (token !== undefined && /^\d+$/.test(token)) {
      const value = Number(token);
      return Number.isSafeInteger(value) ? () => value : undefined;
    }
    return undefined;
  };
  const product = (): Term | undefined => {
    let left = factor();
    while (left && tokens[at] === '*') {
      at++;
      const [l, right] = [left, factor()];
      left = right && ((n) => l(n) * right(n));
    }
    return left;
  };
  let sum = product();
  while (sum && (tokens[at] === '+' || tokens[at] === '-')) {
    const sign = tokens[at++] === '+' ? 1 : -1;
    const [l, right] = [sum, product()];
    sum = right && ((n) => l(n) + sign * right(n));
  }
  return at === tokens.length ? sum : undefined;
}

/** The budget lines of `text`; `input` names the input in errors. */
export function parseBudget(text: string, input = 'budget'): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const at = `${input}: line ${index + 1} '${trimmed}'`;
    const parts = LINE.exec(trimmed);
    if (!parts) {
      throw new ConfigurationError(
        `${at}: expected '<operation>: <relation> <count>', e.g. 'deploy: == 1 + cold-deps'`,
      );
    }
    const operation = parts[1]!.trim();
    if (!OPERATION_NAME.test(operation)) {
      throw new ConfigurationError(
        `${at}: unknown operation '${operation}', expected a record operation name (lower case letters, digits, - _ .) such as deploy or image-push`,
      );
    }
    if (lines.some((line) => line.operation === operation)) {
      throw new ConfigurationError(`${at}: operation '${operation}' has a budget already`);
    }
    const [, relation = '==', count = ''] = RELATION.exec(parts[2]!)!;
    const expected = parseCount(count);
    if (expected === undefined) {
      throw new ConfigurationError(
        `${at}: cannot read the bound '${parts[2]!.trim()}', expected ==, <= or >= then integers and cold-deps joined by + - *`,
      );
    }
    lines.push({ operation, relation: relation as Relation, count: count.trim(), expected });
  }
  if (lines.length === 0) {
    throw new ConfigurationError(`${input}: no budget line, expected e.g. '${DEFAULT_BUDGET}'`);
  }
  return lines;
}
