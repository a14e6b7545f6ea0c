import { markdownText } from '../runner/neutralize.ts';
import { code, details, table } from '../runner/summary.ts';
import { CATEGORY_NAMES, MARKER_CATEGORIES } from './categories.ts';
import type { MarkersReport, SourceReport, Verdict } from './report.ts';
import { NO_EVIDENCE, NO_LANE } from './report.ts';
import { quietTools } from './tool-evidence.ts';

const ICONS: Readonly<Record<Verdict, string>> = {
  'no-markers': '✅',
  markers: '⚠️',
  'no-evidence': '❓',
};
/** Logs named for a tool that ran quietly; the evidence table lists them all. */
const QUIET_SOURCES_NAMED = 5;

function countsLine(report: MarkersReport): string {
  const scanned = report.sources.length;
  const explained = report.explained > 0 ? `, ${report.explained} explained` : '';
  return `${report.verdict}: ${report.total} markers${explained} in ${scanned} logs`;
}

/** Why a scan without markers proves nothing, for a no-evidence verdict. */
function noEvidenceReason(report: MarkersReport): string {
  return report.sources.length === 0
    ? 'no log was scanned'
    : "no log shows a selected rule pack's tool printing what its rules read";
}

/** One line for logs and the CLI; for no-evidence, also why and how to make tools print more. */
export function verdictLine(report: MarkersReport): string {
  const line = countsLine(report);
  if (report.verdict !== 'no-evidence') return line;
  const allowed =
    report.noEvidenceAllowed === undefined ? '' : ` (allowed: ${report.noEvidenceAllowed})`;
  const hints = quietTools(report).map((tool) => `; ${tool.pack}: ${tool.hint}`);
  return `${line}, but ${noEvidenceReason(report)}${allowed}${hints.join('')}`;
}

/** Why `fail-on` fails the step (see MarkersReport.fails). */
export function failOnMessage(report: MarkersReport, failOn: readonly string[]): string {
  if (report.failing > 0) {
    return `fail-on: ${report.failing} markers match ${failOn.join(', ')}; see the step summary for where`;
  }
  return `fail-on: verdict no-evidence: ${noEvidenceReason(report)}, so finding no markers proves nothing; see the step summary for how to make the tools print what the rules read, or allow it with {rule: ${NO_EVIDENCE}, reason: ...}`;
}

/** The step summary: markers per category and lane, then each source's samples folded. */
export function markersSummary(report: MarkersReport): string {
  let out = `### marker-scanner: ${ICONS[report.verdict]} ${markdownText(countsLine(report))}\n\n`;
  out += evidenceNotes(report);
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
  } else if (report.verdict === 'no-markers') {
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
  if (report.sources.length > 0) out += details('Evidence per log', evidenceTable(report));
  for (const source of report.sources) {
    const rules = Object.entries(source.rules);
    if (rules.length === 0) continue;
    out += details(sourceTitle(source), sourceSamples(source));
  }
  return out;
}

/** Why no-evidence, and each tool that ran too quietly for its rules, with how to make it speak. */
function evidenceNotes(report: MarkersReport): string {
  const paragraphs: string[] = [];
  if (report.verdict === 'no-evidence') {
    const next =
      report.noEvidenceAllowed === undefined
        ? `Scan the logs of the jobs that install and build, or say why none is expected with an allow entry \`{rule: ${NO_EVIDENCE}, reason: ...}\`.`
        : `Allowed: ${markdownText(report.noEvidenceAllowed)}.`;
    paragraphs.push(
      `**No evidence: ${markdownText(noEvidenceReason(report))}**, so finding no markers proves nothing. ${next}`,
    );
  }
  const quiet = quietTools(report).map((tool) => {
    const named = tool.sources.slice(0, QUIET_SOURCES_NAMED).map(code);
    const more = tool.sources.length - named.length;
    const where = named.join(', ') + (more > 0 ? ` and ${more} more` : '');
    return `- ${code(tool.pack)} ran but printed nothing its rules read (${where}): ${tool.hint}`;
  });
  if (quiet.length > 0) paragraphs.push(quiet.join('\n'));
  return paragraphs.map((paragraph) => `${paragraph}\n\n`).join('');
}

function evidenceTable(report: MarkersReport): string {
  const rows = report.sources.map((source) => {
    const tools = Object.entries(source.tools)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([pack, presence]) => (presence === 'readable' ? code(pack) : `${code(pack)} (quiet)`));
    const allowed =
      source.noEvidenceAllowed === undefined
        ? ''
        : ` (allowed: ${markdownText(source.noEvidenceAllowed)})`;
    return [
      markdownText(source.name),
      `${code(source.verdict)}${allowed}`,
      tools.join(', ') || 'none',
    ];
  });
  return table(['log', 'verdict', 'tools seen'], rows);
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
