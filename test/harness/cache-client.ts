// The real @actions/cache, called as a step calls it, against a local CacheService.

import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type * as cache from '@actions/cache';
import type { CacheJobRef, CacheService } from '../../src/rehearsal/cache-service.ts';
import { bundledClient } from './bundled-client.ts';
import type { ClientPackage } from './bundled-client.ts';

/**
 * keepNames: esbuild emits `var ReserveCacheError = class _ReserveCacheError`, so without it
 * the client's `error.name === ReserveCacheError.name` check fails and a lost save race
 * becomes a ::warning:: annotation instead of an info line (see the key + version test).
 */
const CLIENT: ClientPackage = {
  name: 'cache',
  imports: "import * as cache from '@actions/cache';",
  target: 'cache',
  timeoutMs: 300_000,
  keepNames: true,
};

export type CacheClientMethod = 'restoreCache' | 'saveCache';

export interface CacheClientRun<M extends CacheClientMethod> {
  /** What the call resolved to (restoreCache: matched key or undefined; saveCache: id or -1). */
  readonly value: Awaited<ReturnType<(typeof cache)[M]>> | undefined;
  /** Set only if the call threw. */
  readonly error: { readonly name: string; readonly message: string } | undefined;
  /** What the step printed: info lines and workflow commands (::warning::, ::add-mask::). */
  readonly stdout: string;
  readonly stderr: string;
}

export interface CacheClientOptions {
  /** Working directory and GITHUB_WORKSPACE (relative cache paths resolve here); required. */
  readonly workspace: string;
  /** Added to the step's environment last, e.g. HOME, ACTIONS_STEP_DEBUG, or an env() override. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Calls the real @actions/cache (bundled, as an action ships it) in a fresh Node process
 * whose environment is PATH, service.env(ref), GITHUB_WORKSPACE, RUNNER_TEMP (a fresh dir) and
 * `options.env` only.
 */
export async function runCacheClient<M extends CacheClientMethod>(
  service: CacheService,
  ref: CacheJobRef,
  method: M,
  args: Parameters<(typeof cache)[M]>,
  options: CacheClientOptions,
): Promise<CacheClientRun<M>> {
  const client = await bundledClient(CLIENT);
  const runnerTemp = await mkdtemp(join(client.dir, 'runner-temp-'));
  try {
    return await client.run<CacheClientRun<M>['value']>(method, args, {
      cwd: options.workspace,
      env: {
        ...service.env(ref),
        GITHUB_WORKSPACE: options.workspace,
        RUNNER_TEMP: runnerTemp,
        ...options.env,
      },
    });
  } finally {
    await rm(runnerTemp, { recursive: true, force: true });
  }
}
