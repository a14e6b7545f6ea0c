import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDurations } from '../../src/lanes/shards.ts';
import { JSON_OUTPUT_LIMIT_BYTES, setJsonOutput } from '../../src/runner/json-output.ts';
import { analyzeRun } from '../../src/timing/analysis.ts';
import type { TimingReport } from '../../src/timing/report.ts';
import { TIMING_SHRINKS } from '../../src/timing/report-output.ts';
import { runInProcess } from '../../src/rehearsal/runner.ts';
import type { JobSpec } from './timed-run.ts';
import { runData } from './timed-run.ts';

/** Sets the `report` output in a step; returns what the output shows and what its file holds. */
async function reportOutput(report: TimingReport) {
  let whole = '';
  const result = await runInProcess(
    'marker-scanner',
    (context) => {
      setJsonOutput(context, 'report', report, TIMING_SHRINKS);
      // The step's temp dir goes with the step: read the file while it is there.
      whole = readFileSync(join(context.env.RUNNER_TEMP!, 'lanekit', 'timing-report.json'), 'utf8');
      return Promise.resolve();
    },
    { env: { GITHUB_ACTION: 'timing' } },
  );
  assert.match(result.outputs['report-file']!, /timing-report\.json$/);
  return { shown: result.outputs.report!, whole: JSON.parse(whole) as TimingReport };
}

const jobs = (count: number): JobSpec[] =>
  Array.from({ length: count }, (_, i) => ({
    name: `test (github, shard ${i})`,
    created: 0,
    started: 5,
    completed: 5 + (i % 300) + 1,
  }));

describe('the report output', () => {
  it('is the whole report when it fits, with durations lane-matrix reads as shard-durations', async () => {
    const report = analyzeRun(runData({ jobs: jobs(3) }), {});
    const { shown, whole } = await reportOutput(report);
    assert.deepEqual(JSON.parse(shown), whole);
    assert.deepEqual(
      [...parseDurations(whole.durations, 'shard-durations')],
      [
        ['test (github, shard 0)', 1],
        ['test (github, shard 1)', 2],
        ['test (github, shard 2)', 3],
      ],
    );
  });

  it('keeps the longest jobs and every figure under the output limit, and the file holds everything', async () => {
    const report = analyzeRun(runData({ jobs: jobs(1500) }), {});
    assert.ok(Buffer.byteLength(JSON.stringify(report)) > JSON_OUTPUT_LIMIT_BYTES);
    const { shown, whole } = await reportOutput(report);
    assert.ok(Buffer.byteLength(shown) <= JSON_OUTPUT_LIMIT_BYTES);
    const cut = JSON.parse(shown) as TimingReport & {
      truncated: { omittedJobs: number; bytes: number };
    };
    assert.equal(cut.jobs.length, 200);
    assert.equal(cut.jobs[0]!.seconds, 300);
    assert.equal(cut.truncated.omittedJobs, 1300);
    assert.deepEqual(cut.headline, JSON.parse(JSON.stringify(report.headline)));
    assert.deepEqual(cut.parallelism, report.parallelism);
    assert.equal(Object.keys(cut.durations).length, 1500);
    assert.equal(whole.jobs.length, 1500);
  });
});
