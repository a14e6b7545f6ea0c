import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionContext } from './action-context.ts';

/**
 * GitHub holds at most 1 MB of outputs for a whole job, so one JSON output stays well under it;
 * the full value goes to a file a later step can upload.
 */
export const JSON_OUTPUT_LIMIT_BYTES = 256 * 1024;

/** What an output left out, so a consumer never mistakes a cut value for the whole. */
export interface Truncation {
  /** The file under RUNNER_TEMP that holds the whole value. */
  readonly file: string | undefined;
  /** The whole value's size. */
  readonly bytes: number;
}

/**
 * Ever smaller forms of a value, each marking what it dropped (given the truncation to record),
 * tried in order until one fits the limit.
 */
export type Shrinks<T> = readonly ((value: T, truncation: Truncation) => unknown)[];

/** A step's file for an output: `RUNNER_TEMP/lanekit/<step>-<output>.json`. */
function outputFile(env: NodeJS.ProcessEnv, name: string): string | undefined {
  if (!env.RUNNER_TEMP) return undefined;
  const dir = join(env.RUNNER_TEMP, 'lanekit');
  mkdirSync(dir, { recursive: true });
  const step = (env.GITHUB_ACTION ?? 'step').replace(/[^A-Za-z0-9_.-]/g, '_');
  return join(dir, `${step}-${name}.json`);
}

/**
 * Sets output `name` to `value` as JSON, cut by `shrinks` when it would pass the limit, and
 * output `<name>-file` to a file holding the whole value (outside a runner, no file).
 */
export function setJsonOutput<T>(
  context: ActionContext,
  name: string,
  value: T,
  shrinks: Shrinks<T>,
  limitBytes = JSON_OUTPUT_LIMIT_BYTES,
): void {
  const json = JSON.stringify(value);
  const file = outputFile(context.env, name);
  if (file !== undefined) {
    writeFileSync(file, json, 'utf8');
    context.setOutput(`${name}-file`, file);
  }
  const truncation: Truncation = { file, bytes: Buffer.byteLength(json) };
  let shown = json;
  for (const shrink of shrinks) {
    if (Buffer.byteLength(shown) <= limitBytes) break;
    shown = JSON.stringify(shrink(value, truncation));
  }
  if (Buffer.byteLength(shown) > limitBytes) shown = JSON.stringify({ truncated: truncation });
  context.setOutput(name, shown);
}
