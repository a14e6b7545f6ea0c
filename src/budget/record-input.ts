import { ConfigurationError } from '../runner/errors.ts';
import type { BudgetRecord } from './record.ts';
import { OPERATION_NAME, RecordProblem, recordLine } from './record.ts';

/** The `detail` input: JSON when it parses as JSON, else the text itself. */
export function parseRecordDetail(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The line `mode: record` appends: the inputs as a record, stamped with the time now. */
export function recordNow(fields: Omit<BudgetRecord, 'time'>): string {
  if (!OPERATION_NAME.test(fields.operation)) {
    throw new ConfigurationError(
      `operation: got '${fields.operation}', expected a name like deploy or image-push (lower case letters, digits, - _ .)`,
    );
  }
  try {
    return recordLine({ ...fields, time: new Date().toISOString() });
  } catch (error) {
    if (error instanceof RecordProblem) throw new ConfigurationError(`detail: ${error.message}`);
    throw error;
  }
}
