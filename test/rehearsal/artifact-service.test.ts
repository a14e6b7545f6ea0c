import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ArtifactService, ARTIFACT_SERVICE } from '../../src/rehearsal/artifact-service.ts';
import { runArtifactClient } from '../harness/artifact-client.ts';

// One Azurite and one service for the suite; each test uses its own run label, so
// their artifacts never meet. Tests run in order, so a queued fault hits its own test.
let service: ArtifactService;

async function tempDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lanekit-artifact-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `files` (relative path -> content) under `root`; returns their absolute paths. */
async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<string[]> {
  const paths: string[] = [];
  for (const [relative, content] of Object.entries(files)) {
    const path = join(root, relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    paths.push(path);
  }
  return paths;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

interface Uploaded {
  id: number;
  size: number;
  digest: string;
}

/** Uploads `files` as artifact `name` from job `job` of run `run` with the real client. */
async function upload(
  t: TestContext,
  run: string,
  job: string,
  name: string,
  files: Record<string, string | Buffer>,
): Promise<Uploaded> {
  const root = await tempDir(t);
  const paths = await writeTree(root, files);
  const { value, error } = await runArtifactClient(service, { run, job }, 'uploadArtifact', [
    name,
    paths,
    root,
  ]);
  assert.equal(error, undefined);
  const { id, size, digest } = value ?? {};
  assert.ok(id !== undefined && size !== undefined && digest !== undefined);
  return { id, size, digest };
}

describe('ArtifactService behind the real @actions/artifact client', () => {
  before(async () => {
    service = await ArtifactService.start();
  });
  after(() => service.close());

  test('lanes upload; another job of the run lists, downloads the same bytes', async (t) => {
    const run = 'round-trip';
    const laneFiles = {
      'job log.txt': 'line 1\n##[error]boom\n',
      'nested/dir/step 2.log': 'warning: unused\n',
    };
    const started = Date.now();
    const [linux, macos, foreign] = await Promise.all([
      upload(t, run, 'lane-linux', 'job-logs-linux', laneFiles),
      upload(t, run, 'lane-macos', 'job-logs-macos', { 'job log.txt': 'mac\n' }),
      upload(t, 'another-run', 'lane-linux', 'job-logs-linux', { 'job log.txt': 'other\n' }),
    ]);

    const listed = await runArtifactClient(service, { run, job: 'scanner' }, 'listArtifacts', []);
    assert.equal(listed.error, undefined);
    const artifacts = (listed.value?.artifacts ?? []).toSorted((a, b) =>
      a.name < b.name ? -1 : 1,
    );
    assert.deepEqual(
      artifacts.map(({ name, id, size, digest }) => ({ name, id, size, digest })),
      [
        { name: 'job-logs-linux', ...linux, digest: `sha256:${linux.digest}` },
        { name: 'job-logs-macos', ...macos, digest: `sha256:${macos.digest}` },
      ],
    );
    for (const { createdAt } of artifacts) {
      const at = Date.parse(createdAt ?? '');
      assert.ok(at >= started - 1000 && at <= Date.now(), `createdAt ${String(createdAt)}`);
    }

    // What the client reported is what Azurite holds.
    const stored = service.artifacts().find((a) => a.id === linux.id);
    assert.ok(stored !== undefined);
    const blob = await service.container.getBlobClient(stored.blobName).downloadToBuffer();
    assert.equal(blob.length, linux.size);
    assert.equal(sha256(blob), linux.digest);

    const out = await tempDir(t);
    const downloaded = await runArtifactClient(
      service,
      { run, job: 'scanner' },
      'downloadArtifact',
      [linux.id, { path: out, expectedHash: `sha256:${linux.digest}` }],
    );
    assert.equal(downloaded.error, undefined);
    assert.deepEqual(downloaded.value, { downloadPath: out, digestMismatch: false });
    for (const [relative, content] of Object.entries(laneFiles)) {
      assert.equal(await readFile(join(out, relative), 'utf8'), content, relative);
    }

    const notOurs = await runArtifactClient(service, { run, job: 'scanner' }, 'downloadArtifact', [
      foreign.id,
      { path: out },
    ]);
    assert.equal(notOurs.error?.name, 'ArtifactNotFoundError');
    assert.match(notOurs.error.message, new RegExp(`^No artifacts found for ID: ${foreign.id}\n`));
  });

  test('a name already used in the run is refused with 409 and not retried', async (t) => {
    await upload(t, 'duplicate', 'lane-a', 'logs', { 'a.txt': 'a' });
    const before = service.count('CreateArtifact');
    const root = await tempDir(t);
    const second = await runArtifactClient(
      service,
      { run: 'duplicate', job: 'lane-b' },
      'uploadArtifact',
      ['logs', await writeTree(root, { 'b.txt': 'b' }), root],
    );
    assert.equal(
      second.error?.message,
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: ' +
        'an artifact with this name already exists on the workflow run',
    );
    assert.equal(service.count('CreateArtifact') - before, 1);
  });

  test('a file larger than the 8 MiB upload chunk is staged in several blocks', async (t) => {
    const run = 'large';
    const big = randomBytes(9 * 1024 * 1024 + 123); // incompressible, so the zip is larger too
    const { id } = await upload(t, run, 'lane', 'big', { 'big.bin': big, 'small.txt': 'small\n' });

    const stored = service.artifacts().find((a) => a.id === id);
    assert.ok(stored !== undefined);
    const { committedBlocks = [] } = await service.container
      .getBlockBlobClient(stored.blobName)
      .getBlockList('committed');
    assert.equal(committedBlocks.length, 2);
    assert.equal(committedBlocks[0]?.size, 8 * 1024 * 1024);

    const out = await tempDir(t);
    const downloaded = await runArtifactClient(service, { run }, 'downloadArtifact', [
      id,
      { path: out },
    ]);
    assert.equal(downloaded.error, undefined);
    assert.ok((await readFile(join(out, 'big.bin'))).equals(big));
  });

  test('skipArchive stores one file as is; download saves it under its own name', async (t) => {
    const started = Date.now();
    const run = 'raw';
    const root = await tempDir(t);
    const [logPath] = await writeTree(root, { 'job log.txt': 'raw log\n' });
    const uploaded = await runArtifactClient(service, { run }, 'uploadArtifact', [
      'ignored',
      [logPath!],
      root,
      { skipArchive: true, retentionDays: 3 },
    ]);
    assert.equal(uploaded.error, undefined);
    const id = uploaded.value?.id;
    const stored = service.artifacts().find((a) => a.id === id);
    assert.equal(stored?.name, 'job log.txt');
    const threeDays = 3 * 24 * 3600 * 1000;
    const expiresIn = (stored.expiresAt?.getTime() ?? 0) - started;
    assert.ok(
      expiresIn >= threeDays - 3_600_000 && expiresIn <= threeDays + 3_600_000,
      String(expiresIn),
    );

    const out = await tempDir(t);
    const downloaded = await runArtifactClient(service, { run }, 'downloadArtifact', [
      id!,
      { path: out },
    ]);
    assert.equal(downloaded.error, undefined);
    assert.equal(await readFile(join(out, 'job log.txt'), 'utf8'), 'raw log\n');
  });

  test('delete removes the artifact and its blob; deleting again is not found', async (t) => {
    const run = 'delete';
    const { id } = await upload(t, run, 'lane', 'doomed', { 'a.txt': 'a' });
    const blobName = service.artifacts().find((a) => a.id === id)?.blobName ?? '';
    assert.equal(await service.container.getBlobClient(blobName).exists(), true);

    const deleted = await runArtifactClient(service, { run, job: 'cleanup' }, 'deleteArtifact', [
      'doomed',
    ]);
    assert.deepEqual(deleted.value, { id });
    assert.equal(
      service.artifacts().find((a) => a.id === id),
      undefined,
    );
    assert.equal(await service.container.getBlobClient(blobName).exists(), false);

    const again = await runArtifactClient(service, { run }, 'deleteArtifact', ['doomed']);
    assert.equal(again.error?.name, 'ArtifactNotFoundError');
  });

  test('CreateArtifact answering 500 is retried after 3 s and the upload succeeds', async (t) => {
    service.failNext('CreateArtifact', { kind: 'twirp-error', code: 'internal' });
    const before = service.count('CreateArtifact');
    const started = performance.now();
    const root = await tempDir(t);
    const result = await runArtifactClient(service, { run: 'retry' }, 'uploadArtifact', [
      'logs',
      await writeTree(root, { 'a.txt': 'a' }),
      root,
    ]);
    assert.equal(result.error, undefined);
    assert.equal(service.count('CreateArtifact') - before, 2);
    assert.ok(performance.now() - started >= 3000);
    assert.match(
      result.stdout,
      /Attempt 1 of 5 failed with error: Failed request: \(500\) Internal Server Error: injected internal\. Retrying request in 3000 ms/,
    );
  });

  test('failures the client does not retry', async (t) => {
    const root = await tempDir(t);
    const files = await writeTree(root, { 'a.txt': 'a' });
    const cases = [
      {
        name: 'a reset connection (NetworkError)',
        fault: { kind: 'connection-reset' } as const,
        message: /^Failed to CreateArtifact: Unable to make request: ECONNRESET\n/,
      },
      {
        name: '"insufficient usage" (storage quota; even as a 429)',
        fault: {
          kind: 'twirp-error',
          code: 'resource_exhausted',
          msg: 'insufficient usage to create artifact',
        } as const,
        message: /^Failed to CreateArtifact: Artifact storage quota has been hit\./,
      },
    ];
    for (const { name, fault, message } of cases) {
      service.failNext('CreateArtifact', fault);
      const before = service.count('CreateArtifact');
      const result = await runArtifactClient(
        service,
        { run: `no-retry ${name}` },
        'uploadArtifact',
        ['logs', files, root],
      );
      assert.match(result.error?.message ?? '', message, name);
      assert.equal(service.count('CreateArtifact') - before, 1, name);
    }

    const expired = service.twirp.runtimeToken(service.scope({ run: 'expired' }), -60);
    const result = await runArtifactClient(
      service,
      { run: 'expired' },
      'uploadArtifact',
      ['logs', files, root],
      {
        env: { ACTIONS_RUNTIME_TOKEN: expired },
      },
    );
    assert.equal(
      result.error?.message,
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (401) Unauthorized: the token has expired',
    );
  });

  test('Twirp errors have the wire shape and status of their code', async () => {
    const scope = service.scope({ run: 'wire' });
    const token = service.twirp.runtimeToken(scope);
    const listRequest = {
      workflow_run_backend_id: scope.workflowRunBackendId,
      workflow_job_run_backend_id: scope.workflowJobRunBackendId,
    };
    const cases = [
      {
        name: 'unknown method',
        path: `/twirp/${ARTIFACT_SERVICE}/Nope`,
        headers: { authorization: `Bearer ${token}` },
        body: {},
        status: 404,
        code: 'bad_route',
        meta: { twirp_invalid_route: `POST /twirp/${ARTIFACT_SERVICE}/Nope` },
      },
      {
        name: 'no token',
        path: `/twirp/${ARTIFACT_SERVICE}/ListArtifacts`,
        headers: {},
        body: listRequest,
        status: 401,
        code: 'unauthenticated',
        meta: {},
      },
      {
        name: 'token signed by someone else',
        path: `/twirp/${ARTIFACT_SERVICE}/ListArtifacts`,
        headers: { authorization: `Bearer ${token.slice(0, -4)}AAAA` },
        body: listRequest,
        status: 401,
        code: 'unauthenticated',
        meta: {},
      },
      {
        name: 'another run than the token grants',
        path: `/twirp/${ARTIFACT_SERVICE}/ListArtifacts`,
        headers: { authorization: `Bearer ${token}` },
        body: {
          ...listRequest,
          workflow_run_backend_id: service.scope({ run: 'x' }).workflowRunBackendId,
        },
        status: 403,
        code: 'permission_denied',
        meta: {},
      },
      {
        name: 'missing field',
        path: `/twirp/${ARTIFACT_SERVICE}/GetSignedArtifactURL`,
        headers: { authorization: `Bearer ${token}` },
        body: listRequest,
        status: 400,
        code: 'invalid_argument',
        meta: { argument: 'name' },
      },
    ];
    for (const c of cases) {
      const response = await fetch(`${service.twirp.url}${c.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...c.headers },
        body: JSON.stringify(c.body),
      });
      assert.equal(response.status, c.status, c.name);
      const body = (await response.json()) as { code: string; msg: string; meta: object };
      assert.equal(body.code, c.code, c.name);
      assert.equal(typeof body.msg, 'string', c.name);
      assert.deepEqual(body.meta, c.meta, c.name);
    }
  });

  test('gateway and slow faults answer as queued, and every answer is recorded', async () => {
    const scope = service.scope({ run: 'faults' });
    const call = () =>
      fetch(`${service.twirp.url}/twirp/${ARTIFACT_SERVICE}/ListArtifacts`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${service.twirp.runtimeToken(scope)}`,
        },
        body: JSON.stringify({
          workflow_run_backend_id: scope.workflowRunBackendId,
          workflow_job_run_backend_id: scope.workflowJobRunBackendId,
        }),
      });
    service.failNext('ListArtifacts', { kind: 'gateway', status: 502 });
    service.failNext('ListArtifacts', { kind: 'slow', delayMs: 300 });
    const before = service.twirp.requests.length;

    const gateway = await call();
    assert.equal(gateway.status, 502);
    assert.equal(gateway.headers.get('content-type'), 'text/html');
    assert.match(await gateway.text(), /<title>502 Bad Gateway<\/title>/);

    const started = performance.now();
    const slow = await call();
    assert.ok(performance.now() - started >= 300);
    assert.deepEqual(await slow.json(), { artifacts: [] });

    assert.deepEqual(
      service.twirp.requests.slice(before).map((r) => [r.method, r.status]),
      [
        ['ListArtifacts', 502],
        ['ListArtifacts', 200],
      ],
    );
  });
});
