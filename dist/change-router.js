import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  DEFAULT_ROUTES_FILE,
  Repository,
  describeReason,
  parseRoutesConfig,
  planSummary,
  routeChanges
} from "./chunks/chunk-AHKBJCVQ.js";
import "./chunks/chunk-V42YQC2Q.js";
import {
  readConfigInput,
  runAction,
  workspace
} from "./chunks/chunk-5NUP4YPG.js";
import {
  githubApiUrl,
  readWorkflowEvent
} from "./chunks/chunk-PPNMRUAK.js";
import "./chunks/chunk-EKKV53IZ.js";
import "./chunks/chunk-BDGPVZJH.js";
import "./chunks/chunk-DVUWOTCD.js";
import {
  ConfigurationError
} from "./chunks/chunk-5TY2TEEQ.js";
import "./chunks/chunk-PYTXODB5.js";

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
function loadRoutes(value) {
  const file = readConfigInput("routes", value, {
    defaultFile: DEFAULT_ROUTES_FILE,
    optional: false
  });
  return parseRoutesConfig(file.text, file.origin);
}
async function diffSource(settings, context) {
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
  const { createGitHubClient } = await import("./chunks/client-Y56CXNSV.js");
  context.log.info("No git checkout: reading the changed files from the GitHub API");
  return {
    kind: "api",
    client: createGitHubClient({
      token: settings.token,
      baseUrl: githubApiUrl(),
      log: context.log
    }),
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
await runAction("change-router", async (context) => {
  const settings = getInputs(context);
  const config = loadRoutes(settings.routes);
  const source = await diffSource(settings, context);
  const plan = await routeChanges({
    config,
    event: readWorkflowEvent(),
    overrides: { base: settings.base, head: settings.head },
    source,
    log: context.log
  });
  writeOutputs(plan, context);
  logPlan(plan, context);
  if (settings.summary) context.appendSummary(planSummary(plan));
});
export {
  getInputs
};
