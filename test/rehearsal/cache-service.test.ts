import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ArtifactService } from '../../src/rehearsal/artifact-service.ts';
import { runArtifactClient } from '../harness/artifact-client.ts';
import {
  ALREADY_EXISTS_MESSAGE,
  CacheService,
  WRITE_DENIED_MESSAGE,
} from '../../src/rehearsal/cache-service.ts';
import { runCacheClient } from '../harness/cache-client.ts';
import type { CacheJobRef } from '../../src/rehearsal/cache-service.ts';

// One Azurite and one Twirp server for the suite, shared with an ArtifactService as a
// workflow's jobs share them. Each test uses its own keys, so entries never meet; tests
// run in order, so a queued fault hits its own test.
let service: CacheService;
let artifacts: ArtifactService;

async function workspace(t: TestContext, files: Record<string, string | Buffer> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'lanekit-cache-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  for (const [relative, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, relative)), { recursive: true });
    await writeFile(join(dir, relative), content);
  }
  return dir;
}

async function save(
  t: TestContext,
  key: string,
  files: Record<string, string | Buffer>,
  ref: CacheJobRef = {},
  paths = ['deps'],
) {
  const dir = await workspace(t, files);
  return runCacheClient(service, ref, 'saveCache', [paths, key], { workspace: dir });
}

async function restore(
  t: TestContext,
  key: string,
  restoreKeys: string[] = [],
  ref: CacheJobRef = {},
  paths = ['deps'],
) {
  const dir = await workspace(t);
  const run = await runCacheClient(service, ref, 'restoreCache', [paths, key, restoreKeys], {
    workspace: dir,
  });
  return { ...run, dir };
}

function requestsFor(key: string) {
  return service.requests
    .filter((r) => r.key === key)
    .map(({ method, outcome, matchedKey }) => ({ method, outcome, matchedKey }));
}

describe('CacheService behind the real @actions/cache client', () => {
  before(async () => {
    artifacts = await ArtifactService.start();
    service = await CacheService.start({ twirp: artifacts.twirp, azurite: artifacts.azurite });
  });
  after(async () => {
    await service.close();
    await artifacts.close();
  });

  test('save, then an exact restore in another job round-trips the files', async (t) => {
    const payload = randomBytes(300_000);
    const saved = await save(t, 'round-trip-a1', {
      'deps/index/config.json': '{"dl":"x"}\n',
      'deps/cache/blob.bin': payload,
    });
    assert.equal(saved.error, undefined, saved.stderr);
    assert.ok(typeof saved.value === 'number' && saved.value > 2 ** 31, String(saved.value));
    const entry = service.entries().find((e) => e.key === 'round-trip-a1');
    assert.ok(entry !== undefined);
    assert.equal(entry.id, saved.value);
    const blob = await service.container.getBlobClient(entry.blobName).getProperties();
    assert.equal(entry.sizeBytes, blob.contentLength);

    const downloadsBefore = service.downloads;
    const restored = await restore(t, 'round-trip-a1', [], { job: 'other' });
    assert.equal(restored.value, 'round-trip-a1', restored.stdout);
    assert.match(restored.stdout, /Cache hit for: round-trip-a1/);
    assert.deepEqual(await readFile(join(restored.dir, 'deps/cache/blob.bin')), payload);
    assert.equal(
      await readFile(join(restored.dir, 'deps/index/config.json'), 'utf8'),
      '{"dl":"x"}\n',
    );
    assert.equal(service.downloads, downloadsBefore + 1);
    assert.deepEqual(requestsFor('round-trip-a1'), [
      { method: 'CreateCacheEntry', outcome: 'created', matchedKey: undefined },
      { method: 'FinalizeCacheEntryUpload', outcome: 'finalized', matchedKey: undefined },
      { method: 'GetCacheEntryDownloadURL', outcome: 'hit', matchedKey: 'round-trip-a1' },
    ]);
  });

  test('a miss returns undefined; a restore key matches as a prefix, newest first', async (t) => {
    await save(t, 'prefix-linux-old', { 'deps/v': 'old\n' });
    await save(t, 'prefix-linux-new', { 'deps/v': 'new\n' });
    await save(t, 'prefix-macos-x', { 'deps/v': 'mac\n' });

    const miss = await restore(t, 'prefix-windows-1');
    assert.equal(miss.value, undefined);
    assert.equal(miss.error, undefined);

    const partial = await restore(t, 'prefix-linux-changed', ['prefix-windows-', 'prefix-linux-']);
    assert.equal(partial.value, 'prefix-linux-new');
    assert.match(partial.stdout, /Cache hit for restore-key: prefix-linux-new/);
    assert.equal(await readFile(join(partial.dir, 'deps/v'), 'utf8'), 'new\n');

    // The primary key is itself matched as a prefix (GitHub's documented order), so a
    // consumer wanting an exact key must compare the matched key.
    const keyPrefix = await restore(t, 'prefix-macos');
    assert.equal(keyPrefix.value, 'prefix-macos-x');
    assert.deepEqual(
      service.requests
        .filter((r) => r.method === 'GetCacheEntryDownloadURL' && r.key?.startsWith('prefix-'))
        .map((r) => [r.key, r.restoreKeys, r.outcome, r.matchedKey]),
      [
        ['prefix-windows-1', [], 'miss', undefined],
        [
          'prefix-linux-changed',
          ['prefix-windows-', 'prefix-linux-'],
          'partial-hit',
          'prefix-linux-new',
        ],
        ['prefix-macos', [], 'partial-hit', 'prefix-macos-x'],
      ],
    );
  });

  test('key + version is unique: a second save returns -1 and the first content stays', async (t) => {
    const first = await save(t, 'unique-1', { 'deps/v': 'first\n' });
    assert.ok(typeof first.value === 'number' && first.value > 0);
    const second = await save(t, 'unique-1', { 'deps/v': 'second\n' }, { job: 'late' });
    assert.equal(second.value, -1);
    assert.equal(second.error, undefined);
    assert.match(
      second.stdout,
      /Failed to save: Unable to reserve cache with key unique-1, another job may be creating this cache/,
    );
    // An info line, not an annotation: only so when the bundle keeps class names.
    assert.doesNotMatch(second.stdout, /::warning::/);
    assert.ok(
      second.stdout.includes(
        `::debug::Failed to reserve cache: Error: Failed to CreateCacheEntry: Received non-retryable error: Failed request: (409) Conflict: ${ALREADY_EXISTS_MESSAGE}`,
      ),
      second.stdout,
    );
    assert.deepEqual(
      requestsFor('unique-1').map((r) => r.outcome),
      ['created', 'finalized', 'already_exists'],
    );
    assert.equal(service.entries().filter((e) => e.key === 'unique-1').length, 1);
    const restored = await restore(t, 'unique-1');
    assert.equal(await readFile(join(restored.dir, 'deps/v'), 'utf8'), 'first\n');
  });

  test('two concurrent saves of one key: one entry, one loser told -1', async (t) => {
    const runs = await Promise.all(
      ['a', 'b'].map((job) => save(t, 'race-1', { 'deps/v': `${job}\n` }, { job })),
    );
    const values = runs.map((r) => r.value).sort();
    assert.equal(values.filter((v) => v === -1).length, 1, JSON.stringify(values));
    assert.equal(service.entries().filter((e) => e.key === 'race-1').length, 1);
    assert.deepEqual(
      requestsFor('race-1')
        .map((r) => r.outcome)
        .sort(),
      ['already_exists', 'created', 'finalized'],
    );
  });

  test('other paths give another version, so a restore with them misses', async (t) => {
    await save(t, 'paths-1', { 'deps/v': 'x\n', 'other/v': 'y\n' }, {}, ['deps']);
    const withOtherPaths = await restore(t, 'paths-1', [], {}, ['deps', 'other']);
    assert.equal(withOtherPaths.value, undefined);
    const versions = new Set(
      service.requests.filter((r) => r.key === 'paths-1').map((r) => r.version),
    );
    assert.equal(versions.size, 2);
    const samePaths = await restore(t, 'paths-1', [], {}, ['deps']);
    assert.equal(samePaths.value, 'paths-1');
  });

  test('a feature branch reads the default branch; main never reads the branch', async (t) => {
    const feature = { ref: 'refs/heads/feature' };
    await save(t, 'scope-main', { 'deps/v': 'main\n' });
    await save(t, 'scope-feature', { 'deps/v': 'feature\n' }, feature);
    assert.equal((await restore(t, 'scope-main', [], feature)).value, 'scope-main');
    assert.equal((await restore(t, 'scope-feature')).value, undefined);
    assert.equal((await restore(t, 'scope-feature', [], feature)).value, 'scope-feature');
  });

  test('429 on CreateCacheEntry: saveCache returns -1 without throwing, not retried', async (t) => {
    service.rateLimitNextCreate(30);
    const saved = await save(t, 'limited-1', { 'deps/v': 'x\n' });
    assert.equal(saved.value, -1);
    assert.equal(saved.error, undefined);
    assert.match(
      saved.stdout,
      /::warning::You've hit a rate limit, your rate limit will reset in 30 seconds/,
    );
    assert.match(saved.stdout, /Failed to save: Unable to reserve cache with key limited-1/);
    assert.deepEqual(
      requestsFor('limited-1').map((r) => r.outcome),
      ['resource_exhausted'],
    );
    assert.equal(
      service.entries().some((e) => e.key === 'limited-1'),
      false,
    );
  });

  test('storage quota hit on CreateCacheEntry: saveCache returns -1 without throwing', async (t) => {
    service.quotaExceededNextCreate();
    const saved = await save(t, 'quota-1', { 'deps/v': 'x\n' });
    assert.equal(saved.value, -1);
    assert.equal(saved.error, undefined);
    assert.match(saved.stdout, /Cache storage quota has been hit/);
    assert.match(saved.stdout, /Failed to save: Unable to reserve cache with key quota-1/);
    assert.deepEqual(
      requestsFor('quota-1').map((r) => r.outcome),
      ['resource_exhausted'],
    );
  });

  test('a read-only token: save is denied (-1, one warning), restore still works', async (t) => {
    await save(t, 'readonly-1', { 'deps/v': 'x\n' });
    const denied = await save(t, 'readonly-2', { 'deps/v': 'y\n' }, { readOnly: true });
    assert.equal(denied.value, -1);
    assert.equal(denied.error, undefined);
    const warnings = denied.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    assert.deepEqual(warnings, [
      `::warning::Failed to save: Unable to reserve cache with key readonly-2. More details: ${WRITE_DENIED_MESSAGE}`,
    ]);
    assert.deepEqual(
      requestsFor('readonly-2').map((r) => r.outcome),
      ['write-denied'],
    );
    assert.equal((await restore(t, 'readonly-1', [], { readOnly: true })).value, 'readonly-1');
  });

  test('service unreachable: restore returns undefined, save -1, neither throws', async (t) => {
    const env = await service.unreachableEnv();
    const dir = await workspace(t, { 'deps/v': 'x\n' });
    const before = service.count();
    const restored = await runCacheClient(service, {}, 'restoreCache', [['deps'], 'gone-1'], {
      workspace: dir,
      env,
    });
    assert.equal(restored.value, undefined);
    assert.equal(restored.error, undefined);
    assert.match(restored.stdout, /::warning::Failed to restore: .*ECONNREFUSED/);
    const saved = await runCacheClient(service, {}, 'saveCache', [['deps'], 'gone-1'], {
      workspace: dir,
      env,
    });
    assert.equal(saved.value, -1);
    assert.equal(saved.error, undefined);
    assert.match(saved.stdout, /Failed to save: Unable to reserve cache with key gone-1/);
    assert.equal(service.count(), before);
  });

  test('a corrupted archive: restore warns, returns undefined, leaves garbage', async (t) => {
    const payload = randomBytes(200_000);
    await save(t, 'corrupt-1', { 'deps/big.bin': payload });
    await service.corrupt('corrupt-1');
    const restored = await restore(t, 'corrupt-1');
    assert.equal(restored.value, undefined);
    assert.equal(restored.error, undefined);
    assert.match(restored.stdout, /::warning::Failed to restore: /);
    assert.deepEqual(requestsFor('corrupt-1').at(-1), {
      method: 'GetCacheEntryDownloadURL',
      outcome: 'hit',
      matchedKey: 'corrupt-1',
    });
    // tar has written part of the tree before zstd stops on the damaged data: a caller
    // must clear the paths after a failed restore.
    const left = await readFile(join(restored.dir, 'deps/big.bin'));
    assert.ok(left.length > 0 && !left.equals(payload), `${left.length} bytes left`);
  });

  test('eight concurrent restores of one entry: eight downloads, no upload', async (t) => {
    await save(t, 'fanout-1', { 'deps/blob': randomBytes(1_000_000) });
    const uploads = service.uploads;
    const downloads = service.downloads;
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) => restore(t, 'fanout-1', [], { job: `fan-${i}` })),
    );
    assert.deepEqual(
      runs.map((r) => r.value),
      Array.from({ length: 8 }, () => 'fanout-1'),
    );
    assert.equal(service.uploads, uploads);
    assert.equal(service.downloads, downloads + 8);
  });

  test('a bad key throws ValidationError before any request', async (t) => {
    const restored = await restore(t, 'comma,key');
    assert.equal(restored.error?.name, 'ValidationError');
    assert.match(restored.error.message, /cannot contain commas/);
    assert.equal(
      service.requests.some((r) => r.key === 'comma,key'),
      false,
    );
  });

  test('shares its Twirp server and Azurite with an ArtifactService', async (t) => {
    const dir = await workspace(t, { 'log.txt': 'hello\n' });
    const uploaded = await runArtifactClient(artifacts, { run: 'shared' }, 'uploadArtifact', [
      'logs',
      [join(dir, 'log.txt')],
      dir,
    ]);
    assert.equal(uploaded.error, undefined);
    assert.ok(uploaded.value?.id !== undefined);
    const saved = await save(t, 'shared-1', { 'deps/v': 'x\n' }, { run: 'shared' });
    assert.ok(typeof saved.value === 'number' && saved.value > 0);
    const services = new Set(artifacts.twirp.requests.map((r) => r.service));
    assert.deepEqual([...services].sort(), [
      'github.actions.results.api.v1.ArtifactService',
      'github.actions.results.api.v1.CacheService',
    ]);
  });

  test('a slow download still completes, and takes the delay', async (t) => {
    await save(t, 'slow-1', { 'deps/v': 'x\n' });
    service.blobs.delayDownloads(1500);
    t.after(() => {
      service.blobs.delayDownloads(0);
    });
    const started = performance.now();
    const restored = await restore(t, 'slow-1');
    assert.equal(restored.value, 'slow-1');
    assert.ok(performance.now() - started >= 1500);
  });
});
