import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { Logger } from '../runner/logger.ts';

/** Build outputs, installed packages and git's own files: never a project's lockfile. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'target', 'node_modules']);

export interface Lockfile {
  /** Relative to the workspace, `/`-separated: part of the key, so the same on every runner. */
  readonly name: string;
  readonly path: string;
  /** Where the tool runs for this lockfile. */
  readonly directory: string;
}

/**
 * Every file named one of `names` in the workspace, nested ones included (a `fuzz/Cargo.lock`,
 * a tool's own workspace), sorted by name. Links are not followed, so discovery stays in the
 * workspace; a lockfile without `manifest` beside it is no project's and is left out, with a
 * warning.
 */
export async function findLockfiles(
  workspace: string,
  names: readonly string[],
  manifest: string | undefined,
  log: Logger,
): Promise<Lockfile[]> {
  const found: Lockfile[] = [];
  const pending = [workspace];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) pending.push(path);
      if (!entry.isFile() || !names.includes(entry.name)) continue;
      const name = relative(workspace, path).split('\\').join('/');
      if (manifest !== undefined && !existsSync(join(dir, manifest))) {
        log.warning(`${name}: no ${manifest} beside it, so it is no project's lockfile; skipped`);
        continue;
      }
      found.push({ name, path, directory: dirname(path) });
    }
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
