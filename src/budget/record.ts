/**
 * A budget record: one JSON line per expensive operation, appended by any step in any language
 * to the file `LANEKIT_BUDGET_FILE` names (actions/deploy-budget-guard/record.schema.json).
 */
import { shown } from '../common/shown.ts';

export interface BudgetRecord {
  readonly operation: string;
  readonly name: string | undefined;
  /** False for an operation shown beside the budget but outside it (a post-green promotion). */
  readonly counted: boolean;
  /** When the writer gave it: an RFC 3339 time. */
  readonly time: string | undefined;
  readonly detail: unknown;
}

/**
 * A line's longest size, its newline included. A write of at most PIPE_BUF (4096) bytes to a
 * file opened with O_APPEND lands whole, so lines this short from parallel writers never
 * interleave; a longer line could be torn and is refused rather than miscounted.
 */
export const MAX_RECORD_LINE_BYTES = 4096;

/** kebab-case, dots allowed: `deploy`, `image-push`, `db.migrate`. */
export const OPERATION_NAME = /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$/;

const KEYS = new Set(['operation', 'name', 'counted', 'time', 'detail']);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** What is wrong with a line, for `<file>:<line>: <problem>`. */
export class RecordProblem extends Error {
  override name = 'RecordProblem';
}

/** One line (without its newline) as a record, or a RecordProblem saying why it is none. */
export function parseRecordLine(line: string): BudgetRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new RecordProblem(`not a JSON line: ${shown(line, 60)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RecordProblem(`a record is a JSON object, got ${shown(value, 60)}`);
  }
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields).find((key) => !KEYS.has(key));
  if (unknown !== undefined) {
    throw new RecordProblem(
      `unknown key '${unknown}', expected ${[...KEYS].join(', ')} (put anything else in detail)`,
    );
  }
  const { operation, name, counted, time, detail } = fields;
  if (typeof operation !== 'string' || !OPERATION_NAME.test(operation)) {
    throw new RecordProblem(
      `operation: got ${shown(operation)}, expected a name like deploy or image-push`,
    );
  }
  if (name !== undefined && typeof name !== 'string') {
    throw new RecordProblem(`name: got ${shown(name)}, expected a string`);
  }
  if (counted !== undefined && typeof counted !== 'boolean') {
    throw new RecordProblem(`counted: got ${shown(counted)}, expected true or false`);
  }
  if (time !== undefined && (typeof time !== 'string' || !RFC3339.test(time))) {
    throw new RecordProblem(`time: got ${shown(time)}, expected an RFC 3339 time`);
  }
  return { operation, name, counted: counted ?? true, time, detail };
}

/** A record as the line a writer appends, newline included; refused past the size limit. */
export function recordLine(record: BudgetRecord): string {
  const line = `${JSON.stringify({
    operation: record.operation,
    ...(record.name === undefined ? {} : { name: record.name }),
    counted: record.counted,
    ...(record.time === undefined ? {} : { time: record.time }),
    ...(record.detail === undefined ? {} : { detail: record.detail }),
  })}\n`;
  const bytes = Buffer.byteLength(line);
  if (bytes > MAX_RECORD_LINE_BYTES) {
    throw new RecordProblem(
      `the record is ${bytes} bytes, over the ${MAX_RECORD_LINE_BYTES}-byte line limit (shorten detail)`,
    );
  }
  return line;
}
