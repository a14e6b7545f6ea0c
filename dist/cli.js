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
  ConfigurationError,
  errorMessage
} from "./chunks/chunk-2WEQVLCG.js";
import "./chunks/chunk-PYTXODB5.js";

// src/cli.ts
var USAGE = `Usage: lanekit <command> [options]

Commands:
  route   Print the run plan change-router would make for this checkout: which routes run
          and why. Compares HEAD with its merge base with the default branch, or with HEAD~1
          on the default branch itself; --worktree adds the uncommitted changes.
  scan    Scan log files for cold-cache markers, as marker-scanner does.
  help    Print this help, or a command's: lanekit help route.

Run 'lanekit <command> --help' for a command's options.

Exit status:
  0  success
  1  a check failed: scan found a marker that --fail-on names
  2  a usage or configuration error: an unknown option, a bad or missing value, a revision
     that is not in the clone, a bad routes or markers file; the message says which
  3  lanekit could not finish: git failed, or a lanekit bug
`;
var COMMANDS = ["route", "scan", "help"];
function isCommand(name) {
  return COMMANDS.includes(name);
}
async function usageOf(command) {
  switch (command) {
    case "route":
      return (await import("./chunks/route-command-LDDU7HMZ.js")).ROUTE_USAGE;
    case "scan":
      return (await import("./chunks/scan-command-S7EOE7OP.js")).SCAN_USAGE;
    case "help":
      return USAGE;
  }
}
async function helpCommand(args) {
  const line = parseCommandLine({ options: {}, positionals: "a command" }, args);
  const [command, ...extra] = line.help ? [] : line.positionals;
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument '${extra[0]}': expected at most one command`);
  }
  if (command !== void 0 && !isCommand(command)) {
    throw new UsageError(`unknown command '${command}', expected ${COMMANDS.join(", ")}`);
  }
  process.stdout.write(await usageOf(command ?? "help"));
  return 0;
}
async function runCommand(command, args) {
  switch (command) {
    // Each command loads only its own modules: a scan of a large log has a memory budget.
    case "route":
      return (await import("./chunks/route-command-LDDU7HMZ.js")).routeCommand(args);
    case "scan":
      return (await import("./chunks/scan-command-S7EOE7OP.js")).scanCommand(args);
    case "help":
      return helpCommand(args);
  }
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
    if (command !== void 0) return await runCommand(command, rest);
    if (first === "--help" || first === "-h") return await helpCommand(rest);
    if (first === void 0) {
      throw new UsageError(`missing the command, expected one of ${COMMANDS.join(", ")}`);
    }
    if (first.startsWith("-")) {
      throw new UsageError(
        `unknown option '${first}', expected a command (${COMMANDS.join(", ")}) or -h/--help`
      );
    }
    throw new UsageError(`unknown command '${first}', expected one of ${COMMANDS.join(", ")}`);
  } catch (error) {
    return reportError(program, error);
  }
}
process.exitCode = await main(process.argv.slice(2));
