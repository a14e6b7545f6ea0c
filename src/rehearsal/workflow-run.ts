/**
 * Runs a workflow file the way GitHub schedules it, as far as lanekit's proof needs: jobs in
 * `needs` order, each job's `if:` evaluated (skipped needs skip dependents unless `always()`),
 * `strategy.matrix` expanded from its expression as GitHub expands it, every leg's `runs-on`,
 * `name`, `continue-on-error` and `env` evaluated, and lanekit's own steps run through the local
 * runner with their `with:` evaluated. The steps of a leg share what a runner gives them: one
 * RUNNER_TEMP, the variables and PATH entries earlier steps exported (GITHUB_ENV, GITHUB_PATH),
 * and the workflow's, job's and step's `env:`. With `runSteps`, `run:` steps run too, in bash as
 * the runner runs them, their expressions evaluated first; otherwise they (and checkout) count as
 * succeeded, unless `legOutcome` says a leg failed. With an API server, the server answers for
 * this run's jobs (the legs run so far) and for the workflow file, as GitHub would to the gate.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { ExpressionContext, Value } from './expressions.ts';
import { evaluateCondition, evaluateValue, toText } from './expressions.ts';
import type { GitHubApiServer } from './github-api.ts';
import type { Leg } from './github-matrix.ts';
import { expandMatrix } from './github-matrix.ts';
import type { RunResult } from './runner.ts';
import { runAction, runStepProcess, stepFiles } from './runner.ts';
import type { GeneratedAttempt, JobPlan, StepPlan } from './run-bodies.ts';
import { runnerFor, SimulatedRun, stepPlan } from './simulated-run.ts';
import type { CacheUsage } from './simulated-run.ts';

interface StepSpec {
  id?: string;
  name?: string;
  if?: unknown;
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
  shell?: string;
  env?: unknown;
  'working-directory'?: string;
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
  name?: string;
  on?: unknown;
  env?: Record<string, unknown>;
  jobs: Record<string, JobSpec>;
}

export type JobResult = 'success' | 'failure' | 'skipped';

export interface SimulatedStep {
  readonly job: string;
  readonly id: string | undefined;
  /** The lanekit action's name, or `run` for a `run:` step. */
  readonly action: string;
  /** The leg's matrix values. */
  readonly matrix: Leg;
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
  /** The run as GitHub's API lists it at the end: the attempt and its jobs. */
  readonly attempt: GeneratedAttempt | undefined;
}

export interface SimulationOptions {
  /** The workflow file; it is written into the workspace at .github/workflows/<name>. */
  readonly workflowFile: string;
  readonly workspace: string;
  readonly event: { readonly name: string; readonly payload: unknown };
  /**
   * Answers for the run (its attempt, the jobs finished so far, their logs), the workflow's
   * contents and the runs listing; lanekit steps get a token for it.
   */
  readonly api?: GitHubApiServer;
  /** The run's id (GITHUB_RUN_ID); default 42. */
  readonly runId?: number;
  /** The branch the run is on; default main. */
  readonly headBranch?: string;
  /** The commit the run is for (github.sha); default b…b. */
  readonly headSha?: string;
  /** The latest successful run of the workflow on the default branch, for the runs listing. */
  readonly baseline?: GeneratedAttempt;
  /** What GET …/actions/cache/usage answers, asked at each request; default: no caches. */
  readonly cacheUsage?: () => CacheUsage;
  /** Makes a leg fail, as a failing `run:` step would. */
  readonly legOutcome?: (job: string, matrix: Leg) => 'success' | 'failure';
  /** Runs `run:` steps in bash (`bash --noprofile --norc -eo pipefail`), as the runner does. */
  readonly runSteps?: boolean;
  /**
   * Variables the runner gives every step of a leg beyond the GITHUB_* ones, e.g. a service's
   * runtime token (ArtifactService.env({ job })); `index` counts the job's legs from 0.
   */
  readonly legEnv?: (job: string, matrix: Leg, index: number) => Readonly<Record<string, string>>;
  /** Called as each job ends (run or skipped), in the order they end. */
  readonly onJob?: (job: SimulatedJob) => void;
}

const LANEKIT_STEP = /^(?:lanekit\/lanekit\/actions\/([\w-]+)@.+|\.\/actions\/([\w-]+))$/;
const RUN_ID = 42;
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

/** A job's plan before it runs: its key, its needs, whether it runs after a failure. */
function jobPlan(id: string, spec: JobSpec): JobPlan {
  const always = typeof spec.if === 'string' && /\b(?:always|failure|cancelled)\(\)/.test(spec.if);
  return {
    key: id,
    name: id,
    labels: [],
    runner: runnerFor([], 0),
    needs: needsOf(spec),
    always,
    queueSeconds: 0,
    setupSeconds: 0,
    steps: [],
  };
}

/** A leg's runs-on, evaluated, as the labels GitHub lists for its job. */
function runnerLabels(runsOn: unknown): string[] {
  if (typeof runsOn === 'string') return [runsOn];
  if (Array.isArray(runsOn)) return runsOn.map((label) => toText(label as Value));
  return [];
}

/** A leg's name: the job's `name:` evaluated, else GitHub's `<job> (<matrix values>)`. */
function legName(id: string, spec: JobSpec, matrix: Leg, context: ExpressionContext): unknown {
  if (spec.name !== undefined) return evaluateValue(spec.name, context);
  const values = Object.values(matrix);
  return values.length === 0 ? id : `${id} (${values.map(toText).join(', ')})`;
}

/** An `env:` mapping as the variables it sets (null, as an absent matrix.env gives, sets none). */
function textValues(value: unknown, where: string): Record<string, string> {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where}: not a mapping`);
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, toText(item as Value)]),
  );
}

interface ShellStep {
  readonly env: Readonly<Record<string, string>>;
  readonly shell: string | undefined;
  readonly cwd: string;
  readonly event: SimulationOptions['event'];
  readonly workspace: string;
}

/** A `run:` step still running after this long is killed (cargo test included). */
const RUN_STEP_TIMEOUT_MS = 300_000;

/** The shells a `run:` step may name, as the runner invokes them (`{0}` is the script file). */
const SHELLS: Readonly<Record<string, readonly string[]>> = {
  bash: ['bash', '--noprofile', '--norc', '-eo', 'pipefail'],
  sh: ['sh', '-e'],
};

/**
 * What the steps of one leg share on a runner: RUNNER_TEMP, the variables and PATH entries that
 * earlier steps exported, and the variables the runner sets for the leg.
 */
class LegRuntime {
  readonly temp: string;
  readonly exported: Record<string, string> = {};
  readonly #paths: string[] = [];
  readonly #runner: Readonly<Record<string, string>>;
  #steps = 0;

  constructor(root: string, runner: Readonly<Record<string, string>>) {
    this.temp = mkdtempSync(join(root, 'runner-temp-'));
    this.#runner = runner;
  }

  /** A step's variables over the runner's: `env` (workflow, job, step), RUNNER_TEMP, PATH. */
  stepEnv(env: Readonly<Record<string, string>>): Record<string, string> {
    const path = [...this.#paths, this.#runner.PATH ?? process.env.PATH ?? ''].join(':');
    return { ...env, ...this.#runner, RUNNER_TEMP: this.temp, PATH: path };
  }

  /** Takes what a step wrote to GITHUB_ENV and GITHUB_PATH for the steps after it. */
  carry(result: RunResult): void {
    Object.assign(this.exported, result.exportedEnv);
    this.#paths.unshift(...result.addedPath.toReversed());
  }

  /** Runs a `run:` step's script in its shell, with the runner's file commands. */
  async runShell(script: string, step: ShellStep): Promise<RunResult> {
    const shell = SHELLS[step.shell ?? 'bash'];
    if (shell === undefined) throw new Error(`shell ${String(step.shell)} is not simulated`);
    const dir = join(this.temp, '_runner_file_commands', String(this.#steps++));
    mkdirSync(dir, { recursive: true });
    const files = stepFiles(dir, step.event.payload);
    const scriptFile = join(dir, 'script.sh');
    writeFileSync(scriptFile, script);
    const env = {
      HOME: process.env.HOME ?? this.temp,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: step.event.name,
      GITHUB_WORKSPACE: step.workspace,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ATTEMPT: '1',
      RUNNER_OS: 'Linux',
      ...this.stepEnv(step.env),
      ...files,
    };
    const [command, ...args] = shell;
    return runStepProcess(
      command!,
      [...args, scriptFile],
      { cwd: step.cwd, env, timeoutMs: RUN_STEP_TIMEOUT_MS },
      files,
    );
  }
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
  const runId = options.runId ?? RUN_ID;
  const headSha = options.headSha ?? HEAD_SHA;
  const run = new SimulatedRun({
    runId,
    runNumber: runId,
    workflowName: workflow.name ?? workflowPath,
    workflowFile: basename(options.workflowFile),
    workflowText: text,
    event: options.event.name,
    headBranch: options.headBranch ?? 'main',
    headSha,
    ...(options.baseline ? { baseline: options.baseline } : {}),
    ...(options.cacheUsage ? { cacheUsage: options.cacheUsage } : {}),
  });
  if (api) run.serve(api);
  const github: Value = {
    event_name: options.event.name,
    event: options.event.payload as Value,
    token,
    repository: 'octo-org/octo-repo',
    sha: headSha,
    run_id: String(runId),
    run_attempt: '1',
  };
  const inputs = dispatchInputs(workflow, options.event);
  const workflowEnv = evaluateValue(workflow.env ?? {}, { contexts: { github, inputs } }) as Value;

  const temp = mkdtempSync(join(tmpdir(), 'lanekit-simulated-run-'));
  try {
    await runJobs();
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return { jobs, steps, attempt: run.attempt() };

  async function runJobs(): Promise<void> {
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
        const skipped: SimulatedJob = { id, result: 'skipped', outputs: {}, legs: [] };
        jobs.set(id, skipped);
        options.onJob?.(skipped);
        // GitHub lists a skipped job once, under its name as written.
        run.add({
          job: { ...jobPlan(id, spec), name: spec.name ?? id, skipped: true },
          output: [],
        });
        continue;
      }
      const matrices: Leg[] = spec.strategy?.matrix
        ? expandMatrix(evaluateValue(spec.strategy.matrix, jobContext))
        : [{}];
      const legs: SimulatedLeg[] = [];
      let outputs: Record<string, string> = {};
      let failed = false;
      for (const [index, matrix] of matrices.entries()) {
        const strategy = { 'job-index': index, 'job-total': matrices.length };
        const legContext: ExpressionContext = {
          contexts: { ...jobContext.contexts, matrix, strategy, steps: {} },
          status: 'success',
        };
        const stepsContext: Record<string, Value> = {};
        const jobEnv = textValues(evaluateValue(spec.env ?? {}, legContext), `jobs.${id}.env`);
        const leg = new LegRuntime(temp, {
          ...options.legEnv?.(id, matrix, index),
          GITHUB_JOB: id,
          GITHUB_RUN_ID: String(runId),
          GITHUB_WORKFLOW_REF: `octo-org/octo-repo/${workflowPath}@refs/heads/main`,
          GITHUB_WORKFLOW_SHA: headSha,
          ...(api ? { GITHUB_API_URL: api.url } : {}),
        });
        const continueOnError = evaluateValue(spec['continue-on-error'] ?? false, legContext);
        let conclusion = options.legOutcome?.(id, matrix) ?? 'success';
        const stepPlans: StepPlan[] = [];
        const stepOutput: string[] = [];
        for (const step of spec.steps ?? []) {
          // The env context: what earlier steps exported, under the workflow's, job's, step's env.
          const baseEnv = { ...leg.exported, ...(workflowEnv as Record<string, Value>), ...jobEnv };
          const contexts = { ...legContext.contexts, steps: stepsContext, env: baseEnv };
          const status = conclusion === 'success' ? 'success' : 'failure';
          if (!evaluateCondition(step.if, { contexts, status })) continue;
          const where = `jobs.${id}.steps.${step.id ?? step.name ?? step.uses ?? 'run'}`;
          const stepEnv = {
            ...baseEnv,
            ...textValues(evaluateValue(step.env ?? {}, { contexts, status }), `${where}.env`),
          };
          const stepContext = { contexts: { ...contexts, env: stepEnv }, status } as const;
          const match = LANEKIT_STEP.exec(step.uses ?? '');
          let ran: { action: string; inputs: Record<string, string>; result: RunResult };
          const startedMs = Date.now();
          if (match) {
            const action = match[1] ?? match[2]!;
            const inputs = stepInputs(evaluateValue(step.with, stepContext), where);
            const result = await runAction(action, {
              workspace: options.workspace,
              event: options.event,
              inputs,
              token,
              env: leg.stepEnv(textValues(stepEnv, where)),
            });
            ran = { action, inputs, result };
          } else if (step.run !== undefined && options.runSteps) {
            const script = toText(evaluateValue(step.run, stepContext) as Value);
            const result = await leg.runShell(script, {
              env: textValues(stepEnv, where),
              shell: step.shell,
              cwd: join(options.workspace, step['working-directory'] ?? ''),
              event: options.event,
              workspace: options.workspace,
            });
            ran = { action: 'run', inputs: {}, result };
          } else {
            continue;
          }
          leg.carry(ran.result);
          // As GitHub names a step without a name: `Run ` and its action or its script's first line.
          const stepName =
            step.name ?? `Run ${step.uses ?? (step.run ?? '').trim().split('\n')[0]!}`;
          stepPlans.push(stepPlan(stepName, startedMs, Date.now(), ran.result.exitCode === 0));
          // A job log holds both streams; cargo, for one, reports on stderr.
          stepOutput.push(`${ran.result.stdout}${ran.result.stderr}`);
          steps.push({ job: id, id: step.id, matrix, ...ran });
          if (step.id)
            stepsContext[step.id] = {
              outputs: { ...ran.result.outputs },
              outcome: ran.result.exitCode === 0 ? 'success' : 'failure',
            };
          if (ran.result.exitCode !== 0) conclusion = 'failure';
        }
        const contexts = { ...legContext.contexts, steps: stepsContext };
        // A leg made to fail (legOutcome) failed in a step that was not run here.
        if (conclusion === 'failure' && stepPlans.every((s) => s.conclusion !== 'failure')) {
          stepPlans.push({ name: 'Run the failing step', seconds: 0, conclusion: 'failure' });
        }
        const labels = runnerLabels(evaluateValue(spec['runs-on'], legContext));
        run.add({
          job: {
            ...jobPlan(id, spec),
            name: toText(legName(id, spec, matrix, legContext) as Value),
            labels,
            runner: runnerFor(labels, index + 1),
            steps: stepPlans,
          },
          output: stepOutput,
        });
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
      const done: SimulatedJob = { id, result: failed ? 'failure' : 'success', outputs, legs };
      jobs.set(id, done);
      options.onJob?.(done);
    }
  }
}
