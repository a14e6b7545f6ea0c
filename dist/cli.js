#!/usr/bin/env node
import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  UsageError,
  parseCommandLine
} from "./chunks/chunk-EZB67IH2.js";
import {
  GitError
} from "./chunks/chunk-WSZT5TYF.js";
import {
  neutralize
} from "./chunks/chunk-BDGPVZJH.js";
import {
  CheckFailed,
  ConfigurationError,
  errorMessage
} from "./chunks/chunk-2WEQVLCG.js";
import "./chunks/chunk-PYTXODB5.js";

// src/cli.ts
var USAGE = `Usage: lanekit <command> [options]

Commands:
  route        Print the run plan change-router would make for this checkout: which routes
               run and why. Compares HEAD with its merge base with the default branch, or with
               HEAD~1 on the default branch itself; --worktree adds the uncommitted changes.
  scan         Scan log files for cold-cache markers, as marker-scanner does.
  lanes        Print the matrix lane-matrix would make from the lanes file.
  gate         Judge a needs JSON as lane-matrix's gate does.
  summary      Print timing-summary's report for a run's recorded job list.
  warmup-key   Print the cache key registry-warmup computes for this checkout.
  budget       Count deploy-budget-guard's record files against a budget.
  rehearse     Run a workflow's lanekit steps here against a local GitHub on a sample
               repository (npm start), and write every summary to out/index.html.
  help         Print this help, or a command's: lanekit help route.

Run 'lanekit <command> --help' for a command's options.

Exit status:
  0  success
  1  a check failed: scan found a marker that --fail-on names, the gate failed, a budget
     broke or a record file holds a malformed line, or a rehearsed job failed
  2  a usage or configuration error: an unknown option, a bad or missing value, a revision
     that is not in the clone, a bad routes, markers or lanes file; the message says which
  3  lanekit could not finish: git failed, or a lanekit bug
`;
var COMMANDS = {
  route: async () => {
    const m = await import("./chunks/route-command-BNTNWK5O.js");
    return { usage: m.ROUTE_USAGE, run: m.routeCommand };
  },
  scan: async () => {
    const m = await import("./chunks/scan-command-MPMSEEJY.js");
    return { usage: m.SCAN_USAGE, run: m.scanCommand };
  },
  lanes: async () => {
    const m = await import("./chunks/lanes-command-WJCP27J7.js");
    return { usage: m.LANES_USAGE, run: m.lanesCommand };
  },
  gate: async () => {
    const m = await import("./chunks/gate-command-WYBPZRHU.js");
    return { usage: m.GATE_USAGE, run: m.gateCommand };
  },
  summary: async () => {
    const m = await import("./chunks/summary-command-3DW2G6C7.js");
    return { usage: m.SUMMARY_USAGE, run: m.summaryCommand };
  },
  "warmup-key": async () => {
    const m = await import("./chunks/warmup-key-command-OFMT2KRM.js");
    return { usage: m.WARMUP_KEY_USAGE, run: m.warmupKeyCommand };
  },
  budget: async () => {
    const m = await import("./chunks/budget-command-W3GCDDEB.js");
    return { usage: m.BUDGET_USAGE, run: m.budgetCommand };
  },
  rehearse: async () => {
    const m = await import("./chunks/rehearse-command-2S44JRCC.js");
    return { usage: m.REHEARSE_USAGE, run: m.rehearseCommand };
  },
  help: () => Promise.resolve({ usage: USAGE, run: helpCommand })
};
var NAMES = Object.keys(COMMANDS).join(", ");
var isCommand = (name) => Object.hasOwn(COMMANDS, name);
async function helpCommand(args) {
  const line = parseCommandLine({ options: {}, positionals: "a command" }, args);
  const [command, ...extra] = line.help ? [] : line.positionals;
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument '${extra[0]}': expected at most one command`);
  }
  if (command !== void 0 && !isCommand(command)) {
    throw new UsageError(`unknown command '${command}', expected ${NAMES}`);
  }
  process.stdout.write((await COMMANDS[command ?? "help"]()).usage);
  return 0;
}
function reportError(program, error) {
  const message = neutralize(errorMessage(error));
  if (error instanceof UsageError) {
    process.stderr.write(`${program}: ${message}; run '${program} --help' for usage
`);
    return 2;
  }
  if (error instanceof ConfigurationError) {
    process.stderr.write(`${program}: ${message}
`);
    return 2;
  }
  if (error instanceof CheckFailed) {
    process.stderr.write(`${program}: ${message}
`);
    return 1;
  }
  if (error instanceof GitError) {
    process.stderr.write(`${program}: ${message}
`);
    return 3;
  }
  const frames = (error instanceof Error ? error.stack ?? "" : "").split("\n").filter((frame) => /^\s+at /.test(frame));
  process.stderr.write(
    `${program}: unexpected error: ${message} (this is a lanekit bug; please report it with these lines)
${frames.map((f) => `${f}
`).join("")}`
  );
  return 3;
}
async function main(argv) {
  const [first, ...rest] = argv;
  const command = first !== void 0 && isCommand(first) ? first : void 0;
  const program = command === void 0 || command === "help" ? "lanekit" : `lanekit ${command}`;
  try {
    if (command !== void 0) return await (await COMMANDS[command]()).run(rest);
    if (first === "--help" || first === "-h") return await helpCommand(rest);
    if (first === void 0) {
      throw new UsageError(`missing the command, expected one of ${NAMES}`);
    }
    if (first.startsWith("-")) {
      throw new UsageError(`unknown option '${first}', expected a command (${NAMES}) or -h/--help`);
    }
    throw new UsageError(`unknown command '${first}', expected one of ${NAMES}`);
  } catch (error) {
    return reportError(program, error);
  }
}
process.exitCode = await main(process.argv.slice(2));
