// What ArtifactService and CacheService (GitHub's Results API services, served by twirp.ts over
// Azurite) have in common: starting on shared or owned backends, the real client package
// bundled and run one call per process as an action step makes it, per-label backend ids, and
// the request-field reader both use alike.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { build } from 'esbuild';
import type { ContainerClient } from '@azure/storage-blob';
import { Azurite } from './azurite.ts';
import { TwirpError, TwirpServer } from './twirp.ts';
import type { JsonObject, RuntimeScope } from './twirp.ts';

interface Closable {
  close(): Promise<void>;
}

/** The parts a service started itself; close() closes them all at once. */
class OwnedParts implements Closable {
  readonly #parts: Closable[] = [];

  own<T extends Closable>(part: T): T {
    this.#parts.push(part);
    return part;
  }

  async close(): Promise<void> {
    await Promise.all(this.#parts.map((part) => part.close()));
  }
}

/** The backends a service may share with another; what is not given, it starts and owns. */
export interface SharedBackends {
  twirp?: TwirpServer;
  azurite?: Azurite;
}

/** What a service runs on: its backends, its blob container, its bundled client, its ids. */
export class ServiceParts implements Closable {
  readonly twirp: TwirpServer;
  readonly azurite: Azurite;
  readonly container: ContainerClient;
  readonly client: BundledClient;
  readonly backendIds = new BackendIds();
  readonly #owned: OwnedParts;

  private constructor(
    twirp: TwirpServer,
    azurite: Azurite,
    container: string,
    client: BundledClient,
    owned: OwnedParts,
  ) {
    this.twirp = twirp;
    this.azurite = azurite;
    this.container = azurite.blobService().getContainerClient(container);
    this.client = client;
    this.#owned = owned;
  }

  /**
   * Starts the parts on the `shared` backends (starting each one not given), then the
   * service with `startService`; if anything throws, closes what was started and rethrows.
   */
  static async start<S>(
    shared: SharedBackends,
    setup: { readonly container: string; readonly client: ClientPackage },
    startService: (parts: ServiceParts) => Promise<S>,
  ): Promise<S> {
    const owned = new OwnedParts();
    try {
      const azurite = shared.azurite ?? owned.own(await Azurite.start());
      const twirp = shared.twirp ?? owned.own(await TwirpServer.start());
      const client = owned.own(await BundledClient.create(setup.client));
      const parts = new ServiceParts(twirp, azurite, setup.container, client, owned);
      await parts.container.createIfNotExists();
      return await startService(parts);
    } catch (error) {
      await owned.close();
      throw error;
    }
  }

  /** Also closes `part` when the service closes. */
  own<T extends Closable>(part: T): T {
    return this.#owned.own(part);
  }

  /** Kills running client processes, then closes what start() started. */
  async close(): Promise<void> {
    await this.client.kill();
    await this.#owned.close();
  }
}

/** A job of a workflow run, named by labels. */
interface JobLabels {
  readonly run?: string;
  readonly job?: string;
}

/** The backend ids (UUIDs) of runs and jobs named by labels, each label keeping its own. */
class BackendIds {
  readonly #ids = new Map<string, string>();

  /** The backend ids a runtime token of `ref` carries; labels default to 'run' and 'job'. */
  scope(ref: JobLabels): RuntimeScope {
    return {
      workflowRunBackendId: this.#id(`run:${ref.run ?? 'run'}`),
      workflowJobRunBackendId: this.#id(`job:${ref.run ?? 'run'}:${ref.job ?? 'job'}`),
    };
  }

  #id(label: string): string {
    let id = this.#ids.get(label);
    if (id === undefined) {
      id = randomUUID();
      this.#ids.set(label, id);
    }
    return id;
  }
}

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
interface ClientOutcome<V> {
  /** What the call resolved to, or undefined if it threw. */
  readonly value: V | undefined;
  readonly error: { readonly name: string; readonly message: string } | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/** The step's own directory and environment (PATH is added, nothing else is inherited). */
interface ClientStep {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

/** A client package bundled into a temp dir, each call run in a fresh Node process. */
class BundledClient implements Closable {
  /** Holds the bundle; removed by close(). */
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

  /** Kills the calls still running and waits for their processes to exit. */
  async kill(): Promise<void> {
    await Promise.all(
      [...this.#running]
        .filter((child) => child.exitCode === null && child.signalCode === null)
        .map(async (child) => {
          const exited = once(child, 'exit');
          child.kill('SIGKILL');
          await exited;
        }),
    );
  }

  async close(): Promise<void> {
    await this.kill();
    await rm(this.dir, { recursive: true, force: true });
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

/** A string field that must be present and non-empty. */
export function requiredString(request: JsonObject, field: string): string {
  const value = request[field];
  if (typeof value !== 'string' || value === '') {
    throw TwirpError.invalidArgument(field, 'is required');
  }
  return value;
}
