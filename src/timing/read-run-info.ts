import { apiCall } from '../github/api-call.ts';
import type { GitHubClient } from '../github/client.ts';
import type { Repo } from '../github/repo.ts';
import type { RunInfo } from './run-data.ts';

/** The fields of GitHub's workflow-run object that a summary reads. */
interface ApiRun {
  readonly id: number;
  readonly name?: string | null;
  readonly path: string;
  readonly event: string;
  readonly head_branch: string | null;
  readonly head_sha: string;
  readonly status: string | null;
  readonly conclusion: string | null;
  readonly created_at: string;
  readonly run_started_at?: string;
  readonly updated_at: string;
  readonly html_url: string;
  readonly run_attempt?: number;
}

const time = (value: string | null | undefined): number | null => {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
};

/** The run's page without an `/attempts/<n>` tail, which attempt links are built on. */
const runPage = (htmlUrl: string) => htmlUrl.replace(/\/attempts\/\d+\/?$/, '');

/** The workflow file of a run: its `path`, without the `@ref` GitHub adds for some runs. */
const workflowPathOf = (path: string) => {
  const file = path.replace(/@.*$/, '');
  return file.startsWith('.github/workflows/') ? file : undefined;
};

export function toRunInfo(run: ApiRun): RunInfo {
  const attempt = run.run_attempt ?? 1;
  const page = runPage(run.html_url);
  const createdAt = time(run.created_at) ?? 0;
  return {
    id: run.id,
    attempt,
    workflowName: run.name ?? run.path,
    workflowPath: workflowPathOf(run.path),
    event: run.event,
    headBranch: run.head_branch,
    headSha: run.head_sha,
    status: run.status ?? 'unknown',
    conclusion: run.conclusion,
    createdAt,
    runStartedAt: time(run.run_started_at),
    updatedAt: time(run.updated_at),
    htmlUrl: attempt > 1 ? `${page}/attempts/${attempt}` : page,
    previousAttempts: Array.from({ length: attempt - 1 }, (_, index) => ({
      attempt: index + 1,
      htmlUrl: `${page}/attempts/${index + 1}`,
    })),
  };
}

/**
 * One run as GitHub describes it: at `attempt` (GET .../runs/{id}/attempts/{n}), or at its
 * latest attempt when none is given (GET .../runs/{id}). One request.
 */
export async function readRunInfo(
  client: GitHubClient,
  repo: Repo,
  runId: number,
  attempt?: number,
): Promise<RunInfo> {
  const { data } = await apiCall(
    `run ${runId}${attempt === undefined ? '' : ` attempt ${attempt}`}`,
    () =>
      attempt === undefined
        ? client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
            ...repo,
            run_id: runId,
          })
        : client.request(
            'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}',
            { ...repo, run_id: runId, attempt_number: attempt },
          ),
  );
  return toRunInfo(data as ApiRun);
}
