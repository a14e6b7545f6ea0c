import { ConfigurationError } from '../runner/errors.ts';
import type { BudgetLine, Relation } from './budget.ts';
import type { ColdDeps } from './cold-deps.ts';
import type { GatheredRecord } from './record-file.ts';

export interface OperationCount {
  readonly operation: string;
  readonly relation: Relation;
  /** Records that count. */
  readonly count: number;
  readonly expected: number;
  /** Records with `counted: false`: shown, not counted. */
  readonly uncounted: number;
  readonly ok: boolean;
}

export interface BudgetReport {
  readonly ok: boolean;
  readonly coldDeps: ColdDeps;
  /** One per budget line, in the budget's order. */
  readonly operations: readonly OperationCount[];
  /** Counted records of operations the budget does not name: they fail the check. */
  readonly unbudgeted: readonly { readonly operation: string; readonly count: number }[];
  /** Every record, in time order (records without a time last), then by job and line. */
  readonly records: readonly GatheredRecord[];
}

const holds = (relation: Relation, count: number, expected: number) =>
  relation === '=='
    ? count === expected
    : relation === '<='
      ? count <= expected
      : count >= expected;

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Time order, records without a time last, then by job, file and line. */
function inTimeOrder(records: readonly GatheredRecord[]): GatheredRecord[] {
  const keyed = records.map((record) => ({
    record,
    at: record.time === undefined ? Number.POSITIVE_INFINITY : Date.parse(record.time),
  }));
  keyed.sort(
    ({ record: a, at: x }, { record: b, at: y }) =>
      x - y || compareText(a.job, b.job) || compareText(a.source, b.source) || a.line - b.line,
  );
  return keyed.map(({ record }) => record);
}

/** Counts the records per operation and holds each count against its budget line. */
export function tallyBudget(
  records: readonly GatheredRecord[],
  budget: readonly BudgetLine[],
  coldDeps: ColdDeps,
): BudgetReport {
  const counted = new Map<string, number>();
  const uncounted = new Map<string, number>();
  for (const record of records) {
    const tally = record.counted ? counted : uncounted;
    tally.set(record.operation, (tally.get(record.operation) ?? 0) + 1);
  }
  const operations = budget.map((line): OperationCount => {
    const expected = line.expected(coldDeps.count);
    if (expected < 0) {
      throw new ConfigurationError(
        `budget: ${line.operation}: '${line.count}' is ${expected} with cold-deps ${coldDeps.count}; a count cannot be negative`,
      );
    }
    const count = counted.get(line.operation) ?? 0;
    return {
      operation: line.operation,
      relation: line.relation,
      count,
      expected,
      uncounted: uncounted.get(line.operation) ?? 0,
      ok: holds(line.relation, count, expected),
    };
  });
  const unbudgeted = [...counted]
    .filter(([operation]) => !budget.some((line) => line.operation === operation))
    .map(([operation, count]) => ({ operation, count }))
    .sort((a, b) => a.operation.localeCompare(b.operation));
  return {
    ok: operations.every((op) => op.ok) && unbudgeted.length === 0,
    coldDeps,
    operations,
    unbudgeted,
    records: inTimeOrder(records),
  };
}
