/**
 * What registry-warmup knows of each package manager, as data: where it keeps its download
 * cache, which lockfiles decide what it holds, how to fill it online and prove it offline.
 * The warm-up code reads these fields and never asks which ecosystem it is warming.
 */

/** Where a tool keeps its cache: the first of an env variable, a command's output, a default. */
export interface CacheRoot {
  /** Variables that name the directory, first set wins (npm reads both spellings). */
  readonly env: readonly string[];
  /** Prints the directory as the tool resolves it (its config files included). */
  readonly command?: readonly string[];
  /** `~` is the home directory. */
  readonly fallback: string;
}

export interface Preset {
  readonly name: string;
  /** Part of the key: bump it when what a preset caches or how it fetches changes. */
  readonly version: string;
  /** None for the custom preset, whose paths are the user's own. */
  readonly root: CacheRoot | undefined;
  /** The cached directories, relative to the root ('' is the root itself). */
  readonly paths: readonly string[];
  /** Lockfile names, discovered anywhere in the workspace; each one is fetched and verified. */
  readonly keyFiles: readonly string[];
  /** A lockfile counts only with this manifest beside it (not a stray copy inside a project). */
  readonly manifest: string | undefined;
  /** Run in each lockfile's directory, online. */
  readonly fetch: readonly string[];
  /** Run in each lockfile's directory with `offlineEnv`: it passes only on a complete cache. */
  readonly verify: readonly string[];
  /** Makes the tool work offline; exported for later steps after a restore. */
  readonly offlineEnv: Readonly<Record<string, string>>;
  /** Removed from the root before saving: extracted sources the tool rebuilds from archives. */
  readonly prune: readonly string[];
}

export const ECOSYSTEMS = ['cargo', 'npm', 'pnpm', 'go', 'custom'] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

export const PRESETS: Readonly<Record<Exclude<Ecosystem, 'custom'>, Preset>> = {
  cargo: {
    name: 'cargo',
    version: 'cargo-1',
    root: { env: ['CARGO_HOME'], fallback: '~/.cargo' },
    paths: ['registry/index', 'registry/cache', 'git/db'],
    keyFiles: ['Cargo.lock'],
    manifest: 'Cargo.toml',
    fetch: ['cargo', 'fetch', '--locked'],
    verify: ['cargo', 'fetch', '--locked', '--offline'],
    offlineEnv: { CARGO_NET_OFFLINE: 'true' },
    prune: ['registry/src', 'git/checkouts'],
  },
  npm: {
    name: 'npm',
    version: 'npm-1',
    root: {
      env: ['npm_config_cache', 'NPM_CONFIG_CACHE'],
      command: ['npm', 'config', 'get', 'cache'],
      fallback: '~/.npm',
    },
    paths: [''],
    keyFiles: ['package-lock.json', 'npm-shrinkwrap.json'],
    manifest: 'package.json',
    fetch: ['npm', 'ci', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'],
    verify: ['npm', 'ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'],
    offlineEnv: { npm_config_offline: 'true' },
    prune: ['_logs'],
  },
  pnpm: {
    name: 'pnpm',
    version: 'pnpm-1',
    root: {
      env: ['npm_config_store_dir', 'NPM_CONFIG_STORE_DIR'],
      command: ['pnpm', 'store', 'path'],
      fallback: '~/.local/share/pnpm/store',
    },
    paths: [''],
    keyFiles: ['pnpm-lock.yaml'],
    manifest: 'package.json',
    fetch: ['pnpm', 'fetch', '--frozen-lockfile'],
    verify: ['pnpm', 'fetch', '--frozen-lockfile', '--offline'],
    offlineEnv: { npm_config_offline: 'true' },
    prune: [],
  },
  go: {
    name: 'go',
    version: 'go-1',
    root: { env: ['GOMODCACHE'], command: ['go', 'env', 'GOMODCACHE'], fallback: '~/go/pkg/mod' },
    paths: [''],
    keyFiles: ['go.sum'],
    manifest: 'go.mod',
    fetch: ['go', 'mod', 'download'],
    verify: ['go', 'mod', 'download'],
    offlineEnv: { GOFLAGS: '-mod=mod', GOPROXY: 'off' },
    prune: [],
  },
};
