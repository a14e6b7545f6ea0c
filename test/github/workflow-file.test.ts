import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createGitHubClient } from '../../src/github/client.ts';
import { readRunWorkflowFile, workflowPath } from '../../src/github/workflow-file.ts';
import type { Logger } from '../../src/runner/logger.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';

const CONTENTS_ROUTE = '/repos/:owner/:repo/contents/.github/workflows/ci.yml';

describe('workflowPath', () => {
  const cases: [string | undefined, string | undefined][] = [
    ['octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main', '.github/workflows/ci.yml'],
    ['octo-org/octo-repo/.github/workflows/ci.yml@refs/pull/7/merge', '.github/workflows/ci.yml'],
    ['octo-org/octo-repo/.github/workflows/a@b.yml@refs/tags/v1', '.github/workflows/a@b.yml'],
    [undefined, undefined],
    ['nonsense', undefined],
  ];
  for (const [ref, path] of cases) {
    it(`${String(ref)} -> ${String(path)}`, () => {
      assert.equal(workflowPath(ref), path);
    });
  }
});

describe('readRunWorkflowFile', () => {
  let server: GitHubApiServer;
  let workspace: string;
  const debug: string[] = [];
  const log: Logger = {
    debug: (m) => debug.push(m),
    info: () => {},
    notice: () => {},
    warning: () => {},
  };
  const env = {
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_WORKFLOW_REF: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
    GITHUB_WORKFLOW_SHA: 'a'.repeat(40),
    GITHUB_SHA: 'b'.repeat(40),
  };
  const client = () => createGitHubClient({ token: 'ghs_test', baseUrl: server.url, log });

  before(async () => {
    server = await GitHubApiServer.start();
    workspace = mkdtempSync(join(tmpdir(), 'lanekit-workflow-file-'));
  });
  after(async () => {
    await server.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('is undefined outside a workflow run', async () => {
    const file = await readRunWorkflowFile({ env: {}, workspace, client: undefined, log });
    assert.equal(file, undefined);
  });

  it('reads the contents API at the workflow sha when the checkout lacks the file', async () => {
    let ref: string | null = null;
    server.route('GET', CONTENTS_ROUTE, (req) => {
      ref = req.query.get('ref');
      return { rawBody: 'jobs: {}\n' };
    });
    const file = await readRunWorkflowFile({ env, workspace, client: client(), log });
    assert.deepEqual(file, { path: '.github/workflows/ci.yml', text: 'jobs: {}\n' });
    assert.equal(ref, 'a'.repeat(40));
  });

  it('has no text, and says why in the debug log, when the API refuses', async () => {
    server.route('GET', CONTENTS_ROUTE, () => ({ status: 403, body: { message: 'nope' } }));
    const file = await readRunWorkflowFile({ env, workspace, client: client(), log });
    assert.deepEqual(file, { path: '.github/workflows/ci.yml', text: undefined });
    assert.match(debug.at(-1) ?? '', /^workflow file: .*403/);
  });

  it('has no text without a client, and prefers the checkout without calling the API', async () => {
    assert.deepEqual(await readRunWorkflowFile({ env, workspace, client: undefined, log }), {
      path: '.github/workflows/ci.yml',
      text: undefined,
    });
    mkdirSync(join(workspace, '.github/workflows'), { recursive: true });
    writeFileSync(join(workspace, '.github/workflows/ci.yml'), 'on: push\n');
    const before = server.count('GET', CONTENTS_ROUTE);
    const file = await readRunWorkflowFile({ env, workspace, client: client(), log });
    assert.deepEqual(file, { path: '.github/workflows/ci.yml', text: 'on: push\n' });
    assert.equal(server.count('GET', CONTENTS_ROUTE), before);
  });
});
