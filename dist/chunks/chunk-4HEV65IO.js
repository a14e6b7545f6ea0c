import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  shown
} from "./chunk-U6YF45QA.js";
import {
  laneOfJob,
  splitJobName
} from "./chunk-RML3SJZG.js";
import {
  ConfigNode
} from "./chunk-UH4JFLZK.js";
import {
  parseJsonInput
} from "./chunk-62AEXFA6.js";
import {
  ConfigurationError,
  invalidValue
} from "./chunk-2WEQVLCG.js";

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

// src/lanes/gate.ts
var RED_CONCLUSIONS = /* @__PURE__ */ new Set([
  "failure",
  "cancelled",
  "timed_out",
  "action_required",
  "startup_failure",
  "stale"
]);
function isLegOf(job, runJobName, legs) {
  const base = splitJobName(runJobName).base.toLowerCase();
  const names = [job, legs.nameBases.get(job)].flatMap((n) => n ? [n.toLowerCase()] : []);
  return names.some((name) => base === name || base.startsWith(`${name} / `));
}
function legVerdicts(job, legs) {
  if (!legs) return [];
  return legs.jobs.flatMap((runJob) => {
    const lane = laneOfJob(legs.config, runJob.name);
    if (!lane || !isLegOf(job, runJob.name, legs)) return [];
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
function redLegs(legs, required) {
  return legs.filter(
    (leg) => leg.required === required && leg.conclusion !== null && RED_CONCLUSIONS.has(leg.conclusion)
  );
}
function decide(need, request) {
  const { job, result } = need;
  const legs = legVerdicts(job, request.legs);
  const decision = (pass, why) => ({ job, result, pass, why, legs });
  const requiredRed = redLegs(legs, true);
  const optionalRed = redLegs(legs, false);
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
      const onlyOptional = result === "failure" && request.legs?.complete === true && requiredRed.length === 0 && optionalRed.length > 0 && legs.every((leg) => leg.status === "completed");
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
    const run = typeof route === "object" && route !== null ? route.run : void 0;
    if (typeof run !== "boolean") {
      throw new ConfigurationError(
        `must-run: route '${name}' has no boolean run; expected ${PLAN}`
      );
    }
    known.add(name);
    if (run) on.add(name);
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
function parseRouteJobs(text) {
  const root = ConfigNode.parse(text, "route-jobs input");
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

export {
  decisionsOf,
  DECISIONS_SHRINKS,
  judgeGate,
  parseMustRun,
  gateRequestOf,
  gateVerdict
};
