import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  stderrLog
} from "./chunk-4GIIV63K.js";
import {
  displayPath,
  expandLogPaths,
  scanFiles
} from "./chunk-LM4QDYCW.js";
import {
  DEFAULT_MARKERS_FILE,
  checkFailOn,
  parseMarkersConfig,
  selectRules,
  verdictLine
} from "./chunk-TWMVON3P.js";
import {
  buildReport
} from "./chunk-6VAFBZHZ.js";
import "./chunk-VCFY2PB4.js";
import {
  CompiledRules
} from "./chunk-NAVPR6M6.js";
import "./chunk-UH4JFLZK.js";
import "./chunk-Z6KEAZSF.js";
import "./chunk-JZRQ347E.js";
import "./chunk-SHBUU7UF.js";
import {
  UsageError,
  parseCommandLine
} from "./chunk-EZB67IH2.js";
import {
  neutralize
} from "./chunk-BDGPVZJH.js";
import {
  ConfigurationError
} from "./chunk-2WEQVLCG.js";
import "./chunk-PYTXODB5.js";

// src/cli/scan-command.ts
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
function readConfig(path) {
  const file = path ?? (existsSync(DEFAULT_MARKERS_FILE) ? DEFAULT_MARKERS_FILE : void 0);
  if (file === void 0) return { packs: void 0, rules: [], allow: [] };
  let text;
  try {
    text = readFileSync(resolve(file), "utf8");
  } catch {
    throw new UsageError(`--rules: got '${file}', but there is no such file`);
  }
  return parseMarkersConfig(text, file);
}
var SCAN_USAGE = `Usage: lanekit scan [--json] [--rules FILE] [--fail-on LIST] [--samples N] <file|dir|glob>...

Scan log files for cold-cache markers, as marker-scanner does. A directory stands for every file
inside it; quote a glob so that lanekit expands it rather than the shell.

Options:
  --rules FILE    The markers file. Default: ${DEFAULT_MARKERS_FILE} when it exists.
  --fail-on LIST  Exit with status 1 when one of these markers is found: a comma-separated list
                  of any, categories, rule ids and wildcards such as cargo/*; also when no log
                  shows evidence (no-evidence), unless the markers file allows it.
  --samples N     Sample lines kept per rule and file, 1 to 50. Default: 3.
  --json          Print the markers report, with its verdict, as JSON.
  -h, --help      Print this help.

Exit status: 0 no --fail-on marker was found; 1 one was, or no-evidence; 2 a bad option or
value, no path given or none matched, or a bad markers file.
`;
var SCAN_OPTIONS = {
  json: { type: "boolean" },
  rules: { type: "string", placeholder: "FILE", expected: "the markers file" },
  "fail-on": {
    type: "string",
    placeholder: "LIST",
    expected: "a comma-separated list of any, categories, rule ids and wildcards"
  },
  samples: { type: "string", placeholder: "N", expected: "an integer from 1 to 50" }
};
function failOnEntries(list, rules) {
  const entries = list.split(",").map((e) => e.trim()).filter((e) => e !== "");
  try {
    checkFailOn("--fail-on", entries, rules);
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(error.message);
    throw error;
  }
  return entries;
}
async function scanCommand(args) {
  const line = parseCommandLine(
    { options: SCAN_OPTIONS, positionals: "log files, directories or globs" },
    args
  );
  if (line.help) {
    process.stdout.write(SCAN_USAGE);
    return 0;
  }
  const { values, positionals } = line;
  if (positionals.length === 0) {
    throw new UsageError("missing the log files, directories or globs to scan");
  }
  const samplesText = values.samples ?? "3";
  const samples = Number(samplesText);
  if (!/^\d+$/.test(samplesText) || samples < 1 || samples > 50) {
    throw new UsageError(`--samples: got '${samplesText}', expected an integer from 1 to 50`);
  }
  const config = readConfig(values.rules);
  const rules = selectRules(config);
  const failOn = failOnEntries(values["fail-on"] ?? "", rules);
  const cwd = process.cwd();
  const { files, unmatched } = await expandLogPaths(positionals, cwd);
  if (files.length === 0) {
    const named = unmatched.map((p) => `'${p}'`).join(", ");
    throw new UsageError(`no log file matched ${named}: expected files, directories or globs`);
  }
  for (const pattern of unmatched) stderrLog.warning(`nothing matched '${pattern}'`);
  const scanned = await scanFiles(
    files.map((path) => ({ path, name: displayPath(path, cwd), kind: "file" })),
    new CompiledRules(rules),
    samples
  );
  const report = buildReport(rules, scanned, { allow: config.allow, failOn });
  process.stdout.write(
    values.json === true ? `${JSON.stringify(report, null, 2)}
` : textReport(report)
  );
  return report.fails ? 1 : 0;
}
function textReport(report) {
  const lines = [];
  for (const source of report.sources) {
    const problem = source.error ?? (source.binary ? "binary file, not scanned" : void 0);
    lines.push(
      `${neutralize(source.name)}: ${problem === void 0 ? `${source.markers} markers` : neutralize(problem)}`
    );
    const width = Math.max(0, ...Object.keys(source.rules).map((id) => id.length));
    for (const [id, rule] of Object.entries(source.rules)) {
      const first = rule.samples[0];
      const status = rule.category === "observation" ? "observed" : rule.explained === void 0 ? rule.category : `explained: ${rule.explained}`;
      const at = first === void 0 ? "" : `  line ${first.line}: ${first.text.trim()}`;
      lines.push(
        neutralize(`  ${id.padEnd(width)}  ${String(rule.count).padStart(6)}  ${status}${at}`)
      );
    }
    if (source.truncatedLines > 0)
      lines.push(`  ${source.truncatedLines} over-long lines were scanned in part`);
  }
  lines.push("", verdictLine(report));
  return `${lines.join("\n")}
`;
}
export {
  SCAN_USAGE,
  scanCommand
};
