import { laneOfJob } from '../lanes/lane-of.ts';
import type { LanesConfig } from '../lanes/lanes-config.ts';
import { splitJobName } from '../workflow/job-names.ts';
import { ranThere } from './job-timing.ts';
import type { LanePattern } from './lane-pattern.ts';
import { matchLanePattern } from './lane-pattern.ts';
import type { JobTiming, LaneFigures, LanePair, LaneTotals } from './report.ts';

/** A job's lane and its name with the lane as `*`, by which its twin on another lane is found. */
export type LaneOf = (name: string) => { lane: string; key: string } | undefined;

/** Lanes from a lanes file, else from a name pattern; undefined when neither is given. */
export function laneReader(
  lanes: LanesConfig | undefined,
  pattern: LanePattern | undefined,
): LaneOf | undefined {
  if (lanes !== undefined) {
    return (name) => {
      const lane = laneOfJob(lanes, name);
      if (lane === undefined) return undefined;
      const { base, parts } = splitJobName(name);
      const index = parts.findIndex((part) => part === lane.suffix || part === lane.name);
      const rest = parts.map((part, i) => (i === index ? '*' : part));
      return { lane: lane.name, key: `${base} (${rest.join(', ')})` };
    };
  }
  if (pattern !== undefined) return (name) => matchLanePattern(pattern, name);
  return undefined;
}

const FAILED = new Set(['failure', 'timed_out', 'startup_failure']);

/**
 * Per lane: its jobs, their time and queue time; and jobs that ran on two or more lanes. Lanes
 * come in `order` (a lanes file's), else as their first jobs are listed.
 */
export function laneFigures(
  jobs: readonly JobTiming[],
  laneOf: LaneOf,
  order: readonly string[] = [],
): LaneFigures {
  const totals = new Map<string, LaneTotals>();
  const twins = new Map<string, Map<string, number | null>>();
  let other = 0;
  for (const job of jobs) {
    const found = laneOf(job.name);
    if (found === undefined) {
      other++;
      continue;
    }
    const { lane, key } = found;
    const sum = totals.get(lane) ?? {
      lane,
      jobs: 0,
      failed: 0,
      running: 0,
      seconds: 0,
      queueSeconds: 0,
      longest: undefined,
    };
    const ran = ranThere(job);
    const secondsRun = ran ? job.seconds! : 0;
    totals.set(lane, {
      lane,
      jobs: sum.jobs + 1,
      failed: sum.failed + (FAILED.has(job.conclusion ?? '') ? 1 : 0),
      running: sum.running + (job.running ? 1 : 0),
      seconds: sum.seconds + secondsRun,
      queueSeconds: sum.queueSeconds + (job.queueSeconds ?? 0),
      longest:
        ran && (sum.longest === undefined || secondsRun > sum.longest.seconds)
          ? { job: job.name, seconds: secondsRun }
          : sum.longest,
    });
    const byLane = twins.get(key) ?? new Map<string, number | null>();
    twins.set(key, byLane);
    const before = byLane.get(lane);
    const now = ran ? secondsRun : null;
    byLane.set(lane, before === undefined || before === null ? now : Math.max(before, now ?? 0));
  }
  const pairs: LanePair[] = [];
  for (const [job, byLane] of twins) {
    if (byLane.size > 1) pairs.push({ job, seconds: Object.fromEntries(byLane) });
  }
  const longest = (pair: LanePair) =>
    Math.max(0, ...Object.values(pair.seconds).map((s) => s ?? 0));
  pairs.sort((a, b) => longest(b) - longest(a));
  const rank = (lane: string) => (order.includes(lane) ? order.indexOf(lane) : order.length);
  const lanes = [...totals.values()].sort((a, b) => rank(a.lane) - rank(b.lane));
  return { lanes, pairs, other };
}
