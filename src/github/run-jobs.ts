import { apiCall } from './api-call.ts';
import type { GitHubClient } from './client.ts';
import { repositoryOf } from './event.ts';
import type { Repo } from './repo.ts';

/** One attempt of one workflow run: whose jobs to list. */
export interface RunAttempt extends Repo {
  readonly runId: number;
  readonly attempt: number;
}

export interface RunJobStep {
  readonly name: string;
  readonly number: number;
  /** queued, in_progress, completed, or pending (GitHub reports steps not yet reached both ways). */
  readonly status: string;
  readonly conclusion: string | null;
  /** Epoch milliseconds; null until the step starts (GitHub mixes `Z` and `+09:00` offsets). */
  readonly startedAt: number | null;
  readonly completedAt: number | null;
}

export interface RunJob {
  readonly id: number;
  /** As shown in the UI: matrix values and reusable-workflow callers included. Not unique. */
  readonly name: string;
  /** queued, in_progress, completed, waiting, requested or pending. */
  readonly status: string;
  /** success, failure, cancelled, skipped, neutral, timed_out, action_required, ...; null until done. */
  readonly conclusion: string | null;
  readonly runAttempt: number | undefined;
  readonly createdAt: number | null;
  readonly startedAt: number | null;
  readonly completedAt: number | null;
  readonly labels: readonly string[];
  /** Null when no runner took the job (queued, skipped, cancelled before start). */
  readonly runnerName: string | null;
  readonly runnerGroupName: string | null;
  readonly workflowName: string | null;
  readonly htmlUrl: string | null;
  /** Sorted by number: the API may list them out of order. Empty when GitHub sends none. */
  readonly steps: readonly RunJobStep[];
}

export interface RunJobs {
  readonly jobs: readonly RunJob[];
  /** What the API said the attempt has; more than `jobs.length` means pages were lost. */
  readonly totalCount: number;
}

/** The attempt this step runs in, from the runner's environment. */
export function currentRunAttempt(env: NodeJS.ProcessEnv = process.env): RunAttempt | undefined {
  const repository = repositoryOf(env);
  const runId = Number(env.GITHUB_RUN_ID);
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
  if (!repository || !Number.isSafeInteger(runId) || runId <= 0) return undefined;
  return {
    ...repository,
    runId,
    attempt: Number.isSafeInteger(attempt) && attempt > 0 ? attempt : 1,
  };
}

interface ApiStep {
  readonly name?: unknown;
  readonly number?: unknown;
  readonly status?: unknown;
  readonly conclusion?: unknown;
  readonly started_at?: unknown;
  readonly completed_at?: unknown;
}

/** A job as the REST API's job lists hold it. */
export interface ApiJob {
  readonly id: number | bigint;
  readonly name: string;
  readonly status: string;
  readonly conclusion: string | null;
  readonly run_attempt?: number;
  readonly created_at?: string;
  readonly started_at?: string | null;
  readonly completed_at?: string | null;
  readonly labels?: readonly string[];
  readonly runner_name?: string | null;
  readonly runner_group_name?: string | null;
  readonly workflow_name?: string | null;
  readonly html_url?: string | null;
  readonly steps?: readonly ApiStep[] | null;
}

function time(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** Empty strings (a cancelled job's runner) mean the same as null. */
const present = (value: string | null | undefined) =>
  value === undefined || value === null || value === '' ? null : value;

function toStep(step: ApiStep): RunJobStep {
  return {
    name: typeof step.name === 'string' ? step.name : '',
    number: typeof step.number === 'number' ? step.number : 0,
    status: typeof step.status === 'string' ? step.status : 'pending',
    conclusion: typeof step.conclusion === 'string' ? step.conclusion : null,
    startedAt: time(step.started_at),
    completedAt: time(step.completed_at),
  };
}

export function toRunJob(job: ApiJob): RunJob {
  return {
    id: Number(job.id),
    name: job.name,
    status: job.status,
    conclusion: job.conclusion,
    runAttempt: job.run_attempt,
    createdAt: time(job.created_at),
    startedAt: time(job.started_at),
    completedAt: time(job.completed_at),
    labels: job.labels ?? [],
    runnerName: present(job.runner_name),
    runnerGroupName: present(job.runner_group_name),
    workflowName: present(job.workflow_name),
    htmlUrl: present(job.html_url),
    steps: (job.steps ?? []).map(toStep).sort((a, b) => a.number - b.number),
  };
}

/**
 * Every job of one run attempt with its steps (GET .../runs/{run_id}/attempts/{n}/jobs, 100 a
 * page). A job listed twice, as happens when jobs start between two pages, is kept once; jobs
 * of another attempt are left out. Names are not unique: two jobs may share one.
 */
export async function listRunAttemptJobs(client: GitHubClient, run: RunAttempt): Promise<RunJobs> {
  const byId = new Map<number, RunJob>();
  let totalCount = 0;
  await apiCall(`jobs of run ${run.runId} attempt ${run.attempt}`, async () => {
    const pages = client.paginate.iterator(
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs',
      {
        owner: run.owner,
        repo: run.repo,
        run_id: run.runId,
        attempt_number: run.attempt,
        per_page: 100,
      },
    );
    for await (const page of pages) {
      const response = page as unknown as { data: readonly ApiJob[] & { total_count?: number } };
      totalCount = Math.max(totalCount, response.data.total_count ?? 0);
      for (const apiJob of response.data) {
        const job = toRunJob(apiJob);
        if (job.runAttempt !== undefined && job.runAttempt !== run.attempt) continue;
        byId.set(job.id, job);
      }
    }
  });
  const jobs = [...byId.values()];
  return { jobs, totalCount: Math.max(totalCount, jobs.length) };
}
