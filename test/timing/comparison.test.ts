import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLanesConfig } from '../../src/lanes/lanes-config.ts';
import { analyzeRun } from '../../src/timing/analysis.ts';
import { at, job, runData, runInfo } from './timed-run.ts';

const LANES = parseLanesConfig(
  'default: github\nlanes:\n  github: { runs-on: x, hosted: true }\n  velnor: { runs-on: y, hosted: false }\n',
  'lanes.yml',
);

/** The baseline: created an hour before this run, so every figure counts from its own creation. */
const B = 3600;
const baseline = {
  run: runInfo({
    id: 6,
    createdAt: at(-B),
    runStartedAt: at(-B),
    updatedAt: at(-B + 400),
    htmlUrl: 'https://github.com/o/r/actions/runs/6',
  }),
  jobs: [
    job({ name: 'build (github)', created: -B, started: -B + 10, completed: -B + 250 }),
    job({ name: 'build (velnor)', created: -B, started: -B + 5, completed: -B + 100 }),
    job({
      name: 'test',
      created: -B + 250,
      started: -B + 260,
      completed: -B + 380,
      conclusion: 'failure',
      steps: [['cargo test', -B + 262, -B + 370, 'failure']],
    }),
    job({ name: 'gate', created: -B + 380, started: -B + 385, completed: -B + 390 }),
  ],
};

const current = runData({
  jobs: [
    { name: 'build (github)', created: 0, started: 10, completed: 190 },
    { name: 'build (velnor)', created: 0, started: 5, completed: 65 },
    { name: 'test', created: 190, started: 195, completed: 300 },
    { name: 'docs', created: 0, started: 3, completed: 40 },
    { name: 'gate', created: 300, started: 302, completed: 305 },
  ],
  data: { baseline },
});

describe('comparison with a baseline', () => {
  const report = analyzeRun(current, { targetJob: 'gate', lanes: LANES, top: 3 });
  const c = report.comparison!;

  it('sets wall, target gate and first red beside the baseline’s, each from its own run’s creation', () => {
    assert.deepEqual(
      [c.baselineRunId, c.baselineAttempt, c.baselineUrl],
      [6, 1, 'https://github.com/o/r/actions/runs/6'],
    );
    assert.deepEqual(c.wall, { current: 305, baseline: 390, delta: -85 });
    assert.deepEqual(c.target, { current: 305, baseline: 390, delta: -85 });
    // This run has no red; the baseline went red at 370.
    assert.deepEqual(c.firstRed, { current: null, baseline: 370, delta: null });
  });

  it('compares each lane’s job time and this run’s longest jobs', () => {
    assert.deepEqual(c.lanes, {
      github: { current: 180, baseline: 240, delta: -60 },
      velnor: { current: 60, baseline: 95, delta: -35 },
    });
    assert.deepEqual(c.jobs, [
      { job: 'build (github)', current: 180, baseline: 240, delta: -60 },
      { job: 'test', current: 105, baseline: 120, delta: -15 },
      { job: 'build (velnor)', current: 60, baseline: 95, delta: -35 },
    ]);
  });

  it('has no time for a job or target the baseline lacks, and no comparison without a baseline', () => {
    const docs = analyzeRun(current, { top: 10 }).comparison!.jobs.find((j) => j.job === 'docs');
    assert.deepEqual(docs, { job: 'docs', current: 37, baseline: null, delta: null });
    const other = analyzeRun(
      runData({ jobs: [{ name: 'deploy', completed: 9 }], data: { baseline } }),
      { targetJob: 'deploy' },
    );
    assert.deepEqual(other.comparison!.target, { current: 9, baseline: null, delta: null });
    assert.equal(
      analyzeRun(runData({ jobs: [{ name: 'a', completed: 1 }] }), {}).comparison,
      undefined,
    );
  });
});
