import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  DEFAULT_ROUTES_FILE,
  Repository,
  describeReason,
  parseRoutesConfig,
  planSummary,
  routeChanges
} from "./chunks/chunk-ITE3L75O.js";
import "./chunks/chunk-XPMI3MSL.js";
import {
  apiClient,
  readConfigInput,
  runAction,
  workspaceOf
} from "./chunks/chunk-62KO65EI.js";
import "./chunks/chunk-E2B5MYZ3.js";
import "./chunks/chunk-BDGPVZJH.js";
import {
  readWorkflowEvent
} from "./chunks/chunk-NYTUMRJY.js";
import "./chunks/chunk-T4SWIUSN.js";
import {
  ConfigurationError
} from "./chunks/chunk-HI3FRFRH.js";
import "./chunks/chunk-RHUMOCQK.js";
import "./chunks/chunk-PYTXODB5.js";

// src/routing/routes-input.ts
function readRoutesInput(value, workspace) {
  const file = readConfigInput("routes", value, {
    defaultFile: DEFAULT_ROUTES_FILE,
    optional: false,
    workspace
  });
  return parseRoutesConfig(file.text, file.origin);
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
async function diffSource(settings, context) {
  const workspace = workspaceOf(context.env);
  const repo = settings.source === "api" ? void 0 : await Repository.open(workspace);
  if (repo) return { kind: "git", repo };
  if (settings.source === "git") {
    throw new ConfigurationError(
      `source: got 'git', but ${workspace} is not a git checkout; run actions/checkout first or use source: api`
    );
  }
  const event = readWorkflowEvent(context.env);
  if (!event.repository) throw new ConfigurationError("source: api needs GITHUB_REPOSITORY");
  if (!settings.token)
    throw new ConfigurationError("token: API mode needs a token (the default is github.token)");
  context.log.info("No git checkout: reading the changed files from the GitHub API");
  return {
    kind: "api",
    client: await apiClient(settings.token, context.env, context.log),
    repo: event.repository
  };
}
function writeOutputs(plan, context) {
  context.setOutput("plan", JSON.stringify(plan));
  const running = Object.entries(plan.routes).filter(([, r]) => r.run).map(([name]) => name);
  context.setOutput("routes", JSON.stringify(running));
  context.setOutput("changed-files", String(plan.changedFiles));
  context.setOutput("fallback-reason", plan.fallbackReason ?? "");
  for (const [name, route] of Object.entries(plan.routes))
    context.setOutput(name, String(route.run));
}
function logPlan(plan, context) {
  const { log } = context;
  log.info(`Base ${plan.base ?? "none"}, head ${plan.head ?? "unknown"}: ${plan.how}`);
  log.info(`${plan.changedFiles} changed files`);
  for (const [name, route] of Object.entries(plan.routes)) {
    const first = route.reasons[0];
    log.info(`${route.run ? "run " : "skip"} ${name}${first ? `: ${describeReason(first)}` : ""}`);
  }
  for (const warning of plan.warnings) log.warning(warning);
  if (plan.fallbackReason) log.notice(`Fallback: ${plan.fallbackReason}`);
}
async function run(context) {
  const settings = getInputs(context);
  const config = readRoutesInput(settings.routes, workspaceOf(context.env));
  const source = await diffSource(settings, context);
  const plan = await routeChanges({
    config,
    event: readWorkflowEvent(context.env),
    overrides: { base: settings.base, head: settings.head },
    source,
    log: context.log
  });
  writeOutputs(plan, context);
  logPlan(plan, context);
  if (settings.summary) context.appendSummary(planSummary(plan));
}

// lanekit-action-entry:change-router
await runAction("change-router", run);
