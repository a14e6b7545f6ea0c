import { apiCall } from './api-call.ts';
import type { GitHubClient } from './client.ts';
import type { Repo } from './repo.ts';

/** A run of a workflow, as the runs listing gives it. */
export interface WorkflowRun {
  readonly id: number;
  readonly headSha: string;
  readonly headBranch: string | null;
  readonly event: string;
  readonly conclusion: string | null;
  readonly runAttempt: number;
  readonly createdAt: number | null;
  readonly htmlUrl: string;
}

interface ApiRun {
  readonly id: number;
  readonly head_sha: string;
  readonly head_branch: string | null;
  readonly event: string;
  readonly conclusion: string | null;
  readonly run_attempt?: number;
  readonly created_at: string;
  readonly html_url: string;
}

/** How many recent successful runs are looked at for one that is not this run. */
const PAGE = 10;

/**
 * The latest successful run of a workflow (its file name, as in `.github/workflows/<file>`) on a
 * branch, leaving out the run `exceptRunId` (this one, when it is re-run after a success).
 * Undefined when the workflow has none there.
 */
export async function latestSuccessfulRun(
  client: GitHubClient,
  repo: Repo,
  options: { workflowFile: string; branch: string; exceptRunId?: number; event?: string },
): Promise<WorkflowRun | undefined> {
  const { data } = await apiCall(`runs of ${options.workflowFile} on ${options.branch}`, () =>
    client.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
      ...repo,
      workflow_id: options.workflowFile,
      branch: options.branch,
      status: 'success',
      ...(options.event === undefined ? {} : { event: options.event }),
      per_page: PAGE,
    }),
  );
  const runs = data.workflow_runs as readonly ApiRun[];
  const found = runs.find((run) => run.id !== options.exceptRunId && run.conclusion === 'success');
  if (found === undefined) return undefined;
  const created = Date.parse(found.created_at);
  return {
    id: found.id,
    headSha: found.head_sha,
    headBranch: found.head_branch,
    event: found.event,
    conclusion: found.conclusion,
    runAttempt: found.run_attempt ?? 1,
    createdAt: Number.isNaN(created) ? null : created,
    htmlUrl: found.html_url,
  };
}
