import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  shown
} from "./chunks/chunk-U6YF45QA.js";
import {
  NeedsGraph,
  parseWorkflow
} from "./chunks/chunk-VTMGSECB.js";
import {
  readRunWorkflowFile
} from "./chunks/chunk-YQQAF6OB.js";
import "./chunks/chunk-OWJYVQDS.js";
import {
  DEFAULT_LANES_FILE,
  readLanesInput
} from "./chunks/chunk-TBVBA6YH.js";
import {
  currentRunAttempt,
  laneOfJob,
  listRunAttemptJobs,
  nameBase,
  splitJobName
} from "./chunks/chunk-7ZHSTLJW.js";
import {
  apiClient
} from "./chunks/chunk-LZSCOON6.js";
import {
  readWorkflowEvent
} from "./chunks/chunk-PFIR35EB.js";
import {
  ConfigNode,
  require_dist
} from "./chunks/chunk-ZUL63HEX.js";
import {
  setJsonOutput
} from "./chunks/chunk-6QVZVFDK.js";
import {
  formatSeconds
} from "./chunks/chunk-5E5D6KYW.js";
import {
  pathInside,
  workspaceOf
} from "./chunks/chunk-JZRQ347E.js";
import {
  parseJsonInput,
  runAction
} from "./chunks/chunk-TJAMB2AT.js";
import "./chunks/chunk-6ZRQNHWQ.js";
import {
  code,
  details,
  table
} from "./chunks/chunk-SHBUU7UF.js";
import {
  markdownText
} from "./chunks/chunk-BDGPVZJH.js";
import {
  CheckFailed,
  ConfigurationError,
  errorMessage,
  invalidValue
} from "./chunks/chunk-2WEQVLCG.js";
import {
  __toESM
} from "./chunks/chunk-PYTXODB5.js";

// src/lanes/decisions-output.ts
function decisionsOf(decisions) {
  return Object.fromEntries(decisions.map(({ job, ...decision }) => [job, decision]));
}
var keep = (decisions, pick) => Object.fromEntries(
  Object.entries(decisions).flatMap(([job, decision]) => {
    const kept = pick(decision);
    return kept === void 0 ? [] : [[job, kept]];
  })
);
var DECISIONS_SHRINKS = [
  (decisions, truncation) => ({
    ...keep(decisions, (d) => d.pass ? { ...d, legs: [] } : d),
    truncated: truncation
  }),
  (decisions, truncation) => ({
    ...keep(decisions, (d) => ({ ...d, legs: [] })),
    truncated: truncation
  }),
  (decisions, truncation) => ({
    ...keep(decisions, (d) => d.pass ? void 0 : { ...d, legs: [] }),
    truncated: truncation
  })
];

// src/lanes/dimensions.ts
var import_yaml = __toESM(require_dist(), 1);
var DIMENSION_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
var INPUT = "dimensions";
var FORMS = "a mapping of axes to value lists (package: [core, cli]) or a list of entries";
var fail = (message) => new ConfigurationError(`${INPUT}: ${message}`);
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function matrixValue(value, where) {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map((item, i) => matrixValue(item, `${where}[${i}]`));
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, matrixValue(item, `${where}.${key}`)])
    );
  }
  throw fail(`${where}: got ${shown(value)}, expected a string, number, boolean, list or mapping`);
}
function axisName(name, reserved) {
  if (!DIMENSION_NAME.test(name)) {
    throw fail(
      `'${name}' cannot be a matrix key: use letters, digits, '_' and '-', starting with a letter or '_'`
    );
  }
  if (reserved.includes(name)) {
    throw fail(`'${name}' is a key lane-matrix sets in every leg; rename the dimension`);
  }
  return name;
}
function crossProduct(axes) {
  let entries = [{}];
  for (const [name, values] of axes) {
    entries = entries.flatMap((entry) => values.map((value) => ({ ...entry, [name]: value })));
  }
  return entries;
}
function parseDimensions(text2, reserved) {
  let value;
  try {
    value = (0, import_yaml.parse)(text2, { uniqueKeys: true });
  } catch (error) {
    if (error instanceof import_yaml.YAMLParseError) {
      throw fail(`invalid YAML or JSON: ${error.message.split("\n")[0] ?? ""}`);
    }
    throw error;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) throw fail(`got an empty list, expected ${FORMS}`);
    const axes2 = /* @__PURE__ */ new Set();
    const seen = /* @__PURE__ */ new Set();
    const entries = value.map((item, i) => {
      if (!isObject(item) || Object.keys(item).length === 0) {
        throw fail(`entry ${i + 1}: expected a mapping of dimension values, got ${shown(item)}`);
      }
      const entry = Object.fromEntries(
        Object.entries(item).map(([key2, v]) => {
          axes2.add(axisName(key2, reserved));
          return [key2, matrixValue(v, `entry ${i + 1}.${key2}`)];
        })
      );
      const key = JSON.stringify(entry);
      if (seen.has(key)) throw fail(`entry ${i + 1} repeats an earlier entry: ${key}`);
      seen.add(key);
      return entry;
    });
    return { axes: [...axes2], entries };
  }
  if (!isObject(value) || Object.keys(value).length === 0) {
    throw fail(`got ${shown(value)}, expected ${FORMS}`);
  }
  const axes = Object.entries(value).map(([name, values]) => {
    axisName(name, reserved);
    if (!Array.isArray(values) || values.length === 0) {
      throw fail(`${name}: expected a non-empty list of values, got ${shown(values)}`);
    }
    const seen = /* @__PURE__ */ new Set();
    return [
      name,
      values.map((v, i) => {
        const parsed = matrixValue(v, `${name}[${i}]`);
        const key = JSON.stringify(parsed);
        if (seen.has(key)) throw fail(`${name} lists ${key} twice`);
        seen.add(key);
        return parsed;
      })
    ];
  });
  return { axes: axes.map(([name]) => name), entries: crossProduct(axes) };
}

// src/lanes/gate.ts
var RED_CONCLUSIONS = /* @__PURE__ */ new Set([
  "failure",
  "cancelled",
  "timed_out",
  "action_required",
  "startup_failure",
  "stale"
]);
function isLegOf(job, runJobName, legs2) {
  const base = splitJobName(runJobName).base.toLowerCase();
  const names = [job, legs2.nameBases.get(job)].flatMap((n) => n ? [n.toLowerCase()] : []);
  return names.some((name) => base === name || base.startsWith(`${name} / `));
}
function legVerdicts(job, legs2) {
  if (!legs2) return [];
  return legs2.jobs.flatMap((runJob) => {
    const lane = laneOfJob(legs2.config, runJob.name);
    if (!lane || !isLegOf(job, runJob.name, legs2)) return [];
    const red = runJob.conclusion !== null && RED_CONCLUSIONS.has(runJob.conclusion);
    return [
      {
        name: runJob.name,
        lane: lane.name,
        required: lane.required,
        status: runJob.status,
        conclusion: runJob.conclusion,
        fatal: red && lane.required,
        url: runJob.htmlUrl
      }
    ];
  });
}
var list = (names) => [...new Set(names)].join(", ");
function redLegs(legs2, required) {
  return legs2.filter(
    (leg) => leg.required === required && leg.conclusion !== null && RED_CONCLUSIONS.has(leg.conclusion)
  );
}
function decide(need, request) {
  const { job, result } = need;
  const legs2 = legVerdicts(job, request.legs);
  const decision = (pass, why) => ({ job, result, pass, why, legs: legs2 });
  const requiredRed = redLegs(legs2, true);
  const optionalRed = redLegs(legs2, false);
  const optionalNote = optionalRed.length > 0 ? `; optional lane ${list(optionalRed.map((l) => l.lane))} red (${optionalRed.map((l) => l.name).join(", ")}): reported, not fatal` : "";
  const routes = request.ties?.routesOfJob.get(job) ?? [];
  const onRoutes = routes.filter((route) => request.ties?.states.on.has(route));
  switch (result) {
    case "success":
      if (requiredRed.length > 0) {
        return decision(
          false,
          `succeeded, but required lane ${list(requiredRed.map((l) => l.lane))} has red legs (${requiredRed.map((l) => l.name).join(", ")}): is continue-on-error set for a required lane?`
        );
      }
      return decision(true, `succeeded${optionalNote}`);
    case "failure":
    case "cancelled": {
      const verb = result === "failure" ? "failed" : "was cancelled";
      if (request.allowedFailures.includes(job)) {
        return decision(true, `${verb}; allowed by allowed-failures`);
      }
      const onlyOptional = result === "failure" && request.legs?.complete === true && requiredRed.length === 0 && optionalRed.length > 0 && legs2.every((leg) => leg.status === "completed");
      if (onlyOptional) {
        return decision(
          true,
          `failed only on optional lane ${list(optionalRed.map((l) => l.lane))} (${optionalRed.map((l) => l.name).join(", ")}): reported, not fatal`
        );
      }
      const where = requiredRed.length > 0 ? ` on required lane ${list(requiredRed.map((l) => l.lane))}` : "";
      return decision(false, `${verb}${where}`);
    }
    case "skipped":
      if (onRoutes.length > 0) {
        return decision(
          false,
          `skipped although route ${onRoutes.join(", ")} is on: a routing or if: bug would pass unnoticed`
        );
      }
      if (routes.length > 0) return decision(true, `skipped; route ${routes.join(", ")} is off`);
      if (request.allowedSkips.includes(job))
        return decision(true, "skipped; allowed by allowed-skips");
      return decision(
        false,
        "skipped, and skipped is not success: list it in allowed-skips, or tie it to its route with must-run"
      );
  }
}
function judgeGate(request) {
  const decisions = request.needs.map((need) => decide(need, request));
  const notes = [];
  for (const route of request.ties?.unchecked ?? []) {
    notes.push(
      `Route ${route} is on, but no job of needs is tied to it: nothing checks that it ran.`
    );
  }
  if (request.legs && !request.legs.complete) {
    notes.push(
      "The API listed fewer jobs than it counted: a failure is never excused as optional-lane-only on a partial list."
    );
  }
  return { pass: decisions.every((d) => d.pass), decisions, notes };
}

// src/lanes/gate-evidence.ts
var import_yaml2 = __toESM(require_dist(), 1);

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
    if (!(error instanceof import_yaml2.YAMLParseError)) throw error;
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

// src/lanes/needs.ts
var NEED_RESULTS = ["success", "failure", "cancelled", "skipped"];
var EXPECTED = "${{ toJSON(needs) }}: an object of job -> {result, outputs}";
function parseNeeds(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigurationError(`needs: got '${shown(value)}', expected ${EXPECTED}`);
  }
  const needs = Object.entries(value).map(([job, entry]) => {
    const result = typeof entry === "object" && entry !== null ? entry.result : void 0;
    const known = NEED_RESULTS.find((r) => r === result);
    if (!known) {
      throw new ConfigurationError(
        `needs: job '${job}' has ${shown(entry)}, expected {result: ${NEED_RESULTS.join("|")}, outputs} as \${{ toJSON(needs) }} gives`
      );
    }
    return { job, result: known };
  });
  if (needs.length === 0) {
    throw new ConfigurationError(
      "needs: got {}, the gate job lists no jobs in its needs: list every job the required check stands for, and pass ${{ toJSON(needs) }}"
    );
  }
  return needs;
}

// src/lanes/route-ties.ts
var PLAN = "change-router's plan ({routes: {<route>: {run: true|false}}}), a JSON list of routes, or route names";
function routeStatesFromPlan(plan) {
  const routes = typeof plan === "object" && plan !== null ? plan.routes : void 0;
  if (typeof routes !== "object" || routes === null || Array.isArray(routes)) {
    throw invalidValue("must-run", shown(plan), PLAN);
  }
  const on = /* @__PURE__ */ new Set();
  const known = /* @__PURE__ */ new Set();
  for (const [name, route] of Object.entries(routes)) {
    const run2 = typeof route === "object" && route !== null ? route.run : void 0;
    if (typeof run2 !== "boolean") {
      throw new ConfigurationError(
        `must-run: route '${name}' has no boolean run; expected ${PLAN}`
      );
    }
    known.add(name);
    if (run2) on.add(name);
  }
  return { on, known };
}
function routeStatesFromNames(names) {
  const on = /* @__PURE__ */ new Set();
  for (const name of names) {
    if (typeof name !== "string" || name.trim() === "") {
      throw invalidValue("must-run", shown(name), PLAN);
    }
    on.add(name.trim());
  }
  return { on, known: void 0 };
}
function parseMustRun(raw, list2) {
  if (raw === void 0) return void 0;
  if (raw.startsWith("{"))
    return routeStatesFromPlan(parseJsonInput("must-run", raw, "change-router's plan"));
  if (raw.startsWith("[")) {
    const names = parseJsonInput("must-run", raw, "a JSON list of route names");
    return routeStatesFromNames(Array.isArray(names) ? names : [names]);
  }
  return routeStatesFromNames(list2("must-run"));
}
function parseRouteJobs(text2) {
  const root = ConfigNode.parse(text2, "route-jobs input");
  const mapping = /* @__PURE__ */ new Map();
  for (const [route, jobs] of root.entries()) mapping.set(route, jobs.strings());
  if (mapping.size === 0) throw root.error("expected a mapping of route -> [jobs of needs]");
  return mapping;
}
var alike = (a) => a.toLowerCase().replace(/_/g, "-");
function tieRoutes(states, routeJobs, jobs) {
  const routes = states.known ?? states.on;
  const routesOfJob = /* @__PURE__ */ new Map();
  const tie = (route, job) => {
    routesOfJob.set(job, [...routesOfJob.get(job) ?? [], route]);
  };
  for (const [route, tied] of routeJobs ?? []) {
    if (states.known && !states.known.has(route)) {
      throw invalidValue("route-jobs", route, `routes of the plan: ${[...states.known].join("|")}`);
    }
    for (const job of tied) {
      if (!jobs.includes(job))
        throw invalidValue("route-jobs", job, `jobs of needs: ${jobs.join("|")}`);
      tie(route, job);
    }
  }
  for (const route of routes) {
    if (routeJobs?.has(route)) continue;
    const job = jobs.find((j) => alike(j) === alike(route));
    if (job !== void 0) tie(route, job);
  }
  if (routesOfJob.size === 0) {
    throw new ConfigurationError(
      `must-run: none of the routes (${[...routes].join(", ") || "none"}) ties to a job of needs (${jobs.join(", ")}); name jobs like their routes or map them with route-jobs`
    );
  }
  const tiedRoutes = new Set([...routesOfJob.values()].flat());
  return {
    states,
    routesOfJob,
    unchecked: [...states.on].filter((route) => !tiedRoutes.has(route))
  };
}

// src/lanes/gate-inputs.ts
function gateRequestOf(inputs) {
  const needs = parseNeeds(inputs.needs);
  const jobs = needs.map((need) => need.job);
  for (const [input, names] of [
    ["allowed-skips", inputs.allowedSkips],
    ["allowed-failures", inputs.allowedFailures]
  ]) {
    const unknown = names.find((name) => !jobs.includes(name));
    if (unknown !== void 0) {
      throw new ConfigurationError(
        `${input}: got '${unknown}', expected jobs of needs: ${jobs.join("|")} (a name that matches nothing would excuse nothing)`
      );
    }
  }
  if (inputs.routeJobs !== void 0 && inputs.mustRun === void 0) {
    throw new ConfigurationError(
      "route-jobs: ties routes to jobs for must-run; set must-run to the plan of change-router"
    );
  }
  const ties = inputs.mustRun ? tieRoutes(
    inputs.mustRun,
    inputs.routeJobs === void 0 ? void 0 : parseRouteJobs(inputs.routeJobs),
    jobs
  ) : void 0;
  return { needs, ties };
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
  const legs2 = outcome.decisions.flatMap(
    (d) => d.legs.map((leg) => [
      code(d.job),
      code(leg.name),
      code(leg.lane) + (leg.required ? "" : " (optional)"),
      markdownText(leg.conclusion ?? leg.status),
      leg.fatal ? "\u274C fatal" : leg.conclusion === "success" ? "\u2705" : "reported"
    ])
  );
  if (legs2.length > 0) {
    out += `
${details(`All ${legs2.length} lane legs`, table(["job", "leg", "lane", "conclusion", "verdict"], legs2))}`;
  }
  return out;
}

// src/lanes/gate-verdict.ts
function gateVerdict(outcome, check) {
  const problems = check?.problem === void 0 ? [] : [check.problem];
  const pass = outcome.pass && problems.length === 0;
  const failed = outcome.decisions.filter((d) => !d.pass).map((d) => `${d.job} ${d.why}`);
  return {
    pass,
    problems,
    failure: pass ? void 0 : `the gate failed: ${[...problems, ...failed].join("; ")}`
  };
}

// src/lanes/lane-selection.ts
var ALL = ["both", "all"];
function requestedLanes(value, config) {
  const words = (value ?? "").split(/[\s,]+/).map((word) => word.trim()).filter((word) => word !== "");
  if (words.length === 0) return [config.defaultLane];
  const wanted = /* @__PURE__ */ new Set();
  for (const word of words) {
    const keyword = word.toLowerCase();
    if (keyword === "default") wanted.add(config.defaultLane);
    else if (ALL.includes(keyword)) for (const lane of config.lanes) wanted.add(lane);
    else {
      const lane = config.lanes.find((l) => l.name === word);
      if (!lane) {
        throw invalidValue(
          "lanes",
          word,
          `default, both, all, or a comma list of the lanes of ${config.origin}: ${config.lanes.map((l) => l.name).join("|")}`
        );
      }
      wanted.add(lane);
    }
  }
  return config.lanes.filter((lane) => wanted.has(lane));
}
function selectLanes(config, asked, trust) {
  if (trust.trusted) return { lanes: asked, dropped: [], notice: void 0 };
  const kept = asked.filter((lane) => lane.hosted);
  const dropped = asked.filter((lane) => !lane.hosted);
  const names = (lanes) => lanes.map((l) => l.name).join(", ");
  if (kept.length > 0) {
    return {
      lanes: kept,
      dropped,
      notice: dropped.length === 0 ? void 0 : `Untrusted event (${trust.reason}): hosted lanes only, so ${names(dropped)} will not run`
    };
  }
  const fallback = config.defaultLane.hosted ? config.defaultLane : config.lanes.find((lane) => lane.hosted);
  if (!fallback) {
    throw new ConfigurationError(
      `lanes: ${config.origin} has no lane with hosted: true, and this event is untrusted (${trust.reason}); add a GitHub-hosted lane for such events`
    );
  }
  return {
    lanes: [fallback],
    dropped,
    notice: `Untrusted event (${trust.reason}): hosted lanes only; none of the lanes asked for (${names(dropped)}) is hosted, so the hosted lane ${fallback.name} runs instead`
  };
}

// src/lanes/matrix.ts
var MAX_MATRIX_LEGS = 256;
var LEG_KEYS = [
  "lane",
  "suffix",
  "runner",
  "required",
  "optional",
  "hosted",
  "artifact-suffix",
  "env"
];
var SHARD_KEYS = ["shard", "shards", "items", "expected-seconds", "canary"];
var RESERVED_MATRIX_KEYS = [
  ...LEG_KEYS,
  ...SHARD_KEYS,
  "include",
  "exclude"
];
function laneKeys(lane) {
  return {
    lane: lane.name,
    suffix: lane.suffix,
    // A JSON string, so `runs-on: ${{ fromJSON(matrix.runner) }}` gives back the exact value,
    // label, list or group, in any expression context.
    runner: JSON.stringify(lane.runsOn),
    required: lane.required,
    // `continue-on-error: ${{ matrix.optional }}` keeps an optional lane's failure out of the
    // job's result, so `needs` stays green when only the optional lane is red.
    optional: !lane.required,
    hosted: lane.hosted,
    "artifact-suffix": lane.artifactSuffix,
    env: { ...lane.env }
  };
}
function shardKeys(shard, count) {
  return {
    shard: shard.index,
    shards: count,
    items: [...shard.items],
    "expected-seconds": Math.round(shard.expectedSeconds * 10) / 10,
    canary: shard.index === 0
  };
}
function legs(lanes, entries, shards) {
  return lanes.flatMap(
    (lane) => entries.flatMap(
      (entry) => shards.map((shard) => ({ ...laneKeys(lane), ...entry, ...shard ?? {} }))
    )
  );
}
function checkSize(kind, size, request, shardCount) {
  if (size <= MAX_MATRIX_LEGS) return;
  const dimensionCount = request.dimensions?.entries.length ?? 1;
  const factors = [
    `${request.lanes.length} lanes`,
    ...request.dimensions ? [`${dimensionCount} dimension entries`] : [],
    ...request.shards ? [`${shardCount} shards`] : []
  ].join(" \xD7 ");
  const input = request.shards ? "shards" : request.dimensions ? "dimensions" : "lanes";
  throw new ConfigurationError(
    `${input}: the ${kind} would have ${size} legs (${factors}); GitHub runs at most ${MAX_MATRIX_LEGS} legs per job: lower the shard count, narrow the dimensions, or split them over jobs`
  );
}
function buildMatrices(request) {
  const entries = request.dimensions?.entries ?? [{}];
  const plan = request.shards;
  const count = plan?.shards.length ?? 1;
  const shardEntries = plan ? plan.shards.map((s) => shardKeys(s, count)) : [void 0];
  const include = legs(request.lanes, entries, shardEntries);
  checkSize("matrix", include.length, request, count);
  if (!plan?.canary) return { matrix: { include }, canary: void 0 };
  const canary = legs(request.lanes, entries, [shardKeys(plan.canary, count)]);
  checkSize("canary matrix", canary.length, request, 1);
  return { matrix: { include }, canary: { include: canary } };
}

// src/lanes/matrix-log.ts
function logMatrix(log, report) {
  const { trust, selection, shards, matrices } = report;
  log.info(`Event ${report.event}: ${trust.trusted ? "trusted" : "untrusted"}, ${trust.reason}`);
  if (selection.notice) log.notice(selection.notice);
  for (const lane of selection.lanes) {
    log.info(
      `lane ${lane.name}: ${lane.required ? "required" : "optional"}, runs-on ${JSON.stringify(lane.runsOn)}`
    );
  }
  if (shards) {
    if (shards.canary) {
      log.info(
        `canary: ${shards.canary.items.length} items, expected ${formatSeconds(shards.canary.expectedSeconds)}`
      );
    }
    for (const shard of shards.shards) {
      log.info(
        `shard ${shard.index}/${shards.shards.length}: ${shard.items.length} items, expected ${formatSeconds(shard.expectedSeconds)}`
      );
    }
    if (shards.cappedFrom !== void 0) {
      log.notice(
        `shards: ${shards.cappedFrom} asked for, ${shards.shards.length} made: there are only ${shards.shards.length} items`
      );
    }
  }
  log.info(
    `${matrices.matrix.include.length} legs${matrices.canary ? `, ${matrices.canary.include.length} canary legs` : ""}`
  );
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

// src/lanes/shard-inputs.ts
import { existsSync, readFileSync } from "node:fs";

// src/lanes/shards.ts
function parseDurations(value, input) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidValue(input, shown(value), "a JSON object of item -> seconds");
  }
  const durations = /* @__PURE__ */ new Map();
  for (const [item, seconds] of Object.entries(value)) {
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
      throw new ConfigurationError(
        `${input}: '${item}' has ${shown(seconds)}, expected a number of seconds >= 0`
      );
    }
    durations.set(item, seconds);
  }
  return durations;
}
function median(values) {
  if (values.length === 0) return void 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
var ShardHeap = class {
  #load;
  #heap;
  constructor(count) {
    this.#load = new Array(count).fill(0);
    this.#heap = Array.from({ length: count }, (_, i) => i);
  }
  #less(a, b) {
    const la = this.#load[a];
    const lb = this.#load[b];
    return la < lb || la === lb && a < b;
  }
  /** Adds `seconds` to the least loaded shard and returns that shard's index. */
  assign(seconds) {
    const heap = this.#heap;
    const shard = heap[0];
    this.#load[shard] = this.#load[shard] + seconds;
    let i = 0;
    for (; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && this.#less(heap[left], heap[smallest])) smallest = left;
      if (right < heap.length && this.#less(heap[right], heap[smallest])) smallest = right;
      if (smallest === i) return shard;
      [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
      i = smallest;
    }
  }
  load(shard) {
    return this.#load[shard];
  }
};
var byName = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function planShards(request) {
  const { items, durations } = request;
  const listed = /* @__PURE__ */ new Set();
  for (const item of items) {
    if (listed.has(item)) throw invalidValue("shard-items", item, "each item once");
    listed.add(item);
  }
  const canarySet = new Set(request.canary);
  for (const name of request.canary) {
    if (!listed.has(name)) {
      throw invalidValue("canary", name, `items of shard-items (${items.length} listed)`);
    }
  }
  const known = items.flatMap((item) => durations.get(item) ?? []);
  const fillSeconds = median(known) ?? median([...durations.values()]) ?? 1;
  const withoutHistory = items.filter((item) => !durations.has(item));
  const seconds = (item) => durations.get(item) ?? fillSeconds;
  const sharded = items.filter((item) => !canarySet.has(item));
  if (sharded.length === 0) {
    throw invalidValue(
      "canary",
      request.canary.join(", "),
      "fewer items than shard-items lists: nothing would be left to shard"
    );
  }
  const count = Math.min(request.count, sharded.length);
  const order = sharded.map((item, position) => ({ item, position, seconds: seconds(item) })).sort((a, b) => b.seconds - a.seconds || byName(a.item, b.item));
  const heap = new ShardHeap(count);
  const shardOf = new Array(sharded.length);
  for (const { position, seconds: s } of order) shardOf[position] = heap.assign(s);
  const members = Array.from({ length: count }, () => []);
  sharded.forEach((item, position) => members[shardOf[position]].push(item));
  const shards = members.map((list2, i) => ({
    index: i + 1,
    items: list2,
    expectedSeconds: heap.load(i)
  }));
  const canaryItems = items.filter((item) => canarySet.has(item));
  const total = shards.reduce((sum, shard) => sum + shard.expectedSeconds, 0);
  return {
    shards,
    canary: canaryItems.length === 0 ? void 0 : {
      index: 0,
      items: canaryItems,
      expectedSeconds: canaryItems.reduce((sum, item) => sum + seconds(item), 0)
    },
    idealSeconds: total / count,
    fillSeconds,
    withoutHistory,
    cappedFrom: count < request.count ? request.count : void 0
  };
}

// src/lanes/shard-inputs.ts
function loadDurations(value, workspace) {
  if (value === void 0) return /* @__PURE__ */ new Map();
  let text2 = value;
  if (!value.trimStart().startsWith("{")) {
    const path = pathInside("shard-durations", value, [workspace]);
    if (!existsSync(path)) {
      throw new ConfigurationError(
        `shard-durations: got '${value}', expected a JSON object of item -> seconds or a JSON file in the workspace; no file at ${path}`
      );
    }
    text2 = readFileSync(path, "utf8");
  }
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch (error) {
    throw new ConfigurationError(
      `shard-durations: ${value === text2 ? "the input" : value} is not JSON (${errorMessage(error)}); expected an object of item -> seconds`
    );
  }
  return parseDurations(durationsOf(parsed), "shard-durations");
}
function durationsOf(parsed) {
  const report = typeof parsed === "object" && parsed !== null ? parsed : {};
  const { durations } = report;
  return typeof durations === "object" && durations !== null && !Array.isArray(durations) ? durations : parsed;
}
function shardPlanOf(inputs, workspace) {
  const { shards, shardItems, canary } = inputs;
  if (shards === void 0) {
    if (shardItems.length > 0)
      throw new ConfigurationError(
        "shard-items: set shards to a count from 1 to 256 to split them"
      );
    if (canary.length > 0)
      throw new ConfigurationError(
        "canary: names items of shard-items; set shards and shard-items"
      );
    if (inputs.shardDurations !== void 0) {
      throw new ConfigurationError("shard-durations: only used with shards and shard-items");
    }
    return void 0;
  }
  if (shardItems.length === 0) {
    throw new ConfigurationError(`shards: got ${shards}, but shard-items lists nothing to split`);
  }
  return planShards({
    items: shardItems,
    count: shards,
    durations: loadDurations(inputs.shardDurations, workspace),
    canary
  });
}

// src/lanes/trust.ts
var TRUSTED_EVENTS = /* @__PURE__ */ new Map([
  ["push", "push runs code from the repository itself, pushed by someone with write access"],
  [
    "create",
    "create runs code from the repository itself, a branch or tag made by someone with write access"
  ],
  [
    "delete",
    "delete runs the default branch, after someone with write access deleted a branch or tag"
  ],
  [
    "merge_group",
    "merge_group runs code from the repository itself: the merge queue, filled by someone with write access with pull requests that passed branch protection"
  ],
  [
    "release",
    "release runs code from the repository itself, a tag released by someone with write access"
  ],
  [
    "repository_dispatch",
    "repository_dispatch runs the default branch, started through the API with a token that can write to the repository"
  ],
  ["schedule", "schedule runs the default branch, on the repository's own schedule"],
  [
    "workflow_dispatch",
    "workflow_dispatch runs code from the repository itself, started by someone with write access"
  ]
]);
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set([
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment"
]);
var OUTSIDER_EVENTS = /* @__PURE__ */ new Map([
  [
    "pull_request_target",
    "pull_request_target runs with the base repository's secrets and write token for a pull request anyone can open, so its jobs stay on hosted runners"
  ],
  [
    "issue_comment",
    "issue_comment runs with the base repository's secrets and write token for a comment anyone can write, on an issue or on a pull request from anywhere"
  ],
  [
    "workflow_run",
    "workflow_run runs with the base repository's secrets and write token after a run of any event, fork pull requests included, whose artifacts and outputs it may take in"
  ],
  [
    "check_run",
    "check_run runs with the base repository's secrets and write token when a check changes, on any commit, fork pull requests included, and any app that may write checks can start it"
  ],
  [
    "check_suite",
    "check_suite runs with the base repository's secrets and write token when a check suite changes, on any commit, fork pull requests included, and any app that may write checks can start it"
  ]
]);
var DEPENDABOT = "dependabot[bot]";
function object(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function text(value, ...path) {
  let current = value;
  for (const key of path) current = object(current)?.[key];
  return typeof current === "string" && current !== "" ? current : void 0;
}
var same = (a, b) => a.toLowerCase() === b.toLowerCase();
var isDependabot = (login) => login !== void 0 && same(login, DEPENDABOT);
var trusted = (reason) => ({ trusted: true, reason });
var untrusted = (reason) => ({ trusted: false, reason });
function unknownEvent(event) {
  const what = event === "" ? "the event name is empty" : `the event '${event}' is not on the allow-list`;
  return untrusted(
    `${what}: lane-matrix trusts ${[...TRUSTED_EVENTS.keys()].join(", ")}, and ${[...PULL_REQUEST_EVENTS].join(", ")} from a branch of the repository, by the names GitHub sends`
  );
}
function pullRequestTrust(event, payload) {
  const pull = object(payload.pull_request);
  if (!pull) return untrusted(`${event} without a pull_request in its payload`);
  const pullRequest = typeof pull.number === "number" ? `pull request #${pull.number}` : "the pull request";
  const head = text(pull, "head", "repo", "full_name");
  if (head === void 0) {
    return untrusted(
      object(pull.head)?.repo === null ? `${pullRequest} comes from a repository that no longer exists` : `${event}: the payload does not say which repository ${pullRequest}'s code comes from`
    );
  }
  const repository = text(payload, "repository", "full_name");
  const base = text(pull, "base", "repo", "full_name");
  if (repository === void 0 || base === void 0) {
    return untrusted(`${event}: the payload does not say which repository ${pullRequest} is for`);
  }
  if (!same(head, repository)) return untrusted(`${pullRequest} comes from the fork ${head}`);
  if (!same(base, repository)) {
    return untrusted(`${pullRequest} is for ${base}, not for ${repository} where this runs`);
  }
  const sender = text(payload, "sender", "login");
  if (sender === void 0) {
    return untrusted(`${event}: the payload does not say who started it`);
  }
  if (isDependabot(sender) || isDependabot(text(pull, "user", "login"))) {
    return untrusted(
      `${pullRequest} is Dependabot's: its code comes from a package registry, and GitHub runs it as if it came from a fork`
    );
  }
  return trusted(`${pullRequest} comes from a branch of ${repository}`);
}
function eventTrust(event, payload) {
  const body = object(payload);
  if (!body) return untrusted(`the payload of ${event || "the event"} is not a JSON object`);
  if (PULL_REQUEST_EVENTS.has(event)) return pullRequestTrust(event, body);
  const why = TRUSTED_EVENTS.get(event);
  if (why === void 0) {
    const outsiders = OUTSIDER_EVENTS.get(event);
    return outsiders === void 0 ? unknownEvent(event) : untrusted(outsiders);
  }
  if (isDependabot(text(body, "sender", "login"))) {
    return untrusted(
      `${event} was started by Dependabot: its code comes from a package registry, and GitHub runs it as if it came from a fork`
    );
  }
  return trusted(why);
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
  const legs2 = await gateRunLegs({ env, client, lanes, check, log });
  const { allowedSkips, allowedFailures } = settings;
  const outcome = judgeGate({ needs, allowedSkips, allowedFailures, ties, legs: legs2 });
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
