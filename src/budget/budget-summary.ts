import { code, details, table } from '../runner/summary.ts';
import { markdownText } from '../runner/neutralize.ts';
import type { GatheredRecord } from './record-file.ts';
import type { BudgetReport, OperationCount } from './tally.ts';

/** Records listed in the log and the summary; the records file holds them all. */
export const RECORDS_SHOWN = 1000;

const expectation = ({ relation, expected }: OperationCount) =>
  relation === '==' ? String(expected) : `${relation} ${expected}`;

/** `deploy-count = 2 (expect 2)`: the line the log and the summary carry per operation. */
export function countLine(op: OperationCount): string {
  return `${op.operation}-count = ${op.count} (expect ${expectation(op)})`;
}

/** Why the check failed, one sentence per broken budget; empty when it holds. */
export function budgetFailures(report: BudgetReport): string[] {
  const broken = report.operations
    .filter((op) => !op.ok)
    .map((op) => {
      const off = op.count - op.expected;
      const how = off > 0 ? `${off} more than` : `${-off} fewer than`;
      return `${countLine(op)}: ${how} the budget ${op.relation} ${op.expected}`;
    });
  const unbudgeted = report.unbudgeted.map(
    (u) =>
      `${u.count} counted ${u.operation} record${u.count === 1 ? '' : 's'} but no budget line for ${u.operation}`,
  );
  return [...broken, ...unbudgeted];
}

const where = (record: GatheredRecord) => `${record.source}:${record.line}`;
const cells = (record: GatheredRecord) => [
  record.job,
  record.operation,
  record.name ?? '',
  record.counted ? 'yes' : 'no',
  record.time ?? '',
  where(record),
];
const HEADER = ['job', 'operation', 'name', 'counted', 'time', 'record'];

/** The records as aligned plain-text lines for the log (each line is neutralized by the logger). */
export function recordsTableLines(records: readonly GatheredRecord[]): string[] {
  const rows = [HEADER, ...records.slice(0, RECORDS_SHOWN).map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  if (records.length > RECORDS_SHOWN) lines.push(`... and ${records.length - RECORDS_SHOWN} more`);
  return lines;
}

function depsLine(report: BudgetReport): string {
  const { cold, warm, count } = report.coldDeps;
  if (cold.length === 0 && warm.length === 0) return `cold dependencies: ${count}`;
  const names = (list: readonly string[]) =>
    list.length === 0 ? 'none' : list.map((name) => code(name)).join(', ');
  return `cold dependencies (deployed): ${names(cold)}; warm (not deployed): ${names(warm)}`;
}

export function budgetSummary(report: BudgetReport): string {
  const status = report.ok ? 'within budget' : 'budget broken';
  const operations = table(
    ['operation', 'counted', 'expected', 'not counted', 'holds'],
    [
      ...report.operations.map((op) => [
        markdownText(op.operation),
        String(op.count),
        markdownText(expectation(op)),
        String(op.uncounted),
        op.ok ? 'yes' : '**no**',
      ]),
      ...report.unbudgeted.map((u) => [
        markdownText(u.operation),
        String(u.count),
        'no budget',
        '',
        '**no**',
      ]),
    ],
  );
  const counts = ['```text', ...report.operations.map(countLine), '```'].join('\n');
  const shown = report.records.slice(0, RECORDS_SHOWN);
  const records =
    table(
      HEADER,
      shown.map((record) => cells(record).map(markdownText)),
    ) +
    (report.records.length > shown.length
      ? `\n_${report.records.length - shown.length} more records are in the records output's file._\n`
      : '');
  const recordsTitle = `${report.records.length} record${report.records.length === 1 ? '' : 's'}`;
  return [
    `### Deploy budget: ${status}\n`,
    operations,
    counts,
    '',
    depsLine(report),
    '',
    report.ok
      ? details(recordsTitle, records)
      : `#### ${recordsTitle}: which one is extra or missing\n\n${records}`,
  ].join('\n');
}
