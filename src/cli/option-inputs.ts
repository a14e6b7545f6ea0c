import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorMessage } from '../common/error-message.ts';
import { ConfigurationError } from '../runner/errors.ts';
import { Inputs } from '../runner/inputs.ts';
import { UsageError } from './usage-error.ts';

/**
 * A command's option values as an action's inputs, so that the CLI parses each value with the
 * very parser the action uses for its input of the same name (lists, integers, JSON).
 */
export function optionInputs(
  values: Readonly<Record<string, string | boolean | undefined>>,
): Inputs {
  return new Inputs((name) => {
    const value = values[name];
    return typeof value === 'string' ? value : '';
  });
}

/**
 * An error of a core that checks values under the action's input names: one that names one of
 * `options` (`shards: got '0', ...`) is about that option here (`--shards: got '0', ...`).
 */
export function asOptionError(options: readonly string[], error: unknown): unknown {
  if (!(error instanceof ConfigurationError)) return error;
  const named = options.find((name) => error.message.startsWith(`${name}: `));
  return named === undefined ? error : new UsageError(`--${error.message}`);
}

/** Runs `read`, its errors about the action's inputs made errors about `options`. */
export function withOptionNames<T>(options: readonly string[], read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw asOptionError(options, error);
  }
}

/** The text of the file an option names, or of stdin for `-`. */
export function readOptionFile(option: string, file: string): string {
  if (file === '-') return readFileSync(0, 'utf8');
  const path = resolve(file);
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new UsageError(`--${option}: got '${file}', but there is no file at ${path}`);
  }
  if (!isFile) throw new UsageError(`--${option}: got '${file}', but ${path} is not a file`);
  return readFileSync(path, 'utf8');
}

/** The JSON in the file an option names; `what` says what it should hold. */
export function readOptionJson(option: string, file: string, what: string): unknown {
  const text = readOptionFile(option, file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(
      `--${option}: ${file === '-' ? 'stdin' : file} is not JSON (${errorMessage(error)}); expected ${what}`,
    );
  }
}
