import { parseSize } from '../common/size.ts';
import { apiClient } from '../github/api-client.ts';
import { readWorkflowEvent } from '../github/event.ts';
import { DEFAULT_LANES_FILE } from '../lanes/lanes-config.ts';
import { failOnMessage } from '../markers/marker-summary.ts';
import { DEFAULT_MARKERS_FILE } from '../markers/markers-config.ts';
import type { ActionContext } from '../runner/action-context.ts';
import { workspaceOf } from '../runner/config-input.ts';
import { CheckFailed, ConfigurationError, invalidValue } from '../runner/errors.ts';
import { setJsonOutput } from '../runner/json-output.ts';
import { analyzeRun } from '../timing/analysis.ts';
import type { CompareTo } from '../timing/compare-to.ts';
import { parseCompareTo } from '../timing/compare-to.ts';
import type { ScanLogs } from '../timing/read-markers.ts';
import { SCAN_LOGS } from '../timing/read-markers.ts';
import type { TimingConfigInputs } from '../timing/read-config.ts';
import { readTimingConfig } from '../timing/read-config.ts';
import { readRun } from '../timing/read-run.ts';
import { readTargetRun } from '../timing/read-target-run.ts';
import type { TimingReport } from '../timing/report.ts';
import { TIMING_SHRINKS } from '../timing/report-output.ts';
import { timingSummary } from '../timing/summary.ts';

export interface TimingSummaryInputs extends TimingConfigInputs {
  readonly targetJob: string | undefined;
  readonly cacheBudgetBytes: number;
  /** Percent of the budget above which the cache figure warns. */
  readonly cacheWarnAt: number;
  readonly scanLogs: ScanLogs;
  readonly maxTargetSeconds: number | undefined;
  readonly compareTo: CompareTo;
  readonly checkRunId: number | undefined;
  readonly token: string | undefined;
  readonly summary: boolean;
  readonly concurrency: number;
}

export function getInputs({ inputs }: ActionContext): TimingSummaryInputs {
  const checkRunId = inputs.optional('check-run-id');
  const maxTarget = inputs.optional('max-target-seconds');
  const settings: TimingSummaryInputs = {
    targetJob: inputs.optional('target-job'),
    lanesFile: inputs.optional('lanes-file') ?? DEFAULT_LANES_FILE,
    lanePattern: inputs.optional('lane-pattern'),
    categories: inputs.optional('categories'),
    cacheBudgetBytes: parseSize('cache-budget', inputs.optional('cache-budget') ?? '10GiB'),
    cacheWarnAt: inputs.integer('cache-warn-at', 90, { min: 1, max: 100 }),
    scanLogs: inputs.choice('scan-logs', SCAN_LOGS, 'none'),
    rules: inputs.optional('rules') ?? DEFAULT_MARKERS_FILE,
    failOnMarkers: inputs.list('fail-on-markers'),
    maxTargetSeconds:
      maxTarget === undefined
        ? undefined
        : inputs.integer('max-target-seconds', 0, { min: 1, max: 35 * 24 * 3600 }),
    compareTo: parseCompareTo('compare-to', inputs.optional('compare-to') ?? 'default-branch'),
    checkRunId:
      checkRunId === undefined
        ? undefined
        : inputs.integer('check-run-id', 0, { min: 1, max: Number.MAX_SAFE_INTEGER }),
    token: inputs.optional('token'),
    summary: inputs.boolean('summary', true),
    concurrency: inputs.integer('concurrency', 4, { min: 1, max: 16 }),
  };
  if (settings.failOnMarkers.length > 0 && settings.scanLogs === 'none') {
    throw invalidValue(
      'fail-on-markers',
      settings.failOnMarkers.join(','),
      'scan-logs: failed or all, so there are markers to fail on',
    );
  }
  if (settings.maxTargetSeconds !== undefined && settings.targetJob === undefined) {
    throw new ConfigurationError(
      'max-target-seconds: set target-job, the job whose time it limits',
    );
  }
  return settings;
}

function writeOutputs(report: TimingReport, context: ActionContext): void {
  setJsonOutput(context, 'report', report, TIMING_SHRINKS);
  const whole = (seconds: number | null | undefined) =>
    seconds === null || seconds === undefined ? '' : String(Math.round(seconds));
  context.setOutput('wall-seconds', whole(report.headline.wallSeconds));
  context.setOutput('target-seconds', whole(report.headline.target?.seconds));
  context.setOutput('first-red-seconds', whole(report.headline.firstRed?.seconds));
  context.setOutput(
    'critical-path',
    (report.criticalPath?.chain ?? []).map((job) => job.job).join(' -> '),
  );
}

export async function run(context: ActionContext): Promise<void> {
  const settings = getInputs(context);
  const { env, log } = context;
  const workspace = workspaceOf(env);
  const config = readTimingConfig(settings, workspace);
  const event = readWorkflowEvent(env);
  const target = readTargetRun(event, env);
  if (target === undefined) {
    throw new ConfigurationError('GITHUB_RUN_ID: not set; timing-summary runs in a workflow run');
  }
  if (!settings.token) {
    throw new ConfigurationError('token: input required and not supplied (it needs actions: read)');
  }
  const data = await readRun({
    ...settings,
    ...config,
    client: await apiClient(settings.token, env, log),
    target,
    env,
    workspace,
    defaultBranch: event.payload.repository?.default_branch,
    log,
  });
  const report = analyzeRun(data, {
    ...config,
    targetJob: settings.targetJob,
    cacheBudgetBytes: settings.cacheBudgetBytes,
    cacheWarnRatio: settings.cacheWarnAt / 100,
  });
  writeOutputs(report, context);
  if (settings.summary) context.appendSummary(timingSummary(report));
  if (data.markers?.fails) {
    const message = failOnMessage(data.markers, settings.failOnMarkers);
    throw new CheckFailed(message.replace(/^fail-on:/, 'fail-on-markers:'));
  }
  const seconds = report.headline.target?.seconds;
  const max = settings.maxTargetSeconds;
  if (max !== undefined && seconds !== undefined && seconds !== null && seconds > max) {
    throw new CheckFailed(
      `target-job '${settings.targetJob!}' took ${Math.round(seconds)} s from the run's creation, more than max-target-seconds ${max}`,
    );
  }
}
