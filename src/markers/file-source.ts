import { glob, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { isInside } from '../runner/config-input.ts';
import { ConfigurationError } from '../runner/errors.ts';

const GLOB_CHARS = /[*?[\]{}]/;

export interface ExpandedPaths {
  readonly files: string[];
  /** Patterns that named nothing: a missing file, or a glob without matches. */
  readonly unmatched: string[];
}

const outsideRoots = (pattern: string, path: string, roots: readonly string[]) =>
  new ConfigurationError(
    `logs: '${pattern}' names ${path}, which is outside ${roots.join(' and ')}; logs are read from there only`,
  );

/**
 * The log files that paths, directories (every file inside, recursively) and globs name,
 * relative to `cwd`, in a stable order without duplicates. With `roots`, a file outside them
 * (by `..`, an absolute path or a link) is a configuration error, and nothing of it is read.
 */
export async function expandLogPaths(
  patterns: readonly string[],
  cwd: string,
  roots?: readonly string[],
): Promise<ExpandedPaths> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const before = files.size;
    if (GLOB_CHARS.test(pattern)) {
      for await (const entry of glob(pattern, { cwd })) {
        const path = resolve(cwd, entry);
        if ((await stat(path)).isFile()) files.add(path);
      }
    } else {
      const path = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
      if (roots !== undefined && !isInside(path, roots)) throw outsideRoots(pattern, path, roots);
      const info = await stat(path).catch(() => undefined);
      if (info?.isFile()) files.add(path);
      else if (info?.isDirectory()) {
        for await (const entry of glob('**/*', { cwd: path })) {
          const inner = resolve(path, entry);
          if ((await stat(inner)).isFile()) files.add(inner);
        }
      }
    }
    if (files.size === before) unmatched.push(pattern);
    if (roots !== undefined) {
      const outside = [...files].find((file) => !isInside(file, roots));
      if (outside !== undefined) throw outsideRoots(pattern, outside, roots);
    }
  }
  return { files: [...files].sort(), unmatched };
}

/** How a file is named in the report: relative to `cwd` when inside it. */
export function displayPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}
