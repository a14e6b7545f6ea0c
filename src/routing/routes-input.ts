import { readConfigInput } from '../runner/config-input.ts';
import type { RoutesConfig } from './routes-config.ts';
import { DEFAULT_ROUTES_FILE, parseRoutesConfig } from './routes-config.ts';

/** The `routes` input: a routes file in the workspace or the YAML itself. */
export function readRoutesInput(value: string, workspace: string): RoutesConfig {
  const file = readConfigInput('routes', value, {
    defaultFile: DEFAULT_ROUTES_FILE,
    optional: false,
    workspace,
  })!;
  return parseRoutesConfig(file.text, file.origin);
}
