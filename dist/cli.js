#!/usr/bin/env node
import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  neutralize
} from "./chunks/chunk-BDGPVZJH.js";
import {
  ConfigurationError
} from "./chunks/chunk-HI3FRFRH.js";
import "./chunks/chunk-PYTXODB5.js";

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
      // Each command loads only its own modules: a scan of a large log has a memory budget.
      case "route":
        await (await import("./chunks/route-command-XJHIOFNR.js")).routeCommand(rest);
        return 0;
      case "scan":
        return await (await import("./chunks/scan-command-77ZIFOC7.js")).scanCommand(rest);
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
