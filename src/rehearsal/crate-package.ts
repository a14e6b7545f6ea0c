// A `.crate` file and its sparse-index entry, made from a crate source directory as Debian
// ships it in librust-*-dev packages (/usr/share/cargo/registry/<name>-<version>/: the
// published sources with their normalized Cargo.toml, plus Debian's .cargo-checksum.json).
//
// The archive is a gzip tar of `<name>-<version>/<file>` entries, packed reproducibly as
// `cargo package` does (sorted paths, mtime 1153704088, uid/gid 0, mode 644 or 755), so the
// same sources give the same bytes, and so the same `cksum` in the index and in Cargo.lock.
// Index entries follow the registry index format (cargo book, "Registry Index"): the
// dependencies of every kind and target as the Cargo.toml declares them, and its features.

import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'smol-toml';

/** What `cargo package` stamps on every entry: 2006-07-24T01:21:28Z, not the files' own time. */
const CARGO_PACKAGE_MTIME = 1153704088;
const BLOCK = 512;
/** Debian's record of the upstream checksum; not part of the published crate. */
const NOT_PACKED = new Set(['.cargo-checksum.json']);

export type DependencyKind = 'normal' | 'dev' | 'build';

/** One dependency of an index entry. */
export interface IndexDependency {
  /** The name the crate uses for it (the rename when `package` is set). */
  readonly name: string;
  readonly req: string;
  readonly features: readonly string[];
  readonly optional: boolean;
  readonly default_features: boolean;
  readonly target: string | null;
  readonly kind: DependencyKind;
  /** The published name, when the dependency is renamed. */
  readonly package?: string;
}

/** One line of an index file: one published version. */
export interface IndexEntry {
  readonly name: string;
  readonly vers: string;
  readonly deps: readonly IndexDependency[];
  /** SHA-256 of the .crate file, hex. */
  readonly cksum: string;
  readonly features: Readonly<Record<string, readonly string[]>>;
  /** Features using `dep:` or `?/` syntax, which older cargo cannot read (schema v2). */
  readonly features2?: Readonly<Record<string, readonly string[]>>;
  readonly yanked: boolean;
  readonly links: string | null;
  readonly rust_version?: string;
  readonly v: 1 | 2;
}

export interface CratePackage {
  readonly name: string;
  readonly version: string;
  /** The .crate file: gzip of a tar of `<name>-<version>/...`. */
  readonly archive: Buffer;
  readonly entry: IndexEntry;
}

type Table = Readonly<Record<string, unknown>>;

const DEPENDENCY_TABLES: readonly (readonly [DependencyKind, readonly string[]])[] = [
  ['normal', ['dependencies']],
  ['dev', ['dev-dependencies', 'dev_dependencies']],
  ['build', ['build-dependencies', 'build_dependencies']],
];

/** Packs the crate whose sources are in `dir` (a directory with a Cargo.toml). */
export async function packCrate(dir: string): Promise<CratePackage> {
  const manifest = parse(await readFile(join(dir, 'Cargo.toml'), 'utf8')) as Table;
  const pkg = table(manifest.package, `${dir}/Cargo.toml [package]`);
  const name = string(pkg.name, `${dir}/Cargo.toml package.name`);
  const version = string(pkg.version, `${dir}/Cargo.toml package.version`);
  const archive = gzipSync(await tarDirectory(dir, `${name}-${version}`), { level: 9 });
  const cksum = createHash('sha256').update(archive).digest('hex');
  const { features, features2 } = splitFeatures(table(manifest.features ?? {}, 'features'));
  const rustVersion = pkg['rust-version'];
  const entry: IndexEntry = {
    name,
    vers: version,
    deps: dependencies(manifest),
    cksum,
    features,
    ...(features2 === undefined ? {} : { features2 }),
    yanked: false,
    links: typeof pkg.links === 'string' ? pkg.links : null,
    ...(typeof rustVersion === 'string' ? { rust_version: rustVersion } : {}),
    v: features2 === undefined ? 1 : 2,
  };
  return { name, version, archive, entry };
}

/** Every dependency the manifest declares, target-specific ones with their `cfg(...)` or triple. */
function dependencies(manifest: Table): IndexDependency[] {
  const scopes: [string | null, Table][] = [[null, manifest]];
  for (const [target, scope] of Object.entries(table(manifest.target ?? {}, 'target'))) {
    scopes.push([target, table(scope, `target.${target}`)]);
  }
  const deps: IndexDependency[] = [];
  for (const [target, scope] of scopes) {
    for (const [kind, names] of DEPENDENCY_TABLES) {
      for (const key of names) {
        for (const [name, spec] of Object.entries(table(scope[key] ?? {}, key))) {
          deps.push(dependency(name, spec, kind, target));
        }
      }
    }
  }
  return deps;
}

function dependency(
  name: string,
  spec: unknown,
  kind: DependencyKind,
  target: string | null,
): IndexDependency {
  if (typeof spec === 'string') {
    return { name, req: spec, features: [], optional: false, default_features: true, target, kind };
  }
  const fields = table(spec, `dependency ${name}`);
  if (fields.version === undefined) {
    throw new Error(
      `dependency ${name} has no version (path and git dependencies are not published)`,
    );
  }
  const defaultFeatures = fields['default-features'] ?? fields.default_features ?? true;
  return {
    name,
    req: string(fields.version, `dependency ${name} version`),
    features: stringList(fields.features ?? [], `dependency ${name} features`),
    optional: fields.optional === true,
    default_features: defaultFeatures !== false,
    target,
    kind,
    ...(typeof fields.package === 'string' ? { package: fields.package } : {}),
  };
}

function splitFeatures(declared: Table): {
  features: Record<string, readonly string[]>;
  features2: Record<string, readonly string[]> | undefined;
} {
  const features: Record<string, readonly string[]> = {};
  let features2: Record<string, readonly string[]> | undefined;
  for (const [feature, value] of Object.entries(declared)) {
    const enables = stringList(value, `feature ${feature}`);
    if (enables.some((item) => item.startsWith('dep:') || item.includes('?/'))) {
      features2 ??= {};
      features2[feature] = enables;
    } else {
      features[feature] = enables;
    }
  }
  return { features, features2 };
}

/** An uncompressed tar of every file under `dir`, sorted, each under `root/`. */
async function tarDirectory(dir: string, root: string): Promise<Buffer> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !NOT_PACKED.has(path))
    .sort();
  const blocks: Buffer[] = [];
  for (const path of files) {
    const full = join(dir, path);
    const [content, info] = await Promise.all([readFile(full), stat(full)]);
    blocks.push(tarHeader(`${root}/${path}`, content.length, info.mode & 0o100 ? 0o755 : 0o644));
    blocks.push(content, Buffer.alloc((BLOCK - (content.length % BLOCK)) % BLOCK));
  }
  blocks.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(blocks);
}

/** A ustar header for a regular file; a path over 100 bytes is split into prefix and name. */
function tarHeader(path: string, size: number, mode: number): Buffer {
  const header = Buffer.alloc(BLOCK);
  const { prefix, name } = splitPath(path);
  header.write(name, 0, 100, 'utf8');
  header.write(octal(mode, 8), 100);
  header.write(octal(0, 8), 108);
  header.write(octal(0, 8), 116);
  header.write(octal(size, 12), 124);
  header.write(octal(CARGO_PACKAGE_MTIME, 12), 136);
  header.write(' '.repeat(8), 148);
  header.write('0', 156);
  header.write('ustar\u000000', 257, 'latin1');
  header.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1');
  return header;
}

function splitPath(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let cut = path.indexOf('/'); cut !== -1; cut = path.indexOf('/', cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  throw new Error(`tar: path too long for a ustar header: ${path}`);
}

/** A zero-padded octal number filling `width - 1` bytes, then NUL. */
function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\u0000`;
}

function table(value: unknown, what: string): Table {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${what}: expected a table`);
  }
  return value as Table;
}

function string(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new Error(`${what}: expected a string`);
  return value;
}

function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new Error(`${what}: expected a list of strings`);
  }
  return value;
}
