import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  withOptionNames
} from "./chunk-UKVV2B5A.js";
import {
  DEFAULT_BUDGET,
  budgetFailures,
  countLine,
  parseBudget,
  parseColdDeps,
  recordsOutput,
  recordsTableLines,
  tallyBudget
} from "./chunk-UXWHE4LN.js";
import {
  MalformedRecords,
  parseRecordFile
} from "./chunk-7DTZBDEW.js";
import "./chunk-U6YF45QA.js";
import "./chunk-SHBUU7UF.js";
import "./chunk-62AEXFA6.js";
import {
  UsageError,
  parseCommandLine
} from "./chunk-EZB67IH2.js";
import {
  neutralize
} from "./chunk-BDGPVZJH.js";
import "./chunk-2WEQVLCG.js";
import "./chunk-PYTXODB5.js";

// src/cli/budget-command.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
var BUDGET_USAGE = `Usage: lanekit budget [--budget TEXT] [--cold-deps N|JSON] [--json] <file|dir>...

Count deploy-budget-guard's record files against a budget, as its check mode does. A record file
holds one JSON line per operation; a directory stands for every .jsonl file inside it at any
depth, such as the record artifacts 'gh run download --pattern "lanekit-budget-*"' saves.

Options:
  --budget TEXT       Budget lines, as the action's budget input ('deploy: == 1 + cold-deps',
                      one per line). Default: '${DEFAULT_BUDGET}'.
  --cold-deps VALUE   How many dependencies the run deploys itself: a count, or a JSON list of
                      {"name": ..., "state": "cold"|"warm"}. Default: 0.
  --json              Print the tally as JSON, as the action's records output.
  -h, --help          Print this help.

Prints one line per budget line, such as 'deploy-count = 2 (expect 1)', then the records.

Example:
  lanekit budget --cold-deps 1 records/

Exit status: 0 every budget holds; 1 a budget broke, or a record file holds a malformed line;
2 a bad option or value, or no record file given or found.
`;
var BUDGET_OPTIONS = {
  budget: { type: "string", placeholder: "TEXT", expected: "budget lines such as 'deploy: == 1'" },
  "cold-deps": {
    type: "string",
    placeholder: "VALUE",
    expected: 'a count or a JSON list of {"name", "state"}'
  },
  json: { type: "boolean" }
};
function recordFiles(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new UsageError(`no record file or directory at ${path}`);
  }
  if (!stats.isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith(".jsonl")).map((entry) => join(entry.parentPath, entry.name)).sort();
}
function budgetCommand(args) {
  const line = parseCommandLine(
    { options: BUDGET_OPTIONS, positionals: "record files or directories" },
    args
  );
  if (line.help) {
    process.stdout.write(BUDGET_USAGE);
    return Promise.resolve(0);
  }
  const { values, positionals } = line;
  if (positionals.length === 0) {
    throw new UsageError("missing the record files or directories to count");
  }
  const { budget, coldDeps } = withOptionNames(Object.keys(BUDGET_OPTIONS), () => ({
    budget: parseBudget(values.budget ?? DEFAULT_BUDGET),
    coldDeps: parseColdDeps(values["cold-deps"])
  }));
  const cwd = process.cwd();
  const files = positionals.flatMap((path) => recordFiles(resolve(path)));
  if (files.length === 0) {
    throw new UsageError(`no .jsonl record file in ${positionals.map((p) => `'${p}'`).join(", ")}`);
  }
  const records = [];
  const problems = [];
  for (const file of files) {
    const shown = relative(cwd, file) || file;
    try {
      records.push(...parseRecordFile(readFileSync(file), shown, shown));
    } catch (error) {
      if (!(error instanceof MalformedRecords)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`error: ${neutralize(problem)}
`);
    throw new MalformedRecords(problems);
  }
  const report = tallyBudget(records, budget, coldDeps);
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify(recordsOutput(report), null, 2)}
`);
  } else {
    const lines = report.operations.map(countLine);
    lines.push(...budgetFailures(report).map((failure) => `failed: ${failure}`));
    lines.push("", ...recordsTableLines(report.records));
    process.stdout.write(`${lines.map(neutralize).join("\n")}
`);
  }
  return Promise.resolve(report.ok ? 0 : 1);
}
export {
  BUDGET_USAGE,
  budgetCommand
};
