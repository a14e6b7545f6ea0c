import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  issueCommentPayload,
  pullRequestReviewPayload,
  pullRequestTargetPayload,
  workflowRunPayload,
} from '../harness/event-payloads.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { pullRequestPayload, pushPayload } from '../../src/rehearsal/payloads.ts';
import { recordedJobs } from '../harness/recorded-api.ts';
import type { RunOptions, RunResult } from '../../src/rehearsal/runner.ts';
import { runAction } from '../../src/rehearsal/runner.ts';
import { TWO_LANES as LANES } from '../harness/two-lanes.ts';

const SHA = { base: 'a'.repeat(40), head: 'b'.repeat(40) };
const push = { name: 'push', payload: pushPayload({ before: SHA.base, after: SHA.head }) };
const forkPull = {
  name: 'pull_request',
  payload: pullRequestPayload({ baseSha: SHA.base, headSha: SHA.head, fork: true }),
};
const branchPull = pullRequestPayload({ baseSha: SHA.base, headSha: SHA.head, fork: false });

interface Leg {
  lane: string;
  runner: string;
  optional: boolean;
  env: Record<string, string>;
  package?: string;
  shard?: number;
  items?: string[];
  canary?: boolean;
}

const legs = (result: RunResult, output = 'matrix') =>
  (JSON.parse(result.outputs[output]!) as { include: Leg[] }).include;

/** No log line may be a workflow command other than the annotations lanekit writes. */
function assertNoInjectedCommands(result: RunResult): void {
  const allowed = new Set(['debug', 'notice', 'warning', 'error']);
  for (const command of result.commands) {
    assert.ok(allowed.has(command.command), `injected ::${command.command}`);
  }
  assert.deepEqual(result.legacyCommands, []);
}

function errorOf(result: RunResult): string {
  assert.equal(result.exitCode, 1, `expected a failure:\n${result.stdout}\n${result.stderr}`);
  const errors = result.annotations.filter((a) => a.command === 'error');
  assert.equal(errors.length, 1, result.stdout);
  assert.doesNotMatch(
    result.stdout + result.stderr,
    /\n\s+at .*\(.*\.js:\d+:\d+\)/,
    'no stack trace',
  );
  return errors[0]!.message;
}

describe('lane-matrix, matrix mode', () => {
  let workspace: string;
  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'lanekit-lanes-'));
    const files: Record<string, string> = {
      '.github/lanekit/lanes.yml': LANES,
      'ci/durations.json': JSON.stringify({
        'tests/a.rs': 300,
        'tests/b.rs': 200,
        'tests/c.rs': 100,
      }),
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), text);
    }
  });
  after(() => {
    rmSync(workspace, { recursive: true, force: true });
  });
  const run = (inputs: Record<string, string>, options: Partial<RunOptions> = {}) =>
    runAction('lane-matrix', { workspace, event: push, inputs, ...options });

  it('fans both lanes out over dimensions and balanced shards, behind a canary', async () => {
    const result = await run({
      lanes: 'both',
      dimensions: 'package: [core, cli]',
      shards: '2',
      'shard-items': 'tests/smoke.rs\ntests/a.rs\ntests/b.rs\ntests/c.rs\ntests/new.rs',
      'shard-durations': 'ci/durations.json',
      canary: 'tests/smoke.rs',
    });
    assert.equal(result.exitCode, 0, result.stdout);
    const matrix = legs(result);
    assert.equal(matrix.length, 2 * 2 * 2);
    assert.deepEqual(
      matrix.map((leg) => [
        leg.lane,
        JSON.parse(leg.runner) as unknown,
        leg.optional,
        leg.package,
        leg.shard,
      ]),
      [
        ['github', 'ubuntu-24.04', false, 'core', 1],
        ['github', 'ubuntu-24.04', false, 'core', 2],
        ['github', 'ubuntu-24.04', false, 'cli', 1],
        ['github', 'ubuntu-24.04', false, 'cli', 2],
        ['velnor', ['self-hosted', 'velnor'], true, 'core', 1],
        ['velnor', ['self-hosted', 'velnor'], true, 'core', 2],
        ['velnor', ['self-hosted', 'velnor'], true, 'cli', 1],
        ['velnor', ['self-hosted', 'velnor'], true, 'cli', 2],
      ],
    );
    // new.rs has no history and counts as the median, 200 s: a + c = b + new = 400 s.
    assert.deepEqual(matrix[0]!.items, ['tests/a.rs', 'tests/c.rs']);
    assert.deepEqual(matrix[1]!.items, ['tests/b.rs', 'tests/new.rs']);
    assert.deepEqual(matrix[4]!.env, { SCCACHE_DIR: '/var/cache/sccache' });
    assert.deepEqual(
      legs(result, 'canary-matrix').map((leg) => [leg.lane, leg.package, leg.items, leg.canary]),
      [
        ['github', 'core', ['tests/smoke.rs'], true],
        ['github', 'cli', ['tests/smoke.rs'], true],
        ['velnor', 'core', ['tests/smoke.rs'], true],
        ['velnor', 'cli', ['tests/smoke.rs'], true],
      ],
    );
    assert.equal(result.outputs.lanes, '["github","velnor"]');
    assert.equal(result.outputs.trusted, 'true');
    assert.equal(result.outputs['include-github'], 'true');
    assert.equal(result.outputs['include-velnor'], 'true');
    assert.match(result.stdout, /^shard 1\/2: 2 items, expected 6m 40s$/m);
    assert.match(result.stdout, /^shard 2\/2: 2 items, expected 6m 40s$/m);
    assert.match(result.stdout, /^canary: 1 items, expected 3m 20s$/m);
    assert.match(
      result.summary,
      /^### lane-matrix: 2 lanes × 2 dimension entries × 2 shards = 8 legs, behind 4 canary legs/,
    );
    assert.match(
      result.summary,
      /\| <code>velnor<\/code> \| <code>self-hosted<\/code>, <code>velnor<\/code> \| optional \| self-hosted \| ✅ runs \|/,
    );
    assert.match(result.summary, /\| 1 \| 2 \| 6m 40s \|/);
    assert.match(
      result.summary,
      /Largest shard 6m 40s, ideal 6m 40s \(\+0\.0%\)\. 2 items without history counted as the median, 3m 20s\./,
    );
    assertNoInjectedCommands(result);
  });

  it('runs the default lane when no lanes are asked for', async () => {
    const result = await run({});
    assert.equal(result.exitCode, 0, result.stdout);
    assert.deepEqual(
      legs(result).map((leg) => leg.lane),
      ['github'],
    );
    assert.equal(result.outputs['include-velnor'], 'false');
    assert.equal(result.outputs['canary-matrix'], undefined);
  });

  it('runs every lane asked for on a review of a pull request from a branch of the repository', async () => {
    const result = await run(
      { lanes: 'both' },
      {
        event: { name: 'pull_request_review', payload: pullRequestReviewPayload({ fork: false }) },
      },
    );
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(result.outputs.lanes, '["github","velnor"]');
    assert.equal(result.outputs.trusted, 'true');
  });

  for (const [name, event] of [
    ['a pull request from a fork', forkPull],
    [
      'pull_request_target',
      { name: 'pull_request_target', payload: pullRequestTargetPayload({ fork: false }) },
    ],
    [
      'a review of a pull request from a fork',
      { name: 'pull_request_review', payload: pullRequestReviewPayload({ fork: true }) },
    ],
    [
      'a review comment on a pull request from a fork',
      { name: 'pull_request_review_comment', payload: forkPull.payload },
    ],
    // Names not on the allow-list, with payloads that would pass for trusted ones.
    [
      'an unknown event with a fork pull request',
      { name: 'frobnicate', payload: forkPull.payload },
    ],
    ['an unknown event with a push', { name: 'frobnicate', payload: push.payload }],
    ['pull_request cased otherwise', { name: 'Pull_Request', payload: branchPull }],
    ['push cased otherwise', { name: 'PUSH', payload: push.payload }],
    ['an empty event name', { name: '', payload: push.payload }],
    ['push with a space', { name: 'push ', payload: push.payload }],
    [
      'issue_comment on an issue',
      { name: 'issue_comment', payload: issueCommentPayload({ onPullRequest: false }) },
    ],
    [
      'workflow_run of a branch',
      { name: 'workflow_run', payload: workflowRunPayload({ fork: false }) },
    ],
    ['check_suite', { name: 'check_suite', payload: { action: 'completed', ...push.payload } }],
    [
      'a push by Dependabot',
      { name: 'push', payload: { ...push.payload, sender: { login: 'dependabot[bot]' } } },
    ],
  ] as const) {
    it(`keeps ${name} on hosted lanes, with a notice saying why`, async () => {
      const result = await run({ lanes: 'both' }, { event });
      assert.equal(result.exitCode, 0, result.stdout);
      assert.deepEqual(
        legs(result).map((leg) => leg.lane),
        ['github'],
      );
      assert.equal(result.outputs.trusted, 'false');
      assert.equal(result.outputs['include-velnor'], 'false');
      const notices = result.annotations.filter((a) => a.command === 'notice');
      assert.equal(notices.length, 1);
      assert.match(
        notices[0]!.message,
        /^Untrusted event \(.+\): hosted lanes only, so velnor will not run$/,
      );
      assert.match(result.summary, /🚫 untrusted event/);
    });
  }

  it('names the events it trusts when the event name is not one of them', async () => {
    const result = await run(
      { lanes: 'both' },
      { event: { name: 'frobnicate', payload: branchPull } },
    );
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(result.outputs.lanes, '["github"]');
    assert.equal(result.outputs.trusted, 'false');
    assert.match(
      result.annotations.find((a) => a.command === 'notice')?.message ?? '',
      /^Untrusted event \(the event 'frobnicate' is not on the allow-list: lane-matrix trusts push, .*workflow_dispatch, and pull_request, .* from a branch of the repository, by the names GitHub sends\): hosted lanes only, so velnor will not run$/,
    );
    assert.match(
      result.stdout,
      /^Event frobnicate: untrusted, the event 'frobnicate' is not on the allow-list/m,
    );
  });

  it('runs the default hosted lane when an untrusted event asked only for a self-hosted one', async () => {
    const result = await run({ lanes: 'velnor' }, { event: forkPull });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.deepEqual(
      legs(result).map((leg) => leg.lane),
      ['github'],
    );
    assert.match(
      result.annotations.find((a) => a.command === 'notice')?.message ?? '',
      /none of the lanes asked for \(velnor\) is hosted, so the hosted lane github runs instead/,
    );
  });

  const badInputs: {
    name: string;
    inputs: Record<string, string>;
    event?: RunOptions['event'];
    message: RegExp;
  }[] = [
    {
      name: 'an unknown lane',
      inputs: { lanes: 'github,velnr' },
      message:
        /^lane-matrix: lanes: got 'velnr', expected default, both, all, or a comma list of the lanes of \.github\/lanekit\/lanes\.yml: github\|velnor$/,
    },
    {
      name: 'an unknown mode',
      inputs: { mode: 'both' },
      message: /^lane-matrix: mode: got 'both', expected one of matrix\|gate$/,
    },
    {
      name: 'a runs-on of the wrong type',
      inputs: { 'lanes-file': 'lanes:\n  github: { runs-on: [[ubuntu]], hosted: true }\n' },
      message:
        /^lane-matrix: lanes-file input:2:23: lanes\.github\.runs-on\[0\]: expected a runner label here, got a list$/,
    },
    {
      name: 'a lanes file that is not there',
      inputs: { 'lanes-file': 'ci/lanes.yml' },
      message:
        /^lane-matrix: lanes-file: got 'ci\/lanes\.yml', expected a file in the workspace or inline YAML; no file at /,
    },
    {
      name: 'no hosted lane for an untrusted event',
      inputs: { 'lanes-file': 'lanes:\n  velnor: { runs-on: [self-hosted], hosted: false }\n' },
      event: forkPull,
      message:
        /^lane-matrix: lanes: lanes-file input has no lane with hosted: true, and this event is untrusted/,
    },
    {
      name: 'a hosted lane asking for the self-hosted label with a space before it',
      inputs: { 'lanes-file': "lanes:\n  github: { runs-on: [' self-hosted'], hosted: true }\n" },
      message:
        /^lane-matrix: lanes-file input:2:23: lanes\.github\.runs-on\[0\]: runner label " self-hosted" has whitespace around it; write it without: "self-hosted"$/,
    },
    {
      name: 'a gate input in matrix mode',
      inputs: { needs: '{}' },
      message: /^lane-matrix: needs: is read in mode gate, but this step runs mode matrix/,
    },
    {
      name: 'shard-items without shards',
      inputs: { 'shard-items': 'a,b' },
      message: /^lane-matrix: shard-items: set shards to a count from 1 to 256/,
    },
    {
      name: 'a shard count out of range',
      inputs: { shards: '300', 'shard-items': 'a' },
      message: /^lane-matrix: shards: got '300', expected an integer from 1 to 256$/,
    },
    {
      name: 'durations that are not JSON',
      inputs: { shards: '2', 'shard-items': 'a,b', 'shard-durations': '{a: 1}' },
      message: /^lane-matrix: shard-durations: the input is not JSON/,
    },
    {
      name: 'more legs than GitHub runs',
      inputs: {
        lanes: 'both',
        shards: '200',
        'shard-items': Array.from({ length: 200 }, (_, i) => `t${i}`).join(','),
      },
      message:
        /^lane-matrix: shards: the matrix would have 400 legs \(2 lanes × 200 shards\); GitHub runs at most 256/,
    },
  ];
  for (const c of badInputs) {
    it(`fails on ${c.name}, naming the input and what is allowed`, async () => {
      const result = await run(c.inputs, c.event ? { event: c.event } : {});
      assert.match(errorOf(result), c.message);
      assert.equal(result.outputs.matrix, undefined);
    });
  }
});

describe('lane-matrix, gate mode', () => {
  let server: GitHubApiServer;
  let workspace: string;
  const template = recordedJobs('bubbletea-35713862348.jobs.json')[0]!;
  let nextId = 500;
  const apiJob = (name: string, conclusion: string) => ({
    ...template,
    id: nextId++,
    name,
    conclusion,
    run_id: 42,
    run_attempt: 1,
  });
  const JOBS = '/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt_number/jobs';
  const CONTENTS = '/repos/:owner/:repo/contents/.github/workflows/ci.yml';
  const env = () => ({ GITHUB_API_URL: server.url, GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '1' });
  const needs = (results: Record<string, string>) =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(results).map(([job, result]) => [job, { result, outputs: {} }]),
      ),
    );
  const gate = (inputs: Record<string, string>, options: Partial<RunOptions> = {}) =>
    runAction('lane-matrix', {
      workspace,
      event: push,
      inputs: { mode: 'gate', ...inputs },
      ...options,
    });

  before(async () => {
    server = await GitHubApiServer.start();
    workspace = mkdtempSync(join(tmpdir(), 'lanekit-gate-'));
  });
  after(async () => {
    await server.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('passes with the table, boolean outputs and per-job decisions', async () => {
    const result = await gate({
      needs: needs({ build: 'success', docs: 'skipped' }),
      'allowed-skips': 'docs',
      token: '',
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(result.outputs.result, 'success');
    assert.equal(result.outputs.success, 'true');
    assert.equal(result.outputs.failure, 'false');
    assert.deepEqual(JSON.parse(result.outputs.decisions!), {
      build: { result: 'success', pass: true, why: 'succeeded', legs: [] },
      docs: { result: 'skipped', pass: true, why: 'skipped; allowed by allowed-skips', legs: [] },
    });
    assert.match(result.summary, /^### lane-matrix gate: ✅ passed \(2 jobs\)/);
  });

  it('fails a skip nobody allowed, with the same table saying why', async () => {
    const result = await gate({ needs: needs({ build: 'success', test: 'skipped' }), token: '' });
    assert.match(
      errorOf(result),
      /^lane-matrix: the gate failed: test skipped, and skipped is not success/,
    );
    assert.equal(result.outputs.result, 'failure');
    assert.equal(result.outputs.success, 'false');
    assert.equal(result.outputs.failure, 'true');
    assert.match(
      result.summary,
      /\| <code>test<\/code> \| — \| ⏭️ skipped \| ❌ fail \| skipped, and skipped is not success/,
    );
  });

  it("fails a job skipped although change-router's plan has its route on", async () => {
    const plan = {
      routes: { rust: { run: true, reasons: [] }, docs: { run: false, reasons: [] } },
    };
    const result = await gate({
      needs: needs({ changes: 'success', rust: 'skipped', 'docs-site': 'skipped' }),
      'must-run': JSON.stringify(plan),
      'route-jobs': 'docs: [docs-site]',
      token: '',
    });
    assert.match(errorOf(result), /rust skipped although route rust is on/);
    const decisions = JSON.parse(result.outputs.decisions!) as Record<
      string,
      { pass: boolean; why: string }
    >;
    assert.deepEqual(decisions['docs-site'], {
      result: 'skipped',
      pass: true,
      why: 'skipped; route docs is off',
      legs: [],
    });
  });

  it("judges each lane's legs from this run's jobs: a red optional lane is reported, not fatal", async () => {
    server.paginated(
      'GET',
      JOBS,
      () => [
        apiJob('test (github, 1)', 'success'),
        apiJob('test (github, 2)', 'success'),
        apiJob('test (velnor, 1)', 'failure'),
        apiJob('test (velnor, 2)', 'success'),
      ],
      { key: 'jobs' },
    );
    const result = await gate(
      { needs: needs({ test: 'failure' }), 'lanes-file': LANES },
      { token: 'ghs_test', env: env() },
    );
    assert.equal(result.exitCode, 0, result.stdout);
    const decision = (
      JSON.parse(result.outputs.decisions!) as Record<
        string,
        { why: string; legs: { lane: string; fatal: boolean }[] }
      >
    ).test!;
    assert.match(
      decision.why,
      /^failed only on optional lane velnor \(test \(velnor, 1\)\): reported, not fatal$/,
    );
    assert.deepEqual(
      decision.legs.map((l) => [l.lane, l.fatal]),
      [
        ['github', false],
        ['github', false],
        ['velnor', false],
        ['velnor', false],
      ],
    );
    assert.match(
      result.summary,
      /<code>github<\/code> ✅ 2\/2<br><code>velnor<\/code> ❌ 1\/2 \(optional\)/,
    );
    assert.match(result.stdout, /Read 4 jobs of run 42 attempt 1/);
  });

  it('fails a required lane that continue-on-error hid from needs', async () => {
    server.paginated(
      'GET',
      JOBS,
      () => [apiJob('clippy (github)', 'failure'), apiJob('clippy (velnor)', 'success')],
      { key: 'jobs' },
    );
    const result = await gate(
      { needs: needs({ clippy: 'success' }), 'lanes-file': LANES },
      { token: 'ghs_test', env: env() },
    );
    assert.match(errorOf(result), /clippy succeeded, but required lane github has red legs/);
  });

  it('judges from needs alone, with a warning, when the token cannot read the jobs', async () => {
    server.route('GET', JOBS, () => ({
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    }));
    const result = await gate(
      { needs: needs({ test: 'failure' }), 'lanes-file': LANES },
      { token: 'ghs_test', env: env() },
    );
    assert.match(errorOf(result), /test failed$/);
    const warning = result.annotations.find((a) => a.command === 'warning');
    assert.match(
      warning?.message ?? '',
      /Judging from needs alone: GitHub API jobs of run 42 attempt 1 answered 403.*permissions: actions: read/,
    );
  });

  it('neutralizes job names from the API before they reach the log', async () => {
    server.paginated(
      'GET',
      JOBS,
      () => [
        apiJob('test (github)', 'success'),
        // A reusable workflow's job whose name carries a workflow command on its own line.
        apiJob('test / lint\n::set-env name=X::y (velnor)', 'failure'),
      ],
      { key: 'jobs' },
    );
    const result = await gate(
      { needs: needs({ test: 'failure' }), 'lanes-file': LANES },
      { token: 'ghs_test', env: env() },
    );
    assert.equal(result.exitCode, 0, result.stdout);
    assert.match(
      result.stdout,
      /failed only on optional lane velnor \(test \/ lint\\n::set-env name=X::y \(velnor\)\)/,
    );
    assertNoInjectedCommands(result);
  });

  const badInputs: { name: string; inputs: Record<string, string>; message: RegExp }[] = [
    {
      name: 'needs that are not JSON',
      inputs: { needs: '{build: success}' },
      message:
        /^lane-matrix: needs: got '\{build: success\}', expected \$\{\{ toJSON\(needs\) \}\} \(/,
    },
    {
      name: 'needs of the wrong shape',
      inputs: { needs: '["build"]' },
      message:
        /^lane-matrix: needs: got '\["build"\]', expected \$\{\{ toJSON\(needs\) \}\}: an object of job -> \{result, outputs\}$/,
    },
    {
      name: 'empty needs',
      inputs: { needs: '{}' },
      message: /^lane-matrix: needs: got \{\}, the gate job lists no jobs in its needs/,
    },
    { name: 'no needs at all', inputs: {}, message: /^lane-matrix: needs: got 'nothing'/ },
    {
      name: 'an allowed-failures job that is not in needs',
      inputs: { needs: needs({ build: 'success' }), 'allowed-failures': 'nightly' },
      message: /^lane-matrix: allowed-failures: got 'nightly', expected jobs of needs: build/,
    },
    {
      name: 'route-jobs without must-run',
      inputs: { needs: needs({ build: 'success' }), 'route-jobs': 'rust: [build]' },
      message: /^lane-matrix: route-jobs: ties routes to jobs for must-run/,
    },
    {
      name: 'a matrix input in gate mode',
      inputs: { needs: needs({ build: 'success' }), lanes: 'both' },
      message: /^lane-matrix: lanes: is read in mode matrix, but this step runs mode gate/,
    },
  ];
  for (const c of badInputs) {
    it(`fails on ${c.name}, naming the input`, async () => {
      const result = await gate({ token: '', ...c.inputs });
      assert.match(errorOf(result), c.message);
      assert.equal(result.outputs.result, undefined, 'no verdict on bad input');
    });
  }

  describe("the gate job's own if:", () => {
    const workflow = (condition: string) => `on: pull_request
jobs:
  build:
    runs-on: ubuntu-24.04
    steps: [{ run: 'true' }]
  lint:
    runs-on: ubuntu-24.04
    steps: [{ run: 'true' }]
  required:
${condition}
    needs: [build]
    runs-on: ubuntu-24.04
    steps: [{ uses: ./actions/lane-matrix, with: { mode: gate, needs: '\${{ toJSON(needs) }}' } }]
`;
    const workflowEnv = {
      GITHUB_WORKFLOW_REF: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
      GITHUB_JOB: 'required',
      GITHUB_WORKFLOW_SHA: SHA.head,
    };
    const withWorkflow = (text: string | undefined) => {
      const path = join(workspace, '.github', 'workflows', 'ci.yml');
      rmSync(path, { force: true });
      if (text !== undefined) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      }
    };

    it('fails a gate that GitHub would skip when a job it needs fails, saying how to fix it', async () => {
      withWorkflow(workflow('    name: required'));
      const result = await gate(
        { needs: needs({ build: 'success' }), token: '' },
        { env: workflowEnv },
      );
      assert.match(
        errorOf(result),
        /jobs\.required has no if:, so GitHub skips it when a job it needs fails, and a skipped required check counts as passed: add `if: always\(\)` to jobs\.required/,
      );
      assert.equal(result.outputs.result, 'failure');
      assert.match(result.summary, /❌ jobs\.required has no if:/);
    });

    it('accepts if: always(), and notes jobs the gate does not judge', async () => {
      withWorkflow(workflow('    if: always()'));
      const result = await gate(
        { needs: needs({ build: 'success' }), token: '' },
        { env: workflowEnv },
      );
      assert.equal(result.exitCode, 0, result.stdout);
      const notice = result.annotations.find((a) => a.command === 'notice');
      assert.match(
        notice?.message ?? '',
        /The gate does not judge lint \(not in its needs, directly or through another job\)/,
      );
    });

    it('reads the workflow through the contents API when there is no checkout', async () => {
      withWorkflow(undefined);
      server.route('GET', CONTENTS, (req) => {
        assert.equal(req.query.get('ref'), SHA.head);
        return { rawBody: workflow("    if: '!cancelled()'") };
      });
      server.paginated('GET', JOBS, () => [], { key: 'jobs' });
      const result = await gate(
        { needs: needs({ build: 'success' }), 'lanes-file': LANES },
        { token: 'ghs_test', env: { ...env(), ...workflowEnv } },
      );
      assert.match(
        errorOf(result),
        /jobs\.required runs under `if: !cancelled\(\)`, which skips it when a job it needs fails or the run is cancelled/,
      );
    });

    it('says it cannot check when the workflow is out of reach', async () => {
      withWorkflow(undefined);
      const result = await gate(
        { needs: needs({ build: 'success' }), token: '' },
        { env: workflowEnv },
      );
      assert.equal(result.exitCode, 0, result.stdout);
      assert.match(
        result.stdout,
        /Cannot read \.github\/workflows\/ci\.yml \(no checkout, no contents: read\), so the gate's own if: is not checked/,
      );
    });
  });
});
