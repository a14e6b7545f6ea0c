import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ConfigurationError } from './errors.ts';

export interface ConfigText {
  readonly text: string;
  /** The file, or `<input> input` for inline YAML, for messages. */
  readonly origin: string;
}

/** The step's working tree: `GITHUB_WORKSPACE`, or the current directory outside a runner. */
export const workspaceOf = (env: NodeJS.ProcessEnv): string =>
  env.GITHUB_WORKSPACE ?? process.cwd();

/** A path as a workflow author writes it: relative to the workspace, or absolute. */
export const inWorkspace = (workspace: string, path: string): string =>
  isAbsolute(path) ? path : resolve(workspace, path);

/** True when an input holds YAML itself rather than the path of a file. */
export function isInlineConfig(value: string): boolean {
  return value.includes('\n') || /^\s*[{[]/.test(value);
}

/**
 * Reads a configuration input that holds either a workspace file path or the YAML itself.
 * A missing file is an error naming the input, unless it is the default file and the
 * configuration is optional (then the result is undefined).
 */
export function readConfigInput(
  input: string,
  value: string,
  options: { defaultFile: string; optional: boolean; workspace: string },
): ConfigText | undefined {
  if (isInlineConfig(value)) return { text: value, origin: `${input} input` };
  const path = inWorkspace(options.workspace, value);
  if (!existsSync(path)) {
    if (options.optional && value === options.defaultFile) return undefined;
    throw new ConfigurationError(
      `${input}: got '${value}', expected a file in the workspace or inline YAML; no file at ${path}` +
        (value === options.defaultFile ? ' (did the job run actions/checkout first?)' : ''),
    );
  }
  return { text: readFileSync(path, 'utf8'), origin: value };
}
