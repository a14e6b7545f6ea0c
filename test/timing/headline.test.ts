import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeRun } from '../../src/timing/analysis.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';
import type { MarkersReport } from '../../src/markers/report.ts';
import { at, job, runData } from './timed-run.ts';

const WORKFLOW = `
jobs:
  build: { runs-on: ubuntu-latest, strategy: { matrix: { os: [linux, mac] } } }
  gate: { runs-on: ubuntu-latest, needs: build, name: CI required }
`;

describe('headline: wall', () => {
  it('runs from the run’s creation to the last completion, queue time included', () => {
    // The first job waits 40 s for a runner: a wall taken from the first start would hide it.
    const report = analyzeRun(
      runData({
        jobs: [
          { name: 'a', created: 0, started: 40, completed: 100 },
          { name: 'b', created: 0, started: 45, completed: 160 },
        ],
        readAt: 500,
      }),
      {},
    );
    assert.equal(report.headline.wallSeconds, 160);
    assert.equal(report.headline.running, false);
  });

  it('ends at the time of reading while a job runs', () => {
    const report = analyzeRun(
      runData({
        run: { status: 'in_progress', conclusion: null },
        jobs: [
          { name: 'a', created: 0, started: 10, completed: 100 },
          { name: 'summary', created: 100, started: 105, completed: null },
        ],
        readAt: 130,
      }),
      {},
    );
    assert.equal(report.headline.wallSeconds, 130);
    assert.equal(report.headline.running, true);
    assert.equal(report.headline.status, 'in_progress');
  });

  it('counts a re-run attempt from its own start, and keeps the earlier attempts’ links', () => {
    const report = analyzeRun(
      runData({
        run: {
          attempt: 2,
          runStartedAt: at(3600),
          previousAttempts: [
            { attempt: 1, htmlUrl: 'https://github.com/o/r/actions/runs/7/attempts/1' },
          ],
        },
        jobs: [{ name: 'a', created: 3600, started: 3630, completed: 3700 }],
      }),
      {},
    );
    assert.equal(report.origin, at(3600));
    assert.equal(report.headline.wallSeconds, 100);
    assert.equal(report.jobs[0]!.startOffset, 30);
    assert.deepEqual(
      report.run.previousAttempts.map((a) => a.attempt),
      [1],
    );
  });
});

describe('headline: target gate', () => {
  const jobs = [
    { name: 'build (linux)', created: 0, started: 5, completed: 100 },
    { name: 'build (mac)', created: 0, started: 8, completed: 140 },
    { name: 'CI required', created: 140, started: 150, completed: 155 },
    { name: 'late', created: 0, started: 5, completed: 300 },
  ];

  it('is the last leg of a matrix job, by workflow job id', () => {
    const report = analyzeRun(runData({ jobs, workflow: WORKFLOW }), { targetJob: 'build' });
    assert.deepEqual(report.headline.target, {
      target: 'build',
      jobs: ['build (linux)', 'build (mac)'],
      seconds: 140,
      conclusion: 'success',
    });
  });

  it('is found by the name the run lists, or the job’s `name:`, from the run’s creation', () => {
    for (const data of [runData({ jobs }), runData({ jobs, workflow: WORKFLOW })]) {
      const report = analyzeRun(data, { targetJob: 'CI required' });
      assert.equal(report.headline.target?.seconds, 155);
    }
    const byId = analyzeRun(runData({ jobs, workflow: WORKFLOW }), { targetJob: 'gate' });
    assert.equal(byId.headline.target?.seconds, 155);
  });

  it('is not reached while the workflow job is not listed yet, or a leg runs', () => {
    const waiting = analyzeRun(
      runData({ jobs: jobs.slice(0, 2), workflow: WORKFLOW, run: { status: 'in_progress' } }),
      { targetJob: 'gate' },
    );
    assert.deepEqual(waiting.headline.target, {
      target: 'gate',
      jobs: [],
      seconds: null,
      conclusion: null,
    });
    const running = analyzeRun(
      runData({
        jobs: [jobs[0]!, { ...jobs[1]!, completed: null }],
        workflow: WORKFLOW,
        readAt: 120,
        run: { status: 'in_progress' },
      }),
      { targetJob: 'build' },
    );
    assert.equal(running.headline.target?.seconds, null);
  });

  it('takes a leg’s name for that leg alone, not reached while it is not listed', () => {
    const report = analyzeRun(
      runData({ jobs: [jobs[0]!], workflow: WORKFLOW, run: { status: 'in_progress' } }),
      { targetJob: 'build (mac)' },
    );
    assert.deepEqual(report.headline.target?.jobs, []);
    const listed = analyzeRun(runData({ jobs, workflow: WORKFLOW }), {
      targetJob: 'build (linux)',
    });
    assert.deepEqual(listed.headline.target?.seconds, 100);
  });

  it('takes the conclusion of a leg that did not succeed', () => {
    const report = analyzeRun(
      runData({ jobs: [jobs[0]!, { ...jobs[1]!, conclusion: 'failure' }], workflow: WORKFLOW }),
      { targetJob: 'build' },
    );
    assert.equal(report.headline.target?.conclusion, 'failure');
  });

  it('rejects an unknown target, naming target-job and listing the jobs', () => {
    assert.throws(
      () => analyzeRun(runData({ jobs, workflow: WORKFLOW }), { targetJob: 'ci-required' }),
      (error: unknown) =>
        error instanceof ConfigurationError &&
        /^target-job: got 'ci-required', expected a job id of the workflow or a job name the run lists: 'build', 'gate', 'build \(linux\)'/.test(
          error.message,
        ),
    );
    // Without the workflow file, a complete run tells that the name is unknown.
    assert.throws(() => analyzeRun(runData({ jobs }), { targetJob: 'nope' }), ConfigurationError);
  });

  it('says so, and does not fail, when a running run without its workflow file lacks the target', () => {
    const report = analyzeRun(runData({ jobs, run: { status: 'in_progress' } }), {
      targetJob: 'deploy',
    });
    assert.equal(report.headline.target, undefined);
    assert.match(
      report.notices.join('\n'),
      /target-job 'deploy' is not among the jobs listed so far/,
    );
  });
});

describe('headline: first red', () => {
  it('is the failed step that ended first, with a link to that step', () => {
    const failing = job({
      name: 'test',
      id: 42,
      started: 10,
      completed: 200,
      conclusion: 'failure',
      steps: [
        ['Set up job', 10, 12],
        ['Run tests', 12, 90, 'failure'],
        ['Upload logs', 90, 95],
      ],
    });
    const report = analyzeRun(
      runData({
        jobs: [
          // A job that failed without a failed step (a timeout) at 120: later than the step.
          { name: 'slow', started: 5, completed: 120, conclusion: 'timed_out' },
          failing,
          { name: 'other', started: 5, completed: 60, conclusion: 'cancelled' },
        ],
      }),
      {},
    );
    assert.deepEqual(report.headline.firstRed, {
      job: 'test',
      step: 'Run tests',
      url: 'https://github.com/o/r/actions/runs/7/job/42#step:2:1',
      seconds: 90,
    });
  });

  it('is a failed job without a failed step, at its completion; none on a green run', () => {
    const red = analyzeRun(
      runData({
        jobs: [{ name: 'boot', id: 5, started: 5, completed: 30, conclusion: 'startup_failure' }],
      }),
      {},
    );
    assert.deepEqual(red.headline.firstRed, {
      job: 'boot',
      step: undefined,
      url: 'https://github.com/o/r/actions/runs/7/job/5',
      seconds: 30,
    });
    const green = analyzeRun(runData({ jobs: [{ name: 'a', completed: 9 }] }), {});
    assert.equal(green.headline.firstRed, undefined);
  });

  it('counts a failed step of a job still running', () => {
    const report = analyzeRun(
      runData({
        run: { status: 'in_progress' },
        jobs: [
          {
            name: 'matrix leg',
            started: 0,
            completed: null,
            steps: [
              ['lint', 0, 25, 'failure'],
              ['test', 25, null],
            ],
          },
        ],
        readAt: 60,
      }),
      {},
    );
    const red = report.headline.firstRed;
    assert.deepEqual([red?.seconds, red?.step], [25, 'lint']);
  });
});

describe('headline: status and markers', () => {
  it('carries the run’s status and the verdict of the scanned logs', () => {
    const markers = {
      verdict: 'markers',
      total: 3,
      explained: 1,
      failing: 0,
      categories: {},
      lanes: {},
      rules: {},
      sources: [],
      unreadable: 0,
      fails: false,
    } satisfies MarkersReport;
    const report = analyzeRun(
      runData({
        run: { status: 'completed', conclusion: 'failure' },
        jobs: [{ name: 'a', completed: 5 }],
        data: { markers },
      }),
      {},
    );
    assert.equal(report.headline.conclusion, 'failure');
    assert.deepEqual(report.headline.markers, { verdict: 'markers', total: 3 });
    const unscanned = analyzeRun(runData({ jobs: [{ name: 'a', completed: 5 }] }), {});
    assert.equal(unscanned.headline.markers, undefined);
  });
});
