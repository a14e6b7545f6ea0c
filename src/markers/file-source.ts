import { glob, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

const GLOB_CHARS = /[*?[\]{}]/;

export interface ExpandedPaths {
  readonly files: string[];
  /** Patterns that named nothing: a missing file, or a glob without matches. */
  readonly unmatched: string[];
}

/**
 * The log files that paths, directories (every file inside, recursively) and globs name,
 * relative to `cwd`, in a stable order without duplicates.
 */
export async function expandLogPaths(
  patterns: readonly string[],
  cwd: string,
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
  }
  return { files: [...files].sort(), unmatched };
}

/** How a file is named in the report: relative to `cwd` when inside it. */
export function displayPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}
