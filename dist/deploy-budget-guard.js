import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  DEFAULT_BUDGET,
  RECORDS_SHRINKS,
  budgetFailures,
  budgetSummary,
  countLine,
  parseBudget,
  parseColdDeps,
  recordsOutput,
  recordsTableLines,
  tallyBudget
} from "./chunks/chunk-UXWHE4LN.js";
import {
  jobLabel
} from "./chunks/chunk-ECUKZLOB.js";
import {
  MalformedRecords,
  OPERATION_NAME,
  RECORD_FILE_VARIABLE,
  RecordProblem,
  appendRecordLine,
  ensureRecordFile,
  readRecordFile,
  recordFileOf,
  recordLine
} from "./chunks/chunk-7DTZBDEW.js";
import "./chunks/chunk-I4MD2II7.js";
import "./chunks/chunk-U6YF45QA.js";
import {
  setJsonOutput
} from "./chunks/chunk-6QVZVFDK.js";
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

// src/budget/gather-records.ts
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var originOf = (env, leg) => ({
  job: env.GITHUB_JOB ?? "job",
  leg,
  attempt: Number(env.GITHUB_RUN_ATTEMPT ?? "1") || 1
});
var scratchDir = (env, what) => mkdtemp(join(env.RUNNER_TEMP ?? tmpdir(), `lanekit-budget-${what}-`));
async function gatherRecords(options) {
  const { env, log } = options;
  const origin = originOf(env, options.leg);
  const file = recordFileOf(env);
  try {
    const records = readRecordFile(file, file, jobLabel(origin));
    log.info(`${file}: ${records.length} record${records.length === 1 ? "" : "s"} of this job`);
    if (options.runRecords) {
      const { gatherRunRecords } = await import("./chunks/record-artifacts-GK5OODOS.js");
      const into = await scratchDir(env, "download");
      records.push(...await gatherRunRecords({ into, own: origin, log }));
    }
    return records;
  } catch (error) {
    if (error instanceof MalformedRecords)
      for (const problem of error.problems) log.warning(problem);
    throw error;
  }
}

// src/budget/record-input.ts
function parseRecordDetail(value) {
  if (value === void 0) return void 0;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
function recordNow(fields) {
  if (!OPERATION_NAME.test(fields.operation)) {
    throw new ConfigurationError(
      `operation: got '${fields.operation}', expected a name like deploy or image-push (lower case letters, digits, - _ .)`
    );
  }
  try {
    return recordLine({ ...fields, time: (/* @__PURE__ */ new Date()).toISOString() });
  } catch (error) {
    if (error instanceof RecordProblem) throw new ConfigurationError(`detail: ${error.message}`);
    throw error;
  }
}

// src/actions/deploy-budget-guard.ts
var MODES = ["start", "record", "upload", "check"];
var READ_IN = {
  operation: ["record"],
  name: ["record"],
  counted: ["record"],
  detail: ["record"],
  leg: ["upload", "check"],
  budget: ["check"],
  "cold-deps": ["check"],
  "run-records": ["check"]
};
function getInputs({ inputs }) {
  const mode = inputs.choice("mode", MODES, "check");
  for (const [input, modes] of Object.entries(READ_IN)) {
    if (!modes.includes(mode) && inputs.optional(input) !== void 0) {
      throw new ConfigurationError(
        `${input}: is read in mode ${modes.join(" and ")}, but this step runs mode ${mode}; remove it or set mode`
      );
    }
  }
  return {
    mode,
    operation: inputs.optional("operation") ?? "deploy",
    name: inputs.optional("name"),
    counted: inputs.boolean("counted", true),
    detail: parseRecordDetail(inputs.optional("detail")),
    leg: inputs.optional("leg") ?? "",
    budget: parseBudget(inputs.optional("budget") ?? DEFAULT_BUDGET),
    coldDeps: parseColdDeps(inputs.optional("cold-deps")),
    runRecords: inputs.boolean("run-records", true),
    summary: inputs.boolean("summary", true)
  };
}
async function check(settings, context) {
  const { leg, runRecords } = settings;
  const records = await gatherRecords({ env: context.env, leg, runRecords, log: context.log });
  const report = tallyBudget(records, settings.budget, settings.coldDeps);
  const first = report.operations[0];
  context.setOutput("count", String(first.count));
  context.setOutput("expected", String(first.expected));
  context.setOutput("ok", String(report.ok));
  setJsonOutput(context, "records", recordsOutput(report), RECORDS_SHRINKS);
  for (const op of report.operations) context.log.info(countLine(op));
  const failures = budgetFailures(report);
  if (settings.summary) context.appendSummary(budgetSummary(report));
  const table = recordsTableLines(report.records);
  if (failures.length === 0) {
    await context.group("Records", () => {
      for (const line of table) context.log.info(line);
      return Promise.resolve();
    });
    return;
  }
  for (const line of table) context.log.info(line);
  throw new CheckFailed(failures.join("; "));
}
async function run(context) {
  const settings = getInputs(context);
  const file = recordFileOf(context.env);
  switch (settings.mode) {
    case "start":
      ensureRecordFile(file);
      context.exportVariable(RECORD_FILE_VARIABLE, file);
      context.setOutput("file", file);
      context.log.info(`records go to ${file} (${RECORD_FILE_VARIABLE}), one JSON line each`);
      return;
    case "record": {
      ensureRecordFile(file);
      const { operation, name, counted, detail } = settings;
      appendRecordLine(file, recordNow({ operation, name, counted, detail }));
      context.log.info(
        `recorded ${operation}${name === void 0 ? "" : ` ${name}`}${counted ? "" : " (not counted)"}`
      );
      return;
    }
    case "upload": {
      const { uploadRecords } = await import("./chunks/record-artifacts-GK5OODOS.js");
      const origin = originOf(context.env, settings.leg);
      const uploaded = await uploadRecords(file, origin, await scratchDir(context.env, "upload"));
      context.setOutput("artifact", uploaded.name);
      context.log.info(
        `uploaded ${uploaded.records} records of ${jobLabel(origin)} as ${uploaded.name}`
      );
      return;
    }
    case "check":
      await check(settings, context);
  }
}

// lanekit-action-entry:deploy-budget-guard
await runAction("deploy-budget-guard", run);
