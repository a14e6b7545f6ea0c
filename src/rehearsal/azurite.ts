// Azurite's blob service (the real Azure Blob protocol, from node_modules) in a
// child process, for tests whose code uploads and downloads through signed URLs.
//
// It listens on 127.0.0.1 at a port the OS picks, keeps everything in memory
// (nothing is written to disk), accepts any storage API version the Azure SDK
// sends, and uses Azurite's documented development account.

import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';

/** Azurite's well-known development account (public, documented, not a secret). */
const ACCOUNT_NAME = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const CREDENTIAL = new StorageSharedKeyCredential(ACCOUNT_NAME, ACCOUNT_KEY);

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

// Azurite requires `applicationinsights` at load time even with telemetry
// disabled, and that import alone takes ~1.9 s of a ~3 s start. The child
// resolves it to an empty module instead (it is only used when telemetry is on),
// and exits when its stdin closes, so a test process that dies leaks no Azurite.
const CHILD_PRELOAD = `
import { registerHooks } from 'node:module';
registerHooks({
  resolve: (specifier, context, next) =>
    specifier === 'applicationinsights'
      ? { url: 'lanekit:telemetry-disabled', format: 'commonjs', shortCircuit: true }
      : next(specifier, context),
  load: (url, context, next) =>
    url === 'lanekit:telemetry-disabled'
      ? { format: 'commonjs', source: 'module.exports = {};', shortCircuit: true }
      : next(url, context),
});
process.stdin.on('end', () => process.exit(0)).resume();
`;

function blobMainPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('azurite/package.json')), 'dist/src/blob/main.js');
}

export class Azurite {
  /** e.g. http://127.0.0.1:PORT/devstoreaccount1 (path-style: the account is the first segment). */
  readonly blobEndpoint: string;
  readonly credential = CREDENTIAL;
  /** Milliseconds from spawn until the service answered a request. */
  readonly startupMs: number;

  readonly #child: ChildProcessWithoutNullStreams;
  readonly #exited: Promise<unknown>;

  private constructor(
    child: ChildProcessWithoutNullStreams,
    exited: Promise<unknown>,
    blobEndpoint: string,
    startupMs: number,
  ) {
    this.#child = child;
    this.#exited = exited;
    this.blobEndpoint = blobEndpoint;
    this.startupMs = startupMs;
  }

  /** `memoryLimitMiB`: what the in-memory store may hold (Azurite refuses writes beyond it). */
  static async start({ memoryLimitMiB = 512 }: { memoryLimitMiB?: number } = {}): Promise<Azurite> {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        '--import',
        `data:text/javascript,${encodeURIComponent(CHILD_PRELOAD)}`,
        blobMainPath(),
        ...['--blobHost', '127.0.0.1', '--blobPort', '0'],
        '--inMemoryPersistence',
        ...['--extentMemoryLimit', String(memoryLimitMiB)],
        '--skipApiVersionCheck',
        '--disableTelemetry',
        '--silent',
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const exited = once(child, 'exit');
    try {
      const origin = await listeningOrigin(child, exited);
      const endpoint = `${origin}/${ACCOUNT_NAME}`;
      await new BlobServiceClient(endpoint, CREDENTIAL).getProperties();
      return new Azurite(child, exited, endpoint, Math.round(performance.now() - started));
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      throw error;
    }
  }

  /** A client authorized with the account key, for test setup and assertions. */
  blobService(): BlobServiceClient {
    return new BlobServiceClient(this.blobEndpoint, this.credential);
  }

  /**
   * Stops the service and waits for the process to exit. Closing its stdin ends it at
   * once (SIGTERM would wait for keep-alive sockets); SIGKILL if it has not exited in 5 s.
   */
  async close(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    this.#child.stdin.end();
    await this.#exited;
    clearTimeout(timer);
  }
}

/** Resolves with the URL Azurite prints once it listens; rejects if it exits or takes too long. */
function listeningOrigin(
  child: ChildProcessWithoutNullStreams,
  exited: Promise<unknown[]>,
): Promise<string> {
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.stdout.setEncoding('utf8');
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`Azurite did not start within ${START_TIMEOUT_MS} ms:\n${stdout}${stderr}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: string): void => {
      stdout += chunk;
      const listening = /listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (listening?.[1] === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', onData).resume();
      resolve(listening[1]);
    };
    child.stdout.on('data', onData);
    child.once('error', reject);
    exited.then(([code, signal]) => {
      clearTimeout(timer);
      reject(
        new Error(
          `Azurite exited (${String(code ?? signal)}) before listening:\n${stdout}${stderr}`,
        ),
      );
    }, reject);
  });
}
