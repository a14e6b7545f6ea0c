import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/**
 * The Actions runner's wire protocol, as a JavaScript action speaks it: inputs arrive as
 * `INPUT_<NAME>` variables; outputs and exported variables are appended to the files named by
 * `GITHUB_OUTPUT` and `GITHUB_ENV`; logs carry workflow commands (`::warning::...`); the step
 * summary is appended to `GITHUB_STEP_SUMMARY`.
 *
 * lanekit speaks it itself instead of loading `@actions/core`, whose import pulls in an HTTP
 * stack (undici) that costs 100-200 ms of every action's start and that no lanekit action needs
 * for this.
 */

/** The runner's name mangling: spaces become `_`, letters upper case; `-` stays. */
export function readInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function fileCommand(variable: 'GITHUB_OUTPUT', key: string, value: string): void {
  const path = process.env[variable];
  if (!path) throw new Error(`${variable} is not set: is this running as a GitHub Actions step?`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (key.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`the value of ${key} contains the delimiter`);
  }
  appendFileSync(path, `${key}<<${delimiter}\n${value}\n${delimiter}\n`, 'utf8');
}

/** Any value round-trips exactly: the delimiter form with a random delimiter. */
export function setOutput(name: string, value: string): void {
  fileCommand('GITHUB_OUTPUT', name, value);
}

const escapeData = (text: string) =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export type LogCommand = 'debug' | 'notice' | 'warning' | 'error';

/** `::<command>::<message>`; the message is escaped so it stays one command. */
export function logCommand(command: LogCommand, message: string): void {
  process.stdout.write(`::${command}::${escapeData(message)}\n`);
}

export function logLine(message: string): void {
  process.stdout.write(`${message}\n`);
}

export function appendStepSummary(markdown: string): void {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (path) appendFileSync(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
}

/** Fails the step: an error annotation and a non-zero exit code. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  logCommand('error', message);
}
