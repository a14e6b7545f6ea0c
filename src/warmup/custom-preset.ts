import { ConfigurationError, invalidValue } from '../runner/errors.ts';
import type { Preset } from './presets.ts';

/** The custom preset's inputs, as given. */
export interface CustomInputs {
  readonly paths: readonly string[];
  readonly keyFiles: readonly string[];
  readonly fetch: string | undefined;
  readonly verify: string | undefined;
  readonly offlineEnv: readonly string[];
}

/**
 * A command input as an argv, run without a shell: a JSON array of strings, or words separated
 * by white space (no quoting, no expansion).
 */
export function parseCommand(input: string, value: string): string[] {
  if (value.trimStart().startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    if (
      !Array.isArray(parsed) ||
      parsed.length === 0 ||
      !parsed.every((arg) => typeof arg === 'string')
    ) {
      throw invalidValue(input, value, 'a JSON array of strings (program first) or words');
    }
    return parsed;
  }
  return value.split(/\s+/).filter((word) => word !== '');
}

function parseEnv(input: string, entries: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of entries) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(entry);
    if (!match) throw invalidValue(input, entry, 'NAME=value entries');
    env[match[1]!] = match[2]!;
  }
  return env;
}

function required<T>(input: string, value: T | undefined, what: string): T {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    throw new ConfigurationError(`${input}: the custom ecosystem needs ${what}`);
  }
  return value;
}

/** The preset the custom ecosystem's inputs describe; its version is its commands. */
export function customPreset(inputs: CustomInputs): Preset {
  const paths = required('paths', inputs.paths, 'the directories to cache');
  const keyFiles = required('key-files', inputs.keyFiles, 'the lockfile names that key the cache');
  const fetch = parseCommand(
    'fetch',
    required('fetch', inputs.fetch, 'the command that fills the cache'),
  );
  const verify = parseCommand(
    'verify',
    required('verify', inputs.verify, 'the command that proves it offline'),
  );
  return {
    name: 'custom',
    version: JSON.stringify({ fetch, verify }),
    root: undefined,
    paths,
    keyFiles,
    manifest: undefined,
    fetch,
    verify,
    offlineEnv: parseEnv('offline-env', inputs.offlineEnv),
    prune: [],
  };
}
