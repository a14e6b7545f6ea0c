import { markdownText } from '../runner/neutralize.ts';
import { code, details, table } from '../runner/summary.ts';
import type { Dimensions } from './dimensions.ts';
import { formatSeconds } from '../common/duration.ts';
import type { Lane, LanesConfig, RunsOn } from './lanes-config.ts';
import type { LaneSelection } from './lane-selection.ts';
import type { Matrices } from './matrix.ts';
import type { ShardPlan } from './shards.ts';
import type { Trust } from './trust.ts';
import { shown } from '../common/shown.ts';

export interface MatrixReport {
  readonly config: LanesConfig;
  readonly selection: LaneSelection;
  readonly trust: Trust;
  readonly dimensions: Dimensions | undefined;
  readonly shards: ShardPlan | undefined;
  readonly matrices: Matrices;
}

function describeRunsOn(runsOn: RunsOn): string {
  if (typeof runsOn === 'string') return code(runsOn);
  if ('group' in runsOn) {
    const labels = runsOn.labels === undefined ? [] : [runsOn.labels].flat();
    return [`group ${code(runsOn.group)}`, ...labels.map(code)].join(', ');
  }
  return runsOn.map(code).join(', ');
}

function laneState(lane: Lane, report: MatrixReport): string {
  if (report.selection.lanes.includes(lane)) return '✅ runs';
  if (report.selection.dropped.includes(lane)) return '🚫 untrusted event';
  return '⏭️ not asked';
}

/** Share over ideal, as people compare: `+2.9%`. */
function overIdeal(largest: number, ideal: number): string {
  if (ideal <= 0) return '+0.0%';
  return `+${(((largest - ideal) / ideal) * 100).toFixed(1)}%`;
}

function shardSection(plan: ShardPlan): string {
  const rows = [
    ...(plan.canary
      ? [['canary', String(plan.canary.items.length), formatSeconds(plan.canary.expectedSeconds)]]
      : []),
    ...plan.shards.map((s) => [
      String(s.index),
      String(s.items.length),
      formatSeconds(s.expectedSeconds),
    ]),
  ];
  const largest = Math.max(...plan.shards.map((s) => s.expectedSeconds));
  let out = `\n${table(['shard', 'items', 'expected'], rows)}`;
  out += `\nLargest shard ${formatSeconds(largest)}, ideal ${formatSeconds(plan.idealSeconds)} (${overIdeal(largest, plan.idealSeconds)}).`;
  if (plan.withoutHistory.length > 0) {
    out += ` ${plan.withoutHistory.length} items without history counted as the median, ${formatSeconds(plan.fillSeconds)}.`;
  }
  if (plan.cappedFrom !== undefined) {
    out += ` ${plan.cappedFrom} shards were asked for, but there are only ${plan.shards.length} items to shard.`;
  }
  const items = [...(plan.canary ? [plan.canary] : []), ...plan.shards].map(
    (s) =>
      `- **${s.index === 0 ? 'canary' : `shard ${s.index}`}** (${formatSeconds(s.expectedSeconds)}): ${s.items.map(code).join(', ')}`,
  );
  return `${out}\n\n${details('Items of each shard', items.join('\n'))}`;
}

function legsSection(report: MatrixReport): string {
  const axes = report.dimensions?.axes ?? [];
  const sharded = report.shards !== undefined;
  const header = ['lane', ...axes, ...(sharded ? ['shard'] : [])];
  const all = [...(report.matrices.canary?.include ?? []), ...report.matrices.matrix.include];
  const rows = all.map((leg) => [
    code(typeof leg.lane === 'string' ? leg.lane : shown(leg.lane)),
    ...axes.map((axis) => {
      const value = leg[axis];
      return code(typeof value === 'string' ? value : shown(value ?? null));
    }),
    ...(sharded ? [leg.canary === true ? 'canary' : shown(leg.shard)] : []),
  ]);
  return details(`All ${all.length} legs`, table(header, rows));
}

/** The step summary of matrix mode: lanes first, then shards, legs folded. */
export function matrixSummary(report: MatrixReport): string {
  const { selection, matrices } = report;
  const factors = [
    `${selection.lanes.length} lane${selection.lanes.length === 1 ? '' : 's'}`,
    ...(report.dimensions ? [`${report.dimensions.entries.length} dimension entries`] : []),
    ...(report.shards ? [`${report.shards.shards.length} shards`] : []),
  ];
  let out = `### lane-matrix: ${factors.join(' × ')} = ${matrices.matrix.include.length} legs`;
  if (matrices.canary) out += `, behind ${matrices.canary.include.length} canary legs`;
  out += '\n\n';
  out += table(
    ['lane', 'runs-on', 'lane kind', 'runners', 'this run'],
    report.config.lanes.map((lane) => [
      code(lane.name) + (lane === report.config.defaultLane ? ' (default)' : ''),
      describeRunsOn(lane.runsOn),
      lane.required ? 'required' : 'optional',
      lane.hosted ? 'hosted' : 'self-hosted',
      laneState(lane, report),
    ]),
  );
  out += `\nEvent trust: ${report.trust.trusted ? 'trusted' : '**untrusted**'}, ${markdownText(report.trust.reason)}.\n`;
  if (selection.notice) out += `\n> ${markdownText(selection.notice)}\n`;
  if (report.shards) out += shardSection(report.shards);
  return `${out}\n${legsSection(report)}`;
}
