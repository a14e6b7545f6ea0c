import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CompiledRules } from '../markers/compiled-rules.ts';
import { displayPath, expandLogPaths } from '../markers/file-source.ts';
import { verdictLine } from '../markers/marker-summary.ts';
import type { MarkersConfig } from '../markers/markers-config.ts';
import { DEFAULT_MARKERS_FILE, parseMarkersConfig } from '../markers/markers-config.ts';
import type { MarkersReport } from '../markers/report.ts';
import { buildReport } from '../markers/report.ts';
import type { MarkerRule } from '../markers/rule.ts';
import { checkFailOn, selectRules } from '../markers/rule-selection.ts';
import { scanFiles } from '../markers/scan-logs.ts';
import { ConfigurationError } from '../runner/errors.ts';
import { neutralize } from '../runner/neutralize.ts';
import { parseCommandLine } from './command-line.ts';
import { stderrLog } from './stderr-log.ts';
import { UsageError } from './usage-error.ts';

function readConfig(path: string | undefined): MarkersConfig {
  const file = path ?? (existsSync(DEFAULT_MARKERS_FILE) ? DEFAULT_MARKERS_FILE : undefined);
  if (file === undefined) return { packs: undefined, rules: [], allow: [] };
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch {
    throw new UsageError(`--rules: got '${file}', but there is no such file`);
  }
  return parseMarkersConfig(text, file);
}

export const SCAN_USAGE = `Usage: lanekit scan [--json] [--rules FILE] [--fail-on LIST] [--samples N] <file|dir|glob>...

Scan log files for cold-cache markers, as marker-scanner does. A directory stands for every file
inside it; quote a glob so that lanekit expands it rather than the shell.

Options:
  --rules FILE    The markers file. Default: ${DEFAULT_MARKERS_FILE} when it exists.
  --fail-on LIST  Exit with status 1 when one of these markers is found: a comma-separated list
                  of any, categories, rule ids and wildcards such as cargo/*; also when no log
                  shows evidence (no-evidence), unless the markers file allows it.
  --samples N     Sample lines kept per rule and file, 1 to 50. Default: 3.
  --json          Print the markers report, with its verdict, as JSON.
  -h, --help      Print this help.

Exit status: 0 no --fail-on marker was found; 1 one was, or no-evidence; 2 a bad option or
value, no path given or none matched, or a bad markers file.
`;

const SCAN_OPTIONS = {
  json: { type: 'boolean' },
  rules: { type: 'string', placeholder: 'FILE', expected: 'the markers file' },
  'fail-on': {
    type: 'string',
    placeholder: 'LIST',
    expected: 'a comma-separated list of any, categories, rule ids and wildcards',
  },
  samples: { type: 'string', placeholder: 'N', expected: 'an integer from 1 to 50' },
} as const;

/** --fail-on's entries; one the rules do not know is a usage error, like any bad value. */
function failOnEntries(list: string, rules: readonly MarkerRule[]): string[] {
  const entries = list
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  try {
    checkFailOn('--fail-on', entries, rules);
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(error.message);
    throw error;
  }
  return entries;
}

/** `lanekit scan`: the marker-scanner core on local files; exit status 1 on a fail-on marker. */
export async function scanCommand(args: readonly string[]): Promise<number> {
  const line = parseCommandLine(
    { options: SCAN_OPTIONS, positionals: 'log files, directories or globs' },
    args,
  );
  if (line.help) {
    process.stdout.write(SCAN_USAGE);
    return 0;
  }
  const { values, positionals } = line;
  if (positionals.length === 0) {
    throw new UsageError('missing the log files, directories or globs to scan');
  }
  const samplesText = values.samples ?? '3';
  const samples = Number(samplesText);
  if (!/^\d+$/.test(samplesText) || samples < 1 || samples > 50) {
    throw new UsageError(`--samples: got '${samplesText}', expected an integer from 1 to 50`);
  }
  const config = readConfig(values.rules);
  const rules = selectRules(config);
  const failOn = failOnEntries(values['fail-on'] ?? '', rules);
  const cwd = process.cwd();
  const { files, unmatched } = await expandLogPaths(positionals, cwd);
  if (files.length === 0) {
    const named = unmatched.map((p) => `'${p}'`).join(', ');
    throw new UsageError(`no log file matched ${named}: expected files, directories or globs`);
  }
  for (const pattern of unmatched) stderrLog.warning(`nothing matched '${pattern}'`);
  const scanned = await scanFiles(
    files.map((path) => ({ path, name: displayPath(path, cwd), kind: 'file' as const })),
    new CompiledRules(rules),
    samples,
  );
  const report = buildReport(rules, scanned, { allow: config.allow, failOn });
  process.stdout.write(
    values.json === true ? `${JSON.stringify(report, null, 2)}\n` : textReport(report),
  );
  return report.fails ? 1 : 0;
}

function textReport(report: MarkersReport): string {
  const lines: string[] = [];
  for (const source of report.sources) {
    const problem = source.error ?? (source.binary ? 'binary file, not scanned' : undefined);
    lines.push(
      `${neutralize(source.name)}: ${problem === undefined ? `${source.markers} markers` : neutralize(problem)}`,
    );
    const width = Math.max(0, ...Object.keys(source.rules).map((id) => id.length));
    for (const [id, rule] of Object.entries(source.rules)) {
      const first = rule.samples[0];
      const status =
        rule.category === 'observation'
          ? 'observed'
          : rule.explained === undefined
            ? rule.category
            : `explained: ${rule.explained}`;
      const at = first === undefined ? '' : `  line ${first.line}: ${first.text.trim()}`;
      lines.push(
        neutralize(`  ${id.padEnd(width)}  ${String(rule.count).padStart(6)}  ${status}${at}`),
      );
    }
    if (source.truncatedLines > 0)
      lines.push(`  ${source.truncatedLines} over-long lines were scanned in part`);
  }
  lines.push('', verdictLine(report));
  return `${lines.join('\n')}\n`;
}
