import { ConfigurationError } from '../runner/errors.ts';

export const DEFAULT_CACHE_PREFIX = 'registry-warmup-v1';

const PREFIX = /^[A-Za-z0-9._-]{1,100}$/;

/** The `prefix` of every cache key: a name that is safe in a key and in a log line. */
export function checkCachePrefix(prefix: string): string {
  if (!PREFIX.test(prefix)) {
    throw new ConfigurationError(
      `prefix: got '${prefix}', expected 1-100 letters, digits, '.', '_' or '-'`,
    );
  }
  return prefix;
}
