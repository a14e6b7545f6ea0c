import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  ConfigurationError,
  DEFAULT_ROUTES_FILE,
  Repository,
  ServiceError,
  describeReason,
  fitSummary,
  githubApiUrl,
  invalidValue,
  neutralize,
  parseRoutesConfig,
  planSummary,
  readWorkflowEvent,
  routeChanges
} from "./chunks/chunk-MX23FQQ5.js";
import "./chunks/chunk-3JRY3IFT.js";

// src/actions/change-router.ts
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";

// src/runner/inputs.ts
var Inputs = class {
  #read;
  constructor(read) {
    this.#read = read;
  }
  optional(name) {
    const value = this.#read(name).trim();
    return value === "" ? void 0 : value;
  }
  required(name) {
    const value = this.optional(name);
    if (value === void 0) {
      throw new ConfigurationError(`${name}: input required and not supplied`);
    }
    return value;
  }
  boolean(name, fallback) {
    const value = this.optional(name);
    if (value === void 0) return fallback;
    const lower = value.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
    throw invalidValue(name, value, "true|false");
  }
  choice(name, allowed, fallback) {
    const value = this.optional(name);
    if (value === void 0) return fallback;
    const found = allowed.find((a) => a === value.toLowerCase());
    if (found === void 0) throw invalidValue(name, value, `one of ${allowed.join("|")}`);
    return found;
  }
};

// src/runner/runner-protocol.ts
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
function readInput(name, env = process.env) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function fileCommand(variable, key, value) {
  const path = process.env[variable];
  if (!path) throw new Error(`${variable} is not set: is this running as a GitHub Actions step?`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (key.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`the value of ${key} contains the delimiter`);
  }
  appendFileSync(path, `${key}<<${delimiter}
${value}
${delimiter}
`, "utf8");
}
function setOutput(name, value) {
  fileCommand("GITHUB_OUTPUT", name, value);
}
var escapeData = (text) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
function logCommand(command, message) {
  process.stdout.write(`::${command}::${escapeData(message)}
`);
}
function logLine(message) {
  process.stdout.write(`${message}
`);
}
function appendStepSummary(markdown) {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (path) appendFileSync(path, markdown.endsWith("\n") ? markdown : `${markdown}
`, "utf8");
}
function setFailed(message) {
  process.exitCode = 1;
  logCommand("error", message);
}

// src/runner/action.ts
var log = {
  debug: (message) => {
    if (process.env.RUNNER_DEBUG === "1") logCommand("debug", neutralize(message));
  },
  info: (message) => {
    logLine(neutralize(message));
  },
  notice: (message) => {
    logCommand("notice", neutralize(message));
  },
  warning: (message) => {
    logCommand("warning", neutralize(message));
  }
};
var context = {
  inputs: new Inputs(readInput),
  log,
  setOutput,
  appendSummary: (markdown) => {
    appendStepSummary(fitSummary(markdown));
  }
};
async function runAction(action, body) {
  try {
    await body(context);
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof ServiceError) {
      setFailed(`${action}: ${neutralize(error.message)}`);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && error.stack) log.debug(error.stack);
    setFailed(
      `${action}: unexpected error: ${neutralize(message)} (this is a lanekit bug; please report it with the debug log)`
    );
  }
}

// src/actions/change-router.ts
function getInputs({ inputs }) {
  return {
    routes: inputs.optional("routes") ?? DEFAULT_ROUTES_FILE,
    base: inputs.optional("base"),
    head: inputs.optional("head"),
    source: inputs.choice("source", ["auto", "git", "api"], "auto"),
    token: inputs.optional("token"),
    summary: inputs.boolean("summary", true)
  };
}
var workspace = () => process.env.GITHUB_WORKSPACE ?? process.cwd();
function loadRoutes(value) {
  if (value.includes("\n") || value.trimStart().startsWith("{")) {
    return parseRoutesConfig(value, "routes input");
  }
  const path = isAbsolute(value) ? value : resolve(workspace(), value);
  if (!existsSync(path)) {
    throw new ConfigurationError(
      `routes: got '${value}', expected a routes file in the workspace or inline YAML; no file at ${path}` + (value === DEFAULT_ROUTES_FILE ? " (did the job run actions/checkout first?)" : "")
    );
  }
  return parseRoutesConfig(readFileSync(path, "utf8"), value);
}
async function diffSource(settings, context2) {
  const repo = settings.source === "api" ? void 0 : await Repository.open(workspace());
  if (repo) return { kind: "git", repo };
  if (settings.source === "git") {
    throw new ConfigurationError(
      `source: got 'git', but ${workspace()} is not a git checkout; run actions/checkout first or use source: api`
    );
  }
  const event = readWorkflowEvent();
  if (!event.repository) throw new ConfigurationError("source: api needs GITHUB_REPOSITORY");
  if (!settings.token)
    throw new ConfigurationError("token: API mode needs a token (the default is github.token)");
  const { createGitHubClient } = await import("./chunks/client-5KDX562P.js");
  context2.log.info("No git checkout: reading the changed files from the GitHub API");
  return {
    kind: "api",
    client: createGitHubClient({
      token: settings.token,
      baseUrl: githubApiUrl(),
      log: context2.log
    }),
    repo: event.repository
  };
}
function writeOutputs(plan, context2) {
  context2.setOutput("plan", JSON.stringify(plan));
  const running = Object.entries(plan.routes).filter(([, r]) => r.run).map(([name]) => name);
  context2.setOutput("routes", JSON.stringify(running));
  context2.setOutput("changed-files", String(plan.changedFiles));
  context2.setOutput("fallback-reason", plan.fallbackReason ?? "");
  for (const [name, route] of Object.entries(plan.routes))
    context2.setOutput(name, String(route.run));
}
function logPlan(plan, context2) {
  const { log: log2 } = context2;
  log2.info(`Base ${plan.base ?? "none"}, head ${plan.head ?? "unknown"}: ${plan.how}`);
  log2.info(`${plan.changedFiles} changed files`);
  for (const [name, route] of Object.entries(plan.routes)) {
    const first = route.reasons[0];
    log2.info(`${route.run ? "run " : "skip"} ${name}${first ? `: ${describeReason(first)}` : ""}`);
  }
  for (const warning of plan.warnings) log2.warning(warning);
  if (plan.fallbackReason) log2.notice(`Fallback: ${plan.fallbackReason}`);
}
await runAction("change-router", async (context2) => {
  const settings = getInputs(context2);
  const config = loadRoutes(settings.routes);
  const source = await diffSource(settings, context2);
  const plan = await routeChanges({
    config,
    event: readWorkflowEvent(),
    overrides: { base: settings.base, head: settings.head },
    source,
    log: context2.log
  });
  writeOutputs(plan, context2);
  logPlan(plan, context2);
  if (settings.summary) context2.appendSummary(planSummary(plan));
});
export {
  getInputs
};
