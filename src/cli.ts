#!/usr/bin/env node
import { parseCommandLine } from './cli/command-line.ts';
import { UsageError } from './cli/usage-error.ts';
import { errorMessage } from './common/error-message.ts';
import { GitError } from './git/git.ts';
import { ConfigurationError } from './runner/errors.ts';
import { neutralize } from './runner/neutralize.ts';

const USAGE = `Usage: lanekit <command> [options]

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

const COMMANDS = ['route', 'scan', 'help'] as const;
type Command = (typeof COMMANDS)[number];

function isCommand(name: string): name is Command {
  return (COMMANDS as readonly string[]).includes(name);
}

/** A command's usage; each command's module loads only when it runs or its help is asked. */
async function usageOf(command: Command): Promise<string> {
  switch (command) {
    case 'route':
      return (await import('./cli/route-command.ts')).ROUTE_USAGE;
    case 'scan':
      return (await import('./cli/scan-command.ts')).SCAN_USAGE;
    case 'help':
      return USAGE;
  }
}

/** `lanekit help [command]`. */
async function helpCommand(args: readonly string[]): Promise<number> {
  const line = parseCommandLine({ options: {}, positionals: 'a command' }, args);
  const [command, ...extra] = line.help ? [] : line.positionals;
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument '${extra[0]!}': expected at most one command`);
  }
  if (command !== undefined && !isCommand(command)) {
    throw new UsageError(`unknown command '${command}', expected ${COMMANDS.join(', ')}`);
  }
  process.stdout.write(await usageOf(command ?? 'help'));
  return 0;
}

async function runCommand(command: Command, args: readonly string[]): Promise<number> {
  switch (command) {
    // Each command loads only its own modules: a scan of a large log has a memory budget.
    case 'route':
      return (await import('./cli/route-command.ts')).routeCommand(args);
    case 'scan':
      return (await import('./cli/scan-command.ts')).scanCommand(args);
    case 'help':
      return helpCommand(args);
  }
}

/** The error on stderr, and the exit status the top-level usage documents for its kind. */
function reportError(program: string, error: unknown): number {
  const message = neutralize(errorMessage(error));
  if (error instanceof UsageError) {
    process.stderr.write(`${program}: ${message}; run '${program} --help' for usage\n`);
    return 2;
  }
  if (error instanceof ConfigurationError) {
    process.stderr.write(`${program}: ${message}\n`);
    return 2;
  }
  if (error instanceof GitError) {
    process.stderr.write(`${program}: ${message}\n`);
    return 3;
  }
  const frames = (error instanceof Error ? (error.stack ?? '') : '')
    .split('\n')
    .filter((frame) => /^\s+at /.test(frame));
  process.stderr.write(
    `${program}: unexpected error: ${message} (this is a lanekit bug; please report it with these lines)\n${frames.map((f) => `${f}\n`).join('')}`,
  );
  return 3;
}

async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  const command = first !== undefined && isCommand(first) ? first : undefined;
  const program = command === undefined || command === 'help' ? 'lanekit' : `lanekit ${command}`;
  try {
    if (command !== undefined) return await runCommand(command, rest);
    if (first === '--help' || first === '-h') return await helpCommand(rest);
    if (first === undefined) {
      throw new UsageError(`missing the command, expected one of ${COMMANDS.join(', ')}`);
    }
    if (first.startsWith('-')) {
      throw new UsageError(
        `unknown option '${first}', expected a command (${COMMANDS.join(', ')}) or -h/--help`,
      );
    }
    throw new UsageError(`unknown command '${first}', expected one of ${COMMANDS.join(', ')}`);
  } catch (error) {
    return reportError(program, error);
  }
}

process.exitCode = await main(process.argv.slice(2));
