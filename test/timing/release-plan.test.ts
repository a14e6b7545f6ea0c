import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeRun } from '../../src/timing/analysis.ts';
import type { JobSpec } from './timed-run.ts';
import { runData } from './timed-run.ts';

/*
 * The release campaign plan lanekit was asked for (a v0.6.3 release in five stages), in the
 * suite's shared context documents as 000_36b3f85a6c3819ac.txt; its figures are copied here, so
 * the test reads nothing outside the repository. "Wall time = max of any single phase or batch":
 * a hard sequential chain of stages with parallel work inside each.
 *
 * | Stage                              | Sequential | Parallel | Saved    |
 * | 1 · Pre-tag prep (with overlap)    | 2h         | 1h       | −1h      |
 * | 2 · Ship-gate phases 1-4           | 4h         | 2h       | −2h      |
 * | 2 · A2A 48 scenarios               | 5h         | 45m      | −4h 15m  |
 * | 3 · Tag + release pipeline         | 2h         | 2h       | 0        |
 * | 4 · Distribution-channel smoke     | 2h         | 15m      | −1h 45m  |
 * | 5 · Sync + evidence publish        | 1h         | 30m      | −30m     |
 * | Total wall-clock                   | 16h        | ~6.5h    | −9.5h    |
 *
 * "Stage 2's a2a-gate runs concurrent with ship-gate phases — its 45m wall happens within
 * ship-gate's 2h envelope. Total Stage 2 wall = max(phases, a2a) = 2h." and "Total: ~5h45m. Add
 * ~30-45m of buffer [...] — call it ~6.5h wall."
 *
 * Each row becomes jobs whose sum is its Sequential figure and whose longest is its Parallel
 * one. Where the plan's detail tables give those figures (ship-gate phases 30m, 1h, 30m, 2h; the
 * release pipeline's 45m build, 15m sign, 30m publish, 30m overhead in a chain) they are used as
 * they are. Where the detail does not add up to the plan's own stage figure (A2A's four batches
 * of 30+30+30+45m are 2h15m, not 5h; the four smoke channels are 55m, not 2h; stage 1's items are
 * 1h55m with a 45m longest branch, not 1h), the stage figure rules, with legs of equal length.
 */
const MIN = 60;

const STAGES = `
jobs:
  prep-gates: { runs-on: ubuntu-latest }
  prep-overlap: { runs-on: ubuntu-latest }
  ship-gate:
    needs: [prep-gates, prep-overlap]
    runs-on: ubuntu-latest
    strategy: { matrix: { phase: [functional, multi-agent, migration, chaos] } }
  a2a:
    needs: [prep-gates, prep-overlap]
    runs-on: ubuntu-latest
    strategy: { matrix: { batch: [1, 2, 3, 4, 5, 6, 7, 8] } }
  release-build: { needs: [ship-gate, a2a], runs-on: ubuntu-latest }
  release-sign: { needs: release-build, runs-on: ubuntu-latest }
  release-publish: { needs: release-sign, runs-on: ubuntu-latest }
  pipeline-waits: { needs: release-publish, runs-on: ubuntu-latest }
  smoke:
    needs: pipeline-waits
    runs-on: ubuntu-latest
    strategy: { matrix: { channel: [homebrew, crates-io, ghcr, copr, homebrew-arm, crates-io-arm, ghcr-arm, copr-arm] } }
  sync: { needs: smoke, runs-on: ubuntu-latest }
  evidence: { needs: smoke, runs-on: ubuntu-latest }
`;

/** A job that starts the moment it is ready and takes `minutes`. */
const timed = (name: string, readyMinutes: number, minutes: number): JobSpec => ({
  name,
  created: readyMinutes * MIN,
  started: readyMinutes * MIN,
  completed: (readyMinutes + minutes) * MIN,
});

const JOBS: JobSpec[] = [
  // Stage 1, 0 -> 1h.
  timed('prep-gates', 0, 60),
  timed('prep-overlap', 0, 60),
  // Stage 2, 1h -> 3h: ship-gate phases beside the A2A batches.
  timed('ship-gate (functional)', 60, 30),
  timed('ship-gate (multi-agent)', 60, 60),
  timed('ship-gate (migration)', 60, 30),
  timed('ship-gate (chaos)', 60, 120),
  ...[45, 45, 45, 45, 30, 30, 30, 30].map((minutes, i) => timed(`a2a (${i + 1})`, 60, minutes)),
  // Stage 3, 3h -> 5h: one chain.
  timed('release-build', 180, 45),
  timed('release-sign', 225, 15),
  timed('release-publish', 240, 30),
  timed('pipeline-waits', 270, 30),
  // Stage 4, 5h -> 5h15m.
  ...[
    'homebrew',
    'crates-io',
    'ghcr',
    'copr',
    'homebrew-arm',
    'crates-io-arm',
    'ghcr-arm',
    'copr-arm',
  ].map((channel) => timed(`smoke (${channel})`, 300, 15)),
  // Stage 5, 5h15m -> 5h45m.
  timed('sync', 315, 30),
  timed('evidence', 315, 30),
];

const HOUR = 3600;

describe('the release plan as a workflow', () => {
  const report = analyzeRun(runData({ jobs: JOBS, workflow: STAGES }), {});

  it('has the plan’s wall: 5h45m, the longest branch through the stages', () => {
    assert.equal(report.headline.wallSeconds, 5 * HOUR + 45 * MIN);
    assert.equal(report.parallelism.wallSeconds, 5 * HOUR + 45 * MIN);
  });

  it('has the plan’s sequential sum: 2h + 4h + 5h + 2h + 2h + 1h = 16h', () => {
    assert.equal(report.parallelism.sequentialSeconds, 16 * HOUR);
  });

  it('saves 16h − 5h45m = 10h15m; with the plan’s ~45m buffer (~6.5h wall) that is its −9.5h', () => {
    assert.equal(report.parallelism.savedSeconds, 10 * HOUR + 15 * MIN);
    const buffer = 45 * MIN;
    assert.equal(report.parallelism.savedSeconds - buffer, 9.5 * HOUR);
    assert.equal(report.parallelism.wallSeconds + buffer, 6.5 * HOUR);
  });

  it('walks the hard chain of stages, through ship-gate’s 2h phase, not A2A', () => {
    const chain = report.criticalPath!.chain;
    assert.deepEqual(
      chain.map((job) => [job.job, job.spanSeconds / MIN]),
      [
        ['prep-overlap', 60],
        ['ship-gate', 120],
        ['release-build', 45],
        ['release-sign', 15],
        ['release-publish', 30],
        ['pipeline-waits', 30],
        ['smoke', 15],
        ['evidence', 30],
      ],
    );
    assert.equal(
      chain.reduce((sum, job) => sum + job.spanSeconds, 0),
      report.parallelism.wallSeconds,
    );
  });

  it('gives A2A the slack the plan describes: its 45m inside ship-gate’s 2h envelope, 75m to spare', () => {
    const slack = Object.fromEntries(
      report.criticalPath!.jobs.map((job) => [job.job, job.slackSeconds / MIN]),
    );
    assert.equal(slack.a2a, 120 - 45);
    assert.equal(slack['ship-gate'], 0);
    assert.equal(slack.sync, 0);
    assert.equal(slack['prep-gates'], 0);
  });
});
