import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { YAMLParseError } from 'yaml';
import type { GitHubClient } from '../github/client.ts';
import { githubApiUrl, readWorkflowEvent } from '../github/event.ts';
import { currentRunAttempt, listRunAttemptJobs } from '../github/run-jobs.ts';
import type { Dimensions } from '../lanes/dimensions.ts';
import { parseDimensions } from '../lanes/dimensions.ts';
import { formatSeconds } from '../lanes/duration.ts';
import type { RunLegs } from '../lanes/gate.ts';
import { judgeGate } from '../lanes/gate.ts';
import { gateSummary } from '../lanes/gate-summary.ts';
import type { GateWorkflowCheck } from '../lanes/gate-workflow.ts';
import { checkGateWorkflow, workflowPath } from '../lanes/gate-workflow.ts';
import { requestedLanes, selectLanes } from '../lanes/lane-selection.ts';
import type { LanesConfig } from '../lanes/lanes-config.ts';
import { DEFAULT_LANES_FILE, parseLanesConfig } from '../lanes/lanes-config.ts';
import { buildMatrices, RESERVED_MATRIX_KEYS } from '../lanes/matrix.ts';
import { matrixSummary } from '../lanes/matrix-summary.ts';
import { parseNeeds } from '../lanes/needs.ts';
import type { RouteStates, RouteTies } from '../lanes/route-ties.ts';
import {
  parseRouteJobs,
  routeStatesFromNames,
  routeStatesFromPlan,
  tieRoutes,
} from '../lanes/route-ties.ts';
import type { ShardPlan } from '../lanes/shards.ts';
import { parseDurations, planShards } from '../lanes/shards.ts';
import { eventTrust } from '../lanes/trust.ts';
import { apiContentReader } from '../routing/api-diff.ts';
import type { ActionContext } from '../runner/action.ts';
import { runAction } from '../runner/action.ts';
import { readConfigInput, workspace } from '../runner/config-input.ts';
import { CheckFailed, ConfigurationError } from '../runner/configuration-error.ts';
import type { Inputs } from '../runner/inputs.ts';

interface Common {
  /** A lanes file path, or the lanes YAML itself. */
  readonly lanesFile: string;
  readonly summary: boolean;
}

export interface MatrixInputs extends Common {
  readonly mode: 'matrix';
  readonly lanes: string | undefined;
  readonly dimensions: string | undefined;
  readonly shards: number | undefined;
  readonly shardItems: readonly string[];
  readonly shardDurations: string | undefined;
  readonly canary: readonly string[];
}

export interface GateInputs extends Common {
  readonly mode: 'gate';
  readonly needs: unknown;
  readonly allowedSkips: readonly string[];
  readonly allowedFailures: readonly string[];
  readonly mustRun: RouteStates | undefined;
  readonly routeJobs: string | undefined;
  readonly token: string | undefined;
}

const MATRIX_ONLY = ['lanes', 'dimensions', 'shards', 'shard-items', 'shard-durations', 'canary'];
const GATE_ONLY = ['needs', 'allowed-skips', 'allowed-failures', 'must-run', 'route-jobs'];

function rejectOtherMode(inputs: Inputs, mode: 'matrix' | 'gate'): void {
  const other = mode === 'matrix' ? GATE_ONLY : MATRIX_ONLY;
  for (const name of other) {
    if (inputs.optional(name) !== undefined) {
      throw new ConfigurationError(
        `${name}: is read in mode ${mode === 'matrix' ? 'gate' : 'matrix'}, but this step runs mode ${mode}; remove it or set mode`,
      );
    }
  }
}

function mustRunInput(inputs: Inputs): RouteStates | undefined {
  const raw = inputs.optional('must-run');
  if (raw === undefined) return undefined;
  if (raw.startsWith('{'))
    return routeStatesFromPlan(inputs.json('must-run', "change-router's plan"));
  if (raw.startsWith('[')) {
    const names = inputs.json('must-run', 'a JSON list of route names');
    return routeStatesFromNames(Array.isArray(names) ? names : [names]);
  }
  return routeStatesFromNames(inputs.list('must-run'));
}

export function getInputs({ inputs }: ActionContext): MatrixInputs | GateInputs {
  const mode = inputs.choice('mode', ['matrix', 'gate'], 'matrix');
  rejectOtherMode(inputs, mode);
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
      mustRun: mustRunInput(inputs),
      routeJobs: inputs.optional('route-jobs'),
      token: inputs.optional('token'),
    };
  }
  return {
    ...common,
    mode,
    lanes: inputs.optional('lanes'),
    dimensions: inputs.optional('dimensions'),
    shards:
      inputs.optional('shards') === undefined
        ? undefined
        : inputs.integer('shards', 1, { min: 1, max: 256 }),
    shardItems: inputs.list('shard-items'),
    shardDurations: inputs.optional('shard-durations'),
    canary: inputs.list('canary'),
  };
}

const inWorkspace = (path: string) => (isAbsolute(path) ? path : resolve(workspace(), path));

/** The lanes config; undefined only when `optional` and the default file is not there. */
function loadLanes(value: string, optional: boolean): LanesConfig | undefined {
  const file = readConfigInput('lanes-file', value, { defaultFile: DEFAULT_LANES_FILE, optional });
  return file ? parseLanesConfig(file.text, file.origin) : undefined;
}

/** `shard-durations`: item -> seconds as inline JSON, or a JSON file in the workspace. */
function loadDurations(value: string | undefined): Map<string, number> {
  if (value === undefined) return new Map();
  let text = value;
  if (!value.trimStart().startsWith('{')) {
    const path = inWorkspace(value);
    if (!existsSync(path)) {
      throw new ConfigurationError(
        `shard-durations: got '${value}', expected a JSON object of item -> seconds or a JSON file in the workspace; no file at ${path}`,
      );
    }
    text = readFileSync(path, 'utf8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(
      `shard-durations: ${value === text ? 'the input' : value} is not JSON (${error instanceof Error ? error.message : String(error)}); expected an object of item -> seconds`,
    );
  }
  return parseDurations(parsed, 'shard-durations');
}

function shardPlan(settings: MatrixInputs): ShardPlan | undefined {
  const { shards, shardItems, canary } = settings;
  if (shards === undefined) {
    if (shardItems.length > 0)
      throw new ConfigurationError(
        'shard-items: set shards to a count from 1 to 256 to split them',
      );
    if (canary.length > 0)
      throw new ConfigurationError(
        'canary: names items of shard-items; set shards and shard-items',
      );
    if (settings.shardDurations !== undefined) {
      throw new ConfigurationError('shard-durations: only used with shards and shard-items');
    }
    return undefined;
  }
  if (shardItems.length === 0) {
    throw new ConfigurationError(`shards: got ${shards}, but shard-items lists nothing to split`);
  }
  return planShards({
    items: shardItems,
    count: shards,
    durations: loadDurations(settings.shardDurations),
    canary,
  });
}

function runMatrix(settings: MatrixInputs, context: ActionContext): void {
  const { log } = context;
  const config = loadLanes(settings.lanesFile, false)!;
  const event = readWorkflowEvent();
  const trust = eventTrust(event.name, event.payload);
  const asked = requestedLanes(settings.lanes, config);
  const selection = selectLanes(config, asked, trust);
  const dimensions: Dimensions | undefined =
    settings.dimensions === undefined
      ? undefined
      : parseDimensions(settings.dimensions, RESERVED_MATRIX_KEYS);
  const shards = shardPlan(settings);
  const matrices = buildMatrices({ lanes: selection.lanes, dimensions, shards });

  context.setOutput('matrix', JSON.stringify(matrices.matrix));
  if (matrices.canary) context.setOutput('canary-matrix', JSON.stringify(matrices.canary));
  context.setOutput('lanes', JSON.stringify(selection.lanes.map((lane) => lane.name)));
  context.setOutput('trusted', String(trust.trusted));
  for (const lane of config.lanes) {
    context.setOutput(`include-${lane.name}`, String(selection.lanes.includes(lane)));
    context.setOutput(`runner-${lane.name}`, JSON.stringify(lane.runsOn));
  }

  log.info(`Event ${event.name}: ${trust.trusted ? 'trusted' : 'untrusted'}, ${trust.reason}`);
  if (selection.notice) log.notice(selection.notice);
  for (const lane of selection.lanes) {
    log.info(
      `lane ${lane.name}: ${lane.required ? 'required' : 'optional'}, runs-on ${JSON.stringify(lane.runsOn)}`,
    );
  }
  if (shards) {
    if (shards.canary) {
      log.info(
        `canary: ${shards.canary.items.length} items, expected ${formatSeconds(shards.canary.expectedSeconds)}`,
      );
    }
    for (const shard of shards.shards) {
      log.info(
        `shard ${shard.index}/${shards.shards.length}: ${shard.items.length} items, expected ${formatSeconds(shard.expectedSeconds)}`,
      );
    }
    if (shards.cappedFrom !== undefined) {
      log.notice(
        `shards: ${shards.cappedFrom} asked for, ${shards.shards.length} made: there are only ${shards.shards.length} items`,
      );
    }
  }
  log.info(
    `${matrices.matrix.include.length} legs${matrices.canary ? `, ${matrices.canary.include.length} canary legs` : ''}`,
  );
  if (settings.summary) {
    context.appendSummary(
      matrixSummary({ config, selection, trust, dimensions, shards, matrices }),
    );
  }
}

async function apiClient(token: string, context: ActionContext): Promise<GitHubClient> {
  const { createGitHubClient } = await import('../github/client.ts');
  return createGitHubClient({ token, baseUrl: githubApiUrl(), log: context.log });
}

/** This run's jobs, when a token can read them; otherwise the gate judges from needs alone. */
async function runLegs(
  settings: GateInputs,
  client: GitHubClient | undefined,
  check: GateWorkflowCheck | undefined,
  context: ActionContext,
): Promise<RunLegs | undefined> {
  const run = currentRunAttempt();
  if (!client || !run) return undefined;
  const config = loadLanes(settings.lanesFile, true);
  if (!config) {
    context.log.notice(
      `No ${DEFAULT_LANES_FILE} in the workspace: judging from needs alone. Check it out, or pass the lanes YAML in lanes-file, to judge each lane's legs.`,
    );
    return undefined;
  }
  try {
    const { jobs, totalCount } = await listRunAttemptJobs(client, run);
    context.log.info(`Read ${jobs.length} jobs of run ${run.runId} attempt ${run.attempt}`);
    return {
      config,
      jobs,
      complete: jobs.length >= totalCount,
      nameBases: check?.nameBases ?? new Map(),
    };
  } catch (error) {
    context.log.warning(
      `Judging from needs alone: ${error instanceof Error ? error.message : String(error)}. Give the gate job permissions: actions: read to judge each lane's legs.`,
    );
    return undefined;
  }
}

/** The gate job's own definition, from the checkout or (with a token) the contents API. */
async function workflowCheck(
  client: GitHubClient | undefined,
  context: ActionContext,
): Promise<GateWorkflowCheck | undefined> {
  const path = workflowPath(process.env.GITHUB_WORKFLOW_REF);
  const job = process.env.GITHUB_JOB;
  if (!path || !job) return undefined;
  let text: string | undefined;
  const local = inWorkspace(path);
  if (existsSync(local)) text = readFileSync(local, 'utf8');
  const event = readWorkflowEvent();
  const ref = process.env.GITHUB_WORKFLOW_SHA ?? process.env.GITHUB_SHA;
  if (text === undefined && client && event.repository && ref) {
    try {
      [text] = await apiContentReader(client, event.repository, ref, ref).read([
        { side: 'head', path },
      ]);
    } catch (error) {
      context.log.debug(`workflow file: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (text === undefined) {
    context.log.info(
      `Cannot read ${path} (no checkout, no contents: read), so the gate's own if: is not checked`,
    );
    return undefined;
  }
  try {
    return checkGateWorkflow(text, job);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    context.log.warning(
      `${path} is not valid YAML (${error.message.split('\n')[0] ?? ''}): the gate's if: is not checked`,
    );
    return undefined;
  }
}

async function runGate(settings: GateInputs, context: ActionContext): Promise<void> {
  const { log } = context;
  const needs = parseNeeds(settings.needs);
  const jobs = needs.map((need) => need.job);
  for (const [input, names] of [
    ['allowed-skips', settings.allowedSkips],
    ['allowed-failures', settings.allowedFailures],
  ] as const) {
    const unknown = names.find((name) => !jobs.includes(name));
    if (unknown !== undefined) {
      throw new ConfigurationError(
        `${input}: got '${unknown}', expected jobs of needs: ${jobs.join('|')} (a name that matches nothing would excuse nothing)`,
      );
    }
  }
  if (settings.routeJobs !== undefined && settings.mustRun === undefined) {
    throw new ConfigurationError(
      'route-jobs: ties routes to jobs for must-run; set must-run to the plan of change-router',
    );
  }
  const ties: RouteTies | undefined = settings.mustRun
    ? tieRoutes(
        settings.mustRun,
        settings.routeJobs === undefined ? undefined : parseRouteJobs(settings.routeJobs),
        jobs,
      )
    : undefined;
  const client = settings.token ? await apiClient(settings.token, context) : undefined;
  const check = await workflowCheck(client, context);
  const legs = await runLegs(settings, client, check, context);
  const outcome = judgeGate({
    needs,
    allowedSkips: settings.allowedSkips,
    allowedFailures: settings.allowedFailures,
    ties,
    legs,
  });
  const problems = check?.problem === undefined ? [] : [check.problem];
  if (check && check.unjudged.length > 0) {
    log.notice(
      `The gate does not judge ${check.unjudged.join(', ')} (not in its needs, directly or through another job): their failure cannot fail the required check`,
    );
  }
  const pass = outcome.pass && problems.length === 0;

  context.setOutput('result', pass ? 'success' : 'failure');
  context.setOutput('success', String(pass));
  context.setOutput('failure', String(!pass));
  context.setOutput(
    'decisions',
    JSON.stringify(
      Object.fromEntries(outcome.decisions.map(({ job, ...decision }) => [job, decision])),
    ),
  );
  for (const d of outcome.decisions)
    log.info(`${d.pass ? 'pass' : 'FAIL'} ${d.job} (${d.result}): ${d.why}`);
  for (const note of outcome.notes) log.notice(note);
  if (settings.summary) context.appendSummary(gateSummary(outcome, problems));
  if (!pass) {
    const failed = outcome.decisions.filter((d) => !d.pass).map((d) => `${d.job} ${d.why}`);
    throw new CheckFailed(`the gate failed: ${[...problems, ...failed].join('; ')}`);
  }
}

await runAction('lane-matrix', async (context) => {
  const settings = getInputs(context);
  if (settings.mode === 'gate') await runGate(settings, context);
  else runMatrix(settings, context);
});
