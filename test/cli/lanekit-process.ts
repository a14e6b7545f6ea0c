/**
 * The built CLI (dist/cli.js, from `node scripts/build.ts`) run as a user runs it, with git
 * configured by nothing outside the test: no global or system config, no identity.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../src/rehearsal/runner.ts';

export interface LanekitRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const ENV = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  TMPDIR: process.env.TMPDIR,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function lanekit(cwd: string, ...args: string[]): Promise<LanekitRun> {
  return lanekitWithInput(cwd, '', ...args);
}

/** The CLI with `input` on its stdin, as `... | lanekit <command> --needs -` gives it. */
export function lanekitWithInput(
  cwd: string,
  input: string,
  ...args: string[]
): Promise<LanekitRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(ROOT, 'dist', 'cli.js'), ...args],
      { cwd, env: ENV },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(input);
  });
}

/**
 * A usage error as the CLI promises it: exit status 2, nothing on stdout, one line on stderr
 * with `program`'s prefix once, every fragment, and a pointer to `program --help`; never
 * parseArgs' own wording or a stack trace.
 */
export function assertUsageError(run: LanekitRun, program: string, ...fragments: string[]): void {
  const shown = JSON.stringify(run);
  assert.equal(run.code, 2, shown);
  assert.equal(run.stdout, '', shown);
  assert.match(run.stderr, /^[^\n]+\n$/, `one line: ${shown}`);
  assert.ok(run.stderr.startsWith(`${program}: `), shown);
  assert.ok(run.stderr.endsWith(`; run '${program} --help' for usage\n`), shown);
  assert.doesNotMatch(run.stderr, /lanekit: lanekit|lanekit \w+: lanekit/, shown);
  assert.doesNotMatch(run.stderr, /ERR_PARSE_ARGS|positional argument|argument missing/, shown);
  assert.doesNotMatch(run.stderr, /\bat .*:\d+:\d+/, shown);
  for (const fragment of fragments)
    assert.ok(run.stderr.includes(fragment), `${fragment}: ${shown}`);
}
