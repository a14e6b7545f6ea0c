// A local HTTP server that speaks GitHub's REST wire format, for tests.
//
// It stands in for api.github.com: tests point GITHUB_API_URL (or Octokit's
// baseUrl) at `server.url`, register the routes the code under test calls, and
// then inspect what was requested. Responses carry the headers GitHub sends
// (rate-limit counters, API version, request id, Link for pagination), so the
// real Octokit client and its retry/throttling/pagination plugins behave
// against it exactly as they do against GitHub.

import { errorMessage } from '../common/error-message.ts';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type {
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
  Server,
  ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUnlessClosed } from './slow-reply.ts';

export interface RecordedRequest {
  method: string;
  /** Pathname only, exactly as sent (not decoded). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RouteRequest extends RecordedRequest {
  /** Values of the pattern's `:name` / `{name}` segments, URL-decoded. */
  params: Readonly<Record<string, string>>;
}

export interface RouteResponse {
  /** Defaults to 200. */
  status?: number;
  /** Merged over the default GitHub headers (names are case-insensitive). */
  headers?: Readonly<Record<string, string | number | readonly string[]>>;
  /** Sent JSON-encoded as application/json. */
  body?: unknown;
  /** Sent as is: text/plain for a string, application/octet-stream for a Buffer, unless `headers` says otherwise. */
  rawBody?: string | Buffer;
}

export type RouteHandler = (req: RouteRequest) => RouteResponse | Promise<RouteResponse>;

export interface PaginatedOptions {
  /**
   * Wrap each page as `{ total_count, [key]: items }`, as endpoints such as
   * GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs do ({ key: 'jobs' }).
   */
  key?: string;
}

export type Fault =
  /** 429 secondary rate limit with Retry-After; x-ratelimit-remaining is not 0. */
  | { kind: 'rate-limit-429'; retryAfterSeconds: number }
  /** 403 with x-ratelimit-remaining: 0 and x-ratelimit-reset `resetInSeconds` from now. */
  | { kind: 'primary-rate-limit'; resetInSeconds: number }
  /** 500 (default), 502 or 503 with a GitHub-like JSON body. */
  | { kind: 'server-error'; status?: 500 | 502 | 503 }
  /** Waits, then answers normally. */
  | { kind: 'slow'; delayMs: number }
  /** Sends the normal status and headers, a content-length larger than the body, half the body, then closes the socket. */
  | { kind: 'truncated' }
  /** Closes the connection before sending anything; fetch rejects ("other side closed"). */
  | { kind: 'connection-reset' };

export interface GitHubApiServerOptions {
  /**
   * Waits this long before answering every request (faulted ones included), as a network round
   * trip to api.github.com would; 0 by default.
   */
  readonly latencyMs?: number;
}

const RATE_LIMIT = 5000;
const DOCS = 'https://docs.github.com/rest';
const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

const SERVER_ERROR_MESSAGES: Readonly<Record<500 | 502 | 503, string>> = {
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

interface Matcher {
  readonly method: string;
  readonly pattern: string;
  match(path: string): Record<string, string> | undefined;
}

interface Route {
  readonly matcher: Matcher;
  readonly handler: RouteHandler;
}

interface PendingFault {
  readonly matcher: Matcher;
  readonly fault: Fault;
}

interface Reply {
  status: number;
  headers: OutgoingHttpHeaders;
  payload: Buffer | undefined;
}

export class GitHubApiServer {
  /** Base URL, e.g. http://127.0.0.1:PORT; what GITHUB_API_URL gets. */
  readonly url: string;

  readonly #server: Server;
  readonly #routes: Route[] = [];
  readonly #faults: PendingFault[] = [];
  readonly #requests: RecordedRequest[] = [];
  readonly #closing = new AbortController();
  readonly #rateLimitReset = Math.floor(Date.now() / 1000) + 3600;
  readonly #latencyMs: number;
  #rateLimitUsed = 0;

  private constructor(server: Server, url: string, latencyMs: number) {
    this.#server = server;
    this.url = url;
    this.#latencyMs = latencyMs;
  }

  /** Listens on 127.0.0.1 at a random port. */
  static async start(options: GitHubApiServerOptions = {}): Promise<GitHubApiServer> {
    const latencyMs = options.latencyMs ?? 0;
    if (!Number.isFinite(latencyMs) || latencyMs < 0) {
      throw new Error(`GitHubApiServer: latencyMs must be a non-negative number, got ${latencyMs}`);
    }
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const api = new GitHubApiServer(server, `http://127.0.0.1:${port}`, latencyMs);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      api.#handle(req, res).catch((error: unknown) => {
        // Only reachable if writing the response itself failed.
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        } else {
          res.destroy();
        }
      });
    });
    return api;
  }

  /**
   * Registers a route. `pattern` is a pathname whose `:name` (or `{name}`)
   * segments match any one segment, e.g. '/repos/:owner/:repo/pulls/:pull_number/files'.
   * Registering the same method and pattern again replaces the handler.
   */
  route(method: string, pattern: string, handler: RouteHandler): void {
    const matcher = compile(method, pattern);
    const route = { matcher, handler };
    const existing = this.#routes.findIndex(
      (r) => r.matcher.method === matcher.method && r.matcher.pattern === matcher.pattern,
    );
    if (existing === -1) this.#routes.push(route);
    else this.#routes[existing] = route;
  }

  /**
   * Serves `items` with GitHub's page/per_page pagination (per_page defaults
   * to 30 and is capped at 100) and a Link header with absolute URLs on this
   * server that keep the request's other query parameters.
   */
  paginated(
    method: string,
    pattern: string,
    items: (req: RouteRequest) => readonly unknown[],
    options: PaginatedOptions = {},
  ): void {
    this.route(method, pattern, (req): RouteResponse => {
      const all = items(req);
      const perPage = clampPerPage(req.query.get('per_page'));
      const page = positiveInt(req.query.get('page')) ?? 1;
      const lastPage = Math.max(1, Math.ceil(all.length / perPage));
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const link = this.#linkHeader(req, page, lastPage);
      return {
        headers: link === undefined ? {} : { link },
        body: options.key === undefined ? slice : { total_count: all.length, [options.key]: slice },
      };
    });
  }

  /** Answers 302 with a Location header, as GET .../actions/jobs/{job_id}/logs does. */
  redirect(method: string, pattern: string, location: (req: RouteRequest) => string): void {
    this.route(method, pattern, (req) => ({
      status: 302,
      headers: { location: location(req), 'content-type': 'text/html;charset=utf-8' },
      rawBody: '',
    }));
  }

  /**
   * Makes the next `times` requests matching method and pattern fail with
   * `fault`. Faults are consumed in the order they were queued, whether or
   * not a route is registered for the pattern.
   */
  failNext(method: string, pattern: string, fault: Fault, times = 1): void {
    if (!Number.isInteger(times) || times < 1) {
      throw new Error(`failNext: times must be a positive integer, got ${times}`);
    }
    const matcher = compile(method, pattern);
    for (let i = 0; i < times; i++) this.#faults.push({ matcher, fault });
  }

  /** Every request received, in order, including faulted and 404 ones. */
  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  /** How many recorded requests match method and pattern (faulted ones included). */
  count(method: string, pattern: string): number {
    const matcher = compile(method, pattern);
    return this.#requests.filter(
      (r) => r.method === matcher.method && matcher.match(r.path) !== undefined,
    ).length;
  }

  async close(): Promise<void> {
    this.#closing.abort();
    if (!this.#server.listening) return;
    const closed = new Promise<void>((resolve, reject) => {
      this.#server.close((error) => {
        if (error) reject(error);
        else resolve();
      });
    });
    this.#server.closeAllConnections();
    await closed;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const recorded: RecordedRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    this.#requests.push(recorded);
    this.#rateLimitUsed++;
    if (this.#latencyMs > 0 && !(await waitUnlessClosed(this.#latencyMs, this.#closing.signal))) {
      return;
    }

    const fault = this.#takeFault(recorded);
    switch (fault?.kind) {
      case 'rate-limit-429':
        send(
          res,
          this.#errorReply(429, secondaryRateLimitMessage(), {
            'retry-after': String(fault.retryAfterSeconds),
          }),
        );
        return;
      case 'primary-rate-limit': {
        const reply = this.#errorReply(403, primaryRateLimitMessage(), {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': String(RATE_LIMIT),
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + fault.resetInSeconds),
        });
        send(res, reply);
        return;
      }
      case 'server-error': {
        const status = fault.status ?? 500;
        send(res, this.#errorReply(status, SERVER_ERROR_MESSAGES[status]));
        return;
      }
      case 'slow':
        if (!(await waitUnlessClosed(fault.delayMs, this.#closing.signal))) return;
        break;
      case 'truncated':
        sendTruncated(res, await this.#answer(recorded));
        return;
      case 'connection-reset':
        res.destroy();
        return;
      case undefined:
        break;
    }
    send(res, await this.#answer(recorded));
  }

  async #answer(recorded: RecordedRequest): Promise<Reply> {
    for (const { matcher, handler } of this.#routes) {
      if (matcher.method !== recorded.method) continue;
      const params = matcher.match(recorded.path);
      if (params === undefined) continue;
      let response: RouteResponse;
      try {
        response = await handler({ ...recorded, params });
      } catch (error) {
        const detail = errorMessage(error);
        return this.#errorReply(
          500,
          `test harness: handler for ${matcher.method} ${matcher.pattern} threw: ${detail}`,
        );
      }
      return this.#reply(response);
    }
    return this.#errorReply(404, 'Not Found', {}, DOCS);
  }

  #reply(response: RouteResponse): Reply {
    const headers = this.#baseHeaders();
    let payload: Buffer | undefined;
    if (response.rawBody !== undefined) {
      payload = Buffer.isBuffer(response.rawBody)
        ? response.rawBody
        : Buffer.from(response.rawBody, 'utf8');
      headers['content-type'] = Buffer.isBuffer(response.rawBody)
        ? 'application/octet-stream'
        : 'text/plain; charset=utf-8';
    } else if (response.body !== undefined) {
      payload = Buffer.from(JSON.stringify(response.body), 'utf8');
    } else {
      delete headers['content-type'];
    }
    for (const [name, value] of Object.entries(response.headers ?? {})) {
      headers[name.toLowerCase()] =
        typeof value === 'string' ? value : typeof value === 'number' ? String(value) : [...value];
    }
    return { status: response.status ?? 200, headers, payload };
  }

  #errorReply(
    status: number,
    message: string,
    extraHeaders: OutgoingHttpHeaders = {},
    documentationUrl = status === 403 || status === 429 ? RATE_LIMIT_DOCS : DOCS,
  ): Reply {
    const body = { message, documentation_url: documentationUrl, status: String(status) };
    const reply = this.#reply({ status, body });
    Object.assign(reply.headers, extraHeaders);
    return reply;
  }

  #baseHeaders(): OutgoingHttpHeaders {
    const remaining = Math.max(0, RATE_LIMIT - this.#rateLimitUsed);
    return {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': requestId(),
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(this.#rateLimitReset),
      'x-ratelimit-used': String(this.#rateLimitUsed),
      'x-ratelimit-resource': 'core',
      server: 'github.com',
    };
  }

  #takeFault(recorded: RecordedRequest): Fault | undefined {
    const index = this.#faults.findIndex(
      ({ matcher }) =>
        matcher.method === recorded.method && matcher.match(recorded.path) !== undefined,
    );
    if (index === -1) return undefined;
    return this.#faults.splice(index, 1)[0]?.fault;
  }

  #linkHeader(req: RouteRequest, page: number, lastPage: number): string | undefined {
    const at = (n: number): string => {
      const query = new URLSearchParams(req.query);
      query.set('page', String(n));
      return `<${this.url}${req.path}?${query.toString()}>`;
    };
    // GitHub's order: prev, next, last, first; absent relations are omitted.
    const links: string[] = [];
    if (page > 1) links.push(`${at(Math.min(page - 1, lastPage))}; rel="prev"`);
    if (page < lastPage) {
      links.push(`${at(page + 1)}; rel="next"`, `${at(lastPage)}; rel="last"`);
    }
    if (page > 1) links.push(`${at(1)}; rel="first"`);
    return links.length === 0 ? undefined : links.join(', ');
  }
}

function compile(method: string, pattern: string): Matcher {
  if (!pattern.startsWith('/')) {
    throw new Error(`route pattern must start with "/": ${pattern}`);
  }
  const segments = pattern.split('/');
  const names = segments.map((segment) =>
    /^(?::(\w+)|\{(\w+)\})$/.exec(segment)?.slice(1).find(Boolean),
  );
  return {
    method: method.toUpperCase(),
    pattern,
    match(path) {
      const parts = path.split('/');
      if (parts.length !== segments.length) return undefined;
      const params: Record<string, string> = {};
      for (const [i, part] of parts.entries()) {
        const name = names[i];
        if (name === undefined) {
          if (part !== segments[i]) return undefined;
        } else {
          if (part === '') return undefined;
          try {
            params[name] = decodeURIComponent(part);
          } catch {
            return undefined;
          }
        }
      }
      return params;
    },
  };
}

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

function clampPerPage(value: string | null): number {
  return Math.min(positiveInt(value) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
}

function requestId(): string {
  const hex = randomBytes(14).toString('hex').toUpperCase();
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .toUpperCase();
  return `${hex.slice(0, 4)}:${hex.slice(4, 10)}:${hex.slice(10, 17)}:${hex.slice(17, 24)}:${seconds}`;
}

function secondaryRateLimitMessage(): string {
  return (
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
    `If you reach out to GitHub Support for help, please include the request ID ${requestId()}.`
  );
}

function primaryRateLimitMessage(): string {
  return (
    'API rate limit exceeded for installation. ' +
    `If you reach out to GitHub Support for help, please include the request ID ${requestId()}.`
  );
}

function send(res: ServerResponse, reply: Reply): void {
  const payload = reply.payload ?? Buffer.alloc(0);
  res.writeHead(reply.status, { ...reply.headers, 'content-length': payload.length });
  res.end(payload);
}

function sendTruncated(res: ServerResponse, reply: Reply): void {
  const payload = reply.payload ?? Buffer.alloc(0);
  const declared = Math.max(payload.length, 1);
  res.writeHead(reply.status, { ...reply.headers, 'content-length': declared });
  res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => {
    res.socket?.destroy();
  });
}

// --- GitHub-shaped fixtures ------------------------------------------------

export type PullFileStatus =
  'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/** One item of GET /repos/{owner}/{repo}/pulls/{pull_number}/files. */
export interface PullFile {
  sha: string;
  filename: string;
  status: PullFileStatus;
  additions: number;
  deletions: number;
  changes: number;
  blob_url: string;
  raw_url: string;
  contents_url: string;
  patch?: string;
  previous_filename?: string;
}

export interface PullFileInit {
  owner: string;
  repo: string;
  filename: string;
  status: PullFileStatus;
  /** Required for, and only allowed with, status 'renamed'. */
  previous_filename?: string;
  additions?: number;
  deletions?: number;
  /** Defaults to a unified-diff hunk matching the line counts; omitted when there are none. */
  patch?: string;
  /** Head commit sha used in the URLs; defaults to one derived from owner/repo. */
  ref?: string;
}

const DEFAULT_LINE_COUNTS: Readonly<Record<PullFileStatus, readonly [number, number]>> = {
  added: [3, 0],
  removed: [0, 3],
  modified: [2, 1],
  renamed: [0, 0],
  copied: [0, 0],
  changed: [0, 0],
  unchanged: [0, 0],
};

/** Builds one pulls.listFiles item with exactly the fields GitHub returns. */
export function pullFile(init: PullFileInit): PullFile {
  if ((init.status === 'renamed') !== (init.previous_filename !== undefined)) {
    throw new Error(
      'pullFile: previous_filename is required for, and only allowed with, status "renamed"',
    );
  }
  const [defaultAdditions, defaultDeletions] = DEFAULT_LINE_COUNTS[init.status];
  const additions = init.additions ?? defaultAdditions;
  const deletions = init.deletions ?? defaultDeletions;
  const ref = init.ref ?? sha1(`commit ${init.owner}/${init.repo}`);
  const path = init.filename.split('/').map(encodeURIComponent).join('/');
  const repoUrl = `https://github.com/${init.owner}/${init.repo}`;
  const patch = init.patch ?? defaultPatch(additions, deletions);
  const file: PullFile = {
    sha: sha1(`blob ${init.filename} ${init.status}`),
    filename: init.filename,
    status: init.status,
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `${repoUrl}/blob/${ref}/${path}`,
    raw_url: `${repoUrl}/raw/${ref}/${path}`,
    contents_url: `https://api.github.com/repos/${init.owner}/${init.repo}/contents/${path}?ref=${ref}`,
  };
  if (patch !== undefined) file.patch = patch;
  if (init.previous_filename !== undefined) file.previous_filename = init.previous_filename;
  return file;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function defaultPatch(additions: number, deletions: number): string | undefined {
  if (additions === 0 && deletions === 0) return undefined;
  const oldRange = deletions === 0 ? '-0,0' : `-1,${deletions}`;
  const newRange = additions === 0 ? '+0,0' : `+1,${additions}`;
  const lines = [
    ...Array.from({ length: deletions }, (_, i) => `-old line ${i + 1}`),
    ...Array.from({ length: additions }, (_, i) => `+new line ${i + 1}`),
  ];
  return [`@@ ${oldRange} ${newRange} @@`, ...lines].join('\n');
}
