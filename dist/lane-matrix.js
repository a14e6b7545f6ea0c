import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  DECISIONS_SHRINKS,
  decisionsOf,
  gateRequestOf,
  gateVerdict,
  judgeGate,
  parseMustRun
} from "./chunks/chunk-4HEV65IO.js";
import {
  RESERVED_MATRIX_KEYS,
  buildMatrices,
  eventTrust,
  logMatrix,
  parseDimensions,
  requestedLanes,
  selectLanes,
  shardPlanOf
} from "./chunks/chunk-6NMC62O7.js";
import {
  shown
} from "./chunks/chunk-U6YF45QA.js";
import {
  NeedsGraph,
  parseWorkflow
} from "./chunks/chunk-GHCFO6PF.js";
import {
  readRunWorkflowFile
} from "./chunks/chunk-YQQAF6OB.js";
import "./chunks/chunk-OWJYVQDS.js";
import {
  readLanesInput
} from "./chunks/chunk-4XE3IOUW.js";
import {
  currentRunAttempt,
  listRunAttemptJobs
} from "./chunks/chunk-YAHCJC2M.js";
import {
  nameBase
} from "./chunks/chunk-RML3SJZG.js";
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
import {
  require_dist
} from "./chunks/chunk-Z6KEAZSF.js";
import {
  setJsonOutput
} from "./chunks/chunk-6QVZVFDK.js";
import {
  formatSeconds
} from "./chunks/chunk-5E5D6KYW.js";
import {
  workspaceOf
} from "./chunks/chunk-JZRQ347E.js";
import {
  runAction
} from "./chunks/chunk-IE2KK4PV.js";
import "./chunks/chunk-6ZRQNHWQ.js";
import {
  code,
  details,
  table
} from "./chunks/chunk-SHBUU7UF.js";
import "./chunks/chunk-62AEXFA6.js";
import {
  markdownText
} from "./chunks/chunk-BDGPVZJH.js";
import {
  CheckFailed,
  ConfigurationError,
  errorMessage
} from "./chunks/chunk-2WEQVLCG.js";
import {
  __toESM
} from "./chunks/chunk-PYTXODB5.js";

// src/lanes/gate-evidence.ts
var import_yaml = __toESM(require_dist(), 1);

// src/lanes/gate-workflow.ts
function checkGateWorkflow(workflowText, gateJob) {
  const { jobs } = parseWorkflow(workflowText);
  const gate = jobs.get(gateJob);
  if (!gate) return void 0;
  let problem;
  if (gate.if === void 0) {
    problem = `jobs.${gateJob} has no if:, so GitHub skips it when a job it needs fails, and a skipped required check counts as passed: add \`if: always()\` to jobs.${gateJob}`;
  } else if (!/\balways\(\s*\)/.test(gate.if)) {
    problem = `jobs.${gateJob} runs under \`if: ${gate.if}\`, which skips it when a job it needs fails or the run is cancelled, and a skipped required check counts as passed: use \`if: always()\``;
  }
  const graph = new NeedsGraph(jobs.values());
  const upstream = graph.upstream(gateJob);
  const downstream = graph.downstream(gateJob);
  const unjudged = graph.jobs.filter(
    (job) => job !== gateJob && !upstream.has(job) && !downstream.has(job)
  );
  const nameBases = /* @__PURE__ */ new Map();
  for (const job of jobs.values()) {
    const base = job.name === void 0 ? void 0 : nameBase(job.name);
    if (base !== void 0) nameBases.set(job.id, base);
  }
  return { problem, unjudged, nameBases };
}

// src/lanes/gate-evidence.ts
async function gateWorkflowCheck(options) {
  const job = options.env.GITHUB_JOB;
  if (!job) return void 0;
  const file = await readRunWorkflowFile(options);
  if (!file) return void 0;
  if (file.text === void 0) {
    options.log.info(
      `Cannot read ${file.path} (no checkout, no contents: read), so the gate's own if: is not checked`
    );
    return void 0;
  }
  try {
    return checkGateWorkflow(file.text, job);
  } catch (error) {
    if (!(error instanceof import_yaml.YAMLParseError)) throw error;
    options.log.warning(
      `${file.path} is not valid YAML (${error.message.split("\n")[0] ?? ""}): the gate's if: is not checked`
    );
    return void 0;
  }
}
async function gateRunLegs(options) {
  const { client, log } = options;
  const run2 = currentRunAttempt(options.env);
  if (!client || !run2) return void 0;
  const config = options.lanes();
  if (!config) {
    log.notice(
      `No ${DEFAULT_LANES_FILE} in the workspace: judging from needs alone. Check it out, or pass the lanes YAML in lanes-file, to judge each lane's legs.`
    );
    return void 0;
  }
  try {
    const { jobs, totalCount } = await listRunAttemptJobs(client, run2);
    log.info(`Read ${jobs.length} jobs of run ${run2.runId} attempt ${run2.attempt}`);
    return {
      config,
      jobs,
      complete: jobs.length >= totalCount,
      nameBases: options.check?.nameBases ?? /* @__PURE__ */ new Map()
    };
  } catch (error) {
    log.warning(
      `Judging from needs alone: ${errorMessage(error)}. Give the gate job permissions: actions: read to judge each lane's legs.`
    );
    return void 0;
  }
}

// src/lanes/gate-summary.ts
var RESULT_ICON = {
  success: "\u2705",
  failure: "\u274C",
  cancelled: "\u26D4",
  skipped: "\u23ED\uFE0F"
};
function laneCell(decision) {
  if (decision.legs.length === 0) return "\u2014";
  const byLane = /* @__PURE__ */ new Map();
  for (const leg of decision.legs) {
    const entry = byLane.get(leg.lane) ?? { red: 0, total: 0, required: leg.required };
    entry.total++;
    if (leg.conclusion !== "success" && leg.conclusion !== "skipped" && leg.conclusion !== null) {
      entry.red++;
    }
    byLane.set(leg.lane, entry);
  }
  return [...byLane].map(
    ([lane, { red, total, required }]) => `${code(lane)} ${red === 0 ? "\u2705" : "\u274C"} ${total - red}/${total}${required ? "" : " (optional)"}`
  ).join("<br>");
}
function gateSummary(outcome, problems) {
  const failed = outcome.decisions.filter((d) => !d.pass).length + problems.length;
  let out = outcome.pass && problems.length === 0 ? `### lane-matrix gate: \u2705 passed (${outcome.decisions.length} jobs)

` : `### lane-matrix gate: \u274C failed (${failed} of ${outcome.decisions.length + problems.length} checks)

`;
  out += table(
    ["job", "lanes", "result", "decision", "why"],
    outcome.decisions.map((d) => [
      code(d.job),
      laneCell(d),
      `${RESULT_ICON[d.result] ?? ""} ${d.result}`,
      d.pass ? "\u2705 pass" : "\u274C fail",
      markdownText(d.why)
    ])
  );
  for (const problem of problems) out += `
\u274C ${markdownText(problem)}
`;
  for (const note of outcome.notes) out += `
> ${markdownText(note)}
`;
  const legs = outcome.decisions.flatMap(
    (d) => d.legs.map((leg) => [
      code(d.job),
      code(leg.name),
      code(leg.lane) + (leg.required ? "" : " (optional)"),
      markdownText(leg.conclusion ?? leg.status),
      leg.fatal ? "\u274C fatal" : leg.conclusion === "success" ? "\u2705" : "reported"
    ])
  );
  if (legs.length > 0) {
    out += `
${details(`All ${legs.length} lane legs`, table(["job", "leg", "lane", "conclusion", "verdict"], legs))}`;
  }
  return out;
}

// src/lanes/matrix-summary.ts
function describeRunsOn(runsOn) {
  if (typeof runsOn === "string") return code(runsOn);
  if ("group" in runsOn) {
    const labels = runsOn.labels === void 0 ? [] : [runsOn.labels].flat();
    return [`group ${code(runsOn.group)}`, ...labels.map(code)].join(", ");
  }
  return runsOn.map(code).join(", ");
}
function laneState(lane, report) {
  if (report.selection.lanes.includes(lane)) return "\u2705 runs";
  if (report.selection.dropped.includes(lane)) return "\u{1F6AB} untrusted event";
  return "\u23ED\uFE0F not asked";
}
function overIdeal(largest, ideal) {
  if (ideal <= 0) return "+0.0%";
  return `+${((largest - ideal) / ideal * 100).toFixed(1)}%`;
}
function shardSection(plan) {
  const rows = [
    ...plan.canary ? [["canary", String(plan.canary.items.length), formatSeconds(plan.canary.expectedSeconds)]] : [],
    ...plan.shards.map((s) => [
      String(s.index),
      String(s.items.length),
      formatSeconds(s.expectedSeconds)
    ])
  ];
  const largest = Math.max(...plan.shards.map((s) => s.expectedSeconds));
  let out = `
${table(["shard", "items", "expected"], rows)}`;
  out += `
Largest shard ${formatSeconds(largest)}, ideal ${formatSeconds(plan.idealSeconds)} (${overIdeal(largest, plan.idealSeconds)}).`;
  if (plan.withoutHistory.length > 0) {
    out += ` ${plan.withoutHistory.length} items without history counted as the median, ${formatSeconds(plan.fillSeconds)}.`;
  }
  if (plan.cappedFrom !== void 0) {
    out += ` ${plan.cappedFrom} shards were asked for, but there are only ${plan.shards.length} items to shard.`;
  }
  const items = [...plan.canary ? [plan.canary] : [], ...plan.shards].map(
    (s) => `- **${s.index === 0 ? "canary" : `shard ${s.index}`}** (${formatSeconds(s.expectedSeconds)}): ${s.items.map(code).join(", ")}`
  );
  return `${out}

${details("Items of each shard", items.join("\n"))}`;
}
function legsSection(report) {
  const axes = report.dimensions?.axes ?? [];
  const sharded = report.shards !== void 0;
  const header = ["lane", ...axes, ...sharded ? ["shard"] : []];
  const all = [...report.matrices.canary?.include ?? [], ...report.matrices.matrix.include];
  const rows = all.map((leg) => [
    code(typeof leg.lane === "string" ? leg.lane : shown(leg.lane)),
    ...axes.map((axis) => {
      const value = leg[axis];
      return code(typeof value === "string" ? value : shown(value ?? null));
    }),
    ...sharded ? [leg.canary === true ? "canary" : shown(leg.shard)] : []
  ]);
  return details(`All ${all.length} legs`, table(header, rows));
}
function matrixSummary(report) {
  const { selection, matrices } = report;
  const factors = [
    `${selection.lanes.length} lane${selection.lanes.length === 1 ? "" : "s"}`,
    ...report.dimensions ? [`${report.dimensions.entries.length} dimension entries`] : [],
    ...report.shards ? [`${report.shards.shards.length} shards`] : []
  ];
  let out = `### lane-matrix: ${factors.join(" \xD7 ")} = ${matrices.matrix.include.length} legs`;
  if (matrices.canary) out += `, behind ${matrices.canary.include.length} canary legs`;
  out += "\n\n";
  out += table(
    ["lane", "runs-on", "lane kind", "runners", "this run"],
    report.config.lanes.map((lane) => [
      code(lane.name) + (lane === report.config.defaultLane ? " (default)" : ""),
      describeRunsOn(lane.runsOn),
      lane.required ? "required" : "optional",
      lane.hosted ? "hosted" : "self-hosted",
      laneState(lane, report)
    ])
  );
  out += `
Event trust: ${report.trust.trusted ? "trusted" : "**untrusted**"}, ${markdownText(report.trust.reason)}.
`;
  if (selection.notice) out += `
> ${markdownText(selection.notice)}
`;
  if (report.shards) out += shardSection(report.shards);
  return `${out}
${legsSection(report)}`;
}

// src/actions/lane-matrix.ts
var ONLY_IN = {
  matrix: ["lanes", "dimensions", "shards", "shard-items", "shard-durations", "canary"],
  gate: ["needs", "allowed-skips", "allowed-failures", "must-run", "route-jobs"]
};
function getInputs({ inputs }) {
  const mode = inputs.choice("mode", ["matrix", "gate"], "matrix");
  const other = mode === "matrix" ? "gate" : "matrix";
  const misplaced = ONLY_IN[other].find((name) => inputs.optional(name) !== void 0);
  if (misplaced !== void 0) {
    throw new ConfigurationError(
      `${misplaced}: is read in mode ${other}, but this step runs mode ${mode}; remove it or set mode`
    );
  }
  const common = {
    lanesFile: inputs.optional("lanes-file") ?? DEFAULT_LANES_FILE,
    summary: inputs.boolean("summary", true)
  };
  if (mode === "gate") {
    return {
      ...common,
      mode,
      needs: inputs.json("needs", "${{ toJSON(needs) }}"),
      allowedSkips: inputs.list("allowed-skips"),
      allowedFailures: inputs.list("allowed-failures"),
      mustRun: parseMustRun(inputs.optional("must-run"), (name) => inputs.list(name)),
      routeJobs: inputs.optional("route-jobs"),
      token: inputs.optional("token")
    };
  }
  const shards = inputs.optional("shards");
  return {
    ...common,
    mode,
    lanes: inputs.optional("lanes"),
    dimensions: inputs.optional("dimensions"),
    shards: shards === void 0 ? void 0 : inputs.integer("shards", 1, { min: 1, max: 256 }),
    shardItems: inputs.list("shard-items"),
    shardDurations: inputs.optional("shard-durations"),
    canary: inputs.list("canary")
  };
}
function runMatrix(settings, context) {
  const workspace = workspaceOf(context.env);
  const config = readLanesInput(settings.lanesFile, { optional: false, workspace });
  const event = readWorkflowEvent(context.env);
  const trust = eventTrust(event.name, event.payload);
  const selection = selectLanes(config, requestedLanes(settings.lanes, config), trust);
  const dimensions = settings.dimensions === void 0 ? void 0 : parseDimensions(settings.dimensions, RESERVED_MATRIX_KEYS);
  const shards = shardPlanOf(settings, workspace);
  const matrices = buildMatrices({ lanes: selection.lanes, dimensions, shards });
  context.setOutput("matrix", JSON.stringify(matrices.matrix));
  if (matrices.canary) context.setOutput("canary-matrix", JSON.stringify(matrices.canary));
  context.setOutput("lanes", JSON.stringify(selection.lanes.map((lane) => lane.name)));
  context.setOutput("trusted", String(trust.trusted));
  for (const lane of config.lanes) {
    context.setOutput(`include-${lane.name}`, String(selection.lanes.includes(lane)));
    context.setOutput(`runner-${lane.name}`, JSON.stringify(lane.runsOn));
  }
  logMatrix(context.log, { event: event.name, trust, selection, shards, matrices });
  if (settings.summary) {
    context.appendSummary(
      matrixSummary({ config, selection, trust, dimensions, shards, matrices })
    );
  }
}
async function runGate(settings, context) {
  const { log, env } = context;
  const workspace = workspaceOf(env);
  const { needs, ties } = gateRequestOf(settings);
  const client = settings.token ? await apiClient(settings.token, env, log) : void 0;
  const check = await gateWorkflowCheck({ env, workspace, client, log });
  const lanes = () => readLanesInput(settings.lanesFile, { optional: true, workspace });
  const legs = await gateRunLegs({ env, client, lanes, check, log });
  const { allowedSkips, allowedFailures } = settings;
  const outcome = judgeGate({ needs, allowedSkips, allowedFailures, ties, legs });
  const verdict = gateVerdict(outcome, check);
  if (check && check.unjudged.length > 0) {
    log.notice(
      `The gate does not judge ${check.unjudged.join(", ")} (not in its needs, directly or through another job): their failure cannot fail the required check`
    );
  }
  context.setOutput("result", verdict.pass ? "success" : "failure");
  context.setOutput("success", String(verdict.pass));
  context.setOutput("failure", String(!verdict.pass));
  setJsonOutput(context, "decisions", decisionsOf(outcome.decisions), DECISIONS_SHRINKS);
  for (const d of outcome.decisions)
    log.info(`${d.pass ? "pass" : "FAIL"} ${d.job} (${d.result}): ${d.why}`);
  for (const note of outcome.notes) log.notice(note);
  if (settings.summary) context.appendSummary(gateSummary(outcome, verdict.problems));
  if (verdict.failure !== void 0) throw new CheckFailed(verdict.failure);
}
async function run(context) {
  const settings = getInputs(context);
  if (settings.mode === "gate") await runGate(settings, context);
  else runMatrix(settings, context);
}

// lanekit-action-entry:lane-matrix
await runAction("lane-matrix", run);
