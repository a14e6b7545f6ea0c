/**
 * A private origin over HTTP on 127.0.0.1: `git http-backend` (the CGI git ships) behind a
 * small server that answers 401 unless the request carries `Authorization: basic` for
 * `x-access-token:<token>` with one of the accepted tokens, as GitHub does for a private
 * repository. The server runs in a child process, so that tests may call git synchronously;
 * it records which token each request carried.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** `base64(x-access-token:<token>)`, what actions/checkout puts after `AUTHORIZATION: basic`. */
export const basicCredentials = (token: string) =>
  Buffer.from(`x-access-token:${token}`).toString('base64');

export class HttpOrigin {
  readonly #child: ChildProcess;
  readonly #log: string;
  readonly #scratch: string;
  readonly #repo: string;
  readonly serverUrl: string;

  private constructor(child: ChildProcess, scratch: string, repo: string, port: number) {
    this.#child = child;
    this.#scratch = scratch;
    this.#log = join(scratch, 'requests');
    this.#repo = repo;
    this.serverUrl = `http://127.0.0.1:${port}`;
  }

  /** Serves the repository at `repo` (a GitFixture's origin) to requests with a token. */
  static async start(repo: string, tokens: readonly string[]): Promise<HttpOrigin> {
    const scratch = mkdtempSync(join(tmpdir(), 'lanekit-http-origin-'));
    writeFileSync(join(scratch, 'tokens.json'), JSON.stringify(tokens));
    const child = spawn(process.execPath, [import.meta.filename, repo, scratch], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => {
        reject(new Error(`http origin exited with ${String(code)}`));
      });
      child.stdout.once('data', (chunk: Buffer) => {
        resolve(Number(chunk.toString().trim()));
      });
    });
    return new HttpOrigin(child, scratch, repo, port);
  }

  /** The repository's clone URL. */
  get url(): string {
    return `${this.serverUrl}/${basename(this.#repo)}`;
  }

  /** The token each request carried so far, undefined for none or one not accepted. */
  get requests(): (string | undefined)[] {
    let text: string;
    try {
      text = readFileSync(this.#log, 'utf8');
    } catch {
      return [];
    }
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => (JSON.parse(line) as { token: string | null }).token ?? undefined);
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.kill();
    await exited;
    rmSync(this.#scratch, { recursive: true, force: true });
  }
}

function serve(repo: string, scratch: string): void {
  const tokens = JSON.parse(readFileSync(join(scratch, 'tokens.json'), 'utf8')) as string[];
  const log = join(scratch, 'requests');
  const server = createServer((req, res) => {
    const credentials = /^basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = tokens.find((t) => basicCredentials(t) === credentials);
    writeFileSync(log, `${JSON.stringify({ token: token ?? null })}\n`, { flag: 'a' });
    if (token === undefined) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="lanekit test"' }).end();
      return;
    }
    backend(repo, req, res);
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
  });
}

/** Hands one request to `git http-backend` and its CGI answer back to the client. */
function backend(repo: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : '';
  };
  const cgi = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: dirname(repo),
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: header('content-type'),
      HTTP_CONTENT_ENCODING: header('content-encoding'),
      GIT_PROTOCOL: header('git-protocol'),
      REMOTE_USER: 'x-access-token',
      REMOTE_ADDR: '127.0.0.1',
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  req.pipe(cgi.stdin);
  const chunks: Buffer[] = [];
  cgi.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  cgi.on('close', () => {
    const out = Buffer.concat(chunks);
    const end = out.indexOf('\r\n\r\n');
    const headers: Record<string, string> = {};
    let status = 200;
    for (const line of out.subarray(0, Math.max(end, 0)).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[name] = value;
    }
    res.writeHead(status, headers).end(end < 0 ? out : out.subarray(end + 4));
  });
}

if (import.meta.main) serve(process.argv[2]!, process.argv[3]!);
