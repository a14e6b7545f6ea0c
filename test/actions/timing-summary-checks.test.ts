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

const errorOf = (stdout: string) =>
  stdout
    .split('\n')
    .find((line) => line.startsWith('::error'))
    ?.replace(/^::error[^:]*::/, '');

describe('timing-summary refuses bad input, naming the input, the value and what is allowed', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'an unknown target job',
      { 'target-job': 'deploy' },
      /^timing-summary: target-job: got 'deploy', expected a job id of the workflow or a job name the run lists: 'lint', 'build', 'test'/,
    ],
    [
      'a bad cache budget',
      { 'cache-budget': '10 gigs' },
      /^timing-summary: cache-budget: got '10 gigs', expected a size above 0/,
    ],
    [
      'a bad compare-to',
      { 'compare-to': 'main' },
      /^timing-summary: compare-to: got 'main', expected default-branch\|none\|<run id>/,
    ],
    [
      'a bad scan-logs',
      { 'scan-logs': 'some' },
      /^timing-summary: scan-logs: got 'some', expected one of none\|failed\|all/,
    ],
    [
      'fail-on-markers without logs to scan',
      { 'fail-on-markers': 'download' },
      /^timing-summary: fail-on-markers: got 'download', expected scan-logs: failed or all/,
    ],
    [
      'max-target-seconds without a target',
      { 'max-target-seconds': '600' },
      /^timing-summary: max-target-seconds: set target-job/,
    ],
    [
      'a lane pattern without {lane}',
      { 'lane-pattern': '* (lane)' },
      /^timing-summary: lane-pattern: got '\* \(lane\)', expected a job-name pattern with '\{lane\}'/,
    ],
  ];
  for (const [what, inputs, message] of cases) {
    it(what, async () => {
      const { result } = await summarize(api, smallGreenRun(), { inputs });
      assert.equal(result.exitCode, 1);
      assert.match(errorOf(result.stdout) ?? '', message);
    });
  }

  it('reads no API for input it refuses before reading the run', async () => {
    const { apiRequests } = await summarize(api, smallGreenRun(), {
      inputs: { 'cache-budget': '-1' },
    });
    assert.equal(apiRequests, 0);
  });
});

describe('timing-summary fails the step only when asked', () => {
  it('fails for max-target-seconds below the target gate, and passes above it', async () => {
    const slow = await summarize(api, smallGreenRun(), {
      inputs: { 'target-job': 'test', 'max-target-seconds': '170' },
    });
    assert.equal(slow.result.exitCode, 1);
    assert.equal(
      errorOf(slow.result.stdout),
      "timing-summary: target-job 'test' took 173 s from the run's creation, more than max-target-seconds 170",
    );
    assert.equal(slow.result.outputs['target-seconds'], '173', 'the outputs are written first');
    const fast = await summarize(api, smallGreenRun(), {
      inputs: { 'target-job': 'test', 'max-target-seconds': '180' },
    });
    assert.equal(fast.result.exitCode, 0, fast.result.stdout);
  });

  it('fails for fail-on-markers when a scanned log holds one', async () => {
    const run = smallGreenRun();
    const [lint, build, test] = run.current.jobs.jobs;
    const logs = new Map([
      [lint!.id, jobLog(lint!, ['   Compiling serde v1.0.219'])],
      [build!.id, jobLog(build!, ['  Downloaded serde v1.0.219', '   Compiling serde v1.0.219'])],
      [test!.id, jobLog(test!)],
    ]);
    const { result, report } = await summarize(api, run, {
      logs,
      inputs: { 'scan-logs': 'all', 'fail-on-markers': 'download' },
    });
    assert.equal(result.exitCode, 1, result.stdout);
    assert.match(
      errorOf(result.stdout) ?? '',
      /^timing-summary: fail-on-markers: 1 markers match download/,
    );
    assert.equal(report!.headline.markers?.verdict, 'markers');
    assert.ok(result.summary.length > 0, 'the summary is written before failing');
  });

  it('only reports markers without fail-on-markers', async () => {
    const run = smallGreenRun();
    const logs = new Map(
      run.current.jobs.jobs.map((job) => [job.id, jobLog(job, ['  Downloaded serde v1.0.219'])]),
    );
    const { result, report } = await summarize(api, run, { logs, inputs: { 'scan-logs': 'all' } });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(report!.markers?.total, 3);
  });
});
