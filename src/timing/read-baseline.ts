import { apiCall } from '../github/api-call.ts';
import type { GitHubClient } from '../github/client.ts';
import type { Repo } from '../github/repo.ts';
import { listRunAttemptJobs } from '../github/run-jobs.ts';
import { latestSuccessfulRun } from '../github/workflow-runs.ts';
import type { CompareTo } from './compare-to.ts';
import { readRunInfo } from './read-run-info.ts';
import type { BaselineRun, RunInfo } from './run-data.ts';

/** The baseline, or why there is none: a notice for the report. */
export interface BaselineRead {
  readonly baseline?: BaselineRun;
  readonly notice?: string;
}

async function defaultBranchOf(
  client: GitHubClient,
  repo: Repo,
  fromPayload: string | undefined,
): Promise<string> {
  if (fromPayload) return fromPayload;
  const { data } = await apiCall('repository', () =>
    client.request('GET /repos/{owner}/{repo}', { ...repo }),
  );
  return data.default_branch;
}

async function baselineAttempt(
  client: GitHubClient,
  repo: Repo,
  run: RunInfo,
  options: { compareTo: CompareTo; defaultBranch: string | undefined },
): Promise<{ runId: number; attempt?: number } | string> {
  const { compareTo } = options;
  if (compareTo.kind === 'run') return { runId: compareTo.runId };
  const workflowFile = run.workflowPath?.split('/').pop();
  if (workflowFile === undefined) {
    return `no baseline: the run's workflow (${run.workflowName}) is not a file under .github/workflows`;
  }
  const branch = await defaultBranchOf(client, repo, options.defaultBranch);
  const found = await latestSuccessfulRun(client, repo, {
    workflowFile,
    branch,
    exceptRunId: run.id,
  });
  if (found === undefined) {
    return `no baseline: ${workflowFile} has no successful run on ${branch} to compare with`;
  }
  return { runId: found.id, attempt: found.runAttempt };
}

/**
 * The run to compare with and its jobs: a run by id (its latest attempt), or the latest
 * successful run of the same workflow on the default branch (from the event payload, else the
 * repository). 2 or 3 requests, plus one per 100 of its jobs. A baseline that does not exist is
 * a notice, not an error.
 */
export async function readBaseline(
  client: GitHubClient,
  repo: Repo,
  run: RunInfo,
  options: { compareTo: CompareTo; defaultBranch: string | undefined },
): Promise<BaselineRead> {
  if (options.compareTo.kind === 'none') return {};
  const which = await baselineAttempt(client, repo, run, options);
  if (typeof which === 'string') return { notice: which };
  let baselineRun: RunInfo;
  try {
    baselineRun = await readRunInfo(client, repo, which.runId, which.attempt);
  } catch (error) {
    if (options.compareTo.kind === 'run' && isNotFound(error)) {
      return {
        notice: `no baseline: run ${which.runId} does not exist in ${repo.owner}/${repo.repo}`,
      };
    }
    throw error;
  }
  const { jobs, totalCount } = await listRunAttemptJobs(client, {
    ...repo,
    runId: baselineRun.id,
    attempt: baselineRun.attempt,
  });
  const lost = totalCount - jobs.length;
  return {
    baseline: { run: baselineRun, jobs },
    ...(lost > 0
      ? { notice: `the baseline run lists ${totalCount} jobs, ${lost} of them were not read` }
      : {}),
  };
}

const isNotFound = (error: unknown) =>
  error instanceof Error &&
  error.cause instanceof Error &&
  'status' in error.cause &&
  error.cause.status === 404;
