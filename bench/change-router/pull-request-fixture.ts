/**
 * The repository part (b) runs change-router in: an origin with a 50-file pull request, and a
 * full-history checkout of its merge ref as actions/checkout leaves it.
 */
import { GitFixture, git } from '../../src/rehearsal/git-fixture.ts';
import { pick, prng } from '../lib/prng.ts';

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
const ROUTE_COUNT = 7;

const DIRS = [
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
const EXTENSIONS = ['rs', 'ts', 'md', 'json', 'yml', 'toml'];
const BASE_SOURCES = 160;
const CHANGED_FILES = 50;
const SEED = 0x1a4e_c18;
const BRANCH = 'feature/faster-routing';

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

export interface PullRequestFixture {
  readonly repo: GitFixture;
  /** The checkout the action runs in. */
  readonly workspace: string;
  /** The pull_request event's payload. */
  readonly payload: unknown;
  /** The runner's environment for the event, beside what the harness sets. */
  readonly env: Readonly<Record<string, string>>;
  readonly changedFiles: number;
  /** The fixture in a sentence, for the report. */
  readonly description: string;
}

/**
 * Builds the fixture: modified, added, deleted and renamed files on a branch off main, main moved
 * on after the branch point, and refs/pull/42/merge as GitHub prepares it. The caller cleans
 * `repo` up.
 */
export function buildPullRequestFixture(): PullRequestFixture {
  const repo = new GitFixture();
  try {
    // Base: source files across the tree, plus the manifests and the routes file.
    const random = prng(SEED);
    const baseFiles: Record<string, string> = {
      'Cargo.toml': cargoToml('1.0.200'),
      'Cargo.lock': '# lock\n',
      'package.json': packageJson('19.1.0'),
      'README.md': '# octo-repo\n',
      '.github/lanekit/routes.yml': ROUTES_YML,
      '.github/workflows/ci.yml': 'on: pull_request\njobs: {}\n',
    };
    const sources: string[] = [];
    for (let i = 0; i < BASE_SOURCES; i++) {
      const ext = EXTENSIONS[i % EXTENSIONS.length]!;
      const path = `${pick(random, DIRS)}/file_${i}.${ext === 'ts' && i % 5 === 0 ? 'test.ts' : ext}`;
      baseFiles[path] = source(path, 0);
      sources.push(path);
    }
    repo.commit('Initial layout', baseFiles);

    // The pull request, in one commit: git sees a deleted file and an added one of the same
    // content as a rename, as it does after `git mv`.
    const modified = ['Cargo.toml', 'package.json', ...sources.slice(0, 28)];
    const deleted = sources.slice(28, 33);
    const renamed = sources.slice(33, 38);
    const added = Array.from(
      { length: CHANGED_FILES - modified.length - deleted.length - renamed.length },
      (_, i) => `${DIRS[i % DIRS.length]!}/new_${i}.${EXTENSIONS[i % EXTENSIONS.length]!}`,
    );
    const headSha = repo.commitOnBranch(BRANCH, `Route faster\n\nTouches ${CHANGED_FILES} files.`, {
      'Cargo.toml': cargoToml('1.0.210'),
      'package.json': packageJson('19.2.0'),
      ...Object.fromEntries(modified.slice(2).map((path) => [path, source(path, 1)])),
      ...Object.fromEntries(added.map((path) => [path, source(path, 2)])),
      ...Object.fromEntries([...deleted, ...renamed].map((path) => [path, null])),
      ...Object.fromEntries(
        renamed.map((path) => [path.replace(/file_(\d+)/, 'renamed_$1'), baseFiles[path]!]),
      ),
    });

    // main moves on after the branch point, so the PR's base sha is not the merge base.
    const baseSha = repo.commit('Docs on main', { 'docs/guide/changelog.md': '# Changes\n' });

    // refs/pull/42/merge: main merged with the branch on a detached head.
    repo.checkout(baseSha);
    const mergeSha = repo.merge(BRANCH, `Merge ${BRANCH} into main`);
    git(repo.origin, 'update-ref', 'refs/pull/42/merge', mergeSha);
    git(repo.origin, 'update-ref', 'refs/pull/42/head', headSha);
    repo.checkout('main');

    // Full history (fetch-depth: 0), so no run fetches and every run does the same work.
    const workspace = repo.clone({ ref: 'refs/pull/42/merge', depth: 0, name: 'workspace' });

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
        head: { ref: BRANCH, sha: headSha, repo: repository },
      },
      repository,
      sender: { login: 'octocat' },
    };
    const env = {
      GITHUB_SHA: mergeSha,
      GITHUB_REF: 'refs/pull/42/merge',
      GITHUB_BASE_REF: 'main',
      GITHUB_HEAD_REF: BRANCH,
    };
    const description =
      `origin + full-history checkout of refs/pull/42/merge, ${CHANGED_FILES} changed files ` +
      `(${modified.length} modified, ${added.length} added, ${deleted.length} deleted, ` +
      `${renamed.length} renamed), ${ROUTE_COUNT} routes`;
    return { repo, workspace, payload, env, changedFiles: CHANGED_FILES, description };
  } catch (error) {
    repo.cleanup();
    throw error;
  }
}
