import { test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { GitHubApiServer, pullFile } from '../../src/rehearsal/github-api.ts';
import type { PullFile } from '../../src/rehearsal/github-api.ts';

const GitHub = Octokit.plugin(paginateRest, retry, throttling);

interface LimitEvent {
  kind: 'primary' | 'secondary';
  retryAfter: number;
  retryCount: number;
}

/**
 * A fresh client per test: plugin-retry keeps its backoff counter on the
 * instance's shared request options, so reusing one would change retry delays.
 */
function client(server: GitHubApiServer, options: { doNotRetry?: number[] } = {}) {
  const limits: LimitEvent[] = [];
  const octokit = new GitHub({
    baseUrl: server.url,
    auth: 'ghs_test',
    throttle: {
      onRateLimit: (retryAfter, _options, _octokit, retryCount) => {
        limits.push({ kind: 'primary', retryAfter, retryCount });
        return retryCount < 1;
      },
      onSecondaryRateLimit: (retryAfter, _options, _octokit, retryCount) => {
        limits.push({ kind: 'secondary', retryAfter, retryCount });
        return retryCount < 1;
      },
    },
    retry: options.doNotRetry === undefined ? {} : { doNotRetry: options.doNotRetry },
  });
  return { octokit, limits };
}

async function startServer(t: TestContext): Promise<GitHubApiServer> {
  const server = await GitHubApiServer.start();
  t.after(() => server.close());
  return server;
}

interface OctokitError {
  status: number;
  message: string;
  response?: { data: unknown; headers: Record<string, string | number | undefined> };
}

async function rejection(promise: Promise<unknown>): Promise<OctokitError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof Error);
    return error as Error & OctokitError;
  }
  return assert.fail('expected a rejection');
}

const FILES_ROUTE = '/repos/:owner/:repo/pulls/:pull_number/files';
const JOBS_ROUTE = '/repos/:owner/:repo/actions/runs/:run_id/jobs';
const REPO = { owner: 'acme', repo: 'widgets' } as const;

function manyFiles(n: number): PullFile[] {
  return Array.from({ length: n }, (_, i) =>
    pullFile({
      ...REPO,
      filename: `src/file-${String(i).padStart(3, '0')}.ts`,
      status: 'modified',
    }),
  );
}

await test('paginate: 250 files at per_page 100 take 3 requests and arrive in order', async (t) => {
  const server = await startServer(t);
  const files = manyFiles(250);
  server.paginated('GET', FILES_ROUTE, () => files);
  const { octokit } = client(server);

  const got = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
    ...REPO,
    pull_number: 7,
    per_page: 100,
  });

  assert.deepEqual(got, files);
  assert.equal(server.count('GET', FILES_ROUTE), 3);
  assert.deepEqual(
    server.requests.map((r) => [r.path, r.query.get('per_page'), r.query.get('page')]),
    [
      ['/repos/acme/widgets/pulls/7/files', '100', null],
      ['/repos/acme/widgets/pulls/7/files', '100', '2'],
      ['/repos/acme/widgets/pulls/7/files', '100', '3'],
    ],
  );
});

await test('Link header has GitHub format: absolute, other params kept, prev/next/last/first', async (t) => {
  const server = await startServer(t);
  server.paginated('GET', FILES_ROUTE, () => manyFiles(250));
  const { octokit } = client(server);
  const base = `${server.url}/repos/acme/widgets/pulls/7/files?per_page=100&page=`;
  const linkOf = async (page: number) => {
    const response = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      ...REPO,
      pull_number: 7,
      per_page: 100,
      page,
    });
    return { link: response.headers.link, length: response.data.length };
  };

  assert.deepEqual(await linkOf(1), {
    link: `<${base}2>; rel="next", <${base}3>; rel="last"`,
    length: 100,
  });
  assert.deepEqual(await linkOf(2), {
    link: `<${base}1>; rel="prev", <${base}3>; rel="next", <${base}3>; rel="last", <${base}1>; rel="first"`,
    length: 100,
  });
  assert.deepEqual(await linkOf(3), {
    link: `<${base}2>; rel="prev", <${base}1>; rel="first"`,
    length: 50,
  });

  server.paginated('GET', '/repos/:owner/:repo/pulls', () => [{ number: 1 }]);
  const single = await octokit.request('GET /repos/{owner}/{repo}/pulls', REPO);
  assert.equal(single.headers.link, undefined, 'a single page has no Link header');
});

await test('paginated: per_page defaults to 30, is capped at 100, and { key } wraps pages with total_count', async (t) => {
  const server = await startServer(t);
  const jobs = Array.from({ length: 250 }, (_, i) => ({ id: 1000 + i, name: `lane ${i}` }));
  server.paginated('GET', JOBS_ROUTE, () => jobs, { key: 'jobs' });
  const { octokit } = client(server);
  const route = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs';

  const first = await octokit.request(route, { ...REPO, run_id: 9 });
  assert.equal(first.data.total_count, 250);
  assert.deepEqual(first.data.jobs, jobs.slice(0, 30));

  const capped = await octokit.request(route, { ...REPO, run_id: 9, per_page: 500 });
  assert.equal(capped.data.jobs.length, 100);
  assert.match(capped.headers.link ?? '', /per_page=500&page=2>; rel="next"/);

  const all = await octokit.paginate(route, { ...REPO, run_id: 9, per_page: 100 });
  assert.deepEqual(all, jobs);
});

await test('429 secondary rate limit: throttling waits Retry-After and retries (429 in doNotRetry)', async (t) => {
  const server = await startServer(t);
  server.route('GET', '/repos/:owner/:repo', (req) => ({
    body: { full_name: `${req.params.owner!}/${req.params.repo!}` },
  }));
  server.failNext('GET', '/repos/:owner/:repo', { kind: 'rate-limit-429', retryAfterSeconds: 1 });
  const { octokit, limits } = client(server, {
    doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
  });

  const started = Date.now();
  const response = await octokit.request('GET /repos/{owner}/{repo}', REPO);

  assert.equal(response.data.full_name, 'acme/widgets');
  assert.equal(server.count('GET', '/repos/:owner/:repo'), 2);
  assert.deepEqual(limits, [{ kind: 'secondary', retryAfter: 1, retryCount: 0 }]);
  assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
});

await test('429 with the default retry options: plugin-retry retries it first and throttling never sees it', async (t) => {
  const server = await startServer(t);
  server.route('GET', '/repos/:owner/:repo', () => ({ body: { full_name: 'acme/widgets' } }));
  server.failNext('GET', '/repos/:owner/:repo', { kind: 'rate-limit-429', retryAfterSeconds: 60 });
  const { octokit, limits } = client(server);

  const started = Date.now();
  await octokit.request('GET /repos/{owner}/{repo}', REPO);

  assert.equal(server.count('GET', '/repos/:owner/:repo'), 2);
  assert.deepEqual(limits, [], 'onSecondaryRateLimit was not called');
  assert.ok(
    Date.now() - started < 5000,
    'Retry-After: 60 was ignored (plugin-retry backs off 1 s)',
  );
});

await test('403 primary rate limit: throttling calls onRateLimit and retries after the reset; plain 403s are final', async (t) => {
  const server = await startServer(t);
  server.route('GET', '/repos/:owner/:repo', () => ({ body: { full_name: 'acme/widgets' } }));
  server.failNext('GET', '/repos/:owner/:repo', { kind: 'primary-rate-limit', resetInSeconds: 0 });
  const { octokit, limits } = client(server);

  await octokit.request('GET /repos/{owner}/{repo}', REPO);
  assert.equal(server.count('GET', '/repos/:owner/:repo'), 2);
  assert.equal(limits.length, 1);
  assert.equal(limits[0]?.kind, 'primary');
  assert.ok(limits[0].retryAfter <= 1, `retryAfter ${limits[0].retryAfter}`);

  server.route('GET', '/repos/:owner/:repo/collaborators', () => ({
    status: 403,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest',
      status: '403',
    },
  }));
  const error = await rejection(octokit.request('GET /repos/{owner}/{repo}/collaborators', REPO));
  assert.equal(error.status, 403);
  assert.equal(server.count('GET', '/repos/:owner/:repo/collaborators'), 1);
});

await test('500 is retried by plugin-retry and then succeeds', async (t) => {
  const server = await startServer(t);
  server.route('GET', '/repos/:owner/:repo', () => ({ body: { full_name: 'acme/widgets' } }));
  server.failNext('GET', '/repos/:owner/:repo', { kind: 'server-error' });
  const { octokit, limits } = client(server);

  const response = await octokit.request('GET /repos/{owner}/{repo}', REPO);

  assert.equal(response.status, 200);
  assert.equal(server.count('GET', '/repos/:owner/:repo'), 2);
  assert.deepEqual(limits, []);
});

await test('server errors have GitHub-like JSON bodies and faults are consumed in order by matching requests', async (t) => {
  const server = await startServer(t);
  server.route('GET', '/a', () => ({ body: { ok: true } }));
  server.failNext('GET', '/a', { kind: 'server-error', status: 502 });
  server.failNext('GET', '/a', { kind: 'server-error', status: 503 }, 2);

  const statusOf = async (method: string, path: string) =>
    (await fetch(`${server.url}${path}`, { method })).status;
  assert.equal(await statusOf('POST', '/a'), 404, 'another method does not consume the fault');
  assert.equal(await statusOf('GET', '/b'), 404, 'another path does not consume the fault');
  const bad = await fetch(`${server.url}/a`);
  assert.equal(bad.status, 502);
  assert.equal(bad.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.deepEqual(await bad.json(), {
    message: 'Bad Gateway',
    documentation_url: 'https://docs.github.com/rest',
    status: '502',
  });
  assert.equal(await statusOf('GET', '/a'), 503);
  assert.equal(await statusOf('GET', '/a'), 503);
  assert.equal(await statusOf('GET', '/a'), 200);
  assert.equal(server.count('GET', '/a'), 4);
});

await test('302 redirect is followed to a text body on the same server', async (t) => {
  const server = await startServer(t);
  const log = '2026-01-01T00:00:00.0000000Z ##[group]Run lanekit\nhello\n';
  server.redirect(
    'GET',
    '/repos/:owner/:repo/actions/jobs/:job_id/logs',
    (req) => `${server.url}/blob/logs/${req.params.job_id!}.txt?sig=abc`,
  );
  server.route('GET', '/blob/logs/:file', () => ({ rawBody: log }));
  const { octokit } = client(server);

  const response = await octokit.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
    ...REPO,
    job_id: 42,
  });

  assert.equal(response.status, 200);
  assert.equal(response.data, log);
  assert.equal(response.url, `${server.url}/blob/logs/42.txt?sig=abc`);
  assert.equal(server.count('GET', '/repos/:owner/:repo/actions/jobs/:job_id/logs'), 1);
  assert.equal(server.count('GET', '/blob/logs/:file'), 1);
  const first = server.requests[0]!;
  assert.equal(first.headers.authorization, 'token ghs_test');
});

await test('unknown routes answer 404 with GitHub body and are recorded', async (t) => {
  const server = await startServer(t);
  const { octokit } = client(server);

  const error = await rejection(octokit.request('GET /repos/{owner}/{repo}', REPO));

  assert.equal(error.status, 404);
  assert.equal(error.message, 'Not Found - https://docs.github.com/rest');
  assert.deepEqual(error.response?.data, {
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest',
    status: '404',
  });
  assert.equal(error.response.headers['x-ratelimit-limit'], '5000');
  assert.equal(server.count('GET', '/repos/:owner/:repo'), 1, '404 is not retried');
  assert.equal(server.requests[0]?.path, '/repos/acme/widgets');
});

await test('truncated response: fetch rejects reading the body, but Octokit swallows it and resolves with data ""', async (t) => {
  const server = await startServer(t);
  const files = manyFiles(250);
  server.paginated('GET', FILES_ROUTE, () => files);
  const path = '/repos/acme/widgets/pulls/7/files';

  server.failNext('GET', FILES_ROUTE, { kind: 'truncated' });
  const raw = await fetch(`${server.url}${path}`);
  assert.equal(raw.status, 200);
  await assert.rejects(raw.text());

  const { octokit } = client(server);
  server.failNext('GET', FILES_ROUTE, { kind: 'truncated' });
  const response = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
    ...REPO,
    pull_number: 7,
  });
  assert.equal(response.status, 200);
  assert.equal(response.data, '', 'no rejection: callers must check the shape');

  server.failNext('GET', FILES_ROUTE, { kind: 'truncated' });
  const paged = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
    ...REPO,
    pull_number: 7,
    per_page: 100,
  });
  assert.deepEqual(paged, files.slice(100), 'paginate silently loses the truncated first page');
  assert.equal(server.count('GET', FILES_ROUTE), 5);
});

await test('connection reset: the client rejects with status 500 (and plugin-retry would retry it)', async (t) => {
  const server = await startServer(t);
  server.route('GET', '/repos/:owner/:repo', () => ({ body: {} }));
  server.failNext('GET', '/repos/:owner/:repo', { kind: 'connection-reset' });
  const { octokit } = client(server);

  const error = await rejection(
    octokit.request('GET /repos/{owner}/{repo}', { ...REPO, request: { retries: 0 } }),
  );

  assert.equal(error.status, 500);
  assert.equal(server.count('GET', '/repos/:owner/:repo'), 1);
});

await test('slow fault delays, then answers normally', async (t) => {
  const server = await startServer(t);
  server.route('GET', '/repos/:owner/:repo', () => ({ body: { full_name: 'acme/widgets' } }));
  server.failNext('GET', '/repos/:owner/:repo', { kind: 'slow', delayMs: 200 });
  const { octokit } = client(server);

  const started = Date.now();
  const response = await octokit.request('GET /repos/{owner}/{repo}', REPO);

  assert.ok(Date.now() - started >= 190);
  assert.equal(response.data.full_name, 'acme/widgets');
});

await test('every response carries GitHub headers; x-ratelimit-remaining decrements per request', async (t) => {
  const server = await startServer(t);
  server.route('GET', '/rate_limit', () => ({ body: {} }));
  const first = await fetch(`${server.url}/rate_limit`);
  const second = await fetch(`${server.url}/nowhere`);

  for (const response of [first, second]) {
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(response.headers.get('x-github-api-version-selected'), '2022-11-28');
    assert.match(response.headers.get('x-github-request-id') ?? '', /^[0-9A-F]{4}(:[0-9A-F]+){4}$/);
    assert.equal(response.headers.get('x-ratelimit-limit'), '5000');
    assert.equal(response.headers.get('x-ratelimit-resource'), 'core');
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    assert.ok(reset > Date.now() / 1000 && reset <= Date.now() / 1000 + 3600);
  }
  assert.notEqual(
    first.headers.get('x-github-request-id'),
    second.headers.get('x-github-request-id'),
  );
  assert.deepEqual(
    [first, second].map((r) => [
      r.headers.get('x-ratelimit-remaining'),
      r.headers.get('x-ratelimit-used'),
    ]),
    [
      ['4999', '1'],
      ['4998', '2'],
    ],
  );
});

await test('requests are recorded with method, path, query, headers and body; count matches by pattern', async (t) => {
  const server = await startServer(t);
  server.route('POST', '/repos/:owner/:repo/issues/:issue_number/comments', (req) => ({
    status: 201,
    body: {
      id: 1,
      body: (JSON.parse(req.body) as { body: string }).body,
      issue: req.params.issue_number,
    },
  }));
  server.failNext('POST', '/repos/:owner/:repo/issues/:issue_number/comments', {
    kind: 'server-error',
  });
  const { octokit } = client(server);

  const created = await octokit.request(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    {
      ...REPO,
      issue_number: 5,
      body: 'lanes: 3',
    },
  );

  assert.equal(created.status, 201);
  assert.equal(
    server.count('POST', '/repos/:owner/:repo/issues/:issue_number/comments'),
    2,
    'faulted request counted',
  );
  assert.equal(
    server.count('post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'),
    2,
    '{name} patterns work too',
  );
  assert.equal(server.count('GET', '/repos/:owner/:repo/issues/:issue_number/comments'), 0);
  const last = server.requests.at(-1)!;
  assert.equal(last.method, 'POST');
  assert.equal(last.path, '/repos/acme/widgets/issues/5/comments');
  assert.deepEqual(JSON.parse(last.body), { body: 'lanes: 3' });
  assert.equal(last.headers['content-type'], 'application/json; charset=utf-8');

  await fetch(`${server.url}/search/code?q=${encodeURIComponent('repo:acme/widgets lane')}`);
  assert.equal(server.requests.at(-1)?.query.get('q'), 'repo:acme/widgets lane');
  assert.equal(server.requests.length, 3);
});

await test('route params are URL-decoded; a re-registered route replaces the old one; a throwing handler gives 500', async (t) => {
  const server = await startServer(t);
  server.route('GET', '/repos/:owner/:repo/contents/:path', () => ({ body: 'old' }));
  server.route('GET', '/repos/:owner/:repo/contents/:path', (req) => ({ body: req.params }));
  server.route('GET', '/boom', () => {
    throw new Error('fixture bug');
  });

  const contents = await fetch(`${server.url}/repos/acme/widgets/contents/a%20b%2Fc.md`);
  assert.deepEqual(await contents.json(), { owner: 'acme', repo: 'widgets', path: 'a b/c.md' });
  const boom = await fetch(`${server.url}/boom`);
  assert.equal(boom.status, 500);
  assert.match(
    ((await boom.json()) as { message: string }).message,
    /GET \/boom threw: fixture bug/,
  );
});

await test('close() does not wait for a pending slow response', async () => {
  const server = await GitHubApiServer.start();
  server.failNext('GET', '/slow', { kind: 'slow', delayMs: 60_000 });
  const pending = fetch(`${server.url}/slow`).then(
    () => 'answered',
    () => 'rejected',
  );
  while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  const started = Date.now();
  await server.close();
  assert.equal(await pending, 'rejected');
  assert.ok(Date.now() - started < 1000);
  await server.close(); // idempotent
});

await test('latencyMs delays every answer, and requests in flight overlap', async () => {
  const server = await GitHubApiServer.start({ latencyMs: 150 });
  try {
    server.route('GET', '/x', () => ({ body: { ok: true } }));
    server.failNext('GET', '/x', { kind: 'server-error', status: 502 });
    const started = performance.now();
    const statuses = await Promise.all(
      [1, 2, 3, 4].map(async () => (await fetch(`${server.url}/x`)).status),
    );
    const elapsed = performance.now() - started;
    assert.deepEqual(statuses.sort(), [200, 200, 200, 502]);
    assert.ok(elapsed >= 140, `answered after ${elapsed} ms, before the latency`);
    assert.ok(elapsed < 140 * 4, `${elapsed} ms: requests waited one after another`);
  } finally {
    await server.close();
  }
  await assert.rejects(GitHubApiServer.start({ latencyMs: -1 }), /latencyMs/);
});

await test('pullFile builds the exact pulls.listFiles item shape', () => {
  const modified = pullFile({ ...REPO, filename: 'src/a b.ts', status: 'modified' });
  assert.deepEqual(Object.keys(modified), [
    'sha',
    'filename',
    'status',
    'additions',
    'deletions',
    'changes',
    'blob_url',
    'raw_url',
    'contents_url',
    'patch',
  ]);
  assert.match(modified.sha, /^[0-9a-f]{40}$/);
  assert.equal(modified.changes, modified.additions + modified.deletions);
  const ref = /\/blob\/([0-9a-f]{40})\//.exec(modified.blob_url)?.[1];
  assert.ok(ref !== undefined);
  assert.equal(modified.blob_url, `https://github.com/acme/widgets/blob/${ref}/src/a%20b.ts`);
  assert.equal(modified.raw_url, `https://github.com/acme/widgets/raw/${ref}/src/a%20b.ts`);
  assert.equal(
    modified.contents_url,
    `https://api.github.com/repos/acme/widgets/contents/src/a%20b.ts?ref=${ref}`,
  );

  const renamed = pullFile({
    ...REPO,
    filename: 'new.ts',
    status: 'renamed',
    previous_filename: 'old.ts',
  });
  assert.equal(renamed.previous_filename, 'old.ts');
  assert.equal(renamed.changes, 0);
  assert.equal('patch' in renamed, false, 'a pure rename has no patch');

  const removed = pullFile({ ...REPO, filename: 'gone.ts', status: 'removed', deletions: 4 });
  assert.deepEqual([removed.additions, removed.deletions, removed.changes], [0, 4, 4]);
  assert.equal('previous_filename' in removed, false);

  assert.throws(() =>
    pullFile({ ...REPO, filename: 'x', status: 'modified', previous_filename: 'y' }),
  );
  assert.throws(() => pullFile({ ...REPO, filename: 'x', status: 'renamed' }));
});
