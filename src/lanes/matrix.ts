import { ConfigurationError } from '../runner/errors.ts';
import type { DimensionEntry, Dimensions, JsonValue } from './dimensions.ts';
import type { Lane } from './lanes-config.ts';
import type { Shard, ShardPlan } from './shards.ts';

/** GitHub runs at most this many legs of one job's matrix. */
export const MAX_MATRIX_LEGS = 256;

/** The keys lane-matrix writes in every leg; dimensions cannot take them. */
const LEG_KEYS = [
  'lane',
  'suffix',
  'runner',
  'required',
  'optional',
  'hosted',
  'artifact-suffix',
  'env',
] as const;
/** The keys of a sharded leg. */
const SHARD_KEYS = ['shard', 'shards', 'items', 'expected-seconds', 'canary'] as const;
export const RESERVED_MATRIX_KEYS: readonly string[] = [
  ...LEG_KEYS,
  ...SHARD_KEYS,
  'include',
  'exclude',
];

export type MatrixLeg = Readonly<Record<string, JsonValue>>;

/** What `strategy.matrix: ${{ fromJSON(...) }}` reads: legs as `include` entries, no axes. */
export interface Matrix {
  readonly include: readonly MatrixLeg[];
}

export interface MatrixRequest {
  readonly lanes: readonly Lane[];
  readonly dimensions: Dimensions | undefined;
  readonly shards: ShardPlan | undefined;
}

export interface Matrices {
  readonly matrix: Matrix;
  /** The canary's legs, when the shards have one: run them first, the matrix behind them. */
  readonly canary: Matrix | undefined;
}

/** Everything a leg's job needs from its lane. */
function laneKeys(lane: Lane): Record<string, JsonValue> {
  return {
    lane: lane.name,
    suffix: lane.suffix,
    // A JSON string, so `runs-on: ${{ fromJSON(matrix.runner) }}` gives back the exact value,
    // label, list or group, in any expression context.
    runner: JSON.stringify(lane.runsOn),
    required: lane.required,
    // `continue-on-error: ${{ matrix.optional }}` keeps an optional lane's failure out of the
    // job's result, so `needs` stays green when only the optional lane is red.
    optional: !lane.required,
    hosted: lane.hosted,
    'artifact-suffix': lane.artifactSuffix,
    env: { ...lane.env },
  };
}

function shardKeys(shard: Shard, count: number): Record<string, JsonValue> {
  return {
    shard: shard.index,
    shards: count,
    items: [...shard.items],
    'expected-seconds': Math.round(shard.expectedSeconds * 10) / 10,
    canary: shard.index === 0,
  };
}

function legs(
  lanes: readonly Lane[],
  entries: readonly DimensionEntry[],
  shards: readonly (Record<string, JsonValue> | undefined)[],
): MatrixLeg[] {
  return lanes.flatMap((lane) =>
    entries.flatMap((entry) =>
      shards.map((shard) => ({ ...laneKeys(lane), ...entry, ...(shard ?? {}) })),
    ),
  );
}

function checkSize(kind: string, size: number, request: MatrixRequest, shardCount: number): void {
  if (size <= MAX_MATRIX_LEGS) return;
  const dimensionCount = request.dimensions?.entries.length ?? 1;
  const factors = [
    `${request.lanes.length} lanes`,
    ...(request.dimensions ? [`${dimensionCount} dimension entries`] : []),
    ...(request.shards ? [`${shardCount} shards`] : []),
  ].join(' × ');
  const input = request.shards ? 'shards' : request.dimensions ? 'dimensions' : 'lanes';
  throw new ConfigurationError(
    `${input}: the ${kind} would have ${size} legs (${factors}); GitHub runs at most ${MAX_MATRIX_LEGS} legs per job: lower the shard count, narrow the dimensions, or split them over jobs`,
  );
}

/** Every leg: lanes × dimension entries × shards, lanes outermost. */
export function buildMatrices(request: MatrixRequest): Matrices {
  const entries = request.dimensions?.entries ?? [{}];
  const plan = request.shards;
  const count = plan?.shards.length ?? 1;
  const shardEntries = plan ? plan.shards.map((s) => shardKeys(s, count)) : [undefined];
  const include = legs(request.lanes, entries, shardEntries);
  checkSize('matrix', include.length, request, count);
  if (!plan?.canary) return { matrix: { include }, canary: undefined };
  const canary = legs(request.lanes, entries, [shardKeys(plan.canary, count)]);
  checkSize('canary matrix', canary.length, request, 1);
  return { matrix: { include }, canary: { include: canary } };
}
