import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  apiCall,
  repositoryOf
} from "./chunk-PFIR35EB.js";

// src/github/run-jobs.ts
function currentRunAttempt(env = process.env) {
  const repository = repositoryOf(env);
  const runId = Number(env.GITHUB_RUN_ID);
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? "1");
  if (!repository || !Number.isSafeInteger(runId) || runId <= 0) return void 0;
  return {
    ...repository,
    runId,
    attempt: Number.isSafeInteger(attempt) && attempt > 0 ? attempt : 1
  };
}
function time(value) {
  if (typeof value !== "string" || value === "") return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
var present = (value) => value === void 0 || value === null || value === "" ? null : value;
function toStep(step) {
  return {
    name: typeof step.name === "string" ? step.name : "",
    number: typeof step.number === "number" ? step.number : 0,
    status: typeof step.status === "string" ? step.status : "pending",
    conclusion: typeof step.conclusion === "string" ? step.conclusion : null,
    startedAt: time(step.started_at),
    completedAt: time(step.completed_at)
  };
}
function toRunJob(job) {
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
    steps: (job.steps ?? []).map(toStep).sort((a, b) => a.number - b.number)
  };
}
async function listRunAttemptJobs(client, run) {
  const byId = /* @__PURE__ */ new Map();
  let totalCount = 0;
  await apiCall(`jobs of run ${run.runId} attempt ${run.attempt}`, async () => {
    const pages = client.paginate.iterator(
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs",
      {
        owner: run.owner,
        repo: run.repo,
        run_id: run.runId,
        attempt_number: run.attempt,
        per_page: 100
      }
    );
    for await (const page of pages) {
      const response = page;
      totalCount = Math.max(totalCount, response.data.total_count ?? 0);
      for (const apiJob of response.data) {
        const job = toRunJob(apiJob);
        if (job.runAttempt !== void 0 && job.runAttempt !== run.attempt) continue;
        byId.set(job.id, job);
      }
    }
  });
  const jobs = [...byId.values()];
  return { jobs, totalCount: Math.max(totalCount, jobs.length) };
}

export {
  currentRunAttempt,
  toRunJob,
  listRunAttemptJobs
};
