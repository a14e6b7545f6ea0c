// The real client packages (@actions/cache, @actions/artifact), bundled as lanekit bundles its
// actions and run one call per process as an action step makes it, against the local services.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { build } from 'esbuild';

/** A client package as a step uses it. */
export interface ClientPackage {
  /** Names the bundle, its temp dir and errors, e.g. 'artifact'. */
  readonly name: string;
  /** The import statement that brings in the package. */
  readonly imports: string;
  /** The expression whose methods a step calls, e.g. `new DefaultArtifactClient()`. */
  readonly target: string;
  /** A call still running after this long is killed. */
  readonly timeoutMs: number;
  /** esbuild's keepNames, for a client that compares error.name with its classes' names. */
  readonly keepNames?: boolean;
}

/** One client call as the step saw it. */
export interface ClientOutcome<V> {
  /** What the call resolved to, or undefined if it threw. */
  readonly value: V | undefined;
  readonly error: { readonly name: string; readonly message: string } | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/** The step's own directory and environment (PATH is added, nothing else is inherited). */
export interface ClientStep {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

/** A client package bundled into a temp dir, each call run in a fresh Node process. */
export class BundledClient {
  /** Holds the bundle; removed as the process exits. */
  readonly dir: string;
  readonly #package: ClientPackage;
  readonly #running = new Set<ChildProcess>();

  private constructor(dir: string, clientPackage: ClientPackage) {
    this.dir = dir;
    this.#package = clientPackage;
  }

  static async create(clientPackage: ClientPackage): Promise<BundledClient> {
    const dir = await mkdtemp(join(tmpdir(), `lanekit-${clientPackage.name}-client-`));
    try {
      await bundle(clientPackage, join(dir, bundleName(clientPackage)));
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return new BundledClient(dir, clientPackage);
  }

  /** Calls `method` with `args` (JSON round trip both ways) in a fresh process of `step`. */
  async run<V>(
    method: string,
    args: readonly unknown[],
    step: ClientStep,
  ): Promise<ClientOutcome<V>> {
    const client = join(this.dir, bundleName(this.#package));
    const child = spawn(process.execPath, [client, method, JSON.stringify(args)], {
      cwd: step.cwd,
      env: { PATH: process.env.PATH ?? '', ...step.env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      timeout: this.#package.timeoutMs,
      killSignal: 'SIGKILL',
    });
    this.#running.add(child);
    const exited = once(child, 'exit');
    try {
      const [stdout, stderr, outcome] = await Promise.all([
        readAll(child.stdout!),
        readAll(child.stderr!),
        readAll(child.stdio[3] as Readable),
      ]);
      const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
      if (outcome === '') {
        throw new Error(
          `${this.#package.name} client ended (${String(code ?? signal)}) without an outcome:\n${stderr}`,
        );
      }
      const { value, error } = JSON.parse(outcome) as Pick<ClientOutcome<V>, 'value' | 'error'>;
      return { value, error, stdout, stderr };
    } finally {
      this.#running.delete(child);
    }
  }

  /** Kills the calls still running and removes the bundle, as the process exits. */
  removeSync(): void {
    for (const child of this.#running) child.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function bundleName(clientPackage: ClientPackage): string {
  return `${clientPackage.name}-client.mjs`;
}

/**
 * Bundles one call of the package as lanekit bundles its actions (esbuild, ESM, a
 * createRequire banner for CommonJS dependencies): a step loads the bundle in ~0.4 s, the
 * package in ~1 s. The outcome goes to fd 3 as JSON, so stdout stays what the step prints.
 */
async function bundle(clientPackage: ClientPackage, outfile: string): Promise<void> {
  const entry = `
import { writeSync } from 'node:fs';
${clientPackage.imports}
const [method, args] = process.argv.slice(2);
let outcome;
try {
  outcome = { value: await ${clientPackage.target}[method](...JSON.parse(args)) };
} catch (error) {
  outcome = { error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } };
}
writeSync(3, JSON.stringify(outcome));
`;
  await build({
    stdin: { contents: entry, resolveDir: import.meta.dirname, sourcefile: 'client.mjs' },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    keepNames: clientPackage.keepNames ?? false,
    banner: {
      js: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
}

async function readAll(stream: Readable): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) text += chunk as string;
  return text;
}

const clients = new Map<string, Promise<BundledClient>>();

/** The package's client, bundled once per test process and removed when the process exits. */
export function bundledClient(clientPackage: ClientPackage): Promise<BundledClient> {
  let client = clients.get(clientPackage.name);
  if (client === undefined) {
    client = BundledClient.create(clientPackage);
    clients.set(clientPackage.name, client);
    void client.then((created) =>
      process.once('exit', () => {
        created.removeSync();
      }),
    );
  }
  return client;
}
