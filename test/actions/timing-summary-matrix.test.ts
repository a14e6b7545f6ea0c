import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { jobLog, twoLaneMatrixRun } from '../harness/run-fixtures.ts';
import { summarize } from './timing-summary-scenario.ts';

let api: GitHubApiServer;
before(async () => {
  api = await GitHubApiServer.start();
});
after(async () => {
  await api.close();
});

const LANES = `default: github
lanes:
  github: { runs-on: ubuntu-latest, required: true, hosted: true }
  velnor: { runs-on: [self-hosted, velnor], required: false, hosted: false }
`;

const LOGS = /^\/repos\/[^/]+\/[^/]+\/actions\/jobs\/\d+\/logs$/;

describe('timing-summary on a 300-job two-lane matrix run', () => {
  it('scans every log within its call budget: 1 + ⌈jobs/100⌉ + a constant + one per log', async () => {
    const run = twoLaneMatrixRun();
    const jobs = run.current.jobs.jobs;
    assert.equal(jobs.length, 300);
    const cold = jobs.find((job) => job.name === 'clippy (velnor, 7)')!;
    const logs = new Map(
      jobs.map((job) => [job.id, jobLog(job, job === cold ? ['  Downloaded serde v1.0.219'] : [])]),
    );
    const { result, report, requests, apiRequests } = await summarize(api, run, {
      logs,
      inputs: { 'scan-logs': 'all', 'lanes-file': LANES, concurrency: '8' },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    const scanned = jobs.filter(
      (job) => job.status === 'completed' && job.conclusion !== 'skipped',
    );
    assert.equal(requests.filter((r) => LOGS.test(r.path)).length, scanned.length);
    assert.equal(report!.markers?.logs, scanned.length);
    const baselinePages = Math.ceil(run.baseline.jobs.jobs.length / 100);
    // attempt + 3 pages of jobs + workflow file + cache usage + runs listing + baseline attempt
    // and its pages.
    assert.equal(apiRequests, 1 + 3 + 1 + 1 + 1 + 1 + baselinePages + scanned.length);
    assert.equal(report!.totalJobs, 300);
    // Per lane: warmup, 49 clippy and 98 test shards; the rest are in no lane.
    assert.deepEqual(
      report!.lanes?.lanes.map((lane) => [lane.lane, lane.jobs]),
      [
        ['github', 148],
        ['velnor', 148],
      ],
    );
    assert.deepEqual(report!.markers.lanes, { velnor: 1 });
    assert.ok(Buffer.byteLength(result.summary) < 900 * 1024);
    assert.ok(Buffer.byteLength(result.outputs.report!) <= 256 * 1024);
  });

  it('shows its own job as running, found by check-run-id or by the runner it runs on', async () => {
    const run = twoLaneMatrixRun({ ownJobRunning: true });
    const own = run.current.jobs.jobs.find((job) => job.id === run.ownJobId)!;
    assert.equal(own.status, 'in_progress');
    const byId = await summarize(api, run, { inputs: { 'check-run-id': String(own.id) } });
    const byRunner = await summarize(api, run, { env: { RUNNER_NAME: own.runner_name! } });
    for (const { result, report } of [byId, byRunner]) {
      assert.equal(result.exitCode, 0, result.stdout);
      const timed = report!.jobs.filter((job) => job.own);
      assert.deepEqual(
        timed.map((job) => ({ id: job.id, running: job.running })),
        [{ id: own.id, running: true }],
      );
    }
  });
});
