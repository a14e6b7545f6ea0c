import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  readLanesFile
} from "./chunk-N4W6Y3EP.js";
import {
  readOptionFile,
  readOptionJson,
  withOptionNames
} from "./chunk-UKVV2B5A.js";
import {
  analyzeRun,
  parseCategoryRules,
  parseLanePattern,
  runFromJobs,
  timingSummary,
  toRunInfo
} from "./chunk-2FJ2DO5Y.js";
import "./chunk-CVCU5CEQ.js";
import "./chunk-YMMWLN6U.js";
import {
  parseWorkflow
} from "./chunk-GHCFO6PF.js";
import "./chunk-YQQAF6OB.js";
import "./chunk-OWJYVQDS.js";
import "./chunk-6VAFBZHZ.js";
import "./chunk-VCFY2PB4.js";
import "./chunk-NAVPR6M6.js";
import {
  toRunJob
} from "./chunk-YAHCJC2M.js";
import "./chunk-RML3SJZG.js";
import {
  DEFAULT_LANES_FILE
} from "./chunk-NNRTMOBY.js";
import "./chunk-PFIR35EB.js";
import "./chunk-UH4JFLZK.js";
import "./chunk-Z6KEAZSF.js";
import "./chunk-5E5D6KYW.js";
import "./chunk-JZRQ347E.js";
import "./chunk-SHBUU7UF.js";
import "./chunk-62AEXFA6.js";
import {
  UsageError,
  parseCommandLine
} from "./chunk-EZB67IH2.js";
import "./chunk-BDGPVZJH.js";
import {
  errorMessage
} from "./chunk-2WEQVLCG.js";
import "./chunk-PYTXODB5.js";

// src/cli/summary-command.ts
var SUMMARY_USAGE = `Usage: lanekit summary --jobs FILE [--run FILE] [--workflow FILE] [--lanes-file FILE]
                       [--lane-pattern PATTERN] [--categories FILE] [--target-job JOB]
                       [--baseline-jobs FILE [--baseline-run FILE]] [--json]

Print timing-summary's report for one run attempt from files: its job list as the GitHub REST
API returns it (GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{n}/jobs, or .../jobs),
and optionally the run, its workflow file and a baseline run to compare with. Nothing is fetched:
save the responses first, e.g. gh api --paginate --slurp, and pass one page or a merged list.

Options:
  --jobs FILE            The job list: the response body {total_count, jobs: [...]}, a list of
                         such pages, or the jobs array itself.
  --run FILE             The run (GET .../actions/runs/{run_id}, or .../attempts/{n}). Without
                         it the run's times come from its jobs.
  --workflow FILE        The run's workflow file, for the critical path and the target's needs.
  --lanes-file FILE      The lanes file, to group jobs by lane. Default: ${DEFAULT_LANES_FILE}
                         when it exists.
  --lane-pattern PATTERN Lanes from job names when there is no lanes file, e.g. '* ({lane})'.
  --categories FILE      Step-category rules, as timing-summary's categories input.
  --target-job JOB       The job whose completion is the run's target: a workflow job id or a
                         listed name.
  --baseline-jobs FILE   The job list of a run to compare with.
  --baseline-run FILE    That run (without it, its times come from its jobs).
  --json                 Print the report as JSON, as timing-summary's report output.
  -h, --help             Print this help.

Jobs still running are timed up to the latest time the files hold.

Example:
  gh api repos/OWNER/REPO/actions/runs/RUN/attempts/1/jobs --paginate --slurp > jobs.json
  lanekit summary --jobs jobs.json --workflow .github/workflows/ci.yml --target-job test

Exit status: 0 the report was printed; 2 a bad option, a file that is not what it should be, an
unknown --target-job, or a bad lanes file.
`;
var SUMMARY_OPTIONS = {
  jobs: { type: "string", placeholder: "FILE", expected: "the job list JSON file" },
  run: { type: "string", placeholder: "FILE", expected: "the workflow run JSON file" },
  workflow: { type: "string", placeholder: "FILE", expected: "the workflow file" },
  "lanes-file": { type: "string", placeholder: "FILE", expected: "the lanes file" },
  "lane-pattern": {
    type: "string",
    placeholder: "PATTERN",
    expected: "a lane pattern such as '* ({lane})'"
  },
  categories: { type: "string", placeholder: "FILE", expected: "the step-category rules file" },
  "target-job": { type: "string", placeholder: "JOB", expected: "a workflow job id or job name" },
  "baseline-jobs": { type: "string", placeholder: "FILE", expected: "the job list JSON file" },
  "baseline-run": { type: "string", placeholder: "FILE", expected: "the workflow run JSON file" },
  json: { type: "boolean" }
};
var JOB_LIST = "a job list as the REST API returns it: {total_count, jobs: [...]} or an array";
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function jobListOf(option, body) {
  const pages = Array.isArray(body) && body.every(isObject) && body.every((p) => "jobs" in p);
  const bodies = pages ? body : [body];
  const apiJobs = [];
  let totalCount = 0;
  for (const page of bodies) {
    const jobs = Array.isArray(page) ? page : isObject(page) ? page.jobs : void 0;
    if (!Array.isArray(jobs)) throw new UsageError(`--${option}: expected ${JOB_LIST}`);
    for (const job of jobs) {
      if (!isObject(job) || typeof job.id !== "number" || typeof job.name !== "string" || typeof job.status !== "string") {
        throw new UsageError(
          `--${option}: a job without a numeric id, a name and a status; expected ${JOB_LIST}`
        );
      }
      apiJobs.push(job);
    }
    if (isObject(page) && typeof page.total_count === "number") {
      totalCount = Math.max(totalCount, page.total_count);
    }
  }
  return { apiJobs, totalCount };
}
function runJobs(list, attempt) {
  const byId = /* @__PURE__ */ new Map();
  for (const apiJob of list.apiJobs) {
    const job = toRunJob(apiJob);
    if (attempt !== void 0 && job.runAttempt !== void 0 && job.runAttempt !== attempt)
      continue;
    byId.set(job.id, job);
  }
  return [...byId.values()];
}
function runInfoOf(option, body) {
  if (!isObject(body) || typeof body.id !== "number" || typeof body.html_url !== "string" || typeof body.created_at !== "string") {
    throw new UsageError(
      `--${option}: expected a workflow run as the REST API returns it ({id, html_url, created_at, ...})`
    );
  }
  return toRunInfo(body);
}
function runOfJobs(list, jobs, readAt) {
  const first = list.apiJobs[0] ?? {};
  const url = typeof first.run_url === "string" ? first.run_url : "";
  const [, owner = "unknown", repo = "unknown"] = /\/repos\/([^/]+)\/([^/]+)\/actions\/runs\//.exec(url) ?? [];
  const runId = typeof first.run_id === "number" ? first.run_id : 0;
  const attempt = typeof first.run_attempt === "number" ? first.run_attempt : 1;
  return runFromJobs(
    { attempt: { owner, repo, runId, attempt }, isThisRun: false },
    jobs,
    {},
    readAt
  );
}
function latestTime(jobs) {
  const times = jobs.flatMap((job) => [
    job.createdAt ?? 0,
    job.startedAt ?? 0,
    job.completedAt ?? 0,
    ...job.steps.flatMap((step) => [step.startedAt ?? 0, step.completedAt ?? 0])
  ]);
  return Math.max(0, ...times);
}
function readRunFiles(jobsOption, jobsFile, runOption, runFile) {
  const list = jobListOf(jobsOption, readOptionJson(jobsOption, jobsFile, JOB_LIST));
  const given = runFile === void 0 ? void 0 : runInfoOf(runOption, readOptionJson(runOption, runFile, "a workflow run"));
  const jobs = runJobs(list, given?.attempt);
  const latest = latestTime(jobs);
  const readAt = Math.max(latest, given?.updatedAt ?? 0);
  return { run: given ?? runOfJobs(list, jobs, readAt), jobs, list, readAt };
}
function readWorkflow(file) {
  const text = readOptionFile("workflow", file);
  try {
    return parseWorkflow(text);
  } catch (error) {
    throw new UsageError(`--workflow: ${file} is not a workflow file: ${errorMessage(error)}`);
  }
}
function summaryCommand(args) {
  const line = parseCommandLine({ options: SUMMARY_OPTIONS }, args);
  if (line.help) {
    process.stdout.write(SUMMARY_USAGE);
    return Promise.resolve(0);
  }
  const { values } = line;
  if (values.jobs === void 0) throw new UsageError(`missing --jobs FILE, ${JOB_LIST}`);
  if (values["baseline-run"] !== void 0 && values["baseline-jobs"] === void 0) {
    throw new UsageError("--baseline-run: describes the run of --baseline-jobs; give that too");
  }
  const { run, jobs, list, readAt } = readRunFiles("jobs", values.jobs, "run", values.run);
  const notices = [];
  if (list.totalCount > jobs.length) {
    notices.push(
      `${values.jobs} lists ${jobs.length} of the ${list.totalCount} jobs of this attempt`
    );
  }
  const baseline = values["baseline-jobs"] === void 0 ? void 0 : readRunFiles(
    "baseline-jobs",
    values["baseline-jobs"],
    "baseline-run",
    values["baseline-run"]
  );
  const workflow = values.workflow === void 0 ? void 0 : readWorkflow(values.workflow);
  const categories = values.categories;
  const data = {
    run,
    jobs,
    totalJobs: Math.max(list.totalCount, jobs.length),
    workflow,
    ownJobId: void 0,
    cache: void 0,
    baseline,
    markers: void 0,
    readAt,
    notices
  };
  const report = withOptionNames(
    Object.keys(SUMMARY_OPTIONS),
    () => analyzeRun(data, {
      lanes: readLanesFile(values["lanes-file"], { optional: true }),
      lanePattern: values["lane-pattern"] === void 0 ? void 0 : parseLanePattern(values["lane-pattern"], "lane-pattern"),
      categoryRules: categories === void 0 ? void 0 : parseCategoryRules(readOptionFile("categories", categories), categories),
      targetJob: values["target-job"]
    })
  );
  process.stdout.write(
    values.json === true ? `${JSON.stringify(report, null, 2)}
` : timingSummary(report)
  );
  return Promise.resolve(0);
}
export {
  SUMMARY_USAGE,
  summaryCommand
};
