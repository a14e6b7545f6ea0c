import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Plan } from '../../src/routing/route-changes.ts';
import { GitFixture, git } from '../../src/rehearsal/git-fixture.ts';
import { GitHubApiServer, pullFile } from '../../src/rehearsal/github-api.ts';
import {
  mergeGroupPayload,
  pullRequestPayload,
  pushPayload,
} from '../../src/rehearsal/payloads.ts';
import type { RunOptions, RunResult } from '../../src/rehearsal/runner.ts';
import { runAction } from '../../src/rehearsal/runner.ts';

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

/** Every route of ROUTES, in file order: what runs when everything runs. */
const ALL_ROUTES = ['rust', 'docker_e2e', 'docs', 'deps'];

type Event = NonNullable<RunOptions['event']>;

const pullRequest = (options: Parameters<typeof pullRequestPayload>[0]): Event => ({
  name: 'pull_request',
  payload: pullRequestPayload(options),
});
const push = (options: Parameters<typeof pushPayload>[0]): Event => ({
  name: 'push',
  payload: pushPayload(options),
});
const mergeGroup = (options: Parameters<typeof mergeGroupPayload>[0]): Event => ({
  name: 'merge_group',
  payload: mergeGroupPayload(options),
});

/** A successful run, read: the plan output and the routes that run, beside the raw result. */
interface Routed {
  readonly result: RunResult;
  readonly outputs: RunResult['outputs'];
  readonly summary: string;
  readonly stdout: string;
  readonly plan: Plan;
  readonly running: string[];
}

/** Asserts that the action succeeded, and reads its outputs. */
function routed(result: RunResult): Routed {
  assert.equal(result.exitCode, 0, `action failed:\n${result.stdout}\n${result.stderr}`);
  return {
    result,
    outputs: result.outputs,
    summary: result.summary,
    stdout: result.stdout,
    plan: JSON.parse(result.outputs.plan!) as Plan,
    running: JSON.parse(result.outputs.routes!) as string[],
  };
}

/** No line of the log may be a workflow command other than the ones lanekit itself writes. */
function assertNoInjectedCommands(result: RunResult): void {
  const allowed = new Set(['debug', 'notice', 'warning', 'error']);
  for (const command of result.commands)
    assert.ok(allowed.has(command.command), `injected ::${command.command}`);
  assert.deepEqual(result.legacyCommands, []);
}

describe('change-router on real git repositories', () => {
  const origins: GitFixture[] = [];
  after(() => {
    for (const repo of origins) repo.cleanup();
  });

  /** A fresh origin for one case: main holds BASE_FILES in one commit, `base`. */
  function origin(): { repo: GitFixture; base: string } {
    const repo = new GitFixture();
    origins.push(repo);
    return { repo, base: repo.commit('base', BASE_FILES) };
  }

  interface Run {
    /** The commit to check out, as actions/checkout does (default: main's head). */
    readonly at?: string;
    /** actions/checkout's fetch-depth: 1 by default, 0 for the whole history of `at`. */
    readonly depth?: number;
    /** Run in this checkout instead of making one. */
    readonly workspace?: string;
    readonly event?: Event;
    readonly inputs?: RunOptions['inputs'];
    readonly env?: RunOptions['env'];
  }

  /** Checks `repo` out and runs change-router there; the run must succeed. */
  async function route(repo: GitFixture, run: Run = {}): Promise<Routed & { workspace: string }> {
    const workspace = run.workspace ?? repo.clone({ ref: run.at, depth: run.depth });
    const result = await runAction('change-router', {
      workspace,
      event: run.event,
      inputs: run.inputs,
      env: run.env,
    });
    return { ...routed(result), workspace };
  }

  /**
   * The common case: `files` committed on main (a new origin's unless `on` is given), routed
   * from main before it to that commit by the base and head inputs, in a full checkout.
   */
  async function routeChange(
    files: Readonly<Record<string, string | null>>,
    options: { message?: string; on?: GitFixture } = {},
  ): Promise<Routed & { repo: GitFixture; from: string; to: string }> {
    const repo = options.on ?? origin().repo;
    const from = repo.sha('main');
    const to = repo.commit(options.message ?? 'change', files);
    const run = await route(repo, { at: to, depth: 0, inputs: { base: from, head: to } });
    return { ...run, repo, from, to };
  }

  it('routes a pull request from a shallow clone, fetching only what is missing', async () => {
    const { repo, base } = origin();
    repo.checkout('pr-shallow', true);
    repo.commit('touch rust and docs', {
      'crates/core/src/lib.rs': 'pub fn b() {}\n',
      'docs/guide.md': 'x\n',
    });
    const head = repo.commit('more', { 'crates/core/src/extra.rs': '//\n' });
    repo.checkout('main');
    const moved = repo.commit('main moves on', { 'docker/Dockerfile': 'FROM alpine\n' });
    const run = await route(repo, {
      at: head,
      event: pullRequest({ baseSha: moved, headSha: head }),
    });
    assert.equal(run.plan.base, base, 'the merge base, not the moved base branch');
    assert.equal(run.plan.head, head);
    assert.equal(run.plan.changedFiles, 3);
    assert.deepEqual(run.running, ['rust', 'docs']);
    assert.equal(run.outputs.rust, 'true');
    assert.equal(run.outputs.docker_e2e, 'false', 'a change on main after the fork is not the PR');
    assert.equal(run.outputs['changed-files'], '3');
    assert.equal(run.outputs['fallback-reason'], '');
    assert.deepEqual(run.plan.routes.rust!.reasons[0], {
      type: 'path',
      path: 'crates/core/src/extra.rs',
      rule: 'crates/**',
    });
    assert.match(run.summary, /\| `?<code>rust<\/code>`? \| ✅ run \|/);
    assert.match(run.stdout, /Fetching [0-9a-f]{40} from origin/);
    assert.doesNotMatch(run.stdout, /deepening by 128/, 'one bounded deepening step is enough');
    assertNoInjectedCommands(run.result);
  });

  it('leaves out what a pull request merged in from its base branch', async () => {
    const { repo } = origin();
    repo.checkout('pr-merges-main', true);
    repo.commit('docs on the branch', { 'docs/merged.md': 'x\n' });
    repo.checkout('main');
    const mainMoved = repo.commit('rust on main', { 'crates/core/src/main-only.rs': '//\n' });
    repo.checkout('pr-merges-main');
    const head = repo.merge('main', 'Merge branch main into pr-merges-main');
    repo.checkout('main');
    const run = await route(repo, {
      at: head,
      event: pullRequest({ baseSha: mainMoved, headSha: head }),
    });
    assert.equal(run.plan.base, mainMoved, 'the merge brought main in: main is the merge base');
    assert.deepEqual(run.running, ['docs']);
    assert.equal(run.plan.changedFiles, 1);
  });

  it('deepens a shallow clone in bounded steps to find a distant merge base', async () => {
    const { repo } = origin();
    repo.checkout('pr-deep', true);
    repo.commit('docs change', { 'docs/deep.md': 'x\n' });
    for (let i = 0; i < 60; i++) repo.commit(`step ${i}`);
    const head = repo.sha('HEAD');
    repo.checkout('main');
    const run = await route(repo, {
      at: head,
      event: pullRequest({ baseSha: repo.sha('main'), headSha: head }),
    });
    assert.deepEqual(run.running, ['docs']);
    assert.equal(run.plan.changedFiles, 1);
    assert.match(run.stdout, /deepening by 32 commits/);
  });

  it('runs every route with base-unreachable when the base cannot be fetched', async () => {
    const { repo } = origin();
    const missing = 'f'.repeat(40);
    const run = await route(repo, {
      event: pullRequest({ baseSha: missing, headSha: repo.sha('main') }),
    });
    assert.equal(run.outputs['fallback-reason'], 'base-unreachable');
    assert.deepEqual(run.running, ALL_ROUTES);
    assert.equal(run.plan.base, null);
    assert.deepEqual(run.plan.routes.docs!.reasons, [
      { type: 'fallback', cause: 'base-unreachable' },
    ]);
  });

  it('routes a push from before to after, with renames and deletes', async () => {
    const { repo, base: beforeSha } = origin();
    repo.rename('docker/Dockerfile', 'images/Dockerfile');
    const afterSha = repo.commit('delete docs', { 'docs/index.md': null });
    const run = await route(repo, {
      at: afterSha,
      depth: 1,
      event: push({ before: beforeSha, after: afterSha }),
    });
    assert.equal(run.plan.base, beforeSha);
    assert.deepEqual(run.running, ['rust', 'docker_e2e', 'docs']);
    assert.deepEqual(run.plan.routes.docker_e2e!.reasons[0], {
      type: 'path',
      path: 'docker/Dockerfile',
      rule: 'docker/**',
    });
    assert.deepEqual(run.plan.routes.rust!.reasons, [{ type: 'implied', by: 'docker_e2e' }]);
    assert.deepEqual(run.plan.routes.docs!.reasons[0], {
      type: 'path',
      path: 'docs/index.md',
      rule: 'docs/**',
    });
  });

  it('compares a new branch with its merge base on the default branch', async () => {
    const { repo, base: mainSha } = origin();
    const head = repo.commitOnBranch('new-branch', 'docs on a new branch', {
      'docs/new.md': 'x\n',
    });
    const run = await route(repo, {
      at: head,
      event: push({
        before: '0'.repeat(40),
        after: head,
        ref: 'refs/heads/new-branch',
        created: true,
      }),
    });
    assert.equal(run.plan.base, mainSha);
    assert.deepEqual(run.running, ['docs']);
    assert.match(run.plan.how, /new-branch: merge base with the default branch 'main'/);
  });

  it('ignores the orphaned before of a force push and uses the default branch', async () => {
    const { repo } = origin();
    repo.checkout('forced', true);
    const orphan = repo.commit('soon orphaned', { 'crates/core/src/gone.rs': '//\n' });
    git(repo.origin, 'reset', '--quiet', '--hard', 'main');
    const head = repo.commit('rewritten', { 'docs/forced.md': 'x\n' });
    git(repo.origin, 'reflog', 'expire', '--expire=now', '--all');
    git(repo.origin, 'gc', '--quiet', '--prune=now');
    repo.checkout('main');
    const run = await route(repo, {
      at: head,
      event: push({ before: orphan, after: head, ref: 'refs/heads/forced', forced: true }),
    });
    assert.deepEqual(run.running, ['docs']);
  });

  it('runs everything for a force push of the default branch itself, saying why', async () => {
    const { repo } = origin();
    const run = await route(repo, {
      event: push({ before: 'a'.repeat(40), after: repo.sha('main'), forced: true }),
    });
    assert.equal(run.outputs['fallback-reason'], 'base-unknown:force-push');
  });

  it('routes a merge group from base_sha to head_sha', async () => {
    const { repo, base: baseOfGroup } = origin();
    const head = repo.commitOnBranch('gh-readonly-queue', 'queued', { 'Cargo.lock': '# lock\n' });
    const run = await route(repo, {
      at: head,
      event: mergeGroup({ baseSha: baseOfGroup, headSha: head }),
    });
    assert.equal(run.plan.base, baseOfGroup);
    assert.deepEqual(run.running, ['rust']);
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
      const { repo, base } = origin();
      const run = await route(repo, { env: { GITHUB_SHA: base }, event: { name, payload } });
      assert.equal(run.outputs['fallback-reason'], cause);
      assert.deepEqual(run.running, ALL_ROUTES);
      assert.match(run.stdout, new RegExp(`notice::Fallback: ${cause}`));
      assert.equal(run.plan.changedFiles, 0);
    });
  }

  it('fetches a branch named in the base input into a shallow clone', async () => {
    const { repo, base } = origin();
    const head = repo.commitOnBranch('by-branch-name', 'docs', { 'docs/by-name.md': 'x\n' });
    const run = await route(repo, {
      at: head,
      inputs: { base: 'main' },
      env: { GITHUB_SHA: head },
      event: { name: 'workflow_dispatch', payload: {} },
    });
    assert.equal(run.plan.base, base);
    assert.deepEqual(run.running, ['docs']);
  });

  it('diffs a dispatch against the base input', async () => {
    const { repo, base: from } = origin();
    const to = repo.commit('lock', { 'package.json': '{"dependencies": {"left-pad": "1.1.0"}}\n' });
    const run = await route(repo, {
      at: to,
      depth: 0,
      inputs: { base: from },
      env: { GITHUB_SHA: to },
      event: { name: 'workflow_dispatch', payload: {} },
    });
    assert.deepEqual(run.running, ['deps']);
    assert.deepEqual(run.plan.routes.deps!.reasons, [
      { type: 'key', file: 'package.json', key: 'dependencies.left-pad', rule: 'dependencies.*' },
    ]);
  });

  it('routes mise.toml by the tools that changed, whatever their backend', async () => {
    const bumped = MISE.replace('0.15.0', '0.16.0');
    const docsOnly = await routeChange({ 'mise.toml': bumped }, { message: 'bump lychee' });
    assert.deepEqual(docsOnly.running, ['docs'], 'a docs tool bump does not fire rust');

    const rename = await routeChange(
      {
        'mise.toml': bumped.replace(
          '"cargo:cargo-nextest" = "0.9.80"',
          '"aqua:nextest-rs/nextest" = "0.9.80"',
        ),
      },
      { message: 'move nextest to aqua', on: docsOnly.repo },
    );
    assert.equal(rename.from, docsOnly.to, 'the second change is routed from the first');
    assert.deepEqual(rename.running, ['rust']);
    assert.equal(rename.plan.routes.rust!.reasons[0]!.type, 'tool');
    assert.ok(
      rename.plan.warnings.some((w) => w.includes("'cargo-nextest'")),
      `drift warning expected: ${JSON.stringify(rename.plan.warnings)}`,
    );
    assert.match(rename.stdout, /::warning::route 'rust': mise tool 'cargo-nextest'/);
  });

  it('runs the routes of a file that fails to parse, with parse-error:<file>', async () => {
    const run = await routeChange(
      { 'package.json': '{"dependencies": {' },
      { message: 'break json' },
    );
    assert.deepEqual(run.running, ['deps']);
    assert.equal(run.plan.routes.deps!.reasons[0]!.type, 'parse-error');
    assert.equal(run.outputs['fallback-reason'], 'parse-error:package.json');
  });

  it('sends a file no route claims to the fallback routes', async () => {
    const run = await routeChange({ 'tools/stray.sh': 'echo\n' }, { message: 'stray' });
    assert.equal(run.outputs['fallback-reason'], 'unmatched:tools/stray.sh');
    assert.deepEqual(run.plan.routes.docs!.reasons, [
      { type: 'fallback', cause: 'unmatched:tools/stray.sh' },
    ]);
  });

  it('forces every route for a configured label or commit trailer', async () => {
    const { repo, base } = origin();
    const head = repo.commitOnBranch('forced-by-label', 'docs\n\nCI-Routes: all\n', {
      'docs/label.md': 'x\n',
    });
    const labelled = await route(repo, {
      at: head,
      event: pullRequest({ baseSha: base, headSha: head, labels: ['ci:all'] }),
    });
    assert.equal(labelled.outputs['fallback-reason'], 'label:ci:all');
    assert.deepEqual(labelled.running, ALL_ROUTES);
    assert.deepEqual(labelled.plan.routes.docs!.reasons.slice(0, 2), [
      { type: 'fallback', cause: 'label:ci:all' },
      { type: 'path', path: 'docs/label.md', rule: 'docs/**' },
    ]);
    const trailer = await route(repo, {
      workspace: labelled.workspace,
      event: pullRequest({ baseSha: base, headSha: head }),
    });
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
    const run = await routeChange(Object.fromEntries(hostile.map((p) => [p, 'x\n'])), {
      message: 'hostile\n\n::add-mask::x',
    });
    const docsPaths = run.plan.routes.docs!.reasons.flatMap((r) =>
      r.type === 'path' ? [r.path] : [],
    );
    assert.deepEqual(docsPaths.sort(), hostile.filter((h) => h.startsWith('docs/')).sort());
    assert.equal(run.outputs['fallback-reason'], 'unmatched:::stop-commands::x');
    assertNoInjectedCommands(run.result);
    assert.ok(!run.summary.includes('$(touch'), 'summary escapes markup');
    assert.ok(!run.summary.includes('\nline.md'));
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

  /**
   * Runs change-router with `inputs` and asserts it failed as a user's error: exit code 1 and
   * one `change-router: ` error annotation, no stack trace. Returns the annotation.
   */
  async function rejected(inputs?: RunOptions['inputs'], where = workspace) {
    const result = await runAction('change-router', { workspace: where, inputs });
    assert.equal(result.exitCode, 1);
    const error = result.annotations.find((c) => c.command === 'error');
    assert.ok(error, result.stdout);
    assert.match(error.message, /^change-router: /);
    assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at /, 'no stack trace');
    return { result, error };
  }

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
      const { error } = await rejected({ routes });
      assert.match(error.message, message);
    });
  }

  it('rejects an invalid source with the allowed values', async () => {
    const { result } = await rejected({ source: 'svn', routes: 'routes:\n  a:\n    paths: [x]\n' });
    assert.match(result.stdout, /change-router: source: got 'svn', expected one of auto\|git\|api/);
  });

  it('says where the routes file was looked for', async () => {
    const { result } = await rejected();
    assert.match(
      result.stdout,
      /routes: got '\.github\/lanekit\/routes\.yml'.*did the job run actions\/checkout first/,
    );
  });

  it('annotates the line and column of an error in the routes file', async () => {
    const checkout = mkdtempSync(join(tmpdir(), 'lanekit-config-file-'));
    try {
      git(checkout, 'init', '--quiet');
      mkdirSync(join(checkout, '.github', 'lanekit'), { recursive: true });
      const file = '.github/lanekit/routes.yml';
      writeFileSync(join(checkout, file), 'routes:\n  a:\n    paths: [x]\n    status: [touched]\n');
      const { error } = await rejected(undefined, checkout);
      assert.match(error.message, /^change-router: \.github\/lanekit\/routes\.yml:4:14: /);
      assert.deepEqual(error.properties, { file, line: '4', col: '14' });
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
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

  const pull = (number: number): Event =>
    pullRequest({ number, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) });

  /** Runs change-router with no checkout, a token and the test server as the API. */
  const viaApi = (event: Event, inputs?: RunOptions['inputs']) =>
    runAction('change-router', {
      workspace,
      token: 'ghs_test',
      inputs,
      env: { GITHUB_API_URL: server.url },
      event,
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
    const run = routed(await viaApi(pull(11)));
    assert.equal(run.plan.source, 'api');
    assert.equal(run.plan.changedFiles, 250);
    assert.deepEqual(run.running, ['rust', 'docs']);
    assert.equal(server.count('GET', '/repos/:owner/:repo/pulls/11/files'), 3);
    const auth = server.requests.find((r) => r.path.endsWith('/pulls/11/files'))!.headers
      .authorization;
    assert.equal(auth, 'token ghs_test');
  });

  it('runs every route with diff-truncated at the 3000-file cap', async () => {
    server.paginated('GET', '/repos/:owner/:repo/pulls/12/files', () => files(3000, 'docs'));
    const run = routed(await viaApi(pull(12)));
    assert.equal(run.outputs['fallback-reason'], 'diff-truncated');
    assert.deepEqual(run.running, ['rust', 'docs']);
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
    const run = routed(await viaApi(push({ before, after }), { routes: withKeys }));
    assert.equal(run.plan.base, before);
    assert.deepEqual(run.running, ['docs', 'deps']);
    assert.deepEqual(run.plan.routes.deps!.reasons, [
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
    const result = await viaApi(pull(14));
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
    const run = routed(await viaApi(pull(13)));
    assert.deepEqual(run.running, ['rust']);
    assert.equal(server.count('GET', '/repos/:owner/:repo/pulls/13/files'), 2);
    assert.match(run.stdout, /secondary rate limit/);
  });
});
