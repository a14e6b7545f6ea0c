import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  displayPath,
  expandLogPaths,
  scanFiles
} from "./chunks/chunk-LM4QDYCW.js";
import {
  readRulesInput
} from "./chunks/chunk-WDG4ZQBV.js";
import {
  DEFAULT_MARKERS_FILE,
  failOnMessage,
  markersSummary,
  verdictLine
} from "./chunks/chunk-TWMVON3P.js";
import {
  buildReport
} from "./chunks/chunk-6VAFBZHZ.js";
import "./chunks/chunk-VCFY2PB4.js";
import {
  CompiledRules
} from "./chunks/chunk-NAVPR6M6.js";
import {
  readLanesInput
} from "./chunks/chunk-4XE3IOUW.js";
import {
  currentRunAttempt
} from "./chunks/chunk-YAHCJC2M.js";
import {
  laneOfArtifact
} from "./chunks/chunk-RML3SJZG.js";
import {
  DEFAULT_LANES_FILE
} from "./chunks/chunk-NNRTMOBY.js";
import {
  apiClient
} from "./chunks/chunk-LZSCOON6.js";
import "./chunks/chunk-PFIR35EB.js";
import "./chunks/chunk-UH4JFLZK.js";
import "./chunks/chunk-Z6KEAZSF.js";
import {
  setJsonOutput
} from "./chunks/chunk-6QVZVFDK.js";
import {
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
  ConfigurationError
} from "./chunks/chunk-2WEQVLCG.js";
import "./chunks/chunk-PYTXODB5.js";

// src/actions/marker-scanner.ts
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/markers/report-output.ts
var SOURCES_KEPT = 200;
var withoutSamples = (source) => ({
  ...source,
  rules: Object.fromEntries(
    Object.entries(source.rules).map(([id, rule]) => [id, { ...rule, samples: [] }])
  )
});
var MARKERS_SHRINKS = [
  (report, truncation) => ({
    ...report,
    sources: report.sources.map(withoutSamples),
    truncated: { ...truncation, samples: true, omittedSources: 0 }
  }),
  (report, truncation) => {
    const kept = report.sources.filter((source) => source.markers > 0 || source.error !== void 0).slice(0, SOURCES_KEPT).map(withoutSamples);
    return {
      ...report,
      sources: kept,
      truncated: {
        ...truncation,
        samples: true,
        omittedSources: report.sources.length - kept.length
      }
    };
  },
  (report, truncation) => ({
    ...report,
    sources: [],
    truncated: { ...truncation, samples: true, omittedSources: report.sources.length }
  })
];

// src/actions/marker-scanner.ts
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
async function scanLocalFiles({ settings, compiled, context }) {
  if (settings.logs.length === 0) return [];
  const cwd = workspaceOf(context.env);
  const roots = [cwd, ...context.env.RUNNER_TEMP ? [context.env.RUNNER_TEMP] : []];
  const { files, unmatched } = await expandLogPaths(settings.logs, cwd, roots);
  for (const pattern of unmatched) context.log.warning(`logs: nothing matched '${pattern}'`);
  return scanFiles(
    files.map((path) => ({ path, name: displayPath(path, cwd), kind: "file" })),
    compiled,
    settings.samples
  );
}
async function scanRunJobs({ settings, compiled, lanes, context }) {
  const run2 = currentRunAttempt(context.env);
  if (!settings.jobs || run2 === void 0) return [];
  if (!settings.token) {
    context.log.notice(
      "jobs: no token, so this run's job logs were not scanned (pass token with actions: read)"
    );
    return [];
  }
  const { scanRunJobLogs } = await import("./chunks/run-job-logs-25QFPNVW.js");
  const { samples, concurrency } = settings;
  const client = await apiClient(settings.token, context.env, context.log);
  return scanRunJobLogs({ client, run: run2, lanes, compiled, samples, concurrency, log: context.log });
}
async function scanArtifacts({
  settings,
  compiled,
  lanes,
  context
}) {
  if (settings.artifacts.length === 0) return [];
  const { scanLogArtifacts } = await import("./chunks/artifact-source-3VRHX4TN.js");
  const into = await mkdtemp(join(context.env.RUNNER_TEMP ?? tmpdir(), "lanekit-job-logs-"));
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
  setJsonOutput(context, "markers", report, MARKERS_SHRINKS);
  context.setOutput("total", String(report.total));
  context.setOutput("explained", String(report.explained));
  context.setOutput("verdict", report.verdict);
}
async function run(context) {
  const settings = getInputs(context);
  const workspace = workspaceOf(context.env);
  const { rules, config } = readRulesInput(settings, workspace);
  const lanes = readLanesInput(settings.lanesFile, { optional: true, workspace });
  if (settings.logs.length === 0 && settings.artifacts.length === 0 && !settings.jobs) {
    throw new ConfigurationError("logs: nothing to scan; give logs, artifacts, or jobs: true");
  }
  const scan = { settings, compiled: new CompiledRules(rules), lanes, context };
  const scanned = [
    ...await scanLocalFiles(scan),
    ...await scanRunJobs(scan),
    ...await scanArtifacts(scan)
  ];
  const report = buildReport(rules, scanned, { allow: config.allow, failOn: settings.failOn });
  writeOutputs(report, context);
  for (const source of report.sources) {
    if (source.error !== void 0) context.log.warning(`${source.name}: ${source.error}`);
  }
  context.log.info(verdictLine(report));
  if (settings.summary) context.appendSummary(markersSummary(report));
  if (report.fails) throw new CheckFailed(failOnMessage(report, settings.failOn));
}

// lanekit-action-entry:marker-scanner
await runAction("marker-scanner", run);
