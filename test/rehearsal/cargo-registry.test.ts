import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  CargoRegistry,
  DEBIAN_CRATE_SOURCES,
  downloadedCrates,
  indexPath,
} from '../../src/rehearsal/cargo-registry.ts';
import type { RegistryRequest } from '../../src/rehearsal/cargo-registry.ts';
import {
  findCargo,
  locateCargo,
  runCargo,
  writeCargoHome,
  writeCargoProject,
} from '../../src/rehearsal/cargo-project.ts';
import type { IndexEntry } from '../../src/rehearsal/crate-package.ts';
import { packCrate } from '../../src/rehearsal/crate-package.ts';

let registry: CargoRegistry;

before(async () => {
  findCargo();
  registry = await CargoRegistry.start();
});
after(() => registry.close());

async function tempDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lanekit-cargo-registry-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function get(path: string): Promise<{ status: number; body: Buffer }> {
  const response = await fetch(`${registry.origin}${path}`);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

function entry(name: string): IndexEntry {
  const crate = registry.crates.find((c) => c.name === name);
  assert.ok(crate, `${name} is served`);
  return crate.entry;
}

/** The requests made while `action` ran. */
async function requestsDuring(action: () => Promise<unknown>): Promise<RegistryRequest[]> {
  const before = registry.requests.length;
  await action();
  return registry.requests.slice(before);
}

describe('sparse index paths', () => {
  for (const [name, path] of [
    ['a', '1/a'],
    ['ab', '2/ab'],
    ['abc', '3/a/abc'],
    ['cfg-if', 'cf/g-/cfg-if'],
    ['Serde_JSON', 'se/rd/serde_json'],
  ] as const) {
    test(`${name} -> ${path}`, () => {
      assert.equal(indexPath(name), path);
    });
  }
});

describe('crates packed from Debian sources', () => {
  test('the archive holds <name>-<version>/ and every source file but Debian checksum file', async () => {
    const crate = registry.crates.find((c) => c.name === 'quote');
    assert.ok(crate);
    const listing = execFileSync('tar', ['-tz'], { input: crate.archive, encoding: 'utf8' })
      .trim()
      .split('\n');
    const dir = join(DEBIAN_CRATE_SOURCES, `quote-${crate.version}`);
    const sources = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .filter((path) => path !== '.cargo-checksum.json')
      .sort();
    assert.deepEqual(
      listing,
      sources.map((path) => `quote-${crate.version}/${path}`),
    );
    assert.ok(listing.includes(`quote-${crate.version}/Cargo.toml`));
  });

  test('packing is reproducible and cksum is the SHA-256 of the archive', async () => {
    const crate = registry.crates.find((c) => c.name === 'proc-macro2');
    assert.ok(crate);
    const again = await packCrate(join(DEBIAN_CRATE_SOURCES, `proc-macro2-${crate.version}`));
    assert.ok(again.archive.equals(crate.archive));
    assert.equal(crate.entry.cksum, createHash('sha256').update(crate.archive).digest('hex'));
  });

  test('entries are stamped as cargo package stamps them: mtime 1153704088, uid 0', () => {
    const crate = registry.crates.find((c) => c.name === 'itoa');
    assert.ok(crate);
    const tar = gunzipSync(crate.archive);
    assert.equal(tar.subarray(136, 147).toString(), (1153704088).toString(8));
    assert.equal(tar.subarray(108, 115).toString(), '0000000');
  });

  test("index deps are the Cargo.toml's, of every kind, renames and default-features kept", () => {
    const quote = entry('quote');
    assert.deepEqual(
      quote.deps.find((d) => d.name === 'proc-macro2'),
      {
        name: 'proc-macro2',
        req: '1.0.40',
        features: [],
        optional: false,
        default_features: false,
        target: null,
        kind: 'normal',
      },
    );
    assert.deepEqual(quote.features, {
      default: ['proc-macro'],
      'proc-macro': ['proc-macro2/proc-macro'],
    });
    assert.deepEqual(
      entry('proc-macro2').deps.map((d) => [d.name, d.kind, d.default_features]),
      [
        ['unicode-ident', 'normal', true],
        ['quote', 'dev', false],
      ],
    );
    const core = entry('cfg-if').deps.find((d) => d.name === 'core');
    assert.equal(core?.package, 'rustc-std-workspace-core');
    assert.equal(core.optional, true);
    assert.equal(entry('itoa').rust_version, '1.36');
  });

  test('a crate whose sources are missing names the apt-get line that installs it', async () => {
    await assert.rejects(
      CargoRegistry.start(['cfg-if', 'no-such-crate']),
      /no-such-crate\. Install them with: apt-get install .*librust-/,
    );
  });
});

describe('the HTTP protocol', () => {
  test('config.json names the download and API URLs on this origin', async () => {
    const { status, body } = await get('/config.json');
    assert.equal(status, 200);
    assert.deepEqual(JSON.parse(body.toString()), {
      dl: `${registry.origin}/api/v1/crates`,
      api: registry.origin,
    });
  });

  test('an index file is one JSON line per version; a download is the .crate', async () => {
    const index = await get('/un/ic/unicode-ident');
    assert.equal(index.status, 200);
    const lines = index.body.toString().trimEnd().split('\n');
    assert.deepEqual(
      lines.map((line) => JSON.parse(line) as IndexEntry),
      [entry('unicode-ident')],
    );
    const { vers, cksum } = entry('unicode-ident');
    const download = await get(`/api/v1/crates/unicode-ident/${vers}/download`);
    assert.equal(download.status, 200);
    assert.equal(createHash('sha256').update(download.body).digest('hex'), cksum);
  });

  test('unknown crates and versions are 404 and logged as such', async () => {
    const requests = await requestsDuring(async () => {
      assert.equal((await get('/se/rd/serde')).status, 404);
      assert.equal((await get('/api/v1/crates/itoa/0.0.1/download')).status, 404);
      assert.equal((await get('/elsewhere')).status, 404);
    });
    assert.deepEqual(
      requests.map((r) => [r.kind, r.status]),
      [
        ['index', 404],
        ['download', 404],
        ['other', 404],
      ],
    );
  });
});

describe('cargo against the registry', () => {
  test('generate-lockfile resolves within the set; lockfiles name crates.io, not the port', async (t) => {
    const dir = await tempDir(t);
    await writeCargoHome(join(dir, 'home'), registry);
    await writeCargoProject(join(dir, 'project'), join(dir, 'home'));
    const root = await readFile(join(dir, 'project', 'Cargo.lock'), 'utf8');
    const fuzz = await readFile(join(dir, 'project', 'fuzz', 'Cargo.lock'), 'utf8');
    for (const name of ['quote', 'proc-macro2', 'unicode-ident', 'itoa']) {
      assert.match(root, new RegExp(`name = "${name}"`));
    }
    assert.match(fuzz, /name = "cfg-if"/);
    assert.match(root, /source = "registry\+https:\/\/github\.com\/rust-lang\/crates\.io-index"/);
    assert.doesNotMatch(root + fuzz, /127\.0\.0\.1/);
    assert.match(root, new RegExp(`checksum = "${entry('quote').cksum}"`));
  });

  test('fetch downloads every locked crate online, then nothing offline, and cargo builds them', async (t) => {
    const dir = await tempDir(t);
    const project = join(dir, 'project');
    await writeCargoHome(join(dir, 'lock-home'), registry);
    await writeCargoProject(project, join(dir, 'lock-home'));
    const cargoHome = join(dir, 'fetch-home');
    await writeCargoHome(cargoHome, registry);

    const online = await requestsDuring(async () => {
      for (const cwd of [project, join(project, 'fuzz')]) {
        const fetch = await runCargo(['fetch', '--locked'], { cwd, cargoHome });
        assert.equal(fetch.status, 0, fetch.stderr);
        assert.match(fetch.stderr, /Downloading crates/);
      }
    });
    assert.deepEqual(
      downloadedCrates(online).sort(),
      registry.crates.map((crate) => `${crate.name}@${crate.version}`).sort(),
    );

    // Extracted sources are what a cache prunes; offline, cargo re-extracts from the .crate files.
    await rm(join(cargoHome, 'registry', 'src'), { recursive: true });
    const offline = await requestsDuring(async () => {
      const fetch = await runCargo(['fetch', '--locked', '--offline'], { cwd: project, cargoHome });
      assert.equal(fetch.status, 0, fetch.stderr);
      assert.doesNotMatch(fetch.stderr, /Downloaded|Updating/);
      const check = await runCargo(['check', '--offline', '--locked'], { cwd: project, cargoHome });
      assert.equal(check.status, 0, check.stderr);
      assert.match(check.stderr, /Compiling quote v/);
    });
    assert.deepEqual(offline, []);
  });

  test('offline, a crate that was never fetched is an error that names offline mode', async (t) => {
    const dir = await tempDir(t);
    await writeCargoHome(join(dir, 'lock-home'), registry);
    await writeCargoProject(join(dir, 'project'), join(dir, 'lock-home'));
    await writeCargoHome(join(dir, 'empty-home'), registry);
    const requests = await requestsDuring(async () => {
      const run = await runCargo(['fetch', '--locked', '--offline'], {
        cwd: join(dir, 'project'),
        cargoHome: join(dir, 'empty-home'),
      });
      assert.notEqual(run.status, 0);
      assert.match(run.stderr, /offline/);
    });
    assert.deepEqual(requests, []);
  });
});

test('without cargo on PATH or in ~/.cargo/bin, locating it fails saying how to install it', async (t) => {
  const home = await tempDir(t);
  assert.throws(() => locateCargo(home, home), /cargo and rustc were not found .*rustup/s);
});
