import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CacheService } from '../../src/rehearsal/cache-service.ts';
import { runCacheClient } from '../harness/cache-client.ts';
import type { RunResult } from '../../src/rehearsal/runner.ts';
import { Lane, shownRun } from '../warmup/warmup-scenario.ts';

const messages = (result: RunResult, command: string) =>
  result.annotations.filter((a) => a.command === command).map((a) => a.message);

describe('registry-warmup with the real @actions/cache against the local CacheService', () => {
  let service: CacheService;
  let lane: Lane;
  before(async () => {
    service = await CacheService.start();
  });
  after(async () => {
    lane.close();
    await service.close();
  });

  it('a cold warm-up populates online, verifies offline and saves; a second one hits and verifies', async () => {
    lane = new Lane(service);
    const cold = await lane.run({ mode: 'warm', lane: 'github' });
    assert.equal(cold.exitCode, 0, shownRun(cold));
    assert.equal(cold.outputs['cache-hit'], 'false');
    assert.equal(cold.outputs.populated, 'true');
    assert.equal(cold.outputs.verified, 'true');
    assert.equal(cold.outputs['matched-key'], '');
    assert.match(cold.outputs.key!, /^registry-warmup-v1-custom-linux-[a-z0-9]+-[0-9a-f]{64}$/);
    assert.ok(Number(cold.outputs['size-bytes']) > 2000);
    assert.deepEqual(cold.exportedEnv, { DEPS_OFFLINE: '1' });
    assert.match(cold.summary, /\| github \| custom \| warm \| populated \|/);
    assert.equal(lane.fetches, 1);
    assert.deepEqual(
      service.entries().map((e) => e.key),
      [cold.outputs.key],
    );

    const warm = await lane.run({ mode: 'warm' });
    assert.equal(warm.exitCode, 0, shownRun(warm));
    assert.equal(warm.outputs['cache-hit'], 'true');
    assert.equal(warm.outputs.populated, 'false');
    assert.equal(warm.outputs.verified, 'true');
    assert.equal(warm.outputs['matched-key'], cold.outputs.key);
    assert.match(warm.stdout, /all dependencies present offline/);
    assert.equal(lane.fetches, 1, 'a hit fetches nothing');
    assert.equal(service.entries().length, 1);
  });

  it('8 concurrent restore jobs after one warm-up: one upload, eight downloads, zero fetches', async () => {
    lane = new Lane(service);
    const deps = ['fan', 'out'];
    const uploadsBefore = service.uploads;
    const warm = await lane.run({ mode: 'warm', prefix: 'fanout-v1' }, { deps });
    assert.equal(warm.exitCode, 0, shownRun(warm));
    assert.equal(service.uploads - uploadsBefore, 1, 'the warm-up uploads once');
    const uploads = service.uploads;
    const downloads = service.downloads;
    const requests = service.requests.length;
    const restores = await Promise.all(
      Array.from({ length: 8 }, () => lane.run({ mode: 'restore', prefix: 'fanout-v1' }, { deps })),
    );
    for (const result of restores) {
      assert.equal(result.exitCode, 0, shownRun(result));
      assert.equal(result.outputs['cache-hit'], 'true');
      assert.equal(result.outputs.populated, 'false');
      assert.equal(result.outputs.key, warm.outputs.key);
      assert.deepEqual(result.exportedEnv, { DEPS_OFFLINE: '1' });
    }
    assert.equal(service.uploads - uploads, 0);
    assert.equal(service.downloads - downloads, 8);
    assert.equal(lane.fetches, 1, 'only the warm-up fetched');
    const fanOut = service.requests.slice(requests);
    assert.deepEqual(
      fanOut.map((r) => [r.method, r.outcome, r.restoreKeys.length]),
      Array.from({ length: 8 }, () => ['GetCacheEntryDownloadURL', 'hit', 0]),
      'each restore asks for the exact key only, and nothing is created',
    );
  });

  it('two concurrent warm-ups of one key: one saves, the other confirms it lost the race', async () => {
    lane = new Lane(service);
    const deps = ['race', 'condition'];
    const barrier = join(lane.root, 'barrier');
    writeFileSync(barrier, '');
    const env = { FETCH_BARRIER: `${barrier}:2` };
    const [a, b] = await Promise.all([
      lane.run({ mode: 'warm', prefix: 'race-v1' }, { deps, env }),
      lane.run({ mode: 'warm', prefix: 'race-v1' }, { deps, env }),
    ]);
    for (const result of [a, b]) assert.equal(result.exitCode, 0, shownRun(result));
    const key = a.outputs.key;
    assert.equal(service.entries().filter((e) => e.key === key).length, 1);
    assert.deepEqual([a, b].map((r) => /warm: (\S+)/.exec(r.stdout)?.[1]).sort(), [
      'populated',
      'race-lost',
    ]);
    for (const result of [a, b]) {
      assert.deepEqual(messages(result, 'warning'), [], 'a lost race is fine: no warning');
    }
  });

  it('a rate-limited save (429) is skipped with a notice, and the job succeeds', async () => {
    lane = new Lane(service);
    service.rateLimitNextCreate(30);
    const result = await lane.run({ mode: 'warm', prefix: 'ratelimit-v1' });
    assert.equal(result.exitCode, 0, shownRun(result));
    assert.equal(result.outputs.populated, 'true');
    assert.match(result.stdout, /warm: save-skipped/);
    assert.ok(
      messages(result, 'notice').some((m) => m.includes('not saved')),
      shownRun(result),
    );
    assert.ok(!service.entries().some((e) => e.key === result.outputs.key));
  });

  it('a full storage quota skips the save with a notice, and the job succeeds', async () => {
    lane = new Lane(service);
    service.quotaExceededNextCreate();
    const result = await lane.run({ mode: 'warm', prefix: 'quota-v1' });
    assert.equal(result.exitCode, 0, shownRun(result));
    assert.match(result.stdout, /warm: save-skipped/);
    assert.ok(messages(result, 'notice').some((m) => m.includes('not saved')));
    assert.ok(!service.entries().some((e) => e.key === result.outputs.key));
  });

  it('a project without dependencies: the tool caches nothing, and nothing is saved', async () => {
    lane = new Lane(service);
    const nothing = JSON.stringify([process.execPath, '-e', '']);
    const result = await lane.run({
      mode: 'warm',
      prefix: 'empty-v1',
      fetch: nothing,
      verify: nothing,
    });
    assert.equal(result.exitCode, 0, shownRun(result));
    assert.match(result.stdout, /warm: save-skipped/);
    assert.ok(messages(result, 'notice').some((m) => m.includes('the tool cached nothing')));
    assert.ok(
      !service.requests.some(
        (r) => r.method === 'CreateCacheEntry' && r.key === result.outputs.key,
      ),
    );
  });

  it('a read-only token (an untrusted event) skips the save with a notice', async () => {
    lane = new Lane(service);
    const result = await lane.run(
      { mode: 'warm', prefix: 'readonly-v1' },
      { ref: { ref: 'refs/pull/7/merge', readOnly: true } },
    );
    assert.equal(result.exitCode, 0, shownRun(result));
    assert.match(result.stdout, /warm: save-skipped/);
    assert.ok(
      service.requests.some((r) => r.method === 'CreateCacheEntry' && r.outcome === 'write-denied'),
    );
    assert.ok(!service.entries().some((e) => e.key === result.outputs.key));
  });

  it("a runner's read-only cache mode skips the save before asking the service", async () => {
    lane = new Lane(service);
    const result = await lane.run(
      { mode: 'warm', prefix: 'readmode-v1' },
      { env: { ACTIONS_CACHE_MODE: 'read' } },
    );
    assert.equal(result.exitCode, 0, shownRun(result));
    assert.match(result.stdout, /warm: save-skipped/);
    assert.ok(messages(result, 'notice').some((m) => m.includes('read-only')));
    assert.ok(
      !service.requests.some(
        (r) => r.method === 'CreateCacheEntry' && r.key === result.outputs.key,
      ),
    );
  });

  it('an entry that restores but fails the offline verify is dirty: repopulated online, not overwritten', async () => {
    lane = new Lane(service);
    const probe = await lane.run({ mode: 'restore', prefix: 'incomplete-v1', 'on-miss': 'warn' });
    const key = probe.outputs.key!;
    // Another tool saved the key with one of the two dependencies only.
    const { home, workspace } = lane.job(['alpha', 'beta']);
    mkdirSync(join(home, '.deps-cache'));
    writeFileSync(join(home, '.deps-cache', 'alpha'), 'content of alpha' + '\n'.repeat(1000));
    const saved = await runCacheClient(service, {}, 'saveCache', [['~/.deps-cache'], key], {
      workspace,
      env: { HOME: home },
    });
    assert.ok(Number(saved.value) > 0, saved.stdout);

    const dirty = await lane.run({ mode: 'warm', prefix: 'incomplete-v1' });
    assert.equal(dirty.exitCode, 0, shownRun(dirty));
    assert.match(dirty.stdout, /warm: dirty/);
    assert.match(dirty.stdout, /missing or damaged: beta/);
    assert.equal(dirty.outputs['matched-key'], key);
    assert.equal(dirty.outputs.populated, 'true');
    assert.ok(messages(dirty, 'warning').some((m) => m.includes('fails the offline verify')));
    assert.equal(service.entries().filter((e) => e.key === key).length, 1, 'not overwritten');
  });

  it('the service unreachable: warm populates online and succeeds; restore with on-miss fail fails loudly', async () => {
    lane = new Lane(service);
    const env = await service.unreachableEnv();
    const warm = await lane.run({ mode: 'warm', prefix: 'down-v1' }, { env });
    assert.equal(warm.exitCode, 0, shownRun(warm));
    assert.equal(warm.outputs.populated, 'true');
    assert.match(warm.stdout, /warm: save-skipped/);
    assert.ok(messages(warm, 'notice').some((m) => m.includes('not saved')));

    const restore = await lane.run({ mode: 'restore', prefix: 'down-v1' }, { env });
    assert.equal(restore.exitCode, 1);
    const [error] = messages(restore, 'error');
    assert.match(error!, /^registry-warmup: no cache entry for down-v1-custom-/);
    assert.deepEqual(restore.exportedEnv, {});
  });

  it('a restore whose home sits elsewhere beside its workspace is no hit: the entry lands outside its paths', async () => {
    lane = new Lane(service);
    const saved = await lane.run({ mode: 'warm', prefix: 'moved-home-v1' });
    assert.equal(saved.exitCode, 0, shownRun(saved));
    const moved = await lane.run(
      { mode: 'restore', prefix: 'moved-home-v1' },
      { homeDir: join('users', 'runner') },
    );
    assert.equal(moved.exitCode, 1, shownRun(moved));
    const [error] = messages(moved, 'error');
    assert.match(error!, /restored, but none of its paths is where this job looks/);
    assert.match(error!, /relative to GITHUB_WORKSPACE/);
    assert.deepEqual(moved.exportedEnv, {}, 'a misplaced entry does not turn the job offline');
    assert.equal(lane.fetches, 1);
  });

  it('a corrupted entry: warm reports it dirty and how to roll the prefix; restore misses and on-miss fetch fetches', async () => {
    lane = new Lane(service);
    const saved = await lane.run({ mode: 'warm', prefix: 'corrupt-v1' });
    assert.equal(saved.exitCode, 0, shownRun(saved));
    await service.corrupt(saved.outputs.key!);

    const dirty = await lane.run({ mode: 'warm', prefix: 'corrupt-v1' });
    assert.equal(dirty.exitCode, 0, shownRun(dirty));
    assert.match(dirty.stdout, /warm: dirty/);
    assert.equal(dirty.outputs.populated, 'true');
    assert.equal(dirty.outputs.verified, 'true');
    assert.ok(
      messages(dirty, 'warning').some((m) => m.includes('roll the prefix input')),
      shownRun(dirty),
    );

    const fetched = await lane.run({ mode: 'restore', prefix: 'corrupt-v1', 'on-miss': 'fetch' });
    assert.equal(fetched.exitCode, 0, shownRun(fetched));
    assert.equal(fetched.outputs['cache-hit'], 'false');
    assert.equal(fetched.outputs.populated, 'true');
    assert.deepEqual(fetched.exportedEnv, { DEPS_OFFLINE: '1' });
    assert.equal(lane.fetches, 3);
  });

  it('a changed lockfile: a new key, populated from the nearest earlier entry', async () => {
    lane = new Lane(service);
    const first = await lane.run({ mode: 'warm', prefix: 'changed-v1' }, { deps: ['one'] });
    const second = await lane.run({ mode: 'warm', prefix: 'changed-v1' }, { deps: ['one', 'two'] });
    assert.equal(second.exitCode, 0, shownRun(second));
    assert.notEqual(second.outputs.key, first.outputs.key);
    assert.equal(second.outputs['matched-key'], first.outputs.key);
    assert.equal(second.outputs['cache-hit'], 'false');
    assert.equal(second.outputs.populated, 'true');
    const nearest = service.requests.findLast(
      (r) =>
        r.method === 'GetCacheEntryDownloadURL' &&
        r.key === second.outputs.key &&
        r.restoreKeys.length > 0,
    );
    assert.ok(nearest, 'the warm-up asked for the key family');
    assert.deepEqual(nearest.restoreKeys, [first.outputs.key!.replace(/[0-9a-f]{64}$/, '')]);
    assert.equal(nearest.outcome, 'partial-hit');

    const restore = await lane.run(
      { mode: 'restore', prefix: 'changed-v1', 'on-miss': 'warn' },
      { deps: ['one', 'three'] },
    );
    assert.equal(restore.exitCode, 0);
    assert.equal(restore.outputs['cache-hit'], 'false', 'restore never takes an older entry');
    assert.deepEqual(restore.exportedEnv, {});
    assert.ok(messages(restore, 'warning').some((m) => m.includes('later steps stay online')));
  });
});
