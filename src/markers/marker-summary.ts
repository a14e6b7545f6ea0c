import { markdownText } from '../runner/neutralize.ts';
import { code, details, table } from '../runner/summary.ts';
import { CATEGORY_NAMES, MARKER_CATEGORIES } from './categories.ts';
import type { MarkersReport, SourceReport } from './report.ts';
import { NO_LANE } from './report.ts';

/** One line for logs and the CLI. */
export function verdictLine(report: MarkersReport): string {
  const scanned = report.sources.length;
  const explained = report.explained > 0 ? `, ${report.explained} explained` : '';
  return `${report.verdict}: ${report.total} markers${explained} in ${scanned} logs`;
}

/** The step summary: markers per category and lane, then each source's samples folded. */
export function markersSummary(report: MarkersReport): string {
  const icon = report.verdict === 'no-markers' ? '✅' : '⚠️';
  let out = `### marker-scanner: ${icon} ${markdownText(verdictLine(report))}\n\n`;
  const lanes = Object.keys(report.lanes).sort((a, b) =>
    a === NO_LANE ? 1 : b === NO_LANE ? -1 : a.localeCompare(b),
  );
  const categories = CATEGORY_NAMES.filter((c) => (report.categories[c] ?? 0) > 0);
  const byLane = lanes.length > 1 || (lanes.length === 1 && lanes[0] !== NO_LANE);
  if (categories.length > 0) {
    const rows = categories.map((category) => [
      `${code(category)}<br><sub>${markdownText(MARKER_CATEGORIES[category])}</sub>`,
      ...(byLane ? lanes.map((lane) => String(report.lanes[lane]?.[category] ?? 0)) : []),
      String(report.categories[category] ?? 0),
    ]);
    const laneHeads = lanes.map((lane) => (lane === NO_LANE ? 'no lane' : code(lane)));
    out += table(['category', ...(byLane ? laneHeads : []), 'total'], rows);
  } else {
    out += 'No unexplained cold-cache markers in any scanned log.\n';
  }
  if (report.failing > 0) out += `\n**${report.failing} markers match \`fail-on\`.**\n`;
  const problems = report.sources.filter(
    (s) => s.error !== undefined || s.binary || s.truncatedLines > 0,
  );
  for (const source of problems) {
    const what =
      source.error ??
      (source.binary
        ? 'binary file, not scanned'
        : `${source.truncatedLines} lines longer than the cap were scanned in part`);
    out += `\n- ${code(source.name)}: ${markdownText(what)}`;
  }
  if (problems.length > 0) out += '\n';
  out += '\n';
  for (const source of report.sources) {
    const rules = Object.entries(source.rules);
    if (rules.length === 0) continue;
    out += details(sourceTitle(source), sourceSamples(source));
  }
  return out;
}

function sourceTitle(source: SourceReport): string {
  const lane = source.lane === undefined ? '' : ` (${markdownText(source.lane)} lane)`;
  const explained = Object.values(source.rules)
    .filter((r) => r.explained !== undefined && r.category !== 'observation')
    .reduce((sum, r) => sum + r.count, 0);
  const extra = explained > 0 ? `, ${explained} explained` : '';
  return `${markdownText(source.name)}${lane}: ${source.markers} markers${extra}`;
}

function sourceSamples(source: SourceReport): string {
  const rows = Object.entries(source.rules).map(([id, rule]) => {
    const samples = rule.samples.map((sample) => {
      const line = sample.line > 0 ? `line ${sample.line}` : '';
      const lineRef =
        sample.url === undefined || line === '' ? line : `[${line}](${encodeURI(sample.url)})`;
      const context = [sample.step ?? '', sample.group ?? '']
        .filter((part) => part !== '')
        .map((part) => markdownText(part));
      const where = [lineRef, ...context].filter((part) => part !== '').join(' · ');
      return `${code(sample.text)}${where === '' ? '' : `<br><sub>${where}</sub>`}`;
    });
    const status =
      rule.category === 'observation'
        ? 'observed'
        : rule.explained === undefined
          ? '**marker**'
          : `explained: ${markdownText(rule.explained)}`;
    return [code(id), code(rule.category), String(rule.count), status, samples.join('<br>')];
  });
  const link = source.url === undefined ? '' : `\n[open the log](${encodeURI(source.url)})\n`;
  return table(['rule', 'category', 'count', 'status', 'first samples'], rows) + link;
}
