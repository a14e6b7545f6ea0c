#!/usr/bin/env node
import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  DEFAULT_ROUTES_FILE,
  Repository,
  describeReason,
  parseRoutesConfig,
  routeChanges,
  tryGitText
} from "./chunks/chunk-QX2GB4HY.js";
import "./chunks/chunk-AHKOK7PD.js";
import {
  DEFAULT_MARKERS_FILE,
  buildReport,
  checkFailOn,
  parseMarkersConfig,
  selectRules,
  verdictLine
} from "./chunks/chunk-73GB6LO4.js";
import {
  displayPath,
  expandLogPaths,
  scanFiles
} from "./chunks/chunk-OFF277ZL.js";
import {
  neutralize
} from "./chunks/chunk-3CF2Q3RT.js";
import {
  ConfigurationError,
  invalidValue
} from "./chunks/chunk-FWHX3332.js";
import {
  CompiledRules
} from "./chunks/chunk-3TE7SLHC.js";
import "./chunks/chunk-PYTXODB5.js";

// src/cli/route-command.ts
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

// src/cli/stderr-log.ts
var stderrLog = {
  debug: () => {
  },
  info: () => {
  },
  notice: (m) => process.stderr.write(`notice: ${neutralize(m)}
`),
  warning: (m) => process.stderr.write(`warning: ${neutralize(m)}
`)
};

// src/cli/route-command.ts
async function defaultBranch(repo) {
  const originHead = await tryGitText(repo.dir, [
    "symbolic-ref",
    "--quiet",
    "refs/remotes/origin/HEAD"
  ]);
  const candidates = [
    originHead,
    "refs/remotes/origin/main",
    "refs/remotes/origin/master",
    "refs/heads/main",
    "refs/heads/master"
  ];
  for (const ref of candidates) {
    if (ref !== void 0 && await repo.resolveCommit(ref) !== void 0) return ref;
  }
  return void 0;
}
async function routeCommand(args) {
  const { values } = parseArgs({
    args,
    options: {
      base: { type: "string" },
      head: { type: "string" },
      routes: { type: "string", default: DEFAULT_ROUTES_FILE },
      json: { type: "boolean", default: false }
    },
    strict: true
  });
  const repo = await Repository.open(process.cwd());
  if (!repo) throw new ConfigurationError("lanekit route: run it inside a git checkout");
  const routesPath = resolve(repo.dir, values.routes);
  let text;
  try {
    text = readFileSync(routesPath, "utf8");
  } catch {
    throw new ConfigurationError(
      `--routes: got '${values.routes}', but there is no file at ${routesPath}`
    );
  }
  const config = parseRoutesConfig(text, values.routes);
  const base = values.base ?? await defaultBranch(repo);
  if (base === void 0) {
    throw new ConfigurationError(
      "--base: no default branch found (origin/HEAD, main, master); pass --base REV"
    );
  }
  const plan = await routeChanges({
    config,
    event: { name: "local", payload: {}, sha: void 0, ref: void 0, repository: void 0 },
    overrides: { base, head: values.head ?? "HEAD" },
    source: { kind: "git", repo },
    log: stderrLog
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(plan, null, 2)}
`);
    return;
  }
  const how = values.base === void 0 ? `merge base with ${base}` : plan.how;
  const lines = [
    `base ${plan.base ?? "none"} (${neutralize(how)})`,
    `head ${plan.head ?? "unknown"}, ${plan.changedFiles} changed files`,
    ""
  ];
  if (plan.base !== null && plan.base === plan.head) {
    lines.push(
      "HEAD is the merge base itself: pass --base REV to compare with an earlier commit.",
      ""
    );
  }
  const width = Math.max(...Object.keys(plan.routes).map((n) => n.length));
  for (const [name, r] of Object.entries(plan.routes)) {
    const why = r.reasons.slice(0, 3).map((reason) => neutralize(describeReason(reason)));
    const more = r.reasons.length + r.omittedReasons - why.length;
    lines.push(
      `${r.run ? "run " : "skip"}  ${name.padEnd(width)}  ${why.join("; ")}${more > 0 ? `; and ${more} more` : ""}`.trimEnd()
    );
  }
  for (const warning of plan.warnings) lines.push(`warning: ${neutralize(warning)}`);
  process.stdout.write(`${lines.join("\n")}
`);
}

// src/cli/scan-command.ts
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import { resolve as resolve2 } from "node:path";
import { parseArgs as parseArgs2 } from "node:util";
function readConfig(path) {
  const file = path ?? (existsSync(DEFAULT_MARKERS_FILE) ? DEFAULT_MARKERS_FILE : void 0);
  if (file === void 0) return { packs: void 0, rules: [], allow: [] };
  let text;
  try {
    text = readFileSync2(resolve2(file), "utf8");
  } catch {
    throw new ConfigurationError(`--rules: got '${file}', but there is no such file`);
  }
  return parseMarkersConfig(text, file);
}
async function scanCommand(args) {
  const { values, positionals } = parseArgs2({
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

// src/cli.ts
var USAGE = `Usage: lanekit <command> [options]

Commands:
  route [--base REV] [--head REV] [--routes FILE] [--json]
      Print the run plan change-router would make for this checkout: which routes run and why.
      Default base: the merge base with the default branch; default head: HEAD.
  scan [--json] [--rules FILE] [--fail-on LIST] [--samples N] <file|dir|glob>...
      Scan log files for cold-cache markers, as marker-scanner does. --json prints the markers
      report with its verdict. Exit status 1 when a --fail-on marker was found.
`;
async function main(argv) {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "route":
        await routeCommand(rest);
        return 0;
      case "scan":
        return await scanCommand(rest);
      case void 0:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(USAGE);
        return command === void 0 ? 2 : 0;
      default:
        process.stderr.write(`lanekit: unknown command '${neutralize(command)}'

${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof TypeError && "code" in error) {
      process.stderr.write(`lanekit: ${neutralize(error.message)}
`);
      return 2;
    }
    throw error;
  }
}
process.exitCode = await main(process.argv.slice(2));
