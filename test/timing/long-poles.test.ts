import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeRun } from '../../src/timing/analysis.ts';
import { longestJobs } from '../../src/timing/long-poles.ts';
import { runData } from './timed-run.ts';

describe('long poles', () => {
  const data = runData({
    run: { status: 'in_progress', conclusion: null },
    readAt: 400,
    jobs: [
      {
        name: 'build',
        created: 0,
        started: 30,
        completed: 330,
        // "Set up job" starts 2 s after the job: setup is started -> first step.
        steps: [
          ['Set up job', 32, 35],
          ['Compile', 35, 300],
          ['Never ran', null, null],
          ['Post cleanup', 300, 330],
        ],
      },
      {
        name: 'lint',
        created: 0,
        started: 10,
        completed: 70,
        steps: [
          ['Set up job', 10, 11],
          ['Lint', 11, 70],
        ],
      },
      { name: 'deploy', created: 0, started: 0, completed: 0, conclusion: 'skipped' },
      {
        name: 'summary',
        created: 330,
        started: 340,
        completed: null,
        steps: [
          ['Set up job', 340, 342],
          ['Summarize', 342, null],
        ],
      },
    ],
  });

  it('times each job: queue = created -> started, setup = started -> first step, run = first step -> end', () => {
    const report = analyzeRun(data, {});
    const build = report.jobs.find((j) => j.name === 'build')!;
    assert.deepEqual(
      [build.queueSeconds, build.setupSeconds, build.runSeconds, build.seconds],
      [30, 2, 298, 300],
    );
    const summary = report.jobs.find((j) => j.name === 'summary')!;
    assert.deepEqual(
      [
        summary.queueSeconds,
        summary.setupSeconds,
        summary.runSeconds,
        summary.seconds,
        summary.running,
      ],
      [10, 0, 60, 60, true],
    );
  });

  it('ranks the jobs that held a runner longest, skipped jobs left out', () => {
    const report = analyzeRun(data, {});
    assert.deepEqual(
      longestJobs(report.jobs, 3).map((j) => j.name),
      ['build', 'lint', 'summary'],
    );
    assert.deepEqual(
      longestJobs(report.jobs, 1).map((j) => j.name),
      ['build'],
    );
    assert.ok(!Object.hasOwn(report.durations, 'deploy'));
  });

  it('ranks the longest steps; a running step ends at the time of reading; a step that never ran has no time', () => {
    const report = analyzeRun(data, { top: 4 });
    assert.deepEqual(
      report.longestSteps.map((s) => [s.job, s.step, s.seconds, s.running]),
      [
        ['build', 'Compile', 265, false],
        ['lint', 'Lint', 59, false],
        ['summary', 'Summarize', 58, true],
        ['build', 'Post cleanup', 30, false],
      ],
    );
    assert.equal(report.longestSteps[0]!.url, `${report.jobs[0]!.url!}#step:2:1`);
  });

  it('gives durations of completed jobs by name, the longest of a repeated name, for shard balancing', () => {
    const repeated = runData({
      jobs: [
        { name: 'test', started: 0, completed: 50 },
        { name: 'test', started: 0, completed: 80 },
        { name: 'lint', started: 0, completed: 12.5 },
      ],
    });
    assert.deepEqual(analyzeRun(repeated, {}).durations, { test: 80, lint: 12.5 });
    assert.deepEqual(analyzeRun(data, {}).durations, { build: 300, lint: 60 });
  });
});
