import { readConfigInput } from '../runner/config-input.ts';
import type { LanesConfig } from './lanes-config.ts';
import { DEFAULT_LANES_FILE, parseLanesConfig } from './lanes-config.ts';

/**
 * The `lanes-file` input: a lanes file in the workspace or the YAML itself. Undefined only when
 * `optional` and the default file is not there.
 */
export function readLanesInput(
  value: string,
  options: { optional: boolean; workspace: string },
): LanesConfig | undefined {
  const file = readConfigInput('lanes-file', value, {
    defaultFile: DEFAULT_LANES_FILE,
    ...options,
  });
  return file ? parseLanesConfig(file.text, file.origin) : undefined;
}
