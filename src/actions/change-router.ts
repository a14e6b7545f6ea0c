import { apiClient } from '../github/api-client.ts';
import { readWorkflowEvent } from '../github/event.ts';
import { openCheckout, refusalProblem, workingDirectory } from '../git/checkout.ts';
import { Repository } from '../git/repository.ts';
import type { RangeOverrides } from '../routing/event-range.ts';
import type { FileListFormat } from '../routing/file-lists.ts';
import { FILE_LIST_FORMATS, fileListOutputs } from '../routing/file-lists.ts';
import { lastSuccessOverrides } from '../routing/last-success.ts';
import { PLAN_SHRINKS } from '../routing/plan-output.ts';
import { planSummary, describeReason } from '../routing/plan-summary.ts';
import type { DiffSource, Plan } from '../routing/route-changes.ts';
import { routeChanges } from '../routing/route-changes.ts';
import { DEFAULT_ROUTES_FILE } from '../routing/routes-config.ts';
import { readRoutesInput } from '../routing/routes-input.ts';
import type { ActionContext } from '../runner/action-context.ts';
import { workspaceOf } from '../runner/config-input.ts';
import { ConfigurationError } from '../runner/errors.ts';
import { setJsonOutput } from '../runner/json-output.ts';

const LAST_SUCCESS = 'last-success';

export interface ChangeRouterInputs {
  /** A routes file path, or the routes YAML itself. */
  readonly routes: string;
  readonly base: string | undefined;
  readonly head: string | undefined;
  readonly source: 'auto' | 'git' | 'api';
  readonly token: string | undefined;
  readonly summary: boolean;
  readonly listFiles: FileListFormat;
  /** Where in the workspace the repository was checked out; the workspace by default. */
  readonly workingDirectory: string | undefined;
}

export function getInputs({ inputs }: ActionContext): ChangeRouterInputs {
  return {
    routes: inputs.optional('routes') ?? DEFAULT_ROUTES_FILE,
    base: inputs.optional('base'),
    head: inputs.optional('head'),
    source: inputs.choice('source', ['auto', 'git', 'api'], 'auto'),
    token: inputs.optional('token'),
    summary: inputs.boolean('summary', true),
    listFiles: inputs.choice('list-files', FILE_LIST_FORMATS, 'none'),
    workingDirectory: inputs.optional('working-directory'),
  };
}

async function diffSource(
  settings: ChangeRouterInputs,
  dir: string,
  context: ActionContext,
): Promise<DiffSource> {
  if (settings.source !== 'api') {
    const opened = await openCheckout({
      workspace: workspaceOf(context.env),
      dir,
      token: settings.token,
      serverUrl: context.env.GITHUB_SERVER_URL ?? 'https://github.com',
    });
    if (opened instanceof Repository) return { kind: 'git', repo: opened };
    const problem = refusalProblem(opened, dir);
    if (settings.source === 'git') {
      throw new ConfigurationError(`source: got 'git', but ${problem}, or use source: api`);
    }
    if (opened.reason === 'dubious-ownership') context.log.warning(problem);
  }
  const event = readWorkflowEvent(context.env);
  if (!event.repository) throw new ConfigurationError('source: api needs GITHUB_REPOSITORY');
  if (!settings.token)
    throw new ConfigurationError('token: API mode needs a token (the default is github.token)');
  context.log.info('No git checkout: reading the changed files from the GitHub API');
  return {
    kind: 'api',
    client: await apiClient(settings.token, context.env, context.log),
    repo: event.repository,
  };
}

/** The base to compare with: the input, or for `last-success` the last green run's head. */
async function baseOverrides(
  settings: ChangeRouterInputs,
  context: ActionContext,
): Promise<RangeOverrides> {
  if (settings.base !== LAST_SUCCESS) return { base: settings.base, head: settings.head };
  if (!settings.token) {
    throw new ConfigurationError(
      `base: '${LAST_SUCCESS}' reads this workflow's runs; it needs token (github.token with actions: read)`,
    );
  }
  const client = await apiClient(settings.token, context.env, context.log);
  return { ...(await lastSuccessOverrides(client, context.env)), head: settings.head };
}

function writeOutputs(plan: Plan, settings: ChangeRouterInputs, context: ActionContext): void {
  setJsonOutput(context, 'plan', plan, PLAN_SHRINKS);
  const running = Object.entries(plan.routes)
    .filter(([, r]) => r.run)
    .map(([name]) => name);
  context.setOutput('routes', JSON.stringify(running));
  context.setOutput('changed-files', String(plan.changedFiles));
  context.setOutput('fallback-reason', plan.fallbackReason ?? '');
  for (const [name, route] of Object.entries(plan.routes))
    context.setOutput(name, String(route.run));
  const lists = fileListOutputs(plan.routes, settings.listFiles);
  for (const { name, value } of lists.outputs) context.setOutput(name, value);
  for (const { route, omitted } of lists.cut) {
    context.log.warning(
      `${route}-files: ${omitted} files left out to fit the job's outputs; the whole list is in plan-file`,
    );
  }
}

function logPlan(plan: Plan, context: ActionContext): void {
  const { log } = context;
  log.info(`Base ${plan.base ?? 'none'}, head ${plan.head ?? 'unknown'}: ${plan.how}`);
  log.info(`${plan.changedFiles} changed files`);
  for (const [name, route] of Object.entries(plan.routes)) {
    const first = route.reasons[0];
    log.info(`${route.run ? 'run ' : 'skip'} ${name}${first ? `: ${describeReason(first)}` : ''}`);
  }
  for (const warning of plan.warnings) log.warning(warning);
  if (plan.fallbackReason) log.notice(`Fallback: ${plan.fallbackReason}`);
}

export async function run(context: ActionContext): Promise<void> {
  const settings = getInputs(context);
  const dir = workingDirectory(workspaceOf(context.env), settings.workingDirectory);
  const config = readRoutesInput(settings.routes, dir);
  const source = await diffSource(settings, dir, context);
  const plan = await routeChanges({
    config,
    event: readWorkflowEvent(context.env),
    overrides: await baseOverrides(settings, context),
    source,
    log: context.log,
  });
  writeOutputs(plan, settings, context);
  logPlan(plan, context);
  if (settings.summary) context.appendSummary(planSummary(plan));
}
