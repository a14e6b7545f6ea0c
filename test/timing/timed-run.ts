import type { RunJob, RunJobStep } from '../../src/github/run-jobs.ts';
import { parseWorkflow } from '../../src/workflow/workflow.ts';
import type { RunData, RunInfo } from '../../src/timing/run-data.ts';

/** Time 0 of every test run: the run's creation. Tests give every other time in seconds after it. */
export const T0 = Date.parse('2026-03-02T09:00:00Z');
export const at = (seconds: number): number => T0 + seconds * 1000;

/** A step: name, started and completed seconds (null: not yet), and its conclusion. */
export type StepSpec = readonly [
  name: string,
  started: number | null,
  completed: number | null,
  conclusion?: string,
];

export interface JobSpec {
  readonly name: string;
  readonly id?: number;
  readonly created?: number | null;
  readonly started?: number | null;
  /** Null: still running. */
  readonly completed?: number | null;
  readonly conclusion?: string | null;
  readonly status?: string;
  readonly steps?: readonly StepSpec[];
}

let nextId = 1000;

export function step([name, started, completed, conclusion]: StepSpec, number: number): RunJobStep {
  const done = completed !== null;
  return {
    name,
    number,
    status: done ? 'completed' : started === null ? 'pending' : 'in_progress',
    conclusion: done ? (conclusion ?? 'success') : null,
    startedAt: started === null ? null : at(started),
    completedAt: completed === null ? null : at(completed),
  };
}

export function job(spec: JobSpec): RunJob {
  const id = spec.id ?? nextId++;
  const created = spec.created === undefined ? 0 : spec.created;
  const started = spec.started === undefined ? created : spec.started;
  const completed = spec.completed === undefined ? started : spec.completed;
  const done = completed !== null;
  return {
    id,
    name: spec.name,
    status: spec.status ?? (done ? 'completed' : started === null ? 'queued' : 'in_progress'),
    conclusion: done ? (spec.conclusion === undefined ? 'success' : spec.conclusion) : null,
    runAttempt: 1,
    createdAt: created === null ? null : at(created),
    startedAt: started === null ? null : at(started),
    completedAt: completed === null ? null : at(completed),
    labels: ['ubuntu-24.04'],
    runnerName: started === null ? null : 'GitHub Actions 1',
    runnerGroupName: null,
    workflowName: 'CI',
    htmlUrl: `https://github.com/o/r/actions/runs/7/job/${id}`,
    steps: (spec.steps ?? []).map((s, i) => step(s, i + 1)),
  };
}

export function runInfo(overrides: Partial<RunInfo> = {}): RunInfo {
  return {
    id: 7,
    attempt: 1,
    workflowName: 'CI',
    workflowPath: '.github/workflows/ci.yml',
    event: 'pull_request',
    headBranch: 'feature',
    headSha: 'a'.repeat(40),
    status: 'completed',
    conclusion: 'success',
    createdAt: T0,
    runStartedAt: T0,
    updatedAt: null,
    htmlUrl: 'https://github.com/o/r/actions/runs/7',
    previousAttempts: [],
    ...overrides,
  };
}

export interface RunSpec {
  readonly jobs: readonly (JobSpec | RunJob)[];
  readonly run?: Partial<RunInfo>;
  readonly workflow?: string;
  /** Seconds after T0; default: the last completion. */
  readonly readAt?: number;
  readonly data?: Partial<RunData>;
}

const isJob = (value: JobSpec | RunJob): value is RunJob => 'steps' in value && 'htmlUrl' in value;

export function runData(spec: RunSpec): RunData {
  const jobs = spec.jobs.map((j) => (isJob(j) ? j : job(j)));
  const last = Math.max(T0, ...jobs.flatMap((j) => j.completedAt ?? []));
  return {
    run: runInfo(spec.run),
    jobs,
    totalJobs: jobs.length,
    workflow: spec.workflow === undefined ? undefined : parseWorkflow(spec.workflow),
    ownJobId: undefined,
    cache: undefined,
    baseline: undefined,
    markers: undefined,
    readAt: spec.readAt === undefined ? last : at(spec.readAt),
    notices: [],
    ...spec.data,
  };
}
