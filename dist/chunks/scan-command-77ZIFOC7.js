import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  stderrLog
} from "./chunk-4GIIV63K.js";
import {
  DEFAULT_MARKERS_FILE,
  buildReport,
  checkFailOn,
  parseMarkersConfig,
  selectRules,
  verdictLine
} from "./chunk-54MC6WLG.js";
import {
  displayPath,
  expandLogPaths,
  scanFiles
} from "./chunk-YLA5URAZ.js";
import "./chunk-E2B5MYZ3.js";
import {
  neutralize
} from "./chunk-BDGPVZJH.js";
import {
  CompiledRules
} from "./chunk-3JMKEA3D.js";
import "./chunk-T4SWIUSN.js";
import {
  ConfigurationError,
  invalidValue
} from "./chunk-HI3FRFRH.js";
import "./chunk-PYTXODB5.js";

// src/cli/scan-command.ts
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
function readConfig(path) {
  const file = path ?? (existsSync(DEFAULT_MARKERS_FILE) ? DEFAULT_MARKERS_FILE : void 0);
  if (file === void 0) return { packs: void 0, rules: [], allow: [] };
  let text;
  try {
    text = readFileSync(resolve(file), "utf8");
  } catch {
    throw new ConfigurationError(`--rules: got '${file}', but there is no such file`);
  }
  return parseMarkersConfig(text, file);
}
async function scanCommand(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      rules: { type: "string" },
      "fail-on": { type: "string", default: "" },
      samples: { type: "string", default: "3" }
    },
    strict: true
  });
  if (positionals.length === 0) {
    throw new ConfigurationError("lanekit scan: give one or more log files, directories or globs");
  }
  const samples = Number(values.samples);
  if (!Number.isInteger(samples) || samples < 1 || samples > 50) {
    throw invalidValue("--samples", values.samples, "an integer from 1 to 50");
  }
  const config = readConfig(values.rules);
  const rules = selectRules(config);
  const failOn = values["fail-on"].split(",").map((e) => e.trim()).filter((e) => e !== "");
  checkFailOn("--fail-on", failOn, rules);
  const cwd = process.cwd();
  const { files, unmatched } = await expandLogPaths(positionals, cwd);
  for (const pattern of unmatched) stderrLog.warning(`nothing matched '${pattern}'`);
  const scanned = await scanFiles(
    files.map((path) => ({ path, name: displayPath(path, cwd), kind: "file" })),
    new CompiledRules(rules),
    samples
  );
  const report = buildReport(rules, scanned, { allow: config.allow, failOn });
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}
` : textReport(report));
  return report.failing > 0 ? 1 : 0;
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
  scanCommand
};
