// A local stand-in for GitHub's Actions results service host (ACTIONS_RESULTS_URL):
// JSON Twirp over HTTP, authenticated with the job's runtime token, for tests.
//
// Services register their methods (see artifact-service.ts); each answers
// `POST /twirp/<package>.<Service>/<Method>` with a JSON body. Errors use Twirp's
// wire shape, `{"code":"not_found","msg":"...","meta":{}}`, with the HTTP status
// Twirp assigns to the code. Every request needs `Authorization: Bearer <token>`
// where the token is a JWT minted by `runtimeToken()`: as on GitHub, its `scp`
// claim holds `Actions.Results:<workflowRunBackendId>:<workflowJobRunBackendId>`,
// and handlers receive that scope. Requests are recorded; faults can be queued.

import { errorMessage } from '../common/error-message.ts';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUnlessClosed } from './slow-reply.ts';

/** Twirp error codes and the HTTP status each is sent with (Twirp wire spec v7). */
const TWIRP_STATUS = {
  canceled: 408,
  unknown: 500,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
} as const;

export type TwirpErrorCode = keyof typeof TWIRP_STATUS;

/** Thrown by a handler to answer with a Twirp error. */
export class TwirpError extends Error {
  readonly code: TwirpErrorCode;
  readonly meta: Readonly<Record<string, string>>;

  constructor(code: TwirpErrorCode, msg: string, meta: Record<string, string> = {}) {
    super(msg);
    this.name = 'TwirpError';
    this.code = code;
    this.meta = meta;
  }

  /** Twirp's message for a missing or wrong field, e.g. "name is required". */
  static invalidArgument(argument: string, problem: string): TwirpError {
    return new TwirpError('invalid_argument', `${argument} ${problem}`, { argument });
  }
}

/** The job a runtime token was issued to (the backend ids of GitHub's results service). */
export interface RuntimeScope {
  readonly workflowRunBackendId: string;
  readonly workflowJobRunBackendId: string;
}

export interface TwirpCall {
  readonly service: string;
  readonly method: string;
  /** From the request's runtime token. */
  readonly scope: RuntimeScope;
  /** Every claim of the request's runtime token (e.g. `ac`, the cache scopes). */
  readonly claims: JsonObject;
  readonly headers: IncomingHttpHeaders;
}

export type JsonObject = Readonly<Record<string, unknown>>;

/** Returns the response message as JSON (snake_case fields, int64 as strings). */
export type TwirpHandler = (request: JsonObject, call: TwirpCall) => unknown;

export type TwirpFault =
  /** A Twirp error with the status of its code (internal 500, unavailable 503, resource_exhausted 429...). */
  | {
      kind: 'twirp-error';
      code: TwirpErrorCode;
      msg?: string;
      /** Extra response headers, e.g. Retry-After on resource_exhausted (429). */
      headers?: Readonly<Record<string, string>>;
    }
  /** 502 or 504 with an HTML body, as a gateway in front of the service sends. */
  | { kind: 'gateway'; status: 502 | 504 }
  /** Waits, then answers normally. */
  | { kind: 'slow'; delayMs: number }
  /** Closes the connection without answering. */
  | { kind: 'connection-reset' };

export interface TwirpRequest {
  /** e.g. github.actions.results.api.v1.ArtifactService */
  readonly service: string;
  readonly method: string;
  /** The HTTP status answered (0 for a reset connection). */
  readonly status: number;
  /** The parsed request body, or undefined when it was not JSON. */
  readonly body: unknown;
  /** The parsed response body (a message or a Twirp error), or undefined when it was not JSON. */
  readonly reply: unknown;
}

interface PendingFault {
  readonly service: string;
  readonly method: string;
  readonly fault: TwirpFault;
}

interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const ROUTE = /^\/twirp\/([\w.]+)\/(\w+)$/;
const TOKEN_LIFETIME_SECONDS = 6 * 3600;

export class TwirpServer {
  /** Origin, e.g. http://127.0.0.1:PORT (the client keeps only the origin of ACTIONS_RESULTS_URL). */
  readonly url: string;

  readonly #server: Server;
  readonly #services = new Map<string, ReadonlyMap<string, TwirpHandler>>();
  readonly #faults: PendingFault[] = [];
  readonly #requests: TwirpRequest[] = [];
  readonly #signingKey = randomBytes(32);
  readonly #closing = new AbortController();

  private constructor(server: Server, url: string) {
    this.#server = server;
    this.url = url;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.#handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) send(res, twirpError(new TwirpError('internal', String(error))));
        else res.destroy();
      });
    });
  }

  /** Listens on 127.0.0.1 at a port the OS picks. */
  static async start(): Promise<TwirpServer> {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    return new TwirpServer(server, `http://127.0.0.1:${port}`);
  }

  /** Serves `service` (fully qualified, e.g. github.actions.results.api.v1.ArtifactService). */
  register(service: string, methods: Readonly<Record<string, TwirpHandler>>): void {
    if (this.#services.has(service)) throw new Error(`${service} is already registered`);
    this.#services.set(service, new Map(Object.entries(methods)));
  }

  /**
   * A runtime token for `scope`, shaped like the runner's ACTIONS_RUNTIME_TOKEN: an HS256
   * JWT (signed with this server's key) whose `scp` lists several scopes, among them
   * `Actions.Results:<run>:<job>`. `expiresInSeconds` may be negative for an expired token;
   * `extraClaims` are added as they are (e.g. `ac`, the cache scopes of the job).
   */
  runtimeToken(
    scope: RuntimeScope,
    expiresInSeconds = TOKEN_LIFETIME_SECONDS,
    extraClaims: JsonObject = {},
  ): string {
    const now = Math.floor(Date.now() / 1000);
    const { workflowRunBackendId: run, workflowJobRunBackendId: job } = scope;
    const claims = {
      scp: `Actions.GenericRead:${run} Actions.UploadArtifacts:${run}:${job} Actions.Results:${run}:${job}`,
      nbf: now - 60,
      iat: now - 60,
      exp: now + expiresInSeconds,
      ...extraClaims,
    };
    const unsigned = `${base64url({ typ: 'JWT', alg: 'HS256' })}.${base64url(claims)}`;
    return `${unsigned}.${this.#sign(unsigned)}`;
  }

  /**
   * Makes the next `times` calls of `service`/`method` fail with `fault`, in the
   * order queued. Faults apply before authentication and routing.
   */
  failNext(service: string, method: string, fault: TwirpFault, times = 1): void {
    if (!Number.isInteger(times) || times < 1) {
      throw new Error(`failNext: times must be a positive integer, got ${times}`);
    }
    for (let i = 0; i < times; i++) this.#faults.push({ service, method, fault });
  }

  /** Every request received, in order, faulted and rejected ones included. */
  get requests(): readonly TwirpRequest[] {
    return this.#requests;
  }

  /** How many requests called `service` (and `method`, when given). */
  count(service: string, method?: string): number {
    return this.#requests.filter(
      (r) => r.service === service && (method === undefined || r.method === method),
    ).length;
  }

  /** Stops listening and drops open connections, pending slow answers included. */
  async close(): Promise<void> {
    this.#closing.abort();
    if (!this.#server.listening) return;
    const closed = this.#server[Symbol.asyncDispose]();
    this.#server.closeAllConnections();
    await closed;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const route = ROUTE.exec(new URL(req.url ?? '/', this.url).pathname);
    const service = route?.[1] ?? '';
    const method = route?.[2] ?? '';
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = undefined;
    }
    const record = (reply: Reply | { status: number }): void => {
      this.#requests.push({ service, method, status: reply.status, body, reply: replyBody(reply) });
    };

    const fault = this.#takeFault(service, method);
    switch (fault?.kind) {
      case 'twirp-error': {
        const error = new TwirpError(fault.code, fault.msg ?? `injected ${fault.code}`);
        const reply = { ...twirpError(error), headers: fault.headers };
        record(reply);
        send(res, reply);
        return;
      }
      case 'gateway': {
        const title = fault.status === 502 ? '502 Bad Gateway' : '504 Gateway Time-out';
        const html = `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
        const reply = { status: fault.status, contentType: 'text/html', body: html };
        record(reply);
        send(res, reply);
        return;
      }
      case 'connection-reset':
        record({ status: 0 });
        res.destroy();
        return;
      case 'slow':
        if (!(await waitUnlessClosed(fault.delayMs, this.#closing.signal))) return;
        break;
      case undefined:
        break;
    }
    const reply = await this.#answer(req, service, method, body);
    record(reply);
    send(res, reply);
  }

  async #answer(req: IncomingMessage, service: string, method: string, body: unknown) {
    const handler = this.#services.get(service)?.get(method);
    if (req.method !== 'POST' || handler === undefined) {
      return twirpError(
        new TwirpError('bad_route', `no handler for path ${JSON.stringify(req.url)}`, {
          twirp_invalid_route: `${req.method ?? ''} ${req.url ?? ''}`,
        }),
      );
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
    if (contentType !== 'application/json') {
      return twirpError(
        new TwirpError('bad_route', `unexpected Content-Type: ${JSON.stringify(contentType)}`),
      );
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return twirpError(new TwirpError('malformed', 'the request body is not a JSON object'));
    }
    try {
      const { scope, claims } = this.#authenticate(req.headers.authorization);
      const response = await handler(body as JsonObject, {
        service,
        method,
        scope,
        claims,
        headers: req.headers,
      });
      return { status: 200, contentType: 'application/json', body: JSON.stringify(response) };
    } catch (error) {
      if (error instanceof TwirpError) return twirpError(error);
      const detail = errorMessage(error);
      return twirpError(
        new TwirpError('internal', `test harness: ${service}/${method} threw: ${detail}`),
      );
    }
  }

  #authenticate(authorization: string | undefined): { scope: RuntimeScope; claims: JsonObject } {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (token === undefined) {
      throw new TwirpError('unauthenticated', 'missing bearer token');
    }
    const [header, payload, signature] = token.split('.');
    if (header === undefined || payload === undefined || signature === undefined) {
      throw new TwirpError('unauthenticated', 'the token is not a JWT');
    }
    const expected = Buffer.from(this.#sign(`${header}.${payload}`));
    const actual = Buffer.from(signature);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      throw new TwirpError('unauthenticated', 'invalid token signature');
    }
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      readonly [claim: string]: unknown;
      scp?: unknown;
      exp?: unknown;
      nbf?: unknown;
    };
    const now = Date.now() / 1000;
    if (typeof claims.exp !== 'number' || claims.exp < now) {
      throw new TwirpError('unauthenticated', 'the token has expired');
    }
    if (typeof claims.nbf === 'number' && claims.nbf > now) {
      throw new TwirpError('unauthenticated', 'the token is not valid yet');
    }
    const results = String(claims.scp)
      .split(' ')
      .map((scope) => scope.split(':'))
      .find((parts) => parts[0] === 'Actions.Results' && parts.length === 3);
    if (results?.[1] === undefined || results[2] === undefined) {
      throw new TwirpError('permission_denied', 'the token has no Actions.Results scope');
    }
    return {
      scope: { workflowRunBackendId: results[1], workflowJobRunBackendId: results[2] },
      claims,
    };
  }

  #sign(data: string): string {
    return createHmac('sha256', this.#signingKey).update(data).digest('base64url');
  }

  #takeFault(service: string, method: string): TwirpFault | undefined {
    const index = this.#faults.findIndex((f) => f.service === service && f.method === method);
    if (index === -1) return undefined;
    return this.#faults.splice(index, 1)[0]?.fault;
  }
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function twirpError(error: TwirpError): Reply {
  return {
    status: TWIRP_STATUS[error.code],
    contentType: 'application/json',
    body: JSON.stringify({ code: error.code, msg: error.message, meta: error.meta }),
  };
}

function replyBody(reply: Reply | { status: number }): unknown {
  if (!('body' in reply) || reply.contentType !== 'application/json') return undefined;
  return JSON.parse(reply.body) as unknown;
}

function send(res: ServerResponse, reply: Reply): void {
  const payload = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, {
    ...reply.headers,
    'content-type': reply.contentType,
    'content-length': payload.length,
  });
  res.end(payload);
}
