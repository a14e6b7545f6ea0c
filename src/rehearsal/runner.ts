/**
 * Runs an action the way the GitHub Actions runner does: INPUT_* variables (defaults from
 * action.yml applied), the GITHUB_OUTPUT, ENV, PATH, STATE and STEP_SUMMARY files, an event
 * payload file, GITHUB_WORKSPACE and RUNNER_TEMP; then returns what the runner would see.
 * `runAction` and `runPost` run the bundle in a child process (the wire protocol itself);
 * `runInProcess` calls an entry's exported body in this process, with the same environment.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { packageRoot } from './package-root.ts';
import type { ActionContext } from '../runner/action-context.ts';
import { createActionContext } from '../runner/action-context.ts';
import { runAction as runEntry } from '../runner/run-action.ts';

/** The lanekit package: its actions/ and the dist/ bundles they run. */
export const ROOT = packageRoot(import.meta.dirname);

/**
 * The certificate authorities this machine trusts (a runner image has its own), so a step that
 * reaches a real registry through a TLS-inspecting network still can.
 */
function machineTrust(): Record<string, string> {
  const names = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR'];
  return Object.fromEntries(
    names.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])),
  );
}

export interface RunOptions {
  /** Input values as a workflow's `with:` gives them; unset inputs take action.yml defaults. */
  readonly inputs?: Readonly<Record<string, string>>;
  readonly event?: { readonly name: string; readonly payload: unknown };
  readonly workspace?: string;
  /** What `${{ github.token }}` evaluates to. */
  readonly token?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  /** What the main step saved with saveState, for a post step (`STATE_<name>`). */
  readonly state?: Readonly<Record<string, string>>;
}

export interface WorkflowCommand {
  readonly command: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly message: string;
}

export interface RunResult {
  readonly exitCode: number | null;
  readonly outputs: Readonly<Record<string, string>>;
  readonly exportedEnv: Readonly<Record<string, string>>;
  readonly addedPath: readonly string[];
  readonly state: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly stdout: string;
  readonly stderr: string;
  /** Every line the runner would parse as a workflow command (`::name k=v::message`). */
  readonly commands: readonly WorkflowCommand[];
  /** The commands that become annotations on the run: error, warning, notice. */
  readonly annotations: readonly WorkflowCommand[];
  /** `##[` sequences: the runner's legacy command form. */
  readonly legacyCommands: readonly string[];
  readonly durationMs: number;
}

interface ActionMetadata {
  inputs?: Record<string, { default?: string }>;
  runs: { using: string; main: string; post?: string };
}

export function readActionMetadata(name: string): ActionMetadata {
  return parse(readFileSync(join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as ActionMetadata;
}

/** Parses GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE: `k=v` lines and `k<<DELIM` blocks. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  // Defined, not assigned: an output named __proto__ is kept like any other.
  const set = (key: string, value: string) =>
    Object.defineProperty(result, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc && !line.includes('=')) {
      const [, key, delimiter] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++]!);
      if (i >= lines.length) throw new Error(`unterminated value for '${key!}'`);
      set(key!, value.join('\n'));
    } else {
      const eq = line.indexOf('=');
      if (eq < 0) throw new Error(`malformed file command line: ${line}`);
      set(line.slice(0, eq), line.slice(eq + 1));
    }
  }
  return result;
}

const unescapeData = (s: string) =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** The runner's rule: after leading white space, a line starting with `::` is a command. */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (!line.startsWith('::')) continue;
    const end = line.indexOf('::', 2);
    if (end < 0) continue;
    const head = line.slice(2, end);
    const space = head.indexOf(' ');
    const command = space < 0 ? head : head.slice(0, space);
    const properties: Record<string, string> = {};
    if (space >= 0) {
      for (const pair of head.slice(space + 1).split(',')) {
        const eq = pair.indexOf('=');
        if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
      }
    }
    commands.push({ command, properties, message: unescapeData(line.slice(end + 2)) });
  }
  return commands;
}

/** A step ready to run: its environment and the files the runner will read back. */
interface PreparedStep {
  readonly metadata: ActionMetadata;
  readonly env: Record<string, string>;
  readonly files: Readonly<Record<FileCommand, string>>;
  readonly temp: string;
}

type FileCommand =
  | 'GITHUB_OUTPUT'
  | 'GITHUB_ENV'
  | 'GITHUB_PATH'
  | 'GITHUB_STATE'
  | 'GITHUB_STEP_SUMMARY'
  | 'GITHUB_EVENT_PATH';

function prepareStep(name: string, options: RunOptions): PreparedStep {
  const metadata = readActionMetadata(name);
  if (metadata.runs.using !== 'node24')
    throw new Error(`${name}: runs.using is ${metadata.runs.using}`);
  const temp = mkdtempSync(join(tmpdir(), `lanekit-run-${name}-`));
  const event = options.event ?? { name: 'workflow_dispatch', payload: {} };
  const files = stepFiles(temp, event.payload);

  const env: Record<string, string> = {
    ...machineTrust(),
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_WORKSPACE: options.workspace ?? temp,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'test',
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    ...files,
    ...options.env,
  };
  for (const [key, value] of Object.entries(options.state ?? {})) env[`STATE_${key}`] = value;
  for (const [input, spec] of Object.entries(metadata.inputs ?? {})) {
    const fallback = (spec.default ?? '')
      .replace(/\$\{\{\s*github\.token\s*\}\}/g, options.token ?? '')
      // No check run here: empty, as on a runner without job.check_run_id.
      .replace(/\$\{\{\s*job\.check_run_id\s*\}\}/g, '');
    env[`INPUT_${input.replace(/ /g, '_').toUpperCase()}`] = options.inputs?.[input] ?? fallback;
  }
  for (const input of Object.keys(options.inputs ?? {})) {
    if (!(input in (metadata.inputs ?? {})))
      throw new Error(`${name}: undeclared input '${input}'`);
  }
  return { metadata, env, files, temp };
}

export type StepFiles = Readonly<Record<FileCommand, string>>;

/** A step's file commands in `dir`, empty, and its event payload file. */
export function stepFiles(dir: string, payload: unknown): StepFiles {
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(payload));
  return files;
}

/** What the runner reads back after a step, from its files and its stdout. */
function stepResult(
  files: StepFiles,
  run: { exitCode: number | null; stdout: string; stderr: string; durationMs: number },
): RunResult {
  const commands = parseCommands(run.stdout);
  return {
    ...run,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    exportedEnv: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
    addedPath: readFileSync(files.GITHUB_PATH, 'utf8')
      .split('\n')
      .filter((l) => l !== ''),
    state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    commands,
    annotations: commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command)),
    legacyCommands: run.stdout.match(/##\[[^\]]*\]/g) ?? [],
  };
}

/** Runs a step's process and reads back what it wrote and printed, as the runner does. */
export async function runStepProcess(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv; readonly timeoutMs: number },
  files: StepFiles,
): Promise<RunResult> {
  const started = performance.now();
  const { exitCode, stdout, stderr } = await new Promise<{
    exitCode: number | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({
        exitCode: code,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      });
    });
  });
  return stepResult(files, { exitCode, stdout, stderr, durationMs: performance.now() - started });
}

async function spawnStep(
  name: string,
  options: RunOptions,
  script: (runs: ActionMetadata['runs']) => string | undefined,
): Promise<RunResult> {
  const step = prepareStep(name, options);
  try {
    const bundle = script(step.metadata.runs);
    if (bundle === undefined) throw new Error(`${name}: action.yml has no such step`);
    return await runStepProcess(
      process.execPath,
      [join(ROOT, 'actions', name, bundle)],
      { cwd: step.env.GITHUB_WORKSPACE!, env: step.env, timeoutMs: options.timeoutMs ?? 60_000 },
      step.files,
    );
  } finally {
    rmSync(step.temp, { recursive: true, force: true });
  }
}

/** The action's main step: `node dist/<name>.js` in a child process. */
export async function runAction(name: string, options: RunOptions = {}): Promise<RunResult> {
  return spawnStep(name, options, (runs) => runs.main);
}

/** The action's post step (`runs.post`), given what its main step saved in `options.state`. */
export async function runPost(name: string, options: RunOptions = {}): Promise<RunResult> {
  return spawnStep(name, options, (runs) => runs.post);
}

/** process.env itself (Node's, which the toolkit reads) made to hold exactly `env`. */
function replaceEnvironment(env: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) Reflect.deleteProperty(process.env, key);
  Object.assign(process.env, env);
}

/**
 * Calls an entry's exported body (`run` or `post`) in this process, as the generated bundle
 * would: the step's environment replaces process.env for the call, and what it writes to
 * stdout is captured as the runner would read it. Bytes that are not text (the test runner's
 * own serialized reports) pass through untouched.
 */
export async function runInProcess(
  name: string,
  body: (context: ActionContext) => Promise<void>,
  options: RunOptions = {},
): Promise<RunResult> {
  const step = prepareStep(name, options);
  const savedEnv = { ...process.env };
  const savedExitCode = process.exitCode;
  const savedCwd = process.cwd();
  const write = process.stdout.write.bind(process.stdout);
  const out: string[] = [];
  process.stdout.write = (chunk: string | Uint8Array, ...rest: never[]) => {
    if (typeof chunk !== 'string') return write(chunk, ...rest);
    out.push(chunk);
    return true;
  };
  replaceEnvironment(step.env);
  process.exitCode = 0;
  const started = performance.now();
  try {
    process.chdir(step.env.GITHUB_WORKSPACE!);
    await runEntry(name, body, createActionContext(process.env));
    const exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
    return stepResult(step.files, {
      exitCode,
      stdout: out.join(''),
      stderr: '',
      durationMs: performance.now() - started,
    });
  } finally {
    process.stdout.write = write;
    process.chdir(savedCwd);
    replaceEnvironment(savedEnv);
    process.exitCode = savedExitCode;
    rmSync(step.temp, { recursive: true, force: true });
  }
}
