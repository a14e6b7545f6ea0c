import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  SCAN_LOGS,
  analyzeRun,
  parseCategoryRules,
  parseLanePattern,
  readRun,
  timingSummary
} from "./chunks/chunk-2FJ2DO5Y.js";
import "./chunks/chunk-CVCU5CEQ.js";
import "./chunks/chunk-YMMWLN6U.js";
import "./chunks/chunk-GHCFO6PF.js";
import "./chunks/chunk-YQQAF6OB.js";
import "./chunks/chunk-OWJYVQDS.js";
import {
  readRulesInput
} from "./chunks/chunk-WDG4ZQBV.js";
import {
  DEFAULT_MARKERS_FILE,
  checkFailOn,
  failOnMessage
} from "./chunks/chunk-TWMVON3P.js";
import "./chunks/chunk-6VAFBZHZ.js";
import "./chunks/chunk-VCFY2PB4.js";
import "./chunks/chunk-NAVPR6M6.js";
import {
  readLanesInput
} from "./chunks/chunk-4XE3IOUW.js";
import {
  currentRunAttempt
} from "./chunks/chunk-YAHCJC2M.js";
import "./chunks/chunk-RML3SJZG.js";
import {
  DEFAULT_LANES_FILE
} from "./chunks/chunk-NNRTMOBY.js";
import {
  apiClient
} from "./chunks/chunk-LZSCOON6.js";
import {
  readWorkflowEvent
} from "./chunks/chunk-PFIR35EB.js";
import "./chunks/chunk-UH4JFLZK.js";
import "./chunks/chunk-Z6KEAZSF.js";
import {
  setJsonOutput
} from "./chunks/chunk-6QVZVFDK.js";
import "./chunks/chunk-5E5D6KYW.js";
import {
  readConfigInput,
  workspaceOf
} from "./chunks/chunk-JZRQ347E.js";
import {
  runAction
} from "./chunks/chunk-IE2KK4PV.js";
import "./chunks/chunk-6ZRQNHWQ.js";
import "./chunks/chunk-SHBUU7UF.js";
import "./chunks/chunk-62AEXFA6.js";
import "./chunks/chunk-BDGPVZJH.js";
import {
  CheckFailed,
  ConfigurationError,
  invalidValue
} from "./chunks/chunk-2WEQVLCG.js";
import "./chunks/chunk-PYTXODB5.js";

// src/common/size.ts
var UNITS = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40
};
var SIZE = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i;
function parseSize(input, value) {
  const match = SIZE.exec(value.trim());
  const unit = match?.[2] === "" ? 1 : UNITS[(match?.[2] ?? "").toLowerCase()];
  const bytes = match && unit !== void 0 ? Math.round(Number(match[1]) * unit) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw invalidValue(
      input,
      value,
      "a size above 0: bytes, or a number with B, KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 10GiB"
    );
  }
  return bytes;
}

// src/timing/compare-to.ts
function parseCompareTo(input, value) {
  const lower = value.trim().toLowerCase();
  if (lower === "none") return { kind: "none" };
  if (lower === "default-branch") return { kind: "default-branch" };
  const runId = /^\d+$/.test(lower) ? Number(lower) : Number.NaN;
  if (!Number.isSafeInteger(runId) || runId <= 0) {
    throw invalidValue(input, value, "default-branch|none|<run id> (a positive number)");
  }
  return { kind: "run", runId };
}

// src/timing/read-config.ts
function readTimingConfig(inputs, workspace) {
  const categories = inputs.categories === void 0 ? void 0 : readConfigInput("categories", inputs.categories, {
    defaultFile: "",
    optional: false,
    workspace
  });
  const { rules, config } = readRulesInput(
    { rules: inputs.rules, packs: [], allow: void 0, failOn: [] },
    workspace
  );
  checkFailOn("fail-on-markers", inputs.failOnMarkers, rules);
  return {
    lanes: readLanesInput(inputs.lanesFile, { optional: true, workspace }),
    lanePattern: inputs.lanePattern === void 0 ? void 0 : parseLanePattern(inputs.lanePattern, "lane-pattern"),
    categoryRules: categories && parseCategoryRules(categories.text, categories.origin),
    markerRules: { rules, allow: config.allow, failOn: inputs.failOnMarkers }
  };
}

// src/timing/read-target-run.ts
var positiveInteger = (value) => typeof value === "number" && Number.isSafeInteger(value) && value > 0;
function readTargetRun(event, env) {
  const current = currentRunAttempt(env);
  if (event.name !== "workflow_run" || current === void 0) {
    return current && { attempt: current, isThisRun: true };
  }
  const triggering = event.payload.workflow_run;
  const { id, run_attempt: attempt } = triggering ?? {};
  if (!positiveInteger(id) || !(attempt === void 0 || positiveInteger(attempt))) {
    throw new ConfigurationError(
      "GITHUB_EVENT_PATH: the workflow_run payload is not what GitHub sends: payload.workflow_run needs a numeric id and run_attempt"
    );
  }
  return {
    attempt: { owner: current.owner, repo: current.repo, runId: id, attempt: attempt ?? 1 },
    isThisRun: false
  };
}

// src/timing/report-output.ts
var JOBS_KEPT = 200;
var longestFirst = (report) => [...report.jobs].sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0));
var TIMING_SHRINKS = [
  (report, truncation) => ({
    ...report,
    jobs: longestFirst(report).slice(0, JOBS_KEPT),
    criticalPath: report.criticalPath === void 0 ? void 0 : { ...report.criticalPath, jobs: report.criticalPath.jobs.slice(0, JOBS_KEPT) },
    truncated: { ...truncation, omittedJobs: Math.max(0, report.jobs.length - JOBS_KEPT) }
  }),
  (report, truncation) => ({
    ...report,
    jobs: [],
    criticalPath: report.criticalPath === void 0 ? void 0 : { chain: report.criticalPath.chain, jobs: [], unmatched: [] },
    lanes: report.lanes === void 0 ? void 0 : { ...report.lanes, pairs: [] },
    markers: report.markers === void 0 ? void 0 : { ...report.markers, jobs: [] },
    truncated: { ...truncation, omittedJobs: report.jobs.length }
  }),
  (report, truncation) => ({
    run: report.run,
    headline: report.headline,
    parallelism: report.parallelism,
    notices: report.notices,
    truncated: { ...truncation, omittedJobs: report.jobs.length, onlyHeadline: true }
  })
];

// src/actions/timing-summary.ts
function getInputs({ inputs }) {
  const checkRunId = inputs.optional("check-run-id");
  const maxTarget = inputs.optional("max-target-seconds");
  const settings = {
    targetJob: inputs.optional("target-job"),
    lanesFile: inputs.optional("lanes-file") ?? DEFAULT_LANES_FILE,
    lanePattern: inputs.optional("lane-pattern"),
    categories: inputs.optional("categories"),
    cacheBudgetBytes: parseSize("cache-budget", inputs.optional("cache-budget") ?? "10GiB"),
    cacheWarnAt: inputs.integer("cache-warn-at", 90, { min: 1, max: 100 }),
    scanLogs: inputs.choice("scan-logs", SCAN_LOGS, "none"),
    rules: inputs.optional("rules") ?? DEFAULT_MARKERS_FILE,
    failOnMarkers: inputs.list("fail-on-markers"),
    maxTargetSeconds: maxTarget === void 0 ? void 0 : inputs.integer("max-target-seconds", 0, { min: 1, max: 35 * 24 * 3600 }),
    compareTo: parseCompareTo("compare-to", inputs.optional("compare-to") ?? "default-branch"),
    checkRunId: checkRunId === void 0 ? void 0 : inputs.integer("check-run-id", 0, { min: 1, max: Number.MAX_SAFE_INTEGER }),
    token: inputs.optional("token"),
    summary: inputs.boolean("summary", true),
    concurrency: inputs.integer("concurrency", 4, { min: 1, max: 16 })
  };
  if (settings.failOnMarkers.length > 0 && settings.scanLogs === "none") {
    throw invalidValue(
      "fail-on-markers",
      settings.failOnMarkers.join(","),
      "scan-logs: failed or all, so there are markers to fail on"
    );
  }
  if (settings.maxTargetSeconds !== void 0 && settings.targetJob === void 0) {
    throw new ConfigurationError(
      "max-target-seconds: set target-job, the job whose time it limits"
    );
  }
  return settings;
}
function writeOutputs(report, context) {
  setJsonOutput(context, "report", report, TIMING_SHRINKS);
  const whole = (seconds) => seconds === null || seconds === void 0 ? "" : String(Math.round(seconds));
  context.setOutput("wall-seconds", whole(report.headline.wallSeconds));
  context.setOutput("target-seconds", whole(report.headline.target?.seconds));
  context.setOutput("first-red-seconds", whole(report.headline.firstRed?.seconds));
  context.setOutput(
    "critical-path",
    (report.criticalPath?.chain ?? []).map((job) => job.job).join(" -> ")
  );
}
async function run(context) {
  const settings = getInputs(context);
  const { env, log } = context;
  const workspace = workspaceOf(env);
  const config = readTimingConfig(settings, workspace);
  const event = readWorkflowEvent(env);
  const target = readTargetRun(event, env);
  if (target === void 0) {
    throw new ConfigurationError("GITHUB_RUN_ID: not set; timing-summary runs in a workflow run");
  }
  if (!settings.token) {
    throw new ConfigurationError("token: input required and not supplied (it needs actions: read)");
  }
  const data = await readRun({
    ...settings,
    ...config,
    client: await apiClient(settings.token, env, log),
    target,
    env,
    workspace,
    defaultBranch: event.payload.repository?.default_branch,
    log
  });
  const report = analyzeRun(data, {
    ...config,
    targetJob: settings.targetJob,
    cacheBudgetBytes: settings.cacheBudgetBytes,
    cacheWarnRatio: settings.cacheWarnAt / 100
  });
  writeOutputs(report, context);
  if (settings.summary) context.appendSummary(timingSummary(report));
  if (data.markers?.fails) {
    const message = failOnMessage(data.markers, settings.failOnMarkers);
    throw new CheckFailed(message.replace(/^fail-on:/, "fail-on-markers:"));
  }
  const seconds = report.headline.target?.seconds;
  const max = settings.maxTargetSeconds;
  if (max !== void 0 && seconds !== void 0 && seconds !== null && seconds > max) {
    throw new CheckFailed(
      `target-job '${settings.targetJob}' took ${Math.round(seconds)} s from the run's creation, more than max-target-seconds ${max}`
    );
  }
}

// lanekit-action-entry:timing-summary
await runAction("timing-summary", run);
