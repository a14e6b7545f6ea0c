import { markdownText } from './neutralize.ts';

/** GitHub rejects a step summary over 1 MiB; stay well under it. */
export const SUMMARY_LIMIT_BYTES = 900 * 1024;

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n</details>\n`;
}

export function code(text: string): string {
  return `<code>${markdownText(text)}</code>`;
}

/**
 * Cuts a summary that would pass the limit at a line boundary and says so, rather than letting
 * the runner drop the whole summary.
 */
export function fitSummary(markdown: string, limitBytes = SUMMARY_LIMIT_BYTES): string {
  if (Buffer.byteLength(markdown) <= limitBytes) return markdown;
  const notice =
    '\n\n_Summary cut to fit the step summary size limit; the full result is in the JSON output._\n';
  const budget = limitBytes - Buffer.byteLength(notice);
  let cut = Buffer.from(markdown).subarray(0, budget).toString();
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')));
  return cut + notice;
}
