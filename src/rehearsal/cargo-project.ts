// A small Rust project whose dependencies come from the test registry (cargo-registry.ts),
// and the cargo that fetches them.
//
// The project is a package depending on quote (-> proc-macro2 -> unicode-ident) and itoa,
// with a nested fuzz/ workspace of its own (as `cargo fuzz init` makes one) depending on
// cfg-if, each with its own Cargo.lock made by `cargo generate-lockfile` against the registry.
//
// Cargo is the toolchain's own binary (`<sysroot>/bin/cargo`), not rustup's proxy: the proxy
// finds its toolchains through HOME, and the jobs under test run with a fresh HOME.

import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { CargoRegistry } from './cargo-registry.ts';

export interface CargoToolchain {
  /** The directory holding cargo and rustc, to put first on a job's PATH. */
  readonly binDir: string;
  /** `cargo --version` */
  readonly version: string;
}

export interface CargoRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The manifests of the project, relative to its root; each gets a Cargo.lock beside it. */
export const PROJECT_MANIFESTS = ['Cargo.toml', 'fuzz/Cargo.toml'] as const;

const PROJECT_FILES: Readonly<Record<string, string>> = {
  'Cargo.toml': [
    '[package]',
    'name = "lanekit-fixture"',
    'version = "0.1.0"',
    'edition = "2021"',
    'publish = false',
    '',
    '[dependencies]',
    'itoa = "1"',
    'quote = "1"',
    '',
  ].join('\n'),
  'src/lib.rs':
    'pub fn render(n: u32) -> String {\n    itoa::Buffer::new().format(n).to_owned()\n}\n',
  'fuzz/Cargo.toml': [
    '[package]',
    'name = "lanekit-fixture-fuzz"',
    'version = "0.0.0"',
    'edition = "2021"',
    'publish = false',
    '',
    '[dependencies]',
    'cfg-if = "1"',
    '',
    '# Its own workspace, so the root package does not claim it.',
    '[workspace]',
    'members = ["."]',
    '',
  ].join('\n'),
  'fuzz/src/lib.rs':
    'cfg_if::cfg_if! {\n    if #[cfg(fuzzing)] {\n        pub const MODE: &str = "fuzzing";\n    } else {\n        pub const MODE: &str = "plain";\n    }\n}\n',
};

const CARGO_TIMEOUT_MS = 120_000;

let toolchain: CargoToolchain | undefined;

/**
 * The cargo toolchain on PATH, or at rustup's default ~/.cargo/bin. Throws, saying how to
 * install one, when there is none: a cargo test must fail, not skip, on a machine without it.
 */
export function findCargo(): CargoToolchain {
  toolchain ??= locateCargo(process.env.PATH ?? '', homedir());
  return toolchain;
}

/** The toolchain whose cargo and rustc are in a directory of `searchPath`, or in `home`/.cargo/bin. */
export function locateCargo(searchPath: string, home: string): CargoToolchain {
  const candidates = [
    ...searchPath.split(delimiter).filter((dir) => dir !== ''),
    join(home, '.cargo', 'bin'),
  ];
  const dir = candidates.find(
    (candidate) => existsSync(join(candidate, 'rustc')) && existsSync(join(candidate, 'cargo')),
  );
  if (dir === undefined) {
    throw new Error(
      'cargo and rustc were not found on PATH or in ~/.cargo/bin. The cargo tests need a Rust ' +
        'toolchain with sparse registry support (cargo >= 1.68): install one with rustup ' +
        '(https://rustup.rs) and put ~/.cargo/bin on PATH.',
    );
  }
  const sysroot = spawnSync(join(dir, 'rustc'), ['--print', 'sysroot'], { encoding: 'utf8' });
  if (sysroot.status !== 0) {
    throw new Error(`${join(dir, 'rustc')} --print sysroot failed: ${sysroot.stderr}`);
  }
  const binDir = join(sysroot.stdout.trim(), 'bin');
  const version = spawnSync(join(binDir, 'cargo'), ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) throw new Error(`${binDir}/cargo --version failed: ${version.stderr}`);
  return { binDir, version: version.stdout.trim() };
}

/** PATH with the toolchain first, for a job's environment. */
export function pathWithCargo(path = process.env.PATH ?? ''): string {
  return [findCargo().binDir, path].filter((part) => part !== '').join(delimiter);
}

/** Makes `cargoHome` a CARGO_HOME that fetches from `registry` (its config.toml only). */
export async function writeCargoHome(cargoHome: string, registry: CargoRegistry): Promise<void> {
  await mkdir(cargoHome, { recursive: true });
  await writeFile(join(cargoHome, 'config.toml'), registry.cargoConfig());
}

/**
 * Runs cargo in `cwd` with `cargoHome`, the environment otherwise this process's. Asynchronous,
 * so a registry served by this process can answer it.
 */
export async function runCargo(
  args: readonly string[],
  options: {
    readonly cwd: string;
    readonly cargoHome: string;
    readonly env?: Readonly<Record<string, string>>;
  },
): Promise<CargoRun> {
  const child = spawn(join(findCargo().binDir, 'cargo'), args, {
    cwd: options.cwd,
    env: {
      ...process.env,
      PATH: pathWithCargo(),
      CARGO_HOME: options.cargoHome,
      CARGO_TERM_COLOR: 'never',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: CARGO_TIMEOUT_MS,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [status] = (await once(child, 'close')) as [number | null];
  return { status, stdout, stderr };
}

/**
 * Writes the project under `root` and generates a Cargo.lock for each of its manifests against
 * the registry `cargoHome` points to.
 */
export async function writeCargoProject(root: string, cargoHome: string): Promise<void> {
  for (const [path, content] of Object.entries(PROJECT_FILES)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  for (const manifest of PROJECT_MANIFESTS) await generateLockfile(root, manifest, cargoHome);
}

/** `cargo generate-lockfile` for one manifest of the project; throws with cargo's output on failure. */
export async function generateLockfile(
  root: string,
  manifest: string,
  cargoHome: string,
): Promise<void> {
  const run = await runCargo(['generate-lockfile', '--manifest-path', manifest], {
    cwd: root,
    cargoHome,
  });
  if (run.status !== 0) {
    throw new Error(`cargo generate-lockfile --manifest-path ${manifest} failed:\n${run.stderr}`);
  }
}
