// A sparse cargo registry (RFC 2789) on 127.0.0.1, serving crates packed from the sources
// Debian ships in librust-*-dev packages, so `cargo fetch` really downloads in tests.
//
//   GET /config.json                          {"dl": ..., "api": ...}
//   GET /1/a, /2/ab, /3/a/abc, /ab/cd/abcd    the index file: one JSON line per version
//   GET /api/v1/crates/<name>/<version>/download   the .crate (cargo appends this to `dl`)
//
// Anything else is 404, which cargo reads as "no such crate". Every request is logged, so a
// test can assert that a job downloaded (online) or did not touch the registry (offline).
// Cargo reaches it by replacing crates-io (see `cargoConfig`): Cargo.lock then names
// crates.io's index as the source, so a lockfile made here does not depend on the port.

import { once } from 'node:events';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import type { CratePackage } from './crate-package.ts';
import { packCrate } from './crate-package.ts';

/** Where Debian's librust-*-dev packages put crate sources. */
export const DEBIAN_CRATE_SOURCES = '/usr/share/cargo/registry';

/**
 * The crates served by default: a closed set (every non-optional dependency of each is in the
 * set) with a chain of dependencies, quote -> proc-macro2 -> unicode-ident, beside two leaves.
 */
export const TEST_CRATES = ['cfg-if', 'itoa', 'proc-macro2', 'quote', 'unicode-ident'] as const;

/** The packages that install TEST_CRATES (.ci/run installs them). */
export const TEST_CRATES_APT_INSTALL =
  'apt-get install --no-install-recommends librust-cfg-if-dev librust-itoa-dev librust-quote-dev';

/** The name cargo's config gives this registry in `[registries]`. */
export const REGISTRY_NAME = 'lanekit-test';

const DOWNLOAD_PATH = /^\/api\/v1\/crates\/([^/]+)\/([^/]+)\/download$/;

export type RegistryRequestKind = 'config' | 'index' | 'download' | 'other';

export interface RegistryRequest {
  readonly kind: RegistryRequestKind;
  readonly path: string;
  readonly status: number;
}

export class CargoRegistry {
  /** e.g. http://127.0.0.1:PORT */
  readonly origin: string;
  /** The index URL as cargo's config takes it: sparse+http://127.0.0.1:PORT/ */
  readonly index: string;
  readonly crates: readonly CratePackage[];

  readonly #server: Server;
  readonly #requests: RegistryRequest[] = [];
  /** Index file path (e.g. /3/q/quo... -> "quote") -> its newline-delimited entries. */
  readonly #indexFiles: ReadonlyMap<string, string>;

  private constructor(server: Server, origin: string, crates: readonly CratePackage[]) {
    this.#server = server;
    this.origin = origin;
    this.index = `sparse+${origin}/`;
    this.crates = crates;
    const files = new Map<string, string>();
    for (const crate of crates) {
      const path = `/${indexPath(crate.name)}`;
      files.set(path, (files.get(path) ?? '') + `${JSON.stringify(crate.entry)}\n`);
    }
    this.#indexFiles = files;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.#answer(req, res);
    });
  }

  /**
   * Packs `names` from `sources` (one `<name>-<version>` directory each, every version found)
   * and listens on 127.0.0.1 at a port the OS picks.
   */
  static async start(
    names: readonly string[] = TEST_CRATES,
    sources = DEBIAN_CRATE_SOURCES,
  ): Promise<CargoRegistry> {
    const crates = await Promise.all(
      (await crateDirectories(names, sources)).map((dir) => packCrate(dir)),
    );
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    return new CargoRegistry(server, `http://127.0.0.1:${port}`, crates);
  }

  /**
   * Makes `home` a fresh runner's: the same path for every leg, wiped, holding only a
   * ~/.cargo/config.toml for this registry (a cache archive restores to the same place only where
   * the layout is the same, as on GitHub's runners).
   */
  freshHome(home: string): void {
    rmSync(home, { recursive: true, force: true });
    mkdirSync(join(home, '.cargo'), { recursive: true });
    writeFileSync(join(home, '.cargo', 'config.toml'), this.cargoConfig());
  }

  /** A CARGO_HOME config.toml that sends every crates.io request to this registry. */
  cargoConfig(): string {
    return [
      '[source.crates-io]',
      `replace-with = "${REGISTRY_NAME}"`,
      '',
      `[registries.${REGISTRY_NAME}]`,
      `index = "${this.index}"`,
      '',
      // Fail fast when a test has stopped the registry, instead of retrying for a minute.
      '[net]',
      'retry = 0',
      '',
    ].join('\n');
  }

  /** Every request served, in order. */
  get requests(): readonly RegistryRequest[] {
    return this.#requests;
  }

  /** `name@version` of every .crate served, in order. */
  downloads(): string[] {
    return downloadedCrates(this.#requests);
  }

  async close(): Promise<void> {
    if (!this.#server.listening) return;
    const closed = this.#server[Symbol.asyncDispose]();
    this.#server.closeAllConnections();
    await closed;
  }

  #answer(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', this.origin).pathname;
    const { kind, body, contentType } = this.#lookup(path);
    const status = req.method !== 'GET' ? 405 : body === undefined ? 404 : 200;
    this.#requests.push({ kind, path, status });
    const payload = status === 200 && body !== undefined ? body : Buffer.from('not found\n');
    res.writeHead(status, {
      'content-type': status === 200 ? contentType : 'text/plain',
      'content-length': payload.length,
    });
    res.end(payload);
  }

  #lookup(path: string): { kind: RegistryRequestKind; body?: Buffer; contentType: string } {
    if (path === '/config.json') {
      const config = { dl: `${this.origin}/api/v1/crates`, api: this.origin };
      return {
        kind: 'config',
        body: Buffer.from(JSON.stringify(config)),
        contentType: 'application/json',
      };
    }
    const download = DOWNLOAD_PATH.exec(path);
    if (download !== null) {
      const [, name, version] = download;
      const crate = this.crates.find((c) => c.name === name && c.version === version);
      return { kind: 'download', body: crate?.archive, contentType: 'application/gzip' };
    }
    const entries = this.#indexFiles.get(path.toLowerCase());
    if (entries !== undefined) {
      return { kind: 'index', body: Buffer.from(entries), contentType: 'text/plain' };
    }
    const isIndexPath = /^\/(?:1|2|3\/[^/]|[^/]{2}\/[^/]{2})\/[^/]+$/.test(path);
    return { kind: isIndexPath ? 'index' : 'other', contentType: 'text/plain' };
  }
}

/** The crates (`name@version`) whose .crate file `requests` downloaded, in order. */
export function downloadedCrates(requests: readonly RegistryRequest[]): string[] {
  return requests
    .filter((request) => request.kind === 'download' && request.status === 200)
    .map((request) => {
      const [, name = '', version = ''] = DOWNLOAD_PATH.exec(request.path) ?? [];
      return `${name}@${version}`;
    });
}

/** The sparse index path of a crate: 1/a, 2/ab, 3/a/abc, ab/cd/abcd... (lower case). */
export function indexPath(name: string): string {
  const lower = name.toLowerCase();
  switch (lower.length) {
    case 1:
      return `1/${lower}`;
    case 2:
      return `2/${lower}`;
    case 3:
      return `3/${lower[0]!}/${lower}`;
    default:
      return `${lower.slice(0, 2)}/${lower.slice(2, 4)}/${lower}`;
  }
}

/** Every source directory of each crate in `names`; fails naming the apt line when one is absent. */
async function crateDirectories(names: readonly string[], sources: string): Promise<string[]> {
  const listing = existsSync(sources) ? await readdir(sources) : [];
  const found = new Map<string, string[]>();
  for (const entry of listing) {
    const manifest = join(sources, entry, 'Cargo.toml');
    if (!existsSync(manifest)) continue;
    const { package: pkg } = parse(await readFile(manifest, 'utf8')) as {
      package?: { name?: unknown };
    };
    if (typeof pkg?.name !== 'string' || !names.includes(pkg.name)) continue;
    found.set(pkg.name, [...(found.get(pkg.name) ?? []), join(sources, entry)]);
  }
  const missing = names.filter((name) => !found.has(name));
  if (missing.length > 0) {
    throw new Error(
      `crate sources not found in ${sources}: ${missing.join(', ')}. ` +
        `Install them with: ${TEST_CRATES_APT_INSTALL}`,
    );
  }
  return names.flatMap((name) => found.get(name) ?? []);
}
