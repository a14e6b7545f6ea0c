/**
 * change-router's bundle against real checkouts the way jobs leave them: owned by another user
 * (container jobs), in a sub-directory of the workspace, cloned over HTTP from a private origin
 * without persisted credentials, and holding file names that are not UTF-8.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { encodePath } from '../../src/git/path-bytes.ts';
import type { Plan } from '../../src/routing/route-changes.ts';
import { basicCredentials, HttpOrigin } from '../git/http-origin.ts';
import { commitRaw, nameBytes } from '../git/raw-names.ts';
import { GitFixture, git } from '../../src/rehearsal/git-fixture.ts';
import { pullRequestPayload } from '../../src/rehearsal/payloads.ts';
import type { RunOptions, RunResult } from '../../src/rehearsal/runner.ts';
import { runAction } from '../../src/rehearsal/runner.ts';

const ROUTES = `routes:
  rust:
    paths: ['crates/**']
  docs:
    paths: ['docs/**']
  deps:
    keys:
      package.json: ['dependencies.*']
fallback: all
`;

const BASE_FILES = {
  '.github/lanekit/routes.yml': ROUTES,
  'crates/core/lib.rs': 'pub fn a() {}\n',
  'docs/index.md': '# docs\n',
  'package.json': '{"dependencies": {"left-pad": "1.0.0"}}\n',
};

type Event = NonNullable<RunOptions['event']>;
const pullRequest = (baseSha: string, headSha: string): Event => ({
  name: 'pull_request',
  payload: pullRequestPayload({ baseSha, headSha }),
});

interface Routed {
  readonly result: RunResult;
  readonly plan: Plan;
  readonly running: string[];
}

function routed(result: RunResult): Routed {
  assert.equal(result.exitCode, 0, `action failed:\n${result.stdout}\n${result.stderr}`);
  return {
    result,
    plan: JSON.parse(result.outputs.plan!) as Plan,
    running: JSON.parse(result.outputs.routes!) as string[],
  };
}

/** The failed run's error annotation. */
function rejection(result: RunResult): string {
  assert.equal(result.exitCode, 1, `expected a failure:\n${result.stdout}`);
  const error = result.annotations.find((a) => a.command === 'error');
  assert.ok(error, result.stdout);
  return error.message;
}

/**
 * An origin whose main holds BASE_FILES, and a pull request that changes a crate and a
 * dependency in two commits while main moves on with a docs change: routing its head from a
 * depth-1 clone needs the base fetched and the clone deepened.
 */
function pullRequestOrigin() {
  const repo = new GitFixture();
  const fork = repo.commit('base', BASE_FILES);
  repo.checkout('topic', true);
  repo.commit('crate', { 'crates/core/lib.rs': 'pub fn b() {}\n' });
  const head = repo.commit('dep', { 'package.json': '{"dependencies": {"left-pad": "1.1.0"}}\n' });
  repo.checkout('main');
  const base = repo.commit('main moves', { 'docs/index.md': '# moved\n' });
  return { repo, fork, base, head };
}

/** What the pull request of `pullRequestOrigin` routes to. */
function assertPullRequestRouted(run: Routed, fork: string, head: string): void {
  assert.equal(run.plan.source, 'git');
  assert.deepEqual([run.plan.base, run.plan.head], [fork, head]);
  assert.deepEqual(run.running, ['rust', 'deps']);
  assert.deepEqual(run.plan.routes.deps!.reasons, [
    { type: 'key', file: 'package.json', key: 'dependencies.left-pad', rule: 'dependencies.*' },
  ]);
  assert.equal(run.plan.fallbackReason, null);
}

/** A depth-1 checkout of `ref` at `dir`, as actions/checkout leaves it. */
function checkoutAt(url: string, dir: string, ref: string, header?: string): void {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '--quiet');
  git(dir, 'remote', 'add', 'origin', url);
  const auth = header === undefined ? [] : ['-c', `http.extraheader=${header}`];
  git(dir, ...auth, 'fetch', '--quiet', '--no-tags', '--depth=1', 'origin', ref);
  git(dir, 'checkout', '--quiet', '--detach', 'FETCH_HEAD');
}

/** The git the tests' PATH finds, for shims to run. */
const whichGit = () =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'git'))
    .find((path) => existsSync(path))!;

/** Outside CI (whose runs are as root), a developer who is not root skips what needs chown. */
const runsAsRoot = process.getuid?.() === 0;

describe(
  'change-router in a checkout another user owns (container jobs)',
  { skip: !runsAsRoot && !process.env.CI && 'chown needs root' },
  () => {
    const origins: GitFixture[] = [];
    after(() => {
      for (const repo of origins) repo.cleanup();
    });

    const cases: {
      title: string;
      /** Where the checkout goes, relative to the workspace ('' for the workspace itself). */
      at: string;
      /** What to give away, relative to the checkout. */
      owned: string;
      inputs?: Readonly<Record<string, string>>;
    }[] = [
      { title: 'the whole checkout (source: auto)', at: '', owned: '.' },
      { title: 'the whole checkout (source: git)', at: '', owned: '.', inputs: { source: 'git' } },
      { title: 'a checkout whose .git alone is not ours', at: '', owned: '.git' },
      {
        title: 'a checkout in a sub-directory, by working-directory',
        at: 'repo',
        owned: '.',
        inputs: { 'working-directory': 'repo' },
      },
      {
        title: 'a checkout two levels down, by an absolute working-directory',
        at: 'src/repo',
        owned: '.',
        inputs: { 'working-directory': '<absolute>' },
      },
      {
        title: 'a directory inside the repository as working-directory (routes inline)',
        at: 'repo',
        owned: '.',
        inputs: { 'working-directory': 'repo/crates', routes: ROUTES },
      },
    ];
    for (const c of cases) {
      it(`routes ${c.title} from git, fetching and deepening`, async () => {
        const { repo, fork, base, head } = pullRequestOrigin();
        origins.push(repo);
        const workspace = join(repo.root, 'workspace');
        const dir = join(workspace, c.at);
        checkoutAt(repo.url, dir, head);
        execFileSync('chown', ['-R', '1234:1234', '--', join(dir, c.owned)]);
        assert.throws(() => git(dir, 'status'), /dubious ownership/, 'git refuses the checkout');
        const inputs = Object.fromEntries(
          Object.entries(c.inputs ?? {}).map(([k, v]) => [k, v === '<absolute>' ? dir : v]),
        );
        const run = routed(
          await runAction('change-router', { workspace, inputs, event: pullRequest(base, head) }),
        );
        assertPullRequestRouted(run, fork, head);
        assert.match(run.result.stdout, /Fetching [0-9a-f]{40} from origin/);
        assert.match(run.result.stdout, /deepening by 32 commits/);
        assert.throws(() => git(dir, 'status'), /dubious ownership/, 'nothing trusts it for good');
      });
    }

    /**
     * A git on PATH that drops `-c safe.directory=...`, as git before 2.39 ignores it there
     * (it took safe.directory from the system and global config alone).
     */
    function oldGit(root: string): string {
      const dir = join(root, 'old-git');
      mkdirSync(dir);
      const real = whichGit();
      const script = [
        '#!/bin/sh',
        'pending=0',
        'for a do',
        '  shift',
        '  if [ $pending = 1 ]; then',
        '    pending=0',
        '    case "$a" in safe.directory=*) continue ;; esac',
        '    set -- "$@" -c "$a"',
        '  elif [ "$a" = -c ]; then pending=1',
        '  else set -- "$@" "$a"',
        '  fi',
        'done',
        `exec '${real}' "$@"`,
        '',
      ].join('\n');
      writeFileSync(join(dir, 'git'), script, { mode: 0o755 });
      return dir;
    }

    for (const source of ['git', 'auto'] as const) {
      it(`says why with a git that ignores safe.directory on the command line (source: ${source})`, async () => {
        const { repo, base, head } = pullRequestOrigin();
        origins.push(repo);
        const workspace = join(repo.root, 'workspace');
        checkoutAt(repo.url, workspace, head);
        execFileSync('chown', ['-R', '1234:1234', '--', workspace]);
        const result = await runAction('change-router', {
          workspace,
          inputs: { source },
          event: pullRequest(base, head),
          env: { PATH: `${oldGit(repo.root)}${delimiter}${process.env.PATH ?? ''}` },
        });
        const problem = new RegExp(
          `git refuses ${workspace}, owned by another user \\(fatal: detected dubious ownership.*\\): this git, older than 2\\.39, ignores the safe.directory`,
        );
        if (source === 'git') {
          assert.match(rejection(result), problem);
          assert.match(rejection(result), /^change-router: source: got 'git', but /);
        } else {
          const warning = result.annotations.find((a) => a.command === 'warning');
          assert.match(warning?.message ?? result.stdout, problem);
          assert.match(rejection(result), /token: API mode needs a token/, 'then the API');
        }
      });
    }
  },
);

describe('change-router: working-directory', () => {
  let repo: GitFixture;
  let other: GitFixture;
  let workspace: string;
  let outside: string;
  before(() => {
    repo = new GitFixture();
    other = new GitFixture();
    workspace = join(repo.root, 'workspace');
    outside = mkdtempSync(join(tmpdir(), 'lanekit-outside-'));
    mkdirSync(join(workspace, 'plain'), { recursive: true });
    writeFileSync(join(workspace, 'a-file'), 'x\n');
    symlinkSync(outside, join(workspace, 'escape'));
  });
  after(() => {
    repo.cleanup();
    other.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  const refused: { title: string; value: () => string; detail?: RegExp }[] = [
    { title: 'the parent of the workspace', value: () => '..' },
    { title: 'a sibling of the workspace', value: () => '../elsewhere' },
    { title: 'a path that climbs out and back in', value: () => 'plain/../../workspace-2' },
    { title: 'an absolute path outside', value: () => outside },
    { title: 'the root directory', value: () => '/' },
    {
      title: 'a symbolic link out of the workspace',
      value: () => 'escape',
      detail: /; it leads to /,
    },
    {
      title: 'a directory that does not exist',
      value: () => 'missing/dir',
      detail: /; there is nothing at /,
    },
    { title: 'a file', value: () => 'a-file', detail: /a-file is not a directory$/ },
  ];
  for (const { title, value, detail } of refused) {
    it(`refuses ${title}, naming the input, the value and what is allowed`, async () => {
      const message = rejection(
        await runAction('change-router', {
          workspace,
          inputs: { 'working-directory': value(), routes: ROUTES },
        }),
      );
      const expected = `working-directory: got '${value()}', expected a directory inside the workspace ${workspace}`;
      assert.ok(message.includes(expected), message);
      if (detail) assert.match(message, detail);
    });
  }

  it('routes the checkout it names, with the routes file found there', async () => {
    const mainFork = repo.commit('base', BASE_FILES);
    const mainHead = repo.commit('docs', { 'docs/new.md': 'x\n' });
    const otherFork = other.commit('base', {
      ...BASE_FILES,
      '.github/lanekit/routes.yml': "routes:\n  only:\n    paths: ['crates/**']\n",
    });
    const otherHead = other.commit('crate', { 'crates/x.rs': 'x\n' });
    checkoutAt(repo.url, join(workspace, 'first'), mainHead);
    checkoutAt(other.url, join(workspace, 'second'), otherHead);
    const first = routed(
      await runAction('change-router', {
        workspace,
        inputs: { 'working-directory': 'first', base: mainFork, head: mainHead },
      }),
    );
    assert.deepEqual(first.running, ['docs']);
    const second = routed(
      await runAction('change-router', {
        workspace,
        inputs: { 'working-directory': './second/', base: otherFork, head: otherHead },
      }),
    );
    assert.deepEqual(Object.keys(second.plan.routes), ['only']);
    assert.deepEqual(second.running, ['only']);
    assert.equal(second.plan.base, otherFork);
  });

  it('says which directory is not a checkout with source: git', async () => {
    const message = rejection(
      await runAction('change-router', {
        workspace,
        inputs: { 'working-directory': 'plain', source: 'git', routes: ROUTES },
      }),
    );
    assert.match(message, /source: got 'git', but .*\/workspace\/plain is not a git checkout/);
    assert.match(message, /set working-directory to its path/);
  });
});

describe('change-router: a private origin over HTTP, checked out without persisted credentials', () => {
  const TOKEN = 'ghs_job-token-0123456789abcdef';
  const CHECKOUT_TOKEN = 'ghs_checkout-token-fedcba9876543210';
  let repo: GitFixture;
  let server: HttpOrigin;
  let fork: string;
  let base: string;
  let head: string;
  let scratch: string;
  before(async () => {
    ({ repo, fork, base, head } = pullRequestOrigin());
    server = await HttpOrigin.start(repo.origin, [TOKEN, CHECKOUT_TOKEN]);
    scratch = mkdtempSync(join(tmpdir(), 'lanekit-http-'));
  });
  after(async () => {
    await server.close();
    repo.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  /**
   * A depth-1 checkout made with CHECKOUT_TOKEN; with `persist`, the token stays in the local
   * config (persist-credentials: true), else it is gone (false).
   */
  function checkout(persist = false): string {
    const dir = mkdtempSync(join(scratch, 'checkout-'));
    const header = `AUTHORIZATION: basic ${basicCredentials(CHECKOUT_TOKEN)}`;
    checkoutAt(server.url, dir, head, header);
    if (persist) git(dir, 'config', '--local', `http.${server.serverUrl}/.extraheader`, header);
    return dir;
  }

  /** A git on PATH that logs its argv, one argument per line, then runs the real one. */
  function loggingGit(): { dir: string; log: string } {
    const dir = mkdtempSync(join(scratch, 'shim-'));
    const log = join(dir, 'argv.log');
    const real = whichGit();
    const script = `#!/bin/sh\nprintf '%s\\n' "$@" >> '${log}'\nexec '${real}' "$@"\n`;
    writeFileSync(join(dir, 'git'), script, { mode: 0o755 });
    return { dir, log };
  }

  const route = (
    workspace: string,
    options: { token?: string; serverUrl?: string; path?: string } = {},
  ) =>
    runAction('change-router', {
      workspace,
      event: pullRequest(base, head),
      token: options.token ?? '',
      env: {
        GITHUB_SERVER_URL: options.serverUrl ?? server.serverUrl,
        ...(options.path === undefined
          ? {}
          : { PATH: `${options.path}${delimiter}${process.env.PATH}` }),
      },
    });

  it('deepens with the token input once origin asks for credentials, never showing it', async () => {
    const shim = loggingGit();
    const workspace = checkout();
    const sent = server.requests.length;
    const run = routed(await route(workspace, { token: TOKEN, path: shim.dir }));
    assertPullRequestRouted(run, fork, head);
    assert.match(run.result.stdout, /fetched with the token input/);
    const requests = server.requests.slice(sent);
    assert.equal(requests[0], undefined, 'the first fetch goes without credentials');
    assert.ok(requests.includes(TOKEN), 'then with the token');
    assert.ok(!requests.includes(CHECKOUT_TOKEN), 'the checkout left no credentials');

    const argv = readFileSync(shim.log, 'utf8');
    assert.match(argv, /^fetch$/m, 'the shim saw the fetches');
    const secrets = [TOKEN, basicCredentials(TOKEN), Buffer.from(TOKEN).toString('base64')];
    const seen = [
      argv,
      run.result.stdout,
      run.result.stderr,
      run.result.summary,
      JSON.stringify(run.result.outputs),
    ];
    for (const secret of secrets) {
      for (const text of seen) assert.ok(!text.includes(secret), 'the token is never shown');
    }
    assert.doesNotMatch(argv, /extraheader|AUTHORIZATION/i, 'no header on a command line');
  });

  it('runs every route without a token, naming authentication and the fixes', async () => {
    const run = routed(await route(checkout()));
    assert.deepEqual(run.running, ['rust', 'docs', 'deps']);
    assert.equal(run.plan.fallbackReason, 'base-unreachable');
    assert.match(
      run.plan.how,
      /could not be fetched: origin asked for credentials and there were none/,
    );
    assert.match(run.plan.how, /persist-credentials: true/);
    assert.match(run.plan.how, /pass a token input/);
    assert.match(run.plan.how, /fetch-depth: 0/);
    const warning = run.result.annotations.find((a) => a.command === 'warning');
    assert.ok(warning, run.result.stdout);
    assert.match(warning.message, /could not fetch from origin: origin asked for credentials/);
  });

  it('runs every route when origin refuses the token too, naming its permissions', async () => {
    const run = routed(await route(checkout(), { token: 'ghs_no-access' }));
    assert.equal(run.plan.fallbackReason, 'base-unreachable');
    assert.match(run.plan.how, /origin refused the token input too/);
    assert.match(run.plan.how, /contents: read/);
    assert.ok(!run.result.stdout.includes('ghs_no-access'));
  });

  it('sends the token to GITHUB_SERVER_URL only', async () => {
    const workspace = checkout();
    const sent = server.requests.length;
    const run = routed(await route(workspace, { token: TOKEN, serverUrl: 'https://github.com' }));
    assert.equal(run.plan.fallbackReason, 'base-unreachable');
    assert.match(run.plan.how, /the token goes to GITHUB_SERVER_URL only/);
    assert.deepEqual(
      server.requests.slice(sent).filter((t) => t !== undefined),
      [],
      'this origin is not GitHub: it never sees the token',
    );
  });

  it('uses the credentials the checkout left, and not the token input', async () => {
    const workspace = checkout(true);
    const sent = server.requests.length;
    const run = routed(await route(workspace, { token: TOKEN }));
    assertPullRequestRouted(run, fork, head);
    const requests = server.requests.slice(sent);
    assert.ok(requests.length > 0 && requests.every((t) => t === CHECKOUT_TOKEN), String(requests));
    assert.doesNotMatch(run.result.stdout, /fetched with the token input/);
  });

  it('names the network when origin cannot be reached', async () => {
    const workspace = checkout();
    git(workspace, 'remote', 'set-url', 'origin', 'http://127.0.0.1:9/nowhere');
    const run = routed(await route(workspace, { token: TOKEN }));
    assert.equal(run.plan.fallbackReason, 'base-unreachable');
    assert.match(run.plan.how, /origin could not be reached \(fatal: unable to access/);
    assert.match(run.plan.how, /fetch-depth: 0/);
  });
});

describe('change-router: file names that are not UTF-8', () => {
  let repo: GitFixture;
  before(() => {
    repo = new GitFixture();
  });
  after(() => {
    repo.cleanup();
  });

  it('gives them in the plan output as JSON escapes a consumer can turn back into bytes', async () => {
    const fork = repo.commit('base', { '.github/lanekit/routes.yml': ROUTES });
    const latin1 = ['docs/caf', [0xe9], '.md'] as const;
    const stray = ['tools/', [0xff, 0xfe], '.sh'] as const;
    const head = commitRaw(repo, 'names', [
      [latin1, 'x\n'],
      [stray, 'y\n'],
    ]);
    const run = routed(
      await runAction('change-router', {
        workspace: repo.clone({ ref: head }),
        inputs: { base: fork, head },
      }),
    );
    assert.ok(
      run.result.outputs.plan!.includes('"path":"docs/caf\\udce9.md"'),
      run.result.outputs.plan,
    );
    assert.deepEqual(run.running, ['rust', 'docs', 'deps'], 'the stray file runs the fallback');
    const reason = run.plan.routes.docs!.reasons[0]!;
    assert.ok(reason.type === 'path');
    assert.deepEqual(encodePath(reason.path), nameBytes(latin1));
    const cause = run.plan.fallbackReason!.replace(/^unmatched:/, '');
    assert.deepEqual(encodePath(cause), nameBytes(stray));
  });
});
