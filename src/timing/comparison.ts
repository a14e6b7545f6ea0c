import type { Comparison, Delta } from './report.ts';
import type { RunInfo } from './run-data.ts';

/** The figures of one run that a comparison sets side by side. */
export interface RunFigures {
  readonly wallSeconds: number;
  readonly targetSeconds: number | null;
  readonly firstRedSeconds: number | null;
  /** Job time per lane. */
  readonly laneSeconds: ReadonlyMap<string, number>;
  /** The longest job of each name (names are not unique). */
  readonly jobSeconds: ReadonlyMap<string, number>;
}

function delta(current: number | null, baseline: number | null): Delta {
  return {
    current,
    baseline,
    delta: current === null || baseline === null ? null : current - baseline,
  };
}

/**
 * This run beside the baseline: wall, target gate, first red, each lane of either run, and the
 * jobs named (this run's longest), positive deltas slower.
 */
export function compareRuns(
  current: RunFigures,
  baseline: RunFigures,
  baselineRun: RunInfo,
  jobs: readonly string[],
): Comparison {
  const lanes: Record<string, Delta> = {};
  for (const lane of new Set([...current.laneSeconds.keys(), ...baseline.laneSeconds.keys()])) {
    lanes[lane] = delta(
      current.laneSeconds.get(lane) ?? null,
      baseline.laneSeconds.get(lane) ?? null,
    );
  }
  return {
    baselineRunId: baselineRun.id,
    baselineAttempt: baselineRun.attempt,
    baselineUrl: baselineRun.htmlUrl,
    wall: delta(current.wallSeconds, baseline.wallSeconds),
    target: delta(current.targetSeconds, baseline.targetSeconds),
    firstRed: delta(current.firstRedSeconds, baseline.firstRedSeconds),
    lanes,
    jobs: jobs.map((job) => ({
      job,
      ...delta(current.jobSeconds.get(job) ?? null, baseline.jobSeconds.get(job) ?? null),
    })),
  };
}
