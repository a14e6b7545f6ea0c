import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGitHubClient } from '../../src/github/client.ts';
import { ServiceError } from '../../src/runner/errors.ts';
import type { Logger } from '../../src/runner/logger.ts';
import { apiContentReader, apiDiff, PULL_FILES_CAP } from '../../src/routing/api-diff.ts';
import type { RangeRequest } from '../../src/routing/event-range.ts';
import type { PullFileStatus } from '../../src/rehearsal/github-api.ts';
import { GitHubApiServer, pullFile } from '../../src/rehearsal/github-api.ts';

const FILES_ROUTE = '/repos/:owner/:repo/pulls/:pull_number/files';
const COMPARE_ROUTE = '/repos/:owner/:repo/compare/:basehead';
const repo = { owner: 'octo-org', repo: 'octo-repo' };
const quiet: Logger = { debug: () => {}, info: () => {}, notice: () => {}, warning: () => {} };
const range: RangeRequest = {
  kind: 'merge-base',
  base: 'b'.repeat(40),
  head: 'h'.repeat(40),
  how: 'merge base of the pull request base and head',
};
const file = (filename: string, status: PullFileStatus, previous?: string) =>
  pullFile({
    ...repo,
    filename,
    status,
    ...(previous === undefined ? {} : { previous_filename: previous }),
  });

describe('apiDiff', () => {
  let server: GitHubApiServer;
  const client = () => createGitHubClient({ token: 'ghs_test', baseUrl: server.url, log: quiet });
  before(async () => {
    server = await GitHubApiServer.start();
  });
  after(() => server.close());

  it('maps every status of a pull request, renames with their old path; unchanged is dropped', async () => {
    server.paginated('GET', FILES_ROUTE, () => [
      file('a.rs', 'added'),
      file('b.rs', 'removed'),
      file('c.rs', 'modified'),
      file('d.rs', 'renamed', 'old/d.rs'),
      file('e.rs', 'copied'),
      file('f.rs', 'changed'),
      file('g.rs', 'unchanged'),
    ]);
    const diff = await apiDiff(client(), repo, range, { number: 7, changed_files: 7 });
    assert.deepEqual(diff, {
      kind: 'diff',
      base: range.base,
      head: range.head,
      how: `${range.how} (pull request files from the API)`,
      files: [
        { path: 'a.rs', status: 'added' },
        { path: 'b.rs', status: 'deleted' },
        { path: 'c.rs', status: 'modified' },
        { path: 'd.rs', status: 'renamed', previousPath: 'old/d.rs' },
        { path: 'e.rs', status: 'added' },
        { path: 'f.rs', status: 'modified' },
      ],
    });
  });

  it('reads every page, 100 files a page', async () => {
    const files = Array.from({ length: 250 }, (_, i) => file(`src/f${i}.rs`, 'modified'));
    server.paginated('GET', FILES_ROUTE, () => files);
    const before = server.count('GET', FILES_ROUTE);
    const diff = await apiDiff(client(), repo, range, { number: 7, changed_files: 250 });
    assert.equal(diff.kind === 'diff' && diff.files.length, 250);
    assert.equal(server.count('GET', FILES_ROUTE) - before, 3);
  });

  it('runs everything when the pull request reaches the 3,000-file cap', async () => {
    server.paginated('GET', FILES_ROUTE, () => [file('a.rs', 'added')]);
    const diff = await apiDiff(client(), repo, range, { number: 7, changed_files: PULL_FILES_CAP });
    assert.ok(diff.kind === 'all');
    assert.equal(diff.cause, 'diff-truncated');
  });

  it('never routes a shorter list than the pull request counts', async () => {
    server.paginated('GET', FILES_ROUTE, () => [file('a.rs', 'added')]);
    const diff = await apiDiff(client(), repo, range, { number: 7, changed_files: 2 });
    assert.deepEqual(diff, {
      kind: 'all',
      cause: 'diff-truncated',
      head: range.head,
      how: "the API listed 1 of the pull request's 2 changed files",
    });
  });

  it('compares branches by name for a push, from the merge base the API gives', async () => {
    let basehead = '';
    server.route('GET', COMPARE_ROUTE, (req) => {
      basehead = req.params.basehead!;
      return {
        body: { merge_base_commit: { sha: 'm'.repeat(40) }, files: [file('x.rs', 'modified')] },
      };
    });
    const push: RangeRequest = { ...range, base: 'refs/heads/main', head: 'refs/heads/topic' };
    const diff = await apiDiff(client(), repo, push, undefined);
    assert.equal(basehead, 'main...topic');
    assert.deepEqual(diff, {
      kind: 'diff',
      base: 'm'.repeat(40),
      head: 'refs/heads/topic',
      how: `${range.how} (compare from the API)`,
      files: [{ path: 'x.rs', status: 'modified' }],
    });
  });

  it('runs everything at the 300-file compare cap', async () => {
    const files = Array.from({ length: 300 }, (_, i) => file(`f${i}`, 'added'));
    server.route('GET', COMPARE_ROUTE, () => ({
      body: { merge_base_commit: { sha: 'm'.repeat(40) }, files },
    }));
    const diff = await apiDiff(client(), repo, range, undefined);
    assert.equal(diff.kind === 'all' && diff.cause, 'diff-truncated');
  });

  it('passes a run-everything request through without a call', async () => {
    const all: RangeRequest = { kind: 'all', cause: 'dispatch', head: undefined, how: 'dispatch' };
    const before = server.requests.length;
    assert.equal(await apiDiff(client(), repo, all, undefined), all);
    assert.equal(server.requests.length, before);
  });

  it('names the call and the status when the token may not list files', async () => {
    server.route('GET', FILES_ROUTE, () => ({
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    }));
    await assert.rejects(
      apiDiff(client(), repo, range, { number: 7 }),
      (error: unknown) =>
        error instanceof ServiceError &&
        /^GitHub API pulls\.listFiles for #7 answered 403: .*lacks a permission/.test(
          error.message,
        ),
    );
  });
});

describe('apiContentReader', () => {
  let server: GitHubApiServer;
  before(async () => {
    server = await GitHubApiServer.start();
  });
  after(() => server.close());

  it('reads each side at its own ref, encodes hostile paths, and gives undefined for a 404', async () => {
    const seen: string[] = [];
    server.route('GET', '/repos/:owner/:repo/contents/:dir/:name', (req) => {
      seen.push(`${req.path}@${req.query.get('ref') ?? ''}`);
      if (req.params.name === 'gone.toml') return { status: 404, body: { message: 'Not Found' } };
      return { rawBody: `${req.params.name!} at ${req.query.get('ref') ?? ''}` };
    });
    const client = createGitHubClient({ token: 'ghs_test', baseUrl: server.url, log: quiet });
    const reader = apiContentReader(client, repo, 'BASE', 'HEAD');
    const texts = await reader.read([
      { side: 'base', path: 'tools/mise.toml' },
      { side: 'head', path: 'tools/a b#?.toml' },
      { side: 'head', path: 'tools/gone.toml' },
    ]);
    assert.deepEqual(texts, ['mise.toml at BASE', 'a b#?.toml at HEAD', undefined]);
    assert.deepEqual(seen.sort(), [
      '/repos/octo-org/octo-repo/contents/tools/a%20b%23%3F.toml@HEAD',
      '/repos/octo-org/octo-repo/contents/tools/gone.toml@HEAD',
      '/repos/octo-org/octo-repo/contents/tools/mise.toml@BASE',
    ]);
  });
});
