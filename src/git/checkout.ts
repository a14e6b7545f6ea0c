import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { invalidValue } from '../runner/errors.ts';
import type { OpenRefusal } from './repository.ts';
import { Repository } from './repository.ts';
import { tokenCredentials } from './token-credentials.ts';

const INPUT = 'working-directory';

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * The `working-directory` input: where in the workspace the repository was checked out
 * (actions/checkout's `path`), the workspace itself by default. Relative to the workspace;
 * anything outside it, symbolic links followed, is refused.
 */
export function workingDirectory(workspace: string, value: string | undefined): string {
  if (value === undefined) return workspace;
  const allowed = `a directory inside the workspace ${workspace}`;
  const dir = resolve(workspace, value);
  if (!inside(resolve(workspace), dir)) throw invalidValue(INPUT, value, allowed);
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    throw invalidValue(INPUT, value, `${allowed}; there is nothing at ${dir}`);
  }
  if (!inside(realpathSync(workspace), real)) {
    throw invalidValue(INPUT, value, `${allowed}; it leads to ${real}`);
  }
  if (!statSync(real).isDirectory()) {
    throw invalidValue(INPUT, value, `${allowed}; ${dir} is not a directory`);
  }
  return dir;
}

/**
 * The directories git may use whoever owns them: `dir` and each parent up to the workspace
 * (the repository may start above `dir`), as git sees them, symbolic links resolved.
 */
function safeDirectories(workspace: string, dir: string): string[] {
  let root: string;
  let at: string;
  try {
    root = realpathSync(workspace);
    at = realpathSync(dir);
  } catch {
    return [];
  }
  const dirs = [at];
  while (at !== root && inside(root, at)) {
    at = dirname(at);
    dirs.push(at);
  }
  return dirs;
}

export interface CheckoutRequest {
  readonly workspace: string;
  /** From `workingDirectory`. */
  readonly dir: string;
  /** Used for fetches only once origin asks for credentials the checkout did not leave. */
  readonly token: string | undefined;
  /** `GITHUB_SERVER_URL`: the only host the token is sent to. */
  readonly serverUrl: string;
}

/** Why git would not open the checkout at `dir`, and what to do, for an error or a warning. */
export function refusalProblem(refusal: OpenRefusal, dir: string): string {
  return refusal.reason === 'dubious-ownership'
    ? `git refuses ${dir}, owned by another user (${refusal.detail}): this git, older than 2.39, ` +
        'ignores the safe.directory change-router gives it on the command line; upgrade git, or ' +
        "run git config --global --add safe.directory <the repository's path> first"
    : `${dir} is not a git checkout; run actions/checkout first (and set working-directory to its path)`;
}

/** The repository checked out at `dir`, trusted whoever owns it, or why git refused it. */
export function openCheckout(request: CheckoutRequest): Promise<Repository | OpenRefusal> {
  return Repository.locate(request.dir, {
    safeDirectories: safeDirectories(request.workspace, request.dir),
    credentials:
      request.token === undefined ? undefined : tokenCredentials(request.token, request.serverUrl),
  });
}
