import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { jobLog, smallGreenRun } from '../harness/run-fixtures.ts';
import { summarize } from './timing-summary-scenario.ts';

let api: GitHubApiServer;
before(async () => {
  api = await GitHubApiServer.start();
});
after(async () => {
  await api.close();
});

const JOBS = '/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt_number/jobs';
const CACHE = '/repos/:owner/:repo/actions/cache/usage';

describe('timing-summary when GitHub does not answer at once', () => {
  it('waits as a 429 Retry-After says, then reports the whole run', async () => {
    const run = smallGreenRun();
    const { result, report, requests } = await summarize(api, run, {
      faults: (server) => {
        server.failNext('GET', JOBS, { kind: 'rate-limit-429', retryAfterSeconds: 1 });
      },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(result.outputs['wall-seconds'], '173');
    const jobPages = requests.filter((r) =>
      r.path.endsWith(`/${run.current.run.id}/attempts/1/jobs`),
    );
    assert.equal(jobPages.length, 2);
    assert.ok(result.durationMs >= 1000, `waited ${result.durationMs} ms`);
    assert.deepEqual(report!.notices, []);
  });

  it('retries a 502, then reports the whole run', async () => {
    const { result, report, requests } = await summarize(api, smallGreenRun(), {
      faults: (server) => {
        server.failNext('GET', CACHE, { kind: 'server-error', status: 502 });
      },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(requests.filter((r) => r.path.endsWith('/cache/usage')).length, 2);
    assert.equal(report!.cache?.activeCount, 17);
  });

  it('writes a partial report with a notice when a part stays unavailable, and does not fail', async () => {
    const { result, report } = await summarize(api, smallGreenRun(), {
      faults: (server) => {
        // A rate limit that resets in an hour: not worth the step's time, so no retry.
        server.failNext('GET', CACHE, { kind: 'primary-rate-limit', resetInSeconds: 3600 });
      },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(report!.cache, undefined);
    assert.equal(result.outputs['wall-seconds'], '173');
    assert.equal(report!.notices.length, 1);
    assert.match(report!.notices[0]!, /^the Actions cache usage could not be read: .*403/);
    assert.ok(result.summary.includes('the Actions cache usage could not be read'));
    assert.ok(result.annotations.some((a) => a.command === 'warning'));
  });

  it('times the run from its jobs when the run itself cannot be read', async () => {
    const { result, report } = await summarize(api, smallGreenRun(), {
      faults: (server) => {
        server.failNext(
          'GET',
          '/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt_number',
          {
            kind: 'primary-rate-limit',
            resetInSeconds: 3600,
          },
        );
      },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    // The clock starts when the first jobs were created, 2 s after the run: 173 - 2.
    assert.equal(result.outputs['wall-seconds'], '171');
    assert.match(report!.notices.join('\n'), /run 9100000001 attempt 1 could not be read/);
    assert.match(report!.notices.join('\n'), /no baseline: the run's workflow/);
  });

  it('reports the jobs it could not list, from what the run says', async () => {
    const { result, report } = await summarize(api, smallGreenRun(), {
      faults: (server) => {
        server.failNext('GET', JOBS, { kind: 'primary-rate-limit', resetInSeconds: 3600 });
      },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(report!.jobs.length, 0);
    assert.match(
      report!.notices.join('\n'),
      /the jobs of run 9100000001 attempt 1 could not be read/,
    );
  });

  it('counts a log that 404s as unreadable, scanning the others', async () => {
    const run = smallGreenRun();
    const [lint, build] = run.current.jobs.jobs;
    // test has no log: its logs endpoint answers 404, as for expired logs.
    const logs = new Map([
      [lint!.id, jobLog(lint!)],
      [build!.id, jobLog(build!)],
    ]);
    const { result, report, requests } = await summarize(api, run, {
      logs,
      inputs: { 'scan-logs': 'all' },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    const markers = report!.markers;
    assert.deepEqual(
      { logs: markers?.logs, unreadable: markers?.unreadable },
      { logs: 3, unreadable: 1 },
    );
    assert.match(report!.notices.join('\n'), /1 of 3 job logs could not be read/);
    // A gone log is not asked for twice.
    assert.equal(requests.filter((r) => /\/actions\/jobs\/\d+\/logs$/.test(r.path)).length, 3);
  });

  it('says so when the baseline run does not exist', async () => {
    const { result, report } = await summarize(api, smallGreenRun(), {
      inputs: { 'compare-to': '123456789' },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(report!.comparison, undefined);
    assert.match(report!.notices.join('\n'), /no baseline: run 123456789 does not exist/);
  });
});
