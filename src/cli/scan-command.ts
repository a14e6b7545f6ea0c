import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CompiledRules } from '../markers/compiled-rules.ts';
import { displayPath, expandLogPaths } from '../markers/file-source.ts';
import { verdictLine } from '../markers/marker-summary.ts';
import type { MarkersConfig } from '../markers/markers-config.ts';
import { DEFAULT_MARKERS_FILE, parseMarkersConfig } from '../markers/markers-config.ts';
import type { MarkersReport } from '../markers/report.ts';
import { buildReport } from '../markers/report.ts';
import { checkFailOn, selectRules } from '../markers/rule-selection.ts';
import { scanFiles } from '../markers/scan-logs.ts';
import { ConfigurationError, invalidValue } from '../runner/errors.ts';
import { neutralize } from '../runner/neutralize.ts';
import { stderrLog } from './stderr-log.ts';

function readConfig(path: string | undefined): MarkersConfig {
  const file = path ?? (existsSync(DEFAULT_MARKERS_FILE) ? DEFAULT_MARKERS_FILE : undefined);
  if (file === undefined) return { packs: undefined, rules: [], allow: [] };
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch {
    throw new ConfigurationError(`--rules: got '${file}', but there is no such file`);
  }
  return parseMarkersConfig(text, file);
}

/** `lanekit scan`: the marker-scanner core on local files; exit status 1 on a fail-on marker. */
export async function scanCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      rules: { type: 'string' },
      'fail-on': { type: 'string', default: '' },
      samples: { type: 'string', default: '3' },
    },
    strict: true,
  });
  if (positionals.length === 0) {
    throw new ConfigurationError('lanekit scan: give one or more log files, directories or globs');
  }
  const samples = Number(values.samples);
  if (!Number.isInteger(samples) || samples < 1 || samples > 50) {
    throw invalidValue('--samples', values.samples, 'an integer from 1 to 50');
  }
  const config = readConfig(values.rules);
  const rules = selectRules(config);
  const failOn = values['fail-on']
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  checkFailOn('--fail-on', failOn, rules);
  const cwd = process.cwd();
  const { files, unmatched } = await expandLogPaths(positionals, cwd);
  for (const pattern of unmatched) stderrLog.warning(`nothing matched '${pattern}'`);
  const scanned = await scanFiles(
    files.map((path) => ({ path, name: displayPath(path, cwd), kind: 'file' as const })),
    new CompiledRules(rules),
    samples,
  );
  const report = buildReport(rules, scanned, { allow: config.allow, failOn });
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : textReport(report));
  return report.failing > 0 ? 1 : 0;
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
