import { formatSeconds } from '../common/duration.ts';
import { markdownText } from '../runner/neutralize.ts';
import type { WarmupResult } from './warmup.ts';

export interface SummaryRow {
  readonly lane: string | undefined;
  readonly ecosystem: string;
  readonly mode: 'warm' | 'restore';
  readonly result: WarmupResult;
  readonly sizeBytes: number;
  readonly seconds: number;
}

const HEADER =
  '| lane | ecosystem | mode | outcome | size | time | key |\n| --- | --- | --- | --- | ---: | ---: | --- |';

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** One line per lane and ecosystem: what this step did with the lane's dependency cache. */
export function warmupSummary(row: SummaryRow): string {
  const cells = [
    row.lane ?? '-',
    row.ecosystem,
    row.mode,
    row.result.outcome,
    megabytes(row.sizeBytes),
    formatSeconds(row.seconds),
    `\`${row.result.key}\``,
  ];
  const shown = cells.map((cell, i) => (i === cells.length - 1 ? cell : markdownText(cell)));
  return `### registry-warmup\n\n${HEADER}\n| ${shown.join(' | ')} |\n`;
}
