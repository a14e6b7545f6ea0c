import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  apiCall
} from "./chunk-PFIR35EB.js";

// src/github/workflow-runs.ts
var PAGE = 10;
async function latestSuccessfulRun(client, repo, options) {
  const { data } = await apiCall(
    `runs of ${options.workflowFile} on ${options.branch}`,
    () => client.request("GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs", {
      ...repo,
      workflow_id: options.workflowFile,
      branch: options.branch,
      status: "success",
      ...options.event === void 0 ? {} : { event: options.event },
      per_page: PAGE
    })
  );
  const runs = data.workflow_runs;
  const found = runs.find((run) => run.id !== options.exceptRunId && run.conclusion === "success");
  if (found === void 0) return void 0;
  const created = Date.parse(found.created_at);
  return {
    id: found.id,
    headSha: found.head_sha,
    headBranch: found.head_branch,
    event: found.event,
    conclusion: found.conclusion,
    runAttempt: found.run_attempt ?? 1,
    createdAt: Number.isNaN(created) ? null : created,
    htmlUrl: found.html_url
  };
}

export {
  latestSuccessfulRun
};
