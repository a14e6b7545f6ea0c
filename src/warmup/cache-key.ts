import { createHash } from 'node:crypto';
import { commandOutput } from './commands.ts';
import { readFile } from 'node:fs/promises';
import type { Lockfile } from './lockfiles.ts';

export interface KeyParts {
  readonly prefix: string;
  readonly ecosystem: string;
  /** What fetches and caches the dependencies: the preset's version, or a custom preset's commands. */
  readonly presetVersion: string;
  readonly os: string;
  readonly arch: string;
  readonly lockfiles: readonly Lockfile[];
}

/** `<prefix>-<ecosystem>-<os>-<arch>-`: every key of this lane's dependency cache starts so. */
export function keyFamily(parts: Omit<KeyParts, 'lockfiles' | 'presetVersion'>): string {
  return `${parts.prefix}-${parts.ecosystem}-${parts.os}-${parts.arch}-`;
}

/**
 * The exact key: the family and a hash of the preset's version and each lockfile's name and
 * content. Nothing else of the environment goes in, so every job of the lane computes it alike.
 */
export async function cacheKey(parts: KeyParts): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`lanekit-registry-warmup\0${parts.ecosystem}\0${parts.presetVersion}\0`);
  for (const lockfile of parts.lockfiles) {
    const content = createHash('sha256')
      .update(await readFile(lockfile.path))
      .digest('hex');
    hash.update(`${lockfile.name}\0${content}\0`);
  }
  return `${keyFamily(parts)}${hash.digest('hex')}`;
}

/** The runner's names (`Linux`, `X64`) in lower case, or Node's when outside a runner. */
export function platformOf(env: NodeJS.ProcessEnv): { os: string; arch: string } {
  return {
    os: (env.RUNNER_OS ?? process.platform).toLowerCase(),
    arch: (env.RUNNER_ARCH ?? process.arch).toLowerCase(),
  };
}

/** `@actions/cache`'s salt, part of its version since 3.x. */
const VERSION_SALT = '1.0';

/**
 * The `version` `@actions/cache` sends with a key (its internal getCacheVersion, which it does
 * not export): a hash of the literal path strings, the compression method and, on Windows, a
 * marker. An entry restores only for the same version, so this is what warm and restore jobs
 * must agree on; a test holds it to the library's function.
 */
export function cacheVersion(
  paths: readonly string[],
  compressionMethod: string,
  platform: NodeJS.Platform = process.platform,
): string {
  const components = [...paths, compressionMethod];
  if (platform === 'win32') components.push('windows-only');
  components.push(VERSION_SALT);
  return createHash('sha256').update(components.join('|')).digest('hex');
}

/** How `@actions/cache` will compress (zstd when `zstd` runs, else gzip), for cacheVersion. */
export async function compressionMethod(env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  const zstd = await commandOutput(['zstd', '--quiet', '--version'], { cwd, env });
  return zstd ? 'zstd-without-long' : 'gzip';
}
