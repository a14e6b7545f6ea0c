import { basename } from 'node:path';
import type { GitHubClient } from '../github/client.ts';
import { repositoryOf } from '../github/event.ts';
import { latestSuccessfulRun } from '../github/workflow-runs.ts';
import { workflowPath } from '../github/workflow-file.ts';
import type { RangeOverrides } from './event-range.ts';

/** The branch this run is for: a pull request's head branch, else the pushed branch. */
function branchOf(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_HEAD_REF) return env.GITHUB_HEAD_REF;
  const ref = env.GITHUB_REF ?? '';
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

/**
 * `base: last-success`: the head of the last successful run of this workflow on this branch, so
 * a push after a red run routes everything the red run never proved. Without such a run, or
 * outside a branch, every route runs, saying why.
 */
export async function lastSuccessOverrides(
  client: GitHubClient,
  env: NodeJS.ProcessEnv,
): Promise<RangeOverrides> {
  const path = workflowPath(env.GITHUB_WORKFLOW_REF);
  const branch = branchOf(env);
  const repo = repositoryOf(env);
  if (path === undefined || branch === undefined || repo === undefined) {
    return {
      noBase: {
        cause: 'base-unknown:last-success',
        how: 'base last-success needs the run of a workflow on a branch (GITHUB_WORKFLOW_REF, GITHUB_REF, GITHUB_REPOSITORY)',
      },
    };
  }
  const workflowFile = basename(path);
  const runId = Number(env.GITHUB_RUN_ID);
  const run = await latestSuccessfulRun(client, repo, {
    workflowFile,
    branch,
    ...(Number.isSafeInteger(runId) ? { exceptRunId: runId } : {}),
  });
  if (run === undefined) {
    return {
      noBase: {
        cause: 'base-unknown:no-successful-run',
        how: `${workflowFile} has no successful run on ${branch} to compare with`,
      },
    };
  }
  return {
    base: run.headSha,
    baseHow: `the head of the last successful run of ${workflowFile} on ${branch} (${run.htmlUrl})`,
  };
}
