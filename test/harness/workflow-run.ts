/**
 * Runs a workflow file the way GitHub schedules it, as far as lanekit's proof needs: jobs in
 * `needs` order, each job's `if:` evaluated (skipped needs skip dependents unless `always()`),
 * `strategy.matrix` expanded from its expression as GitHub expands it, every leg's `runs-on`,
 * `name`, `continue-on-error` and `env` evaluated, and lanekit's own steps run through the local
 * runner with their `with:` evaluated. Other steps (checkout, `run:`) count as succeeded, unless
 * `legOutcome` says a leg failed. With an API server, the server answers for this run's jobs
 * (the legs run so far) and for the workflow file, as GitHub would to the gate.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { ExpressionContext, Value } from './expressions.ts';
import { evaluateCondition, evaluateValue, toText } from './expressions.ts';
import type { GitHubApiServer } from './github-api.ts';
import type { Leg } from './github-matrix.ts';
import { expandMatrix } from './github-matrix.ts';
import { recordedJobs } from './recorded-api.ts';
import type { RunResult } from './runner.ts';
import { runAction } from './runner.ts';

interface StepSpec {
  id?: string;
  if?: unknown;
  uses?: string;
  with?: Record<string, unknown>;
}

interface JobSpec {
  name?: string;
  needs?: string | string[];
  if?: unknown;
  'runs-on'?: unknown;
  'continue-on-error'?: unknown;
  env?: unknown;
  strategy?: { matrix?: unknown };
  outputs?: Record<string, string>;
  steps?: StepSpec[];
}

interface WorkflowSpec {
  on?: unknown;
  env?: Record<string, unknown>;
  jobs: Record<string, JobSpec>;
}

export type JobResult = 'success' | 'failure' | 'skipped';

export interface SimulatedStep {
  readonly job: string;
  readonly id: string | undefined;
  readonly action: string;
  readonly inputs: Readonly<Record<string, string>>;
  readonly result: RunResult;
}

export interface SimulatedLeg {
  readonly matrix: Leg;
  /** The evaluated values, as the runner would receive them. */
  readonly name: unknown;
  readonly runsOn: unknown;
  readonly continueOnError: unknown;
  readonly env: unknown;
  readonly conclusion: 'success' | 'failure';
}

export interface SimulatedJob {
  readonly id: string;
  readonly result: JobResult;
  readonly outputs: Readonly<Record<string, string>>;
  readonly legs: readonly SimulatedLeg[];
}

export interface WorkflowSimulation {
  readonly jobs: ReadonlyMap<string, SimulatedJob>;
  readonly steps: readonly SimulatedStep[];
}

export interface SimulationOptions {
  /** The workflow file; it is written into the workspace at .github/workflows/<name>. */
  readonly workflowFile: string;
  readonly workspace: string;
  readonly event: { readonly name: string; readonly payload: unknown };
  /** Answers the run's jobs and the workflow's contents; lanekit steps get a token for it. */
  readonly api?: GitHubApiServer;
  /** Makes a leg fail, as a failing `run:` step would. */
  readonly legOutcome?: (job: string, matrix: Leg) => 'success' | 'failure';
}

const LANEKIT_STEP = /^(?:lanekit\/lanekit\/actions\/([\w-]+)@.+|\.\/actions\/([\w-]+))$/;
const RUN_ID = '42';
const HEAD_SHA = 'b'.repeat(40);

const needsOf = (job: JobSpec) =>
  job.needs === undefined ? [] : typeof job.needs === 'string' ? [job.needs] : job.needs;

/** Job ids in an order where every job comes after the jobs it needs. */
function schedule(jobs: Record<string, JobSpec>): string[] {
  const order: string[] = [];
  const visit = (id: string, path: string[]) => {
    if (order.includes(id)) return;
    if (path.includes(id)) throw new Error(`needs cycle: ${[...path, id].join(' -> ')}`);
    const job = jobs[id];
    if (!job) throw new Error(`unknown job '${id}' in needs`);
    for (const need of needsOf(job)) visit(need, [...path, id]);
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, []);
  return order;
}

function dispatchInputs(workflow: WorkflowSpec, event: SimulationOptions['event']): Value {
  if (event.name !== 'workflow_dispatch') return {};
  const on = workflow.on as {
    workflow_dispatch?: { inputs?: Record<string, { default?: Value }> };
  };
  const defaults = Object.fromEntries(
    Object.entries(on.workflow_dispatch?.inputs ?? {}).map(([name, spec]) => [
      name,
      spec.default ?? '',
    ]),
  );
  const given = (event.payload as { inputs?: Record<string, Value> } | null)?.inputs ?? {};
  return { ...defaults, ...given };
}

function stepInputs(value: unknown, where: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null)
    throw new Error(`${where}: with: is not a mapping`);
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (typeof item === 'object' && item !== null) {
        throw new Error(`${where}: input ${key} is an ${Array.isArray(item) ? 'array' : 'object'}`);
      }
      return [key, toText(item as Value)];
    }),
  );
}

/** This run's jobs as GET .../attempts/{n}/jobs lists them: real recorded fields, our legs. */
function apiJobs(jobs: ReadonlyMap<string, SimulatedJob>): Record<string, unknown>[] {
  const template = recordedJobs('bubbletea-35713862348.jobs.json')[0]!;
  let id = 9000;
  return [...jobs.values()].flatMap((job) =>
    job.legs.map((leg) => ({
      ...template,
      id: id++,
      run_id: Number(RUN_ID),
      run_attempt: 1,
      name: toText(leg.name as Value),
      status: 'completed',
      conclusion: leg.conclusion,
      steps: [],
    })),
  );
}

/** A leg's name: the job's `name:` evaluated, else GitHub's `<job> (<matrix values>)`. */
function legName(id: string, spec: JobSpec, matrix: Leg, context: ExpressionContext): unknown {
  if (spec.name !== undefined) return evaluateValue(spec.name, context);
  const values = Object.values(matrix);
  return values.length === 0 ? id : `${id} (${values.map(toText).join(', ')})`;
}

export async function simulateWorkflow(options: SimulationOptions): Promise<WorkflowSimulation> {
  const text = readFileSync(options.workflowFile, 'utf8');
  const workflowPath = `.github/workflows/${basename(options.workflowFile)}`;
  mkdirSync(dirname(join(options.workspace, workflowPath)), { recursive: true });
  writeFileSync(join(options.workspace, workflowPath), text);
  const workflow = parse(text) as WorkflowSpec;
  const jobs = new Map<string, SimulatedJob>();
  const steps: SimulatedStep[] = [];
  const token = options.api ? 'ghs_simulated' : '';
  const { api } = options;
  if (api) {
    api.paginated(
      'GET',
      '/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt/jobs',
      () => apiJobs(jobs),
      {
        key: 'jobs',
      },
    );
    api.route('GET', `/repos/:owner/:repo/contents/${workflowPath}`, () => ({ rawBody: text }));
  }
  const github: Value = {
    event_name: options.event.name,
    event: options.event.payload as Value,
    token,
    repository: 'octo-org/octo-repo',
    sha: HEAD_SHA,
    run_id: RUN_ID,
    run_attempt: '1',
  };
  const inputs = dispatchInputs(workflow, options.event);
  const workflowEnv = evaluateValue(workflow.env ?? {}, { contexts: { github, inputs } }) as Value;

  for (const id of schedule(workflow.jobs)) {
    const spec = workflow.jobs[id]!;
    const needs: Record<string, Value> = {};
    for (const need of needsOf(spec)) {
      const done = jobs.get(need)!;
      needs[need] = { result: done.result, outputs: { ...done.outputs } };
    }
    const results = Object.values(needs).map((n) => (n as { result: JobResult }).result);
    const status = results.includes('failure')
      ? 'failure'
      : results.includes('skipped')
        ? 'skipped'
        : 'success';
    const jobContext: ExpressionContext = {
      contexts: {
        github: { ...(github as object), job: id },
        inputs,
        env: workflowEnv,
        needs,
        vars: {},
        secrets: {},
      },
      status,
    };
    if (!evaluateCondition(spec.if, jobContext)) {
      jobs.set(id, { id, result: 'skipped', outputs: {}, legs: [] });
      continue;
    }
    const matrices: Leg[] = spec.strategy?.matrix
      ? expandMatrix(evaluateValue(spec.strategy.matrix, jobContext))
      : [{}];
    const legs: SimulatedLeg[] = [];
    let outputs: Record<string, string> = {};
    let failed = false;
    for (const matrix of matrices) {
      const legContext: ExpressionContext = {
        contexts: { ...jobContext.contexts, matrix, strategy: {}, steps: {} },
        status: 'success',
      };
      const stepsContext: Record<string, Value> = {};
      const contexts = { ...legContext.contexts, steps: stepsContext };
      const continueOnError = evaluateValue(spec['continue-on-error'] ?? false, legContext);
      let conclusion = options.legOutcome?.(id, matrix) ?? 'success';
      for (const step of spec.steps ?? []) {
        const stepContext = {
          contexts,
          status: conclusion === 'success' ? 'success' : 'failure',
        } as const;
        if (!evaluateCondition(step.if, stepContext)) continue;
        const match = LANEKIT_STEP.exec(step.uses ?? '');
        if (!match) continue;
        const action = match[1] ?? match[2]!;
        const with_ = stepInputs(
          evaluateValue(step.with, stepContext),
          `jobs.${id}.steps.${step.id ?? action}`,
        );
        const result = await runAction(action, {
          workspace: options.workspace,
          event: options.event,
          inputs: with_,
          token,
          env: {
            GITHUB_JOB: id,
            GITHUB_RUN_ID: RUN_ID,
            GITHUB_WORKFLOW_REF: `octo-org/octo-repo/${workflowPath}@refs/heads/main`,
            GITHUB_WORKFLOW_SHA: HEAD_SHA,
            ...(api ? { GITHUB_API_URL: api.url } : {}),
          },
        });
        steps.push({ job: id, id: step.id, action, inputs: with_, result });
        if (step.id)
          stepsContext[step.id] = {
            outputs: { ...result.outputs },
            outcome: result.exitCode === 0 ? 'success' : 'failure',
          };
        if (result.exitCode !== 0) conclusion = 'failure';
      }
      legs.push({
        matrix,
        name: legName(id, spec, matrix, legContext),
        runsOn: evaluateValue(spec['runs-on'], legContext),
        continueOnError,
        env: evaluateValue(spec.env ?? {}, legContext),
        conclusion,
      });
      if (conclusion === 'failure' && continueOnError !== true) failed = true;
      outputs = Object.fromEntries(
        Object.entries(spec.outputs ?? {}).map(([name, expression]) => [
          name,
          toText(evaluateValue(expression, { contexts, status: 'success' }) as Value),
        ]),
      );
    }
    jobs.set(id, { id, result: failed ? 'failure' : 'success', outputs, legs });
  }
  return { jobs, steps };
}
