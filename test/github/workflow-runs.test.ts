import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGitHubClient } from '../../src/github/client.ts';
import { latestSuccessfulRun } from '../../src/github/workflow-runs.ts';
import { ServiceError } from '../../src/runner/errors.ts';
import type { Logger } from '../../src/runner/logger.ts';
import type { RouteRequest } from '../../src/rehearsal/github-api.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { recordedResponse } from '../harness/recorded-api.ts';

const ROUTE = '/repos/:owner/:repo/actions/workflows/:workflow_id/runs';
const repo = { owner: 'cilium', repo: 'cilium' };
const quiet: Logger = { debug: () => {}, info: () => {}, notice: () => {}, warning: () => {} };
const success = recordedResponse('cilium-3106110597.run.json') as Record<string, unknown>;
const failure = recordedResponse('biome-21458831126.run.json') as Record<string, unknown>;

describe('latestSuccessfulRun', () => {
  let server: GitHubApiServer;
  const asked: RouteRequest[] = [];
  let runs: Record<string, unknown>[] = [];
  const client = () => createGitHubClient({ token: 'ghs_test', baseUrl: server.url, log: quiet });
  before(async () => {
    server = await GitHubApiServer.start();
    server.route('GET', ROUTE, (req) => {
      asked.push(req);
      if (req.params.workflow_id === 'gone.yml') {
        return { status: 404, body: { message: 'Not Found' } };
      }
      const status = req.query.get('status');
      const listed = runs.filter((run) => status === null || run.conclusion === status);
      return { body: { total_count: listed.length, workflow_runs: listed } };
    });
  });
  after(() => server.close());

  it('asks for successful runs of the workflow file on the branch, and takes the newest', async () => {
    runs = [{ ...success, id: 2, head_sha: 'b'.repeat(40) }, success, failure];
    const run = await latestSuccessfulRun(client(), repo, {
      workflowFile: 'build-images-ci.yaml',
      branch: 'main',
    });
    assert.equal(
      asked.at(-1)?.path,
      '/repos/cilium/cilium/actions/workflows/build-images-ci.yaml/runs',
    );
    assert.equal(asked.at(-1)?.query.get('branch'), 'main');
    assert.equal(asked.at(-1)?.query.get('status'), 'success');
    assert.deepEqual(run, {
      id: 2,
      headSha: 'b'.repeat(40),
      headBranch: success.head_branch,
      event: 'pull_request_target',
      conclusion: 'success',
      runAttempt: 1,
      createdAt: Date.parse(success.created_at as string),
      htmlUrl: success.html_url,
    });
  });

  it('leaves out this run, when it is a re-run of a success', async () => {
    runs = [{ ...success, id: 2 }, success];
    const run = await latestSuccessfulRun(client(), repo, {
      workflowFile: 'ci.yml',
      branch: 'main',
      exceptRunId: 2,
    });
    assert.equal(run?.id, success.id);
  });

  it('passes the event along when asked, and is undefined without a success', async () => {
    runs = [failure];
    const run = await latestSuccessfulRun(client(), repo, {
      workflowFile: 'ci.yml',
      branch: 'topic/a b',
      event: 'push',
    });
    assert.equal(run, undefined);
    assert.equal(asked.at(-1)?.query.get('event'), 'push');
    assert.equal(asked.at(-1)?.query.get('branch'), 'topic/a b');
  });

  it('names the call when the workflow does not exist', async () => {
    await assert.rejects(
      latestSuccessfulRun(client(), repo, { workflowFile: 'gone.yml', branch: 'main' }),
      (error: unknown) =>
        error instanceof ServiceError &&
        error.message.startsWith('GitHub API runs of gone.yml on main answered 404'),
    );
  });
});
