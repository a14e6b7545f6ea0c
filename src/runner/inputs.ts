import { errorMessage } from '../common/error-message.ts';
import { ConfigurationError, invalidValue } from './errors.ts';

/** Reads one raw input by its declared name (the runner's INPUT_* variables, in an action). */
export type RawInputReader = (name: string) => string;

/**
 * Strict, typed access to an action's inputs. An empty input means "not given", as in
 * `action.yml` defaults; every invalid value names the input, the value and what is allowed.
 */
export class Inputs {
  readonly #read: RawInputReader;

  constructor(read: RawInputReader) {
    this.#read = read;
  }

  optional(name: string): string | undefined {
    const value = this.#read(name).trim();
    return value === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) {
      throw new ConfigurationError(`${name}: input required and not supplied`);
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw invalidValue(name, value, 'true|false');
  }

  choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    const found = allowed.find((a) => a === value.toLowerCase());
    if (found === undefined) throw invalidValue(name, value, `one of ${allowed.join('|')}`);
    return found;
  }

  integer(name: string, fallback: number, range: { min: number; max: number }): number {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    const parsed = /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < range.min || parsed > range.max) {
      throw invalidValue(name, value, `an integer from ${range.min} to ${range.max}`);
    }
    return parsed;
  }

  /** One entry per line or per comma; blank entries and `#` comment lines are dropped. */
  list(name: string): string[] {
    const value = this.optional(name);
    if (value === undefined) return [];
    return value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .flatMap((line) => line.split(','))
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  }

  /** Parsed JSON; `what` says what shape is allowed, for the error message. */
  json(name: string, what: string): unknown {
    const value = this.optional(name);
    return value === undefined ? undefined : parseJsonInput(name, value, what);
  }
}

/** An input's value as JSON; `what` says what shape is allowed, for the error message. */
export function parseJsonInput(name: string, value: string, what: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    throw new ConfigurationError(
      `${name}: got '${shown}', expected ${what} (${errorMessage(error)})`,
    );
  }
}
