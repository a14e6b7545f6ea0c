import { pick, pickWeighted, prng } from '../lib/prng.ts';

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

/**
 * `count` distinct repository paths, the same for the same seed: directories 1-6 deep under the
 * top-level folders of a Rust + TypeScript monorepo, plus a few root-level files.
 */
export function generateRepositoryPaths(count: number, seed: number): string[] {
  const random = prng(seed);
  const prefixes: readonly (readonly [number, () => string])[] = [
    [
      34,
      () =>
        `crates/${pick(random, CRATES)}/${pick(random, ['src', 'src', 'src', 'tests', 'benches', 'examples', 'tests/fixtures', 'src/generated'])}`,
    ],
    [4, () => `crates/${pick(random, OTHER_CRATES)}/src`],
    [
      16,
      () =>
        `src/${pick(random, ['app', 'ui', 'api', 'server', 'shared', 'cli', 'lib', 'workers', 'server/fixtures'])}`,
    ],
    [8, () => `packages/${pick(random, ['web', 'api-client', 'shared', 'design-system'])}`],
    [7, () => pick(random, ['docs', 'docs/assets', 'docs/drafts', 'docs/guide'])],
    [
      3,
      () => `.github/${pick(random, ['workflows', 'actions/setup', 'ISSUE_TEMPLATE', 'lanekit'])}`,
    ],
    [6, () => pick(random, ['tools', 'tools/gen', 'scripts', 'scripts/ci', 'xtask', '.config'])],
    [5, () => `examples/${pick(random, ['hello', 'http-server', 'legacy', 'wasm-demo'])}`],
    [6, () => pick(random, ['test', 'tests', 'test/snapshots', 'openapi'])],
    [2, () => pick(random, ['.cargo', '.vscode', '.devcontainer', '.husky'])],
    [6, () => pick(random, ['vendor', 'third_party', 'assets', 'benchmarks'])],
    [3, () => ''],
  ];
  const fileName = (): string => {
    const roll = random();
    if (roll < 0.04) return pick(random, DOTFILES);
    if (roll < 0.14) return pick(random, SPECIAL_FILES);
    const ext = pickWeighted(random, EXTENSIONS);
    const suffix = random() < 0.6 ? `_${Math.floor(random() * 40)}` : '';
    return `${pick(random, STEMS)}${suffix}${ext === 'ts' && random() < 0.1 ? '.test' : ''}.${ext}`;
  };

  const paths = new Set<string>();
  while (paths.size < count) {
    const prefix = pickWeighted(random, prefixes)();
    if (prefix === '') {
      paths.add(random() < 0.5 ? pick(random, ROOT_FILES) : fileName());
      continue;
    }
    const dirs = prefix.split('/');
    const depth = 1 + Math.floor(random() * 6);
    while (dirs.length < depth) dirs.push(pick(random, SUBDIRS));
    paths.add(`${dirs.join('/')}/${fileName()}`);
  }
  return [...paths];
}
