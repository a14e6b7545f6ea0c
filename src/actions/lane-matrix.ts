import { apiClient } from '../github/api-client.ts';
import { readWorkflowEvent } from '../github/event.ts';
import { decisionsOf, DECISIONS_SHRINKS } from '../lanes/decisions-output.ts';
import { parseDimensions } from '../lanes/dimensions.ts';
import { judgeGate } from '../lanes/gate.ts';
import { gateRunLegs, gateWorkflowCheck } from '../lanes/gate-evidence.ts';
import type { GateInputs as GateMode } from '../lanes/gate-inputs.ts';
import { gateRequestOf } from '../lanes/gate-inputs.ts';
import { gateSummary } from '../lanes/gate-summary.ts';
import { gateVerdict } from '../lanes/gate-verdict.ts';
import { requestedLanes, selectLanes } from '../lanes/lane-selection.ts';
import { DEFAULT_LANES_FILE } from '../lanes/lanes-config.ts';
import { readLanesInput } from '../lanes/lanes-input.ts';
import { buildMatrices, RESERVED_MATRIX_KEYS } from '../lanes/matrix.ts';
import { logMatrix } from '../lanes/matrix-log.ts';
import { matrixSummary } from '../lanes/matrix-summary.ts';
import { parseMustRun } from '../lanes/route-ties.ts';
import type { ShardInputs } from '../lanes/shard-inputs.ts';
import { shardPlanOf } from '../lanes/shard-inputs.ts';
import { eventTrust } from '../lanes/trust.ts';
import type { ActionContext } from '../runner/action-context.ts';
import { workspaceOf } from '../runner/config-input.ts';
import { CheckFailed, ConfigurationError } from '../runner/errors.ts';
import { setJsonOutput } from '../runner/json-output.ts';

interface Common {
  /** A lanes file path, or the lanes YAML itself. */
  readonly lanesFile: string;
  readonly summary: boolean;
}
export interface MatrixInputs extends Common, ShardInputs {
  readonly mode: 'matrix';
  readonly lanes: string | undefined;
  readonly dimensions: string | undefined;
}
export interface GateInputs extends Common, GateMode {
  readonly mode: 'gate';
  readonly token: string | undefined;
}

const ONLY_IN = {
  matrix: ['lanes', 'dimensions', 'shards', 'shard-items', 'shard-durations', 'canary'],
  gate: ['needs', 'allowed-skips', 'allowed-failures', 'must-run', 'route-jobs'],
};

export function getInputs({ inputs }: ActionContext): MatrixInputs | GateInputs {
  const mode = inputs.choice('mode', ['matrix', 'gate'], 'matrix');
  const other = mode === 'matrix' ? 'gate' : 'matrix';
  const misplaced = ONLY_IN[other].find((name) => inputs.optional(name) !== undefined);
  if (misplaced !== undefined) {
    throw new ConfigurationError(
      `${misplaced}: is read in mode ${other}, but this step runs mode ${mode}; remove it or set mode`,
    );
  }
  const common = {
    lanesFile: inputs.optional('lanes-file') ?? DEFAULT_LANES_FILE,
    summary: inputs.boolean('summary', true),
  };
  if (mode === 'gate') {
    return {
      ...common,
      mode,
      needs: inputs.json('needs', '${{ toJSON(needs) }}'),
      allowedSkips: inputs.list('allowed-skips'),
      allowedFailures: inputs.list('allowed-failures'),
      mustRun: parseMustRun(inputs.optional('must-run'), (name) => inputs.list(name)),
      routeJobs: inputs.optional('route-jobs'),
      token: inputs.optional('token'),
    };
  }
  const shards = inputs.optional('shards');
  return {
    ...common,
    mode,
    lanes: inputs.optional('lanes'),
    dimensions: inputs.optional('dimensions'),
    shards: shards === undefined ? undefined : inputs.integer('shards', 1, { min: 1, max: 256 }),
    shardItems: inputs.list('shard-items'),
    shardDurations: inputs.optional('shard-durations'),
    canary: inputs.list('canary'),
  };
}

function runMatrix(settings: MatrixInputs, context: ActionContext): void {
  const workspace = workspaceOf(context.env);
  const config = readLanesInput(settings.lanesFile, { optional: false, workspace })!;
  const event = readWorkflowEvent(context.env);
  const trust = eventTrust(event.name, event.payload);
  const selection = selectLanes(config, requestedLanes(settings.lanes, config), trust);
  const dimensions =
    settings.dimensions === undefined
      ? undefined
      : parseDimensions(settings.dimensions, RESERVED_MATRIX_KEYS);
  const shards = shardPlanOf(settings, workspace);
  const matrices = buildMatrices({ lanes: selection.lanes, dimensions, shards });

  context.setOutput('matrix', JSON.stringify(matrices.matrix));
  if (matrices.canary) context.setOutput('canary-matrix', JSON.stringify(matrices.canary));
  context.setOutput('lanes', JSON.stringify(selection.lanes.map((lane) => lane.name)));
  context.setOutput('trusted', String(trust.trusted));
  for (const lane of config.lanes) {
    context.setOutput(`include-${lane.name}`, String(selection.lanes.includes(lane)));
    context.setOutput(`runner-${lane.name}`, JSON.stringify(lane.runsOn));
  }
  logMatrix(context.log, { event: event.name, trust, selection, shards, matrices });
  if (settings.summary) {
    context.appendSummary(
      matrixSummary({ config, selection, trust, dimensions, shards, matrices }),
    );
  }
}

async function runGate(settings: GateInputs, context: ActionContext): Promise<void> {
  const { log, env } = context;
  const workspace = workspaceOf(env);
  const { needs, ties } = gateRequestOf(settings);
  const client = settings.token ? await apiClient(settings.token, env, log) : undefined;
  const check = await gateWorkflowCheck({ env, workspace, client, log });
  const lanes = () => readLanesInput(settings.lanesFile, { optional: true, workspace });
  const legs = await gateRunLegs({ env, client, lanes, check, log });
  const { allowedSkips, allowedFailures } = settings;
  const outcome = judgeGate({ needs, allowedSkips, allowedFailures, ties, legs });
  const verdict = gateVerdict(outcome, check);
  if (check && check.unjudged.length > 0) {
    log.notice(
      `The gate does not judge ${check.unjudged.join(', ')} (not in its needs, directly or through another job): their failure cannot fail the required check`,
    );
  }

  context.setOutput('result', verdict.pass ? 'success' : 'failure');
  context.setOutput('success', String(verdict.pass));
  context.setOutput('failure', String(!verdict.pass));
  setJsonOutput(context, 'decisions', decisionsOf(outcome.decisions), DECISIONS_SHRINKS);
  for (const d of outcome.decisions)
    log.info(`${d.pass ? 'pass' : 'FAIL'} ${d.job} (${d.result}): ${d.why}`);
  for (const note of outcome.notes) log.notice(note);
  if (settings.summary) context.appendSummary(gateSummary(outcome, verdict.problems));
  if (verdict.failure !== undefined) throw new CheckFailed(verdict.failure);
}

export async function run(context: ActionContext): Promise<void> {
  const settings = getInputs(context);
  if (settings.mode === 'gate') await runGate(settings, context);
  else runMatrix(settings, context);
}
