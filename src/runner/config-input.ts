import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
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

/** Whether `path`, its links followed as far as they exist, lies in one of `roots`. */
export function isInside(path: string, roots: readonly string[]): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  const target = real(path);
  return roots.some((root) => {
    const within = relative(real(root), target);
    return within === '' || (!within.startsWith('..') && !isAbsolute(within));
  });
}

/**
 * The path an input names, resolved in the workspace. A path outside `roots` (the workspace,
 * and for logs the runner's temp dir), by `..`, an absolute path or a link, is an error that
 * shows nothing of what is there.
 */
export function pathInside(input: string, value: string, roots: readonly string[]): string {
  const path = inWorkspace(roots[0]!, value);
  if (!isInside(path, roots)) {
    throw new ConfigurationError(
      `${input}: got '${value}', expected a path inside ${roots.length > 1 ? `one of ${roots.join(', ')}` : `the workspace ${roots[0]!}`}`,
    );
  }
  return path;
}

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
  const path = pathInside(input, value, [options.workspace]);
  const expected = `${input}: got '${value}', expected a file in the workspace or inline YAML`;
  if (!existsSync(path)) {
    if (options.optional && value === options.defaultFile) return undefined;
    throw new ConfigurationError(
      `${expected}; no file at ${path}` +
        (value === options.defaultFile ? ' (did the job run actions/checkout first?)' : ''),
    );
  }
  if (!statSync(path).isFile()) throw new ConfigurationError(`${expected}; ${path} is not a file`);
  try {
    return { text: readFileSync(path, 'utf8'), origin: value };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new ConfigurationError(`${expected}; ${path} cannot be read (${code})`);
  }
}
