import { existsSync, readFileSync } from 'node:fs';
import { errorMessage } from '../common/error-message.ts';
import { pathInside } from '../runner/config-input.ts';
import { ConfigurationError } from '../runner/errors.ts';
import type { ShardPlan } from './shards.ts';
import { parseDurations, planShards } from './shards.ts';

/** The sharding inputs of lane-matrix's matrix mode, as given. */
export interface ShardInputs {
  readonly shards: number | undefined;
  readonly shardItems: readonly string[];
  /** Item -> seconds as inline JSON, or a JSON file in the workspace (or timing-summary's report). */
  readonly shardDurations: string | undefined;
  readonly canary: readonly string[];
}

function loadDurations(value: string | undefined, workspace: string): Map<string, number> {
  if (value === undefined) return new Map();
  let text = value;
  if (!value.trimStart().startsWith('{')) {
    const path = pathInside('shard-durations', value, [workspace]);
    if (!existsSync(path)) {
      throw new ConfigurationError(
        `shard-durations: got '${value}', expected a JSON object of item -> seconds or a JSON file in the workspace; no file at ${path}`,
      );
    }
    text = readFileSync(path, 'utf8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(
      `shard-durations: ${value === text ? 'the input' : value} is not JSON (${errorMessage(error)}); expected an object of item -> seconds`,
    );
  }
  return parseDurations(durationsOf(parsed), 'shard-durations');
}

/**
 * timing-summary's report file holds its jobs' seconds under `durations`; a durations file's
 * values are numbers, so an object there can only be a report.
 */
function durationsOf(parsed: unknown): unknown {
  const report =
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const { durations } = report;
  return typeof durations === 'object' && durations !== null && !Array.isArray(durations)
    ? durations
    : parsed;
}

/**
 * The shard plan the inputs ask for, or undefined without `shards`. The inputs only mean
 * something together: items without a count, or a canary or durations without items, are errors.
 */
export function shardPlanOf(inputs: ShardInputs, workspace: string): ShardPlan | undefined {
  const { shards, shardItems, canary } = inputs;
  if (shards === undefined) {
    if (shardItems.length > 0)
      throw new ConfigurationError(
        'shard-items: set shards to a count from 1 to 256 to split them',
      );
    if (canary.length > 0)
      throw new ConfigurationError(
        'canary: names items of shard-items; set shards and shard-items',
      );
    if (inputs.shardDurations !== undefined) {
      throw new ConfigurationError('shard-durations: only used with shards and shard-items');
    }
    return undefined;
  }
  if (shardItems.length === 0) {
    throw new ConfigurationError(`shards: got ${shards}, but shard-items lists nothing to split`);
  }
  return planShards({
    items: shardItems,
    count: shards,
    durations: loadDurations(inputs.shardDurations, workspace),
    canary,
  });
}
