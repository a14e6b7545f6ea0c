import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '../runner/logger.ts';

export interface CommandOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The environment of a fetch (online: every offline variable removed, whatever its case, so a
 * job that exported them still populates) or of a verify (offline: the variables set).
 */
export function commandEnv(
  env: NodeJS.ProcessEnv,
  offlineEnv: Readonly<Record<string, string>>,
  network: 'online' | 'offline',
): NodeJS.ProcessEnv {
  const offline = new Set(Object.keys(offlineEnv).map((name) => name.toLowerCase()));
  const kept = Object.fromEntries(
    Object.entries(env).filter(([name]) => !offline.has(name.toLowerCase())),
  );
  return network === 'online' ? kept : { ...kept, ...offlineEnv };
}

/** An argv as one line for the log. */
export const commandLine = (argv: readonly string[]): string =>
  argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : JSON.stringify(arg))).join(' ');

/**
 * Runs `argv` without a shell; each line it prints goes to the log, neutralized there, so a
 * package's output never becomes a workflow command. Resolves to the exit code (127 when the
 * program is not found, as a shell would say).
 */
export function runCommand(
  argv: readonly string[],
  options: CommandOptions,
  log: Logger,
): Promise<number> {
  const [program, ...args] = argv;
  return new Promise((resolve) => {
    const child = spawn(program!, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        log.info(line);
      });
    }
    child.on('error', (error: NodeJS.ErrnoException) => {
      log.warning(`${program!}: ${error.code === 'ENOENT' ? 'not found on PATH' : error.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => {
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** What `argv` prints, trimmed; undefined when it fails or cannot start. */
export function commandOutput(
  argv: readonly string[],
  options: CommandOptions,
): Promise<string | undefined> {
  const [program, ...args] = argv;
  return new Promise((resolve) => {
    const child = spawn(program!, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', () => {
      resolve(undefined);
    });
    child.on('close', (code) => {
      resolve(code === 0 ? Buffer.concat(out).toString('utf8').trim() : undefined);
    });
  });
}
