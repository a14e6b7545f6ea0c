import { ConfigurationError, invalidValue } from './configuration-error.ts';

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
}
