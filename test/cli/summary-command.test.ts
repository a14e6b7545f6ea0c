/** `lanekit summary`: timing-summary's report from recorded job lists. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../../src/rehearsal/runner.ts';
import { assertUsageError, lanekit } from './lanekit-process.ts';

const API = join(ROOT, 'test/fixtures/github-api');

describe('lanekit summary', () => {
  it('prints the Markdown summary of a recorded run attempt with its run', async () => {
    const run = await lanekit(
      API,
      'summary',
      '--jobs',
      'releng-2499110858.attempt-2.jobs.json',
      '--run',
      'releng-2499110858.attempt-2.run.json',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^### ⏱️ timing-summary: Push Metrics CI · run \[2499110858\]/);
    assert.match(run.stdout, /attempt 2/);
    assert.match(run.stdout, /my dummy job/);
  });

  it('--json: the report, its run read from the jobs when no run file is given', async () => {
    const run = await lanekit(API, 'summary', '--jobs', 'cilium-3106110597.jobs.json', '--json');
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      run: { id: number; htmlUrl: string };
      headline: { wallSeconds: number };
    };
    assert.equal(report.run.id, 3106110597);
    assert.equal(report.run.htmlUrl, 'https://github.com/cilium/cilium/actions/runs/3106110597');
    assert.ok(report.headline.wallSeconds > 0);
  });

  it('2: a missing --jobs, a file that is no job list, an unknown --target-job', async () => {
    assertUsageError(await lanekit(API, 'summary'), 'lanekit summary', 'missing --jobs FILE');
    assertUsageError(
      await lanekit(API, 'summary', '--jobs', 'cilium-3106110597.run.json'),
      'lanekit summary',
      '--jobs: expected a job list',
    );
    assertUsageError(
      await lanekit(
        API,
        'summary',
        '--jobs',
        'actions-timeline-5977929222.jobs-array.json',
        '--target-job',
        'nope',
      ),
      'lanekit summary',
      "--target-job: got 'nope'",
      'run_self',
    );
  });
});
