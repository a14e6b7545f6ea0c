/**
 * change-router benchmark: figures printed beside a baseline measured in the same run.
 *
 *   (a) Routing 100,000 generated repository paths against 200 globs in 20 routes with
 *       `RuleSet` (every route's rules matched together, as change-router does), beside the
 *       naive loop that calls `minimatch()` for every rule of every route.
 *   (b) Spawn-to-exit of the bundled action (dist/change-router.js) on a 50-file pull request in
 *       a temp git repository, beside `node -e 0`.
 *
 * `node bench/change-router.ts` (or `npm run bench`). Needs `npm run build` first. Exits 1 when
 * the bundle is missing, when the two routing methods disagree, or when the action fails; a
 * missed speed target is only reported.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { minimatch } from 'minimatch';
import { RuleSet } from '../src/routing/path-rules.ts';
import { ROOT, runAction } from '../test/harness/runner.ts';
import { prng } from './prng.ts';

const PATH_COUNT = 100_000;
const SEED = 0x1a4e_c17;
const PATH_RULES_RUNS = 5;
/** Above this projected time the naive loop runs on a sample of the paths. */
const NAIVE_FULL_LIMIT_MS = 20_000;
/** Time the naive loop may take on its sample (it runs twice: check, then timed). */
const NAIVE_SAMPLE_BUDGET_MS = 4_000;
const SPEEDUP_TARGET = 10;
const SPAWN_RUNS = 15;
const ACTION_MEDIAN_TARGET_MS = 250;
const PR_FILES = 50;

const benchStarted = performance.now();
const BUNDLE = join(ROOT, 'dist', 'change-router.js');

// ---------------------------------------------------------------------------------------------
// Formatting

const int = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Columns padded to their widest cell; `r` columns are right-aligned. */
function table(rows: readonly (readonly string[])[], align: string): string {
  const widths = align
    .split('')
    .map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, col) =>
          align[col] === 'r' ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!),
        )
        .join('   ')
        .trimEnd(),
    )
    .map((line) => `  ${line}`)
    .join('\n');
}

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const median = (values: readonly number[]) => {
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
/** Nearest-rank percentile. */
const percentile = (values: readonly number[], p: number) => {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

// ---------------------------------------------------------------------------------------------
// Bundle check

if (!existsSync(BUNDLE)) {
  console.error(
    `dist/change-router.js is missing: run \`npm run build\` first, then rerun the benchmark.`,
  );
  process.exit(1);
}

/** The newest mtime under a directory, to warn when the bundle is older than its sources. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const bundleStale = newestMtime(join(ROOT, 'src')) > statSync(BUNDLE).mtimeMs;

// ---------------------------------------------------------------------------------------------
// (a) Routes and paths

function crateRoute(name: string, deps: readonly [string, string], extra: string): string[] {
  return [
    `crates/${name}/**`,
    `crates/${deps[0]}/src/**`,
    `crates/${deps[1]}/src/**`,
    '!crates/**/*.md',
    `!crates/${name}/tests/fixtures/**`,
    `crates/${name}/tests/fixtures/*.rs`,
    'Cargo.lock',
    '*.toml',
    `.github/workflows/${name}.yml`,
    extra,
  ];
}

/** 20 routes of 10 globs each, shaped like a real routes file of a Rust + TypeScript monorepo. */
const ROUTES: Readonly<Record<string, readonly string[]>> = {
  core: crateRoute('core', ['macros', 'codec'], 'crates/[cm]*/build.rs'),
  cli: crateRoute('cli', ['core', 'config'], 'rust-toolchain.toml'),
  parser: crateRoute('parser', ['lexer', 'core'], 'crates/parser/src/v?/**'),
  lexer: crateRoute('lexer', ['core', 'macros'], 'crates/lexer/benches/**/*.rs'),
  runtime: crateRoute('runtime', ['core', 'net'], '.cargo/config.toml'),
  net: crateRoute('net', ['core', 'codec'], 'crates/net/src/v?/**'),
  storage: crateRoute('storage', ['core', 'codec'], 'crates/*/src/generated/[a-m]*.rs'),
  macros: crateRoute('macros', ['core', 'lexer'], 'crates/macros/build.rs'),
  http: crateRoute('http', ['net', 'codec'], '.github/workflows/ci-?.yml'),
  codec: crateRoute('codec', ['core', 'macros'], 'deny.toml'),
  config: crateRoute('config', ['core', 'codec'], 'crates/config/schema/*.json'),
  metrics: crateRoute('metrics', ['core', 'runtime'], 'crates/metrics/src/**/*.{rs,toml}'),
  docs: [
    'docs/**',
    '**/*.md',
    '!CHANGELOG.md',
    '!crates/**/*.md',
    'crates/*/README.md',
    'mkdocs.yml',
    'docs/assets/**/*.json',
    '!docs/drafts/**',
    '*.md',
    '.github/workflows/docs.yml',
  ],
  web: [
    'src/{app,ui}/**',
    'packages/web/**',
    '!**/*.test.ts',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    '.github/workflows/web.yml',
    '!src/ui/**/*.md',
    'src/shared/**',
    '.eslintrc.json',
  ],
  api: [
    'src/{api,server}/**',
    'src/shared/**',
    '!src/**/*.md',
    'packages/api-client/**',
    'openapi/*.{yml,json}',
    'package.json',
    'tsconfig.json',
    '.github/workflows/api.yml',
    '!src/server/fixtures/**',
    'src/server/fixtures/schema.json',
  ],
  ci: [
    '.github/workflows/*.yml',
    '.github/actions/**',
    '.github/lanekit/routes.yml',
    'scripts/ci/**',
    '!scripts/ci/**/*.md',
    '.github/dependabot.yml',
    'Makefile',
    '.github/CODEOWNERS',
    '.github/workflows/v?.yml',
    '.github/[Ii]SSUE_TEMPLATE/**',
  ],
  deps: [
    'Cargo.lock',
    'Cargo.toml',
    'package-lock.json',
    'package.json',
    '**/Cargo.toml',
    '**/package.json',
    '!examples/**',
    'deny.toml',
    '.cargo/config.toml',
    'rust-toolchain.toml',
  ],
  tooling: [
    'tools/**',
    'scripts/**',
    '!scripts/ci/**',
    '!**/*.md',
    'xtask/**',
    '.config/**',
    '.editorconfig',
    '.prettierrc.json',
    '*.config.{ts,json}',
    'tools/*/v?/**',
  ],
  examples: [
    'examples/**',
    '!examples/**/*.md',
    'crates/cli/src/**',
    'crates/core/src/**',
    'examples/*/README.md',
    '!examples/legacy/**',
    'Cargo.lock',
    'examples/**/*.{toml,json}',
    '.github/workflows/examples.yml',
    '!examples/**/target/**',
  ],
  tests: [
    'test/**',
    'tests/**',
    '**/*.test.ts',
    '**/tests/**/*.rs',
    '!**/fixtures/**',
    '**/fixtures/*.json',
    'crates/*/benches/**',
    '!test/snapshots/**',
    'test/snapshots/*.json',
    'jest.config.json',
  ],
};

const ROUTE_NAMES = Object.keys(ROUTES);
const ROUTE_GLOBS = Object.values(ROUTES);
const RULE_COUNT = ROUTE_GLOBS.reduce((sum, globs) => sum + globs.length, 0);

const CRATES = [
  'core',
  'cli',
  'parser',
  'lexer',
  'runtime',
  'net',
  'storage',
  'macros',
  'http',
  'codec',
  'config',
  'metrics',
];
/** Crates no route names: their files fall through to the fallback, as in a real repository. */
const OTHER_CRATES = ['ffi', 'wasm', 'bench-utils', 'legacy-io'];
const SUBDIRS = [
  'util',
  'internal',
  'v1',
  'v2',
  'model',
  'handlers',
  'io',
  'fmt',
  'sync',
  'generated',
  'fixtures',
  'target',
  'drafts',
  'assets',
  'api',
  'impl',
  'tests',
  'components',
  'hooks',
  '.cache',
  '__snapshots__',
  'legacy',
  'nested',
  'proto',
  'x86_64',
  'aarch64',
  'schema',
  'bin',
];
const STEMS = [
  'main',
  'lib',
  'mod',
  'index',
  'client',
  'server',
  'parser',
  'token',
  'error',
  'config',
  'types',
  'utils',
  'handler',
  'router',
  'state',
  'store',
  'view',
  'button',
  'form',
  'codec',
  'frame',
  'buffer',
  'pool',
  'retry',
  'metrics',
  'trace',
  'schema',
  'guide',
  'intro',
  'faq',
  'release',
];
const EXTENSIONS: readonly (readonly [number, string])[] = [
  [30, 'rs'],
  [25, 'ts'],
  [15, 'md'],
  [10, 'toml'],
  [10, 'yml'],
  [10, 'json'],
];
const DOTFILES = [
  '.gitignore',
  '.eslintrc.json',
  '.prettierrc.json',
  '.env.json',
  '.keep.toml',
  '.markdownlint.yml',
  '.config.toml',
  '.npmrc.json',
];
const SPECIAL_FILES = [
  'mod.rs',
  'lib.rs',
  'main.rs',
  'build.rs',
  'index.ts',
  'README.md',
  'Cargo.toml',
  'package.json',
  'tsconfig.json',
  'api.test.ts',
  'schema.json',
  'ci.yml',
];
const ROOT_FILES = [
  'Cargo.toml',
  'Cargo.lock',
  'package.json',
  'package-lock.json',
  'README.md',
  'CHANGELOG.md',
  'deny.toml',
  'rust-toolchain.toml',
  'tsconfig.json',
  'mkdocs.yml',
  '.editorconfig',
  '.prettierrc.json',
  '.gitignore',
  'vitest.config.ts',
  'jest.config.json',
  'Makefile',
];

/** 100,000 distinct repository paths: directories 1-6 deep, plus a few root-level files. */
function generatePaths(count: number, seed: number): string[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const weighted = <T>(items: readonly (readonly [number, T])[]): T => {
    let roll = random() * items.reduce((sum, [w]) => sum + w, 0);
    for (const [weight, value] of items) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return items[items.length - 1]![1];
  };
  const prefixes: readonly (readonly [number, () => string])[] = [
    [
      34,
      () =>
        `crates/${pick(CRATES)}/${pick(['src', 'src', 'src', 'tests', 'benches', 'examples', 'tests/fixtures', 'src/generated'])}`,
    ],
    [4, () => `crates/${pick(OTHER_CRATES)}/src`],
    [
      16,
      () =>
        `src/${pick(['app', 'ui', 'api', 'server', 'shared', 'cli', 'lib', 'workers', 'server/fixtures'])}`,
    ],
    [8, () => `packages/${pick(['web', 'api-client', 'shared', 'design-system'])}`],
    [7, () => pick(['docs', 'docs/assets', 'docs/drafts', 'docs/guide'])],
    [3, () => `.github/${pick(['workflows', 'actions/setup', 'ISSUE_TEMPLATE', 'lanekit'])}`],
    [6, () => pick(['tools', 'tools/gen', 'scripts', 'scripts/ci', 'xtask', '.config'])],
    [5, () => `examples/${pick(['hello', 'http-server', 'legacy', 'wasm-demo'])}`],
    [6, () => pick(['test', 'tests', 'test/snapshots', 'openapi'])],
    [2, () => pick(['.cargo', '.vscode', '.devcontainer', '.husky'])],
    [6, () => pick(['vendor', 'third_party', 'assets', 'benchmarks'])],
    [3, () => ''],
  ];
  const fileName = (): string => {
    const roll = random();
    if (roll < 0.04) return pick(DOTFILES);
    if (roll < 0.14) return pick(SPECIAL_FILES);
    const ext = weighted(EXTENSIONS);
    const suffix = random() < 0.6 ? `_${Math.floor(random() * 40)}` : '';
    return `${pick(STEMS)}${suffix}${ext === 'ts' && random() < 0.1 ? '.test' : ''}.${ext}`;
  };

  const paths = new Set<string>();
  while (paths.size < count) {
    const prefix = weighted(prefixes)();
    if (prefix === '') {
      paths.add(random() < 0.5 ? pick(ROOT_FILES) : fileName());
      continue;
    }
    const dirs = prefix.split('/');
    const depth = 1 + Math.floor(random() * 6);
    while (dirs.length < depth) dirs.push(pick(SUBDIRS));
    paths.add(`${dirs.join('/')}/${fileName()}`);
  }
  return [...paths];
}

// ---------------------------------------------------------------------------------------------
// (a) The two routing methods

const MINIMATCH_OPTIONS = { dot: true, nocomment: true, nonegate: true };

/** The baseline: every glob of the route through minimatch(), in order, last match wins. */
function naiveClaim(path: string, globs: readonly string[]): string | undefined {
  let claim: string | undefined;
  for (const raw of globs) {
    const negate = raw.startsWith('!');
    if (minimatch(path, negate ? raw.slice(1) : raw, MINIMATCH_OPTIONS))
      claim = negate ? undefined : raw;
  }
  return claim;
}

/** Routes every path through every route; returns the number of (path, route) claims. */
function routeWithRuleSet(paths: readonly string[], routes: RuleSet): number {
  let claims = 0;
  for (const path of paths) {
    for (const claim of routes.match(path)) if (claim !== undefined) claims++;
  }
  return claims;
}

function routeNaively(paths: readonly string[]): number {
  let claims = 0;
  for (const path of paths) {
    for (const globs of ROUTE_GLOBS) if (naiveClaim(path, globs) !== undefined) claims++;
  }
  return claims;
}

/** The naive loop's time per path: 0.3 s of warm-up, then about 0.7 s measured. */
function naiveMsPerPath(paths: readonly string[]): number {
  const stride = 97;
  let next = 0;
  const one = () => routeNaively([paths[(next++ * stride) % paths.length]!]);
  const warm = performance.now() + 300;
  while (performance.now() < warm) one();
  const started = performance.now();
  let count = 0;
  while (performance.now() - started < 700) {
    one();
    count++;
  }
  return (performance.now() - started) / count;
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

interface PartResult {
  readonly verdict: string;
  readonly failed: boolean;
}

function benchRouting(): PartResult {
  if (RULE_COUNT !== 200 || ROUTE_NAMES.length !== 20) {
    throw new Error(
      `expected 20 routes of 200 rules in all, got ${ROUTE_NAMES.length} routes of ${RULE_COUNT}`,
    );
  }
  const generated = timed(() => generatePaths(PATH_COUNT, SEED));
  const paths = generated.value;
  const compiled = timed(() => new RuleSet(ROUTE_GLOBS));
  const routes = compiled.value;

  // Size the naive run: project its rate, once warm, to all paths.
  const probeMsPerPath = naiveMsPerPath(paths);
  const projectedFullMs = probeMsPerPath * paths.length;
  let sample: readonly string[] = paths;
  if (projectedFullMs > NAIVE_FULL_LIMIT_MS) {
    const size = Math.min(
      paths.length,
      Math.max(500, Math.floor(NAIVE_SAMPLE_BUDGET_MS / probeMsPerPath)),
    );
    const stride = paths.length / size;
    sample = Array.from({ length: size }, (_, i) => paths[Math.floor(i * stride)]!);
  }

  // Check first: both methods must give every route the same claiming rule for every path.
  const checked = timed(() => {
    for (const path of sample) {
      const claims = routes.match(path);
      for (const [index, globs] of ROUTE_GLOBS.entries()) {
        const fast = claims[index];
        const naive = naiveClaim(path, globs);
        if (fast !== naive) {
          const show = (claim: string | undefined) =>
            claim === undefined ? 'no claim' : `'${claim}'`;
          return `path '${path}', route '${ROUTE_NAMES[index]!}': RuleSet ${show(fast)}, naive minimatch ${show(naive)}`;
        }
      }
    }
    return undefined;
  });
  if (checked.value !== undefined) {
    console.log(`  DISAGREEMENT on ${checked.value}`);
    return {
      verdict: `(a) FAIL: RuleSet and minimatch disagree (${checked.value})`,
      failed: true,
    };
  }

  // RuleSet: one warm-up pass, then the median of 5 on all paths and on the naive sample.
  const claimsAll = routeWithRuleSet(paths, routes);
  const fullRuns: number[] = [];
  for (let run = 0; run < PATH_RULES_RUNS; run++) {
    const { ms, value } = timed(() => routeWithRuleSet(paths, routes));
    if (value !== claimsAll) throw new Error(`RuleSet gave ${value} claims, then ${claimsAll}`);
    fullRuns.push(ms);
  }
  const sampled = sample.length < paths.length;
  const sampleRuns: number[] = sampled ? [] : fullRuns;
  if (sampled) {
    routeWithRuleSet(sample, routes);
    for (let run = 0; run < PATH_RULES_RUNS; run++) {
      sampleRuns.push(timed(() => routeWithRuleSet(sample, routes)).ms);
    }
  }
  // The naive loop ran once in the check above (its warm-up); this is its timed run.
  const naive = timed(() => routeNaively(sample));
  const claimsSample = routeWithRuleSet(sample, routes);
  if (naive.value !== claimsSample)
    throw new Error(`naive gave ${naive.value} claims, RuleSet ${claimsSample}`);

  const fullMs = median(fullRuns);
  const sampleMs = median(sampleRuns);
  const perPath = (ms: number, n: number) => ms / n;
  const rate = (ms: number, n: number) => int((n / ms) * 1000);
  const speedup = perPath(naive.ms, sample.length) / perPath(sampleMs, sample.length);
  const speedupAll = perPath(naive.ms, sample.length) / perPath(fullMs, paths.length);

  console.log(
    `  ${int(paths.length)} generated paths (seed 0x${SEED.toString(16)}, ${duration(generated.ms)}), ` +
      `${RULE_COUNT} rules in ${ROUTE_GLOBS.length} routes (RuleSet compiled in ${duration(compiled.ms)})`,
  );
  console.log(
    sampled
      ? `  naive loop projected at ${duration(projectedFullMs)} for all paths (> ${duration(NAIVE_FULL_LIMIT_MS)}): ` +
          `run on every ${(paths.length / sample.length).toFixed(1)}th path, ${int(sample.length)} paths`
      : `  naive loop projected at ${duration(projectedFullMs)} for all paths (<= ${duration(NAIVE_FULL_LIMIT_MS)}): run on all of them`,
  );
  console.log(
    `  check: RuleSet and naive minimatch agree on all ${int(sample.length)} × ${ROUTE_GLOBS.length} (path, route) pairs ` +
      `(${int(claimsSample)} claims; ${duration(checked.ms)})`,
  );
  console.log('');
  console.log(
    table(
      [
        ['method', 'paths', 'rules', 'time', 'per path', 'paths/s'],
        [
          `RuleSet, median of ${PATH_RULES_RUNS}`,
          int(paths.length),
          String(RULE_COUNT),
          duration(fullMs),
          duration(perPath(fullMs, paths.length)),
          rate(fullMs, paths.length),
        ],
        ...(sampled
          ? [
              [
                `RuleSet, median of ${PATH_RULES_RUNS}`,
                int(sample.length),
                String(RULE_COUNT),
                duration(sampleMs),
                duration(perPath(sampleMs, sample.length)),
                rate(sampleMs, sample.length),
              ],
            ]
          : []),
        [
          'naive minimatch(), 1 run',
          int(sample.length),
          String(RULE_COUNT),
          duration(naive.ms),
          duration(perPath(naive.ms, sample.length)),
          rate(naive.ms, sample.length),
        ],
        ...(sampled
          ? [
              [
                'naive, projected',
                int(paths.length),
                String(RULE_COUNT),
                `~${duration(perPath(naive.ms, sample.length) * paths.length)}`,
                '',
                '',
              ],
            ]
          : []),
      ],
      'lrrrrr',
    ),
  );
  const met = speedup >= SPEEDUP_TARGET;
  console.log('');
  console.log(
    `  speedup (per path, same ${int(sample.length)} paths): ${speedup.toFixed(1)}x   target >= ${SPEEDUP_TARGET}x   ${met ? 'ok' : 'MISSED'}`,
  );
  if (sampled)
    console.log(
      `  speedup (naive sample vs RuleSet on all paths, per path): ${speedupAll.toFixed(1)}x`,
    );
  return {
    verdict: `(a) ${met ? 'PASS' : 'MISSED'}: RuleSet routes ${int(paths.length)} paths × ${RULE_COUNT} rules in ${duration(fullMs)}, ${speedup.toFixed(1)}x the naive minimatch loop per path (target >= ${SPEEDUP_TARGET}x${sampled ? `; naive on a ${int(sample.length)}-path sample` : ''})`,
    failed: false,
  };
}

// ---------------------------------------------------------------------------------------------
// (b) Fixture: an origin with a pull request, and a checkout of its merge ref

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();
}

function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

const ROUTES_YML = `# lanekit routes: which CI lanes a change needs
routes:
  rust:
    paths:
      - 'crates/**'
      - '!crates/**/*.md'
      - 'Cargo.lock'
      - 'rust-toolchain.toml'
    keys:
      Cargo.toml:
        - 'workspace.dependencies.*'
        - 'workspace.members'
  web:
    paths:
      - 'src/{app,ui}/**'
      - 'packages/web/**'
      - '!**/*.test.ts'
    keys:
      package.json:
        - 'dependencies.*'
        - 'devDependencies.*'
  api:
    paths:
      - 'src/{api,server}/**'
      - 'openapi/*.{yml,json}'
    implies: [web]
  docs:
    paths:
      - 'docs/**'
      - '**/*.md'
  ci:
    paths:
      - '.github/workflows/*.yml'
      - '.github/lanekit/routes.yml'
  tests:
    paths:
      - 'test/**'
      - '**/*.test.ts'
    status: [added, modified, renamed]
  tooling:
    paths:
      - 'tools/**'
      - 'examples/**'
      - '!**/*.md'
fallback: all
force:
  labels: ['ci:all']
  trailers: ['CI-Routes: all']
`;

const cargoToml = (serdeVersion: string) => `[workspace]
members = ["crates/*"]
resolver = "2"

[workspace.dependencies]
serde = "${serdeVersion}"
tokio = { version = "1.40", features = ["full"] }
`;

const packageJson = (reactVersion: string) =>
  `${JSON.stringify({ name: 'octo-repo', private: true, dependencies: { react: reactVersion }, devDependencies: { typescript: '5.9.3' } }, null, 2)}\n`;

/** A small source file whose content differs by index, so renames are detected as renames. */
const source = (path: string, version: number) =>
  `// ${path}\n${Array.from({ length: 20 }, (_, i) => `export const value${i} = ${i * 7 + version}; // line ${i} of ${path}`).join('\n')}\n`;

interface Fixture {
  readonly root: string;
  readonly checkout: string;
  readonly payload: unknown;
  readonly env: Record<string, string>;
  readonly breakdown: string;
  readonly setupMs: number;
}

function buildFixture(): Fixture {
  const started = performance.now();
  const root = mkdtempSync(join(tmpdir(), 'lanekit-bench-'));
  const origin = join(root, 'origin');
  mkdirSync(origin);
  git(origin, 'init', '--quiet', '--initial-branch=main');
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');

  // Base: 160 source files across the tree, plus the manifests and the routes file.
  const random = prng(SEED + 1);
  const dirs = [
    'crates/core/src',
    'crates/parser/src',
    'crates/net/src/v1',
    'src/app',
    'src/ui/components',
    'src/api',
    'src/server',
    'packages/web/src',
    'docs/guide',
    'test/unit',
    'tools/gen',
    'examples/hello',
  ];
  const exts = ['rs', 'ts', 'md', 'json', 'yml', 'toml'];
  const baseFiles: Record<string, string> = {
    'Cargo.toml': cargoToml('1.0.200'),
    'Cargo.lock': '# lock\n',
    'package.json': packageJson('19.1.0'),
    'README.md': '# octo-repo\n',
    '.github/lanekit/routes.yml': ROUTES_YML,
    '.github/workflows/ci.yml': 'on: pull_request\njobs: {}\n',
  };
  const sources: string[] = [];
  for (let i = 0; i < 160; i++) {
    const dir = dirs[Math.floor(random() * dirs.length)]!;
    const ext = exts[i % exts.length]!;
    const path = `${dir}/file_${i}.${ext === 'ts' && i % 5 === 0 ? 'test.ts' : ext}`;
    baseFiles[path] = source(path, 0);
    sources.push(path);
  }
  writeFiles(origin, baseFiles);
  git(origin, 'add', '--all');
  git(origin, 'commit', '--quiet', '-m', 'Initial layout');

  // The pull request: 50 changed files (modified, added, deleted, renamed) on a branch.
  git(origin, 'checkout', '--quiet', '-b', 'feature/faster-routing');
  const modified = ['Cargo.toml', 'package.json', ...sources.slice(0, 28)];
  const deleted = sources.slice(28, 33);
  const renamed = sources.slice(33, 38);
  const added = Array.from(
    { length: PR_FILES - modified.length - deleted.length - renamed.length },
    (_, i) => {
      const dir = dirs[i % dirs.length]!;
      return `${dir}/new_${i}.${exts[i % exts.length]!}`;
    },
  );
  writeFiles(origin, {
    'Cargo.toml': cargoToml('1.0.210'),
    'package.json': packageJson('19.2.0'),
    ...Object.fromEntries(modified.slice(2).map((path) => [path, source(path, 1)])),
    ...Object.fromEntries(added.map((path) => [path, source(path, 2)])),
  });
  git(origin, 'rm', '--quiet', '--', ...deleted);
  for (const path of renamed)
    git(origin, 'mv', '--', path, path.replace(/file_(\d+)/, 'renamed_$1'));
  git(origin, 'add', '--all');
  git(origin, 'commit', '--quiet', '-m', 'Route faster\n\nTouches 50 files.');
  const headSha = git(origin, 'rev-parse', 'HEAD');

  // main moves on after the branch point, so the PR's base sha is not the merge base.
  git(origin, 'checkout', '--quiet', 'main');
  writeFiles(origin, { 'docs/guide/changelog.md': '# Changes\n' });
  git(origin, 'add', '--all');
  git(origin, 'commit', '--quiet', '-m', 'Docs on main');
  const baseSha = git(origin, 'rev-parse', 'HEAD');

  // refs/pull/42/merge, as GitHub prepares it and actions/checkout checks it out.
  git(origin, 'checkout', '--quiet', '--detach', 'main');
  git(
    origin,
    'merge',
    '--quiet',
    '--no-ff',
    '-m',
    'Merge feature/faster-routing into main',
    'feature/faster-routing',
  );
  const mergeSha = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'update-ref', 'refs/pull/42/merge', mergeSha);
  git(origin, 'update-ref', 'refs/pull/42/head', headSha);
  git(origin, 'checkout', '--quiet', 'main');

  // The checkout: full history (fetch-depth: 0), so no run fetches and every run does the same work.
  const checkout = join(root, 'workspace');
  git(root, 'init', '--quiet', checkout);
  git(checkout, 'remote', 'add', 'origin', `file://${origin}`);
  git(
    checkout,
    'fetch',
    '--quiet',
    '--no-tags',
    'origin',
    '+refs/heads/*:refs/remotes/origin/*',
    '+refs/pull/42/merge:refs/remotes/pull/42/merge',
  );
  git(checkout, 'checkout', '--quiet', '--detach', mergeSha);

  const repository = {
    full_name: 'octo-org/octo-repo',
    name: 'octo-repo',
    owner: { login: 'octo-org' },
    default_branch: 'main',
  };
  const payload = {
    action: 'synchronize',
    number: 42,
    pull_request: {
      number: 42,
      state: 'open',
      title: 'Route faster',
      draft: false,
      labels: [{ name: 'area:routing' }, { name: 'performance' }],
      base: { ref: 'main', sha: baseSha, repo: repository },
      head: { ref: 'feature/faster-routing', sha: headSha, repo: repository },
    },
    repository,
    sender: { login: 'octocat' },
  };
  const env = {
    GITHUB_SHA: mergeSha,
    GITHUB_REF: 'refs/pull/42/merge',
    GITHUB_BASE_REF: 'main',
    GITHUB_HEAD_REF: 'feature/faster-routing',
  };
  const breakdown = `${modified.length} modified, ${added.length} added, ${deleted.length} deleted, ${renamed.length} renamed`;
  return { root, checkout, payload, env, breakdown, setupMs: performance.now() - started };
}

/** `node -e 0`, spawned as the harness spawns an action; wall time from spawn to close. */
function spawnNodeNoop(): Promise<{ ms: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ ms: performance.now() - started, code });
    });
  });
}

async function benchAction(): Promise<PartResult> {
  const fixture = buildFixture();
  try {
    const run = () =>
      runAction('change-router', {
        event: { name: 'pull_request', payload: fixture.payload },
        workspace: fixture.checkout,
        env: fixture.env,
      });
    console.log(
      `  temp repo: origin + full-history checkout of refs/pull/42/merge, ${PR_FILES} changed files ` +
        `(${fixture.breakdown}), 7 routes (built in ${duration(fixture.setupMs)})`,
    );

    // Warm-up (disk cache, git's own start-up), then the runs interleaved so noise hits both.
    const first = await run();
    if (first.exitCode !== 0) {
      console.log(
        `  change-router exited with ${String(first.exitCode)}:\n${first.stdout}${first.stderr}`,
      );
      return {
        verdict: `(b) FAIL: change-router exited with ${String(first.exitCode)}`,
        failed: true,
      };
    }
    const changed = first.outputs['changed-files'];
    const ran = first.outputs.routes ?? '';
    console.log(
      `  outputs: changed-files=${changed ?? '(unset)'}, routes=${ran}, fallback-reason=${first.outputs['fallback-reason'] || '(none)'}`,
    );
    if (changed !== String(PR_FILES)) {
      return {
        verdict: `(b) FAIL: the action saw ${changed ?? 'no'} changed files, expected ${PR_FILES}`,
        failed: true,
      };
    }
    await spawnNodeNoop();

    const actionMs: number[] = [];
    const noopMs: number[] = [];
    for (let i = 0; i < SPAWN_RUNS; i++) {
      const result = await run();
      if (result.exitCode !== 0) {
        console.log(
          `  run ${i + 1}: change-router exited with ${String(result.exitCode)}:\n${result.stdout}${result.stderr}`,
        );
        return {
          verdict: `(b) FAIL: change-router exited with ${String(result.exitCode)} on run ${i + 1}`,
          failed: true,
        };
      }
      actionMs.push(result.durationMs);
      const noop = await spawnNodeNoop();
      if (noop.code !== 0) throw new Error(`node -e 0 exited with ${String(noop.code)}`);
      noopMs.push(noop.ms);
    }

    const row = (label: string, values: readonly number[]) => [
      label,
      duration(median(values)),
      duration(percentile(values, 90)),
      duration(Math.min(...values)),
      duration(Math.max(...values)),
    ];
    const actionMedian = median(actionMs);
    const met = actionMedian <= ACTION_MEDIAN_TARGET_MS;
    console.log('');
    console.log(
      table(
        [
          ['', 'median', 'p90', 'min', 'max'],
          row('node -e 0', noopMs),
          row('change-router (dist)', actionMs),
          [
            'difference',
            duration(actionMedian - median(noopMs)),
            duration(percentile(actionMs, 90) - percentile(noopMs, 90)),
            '',
            '',
          ],
        ],
        'lrrrr',
      ),
    );
    console.log('');
    console.log(
      `  target: action median <= ${ACTION_MEDIAN_TARGET_MS} ms   ${met ? 'ok' : 'MISSED'}`,
    );
    return {
      verdict: `(b) ${met ? 'PASS' : 'MISSED'}: change-router median ${duration(actionMedian)} spawn-to-exit for a ${PR_FILES}-file PR (target <= ${ACTION_MEDIAN_TARGET_MS} ms), ${duration(actionMedian - median(noopMs))} above node -e 0`,
      failed: false,
    };
  } finally {
    rmSync(fixture.root, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

console.log(
  `change-router benchmark (node ${process.version}, ${process.platform}/${process.arch})`,
);
if (bundleStale)
  console.log(
    '  note: dist/change-router.js is older than src/; run `npm run build` to bench current code',
  );
console.log('');
console.log(`(a) routing ${int(PATH_COUNT)} paths: RuleSet vs naive minimatch()`);
const routing = benchRouting();
console.log('');
console.log(
  `(b) spawn-to-exit, ${SPAWN_RUNS} runs each after 1 warm-up: dist/change-router.js vs node -e 0`,
);
const action = routing.failed ? undefined : await benchAction();
console.log('');
console.log(routing.verdict);
console.log(action?.verdict ?? '(b) SKIPPED: part (a) failed');
console.log(`total ${duration(performance.now() - benchStarted)}`);
if (routing.failed || action?.failed) process.exitCode = 1;
