/**
 * The repository a rehearsal runs on: a Cargo workspace (core, parser, render, cli: the shard
 * items of examples/workflows/rust-ci.yml) whose dependencies are small crates made here and
 * served by a loopback sparse registry, and an npm app (node-ci.yml's) whose one dependency is a
 * tarball packed into the repository. Its history is a realistic one: the workspace, its
 * lockfiles, some docs, then a feature branch that adds a dependency, so its lockfile (and the
 * warm-up key) changes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CargoRegistry } from './cargo-registry.ts';
import { generateLockfile } from './cargo-project.ts';
import { git, GitFixture } from './git-fixture.ts';

type Files = Record<string, string>;

/** The registry's crates: name, version, dependencies, source. */
const CRATES: readonly (readonly [string, string, string, string])[] = [
  ['digits', '1.4.0', '', 'pub fn format(n: u64) -> String {\n    n.to_string()\n}\n'],
  ['switches', '1.0.2', '', 'pub const PLAIN: &str = "plain";\n'],
  [
    'spans',
    '0.9.1',
    '',
    'pub fn span(from: usize, to: usize) -> (usize, usize) {\n    (from, to)\n}\n',
  ],
  [
    'tokens',
    '2.1.0',
    'spans = "0.9"',
    'pub fn token(text: &str) -> (String, (usize, usize)) {\n    (text.to_owned(), spans::span(0, text.len()))\n}\n',
  ],
  ['palette', '0.3.0', '', 'pub const COLOURS: [&str; 2] = ["black", "white"];\n'],
];

const manifest = (name: string, version: string, dependencies: string) =>
  [
    '[package]',
    `name = "${name}"`,
    `version = "${version}"`,
    'edition = "2021"',
    '',
    '[features]',
    'extra = []',
    '',
    '[dependencies]',
    dependencies,
    '',
  ].join('\n');

const member = (name: string, dependencies: string, source: string): Files => ({
  [`crates/${name}/Cargo.toml`]: manifest(name, '0.1.0', dependencies).replace(
    '[features]',
    'publish = false\n\n[features]',
  ),
  [`crates/${name}/src/lib.rs`]: source,
});

/** The workspace; each member has one test, named so that a log shows which member ran. */
const WORKSPACE: Files = {
  'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n',
  ...member(
    'core',
    'digits = "1"',
    'pub fn digits(n: u64) -> String {\n    digits::format(n)\n}\n\n' +
      '#[test]\nfn formats() {\n    assert_eq!(digits(42), "42");\n}\n',
  ),
  ...member(
    'parser',
    'tokens = "2"',
    'pub fn parse(text: &str) -> String {\n    tokens::token(text).0\n}\n\n' +
      '#[test]\nfn parses() {\n    assert_eq!(parse("let"), "let");\n}\n',
  ),
  ...member(
    'render',
    'switches = "1"',
    "pub fn mode() -> &'static str {\n    switches::PLAIN\n}\n\n" +
      '#[test]\nfn has_a_mode() {\n    assert!(!mode().is_empty());\n}\n',
  ),
  ...member(
    'cli',
    'core = { path = "../core" }',
    'pub fn banner() -> String {\n    format!("v{}", core::digits(1))\n}\n\n' +
      '#[test]\nfn shows_the_version() {\n    assert_eq!(banner(), "v1");\n}\n',
  ),
};

const testFile = (name: string) =>
  `const { test } = require('node:test');\nconst assert = require('node:assert');\n` +
  `const { greet } = require('../src/index.js');\n` +
  `test('${name}', () => assert.strictEqual(greet('${name}'), 'hello ${name}!'));\n`;

const NPM_APP: Files = {
  'package.json': `${JSON.stringify(
    {
      name: 'sample-app',
      version: '1.0.0',
      private: true,
      scripts: { lint: 'node --check src/index.js', build: 'node scripts/build.js' },
      dependencies: { 'sample-format': 'file:vendor/sample-format-1.0.0.tgz' },
    },
    null,
    2,
  )}\n`,
  'packages/format/package.json': '{ "name": "sample-format", "version": "1.0.0" }\n',
  'packages/format/index.js': 'exports.shout = (text) => `${text}!`;\n',
  'src/index.js':
    "const { shout } = require('sample-format');\nexports.greet = (name) => shout(`hello ${name}`);\n",
  'scripts/build.js':
    "const fs = require('node:fs');\nfs.mkdirSync('dist', { recursive: true });\n" +
    "fs.copyFileSync('src/index.js', 'dist/index.js');\nconsole.log(`built on node ${process.version}`);\n",
  'test/smoke.test.js': testFile('smoke'),
  'test/parse.test.js': testFile('parse'),
  'test/format.test.js': testFile('format'),
  'test/cli.test.js': testFile('cli'),
  '.gitignore': 'node_modules/\ndist/\ntarget/\n',
};

function writeFiles(root: string, files: Files): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/**
 * Commits the npm app (src/, four test files, a build script) with its one dependency packed
 * into vendor/ and locked, offline, with `scratch` as npm's home; returns the commit.
 */
export function commitNpmApp(repo: GitFixture, scratch: string): string {
  writeFiles(repo.origin, NPM_APP);
  const npm = (cwd: string, ...args: string[]) =>
    execFileSync('npm', [...args, '--offline', '--no-audit', '--no-fund'], {
      cwd,
      env: {
        ...process.env,
        HOME: join(scratch, 'packing-home'),
        npm_config_update_notifier: 'false',
      },
      stdio: 'pipe',
    });
  mkdirSync(join(repo.origin, 'vendor'));
  npm(join(repo.origin, 'vendor'), 'pack', '../packages/format');
  npm(repo.origin, 'install', '--package-lock-only');
  git(repo.origin, 'add', '--all');
  return repo.commit('npm app with a vendored dependency');
}

/** Writes the registry's crate sources under `dir` and serves them. */
export async function startSampleRegistry(dir: string): Promise<CargoRegistry> {
  for (const [name, version, dependencies, source] of CRATES) {
    writeFiles(join(dir, `${name}-${version}`), {
      'Cargo.toml': manifest(name, version, dependencies),
      'src/lib.rs': source,
    });
  }
  return CargoRegistry.start(
    CRATES.map(([name]) => name),
    dir,
  );
}

export interface SampleRepository {
  readonly repo: GitFixture;
  /** The default branch's head: the baseline run's commit. */
  readonly mainSha: string;
  /** The feature branch, one commit ahead, with a new dependency in Cargo.lock. */
  readonly featureBranch: string;
  readonly featureSha: string;
}

/**
 * Builds the repository against `registry`; `cargoHome` and `npmHome` are scratch homes for
 * locking (cargo generate-lockfile, npm pack and install --package-lock-only, all offline).
 */
export async function buildSampleRepository(
  registry: CargoRegistry,
  scratch: string,
): Promise<SampleRepository> {
  const cargoHome = join(scratch, 'locking-cargo-home');
  mkdirSync(cargoHome, { recursive: true });
  writeFileSync(join(cargoHome, 'config.toml'), registry.cargoConfig());
  const repo = new GitFixture();
  repo.commit('Cargo workspace: core, parser, render, cli', WORKSPACE);
  await generateLockfile(repo.origin, 'Cargo.toml', cargoHome);
  repo.commit('Lock the workspace', {
    'Cargo.lock': readFileSync(join(repo.origin, 'Cargo.lock'), 'utf8'),
  });
  commitNpmApp(repo, scratch);
  repo.commit('Docs', { 'docs/index.md': '# Sample\n\nHow to build it.\n' });
  const mainSha = repo.sha('main');

  const featureBranch = 'feature/colours';
  repo.checkout(featureBranch, true);
  repo.commit('render: colours from palette', {
    'crates/render/Cargo.toml': readFileSync(
      join(repo.origin, 'crates/render/Cargo.toml'),
      'utf8',
    ).replace('switches = "1"', 'switches = "1"\npalette = "0.3"'),
  });
  await generateLockfile(repo.origin, 'Cargo.toml', cargoHome);
  const featureSha = repo.commit('Lock palette', {
    'Cargo.lock': readFileSync(join(repo.origin, 'Cargo.lock'), 'utf8'),
  });
  repo.checkout('main');
  return { repo, mainSha, featureBranch, featureSha };
}
