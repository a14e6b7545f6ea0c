import { spawn } from 'node:child_process';

export interface TimedProcess {
  /** Wall time from spawn to close. */
  readonly ms: number;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A stuck tool ends the bench's wait for it instead of hanging the bench. */
const TIMEOUT_MS = 600_000;

/**
 * Runs a command to its end, its output piped back as the test harness runs an action. Undefined
 * when it cannot be started (not installed) or is killed (by the timeout).
 */
export function timeProcess(
  command: string,
  args: readonly string[],
): Promise<TimedProcess | undefined> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: TIMEOUT_MS,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', () => {
      resolve(undefined);
    });
    child.on('close', (code) => {
      const ms = performance.now() - started;
      resolve(
        code === null
          ? undefined
          : {
              ms,
              code,
              stdout: Buffer.concat(stdout).toString(),
              stderr: Buffer.concat(stderr).toString(),
            },
      );
    });
  });
}
