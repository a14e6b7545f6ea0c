#!/usr/bin/env node
import { ConfigurationError } from './runner/errors.ts';
import { neutralize } from './runner/neutralize.ts';

const USAGE = `Usage: lanekit <command> [options]

Commands:
  route [--base REV] [--head REV] [--routes FILE] [--json]
      Print the run plan change-router would make for this checkout: which routes run and why.
      Default base: the merge base with the default branch; default head: HEAD.
  scan [--json] [--rules FILE] [--fail-on LIST] [--samples N] <file|dir|glob>...
      Scan log files for cold-cache markers, as marker-scanner does. --json prints the markers
      report with its verdict. Exit status 1 when a --fail-on marker was found.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      // Each command loads only its own modules: a scan of a large log has a memory budget.
      case 'route':
        await (await import('./cli/route-command.ts')).routeCommand(rest);
        return 0;
      case 'scan':
        return await (await import('./cli/scan-command.ts')).scanCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`lanekit: unknown command '${neutralize(command)}'\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigurationError || (error instanceof TypeError && 'code' in error)) {
      process.stderr.write(`lanekit: ${neutralize(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
