import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Plan } from '../../src/routing/route-changes.ts';
import { GitFixture } from '../../src/rehearsal/git-fixture.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { pushPayload } from '../../src/rehearsal/payloads.ts';
import { recordedResponse } from '../harness/recorded-api.ts';
import type { RunResult } from '../../src/rehearsal/runner.ts';
import { runAction } from '../../src/rehearsal/runner.ts';

const ROUTES = `routes:
  rust:
    paths: ['crates/**']
  docs:
    paths: ['docs/**']
`;
const RUNS_ROUTE = '/repos/:owner/:repo/actions/workflows/:workflow_id/runs';
/** A real run object, as the runs listing carries it. */
const RECORDED_RUN = recordedResponse('cilium-3106110597.run.json') as Record<string, unknown>;

describe('change-router base: last-success', () => {
  let repo: GitFixture;
  let server: GitHubApiServer;
  let green: string;
  let red: string;
  let head: string;
  /** The runs the listing gives, newest first. */
  let runs: Record<string, unknown>[] = [];
  before(async () => {
    repo = new GitFixture();
    repo.commit('base', {
      '.github/lanekit/routes.yml': ROUTES,
      'crates/a.rs': '1\n',
      'docs/a.md': '1\n',
    });
    green = repo.commit('docs change, green', { 'docs/a.md': '2\n' });
    red = repo.commit('crates change, red', { 'crates/a.rs': '2\n' });
    head = repo.commit('docs change again', { 'docs/a.md': '3\n' });
    server = await GitHubApiServer.start();
    server.route('GET', RUNS_ROUTE, (req) => {
      const listed = runs.filter((run) => run.conclusion === req.query.get('status'));
      return { body: { total_count: listed.length, workflow_runs: listed } };
    });
  });
  after(async () => {
    repo.cleanup();
    await server.close();
  });

  const route = (token = 'ghs_test'): Promise<RunResult> =>
    runAction('change-router', {
      workspace: repo.clone({ depth: 0 }),
      inputs: { base: 'last-success' },
      token,
      event: { name: 'push', payload: pushPayload({ before: red, after: head }) },
      env: {
        GITHUB_API_URL: server.url,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_WORKFLOW_REF: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
        GITHUB_RUN_ID: '900',
      },
    });
  const planOf = (result: RunResult): Plan => {
    assert.equal(result.exitCode, 0, result.stdout);
    return JSON.parse(result.outputs.plan!) as Plan;
  };

  it("diffs from the last green run's head, so what the red run never proved runs", async () => {
    runs = [
      { ...RECORDED_RUN, id: 900, head_sha: head, conclusion: 'success' },
      { ...RECORDED_RUN, id: 899, head_sha: red, conclusion: 'failure' },
      { ...RECORDED_RUN, id: 898, head_sha: green, conclusion: 'success' },
    ];
    const result = await route();
    const plan = planOf(result);
    assert.equal(plan.base, green);
    assert.match(plan.how, /^the head of the last successful run of ci\.yml on main \(https:/);
    assert.equal(result.outputs.rust, 'true', 'the red run changed crates/');
    assert.equal(result.outputs.docs, 'true');
    assert.equal(plan.fallbackReason, null);
    const asked = server.requests.at(-1);
    assert.ok(asked);
    assert.equal(asked.path, '/repos/octo-org/octo-repo/actions/workflows/ci.yml/runs');
    assert.equal(asked.query.get('branch'), 'main');
  });

  it('runs every route, saying why, when the branch has no green run', async () => {
    runs = [{ ...RECORDED_RUN, id: 899, head_sha: red, conclusion: 'failure' }];
    const result = await route();
    const plan = planOf(result);
    assert.equal(plan.base, null);
    assert.equal(plan.fallbackReason, 'base-unknown:no-successful-run');
    assert.deepEqual(result.outputs.routes, '["rust","docs"]');
    assert.equal(plan.how, 'ci.yml has no successful run on main to compare with');
  });

  it('needs a token, and says so naming the input', async () => {
    const result = await route('');
    assert.equal(result.exitCode, 1);
    assert.match(
      result.annotations.at(-1)?.message ?? '',
      /^change-router: base: 'last-success' .* needs token/,
    );
  });
});
