/**
 * The GitHub Actions cache, as registry-warmup uses it. `@actions/cache` (with the Azure SDK
 * under it) is imported only when a step calls the cache, so it lives in this action's lazy
 * chunk and no other action loads it at start.
 *
 * The library never throws for the service's faults: a restore that fails is logged and reads
 * as a miss, and `saveCache` returns -1 alike for a key another job saved first, a 429, a full
 * quota and a read-only token. Callers tell them apart by looking the key up afterwards.
 */
export interface CacheClient {
  /** Whether the runner gave this job a cache service at all. */
  readonly available: boolean;
  /** Whether the runner's cache mode lets this job save (a read-only token does not). */
  readonly writable: boolean;
  /** The key an entry is found under, `key` itself or one starting with a restore key; no download. */
  lookup(paths: readonly string[], key: string): Promise<string | undefined>;
  /** Downloads and extracts the entry found for `key`, else for the first matching restore key. */
  restore(
    paths: readonly string[],
    key: string,
    restoreKeys: readonly string[],
  ): Promise<string | undefined>;
  /** True when this job's upload became the entry. */
  save(paths: readonly string[], key: string): Promise<boolean>;
}

/** `ACTIONS_CACHE_MODE` as the runner sets it; unknown or unset modes permit everything. */
function writableMode(env: NodeJS.ProcessEnv): boolean {
  const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase();
  return !['none', 'read'].includes(mode);
}

export async function actionsCache(env: NodeJS.ProcessEnv): Promise<CacheClient> {
  const cache = await import('@actions/cache');
  return {
    available: cache.isFeatureAvailable(),
    writable: writableMode(env),
    lookup: (paths, key) => cache.restoreCache([...paths], key, [], { lookupOnly: true }),
    restore: (paths, key, restoreKeys) => cache.restoreCache([...paths], key, [...restoreKeys]),
    save: async (paths, key) => (await cache.saveCache([...paths], key)) !== -1,
  };
}
