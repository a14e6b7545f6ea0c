import { existsSync } from 'node:fs';
import { setTimeout } from 'node:timers/promises';
import { CheckFailed, ServiceError } from '../runner/errors.ts';
import type { Logger } from '../runner/logger.ts';
import type { CacheClient } from './cache-client.ts';
import type { CachePath } from './cache-paths.ts';
import { commandEnv, commandLine, runCommand } from './commands.ts';
import type { Lockfile } from './lockfiles.ts';
import type { Preset } from './presets.ts';
import { pruneExtracted } from './prune.ts';

/** What one lane's dependency cache is: computed alike by its warm-up job and its fan-out jobs. */
export interface WarmupPlan {
  readonly preset: Preset;
  readonly key: string;
  /** The key's family, for the nearest earlier entry when the exact key is new. */
  readonly family: string;
  /** The preset's cache root on this machine; undefined for the custom preset. */
  readonly root: string | undefined;
  readonly paths: readonly CachePath[];
  readonly lockfiles: readonly Lockfile[];
  readonly workspace: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * - hit: the exact key restored (and, warming, verified offline);
 * - populated: fetched online, verified offline, saved by this job;
 * - race-lost: populated, but another job saved the key first (its entry is the lane's);
 * - save-skipped: populated, but the service did not store it (rate limit, quota, read-only
 *   token, unreachable);
 * - dirty: the exact key holds an entry that does not restore or verify; repopulated online;
 * - miss: restoring, no entry for the exact key.
 */
export type Outcome = 'hit' | 'populated' | 'race-lost' | 'save-skipped' | 'dirty' | 'miss';

export interface WarmupResult {
  readonly outcome: Outcome;
  readonly key: string;
  readonly matchedKey: string | undefined;
  readonly populated: boolean;
  readonly verified: boolean;
}

export type OnMiss = 'fail' | 'fetch' | 'warn';

/**
 * Lookups after a refused save, to tell a lost race from a refusal: the job that won may still
 * be uploading when this one is refused, so its entry can take a moment to be found.
 */
const CONFIRM_DELAYS_MS = [0, 1000, 3000];

const keysOf = (plan: WarmupPlan) => plan.paths.map((p) => p.key);

/** The directories to run the tool in: one per lockfile's directory. */
const directoriesOf = (plan: WarmupPlan) => [...new Set(plan.lockfiles.map((l) => l.directory))];

async function runEach(
  plan: WarmupPlan,
  argv: readonly string[],
  network: 'online' | 'offline',
  log: Logger,
): Promise<string | undefined> {
  const env = commandEnv(plan.env, plan.preset.offlineEnv, network);
  for (const cwd of directoriesOf(plan)) {
    log.info(`${network}: ${commandLine(argv)} (in ${cwd})`);
    const code = await runCommand(argv, { cwd, env }, log);
    if (code !== 0) return `${commandLine(argv)} exited with ${code} in ${cwd}`;
  }
  return undefined;
}

/** Fetches online, prunes what was extracted, then proves the cache suffices offline. */
async function populate(plan: WarmupPlan, log: Logger): Promise<void> {
  const failed = await runEach(plan, plan.preset.fetch, 'online', log);
  if (failed !== undefined) throw new ServiceError(`fetching the dependencies failed: ${failed}`);
  if (plan.root !== undefined) await pruneExtracted(plan.root, plan.preset.prune);
  const unverified = await runEach(plan, plan.preset.verify, 'offline', log);
  if (unverified !== undefined) {
    throw new CheckFailed(
      `the cache does not hold what the tool needs offline after fetching (${unverified}); nothing was saved: check that the cached paths are where the tool keeps its downloads`,
    );
  }
}

const verifies = async (plan: WarmupPlan, log: Logger) =>
  (await runEach(plan, plan.preset.verify, 'offline', log)) === undefined;

function dirtyNotice(plan: WarmupPlan, why: string, log: Logger): void {
  log.warning(
    `${plan.key}: the saved entry ${why}, so this job fetched the dependencies online. A cache entry cannot be overwritten: roll the prefix input (e.g. a v1 suffix to v2) to save a fresh one, or delete this entry`,
  );
}

/** Saves the populated cache, telling a lost race (fine) from a save the service refused. */
async function save(plan: WarmupPlan, cache: CacheClient, log: Logger): Promise<Outcome> {
  if (!cache.writable) {
    log.notice(
      `${plan.key}: not saved: this job's cache token is read-only (an untrusted event); its own steps have their dependencies`,
    );
    return 'save-skipped';
  }
  if (!plan.paths.some((p) => existsSync(p.path))) {
    log.notice(`${plan.key}: not saved: the tool cached nothing (no dependencies to fetch?)`);
    return 'save-skipped';
  }
  if (await cache.save(keysOf(plan), plan.key)) return 'populated';
  for (const delay of CONFIRM_DELAYS_MS) {
    await setTimeout(delay);
    if ((await cache.lookup(keysOf(plan), plan.key)) === plan.key) {
      log.info(`${plan.key}: another job saved this key first; its entry serves the lane`);
      return 'race-lost';
    }
  }
  log.notice(
    `${plan.key}: not saved: the cache service refused or failed (rate limit, quota, read-only token or unreachable: see the message above); this job has its dependencies, and the next warm-up tries again`,
  );
  return 'save-skipped';
}

/** The warm-up job: restore and verify the exact key, or populate it online and save it. */
export async function warm(
  plan: WarmupPlan,
  cache: CacheClient,
  log: Logger,
): Promise<WarmupResult> {
  const result = (outcome: Outcome, matchedKey: string | undefined, populated: boolean) => ({
    outcome,
    key: plan.key,
    matchedKey,
    populated,
    verified: true,
  });
  if (!cache.available) {
    log.notice(
      'no cache service in this job (ACTIONS_RESULTS_URL is unset): populating online, nothing is saved',
    );
    await populate(plan, log);
    return result('save-skipped', undefined, true);
  }
  if ((await cache.lookup(keysOf(plan), plan.key)) === plan.key) {
    const restored = (await cache.restore(keysOf(plan), plan.key, [])) === plan.key;
    if (restored && (await verifies(plan, log))) return result('hit', plan.key, false);
    dirtyNotice(plan, restored ? 'fails the offline verify' : 'cannot be restored', log);
    await populate(plan, log);
    return result('dirty', plan.key, true);
  }
  const nearest = await cache.restore(keysOf(plan), plan.key, [plan.family]);
  if (nearest !== undefined) log.info(`restored the nearest earlier entry ${nearest}`);
  await populate(plan, log);
  return result(await save(plan, cache, log), nearest, true);
}

/** A fan-out job: the exact key only, then later steps offline; a miss as `onMiss` says. */
export async function restore(
  plan: WarmupPlan,
  cache: CacheClient,
  onMiss: OnMiss,
  log: Logger,
): Promise<WarmupResult> {
  const matched = cache.available ? await cache.restore(keysOf(plan), plan.key, []) : undefined;
  let missed: string;
  if (matched === plan.key) {
    if (plan.paths.some((p) => existsSync(p.path))) {
      return {
        outcome: 'hit',
        key: plan.key,
        matchedKey: matched,
        populated: false,
        verified: false,
      };
    }
    // The archive holds its paths relative to the workspace (tar -C GITHUB_WORKSPACE).
    missed = `${plan.key} restored, but none of its paths is where this job looks (${plan.paths.map((p) => p.path).join(', ')}): the entry keeps them relative to GITHUB_WORKSPACE, so this job's home must sit where the warm-up job's did relative to its workspace (run both on the same runner image)`;
  } else {
    missed = `no cache entry for ${plan.key}${cache.available ? '' : ' (this job has no cache service)'}`;
  }
  if (onMiss === 'fail') {
    throw new CheckFailed(
      matched === plan.key
        ? missed
        : `${missed}: the lane's warm-up job saves it; check that it ran before this job and succeeded, and the messages above for a cache service that failed`,
    );
  }
  if (onMiss === 'warn') {
    log.warning(`${missed}: later steps stay online and will download what they need`);
    return {
      outcome: 'miss',
      key: plan.key,
      matchedKey: matched,
      populated: false,
      verified: false,
    };
  }
  log.notice(`${missed}: fetching the dependencies online`);
  await populate(plan, log);
  return { outcome: 'miss', key: plan.key, matchedKey: matched, populated: true, verified: true };
}
