import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { githubApiUrl } from '../github/event.ts';
import { currentRunAttempt } from '../github/run-jobs.ts';
import { laneOfArtifact, laneOfJob } from '../lanes/lane-of.ts';
import type { LanesConfig } from '../lanes/lanes-config.ts';
import { DEFAULT_LANES_FILE, parseLanesConfig } from '../lanes/lanes-config.ts';
import { CompiledRules } from '../markers/compiled-rules.ts';
import { PACK_NAMES } from '../markers/builtin-packs.ts';
import { displayPath, expandLogPaths } from '../markers/file-source.ts';
import type { MarkersConfig } from '../markers/markers-config.ts';
import {
  DEFAULT_MARKERS_FILE,
  parseAllowEntries,
  parseMarkersConfig,
} from '../markers/markers-config.ts';
import { markersSummary, verdictLine } from '../markers/marker-summary.ts';
import type { MarkersReport, ScannedSource } from '../markers/report.ts';
import { buildReport } from '../markers/report.ts';
import type { MarkerRule } from '../markers/rule.ts';
import { checkFailOn, selectRules } from '../markers/rule-selection.ts';
import { scanFiles } from '../markers/scan-logs.ts';
import type { ActionContext } from '../runner/action.ts';
import { runAction } from '../runner/action.ts';
import { readConfigInput, workspace } from '../runner/config-input.ts';
import { CheckFailed, ConfigurationError, invalidValue } from '../runner/configuration-error.ts';

export interface MarkerScannerInputs {
  readonly logs: readonly string[];
  readonly jobs: boolean;
  readonly artifacts: readonly string[];
  readonly rules: string;
  readonly packs: readonly string[];
  readonly allow: string | undefined;
  readonly failOn: readonly string[];
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

function loadRules(settings: MarkerScannerInputs): { rules: MarkerRule[]; config: MarkersConfig } {
  const file = readConfigInput('rules', settings.rules, {
    defaultFile: DEFAULT_MARKERS_FILE,
    optional: true,
  });
  let config: MarkersConfig = file
    ? parseMarkersConfig(file.text, file.origin)
    : { packs: undefined, rules: [], allow: [] };
  for (const pack of settings.packs) {
    if (!PACK_NAMES.includes(pack)) {
      throw invalidValue('packs', pack, `a comma list of ${PACK_NAMES.join('|')}`);
    }
  }
  if (settings.packs.length > 0) config = { ...config, packs: settings.packs };
  if (settings.allow !== undefined) {
    config = {
      ...config,
      allow: [...config.allow, ...parseAllowEntries(settings.allow, 'allow input')],
    };
  }
  const rules = selectRules(config);
  checkFailOn('fail-on', settings.failOn, rules);
  return { rules, config };
}

function loadLanes(settings: MarkerScannerInputs): LanesConfig | undefined {
  const file = readConfigInput('lanes-file', settings.lanesFile, {
    defaultFile: DEFAULT_LANES_FILE,
    optional: true,
  });
  return file ? parseLanesConfig(file.text, file.origin) : undefined;
}

async function scanLocalFiles(
  settings: MarkerScannerInputs,
  compiled: CompiledRules,
  context: ActionContext,
): Promise<ScannedSource[]> {
  if (settings.logs.length === 0) return [];
  const cwd = workspace();
  const { files, unmatched } = await expandLogPaths(settings.logs, cwd);
  for (const pattern of unmatched) context.log.warning(`logs: nothing matched '${pattern}'`);
  return scanFiles(
    files.map((path) => ({ path, name: displayPath(path, cwd), kind: 'file' as const })),
    compiled,
    settings.samples,
  );
}

async function scanRunJobs(
  settings: MarkerScannerInputs,
  compiled: CompiledRules,
  lanes: LanesConfig | undefined,
  context: ActionContext,
): Promise<ScannedSource[]> {
  const run = currentRunAttempt();
  if (!settings.jobs || run === undefined) return [];
  if (!settings.token) {
    context.log.notice(
      "jobs: no token, so this run's job logs were not scanned (pass token with actions: read)",
    );
    return [];
  }
  const { createGitHubClient } = await import('../github/client.ts');
  const { listRunAttemptJobs } = await import('../github/run-jobs.ts');
  const { scanJobLogs } = await import('../markers/job-log-source.ts');
  const client = createGitHubClient({
    token: settings.token,
    baseUrl: githubApiUrl(),
    log: context.log,
  });
  const { jobs, totalCount } = await listRunAttemptJobs(client, run);
  if (totalCount > jobs.length) {
    context.log.warning(
      `the API listed ${jobs.length} of the ${totalCount} jobs of this run; the rest were not scanned`,
    );
  }
  const completed = jobs.filter((job) => job.status === 'completed');
  const pending = jobs.length - completed.length;
  if (pending > 0) {
    context.log.info(
      `${pending} jobs of this run were not complete (this one among them) and were not scanned`,
    );
  }
  const ran = completed.filter((job) => job.conclusion !== 'skipped');
  return scanJobLogs({
    client,
    repo: { owner: run.owner, repo: run.repo },
    jobs: ran.map((job) => {
      const lane = lanes ? laneOfJob(lanes, job.name)?.name : undefined;
      return {
        jobId: job.id,
        steps: job.steps,
        name: job.name,
        kind: 'job' as const,
        ...(lane === undefined ? {} : { lane }),
        ...(job.htmlUrl === null ? {} : { url: job.htmlUrl }),
      };
    }),
    compiled,
    samples: settings.samples,
    concurrency: settings.concurrency,
    log: context.log,
  });
}

async function scanArtifacts(
  settings: MarkerScannerInputs,
  compiled: CompiledRules,
  lanes: LanesConfig | undefined,
  context: ActionContext,
): Promise<ScannedSource[]> {
  if (settings.artifacts.length === 0) return [];
  const { scanLogArtifacts } = await import('../markers/artifact-source.ts');
  const into = await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'lanekit-job-logs-'));
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
  context.setOutput('markers', JSON.stringify(report));
  context.setOutput('total', String(report.total));
  context.setOutput('explained', String(report.explained));
  context.setOutput('verdict', report.verdict);
}

await runAction('marker-scanner', async (context) => {
  const settings = getInputs(context);
  const { rules, config } = loadRules(settings);
  const lanes = loadLanes(settings);
  const compiled = new CompiledRules(rules);
  const scanned = [
    ...(await scanLocalFiles(settings, compiled, context)),
    ...(await scanRunJobs(settings, compiled, lanes, context)),
    ...(await scanArtifacts(settings, compiled, lanes, context)),
  ];
  if (
    scanned.length === 0 &&
    settings.logs.length === 0 &&
    settings.artifacts.length === 0 &&
    !settings.jobs
  ) {
    throw new ConfigurationError('logs: nothing to scan; give logs, artifacts, or jobs: true');
  }
  const report = buildReport(rules, scanned, { allow: config.allow, failOn: settings.failOn });
  writeOutputs(report, context);
  for (const source of report.sources) {
    if (source.error !== undefined) context.log.warning(`${source.name}: ${source.error}`);
  }
  context.log.info(verdictLine(report));
  if (settings.summary) context.appendSummary(markersSummary(report));
  if (report.failing > 0) {
    throw new CheckFailed(
      `fail-on: ${report.failing} markers match ${settings.failOn.join(', ')}; see the step summary for where`,
    );
  }
});
