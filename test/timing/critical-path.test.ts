import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeRun } from '../../src/timing/analysis.ts';
import type { PathJob } from '../../src/timing/report.ts';
import type { JobSpec } from './timed-run.ts';
import { runData } from './timed-run.ts';

/**
 * A needs graph with a chain, a matrix (test), a reusable workflow (build, listed as
 * `build / compile (...)`) and a job with a `name:` (required).
 */
const WORKFLOW = `
on: pull_request
jobs:
  changes: { runs-on: ubuntu-latest }
  lint: { needs: changes, runs-on: ubuntu-latest }
  test:
    needs: changes
    runs-on: ubuntu-latest
    strategy: { matrix: { shard: [1, 2, 3] } }
  build:
    needs: changes
    uses: ./.github/workflows/build.yml
  e2e: { needs: [build, test], runs-on: ubuntu-latest }
  required:
    name: CI required
    needs: [lint, e2e]
    runs-on: ubuntu-latest
`;

const JOBS: JobSpec[] = [
  { name: 'changes', created: 0, started: 5, completed: 20 },
  { name: 'lint', created: 20, started: 25, completed: 80 },
  { name: 'test (1)', created: 20, started: 30, completed: 100 },
  { name: 'test (2)', created: 20, started: 22, completed: 130 },
  { name: 'test (3)', created: 20, started: 40, completed: 110 },
  { name: 'build / compile (linux)', created: 20, started: 24, completed: 90 },
  { name: 'build / compile (mac)', created: 20, started: 30, completed: 140 },
  { name: 'e2e', created: 140, started: 150, completed: 200 },
  { name: 'CI required', created: 200, started: 203, completed: 210 },
];

const row = (job: PathJob) => [
  job.job,
  job.legs,
  job.readyOffset,
  job.startOffset,
  job.finishOffset,
  job.spanSeconds,
  job.slackSeconds,
];

describe('critical path', () => {
  it('follows the needs that finished last: the chain that set the wall', () => {
    const report = analyzeRun(runData({ jobs: JOBS, workflow: WORKFLOW }), {});
    const path = report.criticalPath!;
    // job, legs, ready, started, finished, took (ready -> finished), slack
    assert.deepEqual(path.chain.map(row), [
      ['changes', 1, 0, 5, 20, 20, 0],
      ['build', 2, 20, 24, 140, 120, 0],
      ['e2e', 1, 140, 150, 200, 60, 0],
      ['required', 1, 200, 203, 210, 10, 0],
    ]);
    assert.deepEqual(path.unmatched, []);
  });

  it('gives every job its slack: how much later it could have finished, the wall unmoved', () => {
    const report = analyzeRun(runData({ jobs: JOBS, workflow: WORKFLOW }), {});
    const slack = Object.fromEntries(report.criticalPath!.jobs.map((j) => [j.job, j.slackSeconds]));
    // test finished at 130, e2e waited for build until 140: 10 s. lint finished at 80, and
    // required (10 s from ready) could have started as late as 200: 120 s.
    assert.deepEqual(slack, { changes: 0, build: 0, e2e: 0, required: 0, test: 10, lint: 120 });
    assert.deepEqual(
      report.criticalPath!.jobs.map((j) => j.job),
      ['changes', 'build', 'e2e', 'required', 'test', 'lint'],
    );
  });

  it('sets the sequential sum of every job beside the measured wall', () => {
    const report = analyzeRun(runData({ jobs: JOBS, workflow: WORKFLOW }), {});
    // 15 + 55 + (70 + 108 + 70) + (66 + 110) + 50 + 7
    assert.deepEqual(report.parallelism, {
      sequentialSeconds: 551,
      wallSeconds: 210,
      savedSeconds: 341,
    });
  });

  it('ends at a running job, at the time of reading, with the jobs not listed yet passed by', () => {
    const running: JobSpec[] = [
      ...JOBS.slice(0, 7),
      { name: 'e2e', created: 140, started: 150, completed: null },
    ];
    const report = analyzeRun(
      runData({ jobs: running, workflow: WORKFLOW, readAt: 180, run: { status: 'in_progress' } }),
      {},
    );
    const chain = report.criticalPath!.chain;
    assert.deepEqual(
      chain.map((j) => j.job),
      ['changes', 'build', 'e2e'],
    );
    assert.equal(chain[2]!.finishOffset, 180);
    assert.equal(chain[2]!.running, true);
    assert.equal(report.headline.wallSeconds, 180);
  });

  it('lists jobs the workflow does not name, and leaves them off the graph', () => {
    const report = analyzeRun(
      runData({
        jobs: [...JOBS, { name: 'stray (x)', created: 0, started: 1, completed: 250 }],
        workflow: WORKFLOW,
      }),
      {},
    );
    assert.deepEqual(report.criticalPath!.unmatched, ['stray (x)']);
    // The wall (250) is past the graph's last finish: the graph's last job has 40 s of slack.
    const required = report.criticalPath!.jobs.find((j) => j.job === 'required')!;
    assert.equal(required.slackSeconds, 40);
  });

  it('gives a notice, not a failure, without a workflow file or with needs in a cycle', () => {
    const none = analyzeRun(runData({ jobs: JOBS }), {});
    assert.equal(none.criticalPath, undefined);
    assert.match(none.notices.join('\n'), /No critical path: the workflow file was not read/);
    assert.equal(none.parallelism.sequentialSeconds, 551);
    const cycle = analyzeRun(
      runData({
        jobs: JOBS,
        workflow: 'jobs:\n  a: { needs: b, runs-on: x }\n  b: { needs: a, runs-on: x }\n',
      }),
      {},
    );
    assert.equal(cycle.criticalPath, undefined);
    assert.match(cycle.notices.join('\n'), /needs form a cycle/);
  });
});
