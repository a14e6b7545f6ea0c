import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Plan } from '../../src/routing/route-changes.ts';
import { GitFixture, git } from '../harness/git-fixture.ts';
import { GitHubApiServer, pullFile } from '../harness/github-api.ts';
import { mergeGroupPayload, pullRequestPayload, pushPayload } from '../harness/payloads.ts';
import type { RunResult } from '../harness/runner.ts';
import { runAction } from '../harness/runner.ts';

const ROUTES = `routes:
  rust:
    paths: ['crates/**', Cargo.toml, Cargo.lock, '!crates/**/*.md']
    mise-tools: [zig, cargo-nextest]
  docker_e2e:
    paths: ['docker/**']
    implies: [rust]
  docs:
    paths: ['docs/**', '*.md', 'crates/**/*.md']
    mise-tools: [lychee]
  deps:
    keys:
      package.json: ['dependencies.*']
fallback: all
force:
  labels: ['ci:all']
  trailers: ['CI-Routes: all']
`;

const MISE = `[tools]
zig = "0.13.0"
"cargo:cargo-nextest" = "0.9.80"
lychee = "0.15.0"
`;

const BASE_FILES = {
  '.github/lanekit/routes.yml': ROUTES,
  'Cargo.toml': '[workspace]\n',
  'crates/core/src/lib.rs': 'pub fn a() {}\n',
  'crates/core/README.md': '# core\n',
  'docs/index.md': '# docs\n',
  'docker/Dockerfile': 'FROM scratch\n',
  'mise.toml': MISE,
  'package.json': '{"dependencies": {"left-pad": "1.0.0"}, "scripts": {"test": "x"}}\n',
};

function plan(result: RunResult): Plan {
  assert.equal(result.exitCode, 0, `action failed:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.outputs.plan!) as Plan;
}

function running(result: RunResult): string[] {
  return JSON.parse(result.outputs.routes!) as string[];
}

/** No line of the log may be a workflow command other than the ones lanekit itself writes. */
function assertNoInjectedCommands(result: RunResult): void {
  const allowed = new Set(['debug', 'notice', 'warning', 'error']);
  for (const command of result.commands)
    assert.ok(allowed.has(command.command), `injected ::${command.command}`);
  assert.deepEqual(result.legacyCommands, []);
}

describe('change-router on real git repositories', () => {
  let repo: GitFixture;
  let baseSha: string;

  before(() => {
    repo = new GitFixture();
    baseSha = repo.commit('base', BASE_FILES);
  });
  after(() => {
    repo.cleanup();
  });

  it('routes a pull request from a shallow clone, fetching only what is missing', async () => {
    repo.checkout('main');
    repo.checkout('pr-shallow', true);
    repo.commit('touch rust and docs', {
      'crates/core/src/lib.rs': 'pub fn b() {}\n',
      'docs/guide.md': 'x\n',
    });
    const head = repo.commit('more', { 'crates/core/src/extra.rs': '//\n' });
    repo.checkout('main');
    const moved = repo.commit('main moves on', { 'docker/Dockerfile': 'FROM alpine\n' });
    const workspace = repo.clone({ ref: head });
    const result = await runAction('change-router', {
      workspace,
      event: {
        name: 'pull_request',
        payload: pullRequestPayload({ baseSha: moved, headSha: head }),
      },
    });
    const p = plan(result);
    assert.equal(p.base, baseSha, 'the merge base, not the moved base branch');
    assert.equal(p.head, head);
    assert.equal(p.changedFiles, 3);
    assert.deepEqual(running(result), ['rust', 'docs']);
    assert.equal(result.outputs.rust, 'true');
    assert.equal(
      result.outputs.docker_e2e,
      'false',
      'a change on main after the fork is not the PR',
    );
    assert.equal(result.outputs['changed-files'], '3');
    assert.equal(result.outputs['fallback-reason'], '');
    assert.deepEqual(p.routes.rust!.reasons[0], {
      type: 'path',
      path: 'crates/core/src/extra.rs',
      rule: 'crates/**',
    });
    assert.match(result.summary, /\| `?<code>rust<\/code>`? \| ✅ run \|/);
    assert.match(result.stdout, /Fetching [0-9a-f]{40} from origin/);
    assert.doesNotMatch(result.stdout, /deepening by 128/, 'one bounded deepening step is enough');
    assertNoInjectedCommands(result);
  });

  it('leaves out what a pull request merged in from its base branch', async () => {
    repo.checkout('main');
    repo.checkout('pr-merges-main', true);
    repo.commit('docs on the branch', { 'docs/merged.md': 'x\n' });
    repo.checkout('main');
    const mainMoved = repo.commit('rust on main', { 'crates/core/src/main-only.rs': '//\n' });
    repo.checkout('pr-merges-main');
    const head = repo.merge('main', 'Merge branch main into pr-merges-main');
    repo.checkout('main');
    const workspace = repo.clone({ ref: head });
    const result = await runAction('change-router', {
      workspace,
      event: {
        name: 'pull_request',
        payload: pullRequestPayload({ baseSha: mainMoved, headSha: head }),
      },
    });
    const p = plan(result);
    assert.equal(p.base, mainMoved, 'the merge brought main in: main is the merge base');
    assert.deepEqual(running(result), ['docs']);
    assert.equal(p.changedFiles, 1);
  });

  it('deepens a shallow clone in bounded steps to find a distant merge base', async () => {
    repo.checkout('main');
    repo.checkout('pr-deep', true);
    repo.commit('docs change', { 'docs/deep.md': 'x\n' });
    for (let i = 0; i < 60; i++) repo.commit(`step ${i}`);
    const head = repo.sha('HEAD');
    repo.checkout('main');
    const workspace = repo.clone({ ref: head });
    const result = await runAction('change-router', {
      workspace,
      event: {
        name: 'pull_request',
        payload: pullRequestPayload({ baseSha: repo.sha('main'), headSha: head }),
      },
    });
    const p = plan(result);
    assert.deepEqual(running(result), ['docs']);
    assert.equal(p.changedFiles, 1);
    assert.match(result.stdout, /deepening by 32 commits/);
  });

  it('runs every route with base-unreachable when the base cannot be fetched', async () => {
    const workspace = repo.clone();
    const missing = 'f'.repeat(40);
    const result = await runAction('change-router', {
      workspace,
      event: {
        name: 'pull_request',
        payload: pullRequestPayload({ baseSha: missing, headSha: repo.sha('main') }),
      },
    });
    const p = plan(result);
    assert.equal(result.outputs['fallback-reason'], 'base-unreachable');
    assert.deepEqual(running(result), ['rust', 'docker_e2e', 'docs', 'deps']);
    assert.equal(p.base, null);
    assert.deepEqual(p.routes.docs!.reasons, [{ type: 'fallback', cause: 'base-unreachable' }]);
  });

  it('routes a push from before to after, with renames and deletes', async () => {
    repo.checkout('main');
    const beforeSha = repo.sha('HEAD');
    repo.rename('docker/Dockerfile', 'images/Dockerfile');
    const afterSha = repo.commit('delete docs', { 'docs/index.md': null });
    const workspace = repo.clone({ ref: afterSha, depth: 1 });
    const result = await runAction('change-router', {
      workspace,
      event: { name: 'push', payload: pushPayload({ before: beforeSha, after: afterSha }) },
    });
    const p = plan(result);
    assert.equal(p.base, beforeSha);
    assert.deepEqual(running(result), ['rust', 'docker_e2e', 'docs']);
    assert.deepEqual(p.routes.docker_e2e!.reasons[0], {
      type: 'path',
      path: 'docker/Dockerfile',
      rule: 'docker/**',
    });
    assert.deepEqual(p.routes.rust!.reasons, [{ type: 'implied', by: 'docker_e2e' }]);
    assert.deepEqual(p.routes.docs!.reasons[0], {
      type: 'path',
      path: 'docs/index.md',
      rule: 'docs/**',
    });
  });

  it('compares a new branch with its merge base on the default branch', async () => {
    const mainSha = repo.sha('main');
    const head = repo.commitOnBranch('new-branch', 'docs on a new branch', {
      'docs/new.md': 'x\n',
    });
    const workspace = repo.clone({ ref: head });
    const result = await runAction('change-router', {
      workspace,
      event: {
        name: 'push',
        payload: pushPayload({
          before: '0'.repeat(40),
          after: head,
          ref: 'refs/heads/new-branch',
          created: true,
        }),
      },
    });
    const p = plan(result);
    assert.equal(p.base, mainSha);
    assert.deepEqual(running(result), ['docs']);
    assert.match(p.how, /new-branch: merge base with the default branch 'main'/);
  });

  it('ignores the orphaned before of a force push and uses the default branch', async () => {
    repo.checkout('main');
    repo.checkout('forced', true);
    const orphan = repo.commit('soon orphaned', { 'crates/core/src/gone.rs': '//\n' });
    git(repo.origin, 'reset', '--quiet', '--hard', 'main');
    const head = repo.commit('rewritten', { 'docs/forced.md': 'x\n' });
    git(repo.origin, 'reflog', 'expire', '--expire=now', '--all');
    git(repo.origin, 'gc', '--quiet', '--prune=now');
    repo.checkout('main');
    const workspace = repo.clone({ ref: head });
    const result = await runAction('change-router', {
      workspace,
      event: {
        name: 'push',
        payload: pushPayload({
          before: orphan,
          after: head,
          ref: 'refs/heads/forced',
          forced: true,
        }),
      },
    });
    plan(result);
    assert.deepEqual(running(result), ['docs']);
  });

  it('runs everything for a force push of the default branch itself, saying why', async () => {
    const workspace = repo.clone();
    const result = await runAction('change-router', {
      workspace,
      event: {
        name: 'push',
        payload: pushPayload({ before: 'a'.repeat(40), after: repo.sha('main'), forced: true }),
      },
    });
    plan(result);
    assert.equal(result.outputs['fallback-reason'], 'base-unknown:force-push');
  });

  it('routes a merge group from base_sha to head_sha', async () => {
    const baseOfGroup = repo.sha('main');
    const head = repo.commitOnBranch('gh-readonly-queue', 'queued', { 'Cargo.lock': '# lock\n' });
    const workspace = repo.clone({ ref: head });
    const result = await runAction('change-router', {
      workspace,
      event: {
        name: 'merge_group',
        payload: mergeGroupPayload({ baseSha: baseOfGroup, headSha: head }),
      },
    });
    const p = plan(result);
    assert.equal(p.base, baseOfGroup);
    assert.deepEqual(running(result), ['rust']);
  });

  for (const [name, payload, cause] of [
    ['workflow_dispatch', { inputs: {} }, 'event:workflow_dispatch'],
    ['schedule', { schedule: '0 3 * * *' }, 'event:schedule'],
    [
      'push',
      pushPayload({ before: 'a'.repeat(40), after: 'b'.repeat(40), ref: 'refs/tags/v1.0.0' }),
      'event:push-tag',
    ],
    ['repository_dispatch', { action: 'go' }, 'event:repository_dispatch'],
  ] as const) {
    it(`runs every route for ${cause}`, async () => {
      const workspace = repo.clone();
      const result = await runAction('change-router', {
        workspace,
        env: { GITHUB_SHA: repo.sha('main') },
        event: { name, payload },
      });
      const p = plan(result);
      assert.equal(result.outputs['fallback-reason'], cause);
      assert.deepEqual(running(result), ['rust', 'docker_e2e', 'docs', 'deps']);
      assert.match(result.stdout, new RegExp(`notice::Fallback: ${cause}`));
      assert.equal(p.changedFiles, 0);
    });
  }

  it('fetches a branch named in the base input into a shallow clone', async () => {
    const head = repo.commitOnBranch('by-branch-name', 'docs', { 'docs/by-name.md': 'x\n' });
    const workspace = repo.clone({ ref: head });
    const result = await runAction('change-router', {
      workspace,
      inputs: { base: 'main' },
      env: { GITHUB_SHA: head },
      event: { name: 'workflow_dispatch', payload: {} },
    });
    const p = plan(result);
    assert.equal(p.base, repo.sha('main'));
    assert.deepEqual(running(result), ['docs']);
  });

  it('diffs a dispatch against the base input', async () => {
    repo.checkout('main');
    const from = repo.sha('main');
    const to = repo.commit('lock', { 'package.json': '{"dependencies": {"left-pad": "1.1.0"}}\n' });
    const workspace = repo.clone({ ref: to, depth: 0 });
    const result = await runAction('change-router', {
      workspace,
      inputs: { base: from },
      env: { GITHUB_SHA: to },
      event: { name: 'workflow_dispatch', payload: {} },
    });
    const p = plan(result);
    assert.deepEqual(running(result), ['deps']);
    assert.deepEqual(p.routes.deps!.reasons, [
      { type: 'key', file: 'package.json', key: 'dependencies.left-pad', rule: 'dependencies.*' },
    ]);
  });

  it('routes mise.toml by the tools that changed, whatever their backend', async () => {
    repo.checkout('main');
    const from = repo.sha('main');
    const docsBump = repo.commit('bump lychee', { 'mise.toml': MISE.replace('0.15.0', '0.16.0') });
    const workspace = repo.clone({ ref: docsBump, depth: 0 });
    const docsOnly = await runAction('change-router', {
      workspace,
      inputs: { base: from, head: docsBump },
    });
    assert.deepEqual(running(docsOnly), ['docs'], 'a docs tool bump does not fire rust');

    const renamed = repo.commit('move nextest to aqua', {
      'mise.toml': MISE.replace('0.15.0', '0.16.0').replace(
        '"cargo:cargo-nextest" = "0.9.80"',
        '"aqua:nextest-rs/nextest" = "0.9.80"',
      ),
    });
    const clone = repo.clone({ ref: renamed, depth: 0 });
    const rename = await runAction('change-router', {
      workspace: clone,
      inputs: { base: docsBump, head: renamed },
    });
    const p = plan(rename);
    assert.deepEqual(running(rename), ['rust']);
    assert.equal(p.routes.rust!.reasons[0]!.type, 'tool');
    assert.ok(
      p.warnings.some((w) => w.includes("'cargo-nextest'")),
      `drift warning expected: ${JSON.stringify(p.warnings)}`,
    );
    assert.match(rename.stdout, /::warning::route 'rust': mise tool 'cargo-nextest'/);
  });

  it('runs the routes of a file that fails to parse, with parse-error:<file>', async () => {
    repo.checkout('main');
    const from = repo.sha('main');
    const broken = repo.commit('break json', { 'package.json': '{"dependencies": {' });
    const workspace = repo.clone({ ref: broken, depth: 0 });
    const result = await runAction('change-router', {
      workspace,
      inputs: { base: from, head: broken },
    });
    const p = plan(result);
    assert.deepEqual(running(result), ['deps']);
    assert.equal(p.routes.deps!.reasons[0]!.type, 'parse-error');
    assert.equal(result.outputs['fallback-reason'], 'parse-error:package.json');
    repo.commit('fix json', { 'package.json': '{"dependencies": {"left-pad": "1.1.0"}}\n' });
  });

  it('sends a file no route claims to the fallback routes', async () => {
    repo.checkout('main');
    const from = repo.sha('main');
    const to = repo.commit('stray', { 'tools/stray.sh': 'echo\n' });
    const workspace = repo.clone({ ref: to, depth: 0 });
    const result = await runAction('change-router', {
      workspace,
      inputs: { base: from, head: to },
    });
    const p = plan(result);
    assert.equal(result.outputs['fallback-reason'], 'unmatched:tools/stray.sh');
    assert.deepEqual(p.routes.docs!.reasons, [
      { type: 'fallback', cause: 'unmatched:tools/stray.sh' },
    ]);
  });

  it('forces every route for a configured label or commit trailer', async () => {
    const head = repo.commitOnBranch('forced-by-label', 'docs\n\nCI-Routes: all\n', {
      'docs/label.md': 'x\n',
    });
    const workspace = repo.clone({ ref: head });
    const labelled = await runAction('change-router', {
      workspace,
      event: {
        name: 'pull_request',
        payload: pullRequestPayload({
          baseSha: repo.sha('main'),
          headSha: head,
          labels: ['ci:all'],
        }),
      },
    });
    const p = plan(labelled);
    assert.equal(labelled.outputs['fallback-reason'], 'label:ci:all');
    assert.deepEqual(running(labelled), ['rust', 'docker_e2e', 'docs', 'deps']);
    assert.deepEqual(p.routes.docs!.reasons.slice(0, 2), [
      { type: 'fallback', cause: 'label:ci:all' },
      { type: 'path', path: 'docs/label.md', rule: 'docs/**' },
    ]);
    const trailer = await runAction('change-router', {
      workspace,
      event: {
        name: 'pull_request',
        payload: pullRequestPayload({ baseSha: repo.sha('main'), headSha: head }),
      },
    });
    plan(trailer);
    assert.equal(trailer.outputs['fallback-reason'], 'trailer:CI-Routes: all');
  });

  it('keeps hostile file names exact in outputs and inert in logs', async () => {
    const hostile = [
      'docs/new\nline.md',
      'docs/::set-env name=PWNED::1.md',
      'docs/$(touch pwned).md',
      `docs/quote'"\`.md`,
      'docs/-rf.md',
      'docs/with space.md',
      'docs/ünïcødé-日本.md',
      'docs/##[add-mask]secret.md',
      '::stop-commands::x',
    ];
    repo.checkout('main');
    const from = repo.sha('main');
    const to = repo.commit(
      'hostile\n\n::add-mask::x',
      Object.fromEntries(hostile.map((p) => [p, 'x\n'])),
    );
    const workspace = repo.clone({ ref: to, depth: 0 });
    const result = await runAction('change-router', {
      workspace,
      inputs: { base: from, head: to },
    });
    const p = plan(result);
    const docsPaths = p.routes.docs!.reasons.flatMap((r) => (r.type === 'path' ? [r.path] : []));
    assert.deepEqual(docsPaths.sort(), hostile.filter((h) => h.startsWith('docs/')).sort());
    assert.equal(result.outputs['fallback-reason'], 'unmatched:::stop-commands::x');
    assertNoInjectedCommands(result);
    assert.ok(!result.summary.includes('$(touch'), 'summary escapes markup');
    assert.ok(!result.summary.includes('\nline.md'));
  });
});

describe('change-router configuration errors', () => {
  let workspace: string;
  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'lanekit-config-'));
    git(workspace, 'init', '--quiet');
  });
  after(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  for (const [title, routes, message] of [
    [
      'invalid YAML with line and column',
      'routes:\n  a:\n    paths: [x\n',
      /routes input:3:14: invalid YAML/,
    ],
    [
      'an unknown key',
      'routes:\n  a:\n    paths: [x]\n    pathz: [y]\n',
      /routes input:4:5: routes\.a: unknown key 'pathz', expected one of paths\|status\|keys\|mise-tools\|implies/,
    ],
    [
      'an unknown route in implies',
      'routes:\n  a:\n    paths: [x]\n    implies: [b]\n',
      /routes input:4:15: routes\.a\.implies\[0\]: implies names unknown route 'b', expected one of a/,
    ],
    [
      'an implies cycle',
      'routes:\n  a:\n    paths: [x]\n    implies: [b]\n  b:\n    paths: [y]\n    implies: [a]\n',
      /implies: cycle a -> b -> a/,
    ],
    [
      'an invalid glob',
      "routes:\n  a:\n    paths: ['/abs/**']\n",
      /routes\.a\.paths\[0\]: invalid glob '\/abs\/\*\*': paths are relative/,
    ],
    [
      'a route name that is no output id',
      'routes:\n  "my route":\n    paths: [x]\n',
      /route name 'my route' cannot be an output id/,
    ],
    [
      'a reserved route name',
      'routes:\n  plan:\n    paths: [x]\n',
      /route name 'plan' is taken by an output/,
    ],
    [
      'an unknown status',
      'routes:\n  a:\n    paths: [x]\n    status: [touched]\n',
      /got 'touched', expected one of added\|modified\|deleted\|renamed/,
    ],
    [
      'an invalid key pattern',
      "routes:\n  a:\n    keys:\n      package.json: ['a..b']\n",
      /routes\.a\.keys\.package\.json\[0\]/,
    ],
  ] as const) {
    it(`rejects ${title}`, async () => {
      const result = await runAction('change-router', { workspace, inputs: { routes } });
      assert.equal(result.exitCode, 1);
      const error = result.annotations.find((c) => c.command === 'error');
      assert.ok(error, result.stdout);
      assert.match(error.message, /^change-router: /);
      assert.match(error.message, message);
      assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at /, 'no stack trace');
    });
  }

  it('rejects an invalid source with the allowed values', async () => {
    const result = await runAction('change-router', {
      workspace,
      inputs: { source: 'svn', routes: 'routes:\n  a:\n    paths: [x]\n' },
    });
    assert.equal(result.exitCode, 1);
    assert.match(result.stdout, /change-router: source: got 'svn', expected one of auto\|git\|api/);
  });

  it('says where the routes file was looked for', async () => {
    const result = await runAction('change-router', { workspace });
    assert.equal(result.exitCode, 1);
    assert.match(
      result.stdout,
      /routes: got '\.github\/lanekit\/routes\.yml'.*did the job run actions\/checkout first/,
    );
  });
});

describe('change-router API mode against the REST server', () => {
  let server: GitHubApiServer;
  let workspace: string;
  const routes =
    'routes:\n  rust:\n    paths: ["crates/**"]\n  docs:\n    paths: ["docs/**"]\nfallback: []\n';

  before(async () => {
    server = await GitHubApiServer.start();
    workspace = mkdtempSync(join(tmpdir(), 'lanekit-nogit-'));
    mkdirSync(join(workspace, '.github', 'lanekit'), { recursive: true });
    writeFileSync(join(workspace, '.github', 'lanekit', 'routes.yml'), routes);
  });
  after(async () => {
    await server.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  const files = (count: number, dir: string) =>
    Array.from({ length: count }, (_, i) =>
      pullFile({
        filename: `${dir}/f${i}.txt`,
        status: i % 7 === 0 ? 'added' : 'modified',
        owner: 'octo-org',
        repo: 'octo-repo',
      }),
    );

  const event = (number: number) => ({
    name: 'pull_request',
    payload: pullRequestPayload({ number, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) }),
  });

  it('lists the pull request files page by page', async () => {
    server.paginated('GET', '/repos/:owner/:repo/pulls/11/files', () => [
      ...files(249, 'docs'),
      pullFile({
        filename: 'crates/x.rs',
        status: 'renamed',
        previous_filename: 'old/x.rs',
        owner: 'octo-org',
        repo: 'octo-repo',
      }),
    ]);
    const result = await runAction('change-router', {
      workspace,
      token: 'ghs_test',
      env: { GITHUB_API_URL: server.url },
      event: event(11),
    });
    const p = plan(result);
    assert.equal(p.source, 'api');
    assert.equal(p.changedFiles, 250);
    assert.deepEqual(running(result), ['rust', 'docs']);
    assert.equal(server.count('GET', '/repos/:owner/:repo/pulls/11/files'), 3);
    const auth = server.requests.find((r) => r.path.endsWith('/pulls/11/files'))!.headers
      .authorization;
    assert.equal(auth, 'token ghs_test');
  });

  it('runs every route with diff-truncated at the 3000-file cap', async () => {
    server.paginated('GET', '/repos/:owner/:repo/pulls/12/files', () => files(3000, 'docs'));
    const result = await runAction('change-router', {
      workspace,
      token: 'ghs_test',
      env: { GITHUB_API_URL: server.url },
      event: event(12),
    });
    plan(result);
    assert.equal(result.outputs['fallback-reason'], 'diff-truncated');
    assert.deepEqual(running(result), ['rust', 'docs']);
    assert.equal(server.count('GET', '/repos/:owner/:repo/pulls/12/files'), 30);
  });

  it('routes a push through the compare API and reads classified files through the contents API', async () => {
    const before = 'c'.repeat(40);
    const after = 'd'.repeat(40);
    server.route('GET', '/repos/:owner/:repo/compare/:basehead', (req) => {
      assert.equal(req.params.basehead, `${before}...${after}`);
      return {
        body: {
          status: 'ahead',
          ahead_by: 1,
          behind_by: 0,
          total_commits: 1,
          merge_base_commit: { sha: before },
          commits: [],
          files: [
            pullFile({
              filename: 'docs/a.md',
              status: 'modified',
              owner: 'octo-org',
              repo: 'octo-repo',
            }),
            pullFile({
              filename: 'package.json',
              status: 'modified',
              owner: 'octo-org',
              repo: 'octo-repo',
            }),
          ],
        },
      };
    });
    server.route('GET', '/repos/:owner/:repo/contents/:path', (req) => {
      const version = req.query.get('ref') === before ? '1.0.0' : '2.0.0';
      assert.match(req.headers.accept ?? '', /^application\/vnd\.github\.(v3\.)?raw/);
      return { rawBody: JSON.stringify({ dependencies: { 'left-pad': version } }) };
    });
    const withKeys = routes.replace(
      'fallback: []',
      "  deps:\n    keys:\n      package.json: ['dependencies.*']\nfallback: []",
    );
    const result = await runAction('change-router', {
      workspace,
      token: 'ghs_test',
      inputs: { routes: withKeys },
      env: { GITHUB_API_URL: server.url },
      event: { name: 'push', payload: pushPayload({ before, after }) },
    });
    const p = plan(result);
    assert.equal(p.base, before);
    assert.deepEqual(running(result), ['docs', 'deps']);
    assert.deepEqual(p.routes.deps!.reasons, [
      { type: 'key', file: 'package.json', key: 'dependencies.left-pad', rule: 'dependencies.*' },
    ]);
  });

  it('fails with the call, the status and a hint when the token may not list files', async () => {
    server.route('GET', '/repos/:owner/:repo/pulls/14/files', () => ({
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
        status: '403',
      },
    }));
    const result = await runAction('change-router', {
      workspace,
      token: 'ghs_test',
      env: { GITHUB_API_URL: server.url },
      event: event(14),
    });
    assert.equal(result.exitCode, 1);
    assert.match(
      result.stdout,
      /::error::change-router: GitHub API pulls.listFiles for #14 answered 403: Resource not accessible by integration.*lacks a permission/,
    );
    assert.doesNotMatch(result.stdout, /lanekit bug/);
  });

  it('waits out a secondary rate limit and retries', async () => {
    server.paginated('GET', '/repos/:owner/:repo/pulls/13/files', () => files(3, 'crates'));
    server.failNext('GET', '/repos/:owner/:repo/pulls/13/files', {
      kind: 'rate-limit-429',
      retryAfterSeconds: 1,
    });
    const result = await runAction('change-router', {
      workspace,
      token: 'ghs_test',
      env: { GITHUB_API_URL: server.url },
      event: event(13),
    });
    assert.deepEqual(running(result), ['rust']);
    assert.equal(server.count('GET', '/repos/:owner/:repo/pulls/13/files'), 2);
    assert.match(result.stdout, /secondary rate limit/);
  });
});
