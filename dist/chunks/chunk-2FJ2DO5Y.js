import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  jobLogOf,
  scanJobLogs
} from "./chunk-CVCU5CEQ.js";
import {
  latestSuccessfulRun
} from "./chunk-YMMWLN6U.js";
import {
  NeedsGraph,
  parseWorkflow
} from "./chunk-GHCFO6PF.js";
import {
  readRunWorkflowFile
} from "./chunk-YQQAF6OB.js";
import {
  readContents
} from "./chunk-OWJYVQDS.js";
import {
  NO_LANE,
  buildReport
} from "./chunk-6VAFBZHZ.js";
import {
  CompiledRules
} from "./chunk-NAVPR6M6.js";
import {
  listRunAttemptJobs
} from "./chunk-YAHCJC2M.js";
import {
  JobNameMatcher,
  laneOfJob,
  splitJobName
} from "./chunk-RML3SJZG.js";
import {
  apiCall
} from "./chunk-PFIR35EB.js";
import {
  ConfigNode
} from "./chunk-UH4JFLZK.js";
import {
  formatSeconds
} from "./chunk-5E5D6KYW.js";
import {
  code,
  details,
  fitSummary,
  table
} from "./chunk-SHBUU7UF.js";
import {
  markdownText
} from "./chunk-BDGPVZJH.js";
import {
  ConfigurationError,
  ServiceError,
  errorMessage
} from "./chunk-2WEQVLCG.js";

// src/timing/lane-pattern.ts
var LANE_PLACEHOLDER = "{lane}";
function parseLanePattern(text, input) {
  const at = text.indexOf(LANE_PLACEHOLDER);
  if (at < 0 || text.indexOf(LANE_PLACEHOLDER, at + 1) >= 0) {
    throw new ConfigurationError(
      `${input}: got '${text}', expected a job-name pattern with '${LANE_PLACEHOLDER}' once, such as '* (${LANE_PLACEHOLDER})'`
    );
  }
  const literal = (part) => part.split("").map(
    (char) => char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
  ).join("");
  const before = literal(text.slice(0, at));
  const after = literal(text.slice(at + LANE_PLACEHOLDER.length));
  return { text, regex: new RegExp(`^(${before})(.+?)(${after})$`, "s") };
}
function matchLanePattern(pattern, name) {
  const match = pattern.regex.exec(name);
  if (match === null) return void 0;
  return { lane: match[2], key: `${match[1]}*${match[3]}` };
}

// src/timing/category-rules.ts
var BUILTIN_CATEGORIES = [
  "setup",
  "checkout",
  "toolchain",
  "cache-restore",
  "cache-save",
  "artifacts",
  "docker",
  "build",
  "test",
  "other"
];
var OTHER = "other";
var CATEGORY_RULE_KEYS = ["category", "steps", "uses", "post"];
var CATEGORY_NAME = /^[a-z][a-z0-9-]*$/;
function wildcardSource(pattern) {
  const start = pattern.startsWith("*") ? "" : "^";
  const end = pattern.length > 1 && pattern.endsWith("*") ? "" : "$";
  const inner = pattern.slice(start === "" ? 1 : 0, end === "" ? -1 : void 0);
  const body = inner.split("").map(
    (char) => char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
  ).join("");
  return `${start}${body}${end}`;
}
function anyOf(patterns) {
  if (patterns.length === 0) return void 0;
  return new RegExp(patterns.map((p) => `(?:${wildcardSource(p)})`).join("|"), "is");
}
var rule = (category, steps, uses = [], post) => ({
  category,
  steps: anyOf(steps),
  uses: anyOf(uses),
  post
});
var CACHE_ACTIONS = ["actions/cache", "Swatinem/rust-cache", "actions/setup-*"];
var BUILTIN_RULES = [
  rule("setup", ["Set up job", "Complete job", "Initialize containers", "Stop containers"]),
  rule("cache-save", ["*save*cache*", "*cache*save*"], ["actions/cache/save"]),
  rule("cache-save", ["cache *", "*restore*cache*", "*rust-cache*"], CACHE_ACTIONS, true),
  rule(
    "cache-restore",
    ["cache *", "*restore*cache*", "*cache*restore*", "*rust-cache*", "*rust cache*"],
    ["actions/cache", "actions/cache/restore", "Swatinem/rust-cache"]
  ),
  rule("docker", ["*docker*", "*buildx*", "*container image*"], ["docker/*"]),
  rule("checkout", ["*checkout*"], ["actions/checkout"]),
  rule("artifacts", ["*artifact*"], ["actions/upload-artifact*", "actions/download-artifact*"]),
  rule(
    "toolchain",
    ["set up *", "setup *", "install *", "*toolchain*", "*mise*", "rustup *"],
    [
      "actions/setup-*",
      "*/setup-*",
      "dtolnay/rust-toolchain",
      "jdx/mise-action",
      "*/install-action",
      "*/action-setup"
    ]
  ),
  rule("test", ["*test*", "*e2e*", "*spec*", "*jest*"]),
  rule("build", ["*build*", "*compile*", "make*", "*cargo check*", "*clippy*", "tsc*", "*bundle*"])
];
var ACTION_STEP = /^Run ([^\s@/]+\/[^\s@]+)@\S+$/;
function stepView(name) {
  const post = name.startsWith("Post ");
  const shown = post ? name.slice("Post ".length) : name;
  return { name: shown, post, uses: ACTION_STEP.exec(shown)?.[1] };
}
function categoryOf(view, rules) {
  for (const candidate of rules) {
    if (candidate.post !== void 0 && candidate.post !== view.post) continue;
    const uses = view.uses;
    if (candidate.steps?.test(view.name) === true || uses !== void 0 && candidate.uses?.test(uses) === true) {
      return candidate.category;
    }
  }
  return OTHER;
}
function parseCategoryRules(text, origin) {
  const root = ConfigNode.parse(text, origin);
  if (!root.isMissing && !root.isList) throw root.error("expected a list of category rules");
  return root.items().map(parseRule);
}
function parseRule(node) {
  const fields = node.fields(CATEGORY_RULE_KEYS);
  const category = fields.category?.string();
  if (category === void 0 || !CATEGORY_NAME.test(category)) {
    throw (fields.category ?? node).error(
      `category: got '${category ?? ""}', expected lower-case letters, digits and '-', such as ${BUILTIN_CATEGORIES.join("|")}`
    );
  }
  const steps = fields.steps?.strings() ?? [];
  const uses = fields.uses?.strings() ?? [];
  if (steps.length === 0 && uses.length === 0) {
    throw node.error(
      `category '${category}': give 'steps' (step-name wildcards) or 'uses' (action wildcards)`
    );
  }
  return rule(category, steps, uses, fields.post?.boolean());
}

// src/timing/cache-budget.ts
var DEFAULT_CACHE_BUDGET_BYTES = 10 * 2 ** 30;
var DEFAULT_CACHE_WARN_RATIO = 0.9;
function cacheFigure(usage, budgetBytes, warnRatio) {
  const ratio = usage.activeBytes / budgetBytes;
  return {
    activeBytes: usage.activeBytes,
    activeCount: usage.activeCount,
    budgetBytes,
    ratio,
    warnRatio,
    warning: ratio > warnRatio
  };
}
function formatBytes(bytes) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${units[unit]}`;
}

// src/timing/comparison.ts
function delta(current, baseline) {
  return {
    current,
    baseline,
    delta: current === null || baseline === null ? null : current - baseline
  };
}
function compareRuns(current, baseline, baselineRun, jobs) {
  const lanes = {};
  for (const lane of /* @__PURE__ */ new Set([...current.laneSeconds.keys(), ...baseline.laneSeconds.keys()])) {
    lanes[lane] = delta(
      current.laneSeconds.get(lane) ?? null,
      baseline.laneSeconds.get(lane) ?? null
    );
  }
  return {
    baselineRunId: baselineRun.id,
    baselineAttempt: baselineRun.attempt,
    baselineUrl: baselineRun.htmlUrl,
    wall: delta(current.wallSeconds, baseline.wallSeconds),
    target: delta(current.targetSeconds, baseline.targetSeconds),
    firstRed: delta(current.firstRedSeconds, baseline.firstRedSeconds),
    lanes,
    jobs: jobs.map((job) => ({
      job,
      ...delta(current.jobSeconds.get(job) ?? null, baseline.jobSeconds.get(job) ?? null)
    }))
  };
}

// src/timing/job-timing.ts
function runOrigin(run) {
  return run.attempt > 1 && run.runStartedAt !== null ? run.runStartedAt : run.createdAt;
}
var isRunning = (status) => status !== "completed";
var seconds = (from, to) => Math.max(0, (to - from) / 1e3);
var offsetOf = (origin, at) => at === null ? null : seconds(origin, at);
function endOf(job, readAt) {
  if (job.completedAt !== null) return job.completedAt;
  return job.startedAt === null ? null : readAt;
}
function firstStepStart(job) {
  let first = null;
  for (const step of job.steps) {
    if (step.startedAt !== null && (first === null || step.startedAt < first)) {
      first = step.startedAt;
    }
  }
  return first;
}
function timeJob(job, context) {
  const running = isRunning(job.status);
  const end = endOf(job, context.readAt);
  const firstStep = firstStepStart(job);
  const runFrom = firstStep !== null && job.startedAt !== null ? Math.max(firstStep, job.startedAt) : job.startedAt;
  return {
    id: job.id,
    name: job.name,
    url: job.htmlUrl,
    lane: context.laneOf(job.name),
    workflowJob: context.workflowJobOf(job.name),
    status: job.status,
    conclusion: job.conclusion,
    running,
    own: job.id === context.ownJobId,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
    queueSeconds: job.createdAt === null || job.startedAt === null ? null : seconds(job.createdAt, job.startedAt),
    setupSeconds: firstStep === null || job.startedAt === null ? null : seconds(job.startedAt, firstStep),
    runSeconds: runFrom === null || end === null ? null : seconds(runFrom, end),
    seconds: job.startedAt === null || end === null ? null : seconds(job.startedAt, end),
    startOffset: offsetOf(context.origin, job.startedAt),
    endOffset: offsetOf(context.origin, end)
  };
}
var ranThere = (job) => job.conclusion !== "skipped" && job.seconds !== null;

// src/timing/critical-path.ts
function nodeOf(id, legs, ready, readAt) {
  const starts = legs.flatMap((leg) => leg.startedAt ?? []);
  const ends = legs.map((leg) => leg.completedAt ?? readAt);
  return {
    id,
    legs,
    ready,
    start: starts.length === 0 ? null : Math.min(...starts),
    finish: Math.max(ready, ...ends),
    running: legs.some((leg) => isRunning(leg.status))
  };
}
function criticalPath(workflow, matcher, jobs, origin, readAt, wallEnd2) {
  const graph = new NeedsGraph(workflow.jobs.values());
  const order = graph.order();
  const legsOf = new Map(order.map((id) => [id, []]));
  const unmatched = [];
  for (const job of jobs) {
    const id = matcher.jobIdOf(job.name);
    if (id === void 0) unmatched.push(job.name);
    else legsOf.get(id).push(job);
  }
  const nodes = /* @__PURE__ */ new Map();
  for (const id of order) {
    const ready = Math.max(origin, ...graph.needs(id).map((need) => nodes.get(need).finish));
    nodes.set(id, nodeOf(id, legsOf.get(id), ready, readAt));
  }
  const latestFinish = /* @__PURE__ */ new Map();
  for (const id of [...order].reverse()) {
    const after = graph.neededBy(id).map((next) => {
      const node = nodes.get(next);
      return latestFinish.get(next) - (node.finish - node.ready);
    });
    latestFinish.set(id, Math.min(Math.max(wallEnd2, nodes.get(id).finish), ...after));
  }
  const pathJob = (node) => ({
    job: node.id,
    legs: node.legs.length,
    readyOffset: seconds(origin, node.ready),
    startOffset: node.start === null ? null : seconds(origin, node.start),
    finishOffset: seconds(origin, node.finish),
    spanSeconds: seconds(node.ready, node.finish),
    slackSeconds: seconds(node.finish, latestFinish.get(node.id)),
    running: node.running
  });
  const chain = [];
  let current = lastToFinish(order, nodes);
  while (current !== void 0) {
    if (current.legs.length > 0) chain.unshift(pathJob(current));
    current = lastToFinish(graph.needs(current.id), nodes);
  }
  const ran = [...nodes.values()].filter((node) => node.legs.length > 0).map(pathJob);
  ran.sort((a, b) => a.slackSeconds - b.slackSeconds || a.finishOffset - b.finishOffset);
  return { chain, jobs: ran, unmatched };
}
function lastToFinish(ids, nodes) {
  let last;
  for (const id of ids) {
    const node = nodes.get(id);
    if (last === void 0 || node.finish >= last.finish) last = node;
  }
  return last;
}

// src/timing/first-red.ts
var RED = /* @__PURE__ */ new Set(["failure", "timed_out", "startup_failure"]);
var stepUrl = (jobUrl, step) => jobUrl === null ? null : `${jobUrl}#step:${step}:1`;
function firstRed(jobs, origin) {
  let first;
  const consider = (job, step, at) => {
    if (at === null) return;
    const red = {
      job: job.name,
      step: step?.name,
      url: step === void 0 ? job.htmlUrl : stepUrl(job.htmlUrl, step.number),
      seconds: seconds(origin, at)
    };
    if (first === void 0 || red.seconds < first.seconds) first = red;
  };
  for (const job of jobs) {
    const failedSteps = job.steps.filter((step) => RED.has(step.conclusion ?? ""));
    for (const step of failedSteps) {
      consider(job, step, step.completedAt ?? step.startedAt ?? job.completedAt);
    }
    if (failedSteps.length === 0 && RED.has(job.conclusion ?? "")) {
      consider(job, void 0, job.completedAt ?? job.startedAt);
    }
  }
  return first;
}

// src/timing/target-gate.ts
var NAMES_LISTED = 20;
function unknownTarget(target, workflow, jobs) {
  const names = [.../* @__PURE__ */ new Set([...workflow?.jobs.keys() ?? [], ...jobs.map((job) => job.name)])];
  const listed = names.slice(0, NAMES_LISTED).map((name) => `'${name}'`);
  const more = names.length > listed.length ? ` and ${names.length - listed.length} more` : "";
  return new ConfigurationError(
    `target-job: got '${target}', expected a job id of the workflow or a job name the run lists: ${listed.join(", ") || "none"}${more}`
  );
}
function targetJobs(target, jobs, workflow, matcher, runComplete) {
  const named = jobs.filter((job) => job.name === target);
  if (named.length > 0) return { target, jobs: named };
  if (workflow !== void 0 && matcher !== void 0) {
    const id = workflow.jobs.has(target) ? target : matcher.jobIdOf(target);
    if (id === void 0) throw unknownTarget(target, workflow, jobs);
    const wholeJob = id === target || workflow.jobs.get(id).name === target;
    if (!wholeJob) return { target, jobs: [] };
    return { target, jobs: jobs.filter((job) => matcher.jobIdOf(job.name) === id) };
  }
  if (runComplete) throw unknownTarget(target, workflow, jobs);
  return void 0;
}
var GOOD = /* @__PURE__ */ new Set(["success", "skipped", "neutral"]);
function targetGate(target, origin) {
  const done = target.jobs.length > 0 && target.jobs.every((job) => job.completedAt !== null);
  const last = Math.max(...target.jobs.map((job) => job.completedAt ?? 0));
  const bad = target.jobs.find((job) => !GOOD.has(job.conclusion ?? ""));
  return {
    target: target.target,
    jobs: target.jobs.map((job) => job.name),
    seconds: done ? seconds(origin, last) : null,
    conclusion: done ? bad?.conclusion ?? target.jobs[0].conclusion : null
  };
}

// src/timing/headline.ts
var runGoesOn = (run, jobs) => isRunning(run.status) || jobs.some((job) => isRunning(job.status));
function wallEnd(run, jobs, readAt) {
  if (runGoesOn(run, jobs)) return readAt;
  const completions = jobs.flatMap((job) => job.completedAt ?? []);
  if (completions.length > 0) return Math.max(...completions);
  return run.updatedAt ?? readAt;
}
function headline(run, jobs, origin, readAt, target, markers) {
  return {
    wallSeconds: seconds(origin, wallEnd(run, jobs, readAt)),
    running: runGoesOn(run, jobs),
    status: run.status,
    conclusion: run.conclusion,
    target: target === void 0 ? void 0 : targetGate(target, origin),
    firstRed: firstRed(jobs, origin),
    markers: markers === void 0 ? void 0 : { verdict: markers.verdict, total: markers.total }
  };
}

// src/timing/job-markers.ts
function markerFigures(report) {
  const lanes = {};
  for (const [lane, categories] of Object.entries(report.lanes)) {
    lanes[lane] = Object.values(categories).reduce((sum, count) => sum + count, 0);
  }
  const jobs = report.sources.filter((source) => source.markers > 0 || source.error !== void 0).map((source) => ({
    job: source.name,
    lane: source.lane,
    url: source.url,
    markers: source.markers,
    verdict: source.verdict,
    error: source.error
  })).sort((a, b) => b.markers - a.markers);
  return {
    verdict: report.verdict,
    total: report.total,
    explained: report.explained,
    logs: report.sources.length,
    unreadable: report.unreadable,
    lanes,
    jobs
  };
}

// src/timing/lanes.ts
function laneReader(lanes, pattern) {
  if (lanes !== void 0) {
    return (name) => {
      const lane = laneOfJob(lanes, name);
      if (lane === void 0) return void 0;
      const { base, parts } = splitJobName(name);
      const index = parts.findIndex((part) => part === lane.suffix || part === lane.name);
      const rest = parts.map((part, i) => i === index ? "*" : part);
      return { lane: lane.name, key: `${base} (${rest.join(", ")})` };
    };
  }
  if (pattern !== void 0) return (name) => matchLanePattern(pattern, name);
  return void 0;
}
var FAILED = /* @__PURE__ */ new Set(["failure", "timed_out", "startup_failure"]);
function laneFigures(jobs, laneOf, order = []) {
  const totals = /* @__PURE__ */ new Map();
  const twins = /* @__PURE__ */ new Map();
  let other = 0;
  for (const job of jobs) {
    const found = laneOf(job.name);
    if (found === void 0) {
      other++;
      continue;
    }
    const { lane, key } = found;
    const sum = totals.get(lane) ?? {
      lane,
      jobs: 0,
      failed: 0,
      running: 0,
      seconds: 0,
      queueSeconds: 0,
      longest: void 0
    };
    const ran = ranThere(job);
    const secondsRun = ran ? job.seconds : 0;
    totals.set(lane, {
      lane,
      jobs: sum.jobs + 1,
      failed: sum.failed + (FAILED.has(job.conclusion ?? "") ? 1 : 0),
      running: sum.running + (job.running ? 1 : 0),
      seconds: sum.seconds + secondsRun,
      queueSeconds: sum.queueSeconds + (job.queueSeconds ?? 0),
      longest: ran && (sum.longest === void 0 || secondsRun > sum.longest.seconds) ? { job: job.name, seconds: secondsRun } : sum.longest
    });
    const byLane = twins.get(key) ?? /* @__PURE__ */ new Map();
    twins.set(key, byLane);
    const before = byLane.get(lane);
    const now = ran ? secondsRun : null;
    byLane.set(lane, before === void 0 || before === null ? now : Math.max(before, now ?? 0));
  }
  const pairs = [];
  for (const [job, byLane] of twins) {
    if (byLane.size > 1) pairs.push({ job, seconds: Object.fromEntries(byLane) });
  }
  const longest = (pair) => Math.max(0, ...Object.values(pair.seconds).map((s) => s ?? 0));
  pairs.sort((a, b) => longest(b) - longest(a));
  const rank = (lane) => order.includes(lane) ? order.indexOf(lane) : order.length;
  const lanes = [...totals.values()].sort((a, b) => rank(a.lane) - rank(b.lane));
  return { lanes, pairs, other };
}

// src/timing/long-poles.ts
function longestJobs(jobs, top) {
  return jobs.filter(ranThere).sort((a, b) => b.seconds - a.seconds).slice(0, top);
}
function longestSteps(jobs, readAt, top) {
  const steps = [];
  for (const job of jobs) {
    for (const step of job.steps) {
      const running = isRunning(step.status) && step.completedAt === null;
      const end = step.completedAt ?? (running && isRunning(job.status) ? readAt : null);
      if (step.startedAt === null || end === null) continue;
      steps.push({
        job: job.name,
        jobId: job.id,
        step: step.name,
        number: step.number,
        url: stepUrl(job.htmlUrl, step.number),
        conclusion: step.conclusion,
        running,
        seconds: seconds(step.startedAt, end)
      });
    }
  }
  return steps.sort((a, b) => b.seconds - a.seconds).slice(0, top);
}

// src/timing/step-categories.ts
function stepCategories(jobs, userRules, readAt) {
  const rules = [...userRules, ...BUILTIN_RULES];
  const totals = /* @__PURE__ */ new Map();
  for (const category of [
    .../* @__PURE__ */ new Set([...userRules.map((r) => r.category), ...BUILTIN_CATEGORIES])
  ]) {
    totals.set(category, { steps: 0, ms: 0 });
  }
  const categories = /* @__PURE__ */ new Map();
  const categoryOfName = (name) => {
    let category = categories.get(name);
    if (category === void 0) {
      category = categoryOf(stepView(name), rules);
      categories.set(name, category);
    }
    return category;
  };
  for (const job of jobs) {
    const steps = [];
    for (const step of job.steps) {
      const end = step.completedAt ?? (isRunning(step.status) && isRunning(job.status) ? readAt : null);
      if (step.startedAt === null || end === null) continue;
      steps.push({
        name: step.name,
        category: categoryOfName(step.name),
        start: step.startedAt,
        end: Math.max(step.startedAt, end)
      });
    }
    steps.sort((a, b) => a.start - b.start);
    let coveredTo = -Infinity;
    for (const step of steps) {
      const own = Math.max(0, step.end - Math.max(step.start, coveredTo));
      coveredTo = Math.max(coveredTo, step.end);
      const total = totals.get(step.category);
      total.steps++;
      total.ms += own;
      const stepSeconds = seconds(step.start, step.end);
      if (total.longest === void 0 || stepSeconds > total.longest.seconds) {
        total.longest = { job: job.name, step: step.name, seconds: stepSeconds };
      }
    }
  }
  return [...totals].filter(([, total]) => total.steps > 0).map(([category, total]) => ({
    category,
    steps: total.steps,
    seconds: total.ms / 1e3,
    longest: total.longest
  })).sort((a, b) => b.seconds - a.seconds);
}

// src/timing/analysis.ts
var DEFAULT_TOP = 10;
function durationsOf(jobs) {
  const durations = /* @__PURE__ */ new Map();
  for (const job of jobs) {
    if (job.running || !ranThere(job)) continue;
    durations.set(job.name, Math.max(durations.get(job.name) ?? 0, job.seconds));
  }
  return durations;
}
function laneSeconds(jobs) {
  const lanes = /* @__PURE__ */ new Map();
  for (const job of jobs) {
    if (job.lane !== void 0 && ranThere(job)) {
      lanes.set(job.lane, (lanes.get(job.lane) ?? 0) + job.seconds);
    }
  }
  return lanes;
}
function timeJobs(jobs, reading, context) {
  const { laneOf, matcher } = reading;
  return jobs.map(
    (job) => timeJob(job, {
      ...context,
      laneOf: (name) => laneOf?.(name)?.lane,
      workflowJobOf: (name) => matcher?.jobIdOf(name)
    })
  );
}
function baselineFigures(baseline, readAt, reading) {
  const { run, jobs } = baseline;
  const origin = runOrigin(run);
  const timed = timeJobs(jobs, reading, { origin, readAt, ownJobId: void 0 });
  let targetSeconds = null;
  if (reading.targetJob !== void 0) {
    try {
      const target = targetJobs(reading.targetJob, jobs, reading.workflow, reading.matcher, true);
      targetSeconds = target === void 0 ? null : targetGate(target, origin).seconds;
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
    }
  }
  return {
    wallSeconds: seconds(origin, wallEnd(run, jobs, readAt)),
    targetSeconds,
    firstRedSeconds: firstRed(jobs, origin)?.seconds ?? null,
    laneSeconds: laneSeconds(timed),
    jobSeconds: durationsOf(timed)
  };
}
function analyzeRun(data, options) {
  const { run, workflow, readAt } = data;
  const origin = runOrigin(run);
  const top = options.top ?? DEFAULT_TOP;
  const notices = [...data.notices];
  const matcher = workflow === void 0 ? void 0 : new JobNameMatcher(workflow);
  const laneOf = laneReader(options.lanes, options.lanePattern);
  const reading = { workflow, matcher, laneOf, targetJob: options.targetJob };
  const jobs = timeJobs(data.jobs, reading, { origin, readAt, ownJobId: data.ownJobId });
  const end = wallEnd(run, data.jobs, readAt);
  const runComplete = run.status === "completed";
  const target = options.targetJob === void 0 ? void 0 : targetJobs(options.targetJob, data.jobs, workflow, matcher, runComplete);
  if (options.targetJob !== void 0 && target === void 0) {
    notices.push(
      `target-job '${options.targetJob}' is not among the jobs listed so far, and without the workflow file it cannot be told whether it will be`
    );
  }
  const head = headline(run, data.jobs, origin, readAt, target, data.markers);
  const sequentialSeconds = jobs.filter(ranThere).reduce((sum, job) => sum + job.seconds, 0);
  let path;
  if (workflow !== void 0 && matcher !== void 0) {
    try {
      path = criticalPath(workflow, matcher, data.jobs, origin, readAt, end);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      notices.push(
        `No critical path: the workflow file's needs cannot be followed: ${error.message}`
      );
    }
  } else {
    notices.push(
      "No critical path: the workflow file was not read, so the needs between jobs are unknown"
    );
  }
  const longest = longestJobs(jobs, top);
  const current = {
    wallSeconds: head.wallSeconds,
    targetSeconds: head.target?.seconds ?? null,
    firstRedSeconds: head.firstRed?.seconds ?? null,
    laneSeconds: laneSeconds(jobs),
    jobSeconds: durationsOf(jobs)
  };
  const { baseline } = data;
  const comparison = baseline === void 0 ? void 0 : compareRuns(
    current,
    baselineFigures(baseline, baseline.run.updatedAt ?? readAt, reading),
    baseline.run,
    [...new Set(longest.filter((job) => !job.running).map((job) => job.name))]
  );
  return {
    run: {
      id: run.id,
      attempt: run.attempt,
      workflowName: run.workflowName,
      workflowPath: run.workflowPath,
      event: run.event,
      headBranch: run.headBranch,
      headSha: run.headSha,
      htmlUrl: run.htmlUrl,
      previousAttempts: run.previousAttempts
    },
    origin,
    readAt,
    headline: head,
    parallelism: {
      sequentialSeconds,
      wallSeconds: head.wallSeconds,
      savedSeconds: sequentialSeconds - head.wallSeconds
    },
    jobs,
    totalJobs: Math.max(data.totalJobs, jobs.length),
    longestSteps: longestSteps(data.jobs, readAt, top),
    criticalPath: path,
    lanes: laneOf === void 0 ? void 0 : laneFigures(
      jobs,
      laneOf,
      options.lanes?.lanes.map((lane) => lane.name)
    ),
    categories: stepCategories(data.jobs, options.categoryRules ?? [], readAt),
    cache: data.cache === void 0 ? void 0 : cacheFigure(
      data.cache,
      options.cacheBudgetBytes ?? DEFAULT_CACHE_BUDGET_BYTES,
      options.cacheWarnRatio ?? DEFAULT_CACHE_WARN_RATIO
    ),
    markers: data.markers === void 0 ? void 0 : markerFigures(data.markers),
    comparison,
    durations: Object.fromEntries(durationsOf(jobs)),
    top,
    notices
  };
}

// src/timing/read-run-info.ts
var time = (value) => {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
};
var runPage = (htmlUrl) => htmlUrl.replace(/\/attempts\/\d+\/?$/, "");
var workflowPathOf = (path) => {
  const file = path.replace(/@.*$/, "");
  return file.startsWith(".github/workflows/") ? file : void 0;
};
function toRunInfo(run) {
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
    status: run.status ?? "unknown",
    conclusion: run.conclusion,
    createdAt,
    runStartedAt: time(run.run_started_at),
    updatedAt: time(run.updated_at),
    htmlUrl: attempt > 1 ? `${page}/attempts/${attempt}` : page,
    previousAttempts: Array.from({ length: attempt - 1 }, (_, index) => ({
      attempt: index + 1,
      htmlUrl: `${page}/attempts/${index + 1}`
    }))
  };
}
async function readRunInfo(client, repo, runId, attempt) {
  const { data } = await apiCall(
    `run ${runId}${attempt === void 0 ? "" : ` attempt ${attempt}`}`,
    () => attempt === void 0 ? client.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", {
      ...repo,
      run_id: runId
    }) : client.request(
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}",
      { ...repo, run_id: runId, attempt_number: attempt }
    )
  );
  return toRunInfo(data);
}

// src/timing/read-baseline.ts
async function defaultBranchOf(client, repo, fromPayload) {
  if (fromPayload) return fromPayload;
  const { data } = await apiCall(
    "repository",
    () => client.request("GET /repos/{owner}/{repo}", { ...repo })
  );
  return data.default_branch;
}
async function baselineAttempt(client, repo, run, options) {
  const { compareTo } = options;
  if (compareTo.kind === "run") return { runId: compareTo.runId };
  const workflowFile = run.workflowPath?.split("/").pop();
  if (workflowFile === void 0) {
    return `no baseline: the run's workflow (${run.workflowName}) is not a file under .github/workflows`;
  }
  const branch = await defaultBranchOf(client, repo, options.defaultBranch);
  const found = await latestSuccessfulRun(client, repo, {
    workflowFile,
    branch,
    exceptRunId: run.id
  });
  if (found === void 0) {
    return `no baseline: ${workflowFile} has no successful run on ${branch} to compare with`;
  }
  return { runId: found.id, attempt: found.runAttempt };
}
async function readBaseline(client, repo, run, options) {
  if (options.compareTo.kind === "none") return {};
  const which = await baselineAttempt(client, repo, run, options);
  if (typeof which === "string") return { notice: which };
  let baselineRun;
  try {
    baselineRun = await readRunInfo(client, repo, which.runId, which.attempt);
  } catch (error) {
    if (options.compareTo.kind === "run" && isNotFound(error)) {
      return {
        notice: `no baseline: run ${which.runId} does not exist in ${repo.owner}/${repo.repo}`
      };
    }
    throw error;
  }
  const { jobs, totalCount } = await listRunAttemptJobs(client, {
    ...repo,
    runId: baselineRun.id,
    attempt: baselineRun.attempt
  });
  const lost = totalCount - jobs.length;
  return {
    baseline: { run: baselineRun, jobs },
    ...lost > 0 ? { notice: `the baseline run lists ${totalCount} jobs, ${lost} of them were not read` } : {}
  };
}
var isNotFound = (error) => error instanceof Error && error.cause instanceof Error && "status" in error.cause && error.cause.status === 404;

// src/timing/read-cache-usage.ts
async function readCacheUsage(client, repo) {
  const { data } = await apiCall(
    "cache usage",
    () => client.request("GET /repos/{owner}/{repo}/actions/cache/usage", { ...repo })
  );
  return {
    activeBytes: data.active_caches_size_in_bytes,
    activeCount: data.active_caches_count
  };
}

// src/timing/read-markers.ts
var SCAN_LOGS = ["none", "failed", "all"];
var FAILED2 = /* @__PURE__ */ new Set(["failure", "timed_out"]);
function jobsToScan(jobs, scan) {
  if (scan === "none") return [];
  return jobs.filter(
    (job) => job.status === "completed" && job.conclusion !== "skipped" && (scan === "all" || FAILED2.has(job.conclusion ?? ""))
  );
}
async function readMarkers(options) {
  const { lanes, rules } = options;
  const scanned = await scanJobLogs({
    client: options.client,
    repo: options.repo,
    jobs: options.jobs.map((job) => jobLogOf(job, lanes)),
    compiled: new CompiledRules(rules),
    samples: 3,
    concurrency: options.concurrency,
    log: options.log
  });
  return buildReport(rules, scanned, { allow: options.allow, failOn: options.failOn });
}

// src/timing/read-own-job.ts
function findOwnJob(jobs, options) {
  const { checkRunId, runnerName } = options;
  if (checkRunId !== void 0 && jobs.some((job) => job.id === checkRunId)) return checkRunId;
  if (!runnerName) return checkRunId;
  const onThisRunner = jobs.filter(
    (job) => job.status !== "completed" && job.runnerName === runnerName
  );
  return onThisRunner.length === 1 ? onThisRunner[0].id : checkRunId;
}

// src/timing/read-run-workflow.ts
async function workflowText(options) {
  const { run, client, log } = options;
  if (options.isThisRun) {
    const file = await readRunWorkflowFile(options);
    if (file !== void 0) return file;
  }
  if (run.workflowPath === void 0) return { path: void 0, text: void 0 };
  try {
    const [text] = await readContents(client, options.repo, [
      { path: run.workflowPath, ref: run.headSha }
    ]);
    return { path: run.workflowPath, text };
  } catch (error) {
    log.debug(`workflow file: ${errorMessage(error)}`);
    return { path: run.workflowPath, text: void 0 };
  }
}
async function readRunWorkflow(options) {
  const { path, text } = await workflowText(options);
  if (text === void 0) return {};
  try {
    return { workflow: parseWorkflow(text) };
  } catch (error) {
    return {
      notice: `the workflow file ${path ?? ""} is not valid YAML: ${errorMessage(error)}`
    };
  }
}

// src/timing/read-run.ts
async function partial(notices, what, read) {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    notices.push(`${what} could not be read: ${error.message}`);
    return void 0;
  }
}
function runFromJobs(target, jobs, env, readAt) {
  const { runId, attempt, owner, repo } = target.attempt;
  const times = jobs.flatMap((job) => job.createdAt ?? job.startedAt ?? []);
  const page = `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${owner}/${repo}/actions/runs/${runId}`;
  return {
    id: runId,
    attempt,
    workflowName: (target.isThisRun ? env.GITHUB_WORKFLOW : void 0) ?? `run ${runId}`,
    workflowPath: void 0,
    event: target.isThisRun ? env.GITHUB_EVENT_NAME ?? "" : "",
    headBranch: null,
    headSha: (target.isThisRun ? env.GITHUB_SHA : void 0) ?? "",
    status: jobs.every((job) => job.status === "completed") && jobs.length > 0 ? "completed" : "in_progress",
    conclusion: null,
    createdAt: times.length > 0 ? Math.min(...times) : readAt,
    runStartedAt: null,
    updatedAt: null,
    htmlUrl: attempt > 1 ? `${page}/attempts/${attempt}` : page,
    previousAttempts: Array.from({ length: attempt - 1 }, (_, index) => ({
      attempt: index + 1,
      htmlUrl: `${page}/attempts/${index + 1}`
    }))
  };
}
async function readRun(options) {
  const { client, target, log } = options;
  const { runId, attempt } = target.attempt;
  const repo = { owner: target.attempt.owner, repo: target.attempt.repo };
  const notices = [];
  const [runInfo, listed, cache] = await Promise.all([
    partial(
      notices,
      `run ${runId} attempt ${attempt}`,
      () => readRunInfo(client, repo, runId, attempt)
    ),
    partial(
      notices,
      `the jobs of run ${runId} attempt ${attempt}`,
      () => listRunAttemptJobs(client, target.attempt)
    ),
    partial(notices, "the Actions cache usage", () => readCacheUsage(client, repo))
  ]);
  const readAt = Date.now();
  const jobs = listed?.jobs ?? [];
  const totalJobs = listed?.totalCount ?? 0;
  if (totalJobs > jobs.length) {
    notices.push(`the API listed ${jobs.length} of the ${totalJobs} jobs of this attempt`);
  }
  const run = runInfo ?? runFromJobs(target, jobs, options.env, readAt);
  const ownJobId = target.isThisRun ? findOwnJob(jobs, { checkRunId: options.checkRunId, runnerName: options.env.RUNNER_NAME }) : void 0;
  const toScan = jobsToScan(jobs, options.scanLogs).filter((job) => job.id !== ownJobId);
  const [workflowRead, baselineRead, markers] = await Promise.all([
    readRunWorkflow({ ...options, run, repo, isThisRun: target.isThisRun }),
    partial(
      notices,
      "the baseline run",
      () => readBaseline(client, repo, run, {
        compareTo: options.compareTo,
        defaultBranch: options.defaultBranch
      })
    ),
    options.scanLogs === "none" ? void 0 : readMarkers({ ...options, ...options.markerRules, repo, jobs: toScan })
  ]);
  for (const notice of [workflowRead.notice, baselineRead?.notice, unreadLogs(markers)]) {
    if (notice !== void 0) notices.push(notice);
  }
  for (const notice of notices) log.warning(notice);
  return {
    run,
    jobs,
    totalJobs,
    workflow: workflowRead.workflow,
    ownJobId,
    cache,
    baseline: baselineRead?.baseline,
    markers,
    readAt,
    notices
  };
}
function unreadLogs(markers) {
  if (markers === void 0 || markers.unreadable === 0) return void 0;
  return `${markers.unreadable} of ${markers.sources.length} job logs could not be read, so their markers are not counted`;
}

// src/timing/gantt.ts
var GANTT_MAX_CHARS = 5e4;
var LABEL_MAX_CHARS = 80;
var FIRST_MILESTONE_RESERVE = 100;
var NO_LANE2 = "no lane";
var RED2 = /* @__PURE__ */ new Set(["failure", "timed_out", "startup_failure"]);
var SECONDS_SCALE_UP_TO_MS = 20 * 6e4;
function ganttCharts(input) {
  const maxChars = input.maxChars ?? GANTT_MAX_CHARS;
  const drawn = input.jobs.map((job, index) => segmentsOf(job, index + 1, input)).filter((segments) => segments !== void 0);
  if (drawn.length === 0) return [];
  const end = Math.max(input.origin, ...drawn.map((segments) => segments.end));
  const scale = end - input.origin <= SECONDS_SCALE_UP_TO_MS ? 1 : 60;
  const at = (time3) => Math.round((time3 - input.origin) / scale);
  const header = [
    "gantt",
    "    dateFormat x",
    `    axisFormat %s ${scale === 1 ? "s" : "min"}`,
    "    todayMarker off"
  ];
  const lastTime = drawn.some((segments) => segments.running) ? "read at" : "last job done";
  const lastMilestone = `    ${lastTime} :milestone, m1, ${at(end)}, ${at(end)}`;
  const hasLanes = drawn.some((segments) => segments.lane !== void 0);
  const fixedChars = lineChars(header) + lineChars([lastMilestone]) + FIRST_MILESTONE_RESERVE;
  const blocks = groupByLane(drawn).map((segments) => ({
    section: hasLanes ? `    section ${mermaidText(segments.lane ?? NO_LANE2)}` : void 0,
    lines: segments.segments.map(
      (segment) => `    ${segment.label} :${segment.tags}${segment.id}, ${at(segment.from)}, ${at(segment.to)}`
    )
  }));
  const budget = maxChars - fixedChars;
  let parts = packed(blocks, budget);
  if (parts.length > 1) {
    const largest = Math.max(...blocks.map(blockChars));
    const even = packed(
      blocks,
      Math.min(
        budget,
        Math.ceil(parts.reduce((sum, part) => sum + part.chars, 0) / parts.length) + largest
      )
    );
    if (even.length === parts.length) parts = even;
  }
  return parts.map((part, index) => {
    const which = parts.length === 1 ? "" : ` (part ${index + 1} of ${parts.length}, ${part.jobs} of ${drawn.length} jobs)`;
    const firstMilestone = `    run created${which} :milestone, m0, 0, 0`;
    return [...header, firstMilestone, lastMilestone, ...part.lines].join("\n") + "\n";
  });
}
var blockChars = (block) => lineChars(block.lines) + (block.section === void 0 ? 0 : block.section.length + 1);
function packed(blocks, budget) {
  const parts = [];
  let current;
  let currentSection;
  for (const block of blocks) {
    if (current === void 0 || current.jobs > 0 && current.chars + blockChars(block) > budget) {
      current = { jobs: 0, chars: 0, lines: [] };
      parts.push(current);
      currentSection = void 0;
    }
    const lines = block.section !== void 0 && block.section !== currentSection ? [block.section, ...block.lines] : block.lines;
    current.lines.push(...lines);
    current.jobs += 1;
    current.chars += lineChars(lines);
    currentSection = block.section;
  }
  return parts;
}
function ganttJobLinks(input) {
  const hasLanes = input.jobs.some((job) => job.lane !== void 0);
  const header = ["#", "job", ...hasLanes ? ["lane"] : [], "status", "queued", "ran"];
  const rows = input.jobs.map((job, index) => {
    const name = markdownText(job.name);
    const url = job.url !== null && SAFE_URL.test(job.url) ? job.url : void 0;
    const queued = job.createdAt === null ? null : (job.startedAt ?? job.completedAt ?? input.readAt) - job.createdAt;
    const ran = job.startedAt === null ? null : (job.completedAt ?? input.readAt) - job.startedAt;
    return [
      String(index + 1),
      url === void 0 ? name : `[${name}](${url})`,
      ...hasLanes ? [markdownText(job.lane ?? "")] : [],
      markdownText(job.conclusion ?? job.status),
      queued === null ? "" : formatSeconds(Math.max(0, queued) / 1e3),
      ran === null ? "" : formatSeconds(Math.max(0, ran) / 1e3) + (job.completedAt === null ? " so far" : "")
    ];
  });
  return table(header, rows);
}
var SAFE_URL = /^https:\/\/[^\s()<>"'`\\[\]]+$/;
function segmentsOf(job, number, input) {
  const clamp = (time3) => Math.max(input.origin, time3);
  const created = job.createdAt === null ? null : clamp(job.createdAt);
  const started = job.startedAt === null ? null : Math.max(clamp(job.startedAt), created ?? 0);
  if (created === null && started === null) return void 0;
  const done = job.completedAt === null ? null : clamp(job.completedAt);
  const label = `#${number} ${mermaidText(shortened(job.name))}`;
  const segments = [];
  if (created !== null) {
    const queueEnd = Math.max(created, started ?? done ?? input.readAt);
    if (queueEnd > created || started === null) {
      const waiting = started === null && done === null;
      segments.push({
        id: `q${number}`,
        label: `#${number} queued`,
        tags: waiting ? "active, " : "done, ",
        from: created,
        to: queueEnd
      });
    }
  }
  if (started !== null) {
    const runEnd = Math.max(started, done ?? input.readAt);
    const red = job.conclusion !== null && RED2.has(job.conclusion);
    segments.push({
      id: `j${number}`,
      label,
      tags: red ? "crit, " : done === null ? "active, " : "",
      from: started,
      to: runEnd
    });
  } else if (segments[0] !== void 0) {
    segments[0] = { ...segments[0], label: `${label} (not started)` };
  }
  return {
    number,
    lane: job.lane,
    segments,
    end: Math.max(...segments.map((segment) => segment.to)),
    running: done === null
  };
}
function groupByLane(drawn) {
  const lanes = /* @__PURE__ */ new Map();
  for (const segments of drawn) {
    const lane = lanes.get(segments.lane);
    if (lane) lane.push(segments);
    else lanes.set(segments.lane, [segments]);
  }
  return [...lanes.values()].flat();
}
function shortened(name) {
  const chars = Array.from(name);
  if (chars.length === 0) return "(unnamed)";
  return chars.length > LABEL_MAX_CHARS ? chars.slice(0, LABEL_MAX_CHARS - 3).join("") + "..." : name;
}
function mermaidText(text) {
  let escaped = "";
  for (const ch of text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")) {
    escaped += /[A-Za-z0-9 .,_\-/()[\]+=@!?*]/.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return escaped.trim() === "" ? "(unnamed)" : escaped;
}
function lineChars(lines) {
  return lines.reduce((sum, line) => sum + line.length + 1, 0);
}

// src/timing/summary.ts
var TABLE_ROWS = 200;
var SAFE_URL2 = /^https:\/\/[^\s()<>"'`\\[\]]+$/;
function link(text, url) {
  return url !== null && url !== void 0 && SAFE_URL2.test(url) ? `[${text}](${url})` : text;
}
var jobLink = (name, url) => link(markdownText(name), url);
var time2 = (seconds2) => seconds2 === null || seconds2 === void 0 ? "\u2013" : formatSeconds(seconds2);
function signed(seconds2) {
  if (seconds2 === null) return "\u2013";
  if (Math.round(seconds2) === 0) return "\xB10 s";
  return `${seconds2 > 0 ? "+" : "\u2212"}${formatSeconds(Math.abs(seconds2))}`;
}
var ICONS = {
  success: "\u2705",
  failure: "\u274C",
  timed_out: "\u23F0",
  startup_failure: "\u274C",
  cancelled: "\u{1F6AB}",
  skipped: "\u23ED\uFE0F",
  neutral: "\u2796",
  action_required: "\u270B"
};
function result(status, conclusion, own = false) {
  if (status !== "completed") {
    const what = status === "in_progress" ? "running" : status;
    return `\u{1F504} ${markdownText(what)}${own ? " (this job)" : ""}`;
  }
  const shown = conclusion ?? status;
  return `${ICONS[shown] ?? ""} ${markdownText(shown)}`.trim();
}
function cutTable(header, rows, what, max = TABLE_ROWS) {
  const left = rows.length - max;
  const out = table(header, rows.slice(0, max));
  return left > 0 ? `${out}
_${left} more ${what} not shown; the report file has them all._
` : out;
}
var originName = (report) => report.run.attempt > 1 ? "this attempt's start" : "the run's creation";
function headlineSection(report) {
  const { headline: head, run } = report;
  const title = `${markdownText(run.workflowName)} \xB7 run ${link(String(run.id), run.htmlUrl)}${run.attempt > 1 ? ` attempt ${run.attempt}` : ""}`;
  let out = `### \u23F1\uFE0F timing-summary: ${title}

`;
  const cells = [
    [head.running ? "wall so far" : "wall", `**${time2(head.wallSeconds)}**`]
  ];
  if (head.target !== void 0) {
    const done = head.target.seconds !== null ? `**${time2(head.target.seconds)}**` : head.running ? "not done yet" : "did not run";
    const icon = head.target.conclusion === null ? "" : ` ${ICONS[head.target.conclusion] ?? ""}`;
    cells.push([`to ${code(head.target.target)}`, `${done}${icon}`]);
  }
  const red = head.firstRed;
  cells.push([
    "first red",
    red === void 0 ? "none" : `**${time2(red.seconds)}** ${link(markdownText(red.step === void 0 ? red.job : `${red.job} \u203A ${red.step}`), red.url)}`
  ]);
  cells.push(["status", result(head.status, head.conclusion)]);
  if (head.markers !== void 0) {
    cells.push(["markers", `${code(head.markers.verdict)}: ${head.markers.total}`]);
  }
  out += table(
    cells.map(([name]) => name),
    [cells.map(([, value]) => value)]
  );
  const read = report.jobs.length < report.totalJobs ? `${report.jobs.length} of ${report.totalJobs}` : String(report.jobs.length);
  out += `
${read} job${report.totalJobs === 1 ? "" : "s"} \xB7 times from ${originName(report)}${head.running ? ", read while it runs" : ""}`;
  if (run.previousAttempts.length > 0) {
    const earlier = run.previousAttempts.map((a) => link(`attempt ${a.attempt}`, a.htmlUrl));
    out += ` \xB7 earlier: ${earlier.join(", ")}`;
  }
  out += "\n\n";
  const notices = report.notices.map(
    (notice) => `> \u26A0\uFE0F **Partial report:** ${markdownText(notice)}`
  );
  return notices.length > 0 ? `${out}${notices.join("\n>\n")}

` : out;
}
function longPolesSection(report) {
  const jobs = longestJobs(report.jobs, report.top);
  if (jobs.length === 0) return "";
  const hasLanes = report.jobs.some((job) => job.lane !== void 0);
  let out = "#### Long poles\n\n";
  out += table(
    ["job", ...hasLanes ? ["lane"] : [], "queue", "setup", "run", "total", "result"],
    jobs.map((job) => [
      jobLink(job.name, job.url),
      ...hasLanes ? [markdownText(job.lane ?? "")] : [],
      time2(job.queueSeconds),
      time2(job.setupSeconds),
      time2(job.runSeconds),
      `**${time2(job.seconds)}**`,
      result(job.status, job.conclusion, job.own)
    ])
  );
  if (report.longestSteps.length > 0) {
    out += "\n";
    out += table(
      ["step", "job", "time", "result"],
      report.longestSteps.map((step) => [
        link(markdownText(step.step), step.url),
        markdownText(step.job),
        `**${time2(step.seconds)}**${step.running ? " so far" : ""}`,
        step.running ? "\u{1F504} running" : result("completed", step.conclusion)
      ])
    );
  }
  return `${out}
`;
}
function pathRow(job) {
  return [
    code(job.job),
    String(job.legs),
    time2(job.readyOffset),
    time2(job.startOffset),
    `${time2(job.finishOffset)}${job.running ? " \u{1F504}" : ""}`,
    time2(job.spanSeconds),
    time2(job.slackSeconds)
  ];
}
var PATH_HEADER = ["job", "legs", "ready", "started", "finished", "took", "slack"];
function criticalPathSection(report) {
  const { parallelism: p, criticalPath: path } = report;
  let out = "#### Critical path\n\n";
  const saving = p.savedSeconds >= 0 ? `running them at once saved **${time2(p.savedSeconds)}**` : `waiting (queues, needs) cost **${time2(-p.savedSeconds)}** more than running them one after another`;
  out += `Wall **${time2(p.wallSeconds)}**; the same jobs one after another: **${time2(p.sequentialSeconds)}**; ${saving}.

`;
  if (path === void 0) return out;
  if (path.chain.length > 0) {
    out += `The chain that set the wall (times from ${originName(report)}; *took* is ready \u2192 finished, queue included):

`;
    out += table(PATH_HEADER, path.chain.map(pathRow));
  }
  const others = path.jobs.filter((job) => !path.chain.some((c) => c.job === job.job));
  if (others.length > 0) {
    out += "\n" + details(
      `Slack of the other ${others.length} workflow jobs`,
      cutTable(PATH_HEADER, others.map(pathRow), "jobs")
    );
  }
  if (path.unmatched.length > 0) {
    const names = path.unmatched.slice(0, 10).map(code).join(", ");
    const more = path.unmatched.length > 10 ? ` and ${path.unmatched.length - 10} more` : "";
    out += `
${path.unmatched.length} listed jobs match no job of the workflow file, so they are not on the graph: ${names}${more}.
`;
  }
  return `${out}
`;
}
function lanesSection(report) {
  const lanes = report.lanes;
  if (lanes === void 0 || lanes.lanes.length === 0) return "";
  let out = "#### Lanes\n\n";
  out += table(
    ["lane", "jobs", "failed", "running", "job time", "queue time", "longest job"],
    lanes.lanes.map((lane) => [
      code(lane.lane),
      String(lane.jobs),
      String(lane.failed),
      String(lane.running),
      `**${time2(lane.seconds)}**`,
      time2(lane.queueSeconds),
      lane.longest === void 0 ? "\u2013" : `${markdownText(lane.longest.job)} (${time2(lane.longest.seconds)})`
    ])
  );
  if (lanes.other > 0) out += `
${lanes.other} jobs are in no lane.
`;
  if (lanes.pairs.length > 0) {
    const names = lanes.lanes.map((lane) => lane.lane);
    const rows = lanes.pairs.map((pair) => [
      markdownText(pair.job),
      ...names.map((lane) => lane in pair.seconds ? time2(pair.seconds[lane]) : "")
    ]);
    out += "\nThe same job on each lane:\n\n";
    out += cutTable(["job", ...names.map(code)], rows, "jobs");
  }
  return `${out}
`;
}
function categoriesSection(report) {
  if (report.categories.length === 0) return "";
  const total = report.categories.reduce((sum, c) => sum + c.seconds, 0);
  const rows = report.categories.map((c) => [
    code(c.category),
    String(c.steps),
    `**${time2(c.seconds)}**`,
    total > 0 ? `${(c.seconds / total * 100).toFixed(0)}%` : "\u2013",
    c.longest === void 0 ? "\u2013" : `${markdownText(c.longest.step)} in ${markdownText(c.longest.job)} (${time2(c.longest.seconds)})`
  ]);
  return `#### Step time by category

${table(["category", "steps", "time", "share", "longest step"], rows)}
Steps of a job that overlap count once.

`;
}
function cacheSection(report) {
  const cache = report.cache;
  if (cache === void 0) return "";
  const share = `${(cache.ratio * 100).toFixed(0)}%`;
  const warning = cache.warning ? ` \u26A0\uFE0F **above ${(cache.warnRatio * 100).toFixed(0)}%**: GitHub evicts the least recently used caches past the budget.` : "";
  return `#### Cache

Actions cache: **${formatBytes(cache.activeBytes)}** of ${formatBytes(cache.budgetBytes)} (${share}) in ${cache.activeCount} caches.${warning}

`;
}
function markersSection(report) {
  const markers = report.markers;
  if (markers === void 0) return "";
  let out = `#### Markers

${code(markers.verdict)}: ${markers.total} unexplained markers, ${markers.explained} explained, in ${markers.logs} logs`;
  out += markers.unreadable > 0 ? ` (${markers.unreadable} unreadable).

` : ".\n\n";
  const lanes = Object.entries(markers.lanes);
  if (lanes.length > 0) {
    out += table(
      lanes.map(([lane]) => lane === NO_LANE ? "no lane" : code(lane)),
      [lanes.map(([, count]) => String(count))]
    ) + "\n";
  }
  if (markers.jobs.length > 0) {
    const rows = markers.jobs.map((job) => [
      jobLink(job.job, job.url),
      markdownText(job.lane ?? ""),
      String(job.markers),
      job.error === void 0 ? code(job.verdict) : `unreadable: ${markdownText(job.error)}`
    ]);
    out += cutTable(["job", "lane", "markers", "verdict"], rows, "logs") + "\n";
  }
  return out;
}
function deltaRow(name, value) {
  return [name, time2(value.current), time2(value.baseline), `**${signed(value.delta)}**`];
}
function comparisonSection(report) {
  const c = report.comparison;
  if (c === void 0) return "";
  const baseline = link(
    `run ${c.baselineRunId}${c.baselineAttempt > 1 ? ` attempt ${c.baselineAttempt}` : ""}`,
    c.baselineUrl
  );
  const rows = [
    deltaRow("wall", c.wall),
    deltaRow(
      report.headline.target === void 0 ? "target" : `to ${code(report.headline.target.target)}`,
      c.target
    ),
    deltaRow("first red", c.firstRed),
    ...Object.entries(c.lanes).map(([lane, value]) => deltaRow(`lane ${code(lane)}`, value)),
    ...c.jobs.map((job) => deltaRow(markdownText(job.job), job))
  ];
  return `#### Compared with ${baseline}

${table(["", "this run", "baseline", "change"], rows)}
`;
}
function ganttJob(job) {
  return {
    name: job.name,
    url: job.url,
    ...job.lane === void 0 ? {} : { lane: job.lane },
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
    status: job.status,
    conclusion: job.conclusion
  };
}
function ganttSection(report) {
  const jobs = report.jobs.filter((job) => job.conclusion !== "skipped").map(ganttJob);
  if (jobs.length === 0) return "";
  const charts = ganttCharts({ origin: report.origin, readAt: report.readAt, jobs });
  let out = "#### Timeline\n\n";
  for (const chart of charts) out += `\`\`\`mermaid
${chart}
\`\`\`

`;
  out += details(
    `Jobs of the chart (${jobs.length}), with links`,
    ganttJobLinks({ jobs, readAt: report.readAt })
  );
  return out;
}
function timingSummary(report) {
  return fitSummary(
    [
      headlineSection(report),
      longPolesSection(report),
      criticalPathSection(report),
      lanesSection(report),
      categoriesSection(report),
      cacheSection(report),
      markersSection(report),
      comparisonSection(report),
      ganttSection(report)
    ].join("")
  );
}

export {
  parseLanePattern,
  parseCategoryRules,
  analyzeRun,
  SCAN_LOGS,
  toRunInfo,
  runFromJobs,
  readRun,
  timingSummary
};
