import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient } from '../github/api-client.ts';
import { currentRunAttempt } from '../github/run-jobs.ts';
import { laneOfArtifact } from '../lanes/lane-of.ts';
import type { LanesConfig } from '../lanes/lanes-config.ts';
import { DEFAULT_LANES_FILE } from '../lanes/lanes-config.ts';
import { readLanesInput } from '../lanes/lanes-input.ts';
import { CompiledRules } from '../markers/compiled-rules.ts';
import { displayPath, expandLogPaths } from '../markers/file-source.ts';
import { DEFAULT_MARKERS_FILE } from '../markers/markers-config.ts';
import { failOnMessage, markersSummary, verdictLine } from '../markers/marker-summary.ts';
import type { MarkersReport, ScannedSource } from '../markers/report.ts';
import { buildReport } from '../markers/report.ts';
import { MARKERS_SHRINKS } from '../markers/report-output.ts';
import type { RuleInputs } from '../markers/rules-input.ts';
import { readRulesInput } from '../markers/rules-input.ts';
import { scanFiles } from '../markers/scan-logs.ts';
import type { ActionContext } from '../runner/action-context.ts';
import { workspaceOf } from '../runner/config-input.ts';
import { CheckFailed, ConfigurationError } from '../runner/errors.ts';
import { setJsonOutput } from '../runner/json-output.ts';

export interface MarkerScannerInputs extends RuleInputs {
  readonly logs: readonly string[];
  readonly jobs: boolean;
  readonly artifacts: readonly string[];
  readonly lanesFile: string;
  readonly samples: number;
  readonly concurrency: number;
  readonly token: string | undefined;
  readonly summary: boolean;
}

export function getInputs({ inputs }: ActionContext): MarkerScannerInputs {
  return {
    logs: inputs.list('logs'),
    jobs: inputs.boolean('jobs', true),
    artifacts: inputs.list('artifacts'),
    rules: inputs.optional('rules') ?? DEFAULT_MARKERS_FILE,
    packs: inputs.list('packs'),
    allow: inputs.optional('allow'),
    failOn: inputs.list('fail-on'),
    lanesFile: inputs.optional('lanes-file') ?? DEFAULT_LANES_FILE,
    samples: inputs.integer('samples', 5, { min: 1, max: 50 }),
    concurrency: inputs.integer('concurrency', 4, { min: 1, max: 16 }),
    token: inputs.optional('token'),
    summary: inputs.boolean('summary', true),
  };
}

interface Scan {
  readonly settings: MarkerScannerInputs;
  readonly compiled: CompiledRules;
  readonly lanes: LanesConfig | undefined;
  readonly context: ActionContext;
}

async function scanLocalFiles({ settings, compiled, context }: Scan): Promise<ScannedSource[]> {
  if (settings.logs.length === 0) return [];
  const cwd = workspaceOf(context.env);
  const roots = [cwd, ...(context.env.RUNNER_TEMP ? [context.env.RUNNER_TEMP] : [])];
  const { files, unmatched } = await expandLogPaths(settings.logs, cwd, roots);
  for (const pattern of unmatched) context.log.warning(`logs: nothing matched '${pattern}'`);
  return scanFiles(
    files.map((path) => ({ path, name: displayPath(path, cwd), kind: 'file' as const })),
    compiled,
    settings.samples,
  );
}

async function scanRunJobs({ settings, compiled, lanes, context }: Scan): Promise<ScannedSource[]> {
  const run = currentRunAttempt(context.env);
  if (!settings.jobs || run === undefined) return [];
  if (!settings.token) {
    context.log.notice(
      "jobs: no token, so this run's job logs were not scanned (pass token with actions: read)",
    );
    return [];
  }
  const { scanRunJobLogs } = await import('../markers/run-job-logs.ts');
  const { samples, concurrency } = settings;
  const client = await apiClient(settings.token, context.env, context.log);
  return scanRunJobLogs({ client, run, lanes, compiled, samples, concurrency, log: context.log });
}

async function scanArtifacts({
  settings,
  compiled,
  lanes,
  context,
}: Scan): Promise<ScannedSource[]> {
  if (settings.artifacts.length === 0) return [];
  const { scanLogArtifacts } = await import('../markers/artifact-source.ts');
  const into = await mkdtemp(join(context.env.RUNNER_TEMP ?? tmpdir(), 'lanekit-job-logs-'));
  return scanLogArtifacts({
    patterns: settings.artifacts,
    into,
    compiled,
    samples: settings.samples,
    laneOf: (name) => (lanes ? laneOfArtifact(lanes, name)?.name : undefined),
    log: context.log,
  });
}

function writeOutputs(report: MarkersReport, context: ActionContext): void {
  setJsonOutput(context, 'markers', report, MARKERS_SHRINKS);
  context.setOutput('total', String(report.total));
  context.setOutput('explained', String(report.explained));
  context.setOutput('verdict', report.verdict);
}

export async function run(context: ActionContext): Promise<void> {
  const settings = getInputs(context);
  const workspace = workspaceOf(context.env);
  const { rules, config } = readRulesInput(settings, workspace);
  const lanes = readLanesInput(settings.lanesFile, { optional: true, workspace });
  if (settings.logs.length === 0 && settings.artifacts.length === 0 && !settings.jobs) {
    throw new ConfigurationError('logs: nothing to scan; give logs, artifacts, or jobs: true');
  }
  const scan: Scan = { settings, compiled: new CompiledRules(rules), lanes, context };
  const scanned = [
    ...(await scanLocalFiles(scan)),
    ...(await scanRunJobs(scan)),
    ...(await scanArtifacts(scan)),
  ];
  const report = buildReport(rules, scanned, { allow: config.allow, failOn: settings.failOn });
  writeOutputs(report, context);
  for (const source of report.sources) {
    if (source.error !== undefined) context.log.warning(`${source.name}: ${source.error}`);
  }
  context.log.info(verdictLine(report));
  if (settings.summary) context.appendSummary(markersSummary(report));
  if (report.fails) throw new CheckFailed(failOnMessage(report, settings.failOn));
}
