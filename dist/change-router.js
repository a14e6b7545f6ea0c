import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  DEFAULT_ROUTES_FILE,
  RESERVED_OUTPUTS,
  Repository,
  describeReason,
  parseRoutesConfig,
  planSummary,
  routeChanges
} from "./chunks/chunk-QJFRNCU5.js";
import "./chunks/chunk-4BEZLSD7.js";
import "./chunks/chunk-IPZMFRDG.js";
import {
  latestSuccessfulRun
} from "./chunks/chunk-YMMWLN6U.js";
import {
  workflowPath
} from "./chunks/chunk-YQQAF6OB.js";
import "./chunks/chunk-OWJYVQDS.js";
import {
  apiClient
} from "./chunks/chunk-LZSCOON6.js";
import {
  readWorkflowEvent,
  repositoryOf
} from "./chunks/chunk-PFIR35EB.js";
import "./chunks/chunk-UH4JFLZK.js";
import "./chunks/chunk-Z6KEAZSF.js";
import {
  setJsonOutput
} from "./chunks/chunk-6QVZVFDK.js";
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
import "./chunks/chunk-WSZT5TYF.js";
import "./chunks/chunk-BDGPVZJH.js";
import {
  ConfigurationError,
  invalidValue
} from "./chunks/chunk-2WEQVLCG.js";
import "./chunks/chunk-PYTXODB5.js";

// src/git/checkout.ts
import { realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";

// src/git/token-credentials.ts
function tokenCredentials(token, serverUrl) {
  const basic = Buffer.from(`x-access-token:${token}`, "utf8").toString("base64");
  const key = `http.${new URL(serverUrl).origin}/.extraheader`;
  return [
    [key, ""],
    [key, `AUTHORIZATION: basic ${basic}`]
  ];
}

// src/git/checkout.ts
var INPUT = "working-directory";
var inside = (root, path) => {
  const rel = relative(root, path);
  return rel === "" || !rel.startsWith("..") && !isAbsolute(rel);
};
function workingDirectory(workspace, value) {
  if (value === void 0) return workspace;
  const allowed = `a directory inside the workspace ${workspace}`;
  const dir = resolve(workspace, value);
  if (!inside(resolve(workspace), dir)) throw invalidValue(INPUT, value, allowed);
  let real;
  try {
    real = realpathSync(dir);
  } catch {
    throw invalidValue(INPUT, value, `${allowed}; there is nothing at ${dir}`);
  }
  if (!inside(realpathSync(workspace), real)) {
    throw invalidValue(INPUT, value, `${allowed}; it leads to ${real}`);
  }
  if (!statSync(real).isDirectory()) {
    throw invalidValue(INPUT, value, `${allowed}; ${dir} is not a directory`);
  }
  return dir;
}
function safeDirectories(workspace, dir) {
  let root;
  let at;
  try {
    root = realpathSync(workspace);
    at = realpathSync(dir);
  } catch {
    return [];
  }
  const dirs = [at];
  while (at !== root && inside(root, at)) {
    at = dirname(at);
    dirs.push(at);
  }
  return dirs;
}
function refusalProblem(refusal, dir) {
  return refusal.reason === "dubious-ownership" ? `git refuses ${dir}, owned by another user (${refusal.detail}): this git, older than 2.39, ignores the safe.directory change-router gives it on the command line; upgrade git, or run git config --global --add safe.directory <the repository's path> first` : `${dir} is not a git checkout; run actions/checkout first (and set working-directory to its path)`;
}
function openCheckout(request) {
  return Repository.locate(request.dir, {
    safeDirectories: safeDirectories(request.workspace, request.dir),
    credentials: request.token === void 0 ? void 0 : tokenCredentials(request.token, request.serverUrl)
  });
}

// src/routing/file-lists.ts
var FILE_LIST_FORMATS = ["none", "json", "shell", "csv"];
var FILE_LISTS_LIMIT_BYTES = 512 * 1024;
var shellWord = (path) => `'${path.replace(/'/g, `'\\''`)}'`;
var csvField = (path) => /[",\r\n]/.test(path) ? `"${path.replace(/"/g, '""')}"` : path;
var FORMATTERS = {
  json: (paths) => JSON.stringify(paths),
  shell: (paths) => paths.map(shellWord).join(" "),
  csv: (paths) => paths.map(csvField).join(",")
};
function fileListOutputs(routes, format, limitBytes = FILE_LISTS_LIMIT_BYTES) {
  if (format === "none") return { outputs: [], cut: [] };
  const names = Object.keys(routes);
  const taken = [...names, ...RESERVED_OUTPUTS].map((name) => name.toLowerCase());
  const clash = names.find((name) => taken.includes(`${name}-files`.toLowerCase()));
  if (clash !== void 0) {
    throw new ConfigurationError(
      `list-files: route '${clash}' would get the output '${clash}-files', which is already a route or an output of change-router; rename the route, or set list-files: none`
    );
  }
  const share = Math.floor(limitBytes / Math.max(1, names.length));
  const write = FORMATTERS[format];
  const fits = (files, count) => Buffer.byteLength(write(files.slice(0, count))) <= share;
  const outputs = [];
  const cut2 = [];
  for (const [route, { files }] of Object.entries(routes)) {
    let kept = files.length;
    if (!fits(files, kept)) {
      let [low, high] = [0, files.length];
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (fits(files, middle)) low = middle;
        else high = middle - 1;
      }
      kept = low;
      cut2.push({ route, omitted: files.length - kept });
    }
    outputs.push({ name: `${route}-files`, value: write(files.slice(0, kept)) });
  }
  return { outputs, cut: cut2 };
}

// src/routing/last-success.ts
import { basename } from "node:path";
function branchOf(env) {
  if (env.GITHUB_HEAD_REF) return env.GITHUB_HEAD_REF;
  const ref = env.GITHUB_REF ?? "";
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : void 0;
}
async function lastSuccessOverrides(client, env) {
  const path = workflowPath(env.GITHUB_WORKFLOW_REF);
  const branch = branchOf(env);
  const repo = repositoryOf(env);
  if (path === void 0 || branch === void 0 || repo === void 0) {
    return {
      noBase: {
        cause: "base-unknown:last-success",
        how: "base last-success needs the run of a workflow on a branch (GITHUB_WORKFLOW_REF, GITHUB_REF, GITHUB_REPOSITORY)"
      }
    };
  }
  const workflowFile = basename(path);
  const runId = Number(env.GITHUB_RUN_ID);
  const run2 = await latestSuccessfulRun(client, repo, {
    workflowFile,
    branch,
    ...Number.isSafeInteger(runId) ? { exceptRunId: runId } : {}
  });
  if (run2 === void 0) {
    return {
      noBase: {
        cause: "base-unknown:no-successful-run",
        how: `${workflowFile} has no successful run on ${branch} to compare with`
      }
    };
  }
  return {
    base: run2.headSha,
    baseHow: `the head of the last successful run of ${workflowFile} on ${branch} (${run2.htmlUrl})`
  };
}

// src/routing/plan-output.ts
function cut(plan, keep) {
  const routes = Object.fromEntries(
    Object.entries(plan.routes).map(([name, route]) => [
      name,
      {
        ...route,
        reasons: route.reasons.slice(0, keep),
        omittedReasons: route.omittedReasons + Math.max(0, route.reasons.length - keep),
        files: []
      }
    ])
  );
  return { ...plan, routes };
}
var PLAN_SHRINKS = [
  (plan, truncation) => ({
    ...cut(plan, Number.POSITIVE_INFINITY),
    truncated: { ...truncation, files: true }
  }),
  (plan, truncation) => ({ ...cut(plan, 5), truncated: { ...truncation, files: true } }),
  (plan, truncation) => ({ ...cut(plan, 0), truncated: { ...truncation, files: true } })
];

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
var LAST_SUCCESS = "last-success";
function getInputs({ inputs }) {
  return {
    routes: inputs.optional("routes") ?? DEFAULT_ROUTES_FILE,
    base: inputs.optional("base"),
    head: inputs.optional("head"),
    source: inputs.choice("source", ["auto", "git", "api"], "auto"),
    token: inputs.optional("token"),
    summary: inputs.boolean("summary", true),
    listFiles: inputs.choice("list-files", FILE_LIST_FORMATS, "none"),
    workingDirectory: inputs.optional("working-directory")
  };
}
async function diffSource(settings, dir, context) {
  if (settings.source !== "api") {
    const opened = await openCheckout({
      workspace: workspaceOf(context.env),
      dir,
      token: settings.token,
      serverUrl: context.env.GITHUB_SERVER_URL ?? "https://github.com"
    });
    if (opened instanceof Repository) return { kind: "git", repo: opened };
    const problem = refusalProblem(opened, dir);
    if (settings.source === "git") {
      throw new ConfigurationError(`source: got 'git', but ${problem}, or use source: api`);
    }
    if (opened.reason === "dubious-ownership") context.log.warning(problem);
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
async function baseOverrides(settings, context) {
  if (settings.base !== LAST_SUCCESS) return { base: settings.base, head: settings.head };
  if (!settings.token) {
    throw new ConfigurationError(
      `base: '${LAST_SUCCESS}' reads this workflow's runs; it needs token (github.token with actions: read)`
    );
  }
  const client = await apiClient(settings.token, context.env, context.log);
  return { ...await lastSuccessOverrides(client, context.env), head: settings.head };
}
function writeOutputs(plan, settings, context) {
  setJsonOutput(context, "plan", plan, PLAN_SHRINKS);
  const running = Object.entries(plan.routes).filter(([, r]) => r.run).map(([name]) => name);
  context.setOutput("routes", JSON.stringify(running));
  context.setOutput("changed-files", String(plan.changedFiles));
  context.setOutput("fallback-reason", plan.fallbackReason ?? "");
  for (const [name, route] of Object.entries(plan.routes))
    context.setOutput(name, String(route.run));
  const lists = fileListOutputs(plan.routes, settings.listFiles);
  for (const { name, value } of lists.outputs) context.setOutput(name, value);
  for (const { route, omitted } of lists.cut) {
    context.log.warning(
      `${route}-files: ${omitted} files left out to fit the job's outputs; the whole list is in plan-file`
    );
  }
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
  const dir = workingDirectory(workspaceOf(context.env), settings.workingDirectory);
  const config = readRoutesInput(settings.routes, dir);
  const source = await diffSource(settings, dir, context);
  const plan = await routeChanges({
    config,
    event: readWorkflowEvent(context.env),
    overrides: await baseOverrides(settings, context),
    source,
    log: context.log
  });
  writeOutputs(plan, settings, context);
  logPlan(plan, context);
  if (settings.summary) context.appendSummary(planSummary(plan));
}

// lanekit-action-entry:change-router
await runAction("change-router", run);
