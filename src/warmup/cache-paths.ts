import { isAbsolute, join, relative, resolve } from 'node:path';
import type { CacheRoot, Preset } from './presets.ts';
import { commandOutput } from './commands.ts';

/**
 * A cached directory twice: `key` is the string given to the cache (its `version` hashes the
 * literal strings, so warm and restore jobs must pass the same ones, whatever their home
 * directory), `path` is where it is on this machine.
 */
export interface CachePath {
  readonly key: string;
  readonly path: string;
}

/** `~/...` for a path under `home`, so jobs with different homes name it alike; else itself. */
export function portablePath(path: string, home: string): string {
  const inside = relative(home, path);
  if (inside === '') return '~';
  if (inside.startsWith('..') || isAbsolute(inside)) return path;
  return `~/${inside.split('\\').join('/')}`;
}

function expandHome(path: string, home: string): string {
  return path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : path;
}

/** The directory a tool uses, found as the tool finds it: its variables, its own answer, its default. */
export async function resolveCacheRoot(
  root: CacheRoot,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<string> {
  const home = env.HOME ?? env.USERPROFILE ?? '';
  for (const name of root.env) {
    const value = env[name];
    if (value) return resolve(cwd, expandHome(value, home));
  }
  const answer = root.command ? await commandOutput(root.command, { cwd, env }) : undefined;
  // npm prints `undefined` for an unset key, and a tool may print nothing.
  if (answer && answer !== 'undefined' && isAbsolute(answer)) return answer;
  return expandHome(root.fallback, home);
}

/**
 * The preset's cached directories under `root`; with no root (the custom preset), the paths as
 * written, a relative one kept relative to the workspace as the cache itself reads it.
 */
export function cachePaths(
  preset: Preset,
  root: string | undefined,
  env: NodeJS.ProcessEnv,
  workspace: string,
): CachePath[] {
  const home = env.HOME ?? env.USERPROFILE ?? '';
  return preset.paths.map((sub) => {
    if (root === undefined) {
      const path = resolve(workspace, expandHome(sub, home));
      const relativeToWorkspace = !isAbsolute(sub) && sub !== '~' && !sub.startsWith('~/');
      return { key: relativeToWorkspace ? sub : portablePath(path, home), path };
    }
    const path = sub === '' ? root : join(root, sub);
    return { key: portablePath(path, home), path };
  });
}
