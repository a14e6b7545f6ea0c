import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  apiCall,
  repositoryOf
} from "./chunk-PFIR35EB.js";

// src/workflow/job-names.ts
function splitJobName(name) {
  const trimmed = name.trimEnd();
  if (!trimmed.endsWith(")")) return { base: trimmed, parts: [] };
  let depth = 0;
  const parts = [];
  let end = trimmed.length - 1;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i];
    if (ch === ")") {
      depth++;
      if (depth === 1) end = i;
    } else if (ch === "(") {
      depth--;
      if (depth === 0) {
        parts.unshift(trimmed.slice(i + 1, end).trim());
        return { base: trimmed.slice(0, i).trim(), parts };
      }
    } else if (ch === "," && depth === 1) {
      parts.unshift(trimmed.slice(i + 1, end).trim());
      end = i;
    }
  }
  return { base: trimmed, parts: [] };
}
function nameBase(name) {
  const expression = name.indexOf("${{");
  const base = expression < 0 ? splitJobName(name).base : name.slice(0, expression).replace(/\(\s*$/, "");
  return base.trim() === "" ? void 0 : base.trim();
}
var EXPRESSION = /\$\{\{.*?\}\}/s;
var escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function namePattern(job) {
  const literals = (job.name ?? job.id).split(EXPRESSION);
  const legValues = job.hasMatrix && literals.length === 1 ? "(?: \\(.*\\))?" : "";
  const calledJob = job.uses === void 0 ? "" : " / .+";
  const name = literals.map(escapeRegExp).join(".*?");
  return {
    id: job.id,
    prefix: literals[0],
    pattern: new RegExp(`^${name}${legValues}${calledJob}$`, "s"),
    literalLength: literals.join("").length + (job.uses === void 0 ? 0 : " / ".length)
  };
}
var JobNameMatcher = class {
  #patterns;
  constructor(workflow) {
    this.#patterns = [...workflow.jobs.values()].map(namePattern);
  }
  /**
   * The id of the job whose name, by the rules above, gives `listedName`: of several, the one
   * that fixes most of the name (`name: build / lint` before a caller `build`). Undefined when
   * no job gives it, or two give it as surely (two jobs with the same `name:`).
   */
  jobIdOf(listedName) {
    let best;
    let tied = false;
    for (const candidate of this.#patterns) {
      if (!listedName.startsWith(candidate.prefix) || !candidate.pattern.test(listedName)) {
        continue;
      }
      if (best === void 0 || candidate.literalLength > best.literalLength) {
        best = candidate;
        tied = false;
      } else if (candidate.literalLength === best.literalLength) {
        tied = true;
      }
    }
    return tied ? void 0 : best?.id;
  }
};

// src/lanes/lane-of.ts
function laneOfJob(config, jobName) {
  for (const part of splitJobName(jobName).parts) {
    const lane = config.lanes.find((l) => l.suffix === part) ?? config.lanes.find((l) => l.name === part);
    if (lane) return lane;
  }
  return void 0;
}
function laneOfArtifact(config, artifactName) {
  let best;
  for (const lane of config.lanes) {
    const suffix = lane.artifactSuffix;
    if (suffix === "" || artifactName.length <= suffix.length || !artifactName.endsWith(suffix)) {
      continue;
    }
    if (!best || suffix.length > best.artifactSuffix.length) best = lane;
  }
  return best ?? config.lanes.find((lane) => lane.artifactSuffix === "");
}

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
function toJob(job) {
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
        const job = toJob(apiJob);
        if (job.runAttempt !== void 0 && job.runAttempt !== run.attempt) continue;
        byId.set(job.id, job);
      }
    }
  });
  const jobs = [...byId.values()];
  return { jobs, totalCount: Math.max(totalCount, jobs.length) };
}

export {
  splitJobName,
  nameBase,
  JobNameMatcher,
  laneOfJob,
  laneOfArtifact,
  currentRunAttempt,
  listRunAttemptJobs
};
