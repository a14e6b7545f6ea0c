import { parse, YAMLParseError } from 'yaml';
import { ConfigurationError } from '../runner/errors.ts';
import { shown } from '../common/shown.ts';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One combination of dimension values: `{package: 'core', os: 'linux'}`. */
export type DimensionEntry = Readonly<Record<string, JsonValue>>;

export interface Dimensions {
  /** Axis names in input order (for an explicit list, every key any entry uses). */
  readonly axes: readonly string[];
  /** Every combination, in order: the first axis varies slowest, as GitHub expands axes. */
  readonly entries: readonly DimensionEntry[];
}

/** A dimension becomes a matrix key: same rule as GitHub's matrix variable names. */
const DIMENSION_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

const INPUT = 'dimensions';
const FORMS = 'a mapping of axes to value lists (package: [core, cli]) or a list of entries';

const fail = (message: string) => new ConfigurationError(`${INPUT}: ${message}`);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A matrix value: a scalar, or a list or object of them (GitHub passes objects through). */
function matrixValue(value: unknown, where: string): JsonValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map((item, i) => matrixValue(item, `${where}[${i}]`));
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, matrixValue(item, `${where}.${key}`)]),
    );
  }
  throw fail(`${where}: got ${shown(value)}, expected a string, number, boolean, list or mapping`);
}

function axisName(name: string, reserved: readonly string[]): string {
  if (!DIMENSION_NAME.test(name)) {
    throw fail(
      `'${name}' cannot be a matrix key: use letters, digits, '_' and '-', starting with a letter or '_'`,
    );
  }
  if (reserved.includes(name)) {
    throw fail(`'${name}' is a key lane-matrix sets in every leg; rename the dimension`);
  }
  return name;
}

function crossProduct(
  axes: readonly (readonly [string, readonly JsonValue[]])[],
): DimensionEntry[] {
  let entries: Record<string, JsonValue>[] = [{}];
  for (const [name, values] of axes) {
    entries = entries.flatMap((entry) => values.map((value) => ({ ...entry, [name]: value })));
  }
  return entries;
}

/**
 * The `dimensions` input, YAML or JSON: axes to cross (`package: [core, cli, tui]`), or a list
 * of explicit entries (`[{package: core, features: all}, {package: cli}]`). `reserved` are the
 * keys lane-matrix writes itself.
 */
export function parseDimensions(text: string, reserved: readonly string[]): Dimensions {
  let value: unknown;
  try {
    value = parse(text, { uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      throw fail(`invalid YAML or JSON: ${error.message.split('\n')[0] ?? ''}`);
    }
    throw error;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) throw fail(`got an empty list, expected ${FORMS}`);
    const axes = new Set<string>();
    const seen = new Set<string>();
    const entries = value.map((item, i): DimensionEntry => {
      if (!isObject(item) || Object.keys(item).length === 0) {
        throw fail(`entry ${i + 1}: expected a mapping of dimension values, got ${shown(item)}`);
      }
      const entry = Object.fromEntries(
        Object.entries(item).map(([key, v]) => {
          axes.add(axisName(key, reserved));
          return [key, matrixValue(v, `entry ${i + 1}.${key}`)];
        }),
      );
      const key = JSON.stringify(entry);
      if (seen.has(key)) throw fail(`entry ${i + 1} repeats an earlier entry: ${key}`);
      seen.add(key);
      return entry;
    });
    return { axes: [...axes], entries };
  }
  if (!isObject(value) || Object.keys(value).length === 0) {
    throw fail(`got ${shown(value)}, expected ${FORMS}`);
  }
  const axes = Object.entries(value).map(([name, values]): [string, JsonValue[]] => {
    axisName(name, reserved);
    if (!Array.isArray(values) || values.length === 0) {
      throw fail(`${name}: expected a non-empty list of values, got ${shown(values)}`);
    }
    const seen = new Set<string>();
    return [
      name,
      values.map((v, i) => {
        const parsed = matrixValue(v, `${name}[${i}]`);
        const key = JSON.stringify(parsed);
        if (seen.has(key)) throw fail(`${name} lists ${key} twice`);
        seen.add(key);
        return parsed;
      }),
    ];
  });
  return { axes: axes.map(([name]) => name), entries: crossProduct(axes) };
}
