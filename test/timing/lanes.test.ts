import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLanesConfig } from '../../src/lanes/lanes-config.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';
import { analyzeRun } from '../../src/timing/analysis.ts';
import { matchLanePattern, parseLanePattern } from '../../src/timing/lane-pattern.ts';
import { runData } from './timed-run.ts';

const LANES = parseLanesConfig(
  `default: github
lanes:
  github: { runs-on: ubuntu-24.04, hosted: true, suffix: GitHub }
  velnor: { runs-on: [self-hosted, velnor], hosted: false, suffix: Velnor }
`,
  'lanes.yml',
);

const JOBS = [
  { name: 'changes', created: 0, started: 2, completed: 12 },
  { name: 'clippy (GitHub)', created: 12, started: 20, completed: 80 },
  { name: 'clippy (Velnor)', created: 12, started: 13, completed: 33 },
  { name: 'test (GitHub, core)', created: 12, started: 30, completed: 130, conclusion: 'failure' },
  { name: 'test (Velnor, core)', created: 12, started: 14, completed: 64 },
  { name: 'test (GitHub, cli)', created: 12, started: 25, completed: 45 },
  { name: 'docker (Velnor)', created: 12, started: 15, completed: null },
];

describe('lanes from a lanes file', () => {
  const report = analyzeRun(runData({ jobs: JOBS, readAt: 100, run: { status: 'in_progress' } }), {
    lanes: LANES,
  });

  it('totals each lane’s jobs, job time and queue time', () => {
    assert.deepEqual(report.lanes!.lanes, [
      {
        lane: 'github',
        jobs: 3,
        failed: 1,
        running: 0,
        seconds: 60 + 100 + 20,
        queueSeconds: 8 + 18 + 13,
        longest: { job: 'test (GitHub, core)', seconds: 100 },
      },
      {
        lane: 'velnor',
        jobs: 3,
        failed: 0,
        running: 1,
        // docker runs: its time so far (15 -> read at 100) counts.
        seconds: 20 + 50 + 85,
        queueSeconds: 1 + 2 + 3,
        longest: { job: 'docker (Velnor)', seconds: 85 },
      },
    ]);
    assert.equal(report.lanes!.other, 1);
    assert.equal(report.jobs.find((j) => j.name === 'clippy (Velnor)')!.lane, 'velnor');
  });

  it('sets the same job on both lanes side by side, longest first', () => {
    assert.deepEqual(report.lanes!.pairs, [
      { job: 'test (*, core)', seconds: { github: 100, velnor: 50 } },
      { job: 'clippy (*)', seconds: { github: 60, velnor: 20 } },
    ]);
  });
});

describe('lanes from a name pattern', () => {
  it('reads the lane where the pattern says, `* ({lane})`', () => {
    const report = analyzeRun(runData({ jobs: JOBS.slice(0, 3) }), {
      lanePattern: parseLanePattern('* ({lane})', 'lane-pattern'),
    });
    assert.deepEqual(
      report.lanes!.lanes.map((lane) => [lane.lane, lane.jobs, lane.seconds]),
      [
        ['GitHub', 1, 60],
        ['Velnor', 1, 20],
      ],
    );
    assert.deepEqual(report.lanes!.pairs, [
      { job: 'clippy (*)', seconds: { GitHub: 60, Velnor: 20 } },
    ]);
  });

  it('matches names with `*` and `?`, the rest literally', () => {
    const pattern = parseLanePattern('[{lane}] ?*', 'lane-pattern');
    assert.deepEqual(matchLanePattern(pattern, '[arm64] test'), { lane: 'arm64', key: '[*] test' });
    assert.equal(matchLanePattern(pattern, 'arm64 test'), undefined);
  });

  it('rejects a pattern without one {lane}', () => {
    for (const text of ['* (lane)', '{lane} {lane}', '']) {
      assert.throws(
        () => parseLanePattern(text, 'lane-pattern'),
        (error: unknown) =>
          error instanceof ConfigurationError &&
          error.message.startsWith(
            `lane-pattern: got '${text}', expected a job-name pattern with '{lane}' once`,
          ),
      );
    }
  });

  it('gives no lane figures without a lanes file or a pattern', () => {
    const report = analyzeRun(runData({ jobs: JOBS.slice(0, 3) }), {});
    assert.equal(report.lanes, undefined);
    assert.equal(report.jobs[1]!.lane, undefined);
  });
});
