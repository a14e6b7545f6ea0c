import type { Shrinks } from '../runner/json-output.ts';
import type { BudgetReport } from './tally.ts';

const RECORDS_KEPT = 500;

/** The `records` output: the verdict, the counts, and every record with where it was read. */
export function recordsOutput(report: BudgetReport) {
  return {
    ok: report.ok,
    operations: report.operations,
    unbudgeted: report.unbudgeted,
    coldDeps: report.coldDeps,
    records: report.records,
  };
}

type RecordsOutput = ReturnType<typeof recordsOutput>;

/** How the output shrinks: the first records only, then none; the counts always stay. */
export const RECORDS_SHRINKS: Shrinks<RecordsOutput> = [
  (output, truncation) => ({
    ...output,
    records: output.records.slice(0, RECORDS_KEPT),
    truncated: { ...truncation, omittedRecords: Math.max(0, output.records.length - RECORDS_KEPT) },
  }),
  (output, truncation) => ({
    ...output,
    records: [],
    truncated: { ...truncation, omittedRecords: output.records.length },
  }),
];
