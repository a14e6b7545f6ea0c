import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LanesConfig } from '../lanes/lanes-config.ts';
import { DEFAULT_LANES_FILE, parseLanesConfig } from '../lanes/lanes-config.ts';
import { ConfigurationError } from '../runner/errors.ts';
import { readOptionFile } from './option-inputs.ts';

/**
 * The lanes file --lanes-file names, else the default one when it is there; undefined only when
 * neither is, and `optional`.
 */
export function readLanesFile(
  given: string | undefined,
  options: { optional: boolean },
): LanesConfig | undefined {
  if (given === undefined && !existsSync(resolve(DEFAULT_LANES_FILE))) {
    if (options.optional) return undefined;
    throw new ConfigurationError(
      `no lanes file at ${resolve(DEFAULT_LANES_FILE)}: write one, or pass --lanes-file FILE`,
    );
  }
  const file = given ?? DEFAULT_LANES_FILE;
  return parseLanesConfig(readOptionFile('lanes-file', file), file);
}
