import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  DEFAULT_MARKERS_FILE,
  PACK_NAMES,
  buildReport,
  checkFailOn,
  markersSummary,
  parseAllowEntries,
  parseMarkersConfig,
  selectRules,
  verdictLine
} from "./chunks/chunk-Q5FLEFUY.js";
import {
  displayPath,
  expandLogPaths,
  scanFiles
} from "./chunks/chunk-2X7DBBKX.js";
import {
  DEFAULT_LANES_FILE,
  laneOfArtifact,
  laneOfJob,
  parseLanesConfig
} from "./chunks/chunk-4RYROOK6.js";
import {
  readConfigInput,
  runAction,
  workspace
} from "./chunks/chunk-5NUP4YPG.js";
import {
  githubApiUrl
} from "./chunks/chunk-PPNMRUAK.js";
import "./chunks/chunk-EKKV53IZ.js";
import "./chunks/chunk-BDGPVZJH.js";
import {
  currentRunAttempt
} from "./chunks/chunk-ODXKVILV.js";
import "./chunks/chunk-DVUWOTCD.js";
import {
  CheckFailed,
  ConfigurationError,
  invalidValue
} from "./chunks/chunk-5TY2TEEQ.js";
import {
  CompiledRules
} from "./chunks/chunk-XK3YIBFW.js";
import "./chunks/chunk-PYTXODB5.js";

// src/actions/marker-scanner.ts
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
function getInputs({ inputs }) {
  return {
    logs: inputs.list("logs"),
    jobs: inputs.boolean("jobs", true),
    artifacts: inputs.list("artifacts"),
    rules: inputs.optional("rules") ?? DEFAULT_MARKERS_FILE,
    packs: inputs.list("packs"),
    allow: inputs.optional("allow"),
    failOn: inputs.list("fail-on"),
    lanesFile: inputs.optional("lanes-file") ?? DEFAULT_LANES_FILE,
    samples: inputs.integer("samples", 5, { min: 1, max: 50 }),
    concurrency: inputs.integer("concurrency", 4, { min: 1, max: 16 }),
    token: inputs.optional("token"),
    summary: inputs.boolean("summary", true)
  };
}
function loadRules(settings) {
  const file = readConfigInput("rules", settings.rules, {
    defaultFile: DEFAULT_MARKERS_FILE,
    optional: true
  });
  let config = file ? parseMarkersConfig(file.text, file.origin) : { packs: void 0, rules: [], allow: [] };
  for (const pack of settings.packs) {
    if (!PACK_NAMES.includes(pack)) {
      throw invalidValue("packs", pack, `a comma list of ${PACK_NAMES.join("|")}`);
    }
  }
  if (settings.packs.length > 0) config = { ...config, packs: settings.packs };
  if (settings.allow !== void 0) {
    config = {
      ...config,
      allow: [...config.allow, ...parseAllowEntries(settings.allow, "allow input")]
    };
  }
  const rules = selectRules(config);
  checkFailOn("fail-on", settings.failOn, rules);
  return { rules, config };
}
function loadLanes(settings) {
  const file = readConfigInput("lanes-file", settings.lanesFile, {
    defaultFile: DEFAULT_LANES_FILE,
    optional: true
  });
  return file ? parseLanesConfig(file.text, file.origin) : void 0;
}
async function scanLocalFiles(settings, compiled, context) {
  if (settings.logs.length === 0) return [];
  const cwd = workspace();
  const { files, unmatched } = await expandLogPaths(settings.logs, cwd);
  for (const pattern of unmatched) context.log.warning(`logs: nothing matched '${pattern}'`);
  return scanFiles(
    files.map((path) => ({ path, name: displayPath(path, cwd), kind: "file" })),
    compiled,
    settings.samples
  );
}
async function scanRunJobs(settings, compiled, lanes, context) {
  const run = currentRunAttempt();
  if (!settings.jobs || run === void 0) return [];
  if (!settings.token) {
    context.log.notice(
      "jobs: no token, so this run's job logs were not scanned (pass token with actions: read)"
    );
    return [];
  }
  const { createGitHubClient } = await import("./chunks/client-Y56CXNSV.js");
  const { listRunAttemptJobs } = await import("./chunks/run-jobs-CF36AAVA.js");
  const { scanJobLogs } = await import("./chunks/job-log-source-SFLYRJ5D.js");
  const client = createGitHubClient({
    token: settings.token,
    baseUrl: githubApiUrl(),
    log: context.log
  });
  const { jobs, totalCount } = await listRunAttemptJobs(client, run);
  if (totalCount > jobs.length) {
    context.log.warning(
      `the API listed ${jobs.length} of the ${totalCount} jobs of this run; the rest were not scanned`
    );
  }
  const completed = jobs.filter((job) => job.status === "completed");
  const pending = jobs.length - completed.length;
  if (pending > 0) {
    context.log.info(
      `${pending} jobs of this run were not complete (this one among them) and were not scanned`
    );
  }
  const ran = completed.filter((job) => job.conclusion !== "skipped");
  return scanJobLogs({
    client,
    repo: { owner: run.owner, repo: run.repo },
    jobs: ran.map((job) => {
      const lane = lanes ? laneOfJob(lanes, job.name)?.name : void 0;
      return {
        jobId: job.id,
        steps: job.steps,
        name: job.name,
        kind: "job",
        ...lane === void 0 ? {} : { lane },
        ...job.htmlUrl === null ? {} : { url: job.htmlUrl }
      };
    }),
    compiled,
    samples: settings.samples,
    concurrency: settings.concurrency,
    log: context.log
  });
}
async function scanArtifacts(settings, compiled, lanes, context) {
  if (settings.artifacts.length === 0) return [];
  const { scanLogArtifacts } = await import("./chunks/artifact-source-WHKM2M6G.js");
  const into = await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), "lanekit-job-logs-"));
  return scanLogArtifacts({
    patterns: settings.artifacts,
    into,
    compiled,
    samples: settings.samples,
    laneOf: (name) => lanes ? laneOfArtifact(lanes, name)?.name : void 0,
    log: context.log
  });
}
function writeOutputs(report, context) {
  context.setOutput("markers", JSON.stringify(report));
  context.setOutput("total", String(report.total));
  context.setOutput("explained", String(report.explained));
  context.setOutput("verdict", report.verdict);
}
await runAction("marker-scanner", async (context) => {
  const settings = getInputs(context);
  const { rules, config } = loadRules(settings);
  const lanes = loadLanes(settings);
  const compiled = new CompiledRules(rules);
  const scanned = [
    ...await scanLocalFiles(settings, compiled, context),
    ...await scanRunJobs(settings, compiled, lanes, context),
    ...await scanArtifacts(settings, compiled, lanes, context)
  ];
  if (scanned.length === 0 && settings.logs.length === 0 && settings.artifacts.length === 0 && !settings.jobs) {
    throw new ConfigurationError("logs: nothing to scan; give logs, artifacts, or jobs: true");
  }
  const report = buildReport(rules, scanned, { allow: config.allow, failOn: settings.failOn });
  writeOutputs(report, context);
  for (const source of report.sources) {
    if (source.error !== void 0) context.log.warning(`${source.name}: ${source.error}`);
  }
  context.log.info(verdictLine(report));
  if (settings.summary) context.appendSummary(markersSummary(report));
  if (report.failing > 0) {
    throw new CheckFailed(
      `fail-on: ${report.failing} markers match ${settings.failOn.join(", ")}; see the step summary for where`
    );
  }
});
export {
  getInputs
};
