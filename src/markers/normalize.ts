/**
 * Turns one raw log line into the text a tool printed: without the runner's timestamp (any
 * fraction precision, or none), the `gh run view --log` job/step columns, ANSI escape
 * sequences, a BOM, a trailing CR, or a `##[warning]`-style prefix.
 */
export interface NormalizedLine {
  readonly text: string;
  /** The runner's timestamp, when the line had one. */
  readonly time?: string;
}

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z(?: |$)/;
const GH_CLI_COLUMNS = /^[^\t]*\t[^\t]*\t(?=\d{4}-\d\d-\d\dT)/;
// CSI (colours, cursor moves), OSC (hyperlinks, titles) and two-character escapes.
// eslint-disable-next-line no-control-regex -- escape sequences are what this removes
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex -- the colour sequences nearly every coloured line holds
const SGR = /\x1b\[[0-9;]*m/g;
const LEVEL_PREFIX = /^##\[(?:error|warning|notice|debug|info|command)\]/;

export function normalizeLine(raw: string): NormalizedLine {
  const line = withoutColumns(raw);
  const stamp = hasTimestamp(line) ? TIMESTAMP.exec(line) : null;
  const text = normalizeText(raw);
  return stamp === null ? { text } : { text, time: stamp[0].trimEnd() };
}

/** The text of `normalizeLine` alone: what the scanner tests every candidate line with. */
export function normalizeText(raw: string): string {
  let text = withoutColumns(raw);
  if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
  if (hasTimestamp(text)) {
    const stamp = TIMESTAMP.exec(text);
    if (stamp) text = text.slice(stamp[0].length);
  }
  if (text.includes('\x1b')) {
    text = text.replace(SGR, '');
    if (text.includes('\x1b')) text = text.replace(ANSI, '');
  }
  if (text.startsWith('##[')) text = text.replace(LEVEL_PREFIX, '');
  return text;
}

function withoutColumns(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return text.includes('\t') ? text.replace(GH_CLI_COLUMNS, '') : text;
}

/** A cheap look at the fixed characters of `2025-12-16T23:20:13`, before the regex. */
function hasTimestamp(text: string): boolean {
  return text.charCodeAt(4) === 45 && text.charCodeAt(10) === 84 && text.charCodeAt(13) === 58;
}
