import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  BlobSASPermissions,
  BlobServiceClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters
} from "./chunk-J2J6FFFV.js";
import {
  parse
} from "./chunk-4BEZLSD7.js";
import {
  require_dist
} from "./chunk-Z6KEAZSF.js";
import "./chunk-IE2KK4PV.js";
import "./chunk-6ZRQNHWQ.js";
import "./chunk-SHBUU7UF.js";
import "./chunk-62AEXFA6.js";
import {
  UsageError,
  parseCommandLine
} from "./chunk-EZB67IH2.js";
import "./chunk-BDGPVZJH.js";
import {
  ConfigurationError,
  errorMessage
} from "./chunk-2WEQVLCG.js";
import {
  __toESM
} from "./chunk-PYTXODB5.js";

// src/cli/rehearse-command.ts
import { existsSync as existsSync4 } from "node:fs";
import { isAbsolute, join as join13, relative as relative2, resolve } from "node:path";

// src/rehearsal/rehearsal.ts
import { mkdtempSync as mkdtempSync4, rmSync as rmSync5 } from "node:fs";
import { createRequire as createRequire2 } from "node:module";
import { tmpdir as tmpdir4 } from "node:os";
import { basename as basename2, join as join10 } from "node:path";

// src/rehearsal/results-service-parts.ts
import { randomUUID } from "node:crypto";

// src/rehearsal/azurite.ts
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { once } from "node:events";
var ACCOUNT_NAME = "devstoreaccount1";
var ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
var CREDENTIAL = new StorageSharedKeyCredential(ACCOUNT_NAME, ACCOUNT_KEY);
var START_TIMEOUT_MS = 3e4;
var STOP_TIMEOUT_MS = 5e3;
var CHILD_PRELOAD = `
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
function blobMainPath() {
  const require2 = createRequire(import.meta.url);
  return join(dirname(require2.resolve("azurite/package.json")), "dist/src/blob/main.js");
}
var Azurite = class _Azurite {
  /** e.g. http://127.0.0.1:PORT/devstoreaccount1 (path-style: the account is the first segment). */
  blobEndpoint;
  credential = CREDENTIAL;
  /** Milliseconds from spawn until the service answered a request. */
  startupMs;
  #child;
  #exited;
  constructor(child, exited, blobEndpoint, startupMs) {
    this.#child = child;
    this.#exited = exited;
    this.blobEndpoint = blobEndpoint;
    this.startupMs = startupMs;
  }
  /** `memoryLimitMiB`: what the in-memory store may hold (Azurite refuses writes beyond it). */
  static async start({ memoryLimitMiB = 512 } = {}) {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        "--import",
        `data:text/javascript,${encodeURIComponent(CHILD_PRELOAD)}`,
        blobMainPath(),
        ...["--blobHost", "127.0.0.1", "--blobPort", "0"],
        "--inMemoryPersistence",
        ...["--extentMemoryLimit", String(memoryLimitMiB)],
        "--skipApiVersionCheck",
        "--disableTelemetry",
        "--silent"
      ],
      { stdio: ["pipe", "pipe", "pipe"] }
    );
    const exited = once(child, "exit");
    try {
      const origin = await listeningOrigin(child, exited);
      const endpoint = `${origin}/${ACCOUNT_NAME}`;
      await new BlobServiceClient(endpoint, CREDENTIAL).getProperties();
      return new _Azurite(child, exited, endpoint, Math.round(performance.now() - started));
    } catch (error) {
      child.kill("SIGKILL");
      await exited;
      throw error;
    }
  }
  /** A client authorized with the account key, for test setup and assertions. */
  blobService() {
    return new BlobServiceClient(this.blobEndpoint, this.credential);
  }
  /**
   * Stops the service and waits for the process to exit. Closing its stdin ends it at
   * once (SIGTERM would wait for keep-alive sockets); SIGKILL if it has not exited in 5 s.
   */
  async close() {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const timer = setTimeout(() => this.#child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    this.#child.stdin.end();
    await this.#exited;
    clearTimeout(timer);
  }
};
function listeningOrigin(child, exited) {
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4e3);
  });
  child.stdout.setEncoding("utf8");
  return new Promise((resolve2, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`Azurite did not start within ${START_TIMEOUT_MS} ms:
${stdout}${stderr}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk) => {
      stdout += chunk;
      const listening = /listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (listening?.[1] === void 0) return;
      clearTimeout(timer);
      child.stdout.off("data", onData).resume();
      resolve2(listening[1]);
    };
    child.stdout.on("data", onData);
    child.once("error", reject);
    exited.then(([code, signal]) => {
      clearTimeout(timer);
      reject(
        new Error(
          `Azurite exited (${String(code ?? signal)}) before listening:
${stdout}${stderr}`
        )
      );
    }, reject);
  });
}

// src/rehearsal/twirp.ts
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { once as once2 } from "node:events";
import { createServer } from "node:http";

// src/rehearsal/slow-reply.ts
import { setTimeout as sleep } from "node:timers/promises";
async function waitUnlessClosed(ms, closing) {
  try {
    await sleep(ms, void 0, { signal: closing });
    return true;
  } catch {
    return false;
  }
}

// src/rehearsal/twirp.ts
var TWIRP_STATUS = {
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
  dataloss: 500
};
var TwirpError = class _TwirpError extends Error {
  code;
  meta;
  constructor(code, msg, meta = {}) {
    super(msg);
    this.name = "TwirpError";
    this.code = code;
    this.meta = meta;
  }
  /** Twirp's message for a missing or wrong field, e.g. "name is required". */
  static invalidArgument(argument, problem) {
    return new _TwirpError("invalid_argument", `${argument} ${problem}`, { argument });
  }
};
var ROUTE = /^\/twirp\/([\w.]+)\/(\w+)$/;
var TOKEN_LIFETIME_SECONDS = 6 * 3600;
var TwirpServer = class _TwirpServer {
  /** Origin, e.g. http://127.0.0.1:PORT (the client keeps only the origin of ACTIONS_RESULTS_URL). */
  url;
  #server;
  #services = /* @__PURE__ */ new Map();
  #faults = [];
  #requests = [];
  #signingKey = randomBytes(32);
  #closing = new AbortController();
  constructor(server, url) {
    this.#server = server;
    this.url = url;
    server.on("request", (req, res) => {
      this.#handle(req, res).catch((error) => {
        if (!res.headersSent) send(res, twirpError(new TwirpError("internal", String(error))));
        else res.destroy();
      });
    });
  }
  /** Listens on 127.0.0.1 at a port the OS picks. */
  static async start() {
    const server = createServer().listen(0, "127.0.0.1");
    await once2(server, "listening");
    const { port } = server.address();
    return new _TwirpServer(server, `http://127.0.0.1:${port}`);
  }
  /** Serves `service` (fully qualified, e.g. github.actions.results.api.v1.ArtifactService). */
  register(service, methods) {
    if (this.#services.has(service)) throw new Error(`${service} is already registered`);
    this.#services.set(service, new Map(Object.entries(methods)));
  }
  /**
   * A runtime token for `scope`, shaped like the runner's ACTIONS_RUNTIME_TOKEN: an HS256
   * JWT (signed with this server's key) whose `scp` lists several scopes, among them
   * `Actions.Results:<run>:<job>`. `expiresInSeconds` may be negative for an expired token;
   * `extraClaims` are added as they are (e.g. `ac`, the cache scopes of the job).
   */
  runtimeToken(scope, expiresInSeconds = TOKEN_LIFETIME_SECONDS, extraClaims = {}) {
    const now = Math.floor(Date.now() / 1e3);
    const { workflowRunBackendId: run, workflowJobRunBackendId: job } = scope;
    const claims = {
      scp: `Actions.GenericRead:${run} Actions.UploadArtifacts:${run}:${job} Actions.Results:${run}:${job}`,
      nbf: now - 60,
      iat: now - 60,
      exp: now + expiresInSeconds,
      ...extraClaims
    };
    const unsigned = `${base64url({ typ: "JWT", alg: "HS256" })}.${base64url(claims)}`;
    return `${unsigned}.${this.#sign(unsigned)}`;
  }
  /**
   * Makes the next `times` calls of `service`/`method` fail with `fault`, in the
   * order queued. Faults apply before authentication and routing.
   */
  failNext(service, method, fault, times = 1) {
    if (!Number.isInteger(times) || times < 1) {
      throw new Error(`failNext: times must be a positive integer, got ${times}`);
    }
    for (let i = 0; i < times; i++) this.#faults.push({ service, method, fault });
  }
  /** Every request received, in order, faulted and rejected ones included. */
  get requests() {
    return this.#requests;
  }
  /** How many requests called `service` (and `method`, when given). */
  count(service, method) {
    return this.#requests.filter(
      (r) => r.service === service && (method === void 0 || r.method === method)
    ).length;
  }
  /** Stops listening and drops open connections, pending slow answers included. */
  async close() {
    this.#closing.abort();
    if (!this.#server.listening) return;
    const closed = this.#server[Symbol.asyncDispose]();
    this.#server.closeAllConnections();
    await closed;
  }
  async #handle(req, res) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString("utf8");
    const route = ROUTE.exec(new URL(req.url ?? "/", this.url).pathname);
    const service = route?.[1] ?? "";
    const method = route?.[2] ?? "";
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = void 0;
    }
    const record = (reply2) => {
      this.#requests.push({ service, method, status: reply2.status, body, reply: replyBody(reply2) });
    };
    const fault = this.#takeFault(service, method);
    switch (fault?.kind) {
      case "twirp-error": {
        const error = new TwirpError(fault.code, fault.msg ?? `injected ${fault.code}`);
        const reply2 = { ...twirpError(error), headers: fault.headers };
        record(reply2);
        send(res, reply2);
        return;
      }
      case "gateway": {
        const title = fault.status === 502 ? "502 Bad Gateway" : "504 Gateway Time-out";
        const html = `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
        const reply2 = { status: fault.status, contentType: "text/html", body: html };
        record(reply2);
        send(res, reply2);
        return;
      }
      case "connection-reset":
        record({ status: 0 });
        res.destroy();
        return;
      case "slow":
        if (!await waitUnlessClosed(fault.delayMs, this.#closing.signal)) return;
        break;
      case void 0:
        break;
    }
    const reply = await this.#answer(req, service, method, body);
    record(reply);
    send(res, reply);
  }
  async #answer(req, service, method, body) {
    const handler = this.#services.get(service)?.get(method);
    if (req.method !== "POST" || handler === void 0) {
      return twirpError(
        new TwirpError("bad_route", `no handler for path ${JSON.stringify(req.url)}`, {
          twirp_invalid_route: `${req.method ?? ""} ${req.url ?? ""}`
        })
      );
    }
    const contentType = (req.headers["content-type"] ?? "").split(";")[0]?.trim();
    if (contentType !== "application/json") {
      return twirpError(
        new TwirpError("bad_route", `unexpected Content-Type: ${JSON.stringify(contentType)}`)
      );
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return twirpError(new TwirpError("malformed", "the request body is not a JSON object"));
    }
    try {
      const { scope, claims } = this.#authenticate(req.headers.authorization);
      const response = await handler(body, {
        service,
        method,
        scope,
        claims,
        headers: req.headers
      });
      return { status: 200, contentType: "application/json", body: JSON.stringify(response) };
    } catch (error) {
      if (error instanceof TwirpError) return twirpError(error);
      const detail = errorMessage(error);
      return twirpError(
        new TwirpError("internal", `test harness: ${service}/${method} threw: ${detail}`)
      );
    }
  }
  #authenticate(authorization) {
    const token = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
    if (token === void 0) {
      throw new TwirpError("unauthenticated", "missing bearer token");
    }
    const [header, payload, signature] = token.split(".");
    if (header === void 0 || payload === void 0 || signature === void 0) {
      throw new TwirpError("unauthenticated", "the token is not a JWT");
    }
    const expected = Buffer.from(this.#sign(`${header}.${payload}`));
    const actual = Buffer.from(signature);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      throw new TwirpError("unauthenticated", "invalid token signature");
    }
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const now = Date.now() / 1e3;
    if (typeof claims.exp !== "number" || claims.exp < now) {
      throw new TwirpError("unauthenticated", "the token has expired");
    }
    if (typeof claims.nbf === "number" && claims.nbf > now) {
      throw new TwirpError("unauthenticated", "the token is not valid yet");
    }
    const results = String(claims.scp).split(" ").map((scope) => scope.split(":")).find((parts) => parts[0] === "Actions.Results" && parts.length === 3);
    if (results?.[1] === void 0 || results[2] === void 0) {
      throw new TwirpError("permission_denied", "the token has no Actions.Results scope");
    }
    return {
      scope: { workflowRunBackendId: results[1], workflowJobRunBackendId: results[2] },
      claims
    };
  }
  #sign(data) {
    return createHmac("sha256", this.#signingKey).update(data).digest("base64url");
  }
  #takeFault(service, method) {
    const index = this.#faults.findIndex((f) => f.service === service && f.method === method);
    if (index === -1) return void 0;
    return this.#faults.splice(index, 1)[0]?.fault;
  }
};
function base64url(value) {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}
function twirpError(error) {
  return {
    status: TWIRP_STATUS[error.code],
    contentType: "application/json",
    body: JSON.stringify({ code: error.code, msg: error.message, meta: error.meta })
  };
}
function replyBody(reply) {
  if (!("body" in reply) || reply.contentType !== "application/json") return void 0;
  return JSON.parse(reply.body);
}
function send(res, reply) {
  const payload = Buffer.from(reply.body, "utf8");
  res.writeHead(reply.status, {
    ...reply.headers,
    "content-type": reply.contentType,
    "content-length": payload.length
  });
  res.end(payload);
}

// src/rehearsal/results-service-parts.ts
var OwnedParts = class {
  #parts = [];
  own(part) {
    this.#parts.push(part);
    return part;
  }
  async close() {
    await Promise.all(this.#parts.map((part) => part.close()));
  }
};
var ServiceParts = class _ServiceParts {
  twirp;
  azurite;
  container;
  backendIds = new BackendIds();
  #owned;
  constructor(twirp, azurite, container, owned) {
    this.twirp = twirp;
    this.azurite = azurite;
    this.container = azurite.blobService().getContainerClient(container);
    this.#owned = owned;
  }
  /**
   * Starts the parts on the `shared` backends (starting each one not given), then the
   * service with `startService`; if anything throws, closes what was started and rethrows.
   */
  static async start(shared, container, startService) {
    const owned = new OwnedParts();
    try {
      const azurite = shared.azurite ?? owned.own(await Azurite.start());
      const twirp = shared.twirp ?? owned.own(await TwirpServer.start());
      const parts = new _ServiceParts(twirp, azurite, container, owned);
      await parts.container.createIfNotExists();
      return await startService(parts);
    } catch (error) {
      await owned.close();
      throw error;
    }
  }
  /** Also closes `part` when the service closes. */
  own(part) {
    return this.#owned.own(part);
  }
  /** Closes what start() started. */
  close() {
    return this.#owned.close();
  }
};
var BackendIds = class {
  #ids = /* @__PURE__ */ new Map();
  /** The backend ids a runtime token of `ref` carries; labels default to 'run' and 'job'. */
  scope(ref) {
    return {
      workflowRunBackendId: this.#id(`run:${ref.run ?? "run"}`),
      workflowJobRunBackendId: this.#id(`job:${ref.run ?? "run"}:${ref.job ?? "job"}`)
    };
  }
  #id(label) {
    let id = this.#ids.get(label);
    if (id === void 0) {
      id = randomUUID();
      this.#ids.set(label, id);
    }
    return id;
  }
};
function requiredString(request2, field) {
  const value = request2[field];
  if (typeof value !== "string" || value === "") {
    throw TwirpError.invalidArgument(field, "is required");
  }
  return value;
}

// src/rehearsal/artifact-service.ts
var ARTIFACT_SERVICE = "github.actions.results.api.v1.ArtifactService";
var CONTAINER = "actions-results";
var SIGNED_URL_LIFETIME_MS = 60 * 60 * 1e3;
var FIRST_ARTIFACT_ID = 4000000001;
var ArtifactService = class _ArtifactService {
  twirp;
  azurite;
  #parts;
  #artifacts = [];
  #nextId = FIRST_ARTIFACT_ID;
  constructor(parts) {
    this.twirp = parts.twirp;
    this.azurite = parts.azurite;
    this.#parts = parts;
  }
  /**
   * Registers ArtifactService on `twirp` with its content in `azurite`; each is started
   * (and closed by close()) when not given, so a CacheService can share both.
   */
  static start(shared = {}) {
    return ServiceParts.start(shared, CONTAINER, (parts) => {
      const service = new _ArtifactService(parts);
      parts.twirp.register(ARTIFACT_SERVICE, service.#handlers());
      return Promise.resolve(service);
    });
  }
  /** The backend ids the runtime token of `ref` carries. */
  scope(ref = {}) {
    return this.#parts.backendIds.scope(ref);
  }
  /** The variables @actions/artifact reads in a job step of `ref` (merge over a runner env). */
  env(ref = {}) {
    return {
      ACTIONS_RUNTIME_TOKEN: this.twirp.runtimeToken(this.scope(ref)),
      ACTIONS_RESULTS_URL: `${this.twirp.url}/`,
      GITHUB_SERVER_URL: "https://github.com"
    };
  }
  /** Finalized artifacts, oldest first (what ListArtifacts would list across runs). */
  artifacts() {
    return this.#artifacts.flatMap(
      (a) => a.finalized === void 0 ? [] : [
        {
          id: a.id,
          name: a.name,
          workflowRunBackendId: a.workflowRunBackendId,
          workflowJobRunBackendId: a.workflowJobRunBackendId,
          blobName: a.blobName,
          createdAt: a.createdAt,
          expiresAt: a.expiresAt,
          size: a.finalized.size,
          digest: a.finalized.digest
        }
      ]
    );
  }
  /** Makes the next `times` calls of `method` fail with `fault`. */
  failNext(method, fault, times = 1) {
    this.twirp.failNext(ARTIFACT_SERVICE, method, fault, times);
  }
  /** How many requests reached ArtifactService (`method`, when given), faulted ones included. */
  count(method) {
    return this.twirp.count(ARTIFACT_SERVICE, method);
  }
  /** The container holding artifact content, for assertions on the stored blobs. */
  get container() {
    return this.#parts.container;
  }
  /** Closes what start() started. */
  close() {
    return this.#parts.close();
  }
  #handlers() {
    return {
      CreateArtifact: (request2, call) => this.#create(request2, call),
      FinalizeArtifact: (request2, call) => this.#finalize(request2, call),
      ListArtifacts: (request2, call) => this.#list(request2, call),
      GetSignedArtifactURL: (request2, call) => this.#signedUrl(request2, call),
      DeleteArtifact: (request2, call) => this.#delete(request2, call)
    };
  }
  #create(request2, call) {
    const { run, job } = jobOf(request2, call, { ownJob: true });
    const name = requiredString(request2, "name");
    const mimeType = optionalString(request2, "mime_type") ?? "application/zip";
    const expiresAt = optionalTimestamp(request2, "expires_at");
    if (this.#find(run, name) !== void 0) {
      throw new TwirpError(
        "already_exists",
        "an artifact with this name already exists on the workflow run"
      );
    }
    const pending = this.#artifacts.findIndex(
      (a) => a.workflowRunBackendId === run && a.name === name
    );
    if (pending !== -1) this.#artifacts.splice(pending, 1);
    const id = this.#nextId++;
    const isZip = mimeType === "application/zip";
    const artifact = {
      id,
      name,
      workflowRunBackendId: run,
      workflowJobRunBackendId: job,
      blobName: `${run}/${job}/artifacts/${id}${isZip ? ".zip" : ""}`,
      fileName: isZip ? `${name}.zip` : name,
      createdAt: /* @__PURE__ */ new Date(),
      expiresAt,
      finalized: void 0
    };
    this.#artifacts.push(artifact);
    return { ok: true, signed_upload_url: this.#signBlobUrl(artifact, "cw") };
  }
  async #finalize(request2, call) {
    const { run } = jobOf(request2, call, { ownJob: true });
    const name = requiredString(request2, "name");
    const size = requiredInt64(request2, "size");
    const artifact = this.#artifacts.find(
      (a) => a.workflowRunBackendId === run && a.name === name && a.finalized === void 0
    );
    if (artifact === void 0) {
      throw new TwirpError("not_found", `no artifact named ${name} is being uploaded`);
    }
    if (!await this.#parts.container.getBlobClient(artifact.blobName).exists()) {
      throw new TwirpError("failed_precondition", `no content was uploaded for ${name}`);
    }
    artifact.finalized = { size, digest: optionalString(request2, "hash") };
    return { ok: true, artifact_id: String(artifact.id) };
  }
  #list(request2, call) {
    const { run } = jobOf(request2, call, { ownJob: false });
    const nameFilter = optionalString(request2, "name_filter");
    const idFilter = optionalInt64(request2, "id_filter");
    const artifacts = this.artifacts().filter(
      (a) => a.workflowRunBackendId === run && (nameFilter === void 0 || a.name === nameFilter) && (idFilter === void 0 || a.id === idFilter)
    );
    return {
      artifacts: artifacts.map((a) => ({
        workflow_run_backend_id: a.workflowRunBackendId,
        workflow_job_run_backend_id: a.workflowJobRunBackendId,
        database_id: String(a.id),
        name: a.name,
        size: String(a.size),
        created_at: a.createdAt.toISOString(),
        ...a.digest === void 0 ? {} : { digest: a.digest }
      }))
    };
  }
  #signedUrl(request2, call) {
    const { run } = jobOf(request2, call, { ownJob: false });
    const artifact = this.#find(run, requiredString(request2, "name"));
    if (artifact === void 0) throw new TwirpError("not_found", "artifact not found");
    return { signed_url: this.#signBlobUrl(artifact, "r") };
  }
  async #delete(request2, call) {
    const { run } = jobOf(request2, call, { ownJob: false });
    const artifact = this.#find(run, requiredString(request2, "name"));
    if (artifact === void 0) throw new TwirpError("not_found", "artifact not found");
    await this.#parts.container.deleteBlob(artifact.blobName, { deleteSnapshots: "include" });
    this.#artifacts.splice(this.#artifacts.indexOf(artifact), 1);
    return { ok: true, artifact_id: String(artifact.id) };
  }
  #find(run, name) {
    return this.#artifacts.find(
      (a) => a.workflowRunBackendId === run && a.name === name && a.finalized !== void 0
    );
  }
  /** A SAS URL for the artifact's blob; downloads carry its file name in Content-Disposition. */
  #signBlobUrl(artifact, permissions) {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: artifact.blobName,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + SIGNED_URL_LIFETIME_MS),
        ...permissions === "r" ? { contentDisposition: attachment(artifact.fileName) } : {}
      },
      this.azurite.credential
    );
    return `${this.#parts.container.getBlobClient(artifact.blobName).url}?${sas.toString()}`;
  }
};
function jobOf(request2, call, { ownJob }) {
  const run = requiredString(request2, "workflow_run_backend_id");
  const job = requiredString(request2, "workflow_job_run_backend_id");
  if (run !== call.scope.workflowRunBackendId) {
    throw new TwirpError("permission_denied", `the token does not grant workflow run ${run}`);
  }
  if (ownJob && job !== call.scope.workflowJobRunBackendId) {
    throw new TwirpError("permission_denied", `the token does not grant job ${job}`);
  }
  return { run, job };
}
function optionalString(request2, field) {
  const value = request2[field];
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "string") throw TwirpError.invalidArgument(field, "must be a string");
  return value;
}
function optionalInt64(request2, field) {
  const value = request2[field];
  if (value === void 0 || value === null) return void 0;
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) {
    throw TwirpError.invalidArgument(field, "must be an int64");
  }
  return Number(value);
}
function requiredInt64(request2, field) {
  const value = optionalInt64(request2, field);
  if (value === void 0) throw TwirpError.invalidArgument(field, "is required");
  return value;
}
function optionalTimestamp(request2, field) {
  const value = optionalString(request2, field);
  if (value === void 0) return void 0;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw TwirpError.invalidArgument(field, "must be an RFC 3339 timestamp");
  }
  return date;
}
function attachment(fileName) {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

// src/rehearsal/cache-service.ts
import { once as once4 } from "node:events";
import { createServer as createServer3 } from "node:net";

// src/rehearsal/blob-proxy.ts
import { once as once3 } from "node:events";
import { createServer as createServer2, request } from "node:http";
import { pipeline } from "node:stream/promises";
var BlobProxy = class _BlobProxy {
  /** Origin, e.g. http://127.0.0.1:PORT. */
  url;
  #server;
  #target;
  #transfers = [];
  #closing = new AbortController();
  #downloadDelayMs = 0;
  constructor(server, url, target) {
    this.#server = server;
    this.url = url;
    this.#target = target;
    server.on("request", (req, res) => {
      this.#forward(req, res).catch(() => res.destroy());
    });
  }
  /** Proxies to `blobEndpoint` (Azurite's, e.g. http://127.0.0.1:PORT/devstoreaccount1). */
  static async start(blobEndpoint) {
    const server = createServer2().listen(0, "127.0.0.1");
    await once3(server, "listening");
    const { port } = server.address();
    return new _BlobProxy(server, `http://127.0.0.1:${port}`, new URL(blobEndpoint));
  }
  /** `url` (an Azurite blob URL) with this proxy's origin. */
  rewrite(url) {
    const proxied = new URL(url);
    const origin = new URL(this.url);
    proxied.host = origin.host;
    return proxied.toString();
  }
  /** Every blob request forwarded, in order. */
  get transfers() {
    return this.#transfers;
  }
  /** Holds every later GET this long before forwarding it (0 to stop). */
  delayDownloads(ms) {
    this.#downloadDelayMs = ms;
  }
  async close() {
    this.#closing.abort();
    if (!this.#server.listening) return;
    const closed = this.#server[Symbol.asyncDispose]();
    this.#server.closeAllConnections();
    await closed;
  }
  async #forward(req, res) {
    const incoming = new URL(req.url ?? "/", this.url);
    const account = this.#target.pathname.replace(/\/$/, "");
    const blob = incoming.pathname.startsWith(`${account}/`) ? decodeURIComponent(incoming.pathname.slice(account.length + 1)) : incoming.pathname;
    if (req.method === "GET" && this.#downloadDelayMs > 0) {
      if (!await waitUnlessClosed(this.#downloadDelayMs, this.#closing.signal)) return;
    }
    const upstream = request({
      host: this.#target.hostname,
      port: this.#target.port,
      method: req.method,
      path: `${incoming.pathname}${incoming.search}`,
      headers: { ...req.headers, host: this.#target.host }
    });
    const answered = once3(upstream, "response");
    await pipeline(req, upstream);
    const [response] = await answered;
    this.#transfers.push({
      method: req.method ?? "",
      blob,
      comp: incoming.searchParams.get("comp") ?? "",
      status: response.statusCode ?? 0
    });
    res.writeHead(response.statusCode ?? 502, response.headers);
    await pipeline(response, res);
  }
};

// src/rehearsal/cache-service.ts
var CACHE_SERVICE = "github.actions.results.api.v1.CacheService";
var WRITE_DENIED_MESSAGE = "cache write denied: token has no writable scopes";
var ALREADY_EXISTS_MESSAGE = "cache entry with the same key, version, and scope already exists";
var CONTAINER2 = "actions-cache";
var DEFAULT_BRANCH = "refs/heads/main";
var PERMISSION_READ = 1;
var PERMISSION_WRITE = 2;
var SIGNED_URL_LIFETIME_MS2 = 60 * 60 * 1e3;
var FIRST_ENTRY_ID = 5000000001;
var CacheService = class _CacheService {
  twirp;
  azurite;
  /** Signed URLs point here; it counts the blob transfers. */
  blobs;
  #parts;
  #entries = [];
  #nextId = FIRST_ENTRY_ID;
  constructor(parts, blobs) {
    this.twirp = parts.twirp;
    this.azurite = parts.azurite;
    this.blobs = blobs;
    this.#parts = parts;
  }
  /**
   * Registers CacheService on `twirp` with its archives in `azurite`; each is started (and
   * closed by close()) when not given, so it can share both with an ArtifactService.
   */
  static start(shared = {}) {
    return ServiceParts.start(shared, CONTAINER2, async (parts) => {
      const blobs = parts.own(await BlobProxy.start(parts.azurite.blobEndpoint));
      const service = new _CacheService(parts, blobs);
      parts.twirp.register(CACHE_SERVICE, service.#handlers());
      return service;
    });
  }
  /** The backend ids the runtime token of `ref` carries. */
  scope(ref = {}) {
    return this.#parts.backendIds.scope(ref);
  }
  /** The variables @actions/cache reads in a job step of `ref` (merge over a runner env). */
  env(ref = {}) {
    const gitRef = ref.ref ?? DEFAULT_BRANCH;
    const own = ref.readOnly === true ? PERMISSION_READ : PERMISSION_READ | PERMISSION_WRITE;
    const scopes = [{ Scope: gitRef, Permission: own }];
    if (gitRef !== DEFAULT_BRANCH)
      scopes.push({ Scope: DEFAULT_BRANCH, Permission: PERMISSION_READ });
    return {
      ACTIONS_RUNTIME_TOKEN: this.twirp.runtimeToken(this.scope(ref), void 0, {
        ac: JSON.stringify(scopes)
      }),
      ACTIONS_RESULTS_URL: `${this.twirp.url}/`,
      ACTIONS_CACHE_SERVICE_V2: "True",
      GITHUB_SERVER_URL: "https://github.com"
    };
  }
  /**
   * env(ref) with ACTIONS_RESULTS_URL at a loopback port nothing listens on (it was bound,
   * then released): every call fails with ECONNREFUSED, as with the service unreachable.
   */
  async unreachableEnv(ref = {}) {
    const server = createServer3().listen(0, "127.0.0.1");
    await once4(server, "listening");
    const { port } = server.address();
    server.close();
    await once4(server, "close");
    return { ...this.env(ref), ACTIONS_RESULTS_URL: `http://127.0.0.1:${port}/` };
  }
  /** Finalized entries, oldest first. */
  entries() {
    return this.#entries.flatMap(
      ({ sizeBytes, ...entry }) => sizeBytes === void 0 ? [] : [{ ...entry, sizeBytes }]
    );
  }
  /** Every CacheService request, in order, faulted ones included. */
  get requests() {
    return this.twirp.requests.filter((r) => r.service === CACHE_SERVICE).map((r) => {
      const body = asObject(r.body);
      const reply = asObject(r.reply);
      const restoreKeys = body.restore_keys;
      return {
        method: r.method,
        key: stringField(body, "key"),
        version: stringField(body, "version"),
        restoreKeys: Array.isArray(restoreKeys) ? restoreKeys.map(String) : [],
        status: r.status,
        outcome: outcomeOf(r.method, r.status, body, reply),
        matchedKey: stringField(reply, "matched_key") || void 0
      };
    });
  }
  /** Makes the next `times` calls of `method` fail with `fault`. */
  failNext(method, fault, times = 1) {
    this.twirp.failNext(CACHE_SERVICE, method, fault, times);
  }
  /** The next CreateCacheEntry is refused with 429 resource_exhausted and Retry-After, as GitHub's rate limit does. */
  rateLimitNextCreate(retryAfterSeconds = 60) {
    this.failNext("CreateCacheEntry", {
      kind: "twirp-error",
      code: "resource_exhausted",
      msg: "rate limit exceeded",
      headers: { "retry-after": String(retryAfterSeconds) }
    });
  }
  /**
   * The next CreateCacheEntry is refused for the repository's storage quota. The client knows
   * this case only by 'insufficient usage' in the Twirp msg (UsageError); the code GitHub
   * sends with it is not documented, resource_exhausted (429) is this harness's choice.
   */
  quotaExceededNextCreate() {
    this.failNext("CreateCacheEntry", {
      kind: "twirp-error",
      code: "resource_exhausted",
      msg: "insufficient usage to create cache entry"
    });
  }
  /** How many requests reached CacheService (`method`, when given), faulted ones included. */
  count(method) {
    return this.twirp.count(CACHE_SERVICE, method);
  }
  /** Archives written: Put Blob or Put Block List requests Azurite accepted. */
  get uploads() {
    return this.#transfers((t) => t.method === "PUT" && (t.comp === "" || t.comp === "blocklist"));
  }
  /** Archives read: GET requests Azurite answered with content. */
  get downloads() {
    return this.#transfers((t) => t.method === "GET");
  }
  /** The container holding the archives, for assertions on the stored blobs. */
  get container() {
    return this.#parts.container;
  }
  /**
   * Overwrites `length` bytes of the finalized archive of `key` in the middle with their
   * complement; its size stays, so the download succeeds and the archive is garbage.
   */
  async corrupt(key, length = 64) {
    const entry = this.entries().findLast((e) => e.key === key);
    if (entry === void 0) throw new Error(`no finalized cache entry with key ${key}`);
    const blob = this.#parts.container.getBlockBlobClient(entry.blobName);
    const bytes = await blob.downloadToBuffer();
    const start = Math.max(0, Math.floor(bytes.length / 2) - Math.floor(length / 2));
    for (let i = start; i < Math.min(bytes.length, start + length); i++)
      bytes[i] = ~bytes[i] & 255;
    await blob.uploadData(bytes);
  }
  /** Closes what start() started. */
  close() {
    return this.#parts.close();
  }
  #transfers(matches) {
    return this.blobs.transfers.filter(
      (t) => t.blob.startsWith(`${CONTAINER2}/`) && t.status < 300 && matches(t)
    ).length;
  }
  #handlers() {
    return {
      CreateCacheEntry: (request2, call) => this.#create(request2, call),
      FinalizeCacheEntryUpload: (request2, call) => this.#finalize(request2, call),
      GetCacheEntryDownloadURL: (request2, call) => this.#downloadUrl(request2, call)
    };
  }
  #create(request2, call) {
    const key = requiredString(request2, "key");
    const version = requiredString(request2, "version");
    const scope = cacheScopes(call).find((s) => (s.permission & PERMISSION_WRITE) !== 0)?.scope;
    if (scope === void 0) {
      return { ok: false, signed_upload_url: "", message: WRITE_DENIED_MESSAGE };
    }
    const taken = this.#entries.some(
      (e) => e.scope === scope && e.key === key && e.version === version
    );
    if (taken) throw new TwirpError("already_exists", ALREADY_EXISTS_MESSAGE);
    const id = this.#nextId++;
    const entry = {
      id,
      key,
      version,
      scope,
      blobName: `${id}.archive`,
      createdAt: /* @__PURE__ */ new Date(),
      sizeBytes: void 0
    };
    this.#entries.push(entry);
    return { ok: true, signed_upload_url: this.#signBlobUrl(entry, "cw") };
  }
  async #finalize(request2, call) {
    const key = requiredString(request2, "key");
    const version = requiredString(request2, "version");
    const sizeBytes = requiredInt642(request2, "size_bytes");
    const writable = new Set(
      cacheScopes(call).filter((s) => (s.permission & PERMISSION_WRITE) !== 0).map((s) => s.scope)
    );
    const entry = this.#entries.find(
      (e) => writable.has(e.scope) && e.key === key && e.version === version && e.sizeBytes === void 0
    );
    if (entry === void 0) {
      throw new TwirpError("not_found", `no cache entry ${key} is being uploaded`);
    }
    if (!await this.#parts.container.getBlobClient(entry.blobName).exists()) {
      throw new TwirpError("failed_precondition", `no content was uploaded for ${key}`);
    }
    entry.sizeBytes = sizeBytes;
    return { ok: true, entry_id: String(entry.id) };
  }
  #downloadUrl(request2, call) {
    const key = requiredString(request2, "key");
    const version = requiredString(request2, "version");
    const restoreKeys = stringList(request2, "restore_keys");
    const readable = cacheScopes(call).filter((s) => (s.permission & PERMISSION_READ) !== 0).map((s) => s.scope);
    for (const scope of readable) {
      const candidates = this.#entries.filter((e) => e.scope === scope && e.version === version && e.sizeBytes !== void 0).reverse();
      for (const wanted of [key, ...restoreKeys]) {
        const entry = candidates.find((e) => e.key === wanted) ?? candidates.find((e) => e.key.startsWith(wanted));
        if (entry !== void 0) {
          return {
            ok: true,
            signed_download_url: this.#signBlobUrl(entry, "r"),
            matched_key: entry.key
          };
        }
      }
    }
    return { ok: false, signed_download_url: "", matched_key: "" };
  }
  /** A SAS URL for the entry's archive, through the counting proxy. */
  #signBlobUrl(entry, permissions) {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER2,
        blobName: entry.blobName,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + SIGNED_URL_LIFETIME_MS2)
      },
      this.azurite.credential
    );
    const url = `${this.#parts.container.getBlobClient(entry.blobName).url}?${sas.toString()}`;
    return this.blobs.rewrite(url);
  }
};
function cacheScopes(call) {
  const claim = call.claims.ac;
  if (typeof claim !== "string") return [];
  const parsed = JSON.parse(claim);
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((s) => {
    const { Scope, Permission } = asObject(s);
    return typeof Scope === "string" && typeof Permission === "number" ? [{ scope: Scope, permission: Permission }] : [];
  });
}
function outcomeOf(method, status, body, reply) {
  if (status !== 200) return typeof reply.code === "string" ? reply.code : `http-${status}`;
  if (method === "CreateCacheEntry") return reply.ok === true ? "created" : "write-denied";
  if (method === "FinalizeCacheEntryUpload") return "finalized";
  if (reply.ok !== true) return "miss";
  return reply.matched_key === body.key ? "hit" : "partial-hit";
}
function asObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
}
function stringField(object, field) {
  const value = object[field];
  return typeof value === "string" ? value : void 0;
}
function stringList(request2, field) {
  const value = request2[field];
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value) || !value.every((v2) => typeof v2 === "string")) {
    throw TwirpError.invalidArgument(field, "must be a list of strings");
  }
  return value;
}
function requiredInt642(request2, field) {
  const value = request2[field];
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value !== "string" || !/^\d+$/.test(value)) {
    throw TwirpError.invalidArgument(field, "is required and must be an int64");
  }
  return Number(value);
}

// src/rehearsal/cargo-project.ts
import { spawn as spawn2, spawnSync } from "node:child_process";
import { once as once5 } from "node:events";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname as dirname2, join as join2 } from "node:path";
var PROJECT_FILES = {
  "Cargo.toml": [
    "[package]",
    'name = "lanekit-fixture"',
    'version = "0.1.0"',
    'edition = "2021"',
    "publish = false",
    "",
    "[dependencies]",
    'itoa = "1"',
    'quote = "1"',
    ""
  ].join("\n"),
  "src/lib.rs": "pub fn render(n: u32) -> String {\n    itoa::Buffer::new().format(n).to_owned()\n}\n",
  "fuzz/Cargo.toml": [
    "[package]",
    'name = "lanekit-fixture-fuzz"',
    'version = "0.0.0"',
    'edition = "2021"',
    "publish = false",
    "",
    "[dependencies]",
    'cfg-if = "1"',
    "",
    "# Its own workspace, so the root package does not claim it.",
    "[workspace]",
    'members = ["."]',
    ""
  ].join("\n"),
  "fuzz/src/lib.rs": 'cfg_if::cfg_if! {\n    if #[cfg(fuzzing)] {\n        pub const MODE: &str = "fuzzing";\n    } else {\n        pub const MODE: &str = "plain";\n    }\n}\n'
};
var CARGO_TIMEOUT_MS = 12e4;
var toolchain;
function findCargo() {
  toolchain ??= locateCargo(process.env.PATH ?? "", homedir());
  return toolchain;
}
function locateCargo(searchPath, home) {
  const candidates = [
    ...searchPath.split(delimiter).filter((dir2) => dir2 !== ""),
    join2(home, ".cargo", "bin")
  ];
  const dir = candidates.find(
    (candidate) => existsSync(join2(candidate, "rustc")) && existsSync(join2(candidate, "cargo"))
  );
  if (dir === void 0) {
    throw new Error(
      "cargo and rustc were not found on PATH or in ~/.cargo/bin. The cargo tests need a Rust toolchain with sparse registry support (cargo >= 1.68): install one with rustup (https://rustup.rs) and put ~/.cargo/bin on PATH."
    );
  }
  const sysroot = spawnSync(join2(dir, "rustc"), ["--print", "sysroot"], { encoding: "utf8" });
  if (sysroot.status !== 0) {
    throw new Error(`${join2(dir, "rustc")} --print sysroot failed: ${sysroot.stderr}`);
  }
  const binDir = join2(sysroot.stdout.trim(), "bin");
  const version = spawnSync(join2(binDir, "cargo"), ["--version"], { encoding: "utf8" });
  if (version.status !== 0) throw new Error(`${binDir}/cargo --version failed: ${version.stderr}`);
  return { binDir, version: version.stdout.trim() };
}
function pathWithCargo(path = process.env.PATH ?? "") {
  return [findCargo().binDir, path].filter((part) => part !== "").join(delimiter);
}
async function runCargo(args, options) {
  const child = spawn2(join2(findCargo().binDir, "cargo"), args, {
    cwd: options.cwd,
    env: {
      ...process.env,
      PATH: pathWithCargo(),
      CARGO_HOME: options.cargoHome,
      CARGO_TERM_COLOR: "never",
      ...options.env
    },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: CARGO_TIMEOUT_MS
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => stdout += chunk);
  child.stderr.setEncoding("utf8").on("data", (chunk) => stderr += chunk);
  const [status] = await once5(child, "close");
  return { status, stdout, stderr };
}
async function generateLockfile(root, manifest2, cargoHome) {
  const run = await runCargo(["generate-lockfile", "--manifest-path", manifest2], {
    cwd: root,
    cargoHome
  });
  if (run.status !== 0) {
    throw new Error(`cargo generate-lockfile --manifest-path ${manifest2} failed:
${run.stderr}`);
  }
}

// src/rehearsal/github-api.ts
import { createHash, randomBytes as randomBytes2 } from "node:crypto";
import { createServer as createServer4 } from "node:http";
var RATE_LIMIT = 5e3;
var DOCS = "https://docs.github.com/rest";
var RATE_LIMIT_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
var DEFAULT_PER_PAGE = 30;
var MAX_PER_PAGE = 100;
var SERVER_ERROR_MESSAGES = {
  500: "Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable"
};
var GitHubApiServer = class _GitHubApiServer {
  /** Base URL, e.g. http://127.0.0.1:PORT; what GITHUB_API_URL gets. */
  url;
  #server;
  #routes = [];
  #faults = [];
  #requests = [];
  #closing = new AbortController();
  #rateLimitReset = Math.floor(Date.now() / 1e3) + 3600;
  #latencyMs;
  #rateLimitUsed = 0;
  constructor(server, url, latencyMs) {
    this.#server = server;
    this.url = url;
    this.#latencyMs = latencyMs;
  }
  /** Listens on 127.0.0.1 at a random port. */
  static async start(options = {}) {
    const latencyMs = options.latencyMs ?? 0;
    if (!Number.isFinite(latencyMs) || latencyMs < 0) {
      throw new Error(`GitHubApiServer: latencyMs must be a non-negative number, got ${latencyMs}`);
    }
    const server = createServer4();
    await new Promise((resolve2, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        server.off("error", reject);
        resolve2();
      });
    });
    const { port } = server.address();
    const api = new _GitHubApiServer(server, `http://127.0.0.1:${port}`, latencyMs);
    server.on("request", (req, res) => {
      api.#handle(req, res).catch((error) => {
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "text/plain" });
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
  route(method, pattern, handler) {
    const matcher = compile(method, pattern);
    const route = { matcher, handler };
    const existing = this.#routes.findIndex(
      (r) => r.matcher.method === matcher.method && r.matcher.pattern === matcher.pattern
    );
    if (existing === -1) this.#routes.push(route);
    else this.#routes[existing] = route;
  }
  /**
   * Serves `items` with GitHub's page/per_page pagination (per_page defaults
   * to 30 and is capped at 100) and a Link header with absolute URLs on this
   * server that keep the request's other query parameters.
   */
  paginated(method, pattern, items, options = {}) {
    this.route(method, pattern, (req) => {
      const all = items(req);
      const perPage = clampPerPage(req.query.get("per_page"));
      const page = positiveInt(req.query.get("page")) ?? 1;
      const lastPage = Math.max(1, Math.ceil(all.length / perPage));
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const link = this.#linkHeader(req, page, lastPage);
      return {
        headers: link === void 0 ? {} : { link },
        body: options.key === void 0 ? slice : { total_count: all.length, [options.key]: slice }
      };
    });
  }
  /** Answers 302 with a Location header, as GET .../actions/jobs/{job_id}/logs does. */
  redirect(method, pattern, location) {
    this.route(method, pattern, (req) => ({
      status: 302,
      headers: { location: location(req), "content-type": "text/html;charset=utf-8" },
      rawBody: ""
    }));
  }
  /**
   * Makes the next `times` requests matching method and pattern fail with
   * `fault`. Faults are consumed in the order they were queued, whether or
   * not a route is registered for the pattern.
   */
  failNext(method, pattern, fault, times = 1) {
    if (!Number.isInteger(times) || times < 1) {
      throw new Error(`failNext: times must be a positive integer, got ${times}`);
    }
    const matcher = compile(method, pattern);
    for (let i = 0; i < times; i++) this.#faults.push({ matcher, fault });
  }
  /** Every request received, in order, including faulted and 404 ones. */
  get requests() {
    return this.#requests;
  }
  /** How many recorded requests match method and pattern (faulted ones included). */
  count(method, pattern) {
    const matcher = compile(method, pattern);
    return this.#requests.filter(
      (r) => r.method === matcher.method && matcher.match(r.path) !== void 0
    ).length;
  }
  async close() {
    this.#closing.abort();
    if (!this.#server.listening) return;
    const closed = new Promise((resolve2, reject) => {
      this.#server.close((error) => {
        if (error) reject(error);
        else resolve2();
      });
    });
    this.#server.closeAllConnections();
    await closed;
  }
  async #handle(req, res) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const url = new URL(req.url ?? "/", this.url);
    const recorded = {
      method: (req.method ?? "GET").toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8")
    };
    this.#requests.push(recorded);
    this.#rateLimitUsed++;
    if (this.#latencyMs > 0 && !await waitUnlessClosed(this.#latencyMs, this.#closing.signal)) {
      return;
    }
    const fault = this.#takeFault(recorded);
    switch (fault?.kind) {
      case "rate-limit-429":
        send2(
          res,
          this.#errorReply(429, secondaryRateLimitMessage(), {
            "retry-after": String(fault.retryAfterSeconds)
          })
        );
        return;
      case "primary-rate-limit": {
        const reply = this.#errorReply(403, primaryRateLimitMessage(), {
          "x-ratelimit-remaining": "0",
          "x-ratelimit-used": String(RATE_LIMIT),
          "x-ratelimit-reset": String(Math.floor(Date.now() / 1e3) + fault.resetInSeconds)
        });
        send2(res, reply);
        return;
      }
      case "server-error": {
        const status = fault.status ?? 500;
        send2(res, this.#errorReply(status, SERVER_ERROR_MESSAGES[status]));
        return;
      }
      case "slow":
        if (!await waitUnlessClosed(fault.delayMs, this.#closing.signal)) return;
        break;
      case "truncated":
        sendTruncated(res, await this.#answer(recorded));
        return;
      case "connection-reset":
        res.destroy();
        return;
      case void 0:
        break;
    }
    send2(res, await this.#answer(recorded));
  }
  async #answer(recorded) {
    for (const { matcher, handler } of this.#routes) {
      if (matcher.method !== recorded.method) continue;
      const params = matcher.match(recorded.path);
      if (params === void 0) continue;
      let response;
      try {
        response = await handler({ ...recorded, params });
      } catch (error) {
        const detail = errorMessage(error);
        return this.#errorReply(
          500,
          `test harness: handler for ${matcher.method} ${matcher.pattern} threw: ${detail}`
        );
      }
      return this.#reply(response);
    }
    return this.#errorReply(404, "Not Found", {}, DOCS);
  }
  #reply(response) {
    const headers = this.#baseHeaders();
    let payload;
    if (response.rawBody !== void 0) {
      payload = Buffer.isBuffer(response.rawBody) ? response.rawBody : Buffer.from(response.rawBody, "utf8");
      headers["content-type"] = Buffer.isBuffer(response.rawBody) ? "application/octet-stream" : "text/plain; charset=utf-8";
    } else if (response.body !== void 0) {
      payload = Buffer.from(JSON.stringify(response.body), "utf8");
    } else {
      delete headers["content-type"];
    }
    for (const [name, value] of Object.entries(response.headers ?? {})) {
      headers[name.toLowerCase()] = typeof value === "string" ? value : typeof value === "number" ? String(value) : [...value];
    }
    return { status: response.status ?? 200, headers, payload };
  }
  #errorReply(status, message, extraHeaders = {}, documentationUrl = status === 403 || status === 429 ? RATE_LIMIT_DOCS : DOCS) {
    const body = { message, documentation_url: documentationUrl, status: String(status) };
    const reply = this.#reply({ status, body });
    Object.assign(reply.headers, extraHeaders);
    return reply;
  }
  #baseHeaders() {
    const remaining = Math.max(0, RATE_LIMIT - this.#rateLimitUsed);
    return {
      "content-type": "application/json; charset=utf-8",
      "x-github-api-version-selected": "2022-11-28",
      "x-github-media-type": "github.v3; format=json",
      "x-github-request-id": requestId(),
      "x-ratelimit-limit": String(RATE_LIMIT),
      "x-ratelimit-remaining": String(remaining),
      "x-ratelimit-reset": String(this.#rateLimitReset),
      "x-ratelimit-used": String(this.#rateLimitUsed),
      "x-ratelimit-resource": "core",
      server: "github.com"
    };
  }
  #takeFault(recorded) {
    const index = this.#faults.findIndex(
      ({ matcher }) => matcher.method === recorded.method && matcher.match(recorded.path) !== void 0
    );
    if (index === -1) return void 0;
    return this.#faults.splice(index, 1)[0]?.fault;
  }
  #linkHeader(req, page, lastPage) {
    const at = (n) => {
      const query = new URLSearchParams(req.query);
      query.set("page", String(n));
      return `<${this.url}${req.path}?${query.toString()}>`;
    };
    const links = [];
    if (page > 1) links.push(`${at(Math.min(page - 1, lastPage))}; rel="prev"`);
    if (page < lastPage) {
      links.push(`${at(page + 1)}; rel="next"`, `${at(lastPage)}; rel="last"`);
    }
    if (page > 1) links.push(`${at(1)}; rel="first"`);
    return links.length === 0 ? void 0 : links.join(", ");
  }
};
function compile(method, pattern) {
  if (!pattern.startsWith("/")) {
    throw new Error(`route pattern must start with "/": ${pattern}`);
  }
  const segments = pattern.split("/");
  const names = segments.map(
    (segment) => /^(?::(\w+)|\{(\w+)\})$/.exec(segment)?.slice(1).find(Boolean)
  );
  return {
    method: method.toUpperCase(),
    pattern,
    match(path) {
      const parts = path.split("/");
      if (parts.length !== segments.length) return void 0;
      const params = {};
      for (const [i, part] of parts.entries()) {
        const name = names[i];
        if (name === void 0) {
          if (part !== segments[i]) return void 0;
        } else {
          if (part === "") return void 0;
          try {
            params[name] = decodeURIComponent(part);
          } catch {
            return void 0;
          }
        }
      }
      return params;
    }
  };
}
function positiveInt(value) {
  if (value === null || !/^\d+$/.test(value)) return void 0;
  const n = Number(value);
  return n >= 1 ? n : void 0;
}
function clampPerPage(value) {
  return Math.min(positiveInt(value) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
}
function requestId() {
  const hex = randomBytes2(14).toString("hex").toUpperCase();
  const seconds = Math.floor(Date.now() / 1e3).toString(16).toUpperCase();
  return `${hex.slice(0, 4)}:${hex.slice(4, 10)}:${hex.slice(10, 17)}:${hex.slice(17, 24)}:${seconds}`;
}
function secondaryRateLimitMessage() {
  return `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId()}.`;
}
function primaryRateLimitMessage() {
  return `API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID ${requestId()}.`;
}
function send2(res, reply) {
  const payload = reply.payload ?? Buffer.alloc(0);
  res.writeHead(reply.status, { ...reply.headers, "content-length": payload.length });
  res.end(payload);
}
function sendTruncated(res, reply) {
  const payload = reply.payload ?? Buffer.alloc(0);
  const declared = Math.max(payload.length, 1);
  res.writeHead(reply.status, { ...reply.headers, "content-length": declared });
  res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => {
    res.socket?.destroy();
  });
}

// src/rehearsal/runner.ts
var import_yaml = __toESM(require_dist(), 1);
import { spawn as spawn3 } from "node:child_process";
import { mkdtempSync, readFileSync as readFileSync2, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join4 } from "node:path";

// src/rehearsal/package-root.ts
import { existsSync as existsSync2, readFileSync } from "node:fs";
import { dirname as dirname3, join as join3 } from "node:path";
function packageRoot(from) {
  for (let dir = from; ; dir = dirname3(dir)) {
    const manifest2 = join3(dir, "package.json");
    if (existsSync2(manifest2) && existsSync2(join3(dir, "actions"))) {
      const { name } = JSON.parse(readFileSync(manifest2, "utf8"));
      if (name === "lanekit") return dir;
    }
    if (dirname3(dir) === dir) throw new Error(`no lanekit package above ${from}`);
  }
}

// src/rehearsal/runner.ts
var ROOT = packageRoot(import.meta.dirname);
function machineTrust() {
  const names = ["NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR"];
  return Object.fromEntries(
    names.flatMap((name) => process.env[name] === void 0 ? [] : [[name, process.env[name]]])
  );
}
function readActionMetadata(name) {
  return (0, import_yaml.parse)(readFileSync2(join4(ROOT, "actions", name, "action.yml"), "utf8"));
}
function parseFileCommands(text) {
  const result = {};
  const set = (key, value) => Object.defineProperty(result, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true
  });
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc && !line.includes("=")) {
      const [, key, delimiter2] = heredoc;
      const value = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter2) value.push(lines[i++]);
      if (i >= lines.length) throw new Error(`unterminated value for '${key}'`);
      set(key, value.join("\n"));
    } else {
      const eq = line.indexOf("=");
      if (eq < 0) throw new Error(`malformed file command line: ${line}`);
      set(line.slice(0, eq), line.slice(eq + 1));
    }
  }
  return result;
}
var unescapeData = (s) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
var unescapeProperty = (s) => unescapeData(s).replace(/%3A/g, ":").replace(/%2C/g, ",");
function parseCommands(stdout) {
  const commands = [];
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (!line.startsWith("::")) continue;
    const end = line.indexOf("::", 2);
    if (end < 0) continue;
    const head = line.slice(2, end);
    const space = head.indexOf(" ");
    const command = space < 0 ? head : head.slice(0, space);
    const properties = {};
    if (space >= 0) {
      for (const pair of head.slice(space + 1).split(",")) {
        const eq = pair.indexOf("=");
        if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
      }
    }
    commands.push({ command, properties, message: unescapeData(line.slice(end + 2)) });
  }
  return commands;
}
function prepareStep(name, options) {
  const metadata = readActionMetadata(name);
  if (metadata.runs.using !== "node24")
    throw new Error(`${name}: runs.using is ${metadata.runs.using}`);
  const temp = mkdtempSync(join4(tmpdir(), `lanekit-run-${name}-`));
  const event = options.event ?? { name: "workflow_dispatch", payload: {} };
  const files = stepFiles(temp, event.payload);
  const env = {
    ...machineTrust(),
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? temp,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: event.name,
    GITHUB_WORKSPACE: options.workspace ?? temp,
    GITHUB_REPOSITORY: "octo-org/octo-repo",
    GITHUB_API_URL: "http://127.0.0.1:9",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "1",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_JOB: "test",
    RUNNER_TEMP: temp,
    RUNNER_OS: "Linux",
    ...files,
    ...options.env
  };
  for (const [key, value] of Object.entries(options.state ?? {})) env[`STATE_${key}`] = value;
  for (const [input, spec] of Object.entries(metadata.inputs ?? {})) {
    const fallback = (spec.default ?? "").replace(/\$\{\{\s*github\.token\s*\}\}/g, options.token ?? "").replace(/\$\{\{\s*job\.check_run_id\s*\}\}/g, "");
    env[`INPUT_${input.replace(/ /g, "_").toUpperCase()}`] = options.inputs?.[input] ?? fallback;
  }
  for (const input of Object.keys(options.inputs ?? {})) {
    if (!(input in (metadata.inputs ?? {})))
      throw new Error(`${name}: undeclared input '${input}'`);
  }
  return { metadata, env, files, temp };
}
function stepFiles(dir, payload) {
  const files = {
    GITHUB_OUTPUT: join4(dir, "output"),
    GITHUB_ENV: join4(dir, "env"),
    GITHUB_PATH: join4(dir, "path"),
    GITHUB_STATE: join4(dir, "state"),
    GITHUB_STEP_SUMMARY: join4(dir, "summary.md"),
    GITHUB_EVENT_PATH: join4(dir, "event.json")
  };
  for (const file of Object.values(files)) writeFileSync(file, "");
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(payload));
  return files;
}
function stepResult(files, run) {
  const commands = parseCommands(run.stdout);
  return {
    ...run,
    outputs: parseFileCommands(readFileSync2(files.GITHUB_OUTPUT, "utf8")),
    exportedEnv: parseFileCommands(readFileSync2(files.GITHUB_ENV, "utf8")),
    addedPath: readFileSync2(files.GITHUB_PATH, "utf8").split("\n").filter((l3) => l3 !== ""),
    state: parseFileCommands(readFileSync2(files.GITHUB_STATE, "utf8")),
    summary: readFileSync2(files.GITHUB_STEP_SUMMARY, "utf8"),
    commands,
    annotations: commands.filter((c) => ["error", "warning", "notice"].includes(c.command)),
    legacyCommands: run.stdout.match(/##\[[^\]]*\]/g) ?? []
  };
}
async function runStepProcess(command, args, options, files) {
  const started = performance.now();
  const { exitCode, stdout, stderr } = await new Promise((resolve2, reject) => {
    const child = spawn3(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve2({
        exitCode: code,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString()
      });
    });
  });
  return stepResult(files, { exitCode, stdout, stderr, durationMs: performance.now() - started });
}
async function spawnStep(name, options, script) {
  const step = prepareStep(name, options);
  try {
    const bundle = script(step.metadata.runs);
    if (bundle === void 0) throw new Error(`${name}: action.yml has no such step`);
    return await runStepProcess(
      process.execPath,
      [join4(ROOT, "actions", name, bundle)],
      { cwd: step.env.GITHUB_WORKSPACE, env: step.env, timeoutMs: options.timeoutMs ?? 6e4 },
      step.files
    );
  } finally {
    rmSync(step.temp, { recursive: true, force: true });
  }
}
async function runAction2(name, options = {}) {
  return spawnStep(name, options, (runs) => runs.main);
}

// src/rehearsal/sample-repository.ts
import { execFileSync as execFileSync2 } from "node:child_process";
import { mkdirSync as mkdirSync3, readFileSync as readFileSync3, writeFileSync as writeFileSync4 } from "node:fs";
import { dirname as dirname5, join as join8 } from "node:path";

// src/rehearsal/cargo-registry.ts
import { once as once6 } from "node:events";
import { existsSync as existsSync3, mkdirSync, rmSync as rmSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { readdir as readdir2, readFile as readFile2 } from "node:fs/promises";
import { createServer as createServer5 } from "node:http";
import { join as join6 } from "node:path";

// src/rehearsal/crate-package.ts
import { createHash as createHash2 } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join as join5, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
var CARGO_PACKAGE_MTIME = 1153704088;
var BLOCK = 512;
var NOT_PACKED = /* @__PURE__ */ new Set([".cargo-checksum.json"]);
var DEPENDENCY_TABLES = [
  ["normal", ["dependencies"]],
  ["dev", ["dev-dependencies", "dev_dependencies"]],
  ["build", ["build-dependencies", "build_dependencies"]]
];
async function packCrate(dir) {
  const manifest2 = parse(await readFile(join5(dir, "Cargo.toml"), "utf8"));
  const pkg = table(manifest2.package, `${dir}/Cargo.toml [package]`);
  const name = string(pkg.name, `${dir}/Cargo.toml package.name`);
  const version = string(pkg.version, `${dir}/Cargo.toml package.version`);
  const archive = gzipSync(await tarDirectory(dir, `${name}-${version}`), { level: 9 });
  const cksum = createHash2("sha256").update(archive).digest("hex");
  const { features, features2 } = splitFeatures(table(manifest2.features ?? {}, "features"));
  const rustVersion = pkg["rust-version"];
  const entry = {
    name,
    vers: version,
    deps: dependencies(manifest2),
    cksum,
    features,
    ...features2 === void 0 ? {} : { features2 },
    yanked: false,
    links: typeof pkg.links === "string" ? pkg.links : null,
    ...typeof rustVersion === "string" ? { rust_version: rustVersion } : {},
    v: features2 === void 0 ? 1 : 2
  };
  return { name, version, archive, entry };
}
function dependencies(manifest2) {
  const scopes = [[null, manifest2]];
  for (const [target, scope] of Object.entries(table(manifest2.target ?? {}, "target"))) {
    scopes.push([target, table(scope, `target.${target}`)]);
  }
  const deps = [];
  for (const [target, scope] of scopes) {
    for (const [kind, names] of DEPENDENCY_TABLES) {
      for (const key of names) {
        for (const [name, spec] of Object.entries(table(scope[key] ?? {}, key))) {
          deps.push(dependency(name, spec, kind, target));
        }
      }
    }
  }
  return deps;
}
function dependency(name, spec, kind, target) {
  if (typeof spec === "string") {
    return { name, req: spec, features: [], optional: false, default_features: true, target, kind };
  }
  const fields = table(spec, `dependency ${name}`);
  if (fields.version === void 0) {
    throw new Error(
      `dependency ${name} has no version (path and git dependencies are not published)`
    );
  }
  const defaultFeatures = fields["default-features"] ?? fields.default_features ?? true;
  return {
    name,
    req: string(fields.version, `dependency ${name} version`),
    features: stringList2(fields.features ?? [], `dependency ${name} features`),
    optional: fields.optional === true,
    default_features: defaultFeatures !== false,
    target,
    kind,
    ...typeof fields.package === "string" ? { package: fields.package } : {}
  };
}
function splitFeatures(declared) {
  const features = {};
  let features2;
  for (const [feature, value] of Object.entries(declared)) {
    const enables = stringList2(value, `feature ${feature}`);
    if (enables.some((item) => item.startsWith("dep:") || item.includes("?/"))) {
      features2 ??= {};
      features2[feature] = enables;
    } else {
      features[feature] = enables;
    }
  }
  return { features, features2 };
}
async function tarDirectory(dir, root) {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => relative(dir, join5(entry.parentPath, entry.name)).split(sep).join("/")).filter((path) => !NOT_PACKED.has(path)).sort();
  const blocks = [];
  for (const path of files) {
    const full = join5(dir, path);
    const [content, info] = await Promise.all([readFile(full), stat(full)]);
    blocks.push(tarHeader(`${root}/${path}`, content.length, info.mode & 64 ? 493 : 420));
    blocks.push(content, Buffer.alloc((BLOCK - content.length % BLOCK) % BLOCK));
  }
  blocks.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(blocks);
}
function tarHeader(path, size, mode) {
  const header = Buffer.alloc(BLOCK);
  const { prefix, name } = splitPath(path);
  header.write(name, 0, 100, "utf8");
  header.write(octal(mode, 8), 100);
  header.write(octal(0, 8), 108);
  header.write(octal(0, 8), 116);
  header.write(octal(size, 12), 124);
  header.write(octal(CARGO_PACKAGE_MTIME, 12), 136);
  header.write(" ".repeat(8), 148);
  header.write("0", 156);
  header.write("ustar\x0000", 257, "latin1");
  header.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
  return header;
}
function splitPath(path) {
  if (Buffer.byteLength(path) <= 100) return { prefix: "", name: path };
  for (let cut = path.indexOf("/"); cut !== -1; cut = path.indexOf("/", cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  throw new Error(`tar: path too long for a ustar header: ${path}`);
}
function octal(value, width) {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}
function table(value, what) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${what}: expected a table`);
  }
  return value;
}
function string(value, what) {
  if (typeof value !== "string") throw new Error(`${what}: expected a string`);
  return value;
}
function stringList2(value, what) {
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw new Error(`${what}: expected a list of strings`);
  }
  return value;
}

// src/rehearsal/cargo-registry.ts
var DEBIAN_CRATE_SOURCES = "/usr/share/cargo/registry";
var TEST_CRATES = ["cfg-if", "itoa", "proc-macro2", "quote", "unicode-ident"];
var TEST_CRATES_APT_INSTALL = "apt-get install --no-install-recommends librust-cfg-if-dev librust-itoa-dev librust-quote-dev";
var REGISTRY_NAME = "lanekit-test";
var DOWNLOAD_PATH = /^\/api\/v1\/crates\/([^/]+)\/([^/]+)\/download$/;
var CargoRegistry = class _CargoRegistry {
  /** e.g. http://127.0.0.1:PORT */
  origin;
  /** The index URL as cargo's config takes it: sparse+http://127.0.0.1:PORT/ */
  index;
  crates;
  #server;
  #requests = [];
  /** Index file path (e.g. /3/q/quo... -> "quote") -> its newline-delimited entries. */
  #indexFiles;
  constructor(server, origin, crates) {
    this.#server = server;
    this.origin = origin;
    this.index = `sparse+${origin}/`;
    this.crates = crates;
    const files = /* @__PURE__ */ new Map();
    for (const crate of crates) {
      const path = `/${indexPath(crate.name)}`;
      files.set(path, (files.get(path) ?? "") + `${JSON.stringify(crate.entry)}
`);
    }
    this.#indexFiles = files;
    server.on("request", (req, res) => {
      this.#answer(req, res);
    });
  }
  /**
   * Packs `names` from `sources` (one `<name>-<version>` directory each, every version found)
   * and listens on 127.0.0.1 at a port the OS picks.
   */
  static async start(names = TEST_CRATES, sources = DEBIAN_CRATE_SOURCES) {
    const crates = await Promise.all(
      (await crateDirectories(names, sources)).map((dir) => packCrate(dir))
    );
    const server = createServer5().listen(0, "127.0.0.1");
    await once6(server, "listening");
    const { port } = server.address();
    return new _CargoRegistry(server, `http://127.0.0.1:${port}`, crates);
  }
  /**
   * Makes `home` a fresh runner's: the same path for every leg, wiped, holding only a
   * ~/.cargo/config.toml for this registry (a cache archive restores to the same place only where
   * the layout is the same, as on GitHub's runners).
   */
  freshHome(home) {
    rmSync2(home, { recursive: true, force: true });
    mkdirSync(join6(home, ".cargo"), { recursive: true });
    writeFileSync2(join6(home, ".cargo", "config.toml"), this.cargoConfig());
  }
  /** A CARGO_HOME config.toml that sends every crates.io request to this registry. */
  cargoConfig() {
    return [
      "[source.crates-io]",
      `replace-with = "${REGISTRY_NAME}"`,
      "",
      `[registries.${REGISTRY_NAME}]`,
      `index = "${this.index}"`,
      "",
      // Fail fast when a test has stopped the registry, instead of retrying for a minute.
      "[net]",
      "retry = 0",
      ""
    ].join("\n");
  }
  /** Every request served, in order. */
  get requests() {
    return this.#requests;
  }
  /** `name@version` of every .crate served, in order. */
  downloads() {
    return downloadedCrates(this.#requests);
  }
  async close() {
    if (!this.#server.listening) return;
    const closed = this.#server[Symbol.asyncDispose]();
    this.#server.closeAllConnections();
    await closed;
  }
  #answer(req, res) {
    const path = new URL(req.url ?? "/", this.origin).pathname;
    const { kind, body, contentType } = this.#lookup(path);
    const status = req.method !== "GET" ? 405 : body === void 0 ? 404 : 200;
    this.#requests.push({ kind, path, status });
    const payload = status === 200 && body !== void 0 ? body : Buffer.from("not found\n");
    res.writeHead(status, {
      "content-type": status === 200 ? contentType : "text/plain",
      "content-length": payload.length
    });
    res.end(payload);
  }
  #lookup(path) {
    if (path === "/config.json") {
      const config = { dl: `${this.origin}/api/v1/crates`, api: this.origin };
      return {
        kind: "config",
        body: Buffer.from(JSON.stringify(config)),
        contentType: "application/json"
      };
    }
    const download = DOWNLOAD_PATH.exec(path);
    if (download !== null) {
      const [, name, version] = download;
      const crate = this.crates.find((c) => c.name === name && c.version === version);
      return { kind: "download", body: crate?.archive, contentType: "application/gzip" };
    }
    const entries2 = this.#indexFiles.get(path.toLowerCase());
    if (entries2 !== void 0) {
      return { kind: "index", body: Buffer.from(entries2), contentType: "text/plain" };
    }
    const isIndexPath = /^\/(?:1|2|3\/[^/]|[^/]{2}\/[^/]{2})\/[^/]+$/.test(path);
    return { kind: isIndexPath ? "index" : "other", contentType: "text/plain" };
  }
};
function downloadedCrates(requests) {
  return requests.filter((request2) => request2.kind === "download" && request2.status === 200).map((request2) => {
    const [, name = "", version = ""] = DOWNLOAD_PATH.exec(request2.path) ?? [];
    return `${name}@${version}`;
  });
}
function indexPath(name) {
  const lower = name.toLowerCase();
  switch (lower.length) {
    case 1:
      return `1/${lower}`;
    case 2:
      return `2/${lower}`;
    case 3:
      return `3/${lower[0]}/${lower}`;
    default:
      return `${lower.slice(0, 2)}/${lower.slice(2, 4)}/${lower}`;
  }
}
async function crateDirectories(names, sources) {
  const listing = existsSync3(sources) ? await readdir2(sources) : [];
  const found = /* @__PURE__ */ new Map();
  for (const entry of listing) {
    const manifest2 = join6(sources, entry, "Cargo.toml");
    if (!existsSync3(manifest2)) continue;
    const { package: pkg } = parse(await readFile2(manifest2, "utf8"));
    if (typeof pkg?.name !== "string" || !names.includes(pkg.name)) continue;
    found.set(pkg.name, [...found.get(pkg.name) ?? [], join6(sources, entry)]);
  }
  const missing = names.filter((name) => !found.has(name));
  if (missing.length > 0) {
    throw new Error(
      `crate sources not found in ${sources}: ${missing.join(", ")}. Install them with: ${TEST_CRATES_APT_INSTALL}`
    );
  }
  return names.flatMap((name) => found.get(name) ?? []);
}

// src/rehearsal/git-fixture.ts
import { execFileSync } from "node:child_process";
import { mkdirSync as mkdirSync2, mkdtempSync as mkdtempSync2, rmSync as rmSync3, writeFileSync as writeFileSync3 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname4, join as join7 } from "node:path";
var GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  // Test file names are data: a leading ':' must not become pathspec magic.
  GIT_LITERAL_PATHSPECS: "1"
};
function git(cwd, ...args) {
  return execFileSync("git", args, { cwd, env: GIT_ENV, encoding: "utf8" }).trim();
}
var GitFixture = class {
  root;
  origin;
  constructor() {
    this.root = mkdtempSync2(join7(tmpdir2(), "lanekit-git-"));
    this.origin = join7(this.root, "origin");
    mkdirSync2(this.origin);
    git(this.origin, "init", "--quiet", "--initial-branch=main");
    git(this.origin, "config", "uploadpack.allowAnySHA1InWant", "true");
  }
  get url() {
    return `file://${this.origin}`;
  }
  /** Writes (string) or deletes (null) files, then commits them; returns the new sha. */
  commit(message, files = {}) {
    const removed = [];
    const written = [];
    for (const [path, content] of Object.entries(files)) {
      if (content === null) {
        removed.push(path);
      } else {
        const full = join7(this.origin, path);
        mkdirSync2(dirname4(full), { recursive: true });
        writeFileSync3(full, content);
        written.push(path);
      }
    }
    if (removed.length > 0) git(this.origin, "rm", "--quiet", "--", ...removed);
    if (written.length > 0) git(this.origin, "add", "--", ...written);
    git(this.origin, "commit", "--quiet", "--allow-empty", "-m", message);
    return this.sha("HEAD");
  }
  rename(from, to, message = `rename ${from}`) {
    mkdirSync2(dirname4(join7(this.origin, to)), { recursive: true });
    git(this.origin, "mv", "--", from, to);
    git(this.origin, "commit", "--quiet", "-m", message);
    return this.sha("HEAD");
  }
  checkout(branch, create = false) {
    git(this.origin, "checkout", "--quiet", ...create ? ["-b"] : [], branch);
  }
  /** Commits on a new branch cut from `from`, then returns to `from`; the branch head's sha. */
  commitOnBranch(branch, message, files, from = "main") {
    this.checkout(from);
    this.checkout(branch, true);
    const head = this.commit(message, files);
    this.checkout(from);
    return head;
  }
  merge(branch, message) {
    git(this.origin, "merge", "--quiet", "--no-ff", "-m", message, branch);
    return this.sha("HEAD");
  }
  sha(rev) {
    return git(this.origin, "rev-parse", rev);
  }
  /** A clone as actions/checkout makes it: `fetch-depth` 1 by default, detached at `ref`. */
  clone(options = {}) {
    const dir = join7(this.root, options.name ?? `clone-${Math.random().toString(36).slice(2)}`);
    const depth = options.depth ?? 1;
    git(this.root, "init", "--quiet", dir);
    git(dir, "remote", "add", "origin", this.url);
    const ref = options.ref ?? this.sha("main");
    git(
      dir,
      "fetch",
      "--quiet",
      "--no-tags",
      ...depth > 0 ? [`--depth=${depth}`] : [],
      "origin",
      ref
    );
    git(dir, "checkout", "--quiet", "--detach", "FETCH_HEAD");
    return dir;
  }
  cleanup() {
    rmSync3(this.root, { recursive: true, force: true });
  }
};

// src/rehearsal/sample-repository.ts
var CRATES = [
  ["digits", "1.4.0", "", "pub fn format(n: u64) -> String {\n    n.to_string()\n}\n"],
  ["switches", "1.0.2", "", 'pub const PLAIN: &str = "plain";\n'],
  [
    "spans",
    "0.9.1",
    "",
    "pub fn span(from: usize, to: usize) -> (usize, usize) {\n    (from, to)\n}\n"
  ],
  [
    "tokens",
    "2.1.0",
    'spans = "0.9"',
    "pub fn token(text: &str) -> (String, (usize, usize)) {\n    (text.to_owned(), spans::span(0, text.len()))\n}\n"
  ],
  ["palette", "0.3.0", "", 'pub const COLOURS: [&str; 2] = ["black", "white"];\n']
];
var manifest = (name, version, dependencies2) => [
  "[package]",
  `name = "${name}"`,
  `version = "${version}"`,
  'edition = "2021"',
  "",
  "[features]",
  "extra = []",
  "",
  "[dependencies]",
  dependencies2,
  ""
].join("\n");
var member = (name, dependencies2, source) => ({
  [`crates/${name}/Cargo.toml`]: manifest(name, "0.1.0", dependencies2).replace(
    "[features]",
    "publish = false\n\n[features]"
  ),
  [`crates/${name}/src/lib.rs`]: source
});
var WORKSPACE = {
  "Cargo.toml": '[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n',
  ...member(
    "core",
    'digits = "1"',
    'pub fn digits(n: u64) -> String {\n    digits::format(n)\n}\n\n#[test]\nfn formats() {\n    assert_eq!(digits(42), "42");\n}\n'
  ),
  ...member(
    "parser",
    'tokens = "2"',
    'pub fn parse(text: &str) -> String {\n    tokens::token(text).0\n}\n\n#[test]\nfn parses() {\n    assert_eq!(parse("let"), "let");\n}\n'
  ),
  ...member(
    "render",
    'switches = "1"',
    "pub fn mode() -> &'static str {\n    switches::PLAIN\n}\n\n#[test]\nfn has_a_mode() {\n    assert!(!mode().is_empty());\n}\n"
  ),
  ...member(
    "cli",
    'core = { path = "../core" }',
    'pub fn banner() -> String {\n    format!("v{}", core::digits(1))\n}\n\n#[test]\nfn shows_the_version() {\n    assert_eq!(banner(), "v1");\n}\n'
  )
};
var testFile = (name) => `const { test } = require('node:test');
const assert = require('node:assert');
const { greet } = require('../src/index.js');
test('${name}', () => assert.strictEqual(greet('${name}'), 'hello ${name}!'));
`;
var NPM_APP = {
  "package.json": `${JSON.stringify(
    {
      name: "sample-app",
      version: "1.0.0",
      private: true,
      scripts: { lint: "node --check src/index.js", build: "node scripts/build.js" },
      dependencies: { "sample-format": "file:vendor/sample-format-1.0.0.tgz" }
    },
    null,
    2
  )}
`,
  "packages/format/package.json": '{ "name": "sample-format", "version": "1.0.0" }\n',
  "packages/format/index.js": "exports.shout = (text) => `${text}!`;\n",
  "src/index.js": "const { shout } = require('sample-format');\nexports.greet = (name) => shout(`hello ${name}`);\n",
  "scripts/build.js": "const fs = require('node:fs');\nfs.mkdirSync('dist', { recursive: true });\nfs.copyFileSync('src/index.js', 'dist/index.js');\nconsole.log(`built on node ${process.version}`);\n",
  "test/smoke.test.js": testFile("smoke"),
  "test/parse.test.js": testFile("parse"),
  "test/format.test.js": testFile("format"),
  "test/cli.test.js": testFile("cli"),
  ".gitignore": "node_modules/\ndist/\ntarget/\n"
};
function writeFiles(root, files) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync3(dirname5(join8(root, path)), { recursive: true });
    writeFileSync4(join8(root, path), content);
  }
}
function commitNpmApp(repo, scratch) {
  writeFiles(repo.origin, NPM_APP);
  const npm = (cwd, ...args) => execFileSync2("npm", [...args, "--offline", "--no-audit", "--no-fund"], {
    cwd,
    env: {
      ...process.env,
      HOME: join8(scratch, "packing-home"),
      npm_config_update_notifier: "false"
    },
    stdio: "pipe"
  });
  mkdirSync3(join8(repo.origin, "vendor"));
  npm(join8(repo.origin, "vendor"), "pack", "../packages/format");
  npm(repo.origin, "install", "--package-lock-only");
  git(repo.origin, "add", "--all");
  return repo.commit("npm app with a vendored dependency");
}
async function startSampleRegistry(dir) {
  for (const [name, version, dependencies2, source] of CRATES) {
    writeFiles(join8(dir, `${name}-${version}`), {
      "Cargo.toml": manifest(name, version, dependencies2),
      "src/lib.rs": source
    });
  }
  return CargoRegistry.start(
    CRATES.map(([name]) => name),
    dir
  );
}
async function buildSampleRepository(registry, scratch) {
  const cargoHome = join8(scratch, "locking-cargo-home");
  mkdirSync3(cargoHome, { recursive: true });
  writeFileSync4(join8(cargoHome, "config.toml"), registry.cargoConfig());
  const repo = new GitFixture();
  repo.commit("Cargo workspace: core, parser, render, cli", WORKSPACE);
  await generateLockfile(repo.origin, "Cargo.toml", cargoHome);
  repo.commit("Lock the workspace", {
    "Cargo.lock": readFileSync3(join8(repo.origin, "Cargo.lock"), "utf8")
  });
  commitNpmApp(repo, scratch);
  repo.commit("Docs", { "docs/index.md": "# Sample\n\nHow to build it.\n" });
  const mainSha = repo.sha("main");
  const featureBranch = "feature/colours";
  repo.checkout(featureBranch, true);
  repo.commit("render: colours from palette", {
    "crates/render/Cargo.toml": readFileSync3(
      join8(repo.origin, "crates/render/Cargo.toml"),
      "utf8"
    ).replace('switches = "1"', 'switches = "1"\npalette = "0.3"')
  });
  await generateLockfile(repo.origin, "Cargo.toml", cargoHome);
  const featureSha = repo.commit("Lock palette", {
    "Cargo.lock": readFileSync3(join8(repo.origin, "Cargo.lock"), "utf8")
  });
  repo.checkout("main");
  return { repo, mainSha, featureBranch, featureSha };
}

// src/rehearsal/workflow-run.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { mkdirSync as mkdirSync4, mkdtempSync as mkdtempSync3, readFileSync as readFileSync4, rmSync as rmSync4, writeFileSync as writeFileSync5 } from "node:fs";
import { tmpdir as tmpdir3 } from "node:os";
import { basename, dirname as dirname6, join as join9 } from "node:path";

// src/rehearsal/expressions.ts
var OPERATORS = ["==", "!=", "<=", ">=", "&&", "||", "!", "<", ">", "(", ")", "[", "]", ",", "."];
function tokenize(text) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let value = "";
      i++;
      for (; ; ) {
        if (i >= text.length) throw new Error(`unterminated string in ${text}`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ kind: "string", value });
    } else if (/[0-9]/.test(ch) || ch === "-" && /[0-9]/.test(text[i + 1] ?? "")) {
      const match = /^-?(0x[0-9a-fA-F]+|[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)/.exec(text.slice(i));
      tokens.push({ kind: "number", value: Number(match[0]) });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
      tokens.push({ kind: "word", value: match[0] });
      i += match[0].length;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (!op) throw new Error(`unexpected '${ch}' in ${text}`);
      tokens.push({ kind: "op", value: op });
      i += op.length;
    }
  }
  return tokens;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function toText(value) {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return Array.isArray(value) ? "Array" : "Object";
}
function toNumber(value) {
  if (value === null) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  if (typeof value === "string") return value.trim() === "" ? 0 : Number(value);
  return Number.NaN;
}
function truthy(value) {
  if (value === null || value === false || value === "") return false;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  return true;
}
function equal(a, b2) {
  if (typeof a === "string" && typeof b2 === "string") return a.toLowerCase() === b2.toLowerCase();
  if (typeof a === typeof b2 && (typeof a !== "object" || a === null || b2 === null)) return a === b2;
  if (typeof a === "object" && a !== null && typeof b2 === "object" && b2 !== null) return a === b2;
  return toNumber(a) === toNumber(b2);
}
function property(target, key) {
  if (Array.isArray(target)) {
    const index = Number(key);
    return Number.isInteger(index) ? target[index] ?? null : null;
  }
  if (!isObject(target)) return null;
  if (key in target) return target[key];
  const found = Object.keys(target).find((k2) => k2.toLowerCase() === key.toLowerCase());
  return found === void 0 ? null : target[found];
}
var Parser = class {
  #tokens;
  #context;
  #at = 0;
  constructor(text, context) {
    this.#tokens = tokenize(text);
    this.#context = context;
  }
  parse() {
    const value = this.#or();
    if (this.#at < this.#tokens.length) throw new Error("unexpected trailing tokens");
    return value;
  }
  #peek(value) {
    const token = this.#tokens[this.#at];
    return token?.kind === "op" && token.value === value;
  }
  #expect(value) {
    if (!this.#peek(value)) throw new Error(`expected '${value}'`);
    this.#at++;
  }
  #or() {
    let left = this.#and();
    while (this.#peek("||")) {
      this.#at++;
      const right = this.#and();
      left = truthy(left) ? left : right;
    }
    return left;
  }
  #and() {
    let left = this.#comparison();
    while (this.#peek("&&")) {
      this.#at++;
      const right = this.#comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  }
  #comparison() {
    let left = this.#unary();
    for (; ; ) {
      const op = ["==", "!=", "<=", ">=", "<", ">"].find((o) => this.#peek(o));
      if (!op) return left;
      this.#at++;
      const right = this.#unary();
      switch (op) {
        case "==":
          left = equal(left, right);
          break;
        case "!=":
          left = !equal(left, right);
          break;
        case "<":
          left = toNumber(left) < toNumber(right);
          break;
        case "<=":
          left = toNumber(left) <= toNumber(right);
          break;
        case ">":
          left = toNumber(left) > toNumber(right);
          break;
        default:
          left = toNumber(left) >= toNumber(right);
      }
    }
  }
  #unary() {
    if (this.#peek("!")) {
      this.#at++;
      return !truthy(this.#unary());
    }
    return this.#postfix(this.#primary());
  }
  #postfix(start) {
    let value = start;
    for (; ; ) {
      if (this.#peek(".")) {
        this.#at++;
        const token = this.#tokens[this.#at++];
        if (token?.kind !== "word") throw new Error("expected a property name after .");
        value = property(value, token.value);
      } else if (this.#peek("[")) {
        this.#at++;
        const key = this.#or();
        this.#expect("]");
        value = property(value, toText(key));
      } else {
        return value;
      }
    }
  }
  #primary() {
    const token = this.#tokens[this.#at++];
    if (!token) throw new Error("unexpected end of expression");
    if (token.kind === "string" || token.kind === "number") return token.value;
    if (token.kind === "op") {
      if (token.value !== "(") throw new Error(`unexpected '${token.value}'`);
      const value = this.#or();
      this.#expect(")");
      return value;
    }
    const word = token.value;
    if (word === "true" || word === "false") return word === "true";
    if (word === "null") return null;
    if (this.#peek("(")) {
      this.#at++;
      const args = [];
      if (!this.#peek(")")) {
        args.push(this.#or());
        while (this.#peek(",")) {
          this.#at++;
          args.push(this.#or());
        }
      }
      this.#expect(")");
      return this.#call(word.toLowerCase(), args);
    }
    const context = Object.keys(this.#context.contexts).find(
      (name) => name.toLowerCase() === word.toLowerCase()
    );
    if (context === void 0) throw new Error(`unknown context '${word}'`);
    return this.#context.contexts[context];
  }
  #call(name, args) {
    const status = this.#context.status ?? "success";
    const [a = null, b2 = null] = args;
    switch (name) {
      case "fromjson":
        return JSON.parse(toText(a));
      case "tojson":
        return JSON.stringify(a, null, 2);
      case "join":
        return Array.isArray(a) ? a.map(toText).join(args.length > 1 ? toText(b2) : ",") : toText(a);
      case "contains":
        return Array.isArray(a) ? a.some((item) => equal(item, b2)) : toText(a).toLowerCase().includes(toText(b2).toLowerCase());
      case "startswith":
        return toText(a).toLowerCase().startsWith(toText(b2).toLowerCase());
      case "endswith":
        return toText(a).toLowerCase().endsWith(toText(b2).toLowerCase());
      case "format":
        return toText(a).replace(
          /\{(\d+)\}/g,
          (_2, i) => toText(args[Number(i) + 1] ?? null)
        );
      case "always":
        return true;
      case "success":
        return status === "success";
      case "failure":
        return status === "failure";
      case "cancelled":
        return status === "cancelled";
      default:
        throw new Error(`unsupported function ${name}()`);
    }
  }
};
function evaluate(expression, context) {
  try {
    return new Parser(expression, context).parse();
  } catch (error) {
    throw new Error(`cannot evaluate \${{ ${expression} }}: ${errorMessage(error)}`);
  }
}
var WHOLE = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/;
var PART = /\$\{\{([\s\S]*?)\}\}/g;
function evaluateValue(value, context) {
  if (typeof value === "string") {
    const whole = WHOLE.exec(value);
    if (whole && !whole[1].includes("}}")) return evaluate(whole[1], context);
    return value.replace(PART, (_2, expression) => toText(evaluate(expression, context)));
  }
  if (Array.isArray(value)) return value.map((item) => evaluateValue(item, context));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, evaluateValue(item, context)])
    );
  }
  return value;
}
function evaluateCondition(condition, context) {
  const succeeded = (context.status ?? "success") === "success";
  if (condition === void 0 || condition === null) return succeeded;
  if (typeof condition === "boolean" || typeof condition === "number") {
    return truthy(condition) && succeeded;
  }
  if (typeof condition !== "string") throw new Error("if: must be an expression");
  const text = condition.trim();
  const expression = WHOLE.exec(text)?.[1] ?? text;
  const hasStatus = /\b(always|success|failure|cancelled)\s*\(/.test(expression);
  return truthy(evaluate(hasStatus ? expression : `success() && (${expression})`, context));
}

// src/rehearsal/github-matrix.ts
var MAX_LEGS = 256;
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function entries(matrix, key) {
  const list = matrix[key];
  if (list === void 0) return [];
  if (!Array.isArray(list) || !list.every(isObject2)) {
    throw new Error(`matrix ${key} must be a list of mappings`);
  }
  return list;
}
var same = (a, b2) => JSON.stringify(a) === JSON.stringify(b2);
function expandMatrix(matrix) {
  if (!isObject2(matrix)) throw new Error("matrix must be a mapping");
  const axes = Object.entries(matrix).filter(([key]) => key !== "include" && key !== "exclude");
  for (const [key, values] of axes) {
    if (!Array.isArray(values) || values.length === 0) {
      throw new Error(`matrix vector '${key}' does not contain any values`);
    }
  }
  const axisNames = axes.map(([key]) => key);
  let legs = [];
  if (axes.length > 0) {
    legs = [{}];
    for (const [key, values] of axes) {
      legs = legs.flatMap((leg) => values.map((value) => ({ ...leg, [key]: value })));
    }
  }
  for (const exclude of entries(matrix, "exclude")) {
    for (const key of Object.keys(exclude)) {
      if (!axisNames.includes(key)) throw new Error(`matrix exclude key '${key}' is not an axis`);
    }
    legs = legs.filter((leg) => !Object.entries(exclude).every(([k2, v2]) => same(leg[k2], v2)));
  }
  const originals = legs.length;
  const extra = [];
  for (const include of entries(matrix, "include")) {
    let added = false;
    for (const leg of legs.slice(0, originals)) {
      const fits = axisNames.every((axis) => !(axis in include) || same(include[axis], leg[axis]));
      if (!fits) continue;
      for (const [key, value] of Object.entries(include))
        if (!axisNames.includes(key)) leg[key] = value;
      added = true;
    }
    if (!added) extra.push({ ...include });
  }
  const all = [...legs, ...extra];
  if (all.length === 0) throw new Error("matrix must define at least one vector");
  if (all.length > MAX_LEGS) {
    throw new Error(`matrix has ${all.length} legs; GitHub runs at most ${MAX_LEGS} per job`);
  }
  return all;
}

// src/rehearsal/run-api.ts
import { createHash as createHash3 } from "node:crypto";
var DEFAULT_BRANCH2 = "main";
function contentFileBody(owner, repo, path, text, ref) {
  const content = Buffer.from(text, "utf8").toString("base64");
  const blob = createHash3("sha1").update(`blob ${Buffer.byteLength(text)}\0${text}`).digest("hex");
  const url = `https://api.github.com/repos/${owner}/${repo}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = `https://api.github.com/repos/${owner}/${repo}/git/blobs/${blob}`;
  const htmlUrl = `https://github.com/${owner}/${repo}/blob/${ref}/${path}`;
  return {
    name: path.split("/").pop(),
    path,
    sha: blob,
    size: Buffer.byteLength(text),
    url,
    html_url: htmlUrl,
    git_url: gitUrl,
    download_url: `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${path}`,
    type: "file",
    // GitHub wraps base64 at 60 characters.
    content: `${content.replace(/.{60}/g, "$&\n")}
`,
    encoding: "base64",
    _links: { self: url, git: gitUrl, html: htmlUrl }
  };
}
var NOT_FOUND = {
  status: 404,
  body: { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" }
};
function listed(run, query) {
  const branch = query.get("branch");
  const event = query.get("event");
  const status = query.get("status");
  const headSha = query.get("head_sha");
  if (branch !== null && run.head_branch !== branch) return false;
  if (event !== null && run["event"] !== event) return false;
  if (headSha !== null && run.head_sha !== headSha) return false;
  return status === null || run.status === status || run.conclusion === status;
}
function serveScenario(server, run, options = {}) {
  const ours = (req) => req.params.owner === run.owner && req.params.repo === run.repo;
  const all = () => [...run.attempts, ...run.baseline ? [run.baseline] : []];
  const attemptOf = (req) => {
    if (!ours(req)) return void 0;
    const runId = Number(req.params.run_id);
    const matching = all().filter((a) => a.run.id === runId);
    if (req.params.attempt_number === void 0) return matching.at(-1);
    return matching.find((a) => a.run.run_attempt === Number(req.params.attempt_number));
  };
  const answer = (found) => found ? { body: found.run } : NOT_FOUND;
  server.route("GET", "/repos/:owner/:repo/actions/runs/:run_id", (req) => answer(attemptOf(req)));
  server.route(
    "GET",
    "/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt_number",
    (req) => answer(attemptOf(req))
  );
  const jobsOf = (req) => attemptOf(req)?.jobs.jobs ?? [];
  server.paginated(
    "GET",
    "/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt_number/jobs",
    jobsOf,
    {
      key: "jobs"
    }
  );
  server.paginated(
    "GET",
    "/repos/:owner/:repo/actions/runs/:run_id/jobs",
    (req) => {
      if (req.query.get("filter") !== "all") return jobsOf(req);
      return all().filter((a) => ours(req) && a.run.id === Number(req.params.run_id)).flatMap((a) => a.jobs.jobs);
    },
    { key: "jobs" }
  );
  const contents = (req, path) => {
    const text = run.workflowFiles[path];
    if (!ours(req) || text === void 0) return NOT_FOUND;
    if ((req.headers.accept ?? "").includes("raw")) return { rawBody: text };
    const ref = req.query.get("ref") ?? DEFAULT_BRANCH2;
    return { body: contentFileBody(run.owner, run.repo, path, text, ref) };
  };
  for (const path of Object.keys(run.workflowFiles)) {
    server.route("GET", `/repos/:owner/:repo/contents/${path}`, (req) => contents(req, path));
  }
  server.route(
    "GET",
    "/repos/:owner/:repo/contents/:path",
    (req) => contents(req, req.params.path)
  );
  server.route(
    "GET",
    "/repos/:owner/:repo/actions/cache/usage",
    (req) => ours(req) ? { body: run.cacheUsage } : NOT_FOUND
  );
  const workflowId = run.plan.workflowId;
  const workflowFile = run.plan.workflowFile;
  server.paginated(
    "GET",
    "/repos/:owner/:repo/actions/workflows/:workflow_id/runs",
    (req) => {
      const id = req.params.workflow_id;
      if (!ours(req) || id !== workflowFile && id !== String(workflowId)) return [];
      return run.workflowRuns.filter((item) => listed(item, req.query));
    },
    { key: "workflow_runs" }
  );
  const logs = options.logs;
  if (logs === void 0) return;
  server.route("GET", "/repos/:owner/:repo/actions/jobs/:job_id/logs", (req) => {
    if (!ours(req) || !logs.has(Number(req.params.job_id))) return NOT_FOUND;
    return {
      status: 302,
      headers: {
        location: `${server.url}/job-logs/${req.params.job_id}`,
        "content-type": "text/html;charset=utf-8"
      },
      rawBody: ""
    };
  });
  server.route("GET", "/job-logs/:job_id", (req) => {
    const log = logs.get(Number(req.params.job_id));
    return log === void 0 ? { status: 404, rawBody: "BlobNotFound" } : { rawBody: log, headers: { "content-type": "text/plain" } };
  });
}

// src/rehearsal/run-bodies.ts
import { createHash as createHash4 } from "node:crypto";
var API = "https://api.github.com";
var WEB = "https://github.com";
function isoSeconds(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
function isoWithOffset(ms, offset) {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) throw new Error(`stepTimeOffset must look like +09:00, got ${offset}`);
  const minutes = (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  return new Date(ms + minutes * 6e4).toISOString().replace(/Z$/, offset);
}
function parseTime(iso, what) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`${what} is not a time: ${iso}`);
  return ms;
}
function digest(text, length) {
  return createHash4("sha1").update(text).digest("hex").slice(0, length);
}
function nodeId(prefix, id) {
  return `${prefix}_kwDO${Buffer.from(digest(`${prefix}${id}`, 18), "hex").toString("base64url")}`;
}
function schedule(plan) {
  const created = parseTime(plan.createdAt, "createdAt");
  const done = /* @__PURE__ */ new Map();
  const visit = (job, path) => {
    const known = done.get(job);
    if (known) return known;
    if (path.includes(job.key)) throw new Error(`needs cycle: ${[...path, job.key].join(" -> ")}`);
    const needed = (job.needs ?? []).flatMap((key) => {
      const legs = plan.jobs.filter((other) => other.key === key);
      if (legs.length === 0) throw new Error(`${job.name} needs unknown job ${key}`);
      return legs.map((leg) => visit(leg, [...path, job.key]));
    });
    const createdAt = needed.length === 0 ? created + (plan.startDelaySeconds ?? 2) * 1e3 : Math.max(...needed.map((n) => n.completedAt)) + (plan.needsDelaySeconds ?? 1) * 1e3;
    const blocked = job.skipped === true || needed.some((n) => n.skipped || n.failed) && job.always !== true;
    const timed = blocked ? skippedJob(job, createdAt) : ranJob(job, createdAt);
    done.set(job, timed);
    return timed;
  };
  return plan.jobs.map((job) => visit(job, []));
}
function skippedJob(plan, at) {
  return {
    plan,
    createdAt: at,
    startedAt: at,
    completedAt: at,
    skipped: true,
    failed: false,
    steps: []
  };
}
function ranJob(plan, createdAt) {
  const startedAt = createdAt + plan.queueSeconds * 1e3;
  let cursor = startedAt + plan.setupSeconds * 1e3;
  let completedAt = cursor;
  const steps = plan.steps.map((step) => {
    const stepStart = cursor - (step.overlapSeconds ?? 0) * 1e3;
    const stepEnd = stepStart + step.seconds * 1e3;
    cursor = stepEnd;
    completedAt = Math.max(completedAt, stepEnd);
    return { plan: step, startedAt: stepStart, completedAt: stepEnd };
  });
  const failed = plan.steps.some((step) => step.conclusion === "failure");
  return { plan, createdAt, startedAt, completedAt, skipped: false, failed, steps };
}
function stepBody(step, number, readAt, time, unreached) {
  const base = { name: step.plan.name, number };
  if (step.startedAt > readAt) {
    return { ...base, status: unreached, conclusion: null, started_at: null, completed_at: null };
  }
  if (step.completedAt > readAt) {
    const started_at = time(step.startedAt);
    return { ...base, status: "in_progress", conclusion: null, started_at, completed_at: null };
  }
  return {
    name: step.plan.name,
    status: "completed",
    conclusion: step.plan.conclusion ?? "success",
    number,
    started_at: time(step.startedAt),
    completed_at: time(step.completedAt)
  };
}
function jobBody(plan, timed, id, readAt) {
  const attempt = plan.attempt ?? 1;
  const { owner, repo, runId } = plan;
  const offset = plan.stepTimeOffset;
  const stepTime = (ms) => offset ? isoWithOffset(ms, offset) : isoSeconds(ms);
  const queued = !timed.skipped && timed.startedAt > readAt;
  const running = !queued && timed.completedAt > readAt;
  const hasRunner = !timed.skipped && !queued;
  const status = queued ? "queued" : running ? "in_progress" : "completed";
  const conclusion = status !== "completed" ? null : timed.skipped ? "skipped" : timed.failed ? "failure" : "success";
  return {
    id,
    run_id: runId,
    workflow_name: plan.workflowName,
    head_branch: plan.headBranch,
    run_url: `${API}/repos/${owner}/${repo}/actions/runs/${runId}`,
    run_attempt: attempt,
    node_id: nodeId("CR", id),
    head_sha: plan.headSha,
    url: `${API}/repos/${owner}/${repo}/actions/jobs/${id}`,
    html_url: `${WEB}/${owner}/${repo}/actions/runs/${runId}/job/${id}`,
    status,
    conclusion,
    created_at: isoSeconds(timed.createdAt),
    // A queued job already has a started_at (its creation), as recorded responses show.
    started_at: isoSeconds(queued ? timed.createdAt : timed.startedAt),
    completed_at: status === "completed" ? isoSeconds(timed.completedAt) : null,
    name: timed.plan.name,
    steps: hasRunner ? timed.steps.map(
      (step, i) => stepBody(step, i + 1, readAt, stepTime, plan.unreachedStepStatus ?? "queued")
    ) : [],
    check_run_url: `${API}/repos/${owner}/${repo}/check-runs/${id}`,
    labels: timed.skipped ? [] : timed.plan.labels,
    runner_id: hasRunner ? timed.plan.runner.id : null,
    runner_name: hasRunner ? timed.plan.runner.name : null,
    runner_group_id: hasRunner ? timed.plan.runner.groupId : null,
    runner_group_name: hasRunner ? timed.plan.runner.groupName : null
  };
}
function userBody(login, id) {
  const url = `${API}/users/${login}`;
  return {
    login,
    id,
    node_id: nodeId("U", id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: "",
    url,
    html_url: `${WEB}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: "Organization",
    site_admin: false
  };
}
function repositoryBody(owner, repo) {
  const id = Number.parseInt(digest(`${owner}/${repo}`, 7), 16);
  const url = `${API}/repos/${owner}/${repo}`;
  return {
    id,
    node_id: nodeId("R", id),
    name: repo,
    full_name: `${owner}/${repo}`,
    private: false,
    owner: userBody(owner, id + 1),
    html_url: `${WEB}/${owner}/${repo}`,
    description: null,
    fork: false,
    url,
    forks_url: `${url}/forks`,
    keys_url: `${url}/keys{/key_id}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    teams_url: `${url}/teams`,
    hooks_url: `${url}/hooks`,
    issue_events_url: `${url}/issues/events{/number}`,
    events_url: `${url}/events`,
    assignees_url: `${url}/assignees{/user}`,
    branches_url: `${url}/branches{/branch}`,
    tags_url: `${url}/tags`,
    blobs_url: `${url}/git/blobs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    trees_url: `${url}/git/trees{/sha}`,
    statuses_url: `${url}/statuses/{sha}`,
    languages_url: `${url}/languages`,
    stargazers_url: `${url}/stargazers`,
    contributors_url: `${url}/contributors`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    commits_url: `${url}/commits{/sha}`,
    git_commits_url: `${url}/git/commits{/sha}`,
    comments_url: `${url}/comments{/number}`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    contents_url: `${url}/contents/{+path}`,
    compare_url: `${url}/compare/{base}...{head}`,
    merges_url: `${url}/merges`,
    archive_url: `${url}/{archive_format}{/ref}`,
    downloads_url: `${url}/downloads`,
    issues_url: `${url}/issues{/number}`,
    pulls_url: `${url}/pulls{/number}`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    labels_url: `${url}/labels{/name}`,
    releases_url: `${url}/releases{/id}`,
    deployments_url: `${url}/deployments`
  };
}
function runBody(plan, timed, listed2, readAt) {
  const attempt = plan.attempt ?? 1;
  const { owner, repo, runId } = plan;
  const runUrl = `${API}/repos/${owner}/${repo}/actions/runs/${runId}`;
  const created = parseTime(plan.createdAt, "createdAt");
  const finished = timed.every((job) => job.completedAt <= readAt);
  const lastChange = Math.max(
    created,
    ...timed.flatMap((job) => [job.createdAt, job.startedAt, job.completedAt]).filter((t) => t <= readAt)
  );
  const failed = listed2.some((job) => job.conclusion === "failure");
  const commitTime = created - 6e4;
  const user = userBody("octocat", 583231);
  return {
    id: runId,
    name: plan.workflowName,
    node_id: nodeId("WFR", runId),
    head_branch: plan.headBranch,
    head_sha: plan.headSha,
    path: `.github/workflows/${plan.workflowFile}`,
    display_title: `Run ${plan.workflowName} on ${plan.headBranch}`,
    run_number: plan.runNumber,
    event: plan.event,
    status: finished ? "completed" : "in_progress",
    conclusion: finished ? failed ? "failure" : "success" : null,
    workflow_id: plan.workflowId,
    check_suite_id: runId + 7,
    check_suite_node_id: nodeId("CS", runId + 7),
    url: runUrl,
    html_url: `${WEB}/${owner}/${repo}/actions/runs/${runId}`,
    pull_requests: [],
    created_at: isoSeconds(created),
    updated_at: isoSeconds(finished ? lastChange : readAt),
    actor: user,
    run_attempt: attempt,
    referenced_workflows: (plan.referencedWorkflows ?? []).map((path) => ({
      path,
      sha: plan.headSha,
      ref: `refs/heads/${plan.headBranch}`
    })),
    run_started_at: isoSeconds(created),
    triggering_actor: user,
    jobs_url: `${runUrl}/jobs`,
    logs_url: `${runUrl}/attempts/${attempt}/logs`,
    check_suite_url: `${API}/repos/${owner}/${repo}/check-suites/${runId + 7}`,
    artifacts_url: `${runUrl}/artifacts`,
    cancel_url: `${runUrl}/cancel`,
    rerun_url: `${runUrl}/rerun`,
    previous_attempt_url: attempt > 1 ? `${runUrl}/attempts/${attempt - 1}` : null,
    workflow_url: `${API}/repos/${owner}/${repo}/actions/workflows/${plan.workflowId}`,
    head_commit: {
      id: plan.headSha,
      tree_id: digest(`tree ${plan.headSha}`, 40),
      message: `Change for ${plan.headBranch}`,
      timestamp: isoSeconds(commitTime),
      author: { name: "Mona Octocat", email: "mona@example.com" },
      committer: { name: "GitHub", email: "noreply@github.com" }
    },
    repository: repositoryBody(owner, repo),
    head_repository: repositoryBody(owner, repo)
  };
}
function buildAttempt(plan) {
  const timed = schedule(plan);
  const readAt = plan.readAt === void 0 ? Math.max(...timed.map((job) => job.completedAt)) : parseTime(plan.readAt, "readAt");
  const listedOrder = timed.map((job, index) => ({ job, index })).filter(({ job }) => job.createdAt <= readAt).sort((a, b2) => a.job.createdAt - b2.job.createdAt || a.index - b2.index);
  const jobs = listedOrder.map(({ job }, i) => jobBody(plan, job, plan.firstJobId + i, readAt));
  return { run: runBody(plan, timed, jobs, readAt), jobs: { total_count: jobs.length, jobs } };
}
function cacheUsageBody(owner, repo, bytes, count) {
  return {
    full_name: `${owner}/${repo}`,
    active_caches_size_in_bytes: bytes,
    active_caches_count: count
  };
}

// src/rehearsal/simulated-run.ts
var OWNER = "octo-org";
var REPO = "octo-repo";
var WORKFLOW_ID = 161335;
function runnerFor(labels, n) {
  return labels.includes("self-hosted") ? {
    name: `${labels.at(-1) ?? "self-hosted"}-${n}`,
    id: 500 + n,
    groupId: 2,
    groupName: "Default"
  } : { name: `GitHub Actions ${n}`, id: 100 + n, groupId: 0, groupName: "GitHub Actions" };
}
function stepPlan(name, startedMs, endedMs, ok) {
  return { name, seconds: (endedMs - startedMs) / 1e3, ...ok ? {} : { conclusion: "failure" } };
}
var SimulatedRun = class {
  #init;
  #createdAt;
  #legs = [];
  #logs = /* @__PURE__ */ new Map();
  #attempt;
  constructor(init, createdAtMs = Date.now()) {
    this.#init = init;
    this.#createdAt = isoSeconds(createdAtMs);
  }
  /** Serves the run on `api`; what it answers grows as legs finish. */
  serve(api) {
    const current = () => this.#attempt;
    const baseline = this.#init.baseline;
    const usageNow = this.#init.cacheUsage;
    const served = {
      owner: OWNER,
      repo: REPO,
      get attempts() {
        const attempt = current();
        return attempt === void 0 ? [] : [attempt];
      },
      plan: { workflowId: WORKFLOW_ID, workflowFile: this.#init.workflowFile },
      workflowFiles: { [`.github/workflows/${this.#init.workflowFile}`]: this.#init.workflowText },
      get cacheUsage() {
        const usage = usageNow?.() ?? { bytes: 0, count: 0 };
        return cacheUsageBody(OWNER, REPO, usage.bytes, usage.count);
      },
      baseline,
      workflowRuns: baseline === void 0 ? [] : [baseline.run]
    };
    serveScenario(api, served, { logs: this.#logs });
  }
  /** Adds a finished leg (a skipped job is a leg with `skipped` and no steps). */
  add(leg) {
    this.#legs.push(leg);
    const attempt = buildAttempt(this.#plan());
    this.#attempt = attempt;
    const byName = /* @__PURE__ */ new Map();
    for (const finished of this.#legs) {
      byName.set(finished.job.name, [...byName.get(finished.job.name) ?? [], finished]);
    }
    for (const job of attempt.jobs.jobs) {
      const finished = byName.get(job.name)?.shift();
      if (finished !== void 0) this.#logs.set(job.id, legLog(job, finished.output));
    }
  }
  /** The attempt as the API shows it now; undefined before the first leg finished. */
  attempt() {
    return this.#attempt;
  }
  /** The run as the runs listing shows it, once it has finished. */
  listing() {
    return this.#attempt?.run;
  }
  #plan() {
    const init = this.#init;
    return {
      owner: OWNER,
      repo: REPO,
      runId: init.runId,
      createdAt: this.#createdAt,
      workflowName: init.workflowName,
      workflowFile: init.workflowFile,
      workflowId: WORKFLOW_ID,
      runNumber: init.runNumber,
      event: init.event,
      headBranch: init.headBranch,
      headSha: init.headSha,
      firstJobId: init.runId * 100,
      jobs: this.#legs.map((leg) => leg.job),
      // Times are what the steps took here: no queue or start-up delays are made up.
      startDelaySeconds: 0,
      needsDelaySeconds: 0
    };
  }
};
function legLog(job, output) {
  const lines = [];
  for (const [i, step] of job.steps.entries()) {
    if (step.started_at === null) continue;
    const at = new Date(Date.parse(step.started_at)).toISOString().replace("Z", "0000Z");
    lines.push(`${at} ##[group]${step.name}`, `${at} ##[endgroup]`);
    for (const line of (output[i] ?? "").split("\n")) if (line !== "") lines.push(`${at} ${line}`);
  }
  return `\uFEFF${lines.join("\n")}
`;
}

// src/rehearsal/workflow-run.ts
var LANEKIT_STEP = /^(?:lanekit\/lanekit\/actions\/([\w-]+)@.+|\.\/actions\/([\w-]+))$/;
var RUN_ID = 42;
var HEAD_SHA = "b".repeat(40);
var needsOf = (job) => job.needs === void 0 ? [] : typeof job.needs === "string" ? [job.needs] : job.needs;
function schedule2(jobs) {
  const order = [];
  const visit = (id, path) => {
    if (order.includes(id)) return;
    if (path.includes(id)) throw new Error(`needs cycle: ${[...path, id].join(" -> ")}`);
    const job = jobs[id];
    if (!job) throw new Error(`unknown job '${id}' in needs`);
    for (const need of needsOf(job)) visit(need, [...path, id]);
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, []);
  return order;
}
function dispatchInputs(workflow, event) {
  if (event.name !== "workflow_dispatch") return {};
  const on = workflow.on;
  const defaults = Object.fromEntries(
    Object.entries(on.workflow_dispatch?.inputs ?? {}).map(([name, spec]) => [
      name,
      spec.default ?? ""
    ])
  );
  const given = event.payload?.inputs ?? {};
  return { ...defaults, ...given };
}
function stepInputs(value, where) {
  if (value === void 0) return {};
  if (typeof value !== "object" || value === null)
    throw new Error(`${where}: with: is not a mapping`);
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (typeof item === "object" && item !== null) {
        throw new Error(`${where}: input ${key} is an ${Array.isArray(item) ? "array" : "object"}`);
      }
      return [key, toText(item)];
    })
  );
}
function jobPlan(id, spec) {
  const always = typeof spec.if === "string" && /\b(?:always|failure|cancelled)\(\)/.test(spec.if);
  return {
    key: id,
    name: id,
    labels: [],
    runner: runnerFor([], 0),
    needs: needsOf(spec),
    always,
    queueSeconds: 0,
    setupSeconds: 0,
    steps: []
  };
}
function runnerLabels(runsOn) {
  if (typeof runsOn === "string") return [runsOn];
  if (Array.isArray(runsOn)) return runsOn.map((label) => toText(label));
  return [];
}
function legName(id, spec, matrix, context) {
  if (spec.name !== void 0) return evaluateValue(spec.name, context);
  const values = Object.values(matrix);
  return values.length === 0 ? id : `${id} (${values.map(toText).join(", ")})`;
}
function textValues(value, where) {
  if (value === null || value === void 0) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new Error(`${where}: not a mapping`);
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, toText(item)])
  );
}
var RUN_STEP_TIMEOUT_MS = 3e5;
var SHELLS = {
  bash: ["bash", "--noprofile", "--norc", "-eo", "pipefail"],
  sh: ["sh", "-e"]
};
var LegRuntime = class {
  temp;
  exported = {};
  #paths = [];
  #runner;
  #steps = 0;
  constructor(root, runner) {
    this.temp = mkdtempSync3(join9(root, "runner-temp-"));
    this.#runner = runner;
  }
  /** A step's variables over the runner's: `env` (workflow, job, step), RUNNER_TEMP, PATH. */
  stepEnv(env) {
    const path = [...this.#paths, this.#runner.PATH ?? process.env.PATH ?? ""].join(":");
    return { ...env, ...this.#runner, RUNNER_TEMP: this.temp, PATH: path };
  }
  /** Takes what a step wrote to GITHUB_ENV and GITHUB_PATH for the steps after it. */
  carry(result) {
    Object.assign(this.exported, result.exportedEnv);
    this.#paths.unshift(...result.addedPath.toReversed());
  }
  /** Runs a `run:` step's script in its shell, with the runner's file commands. */
  async runShell(script, step) {
    const shell = SHELLS[step.shell ?? "bash"];
    if (shell === void 0) throw new Error(`shell ${String(step.shell)} is not simulated`);
    const dir = join9(this.temp, "_runner_file_commands", String(this.#steps++));
    mkdirSync4(dir, { recursive: true });
    const files = stepFiles(dir, step.event.payload);
    const scriptFile = join9(dir, "script.sh");
    writeFileSync5(scriptFile, script);
    const env = {
      HOME: process.env.HOME ?? this.temp,
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: step.event.name,
      GITHUB_WORKSPACE: step.workspace,
      GITHUB_REPOSITORY: "octo-org/octo-repo",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_RUN_ATTEMPT: "1",
      RUNNER_OS: "Linux",
      ...this.stepEnv(step.env),
      ...files
    };
    const [command, ...args] = shell;
    return runStepProcess(
      command,
      [...args, scriptFile],
      { cwd: step.cwd, env, timeoutMs: RUN_STEP_TIMEOUT_MS },
      files
    );
  }
};
async function simulateWorkflow(options) {
  const text = readFileSync4(options.workflowFile, "utf8");
  const workflowPath = `.github/workflows/${basename(options.workflowFile)}`;
  mkdirSync4(dirname6(join9(options.workspace, workflowPath)), { recursive: true });
  writeFileSync5(join9(options.workspace, workflowPath), text);
  const workflow = (0, import_yaml2.parse)(text);
  const jobs = /* @__PURE__ */ new Map();
  const steps = [];
  const token = options.api ? "ghs_simulated" : "";
  const { api } = options;
  const runId = options.runId ?? RUN_ID;
  const headSha = options.headSha ?? HEAD_SHA;
  const run = new SimulatedRun({
    runId,
    runNumber: runId,
    workflowName: workflow.name ?? workflowPath,
    workflowFile: basename(options.workflowFile),
    workflowText: text,
    event: options.event.name,
    headBranch: options.headBranch ?? "main",
    headSha,
    ...options.baseline ? { baseline: options.baseline } : {},
    ...options.cacheUsage ? { cacheUsage: options.cacheUsage } : {}
  });
  if (api) run.serve(api);
  const github = {
    event_name: options.event.name,
    event: options.event.payload,
    token,
    repository: "octo-org/octo-repo",
    sha: headSha,
    run_id: String(runId),
    run_attempt: "1"
  };
  const inputs = dispatchInputs(workflow, options.event);
  const workflowEnv = evaluateValue(workflow.env ?? {}, { contexts: { github, inputs } });
  const temp = mkdtempSync3(join9(tmpdir3(), "lanekit-simulated-run-"));
  try {
    await runJobs();
  } finally {
    rmSync4(temp, { recursive: true, force: true });
  }
  return { jobs, steps, attempt: run.attempt() };
  async function runJobs() {
    for (const id of schedule2(workflow.jobs)) {
      const spec = workflow.jobs[id];
      const needs = {};
      for (const need of needsOf(spec)) {
        const done2 = jobs.get(need);
        needs[need] = { result: done2.result, outputs: { ...done2.outputs } };
      }
      const results = Object.values(needs).map((n) => n.result);
      const status = results.includes("failure") ? "failure" : results.includes("skipped") ? "skipped" : "success";
      const jobContext = {
        contexts: {
          github: { ...github, job: id },
          inputs,
          env: workflowEnv,
          needs,
          vars: {},
          secrets: {}
        },
        status
      };
      if (!evaluateCondition(spec.if, jobContext)) {
        const skipped = { id, result: "skipped", outputs: {}, legs: [] };
        jobs.set(id, skipped);
        options.onJob?.(skipped);
        run.add({
          job: { ...jobPlan(id, spec), name: spec.name ?? id, skipped: true },
          output: []
        });
        continue;
      }
      const matrices = spec.strategy?.matrix ? expandMatrix(evaluateValue(spec.strategy.matrix, jobContext)) : [{}];
      const legs = [];
      let outputs = {};
      let failed = false;
      for (const [index, matrix] of matrices.entries()) {
        const strategy = { "job-index": index, "job-total": matrices.length };
        const legContext = {
          contexts: { ...jobContext.contexts, matrix, strategy, steps: {} },
          status: "success"
        };
        const stepsContext = {};
        const jobEnv = textValues(evaluateValue(spec.env ?? {}, legContext), `jobs.${id}.env`);
        const leg = new LegRuntime(temp, {
          ...options.legEnv?.(id, matrix, index),
          GITHUB_JOB: id,
          GITHUB_RUN_ID: String(runId),
          GITHUB_WORKFLOW_REF: `octo-org/octo-repo/${workflowPath}@refs/heads/main`,
          GITHUB_WORKFLOW_SHA: headSha,
          ...api ? { GITHUB_API_URL: api.url } : {}
        });
        const continueOnError = evaluateValue(spec["continue-on-error"] ?? false, legContext);
        let conclusion = options.legOutcome?.(id, matrix) ?? "success";
        const stepPlans = [];
        const stepOutput = [];
        for (const step of spec.steps ?? []) {
          const baseEnv = { ...leg.exported, ...workflowEnv, ...jobEnv };
          const contexts2 = { ...legContext.contexts, steps: stepsContext, env: baseEnv };
          const status2 = conclusion === "success" ? "success" : "failure";
          if (!evaluateCondition(step.if, { contexts: contexts2, status: status2 })) continue;
          const where = `jobs.${id}.steps.${step.id ?? step.name ?? step.uses ?? "run"}`;
          const stepEnv = {
            ...baseEnv,
            ...textValues(evaluateValue(step.env ?? {}, { contexts: contexts2, status: status2 }), `${where}.env`)
          };
          const stepContext = { contexts: { ...contexts2, env: stepEnv }, status: status2 };
          const match = LANEKIT_STEP.exec(step.uses ?? "");
          let ran;
          const startedMs = Date.now();
          if (match) {
            const action = match[1] ?? match[2];
            const inputs2 = stepInputs(evaluateValue(step.with, stepContext), where);
            const result = await runAction2(action, {
              workspace: options.workspace,
              event: options.event,
              inputs: inputs2,
              token,
              env: leg.stepEnv(textValues(stepEnv, where))
            });
            ran = { action, inputs: inputs2, result };
          } else if (step.run !== void 0 && options.runSteps) {
            const script = toText(evaluateValue(step.run, stepContext));
            const result = await leg.runShell(script, {
              env: textValues(stepEnv, where),
              shell: step.shell,
              cwd: join9(options.workspace, step["working-directory"] ?? ""),
              event: options.event,
              workspace: options.workspace
            });
            ran = { action: "run", inputs: {}, result };
          } else {
            continue;
          }
          leg.carry(ran.result);
          const stepName = step.name ?? `Run ${step.uses ?? (step.run ?? "").trim().split("\n")[0]}`;
          stepPlans.push(stepPlan(stepName, startedMs, Date.now(), ran.result.exitCode === 0));
          stepOutput.push(`${ran.result.stdout}${ran.result.stderr}`);
          steps.push({ job: id, id: step.id, matrix, ...ran });
          if (step.id)
            stepsContext[step.id] = {
              outputs: { ...ran.result.outputs },
              outcome: ran.result.exitCode === 0 ? "success" : "failure"
            };
          if (ran.result.exitCode !== 0) conclusion = "failure";
        }
        const contexts = { ...legContext.contexts, steps: stepsContext };
        if (conclusion === "failure" && stepPlans.every((s) => s.conclusion !== "failure")) {
          stepPlans.push({ name: "Run the failing step", seconds: 0, conclusion: "failure" });
        }
        const labels = runnerLabels(evaluateValue(spec["runs-on"], legContext));
        run.add({
          job: {
            ...jobPlan(id, spec),
            name: toText(legName(id, spec, matrix, legContext)),
            labels,
            runner: runnerFor(labels, index + 1),
            steps: stepPlans
          },
          output: stepOutput
        });
        legs.push({
          matrix,
          name: legName(id, spec, matrix, legContext),
          runsOn: evaluateValue(spec["runs-on"], legContext),
          continueOnError,
          env: evaluateValue(spec.env ?? {}, legContext),
          conclusion
        });
        if (conclusion === "failure" && continueOnError !== true) failed = true;
        outputs = Object.fromEntries(
          Object.entries(spec.outputs ?? {}).map(([name, expression]) => [
            name,
            toText(evaluateValue(expression, { contexts, status: "success" }))
          ])
        );
      }
      const done = { id, result: failed ? "failure" : "success", outputs, legs };
      jobs.set(id, done);
      options.onJob?.(done);
    }
  }
}

// src/rehearsal/rehearsal.ts
var FEATURE_RUN_ID = 7002;
var BASELINE_RUN_ID = 7001;
function requireAzurite() {
  try {
    createRequire2(join10(ROOT, "package.json")).resolve("azurite/package.json");
  } catch {
    throw new ConfigurationError(
      "lanekit rehearse needs Azurite (the blob store behind the local cache and artifact services), which is not installed; run 'npm ci' in the lanekit checkout, or 'npm install --no-save azurite'"
    );
  }
}
function requireCargo() {
  try {
    findCargo();
  } catch (error) {
    throw new ConfigurationError(
      `lanekit rehearse runs the warm-up's real cargo fetch: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}
var Services = class {
  #closers = [];
  async add(part) {
    const started = await part;
    this.#closers.push(() => started.close());
    return started;
  }
  async close() {
    await Promise.allSettled(this.#closers.map((close) => close()));
  }
};
async function rehearse(options) {
  requireAzurite();
  requireCargo();
  const scratch = mkdtempSync4(join10(tmpdir4(), "lanekit-rehearsal-"));
  const services = new Services();
  let sample;
  const phases = [];
  let mark = performance.now();
  const phase = (name) => {
    const now = performance.now();
    phases.push({ name, ms: Math.round(now - mark) });
    mark = now;
  };
  try {
    const azurite = await services.add(Azurite.start());
    const twirp = await services.add(TwirpServer.start());
    const [cache, artifacts, api, registry] = await Promise.all([
      services.add(CacheService.start({ azurite, twirp })),
      services.add(ArtifactService.start({ azurite, twirp })),
      services.add(GitHubApiServer.start()),
      services.add(startSampleRegistry(join10(scratch, "crates")))
    ]);
    phase("services: Azurite, Twirp, REST API, Cargo registry");
    sample = await buildSampleRepository(registry, scratch);
    phase("sample repository: history, cargo and npm lockfiles");
    const local = { cache, artifacts, api, registry, sample, scratch };
    options.progress(`baseline: push to main (${sample.mainSha.slice(0, 7)})`);
    const baseline = await runOnce(local, options, {
      runId: BASELINE_RUN_ID,
      branch: "main",
      sha: sample.mainSha,
      event: { name: "push", payload: pushPayload(sample.mainSha) }
    });
    phase("baseline run");
    options.progress(
      `feature: workflow_dispatch on ${sample.featureBranch} with lanes=${options.lanes}`
    );
    const feature = await runOnce(local, options, {
      runId: FEATURE_RUN_ID,
      branch: sample.featureBranch,
      sha: sample.featureSha,
      event: {
        name: "workflow_dispatch",
        payload: dispatchPayload(sample.featureBranch, options.lanes)
      },
      ...baseline.attempt ? { baseline: baseline.attempt } : {}
    });
    phase("feature run");
    return {
      workflow: basename2(options.workflowFile),
      runs: [
        { title: "Baseline: push to main", event: "push", branch: "main", simulation: baseline },
        {
          title: `Feature branch, lanes: ${options.lanes}`,
          event: "workflow_dispatch",
          branch: sample.featureBranch,
          simulation: feature
        }
      ],
      cache: { saves: cache.uploads, restores: cache.downloads },
      phases
    };
  } finally {
    sample?.repo.cleanup();
    await services.close();
    rmSync5(scratch, { recursive: true, force: true });
  }
}
async function runOnce(local, options, run) {
  const home = join10(local.scratch, "home");
  const ref = `refs/heads/${run.branch}`;
  let reported = 0;
  const simulation = await simulateWorkflow({
    workflowFile: options.workflowFile,
    workspace: local.sample.repo.clone({ ref: run.sha, name: `run-${run.runId}` }),
    event: run.event,
    api: local.api,
    runSteps: options.runSteps,
    runId: run.runId,
    headBranch: run.branch,
    headSha: run.sha,
    ...run.baseline ? { baseline: run.baseline } : {},
    cacheUsage: () => {
      const entries2 = local.cache.entries();
      return { bytes: entries2.reduce((sum, e) => sum + e.sizeBytes, 0), count: entries2.length };
    },
    legEnv: (job, _matrix, index) => {
      local.registry.freshHome(home);
      const jobRef = { run: String(run.runId), job: `${job}-${index}`, ref };
      return {
        HOME: home,
        PATH: pathWithCargo(),
        CARGO_TERM_COLOR: "never",
        npm_config_update_notifier: "false",
        ...local.artifacts.env(jobRef),
        // The cache token also carries the run's backend ids, which the artifact service reads.
        ...local.cache.env(jobRef)
      };
    },
    onJob: (job) => {
      reported += 1;
      const legs = job.legs.length > 1 ? ` (${job.legs.length} legs)` : "";
      options.progress(`  ${String(reported).padStart(2)} ${job.id}: ${job.result}${legs}`);
    }
  });
  return simulation;
}
function pushPayload(sha) {
  return {
    ref: "refs/heads/main",
    before: "0".repeat(40),
    after: sha,
    repository: { full_name: "octo-org/octo-repo", default_branch: "main" },
    head_commit: { id: sha, message: "Docs" }
  };
}
function dispatchPayload(branch, lanes) {
  return {
    inputs: { lanes },
    ref: `refs/heads/${branch}`,
    repository: { full_name: "octo-org/octo-repo", default_branch: "main" }
  };
}

// src/rehearsal/rehearsal-output.ts
import { copyFileSync, mkdirSync as mkdirSync5, rmSync as rmSync6, writeFileSync as writeFileSync6 } from "node:fs";
import { join as join12 } from "node:path";

// src/rehearsal/summary-page.ts
import { createRequire as createRequire3 } from "node:module";
import { join as join11 } from "node:path";

// node_modules/marked/lib/marked.esm.js
function L() {
  return { async: false, breaks: false, extensions: null, gfm: true, hooks: null, pedantic: false, renderer: null, silent: false, tokenizer: null, walkTokens: null };
}
var T = L();
function G(l3) {
  T = l3;
}
var E = { exec: () => null };
function d(l3, e = "") {
  let t = typeof l3 == "string" ? l3 : l3.source, n = { replace: (r, i) => {
    let s = typeof i == "string" ? i : i.source;
    return s = s.replace(m.caret, "$1"), t = t.replace(r, s), n;
  }, getRegex: () => new RegExp(t, e) };
  return n;
}
var be = (() => {
  try {
    return !!new RegExp("(?<=1)(?<!1)");
  } catch {
    return false;
  }
})();
var m = { codeRemoveIndent: /^(?: {1,4}| {0,3}\t)/gm, outputLinkReplace: /\\([\[\]])/g, indentCodeCompensation: /^(\s+)(?:```)/, beginningSpace: /^\s+/, endingHash: /#$/, startingSpaceChar: /^ /, endingSpaceChar: / $/, nonSpaceChar: /[^ ]/, newLineCharGlobal: /\n/g, tabCharGlobal: /\t/g, multipleSpaceGlobal: /\s+/g, blankLine: /^[ \t]*$/, doubleBlankLine: /\n[ \t]*\n[ \t]*$/, blockquoteStart: /^ {0,3}>/, blockquoteSetextReplace: /\n {0,3}((?:=+|-+) *)(?=\n|$)/g, blockquoteSetextReplace2: /^ {0,3}>[ \t]?/gm, listReplaceTabs: /^\t+/, listReplaceNesting: /^ {1,4}(?=( {4})*[^ ])/g, listIsTask: /^\[[ xX]\] /, listReplaceTask: /^\[[ xX]\] +/, anyLine: /\n.*\n/, hrefBrackets: /^<(.*)>$/, tableDelimiter: /[:|]/, tableAlignChars: /^\||\| *$/g, tableRowBlankLine: /\n[ \t]*$/, tableAlignRight: /^ *-+: *$/, tableAlignCenter: /^ *:-+: *$/, tableAlignLeft: /^ *:-+ *$/, startATag: /^<a /i, endATag: /^<\/a>/i, startPreScriptTag: /^<(pre|code|kbd|script)(\s|>)/i, endPreScriptTag: /^<\/(pre|code|kbd|script)(\s|>)/i, startAngleBracket: /^</, endAngleBracket: />$/, pedanticHrefTitle: /^([^'"]*[^\s])\s+(['"])(.*)\2/, unicodeAlphaNumeric: /[\p{L}\p{N}]/u, escapeTest: /[&<>"']/, escapeReplace: /[&<>"']/g, escapeTestNoEncode: /[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/, escapeReplaceNoEncode: /[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g, unescapeTest: /&(#(?:\d+)|(?:#x[0-9A-Fa-f]+)|(?:\w+));?/ig, caret: /(^|[^\[])\^/g, percentDecode: /%25/g, findPipe: /\|/g, splitPipe: / \|/, slashPipe: /\\\|/g, carriageReturn: /\r\n|\r/g, spaceLine: /^ +$/gm, notSpaceStart: /^\S*/, endingNewline: /\n$/, listItemRegex: (l3) => new RegExp(`^( {0,3}${l3})((?:[	 ][^\\n]*)?(?:\\n|$))`), nextBulletRegex: (l3) => new RegExp(`^ {0,${Math.min(3, l3 - 1)}}(?:[*+-]|\\d{1,9}[.)])((?:[ 	][^\\n]*)?(?:\\n|$))`), hrRegex: (l3) => new RegExp(`^ {0,${Math.min(3, l3 - 1)}}((?:- *){3,}|(?:_ *){3,}|(?:\\* *){3,})(?:\\n+|$)`), fencesBeginRegex: (l3) => new RegExp(`^ {0,${Math.min(3, l3 - 1)}}(?:\`\`\`|~~~)`), headingBeginRegex: (l3) => new RegExp(`^ {0,${Math.min(3, l3 - 1)}}#`), htmlBeginRegex: (l3) => new RegExp(`^ {0,${Math.min(3, l3 - 1)}}<(?:[a-z].*>|!--)`, "i") };
var Re = /^(?:[ \t]*(?:\n|$))+/;
var Te = /^((?: {4}| {0,3}\t)[^\n]+(?:\n(?:[ \t]*(?:\n|$))*)?)+/;
var Oe = /^ {0,3}(`{3,}(?=[^`\n]*(?:\n|$))|~{3,})([^\n]*)(?:\n|$)(?:|([\s\S]*?)(?:\n|$))(?: {0,3}\1[~`]* *(?=\n|$)|$)/;
var I = /^ {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/;
var we = /^ {0,3}(#{1,6})(?=\s|$)(.*)(?:\n+|$)/;
var F = /(?:[*+-]|\d{1,9}[.)])/;
var ie = /^(?!bull |blockCode|fences|blockquote|heading|html|table)((?:.|\n(?!\s*?\n|bull |blockCode|fences|blockquote|heading|html|table))+?)\n {0,3}(=+|-+) *(?:\n+|$)/;
var oe = d(ie).replace(/bull/g, F).replace(/blockCode/g, /(?: {4}| {0,3}\t)/).replace(/fences/g, / {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g, / {0,3}>/).replace(/heading/g, / {0,3}#{1,6}/).replace(/html/g, / {0,3}<[^\n>]+>\n/).replace(/\|table/g, "").getRegex();
var ye = d(ie).replace(/bull/g, F).replace(/blockCode/g, /(?: {4}| {0,3}\t)/).replace(/fences/g, / {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g, / {0,3}>/).replace(/heading/g, / {0,3}#{1,6}/).replace(/html/g, / {0,3}<[^\n>]+>\n/).replace(/table/g, / {0,3}\|?(?:[:\- ]*\|)+[\:\- ]*\n/).getRegex();
var j = /^([^\n]+(?:\n(?!hr|heading|lheading|blockquote|fences|list|html|table| +\n)[^\n]+)*)/;
var Pe = /^[^\n]+/;
var Q = /(?!\s*\])(?:\\[\s\S]|[^\[\]\\])+/;
var Se = d(/^ {0,3}\[(label)\]: *(?:\n[ \t]*)?([^<\s][^\s]*|<.*?>)(?:(?: +(?:\n[ \t]*)?| *\n[ \t]*)(title))? *(?:\n+|$)/).replace("label", Q).replace("title", /(?:"(?:\\"?|[^"\\])*"|'[^'\n]*(?:\n[^'\n]+)*\n?'|\([^()]*\))/).getRegex();
var $e = d(/^( {0,3}bull)([ \t][^\n]+?)?(?:\n|$)/).replace(/bull/g, F).getRegex();
var v = "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul";
var U = /<!--(?:-?>|[\s\S]*?(?:-->|$))/;
var _e = d("^ {0,3}(?:<(script|pre|style|textarea)[\\s>][\\s\\S]*?(?:</\\1>[^\\n]*\\n+|$)|comment[^\\n]*(\\n+|$)|<\\?[\\s\\S]*?(?:\\?>\\n*|$)|<![A-Z][\\s\\S]*?(?:>\\n*|$)|<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>\\n*|$)|</?(tag)(?: +|\\n|/?>)[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|<(?!script|pre|style|textarea)([a-z][\\w-]*)(?:attribute)*? */?>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|</(?!script|pre|style|textarea)[a-z][\\w-]*\\s*>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$))", "i").replace("comment", U).replace("tag", v).replace("attribute", / +[a-zA-Z:_][\w.:-]*(?: *= *"[^"\n]*"| *= *'[^'\n]*'| *= *[^\s"'=<>`]+)?/).getRegex();
var ae = d(j).replace("hr", I).replace("heading", " {0,3}#{1,6}(?:\\s|$)").replace("|lheading", "").replace("|table", "").replace("blockquote", " {0,3}>").replace("fences", " {0,3}(?:`{3,}(?=[^`\\n]*\\n)|~{3,})[^\\n]*\\n").replace("list", " {0,3}(?:[*+-]|1[.)]) ").replace("html", "</?(?:tag)(?: +|\\n|/?>)|<(?:script|pre|style|textarea|!--)").replace("tag", v).getRegex();
var Le = d(/^( {0,3}> ?(paragraph|[^\n]*)(?:\n|$))+/).replace("paragraph", ae).getRegex();
var K = { blockquote: Le, code: Te, def: Se, fences: Oe, heading: we, hr: I, html: _e, lheading: oe, list: $e, newline: Re, paragraph: ae, table: E, text: Pe };
var re = d("^ *([^\\n ].*)\\n {0,3}((?:\\| *)?:?-+:? *(?:\\| *:?-+:? *)*(?:\\| *)?)(?:\\n((?:(?! *\\n|hr|heading|blockquote|code|fences|list|html).*(?:\\n|$))*)\\n*|$)").replace("hr", I).replace("heading", " {0,3}#{1,6}(?:\\s|$)").replace("blockquote", " {0,3}>").replace("code", "(?: {4}| {0,3}	)[^\\n]").replace("fences", " {0,3}(?:`{3,}(?=[^`\\n]*\\n)|~{3,})[^\\n]*\\n").replace("list", " {0,3}(?:[*+-]|1[.)]) ").replace("html", "</?(?:tag)(?: +|\\n|/?>)|<(?:script|pre|style|textarea|!--)").replace("tag", v).getRegex();
var Me = { ...K, lheading: ye, table: re, paragraph: d(j).replace("hr", I).replace("heading", " {0,3}#{1,6}(?:\\s|$)").replace("|lheading", "").replace("table", re).replace("blockquote", " {0,3}>").replace("fences", " {0,3}(?:`{3,}(?=[^`\\n]*\\n)|~{3,})[^\\n]*\\n").replace("list", " {0,3}(?:[*+-]|1[.)]) ").replace("html", "</?(?:tag)(?: +|\\n|/?>)|<(?:script|pre|style|textarea|!--)").replace("tag", v).getRegex() };
var ze = { ...K, html: d(`^ *(?:comment *(?:\\n|\\s*$)|<(tag)[\\s\\S]+?</\\1> *(?:\\n{2,}|\\s*$)|<tag(?:"[^"]*"|'[^']*'|\\s[^'"/>\\s]*)*?/?> *(?:\\n{2,}|\\s*$))`).replace("comment", U).replace(/tag/g, "(?!(?:a|em|strong|small|s|cite|q|dfn|abbr|data|time|code|var|samp|kbd|sub|sup|i|b|u|mark|ruby|rt|rp|bdi|bdo|span|br|wbr|ins|del|img)\\b)\\w+(?!:|[^\\w\\s@]*@)\\b").getRegex(), def: /^ *\[([^\]]+)\]: *<?([^\s>]+)>?(?: +(["(][^\n]+[")]))? *(?:\n+|$)/, heading: /^(#{1,6})(.*)(?:\n+|$)/, fences: E, lheading: /^(.+?)\n {0,3}(=+|-+) *(?:\n+|$)/, paragraph: d(j).replace("hr", I).replace("heading", ` *#{1,6} *[^
]`).replace("lheading", oe).replace("|table", "").replace("blockquote", " {0,3}>").replace("|fences", "").replace("|list", "").replace("|html", "").replace("|tag", "").getRegex() };
var Ae = /^\\([!"#$%&'()*+,\-./:;<=>?@\[\]\\^_`{|}~])/;
var Ee = /^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/;
var le = /^( {2,}|\\)\n(?!\s*$)/;
var Ie = /^(`+|[^`])(?:(?= {2,}\n)|[\s\S]*?(?:(?=[\\<!\[`*_]|\b_|$)|[^ ](?= {2,}\n)))/;
var D = /[\p{P}\p{S}]/u;
var W = /[\s\p{P}\p{S}]/u;
var ue = /[^\s\p{P}\p{S}]/u;
var Ce = d(/^((?![*_])punctSpace)/, "u").replace(/punctSpace/g, W).getRegex();
var pe = /(?!~)[\p{P}\p{S}]/u;
var Be = /(?!~)[\s\p{P}\p{S}]/u;
var qe = /(?:[^\s\p{P}\p{S}]|~)/u;
var ve = d(/link|precode-code|html/, "g").replace("link", /\[(?:[^\[\]`]|(?<a>`+)[^`]+\k<a>(?!`))*?\]\((?:\\[\s\S]|[^\\\(\)]|\((?:\\[\s\S]|[^\\\(\)])*\))*\)/).replace("precode-", be ? "(?<!`)()" : "(^^|[^`])").replace("code", /(?<b>`+)[^`]+\k<b>(?!`)/).replace("html", /<(?! )[^<>]*?>/).getRegex();
var ce = /^(?:\*+(?:((?!\*)punct)|[^\s*]))|^_+(?:((?!_)punct)|([^\s_]))/;
var De = d(ce, "u").replace(/punct/g, D).getRegex();
var He = d(ce, "u").replace(/punct/g, pe).getRegex();
var he = "^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)punctSpace(\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|notPunctSpace(\\*+)(?=notPunctSpace)";
var Ze = d(he, "gu").replace(/notPunctSpace/g, ue).replace(/punctSpace/g, W).replace(/punct/g, D).getRegex();
var Ge = d(he, "gu").replace(/notPunctSpace/g, qe).replace(/punctSpace/g, Be).replace(/punct/g, pe).getRegex();
var Ne = d("^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)punctSpace(_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)", "gu").replace(/notPunctSpace/g, ue).replace(/punctSpace/g, W).replace(/punct/g, D).getRegex();
var Fe = d(/\\(punct)/, "gu").replace(/punct/g, D).getRegex();
var je = d(/^<(scheme:[^\s\x00-\x1f<>]*|email)>/).replace("scheme", /[a-zA-Z][a-zA-Z0-9+.-]{1,31}/).replace("email", /[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+(@)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+(?![-_])/).getRegex();
var Qe = d(U).replace("(?:-->|$)", "-->").getRegex();
var Ue = d("^comment|^</[a-zA-Z][\\w:-]*\\s*>|^<[a-zA-Z][\\w-]*(?:attribute)*?\\s*/?>|^<\\?[\\s\\S]*?\\?>|^<![a-zA-Z]+\\s[\\s\\S]*?>|^<!\\[CDATA\\[[\\s\\S]*?\\]\\]>").replace("comment", Qe).replace("attribute", /\s+[a-zA-Z:_][\w.:-]*(?:\s*=\s*"[^"]*"|\s*=\s*'[^']*'|\s*=\s*[^\s"'=<>`]+)?/).getRegex();
var q = /(?:\[(?:\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+[^`]*?`+(?!`)|[^\[\]\\`])*?/;
var Ke = d(/^!?\[(label)\]\(\s*(href)(?:(?:[ \t]*(?:\n[ \t]*)?)(title))?\s*\)/).replace("label", q).replace("href", /<(?:\\.|[^\n<>\\])+>|[^ \t\n\x00-\x1f]*/).replace("title", /"(?:\\"?|[^"\\])*"|'(?:\\'?|[^'\\])*'|\((?:\\\)?|[^)\\])*\)/).getRegex();
var de = d(/^!?\[(label)\]\[(ref)\]/).replace("label", q).replace("ref", Q).getRegex();
var ke = d(/^!?\[(ref)\](?:\[\])?/).replace("ref", Q).getRegex();
var We = d("reflink|nolink(?!\\()", "g").replace("reflink", de).replace("nolink", ke).getRegex();
var se = /[hH][tT][tT][pP][sS]?|[fF][tT][pP]/;
var X = { _backpedal: E, anyPunctuation: Fe, autolink: je, blockSkip: ve, br: le, code: Ee, del: E, emStrongLDelim: De, emStrongRDelimAst: Ze, emStrongRDelimUnd: Ne, escape: Ae, link: Ke, nolink: ke, punctuation: Ce, reflink: de, reflinkSearch: We, tag: Ue, text: Ie, url: E };
var Xe = { ...X, link: d(/^!?\[(label)\]\((.*?)\)/).replace("label", q).getRegex(), reflink: d(/^!?\[(label)\]\s*\[([^\]]*)\]/).replace("label", q).getRegex() };
var N = { ...X, emStrongRDelimAst: Ge, emStrongLDelim: He, url: d(/^((?:protocol):\/\/|www\.)(?:[a-zA-Z0-9\-]+\.?)+[^\s<]*|^email/).replace("protocol", se).replace("email", /[A-Za-z0-9._+-]+(@)[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![-_])/).getRegex(), _backpedal: /(?:[^?!.,:;*_'"~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_'"~)]+(?!$))+/, del: /^(~~?)(?=[^\s~])((?:\\[\s\S]|[^\\])*?(?:\\[\s\S]|[^\s~\\]))\1(?=[^~]|$)/, text: d(/^([`~]+|[^`~])(?:(?= {2,}\n)|(?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@)|[\s\S]*?(?:(?=[\\<!\[`*~_]|\b_|protocol:\/\/|www\.|$)|[^ ](?= {2,}\n)|[^a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-](?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@)))/).replace("protocol", se).getRegex() };
var Je = { ...N, br: d(le).replace("{2,}", "*").getRegex(), text: d(N.text).replace("\\b_", "\\b_| {2,}\\n").replace(/\{2,\}/g, "*").getRegex() };
var C = { normal: K, gfm: Me, pedantic: ze };
var M = { normal: X, gfm: N, breaks: Je, pedantic: Xe };
var Ve = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
var ge = (l3) => Ve[l3];
function w(l3, e) {
  if (e) {
    if (m.escapeTest.test(l3)) return l3.replace(m.escapeReplace, ge);
  } else if (m.escapeTestNoEncode.test(l3)) return l3.replace(m.escapeReplaceNoEncode, ge);
  return l3;
}
function J(l3) {
  try {
    l3 = encodeURI(l3).replace(m.percentDecode, "%");
  } catch {
    return null;
  }
  return l3;
}
function V(l3, e) {
  let t = l3.replace(m.findPipe, (i, s, a) => {
    let o = false, p = s;
    for (; --p >= 0 && a[p] === "\\"; ) o = !o;
    return o ? "|" : " |";
  }), n = t.split(m.splitPipe), r = 0;
  if (n[0].trim() || n.shift(), n.length > 0 && !n.at(-1)?.trim() && n.pop(), e) if (n.length > e) n.splice(e);
  else for (; n.length < e; ) n.push("");
  for (; r < n.length; r++) n[r] = n[r].trim().replace(m.slashPipe, "|");
  return n;
}
function z(l3, e, t) {
  let n = l3.length;
  if (n === 0) return "";
  let r = 0;
  for (; r < n; ) {
    let i = l3.charAt(n - r - 1);
    if (i === e && !t) r++;
    else if (i !== e && t) r++;
    else break;
  }
  return l3.slice(0, n - r);
}
function fe(l3, e) {
  if (l3.indexOf(e[1]) === -1) return -1;
  let t = 0;
  for (let n = 0; n < l3.length; n++) if (l3[n] === "\\") n++;
  else if (l3[n] === e[0]) t++;
  else if (l3[n] === e[1] && (t--, t < 0)) return n;
  return t > 0 ? -2 : -1;
}
function me(l3, e, t, n, r) {
  let i = e.href, s = e.title || null, a = l3[1].replace(r.other.outputLinkReplace, "$1");
  n.state.inLink = true;
  let o = { type: l3[0].charAt(0) === "!" ? "image" : "link", raw: t, href: i, title: s, text: a, tokens: n.inlineTokens(a) };
  return n.state.inLink = false, o;
}
function Ye(l3, e, t) {
  let n = l3.match(t.other.indentCodeCompensation);
  if (n === null) return e;
  let r = n[1];
  return e.split(`
`).map((i) => {
    let s = i.match(t.other.beginningSpace);
    if (s === null) return i;
    let [a] = s;
    return a.length >= r.length ? i.slice(r.length) : i;
  }).join(`
`);
}
var y = class {
  options;
  rules;
  lexer;
  constructor(e) {
    this.options = e || T;
  }
  space(e) {
    let t = this.rules.block.newline.exec(e);
    if (t && t[0].length > 0) return { type: "space", raw: t[0] };
  }
  code(e) {
    let t = this.rules.block.code.exec(e);
    if (t) {
      let n = t[0].replace(this.rules.other.codeRemoveIndent, "");
      return { type: "code", raw: t[0], codeBlockStyle: "indented", text: this.options.pedantic ? n : z(n, `
`) };
    }
  }
  fences(e) {
    let t = this.rules.block.fences.exec(e);
    if (t) {
      let n = t[0], r = Ye(n, t[3] || "", this.rules);
      return { type: "code", raw: n, lang: t[2] ? t[2].trim().replace(this.rules.inline.anyPunctuation, "$1") : t[2], text: r };
    }
  }
  heading(e) {
    let t = this.rules.block.heading.exec(e);
    if (t) {
      let n = t[2].trim();
      if (this.rules.other.endingHash.test(n)) {
        let r = z(n, "#");
        (this.options.pedantic || !r || this.rules.other.endingSpaceChar.test(r)) && (n = r.trim());
      }
      return { type: "heading", raw: t[0], depth: t[1].length, text: n, tokens: this.lexer.inline(n) };
    }
  }
  hr(e) {
    let t = this.rules.block.hr.exec(e);
    if (t) return { type: "hr", raw: z(t[0], `
`) };
  }
  blockquote(e) {
    let t = this.rules.block.blockquote.exec(e);
    if (t) {
      let n = z(t[0], `
`).split(`
`), r = "", i = "", s = [];
      for (; n.length > 0; ) {
        let a = false, o = [], p;
        for (p = 0; p < n.length; p++) if (this.rules.other.blockquoteStart.test(n[p])) o.push(n[p]), a = true;
        else if (!a) o.push(n[p]);
        else break;
        n = n.slice(p);
        let u = o.join(`
`), c = u.replace(this.rules.other.blockquoteSetextReplace, `
    $1`).replace(this.rules.other.blockquoteSetextReplace2, "");
        r = r ? `${r}
${u}` : u, i = i ? `${i}
${c}` : c;
        let g = this.lexer.state.top;
        if (this.lexer.state.top = true, this.lexer.blockTokens(c, s, true), this.lexer.state.top = g, n.length === 0) break;
        let h = s.at(-1);
        if (h?.type === "code") break;
        if (h?.type === "blockquote") {
          let R = h, f = R.raw + `
` + n.join(`
`), O = this.blockquote(f);
          s[s.length - 1] = O, r = r.substring(0, r.length - R.raw.length) + O.raw, i = i.substring(0, i.length - R.text.length) + O.text;
          break;
        } else if (h?.type === "list") {
          let R = h, f = R.raw + `
` + n.join(`
`), O = this.list(f);
          s[s.length - 1] = O, r = r.substring(0, r.length - h.raw.length) + O.raw, i = i.substring(0, i.length - R.raw.length) + O.raw, n = f.substring(s.at(-1).raw.length).split(`
`);
          continue;
        }
      }
      return { type: "blockquote", raw: r, tokens: s, text: i };
    }
  }
  list(e) {
    let t = this.rules.block.list.exec(e);
    if (t) {
      let n = t[1].trim(), r = n.length > 1, i = { type: "list", raw: "", ordered: r, start: r ? +n.slice(0, -1) : "", loose: false, items: [] };
      n = r ? `\\d{1,9}\\${n.slice(-1)}` : `\\${n}`, this.options.pedantic && (n = r ? n : "[*+-]");
      let s = this.rules.other.listItemRegex(n), a = false;
      for (; e; ) {
        let p = false, u = "", c = "";
        if (!(t = s.exec(e)) || this.rules.block.hr.test(e)) break;
        u = t[0], e = e.substring(u.length);
        let g = t[2].split(`
`, 1)[0].replace(this.rules.other.listReplaceTabs, (H) => " ".repeat(3 * H.length)), h = e.split(`
`, 1)[0], R = !g.trim(), f = 0;
        if (this.options.pedantic ? (f = 2, c = g.trimStart()) : R ? f = t[1].length + 1 : (f = t[2].search(this.rules.other.nonSpaceChar), f = f > 4 ? 1 : f, c = g.slice(f), f += t[1].length), R && this.rules.other.blankLine.test(h) && (u += h + `
`, e = e.substring(h.length + 1), p = true), !p) {
          let H = this.rules.other.nextBulletRegex(f), ee = this.rules.other.hrRegex(f), te = this.rules.other.fencesBeginRegex(f), ne = this.rules.other.headingBeginRegex(f), xe = this.rules.other.htmlBeginRegex(f);
          for (; e; ) {
            let Z = e.split(`
`, 1)[0], A;
            if (h = Z, this.options.pedantic ? (h = h.replace(this.rules.other.listReplaceNesting, "  "), A = h) : A = h.replace(this.rules.other.tabCharGlobal, "    "), te.test(h) || ne.test(h) || xe.test(h) || H.test(h) || ee.test(h)) break;
            if (A.search(this.rules.other.nonSpaceChar) >= f || !h.trim()) c += `
` + A.slice(f);
            else {
              if (R || g.replace(this.rules.other.tabCharGlobal, "    ").search(this.rules.other.nonSpaceChar) >= 4 || te.test(g) || ne.test(g) || ee.test(g)) break;
              c += `
` + h;
            }
            !R && !h.trim() && (R = true), u += Z + `
`, e = e.substring(Z.length + 1), g = A.slice(f);
          }
        }
        i.loose || (a ? i.loose = true : this.rules.other.doubleBlankLine.test(u) && (a = true));
        let O = null, Y;
        this.options.gfm && (O = this.rules.other.listIsTask.exec(c), O && (Y = O[0] !== "[ ] ", c = c.replace(this.rules.other.listReplaceTask, ""))), i.items.push({ type: "list_item", raw: u, task: !!O, checked: Y, loose: false, text: c, tokens: [] }), i.raw += u;
      }
      let o = i.items.at(-1);
      if (o) o.raw = o.raw.trimEnd(), o.text = o.text.trimEnd();
      else return;
      i.raw = i.raw.trimEnd();
      for (let p = 0; p < i.items.length; p++) if (this.lexer.state.top = false, i.items[p].tokens = this.lexer.blockTokens(i.items[p].text, []), !i.loose) {
        let u = i.items[p].tokens.filter((g) => g.type === "space"), c = u.length > 0 && u.some((g) => this.rules.other.anyLine.test(g.raw));
        i.loose = c;
      }
      if (i.loose) for (let p = 0; p < i.items.length; p++) i.items[p].loose = true;
      return i;
    }
  }
  html(e) {
    let t = this.rules.block.html.exec(e);
    if (t) return { type: "html", block: true, raw: t[0], pre: t[1] === "pre" || t[1] === "script" || t[1] === "style", text: t[0] };
  }
  def(e) {
    let t = this.rules.block.def.exec(e);
    if (t) {
      let n = t[1].toLowerCase().replace(this.rules.other.multipleSpaceGlobal, " "), r = t[2] ? t[2].replace(this.rules.other.hrefBrackets, "$1").replace(this.rules.inline.anyPunctuation, "$1") : "", i = t[3] ? t[3].substring(1, t[3].length - 1).replace(this.rules.inline.anyPunctuation, "$1") : t[3];
      return { type: "def", tag: n, raw: t[0], href: r, title: i };
    }
  }
  table(e) {
    let t = this.rules.block.table.exec(e);
    if (!t || !this.rules.other.tableDelimiter.test(t[2])) return;
    let n = V(t[1]), r = t[2].replace(this.rules.other.tableAlignChars, "").split("|"), i = t[3]?.trim() ? t[3].replace(this.rules.other.tableRowBlankLine, "").split(`
`) : [], s = { type: "table", raw: t[0], header: [], align: [], rows: [] };
    if (n.length === r.length) {
      for (let a of r) this.rules.other.tableAlignRight.test(a) ? s.align.push("right") : this.rules.other.tableAlignCenter.test(a) ? s.align.push("center") : this.rules.other.tableAlignLeft.test(a) ? s.align.push("left") : s.align.push(null);
      for (let a = 0; a < n.length; a++) s.header.push({ text: n[a], tokens: this.lexer.inline(n[a]), header: true, align: s.align[a] });
      for (let a of i) s.rows.push(V(a, s.header.length).map((o, p) => ({ text: o, tokens: this.lexer.inline(o), header: false, align: s.align[p] })));
      return s;
    }
  }
  lheading(e) {
    let t = this.rules.block.lheading.exec(e);
    if (t) return { type: "heading", raw: t[0], depth: t[2].charAt(0) === "=" ? 1 : 2, text: t[1], tokens: this.lexer.inline(t[1]) };
  }
  paragraph(e) {
    let t = this.rules.block.paragraph.exec(e);
    if (t) {
      let n = t[1].charAt(t[1].length - 1) === `
` ? t[1].slice(0, -1) : t[1];
      return { type: "paragraph", raw: t[0], text: n, tokens: this.lexer.inline(n) };
    }
  }
  text(e) {
    let t = this.rules.block.text.exec(e);
    if (t) return { type: "text", raw: t[0], text: t[0], tokens: this.lexer.inline(t[0]) };
  }
  escape(e) {
    let t = this.rules.inline.escape.exec(e);
    if (t) return { type: "escape", raw: t[0], text: t[1] };
  }
  tag(e) {
    let t = this.rules.inline.tag.exec(e);
    if (t) return !this.lexer.state.inLink && this.rules.other.startATag.test(t[0]) ? this.lexer.state.inLink = true : this.lexer.state.inLink && this.rules.other.endATag.test(t[0]) && (this.lexer.state.inLink = false), !this.lexer.state.inRawBlock && this.rules.other.startPreScriptTag.test(t[0]) ? this.lexer.state.inRawBlock = true : this.lexer.state.inRawBlock && this.rules.other.endPreScriptTag.test(t[0]) && (this.lexer.state.inRawBlock = false), { type: "html", raw: t[0], inLink: this.lexer.state.inLink, inRawBlock: this.lexer.state.inRawBlock, block: false, text: t[0] };
  }
  link(e) {
    let t = this.rules.inline.link.exec(e);
    if (t) {
      let n = t[2].trim();
      if (!this.options.pedantic && this.rules.other.startAngleBracket.test(n)) {
        if (!this.rules.other.endAngleBracket.test(n)) return;
        let s = z(n.slice(0, -1), "\\");
        if ((n.length - s.length) % 2 === 0) return;
      } else {
        let s = fe(t[2], "()");
        if (s === -2) return;
        if (s > -1) {
          let o = (t[0].indexOf("!") === 0 ? 5 : 4) + t[1].length + s;
          t[2] = t[2].substring(0, s), t[0] = t[0].substring(0, o).trim(), t[3] = "";
        }
      }
      let r = t[2], i = "";
      if (this.options.pedantic) {
        let s = this.rules.other.pedanticHrefTitle.exec(r);
        s && (r = s[1], i = s[3]);
      } else i = t[3] ? t[3].slice(1, -1) : "";
      return r = r.trim(), this.rules.other.startAngleBracket.test(r) && (this.options.pedantic && !this.rules.other.endAngleBracket.test(n) ? r = r.slice(1) : r = r.slice(1, -1)), me(t, { href: r && r.replace(this.rules.inline.anyPunctuation, "$1"), title: i && i.replace(this.rules.inline.anyPunctuation, "$1") }, t[0], this.lexer, this.rules);
    }
  }
  reflink(e, t) {
    let n;
    if ((n = this.rules.inline.reflink.exec(e)) || (n = this.rules.inline.nolink.exec(e))) {
      let r = (n[2] || n[1]).replace(this.rules.other.multipleSpaceGlobal, " "), i = t[r.toLowerCase()];
      if (!i) {
        let s = n[0].charAt(0);
        return { type: "text", raw: s, text: s };
      }
      return me(n, i, n[0], this.lexer, this.rules);
    }
  }
  emStrong(e, t, n = "") {
    let r = this.rules.inline.emStrongLDelim.exec(e);
    if (!r || r[3] && n.match(this.rules.other.unicodeAlphaNumeric)) return;
    if (!(r[1] || r[2] || "") || !n || this.rules.inline.punctuation.exec(n)) {
      let s = [...r[0]].length - 1, a, o, p = s, u = 0, c = r[0][0] === "*" ? this.rules.inline.emStrongRDelimAst : this.rules.inline.emStrongRDelimUnd;
      for (c.lastIndex = 0, t = t.slice(-1 * e.length + s); (r = c.exec(t)) != null; ) {
        if (a = r[1] || r[2] || r[3] || r[4] || r[5] || r[6], !a) continue;
        if (o = [...a].length, r[3] || r[4]) {
          p += o;
          continue;
        } else if ((r[5] || r[6]) && s % 3 && !((s + o) % 3)) {
          u += o;
          continue;
        }
        if (p -= o, p > 0) continue;
        o = Math.min(o, o + p + u);
        let g = [...r[0]][0].length, h = e.slice(0, s + r.index + g + o);
        if (Math.min(s, o) % 2) {
          let f = h.slice(1, -1);
          return { type: "em", raw: h, text: f, tokens: this.lexer.inlineTokens(f) };
        }
        let R = h.slice(2, -2);
        return { type: "strong", raw: h, text: R, tokens: this.lexer.inlineTokens(R) };
      }
    }
  }
  codespan(e) {
    let t = this.rules.inline.code.exec(e);
    if (t) {
      let n = t[2].replace(this.rules.other.newLineCharGlobal, " "), r = this.rules.other.nonSpaceChar.test(n), i = this.rules.other.startingSpaceChar.test(n) && this.rules.other.endingSpaceChar.test(n);
      return r && i && (n = n.substring(1, n.length - 1)), { type: "codespan", raw: t[0], text: n };
    }
  }
  br(e) {
    let t = this.rules.inline.br.exec(e);
    if (t) return { type: "br", raw: t[0] };
  }
  del(e) {
    let t = this.rules.inline.del.exec(e);
    if (t) return { type: "del", raw: t[0], text: t[2], tokens: this.lexer.inlineTokens(t[2]) };
  }
  autolink(e) {
    let t = this.rules.inline.autolink.exec(e);
    if (t) {
      let n, r;
      return t[2] === "@" ? (n = t[1], r = "mailto:" + n) : (n = t[1], r = n), { type: "link", raw: t[0], text: n, href: r, tokens: [{ type: "text", raw: n, text: n }] };
    }
  }
  url(e) {
    let t;
    if (t = this.rules.inline.url.exec(e)) {
      let n, r;
      if (t[2] === "@") n = t[0], r = "mailto:" + n;
      else {
        let i;
        do
          i = t[0], t[0] = this.rules.inline._backpedal.exec(t[0])?.[0] ?? "";
        while (i !== t[0]);
        n = t[0], t[1] === "www." ? r = "http://" + t[0] : r = t[0];
      }
      return { type: "link", raw: t[0], text: n, href: r, tokens: [{ type: "text", raw: n, text: n }] };
    }
  }
  inlineText(e) {
    let t = this.rules.inline.text.exec(e);
    if (t) {
      let n = this.lexer.state.inRawBlock;
      return { type: "text", raw: t[0], text: t[0], escaped: n };
    }
  }
};
var x = class l {
  tokens;
  options;
  state;
  tokenizer;
  inlineQueue;
  constructor(e) {
    this.tokens = [], this.tokens.links = /* @__PURE__ */ Object.create(null), this.options = e || T, this.options.tokenizer = this.options.tokenizer || new y(), this.tokenizer = this.options.tokenizer, this.tokenizer.options = this.options, this.tokenizer.lexer = this, this.inlineQueue = [], this.state = { inLink: false, inRawBlock: false, top: true };
    let t = { other: m, block: C.normal, inline: M.normal };
    this.options.pedantic ? (t.block = C.pedantic, t.inline = M.pedantic) : this.options.gfm && (t.block = C.gfm, this.options.breaks ? t.inline = M.breaks : t.inline = M.gfm), this.tokenizer.rules = t;
  }
  static get rules() {
    return { block: C, inline: M };
  }
  static lex(e, t) {
    return new l(t).lex(e);
  }
  static lexInline(e, t) {
    return new l(t).inlineTokens(e);
  }
  lex(e) {
    e = e.replace(m.carriageReturn, `
`), this.blockTokens(e, this.tokens);
    for (let t = 0; t < this.inlineQueue.length; t++) {
      let n = this.inlineQueue[t];
      this.inlineTokens(n.src, n.tokens);
    }
    return this.inlineQueue = [], this.tokens;
  }
  blockTokens(e, t = [], n = false) {
    for (this.options.pedantic && (e = e.replace(m.tabCharGlobal, "    ").replace(m.spaceLine, "")); e; ) {
      let r;
      if (this.options.extensions?.block?.some((s) => (r = s.call({ lexer: this }, e, t)) ? (e = e.substring(r.raw.length), t.push(r), true) : false)) continue;
      if (r = this.tokenizer.space(e)) {
        e = e.substring(r.raw.length);
        let s = t.at(-1);
        r.raw.length === 1 && s !== void 0 ? s.raw += `
` : t.push(r);
        continue;
      }
      if (r = this.tokenizer.code(e)) {
        e = e.substring(r.raw.length);
        let s = t.at(-1);
        s?.type === "paragraph" || s?.type === "text" ? (s.raw += (s.raw.endsWith(`
`) ? "" : `
`) + r.raw, s.text += `
` + r.text, this.inlineQueue.at(-1).src = s.text) : t.push(r);
        continue;
      }
      if (r = this.tokenizer.fences(e)) {
        e = e.substring(r.raw.length), t.push(r);
        continue;
      }
      if (r = this.tokenizer.heading(e)) {
        e = e.substring(r.raw.length), t.push(r);
        continue;
      }
      if (r = this.tokenizer.hr(e)) {
        e = e.substring(r.raw.length), t.push(r);
        continue;
      }
      if (r = this.tokenizer.blockquote(e)) {
        e = e.substring(r.raw.length), t.push(r);
        continue;
      }
      if (r = this.tokenizer.list(e)) {
        e = e.substring(r.raw.length), t.push(r);
        continue;
      }
      if (r = this.tokenizer.html(e)) {
        e = e.substring(r.raw.length), t.push(r);
        continue;
      }
      if (r = this.tokenizer.def(e)) {
        e = e.substring(r.raw.length);
        let s = t.at(-1);
        s?.type === "paragraph" || s?.type === "text" ? (s.raw += (s.raw.endsWith(`
`) ? "" : `
`) + r.raw, s.text += `
` + r.raw, this.inlineQueue.at(-1).src = s.text) : this.tokens.links[r.tag] || (this.tokens.links[r.tag] = { href: r.href, title: r.title }, t.push(r));
        continue;
      }
      if (r = this.tokenizer.table(e)) {
        e = e.substring(r.raw.length), t.push(r);
        continue;
      }
      if (r = this.tokenizer.lheading(e)) {
        e = e.substring(r.raw.length), t.push(r);
        continue;
      }
      let i = e;
      if (this.options.extensions?.startBlock) {
        let s = 1 / 0, a = e.slice(1), o;
        this.options.extensions.startBlock.forEach((p) => {
          o = p.call({ lexer: this }, a), typeof o == "number" && o >= 0 && (s = Math.min(s, o));
        }), s < 1 / 0 && s >= 0 && (i = e.substring(0, s + 1));
      }
      if (this.state.top && (r = this.tokenizer.paragraph(i))) {
        let s = t.at(-1);
        n && s?.type === "paragraph" ? (s.raw += (s.raw.endsWith(`
`) ? "" : `
`) + r.raw, s.text += `
` + r.text, this.inlineQueue.pop(), this.inlineQueue.at(-1).src = s.text) : t.push(r), n = i.length !== e.length, e = e.substring(r.raw.length);
        continue;
      }
      if (r = this.tokenizer.text(e)) {
        e = e.substring(r.raw.length);
        let s = t.at(-1);
        s?.type === "text" ? (s.raw += (s.raw.endsWith(`
`) ? "" : `
`) + r.raw, s.text += `
` + r.text, this.inlineQueue.pop(), this.inlineQueue.at(-1).src = s.text) : t.push(r);
        continue;
      }
      if (e) {
        let s = "Infinite loop on byte: " + e.charCodeAt(0);
        if (this.options.silent) {
          console.error(s);
          break;
        } else throw new Error(s);
      }
    }
    return this.state.top = true, t;
  }
  inline(e, t = []) {
    return this.inlineQueue.push({ src: e, tokens: t }), t;
  }
  inlineTokens(e, t = []) {
    let n = e, r = null;
    if (this.tokens.links) {
      let o = Object.keys(this.tokens.links);
      if (o.length > 0) for (; (r = this.tokenizer.rules.inline.reflinkSearch.exec(n)) != null; ) o.includes(r[0].slice(r[0].lastIndexOf("[") + 1, -1)) && (n = n.slice(0, r.index) + "[" + "a".repeat(r[0].length - 2) + "]" + n.slice(this.tokenizer.rules.inline.reflinkSearch.lastIndex));
    }
    for (; (r = this.tokenizer.rules.inline.anyPunctuation.exec(n)) != null; ) n = n.slice(0, r.index) + "++" + n.slice(this.tokenizer.rules.inline.anyPunctuation.lastIndex);
    let i;
    for (; (r = this.tokenizer.rules.inline.blockSkip.exec(n)) != null; ) i = r[2] ? r[2].length : 0, n = n.slice(0, r.index + i) + "[" + "a".repeat(r[0].length - i - 2) + "]" + n.slice(this.tokenizer.rules.inline.blockSkip.lastIndex);
    n = this.options.hooks?.emStrongMask?.call({ lexer: this }, n) ?? n;
    let s = false, a = "";
    for (; e; ) {
      s || (a = ""), s = false;
      let o;
      if (this.options.extensions?.inline?.some((u) => (o = u.call({ lexer: this }, e, t)) ? (e = e.substring(o.raw.length), t.push(o), true) : false)) continue;
      if (o = this.tokenizer.escape(e)) {
        e = e.substring(o.raw.length), t.push(o);
        continue;
      }
      if (o = this.tokenizer.tag(e)) {
        e = e.substring(o.raw.length), t.push(o);
        continue;
      }
      if (o = this.tokenizer.link(e)) {
        e = e.substring(o.raw.length), t.push(o);
        continue;
      }
      if (o = this.tokenizer.reflink(e, this.tokens.links)) {
        e = e.substring(o.raw.length);
        let u = t.at(-1);
        o.type === "text" && u?.type === "text" ? (u.raw += o.raw, u.text += o.text) : t.push(o);
        continue;
      }
      if (o = this.tokenizer.emStrong(e, n, a)) {
        e = e.substring(o.raw.length), t.push(o);
        continue;
      }
      if (o = this.tokenizer.codespan(e)) {
        e = e.substring(o.raw.length), t.push(o);
        continue;
      }
      if (o = this.tokenizer.br(e)) {
        e = e.substring(o.raw.length), t.push(o);
        continue;
      }
      if (o = this.tokenizer.del(e)) {
        e = e.substring(o.raw.length), t.push(o);
        continue;
      }
      if (o = this.tokenizer.autolink(e)) {
        e = e.substring(o.raw.length), t.push(o);
        continue;
      }
      if (!this.state.inLink && (o = this.tokenizer.url(e))) {
        e = e.substring(o.raw.length), t.push(o);
        continue;
      }
      let p = e;
      if (this.options.extensions?.startInline) {
        let u = 1 / 0, c = e.slice(1), g;
        this.options.extensions.startInline.forEach((h) => {
          g = h.call({ lexer: this }, c), typeof g == "number" && g >= 0 && (u = Math.min(u, g));
        }), u < 1 / 0 && u >= 0 && (p = e.substring(0, u + 1));
      }
      if (o = this.tokenizer.inlineText(p)) {
        e = e.substring(o.raw.length), o.raw.slice(-1) !== "_" && (a = o.raw.slice(-1)), s = true;
        let u = t.at(-1);
        u?.type === "text" ? (u.raw += o.raw, u.text += o.text) : t.push(o);
        continue;
      }
      if (e) {
        let u = "Infinite loop on byte: " + e.charCodeAt(0);
        if (this.options.silent) {
          console.error(u);
          break;
        } else throw new Error(u);
      }
    }
    return t;
  }
};
var P = class {
  options;
  parser;
  constructor(e) {
    this.options = e || T;
  }
  space(e) {
    return "";
  }
  code({ text: e, lang: t, escaped: n }) {
    let r = (t || "").match(m.notSpaceStart)?.[0], i = e.replace(m.endingNewline, "") + `
`;
    return r ? '<pre><code class="language-' + w(r) + '">' + (n ? i : w(i, true)) + `</code></pre>
` : "<pre><code>" + (n ? i : w(i, true)) + `</code></pre>
`;
  }
  blockquote({ tokens: e }) {
    return `<blockquote>
${this.parser.parse(e)}</blockquote>
`;
  }
  html({ text: e }) {
    return e;
  }
  def(e) {
    return "";
  }
  heading({ tokens: e, depth: t }) {
    return `<h${t}>${this.parser.parseInline(e)}</h${t}>
`;
  }
  hr(e) {
    return `<hr>
`;
  }
  list(e) {
    let t = e.ordered, n = e.start, r = "";
    for (let a = 0; a < e.items.length; a++) {
      let o = e.items[a];
      r += this.listitem(o);
    }
    let i = t ? "ol" : "ul", s = t && n !== 1 ? ' start="' + n + '"' : "";
    return "<" + i + s + `>
` + r + "</" + i + `>
`;
  }
  listitem(e) {
    let t = "";
    if (e.task) {
      let n = this.checkbox({ checked: !!e.checked });
      e.loose ? e.tokens[0]?.type === "paragraph" ? (e.tokens[0].text = n + " " + e.tokens[0].text, e.tokens[0].tokens && e.tokens[0].tokens.length > 0 && e.tokens[0].tokens[0].type === "text" && (e.tokens[0].tokens[0].text = n + " " + w(e.tokens[0].tokens[0].text), e.tokens[0].tokens[0].escaped = true)) : e.tokens.unshift({ type: "text", raw: n + " ", text: n + " ", escaped: true }) : t += n + " ";
    }
    return t += this.parser.parse(e.tokens, !!e.loose), `<li>${t}</li>
`;
  }
  checkbox({ checked: e }) {
    return "<input " + (e ? 'checked="" ' : "") + 'disabled="" type="checkbox">';
  }
  paragraph({ tokens: e }) {
    return `<p>${this.parser.parseInline(e)}</p>
`;
  }
  table(e) {
    let t = "", n = "";
    for (let i = 0; i < e.header.length; i++) n += this.tablecell(e.header[i]);
    t += this.tablerow({ text: n });
    let r = "";
    for (let i = 0; i < e.rows.length; i++) {
      let s = e.rows[i];
      n = "";
      for (let a = 0; a < s.length; a++) n += this.tablecell(s[a]);
      r += this.tablerow({ text: n });
    }
    return r && (r = `<tbody>${r}</tbody>`), `<table>
<thead>
` + t + `</thead>
` + r + `</table>
`;
  }
  tablerow({ text: e }) {
    return `<tr>
${e}</tr>
`;
  }
  tablecell(e) {
    let t = this.parser.parseInline(e.tokens), n = e.header ? "th" : "td";
    return (e.align ? `<${n} align="${e.align}">` : `<${n}>`) + t + `</${n}>
`;
  }
  strong({ tokens: e }) {
    return `<strong>${this.parser.parseInline(e)}</strong>`;
  }
  em({ tokens: e }) {
    return `<em>${this.parser.parseInline(e)}</em>`;
  }
  codespan({ text: e }) {
    return `<code>${w(e, true)}</code>`;
  }
  br(e) {
    return "<br>";
  }
  del({ tokens: e }) {
    return `<del>${this.parser.parseInline(e)}</del>`;
  }
  link({ href: e, title: t, tokens: n }) {
    let r = this.parser.parseInline(n), i = J(e);
    if (i === null) return r;
    e = i;
    let s = '<a href="' + e + '"';
    return t && (s += ' title="' + w(t) + '"'), s += ">" + r + "</a>", s;
  }
  image({ href: e, title: t, text: n, tokens: r }) {
    r && (n = this.parser.parseInline(r, this.parser.textRenderer));
    let i = J(e);
    if (i === null) return w(n);
    e = i;
    let s = `<img src="${e}" alt="${n}"`;
    return t && (s += ` title="${w(t)}"`), s += ">", s;
  }
  text(e) {
    return "tokens" in e && e.tokens ? this.parser.parseInline(e.tokens) : "escaped" in e && e.escaped ? e.text : w(e.text);
  }
};
var $ = class {
  strong({ text: e }) {
    return e;
  }
  em({ text: e }) {
    return e;
  }
  codespan({ text: e }) {
    return e;
  }
  del({ text: e }) {
    return e;
  }
  html({ text: e }) {
    return e;
  }
  text({ text: e }) {
    return e;
  }
  link({ text: e }) {
    return "" + e;
  }
  image({ text: e }) {
    return "" + e;
  }
  br() {
    return "";
  }
};
var b = class l2 {
  options;
  renderer;
  textRenderer;
  constructor(e) {
    this.options = e || T, this.options.renderer = this.options.renderer || new P(), this.renderer = this.options.renderer, this.renderer.options = this.options, this.renderer.parser = this, this.textRenderer = new $();
  }
  static parse(e, t) {
    return new l2(t).parse(e);
  }
  static parseInline(e, t) {
    return new l2(t).parseInline(e);
  }
  parse(e, t = true) {
    let n = "";
    for (let r = 0; r < e.length; r++) {
      let i = e[r];
      if (this.options.extensions?.renderers?.[i.type]) {
        let a = i, o = this.options.extensions.renderers[a.type].call({ parser: this }, a);
        if (o !== false || !["space", "hr", "heading", "code", "table", "blockquote", "list", "html", "def", "paragraph", "text"].includes(a.type)) {
          n += o || "";
          continue;
        }
      }
      let s = i;
      switch (s.type) {
        case "space": {
          n += this.renderer.space(s);
          continue;
        }
        case "hr": {
          n += this.renderer.hr(s);
          continue;
        }
        case "heading": {
          n += this.renderer.heading(s);
          continue;
        }
        case "code": {
          n += this.renderer.code(s);
          continue;
        }
        case "table": {
          n += this.renderer.table(s);
          continue;
        }
        case "blockquote": {
          n += this.renderer.blockquote(s);
          continue;
        }
        case "list": {
          n += this.renderer.list(s);
          continue;
        }
        case "html": {
          n += this.renderer.html(s);
          continue;
        }
        case "def": {
          n += this.renderer.def(s);
          continue;
        }
        case "paragraph": {
          n += this.renderer.paragraph(s);
          continue;
        }
        case "text": {
          let a = s, o = this.renderer.text(a);
          for (; r + 1 < e.length && e[r + 1].type === "text"; ) a = e[++r], o += `
` + this.renderer.text(a);
          t ? n += this.renderer.paragraph({ type: "paragraph", raw: o, text: o, tokens: [{ type: "text", raw: o, text: o, escaped: true }] }) : n += o;
          continue;
        }
        default: {
          let a = 'Token with "' + s.type + '" type was not found.';
          if (this.options.silent) return console.error(a), "";
          throw new Error(a);
        }
      }
    }
    return n;
  }
  parseInline(e, t = this.renderer) {
    let n = "";
    for (let r = 0; r < e.length; r++) {
      let i = e[r];
      if (this.options.extensions?.renderers?.[i.type]) {
        let a = this.options.extensions.renderers[i.type].call({ parser: this }, i);
        if (a !== false || !["escape", "html", "link", "image", "strong", "em", "codespan", "br", "del", "text"].includes(i.type)) {
          n += a || "";
          continue;
        }
      }
      let s = i;
      switch (s.type) {
        case "escape": {
          n += t.text(s);
          break;
        }
        case "html": {
          n += t.html(s);
          break;
        }
        case "link": {
          n += t.link(s);
          break;
        }
        case "image": {
          n += t.image(s);
          break;
        }
        case "strong": {
          n += t.strong(s);
          break;
        }
        case "em": {
          n += t.em(s);
          break;
        }
        case "codespan": {
          n += t.codespan(s);
          break;
        }
        case "br": {
          n += t.br(s);
          break;
        }
        case "del": {
          n += t.del(s);
          break;
        }
        case "text": {
          n += t.text(s);
          break;
        }
        default: {
          let a = 'Token with "' + s.type + '" type was not found.';
          if (this.options.silent) return console.error(a), "";
          throw new Error(a);
        }
      }
    }
    return n;
  }
};
var S = class {
  options;
  block;
  constructor(e) {
    this.options = e || T;
  }
  static passThroughHooks = /* @__PURE__ */ new Set(["preprocess", "postprocess", "processAllTokens", "emStrongMask"]);
  static passThroughHooksRespectAsync = /* @__PURE__ */ new Set(["preprocess", "postprocess", "processAllTokens"]);
  preprocess(e) {
    return e;
  }
  postprocess(e) {
    return e;
  }
  processAllTokens(e) {
    return e;
  }
  emStrongMask(e) {
    return e;
  }
  provideLexer() {
    return this.block ? x.lex : x.lexInline;
  }
  provideParser() {
    return this.block ? b.parse : b.parseInline;
  }
};
var B = class {
  defaults = L();
  options = this.setOptions;
  parse = this.parseMarkdown(true);
  parseInline = this.parseMarkdown(false);
  Parser = b;
  Renderer = P;
  TextRenderer = $;
  Lexer = x;
  Tokenizer = y;
  Hooks = S;
  constructor(...e) {
    this.use(...e);
  }
  walkTokens(e, t) {
    let n = [];
    for (let r of e) switch (n = n.concat(t.call(this, r)), r.type) {
      case "table": {
        let i = r;
        for (let s of i.header) n = n.concat(this.walkTokens(s.tokens, t));
        for (let s of i.rows) for (let a of s) n = n.concat(this.walkTokens(a.tokens, t));
        break;
      }
      case "list": {
        let i = r;
        n = n.concat(this.walkTokens(i.items, t));
        break;
      }
      default: {
        let i = r;
        this.defaults.extensions?.childTokens?.[i.type] ? this.defaults.extensions.childTokens[i.type].forEach((s) => {
          let a = i[s].flat(1 / 0);
          n = n.concat(this.walkTokens(a, t));
        }) : i.tokens && (n = n.concat(this.walkTokens(i.tokens, t)));
      }
    }
    return n;
  }
  use(...e) {
    let t = this.defaults.extensions || { renderers: {}, childTokens: {} };
    return e.forEach((n) => {
      let r = { ...n };
      if (r.async = this.defaults.async || r.async || false, n.extensions && (n.extensions.forEach((i) => {
        if (!i.name) throw new Error("extension name required");
        if ("renderer" in i) {
          let s = t.renderers[i.name];
          s ? t.renderers[i.name] = function(...a) {
            let o = i.renderer.apply(this, a);
            return o === false && (o = s.apply(this, a)), o;
          } : t.renderers[i.name] = i.renderer;
        }
        if ("tokenizer" in i) {
          if (!i.level || i.level !== "block" && i.level !== "inline") throw new Error("extension level must be 'block' or 'inline'");
          let s = t[i.level];
          s ? s.unshift(i.tokenizer) : t[i.level] = [i.tokenizer], i.start && (i.level === "block" ? t.startBlock ? t.startBlock.push(i.start) : t.startBlock = [i.start] : i.level === "inline" && (t.startInline ? t.startInline.push(i.start) : t.startInline = [i.start]));
        }
        "childTokens" in i && i.childTokens && (t.childTokens[i.name] = i.childTokens);
      }), r.extensions = t), n.renderer) {
        let i = this.defaults.renderer || new P(this.defaults);
        for (let s in n.renderer) {
          if (!(s in i)) throw new Error(`renderer '${s}' does not exist`);
          if (["options", "parser"].includes(s)) continue;
          let a = s, o = n.renderer[a], p = i[a];
          i[a] = (...u) => {
            let c = o.apply(i, u);
            return c === false && (c = p.apply(i, u)), c || "";
          };
        }
        r.renderer = i;
      }
      if (n.tokenizer) {
        let i = this.defaults.tokenizer || new y(this.defaults);
        for (let s in n.tokenizer) {
          if (!(s in i)) throw new Error(`tokenizer '${s}' does not exist`);
          if (["options", "rules", "lexer"].includes(s)) continue;
          let a = s, o = n.tokenizer[a], p = i[a];
          i[a] = (...u) => {
            let c = o.apply(i, u);
            return c === false && (c = p.apply(i, u)), c;
          };
        }
        r.tokenizer = i;
      }
      if (n.hooks) {
        let i = this.defaults.hooks || new S();
        for (let s in n.hooks) {
          if (!(s in i)) throw new Error(`hook '${s}' does not exist`);
          if (["options", "block"].includes(s)) continue;
          let a = s, o = n.hooks[a], p = i[a];
          S.passThroughHooks.has(s) ? i[a] = (u) => {
            if (this.defaults.async && S.passThroughHooksRespectAsync.has(s)) return (async () => {
              let g = await o.call(i, u);
              return p.call(i, g);
            })();
            let c = o.call(i, u);
            return p.call(i, c);
          } : i[a] = (...u) => {
            if (this.defaults.async) return (async () => {
              let g = await o.apply(i, u);
              return g === false && (g = await p.apply(i, u)), g;
            })();
            let c = o.apply(i, u);
            return c === false && (c = p.apply(i, u)), c;
          };
        }
        r.hooks = i;
      }
      if (n.walkTokens) {
        let i = this.defaults.walkTokens, s = n.walkTokens;
        r.walkTokens = function(a) {
          let o = [];
          return o.push(s.call(this, a)), i && (o = o.concat(i.call(this, a))), o;
        };
      }
      this.defaults = { ...this.defaults, ...r };
    }), this;
  }
  setOptions(e) {
    return this.defaults = { ...this.defaults, ...e }, this;
  }
  lexer(e, t) {
    return x.lex(e, t ?? this.defaults);
  }
  parser(e, t) {
    return b.parse(e, t ?? this.defaults);
  }
  parseMarkdown(e) {
    return (n, r) => {
      let i = { ...r }, s = { ...this.defaults, ...i }, a = this.onError(!!s.silent, !!s.async);
      if (this.defaults.async === true && i.async === false) return a(new Error("marked(): The async option was set to true by an extension. Remove async: false from the parse options object to return a Promise."));
      if (typeof n > "u" || n === null) return a(new Error("marked(): input parameter is undefined or null"));
      if (typeof n != "string") return a(new Error("marked(): input parameter is of type " + Object.prototype.toString.call(n) + ", string expected"));
      if (s.hooks && (s.hooks.options = s, s.hooks.block = e), s.async) return (async () => {
        let o = s.hooks ? await s.hooks.preprocess(n) : n, u = await (s.hooks ? await s.hooks.provideLexer() : e ? x.lex : x.lexInline)(o, s), c = s.hooks ? await s.hooks.processAllTokens(u) : u;
        s.walkTokens && await Promise.all(this.walkTokens(c, s.walkTokens));
        let h = await (s.hooks ? await s.hooks.provideParser() : e ? b.parse : b.parseInline)(c, s);
        return s.hooks ? await s.hooks.postprocess(h) : h;
      })().catch(a);
      try {
        s.hooks && (n = s.hooks.preprocess(n));
        let p = (s.hooks ? s.hooks.provideLexer() : e ? x.lex : x.lexInline)(n, s);
        s.hooks && (p = s.hooks.processAllTokens(p)), s.walkTokens && this.walkTokens(p, s.walkTokens);
        let c = (s.hooks ? s.hooks.provideParser() : e ? b.parse : b.parseInline)(p, s);
        return s.hooks && (c = s.hooks.postprocess(c)), c;
      } catch (o) {
        return a(o);
      }
    };
  }
  onError(e, t) {
    return (n) => {
      if (n.message += `
Please report this to https://github.com/markedjs/marked.`, e) {
        let r = "<p>An error occurred:</p><pre>" + w(n.message + "", true) + "</pre>";
        return t ? Promise.resolve(r) : r;
      }
      if (t) return Promise.reject(n);
      throw n;
    };
  }
};
var _ = new B();
function k(l3, e) {
  return _.parse(l3, e);
}
k.options = k.setOptions = function(l3) {
  return _.setOptions(l3), k.defaults = _.defaults, G(k.defaults), k;
};
k.getDefaults = L;
k.defaults = T;
k.use = function(...l3) {
  return _.use(...l3), k.defaults = _.defaults, G(k.defaults), k;
};
k.walkTokens = function(l3, e) {
  return _.walkTokens(l3, e);
};
k.parseInline = _.parseInline;
k.Parser = b;
k.parser = b.parse;
k.Renderer = P;
k.TextRenderer = $;
k.Lexer = x;
k.lexer = x.lex;
k.Tokenizer = y;
k.Hooks = S;
k.parse = k;
var Zt = k.options;
var Gt = k.setOptions;
var Nt = k.use;
var Ft = k.walkTokens;
var jt = k.parseInline;
var Ut = b.parse;
var Kt = x.lex;

// src/rehearsal/summary-page.ts
var RENDER_STATUS_ATTRIBUTE = "data-render-status";
var escapeHtml = (text) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
var markdown = new B({
  gfm: true,
  renderer: {
    code({ text, lang }) {
      return lang === "mermaid" ? `<pre class="mermaid">${escapeHtml(text)}</pre>
` : false;
    }
  }
});
function summaryBodyHtml(summaryMarkdown) {
  return markdown.parse(summaryMarkdown, { async: false });
}
function mermaidBundlePath() {
  try {
    return createRequire3(join11(ROOT, "package.json")).resolve("mermaid/dist/mermaid.min.js");
  } catch {
    return void 0;
  }
}
function htmlPage(bodyHtml, options) {
  const body = bodyHtml;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>
  body { margin: 0; background: #fff; color: #1f2328; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
  main { max-width: 1012px; margin: 0 auto; padding: 24px 32px; }
  h1, h2, h3 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
  table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
  tr:nth-child(2n) { background: #f6f8fa; }
  code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font-size: 85%; }
  pre.mermaid { background: none; text-align: center; }
  details { margin: 0 0 16px; }
  a { color: #0969da; }
</style>
</head>
<body>
<main>
${body}
</main>
${options.mermaidSrc === void 0 ? "" : `<script src="${escapeHtml(options.mermaidSrc)}"></script>`}
<script>
  (async () => {
    const status = (value, message) => {
      document.body.setAttribute(${JSON.stringify(RENDER_STATUS_ATTRIBUTE)}, value);
      if (message) document.body.setAttribute('data-render-error', message);
    };
    if (typeof mermaid === 'undefined') return status('no-mermaid');
    try {
      ${options.openDetails === true ? "document.querySelectorAll('details').forEach((d) => { d.open = true; });" : ""}
      // GitHub draws Mermaid with its default theme and strict security: no scripts, no clicks.
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
      await mermaid.run({ querySelector: 'pre.mermaid' });
      status('done');
    } catch (error) {
      status('error', String(error && error.message || error));
    }
  })();
</script>
</body>
</html>
`;
}

// src/rehearsal/rehearsal-output.ts
function legName2(run, step) {
  const job = run.simulation.jobs.get(step.job);
  const leg = job?.legs.find((l3) => JSON.stringify(l3.matrix) === JSON.stringify(step.matrix));
  return typeof leg?.name === "string" ? leg.name : step.job;
}
var fileSafe = (text) => text.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-|-$/g, "");
function runRecord(run, index, outDir) {
  const dir = `run-${index + 1}`;
  mkdirSync5(join12(outDir, dir), { recursive: true });
  const steps = run.simulation.steps.map((step, n) => {
    const leg = legName2(run, step);
    const record = {
      job: step.job,
      leg,
      action: step.action,
      exitCode: step.result.exitCode,
      ms: Math.round(step.result.durationMs),
      outputs: step.result.outputs,
      exportedEnv: step.result.exportedEnv
    };
    if (step.result.summary.trim() === "") return record;
    const file = `${dir}/${String(n + 1).padStart(2, "0")}-${fileSafe(leg)}-${step.action}.md`;
    writeFileSync6(join12(outDir, file), step.result.summary);
    return { ...record, summary: file };
  });
  return {
    title: run.title,
    event: run.event,
    branch: run.branch,
    jobs: [...run.simulation.jobs.values()].map((job) => ({
      id: job.id,
      result: job.result,
      legs: job.legs.length
    })),
    steps
  };
}
function jobsTable(record) {
  const rows = record.jobs.map(
    (job, i) => `<tr><td>${i + 1}</td><td><code>${escapeHtml(job.id)}</code></td><td>${job.result}</td><td>${job.legs}</td></tr>`
  ).join("\n");
  return `<table><thead><tr><th>#</th><th>job</th><th>result</th><th>legs</th></tr></thead><tbody>
${rows}
</tbody></table>
`;
}
function runSection(run, record) {
  const summaries = run.simulation.steps.map((step, n) => ({ step, record: record.steps[n] })).filter(({ record: r }) => r.summary !== void 0);
  const section = ({ step, record: r }) => `<section class="step"><h3>${escapeHtml(r.leg)} \xB7 <code>${step.action}</code></h3>
${summaryBodyHtml(step.result.summary)}</section>`;
  const timing = summaries.filter(({ step }) => step.action === "timing-summary");
  const others = summaries.filter(({ step }) => step.action !== "timing-summary");
  return `<h2>${escapeHtml(record.title)}</h2>
<p><code>${escapeHtml(record.event)}</code> on <code>${escapeHtml(record.branch)}</code></p>
<details><summary>Jobs, in the order they ended (${record.jobs.length})</summary>
${jobsTable(record)}</details>
${timing.map(section).join("\n")}
<details><summary>Every other step summary (${others.length})</summary>
${others.map(section).join("\n")}</details>
`;
}
function writeRehearsal(rehearsal, outDir) {
  const started = performance.now();
  rmSync6(outDir, { recursive: true, force: true });
  mkdirSync5(outDir, { recursive: true });
  const records = rehearsal.runs.map((run, i) => runRecord(run, i, outDir));
  const mermaid = mermaidBundlePath();
  if (mermaid !== void 0) copyFileSync(mermaid, join12(outDir, "mermaid.min.js"));
  const intro = `<h1>lanekit rehearsal: <code>${escapeHtml(rehearsal.workflow)}</code></h1>
<p>The workflow's lanekit steps, run on this machine against a local GitHub (REST API, cache and artifact services on Azurite, a Cargo registry) on a sample repository: first the default branch's push (the baseline), then the feature branch. <code>run:</code> steps and other actions were not run. Cache entries saved: ${rehearsal.cache.saves}; restores served: ${rehearsal.cache.restores}.</p>
`;
  const body = intro + rehearsal.runs.map((run, i) => ({ run, record: records[i] })).reverse().map(({ run, record: record2 }) => runSection(run, record2)).join("\n");
  const html = htmlPage(body, {
    title: `lanekit rehearsal: ${rehearsal.workflow}`,
    mermaidSrc: mermaid === void 0 ? void 0 : "mermaid.min.js"
  });
  writeFileSync6(join12(outDir, "index.html"), html);
  const record = {
    workflow: rehearsal.workflow,
    cache: rehearsal.cache,
    phases: [
      ...rehearsal.phases,
      { name: "output: summaries and page", ms: Math.round(performance.now() - started) }
    ],
    runs: records,
    index: "index.html",
    chartsDrawn: mermaid !== void 0
  };
  writeFileSync6(join12(outDir, "rehearsal.json"), `${JSON.stringify(record, null, 2)}
`);
  return record;
}

// src/cli/rehearse-command.ts
var DEFAULT_WORKFLOW = "examples/workflows/rust-ci.yml";
var LANE_CHOICES = ["github", "velnor", "both"];
var REHEARSE_USAGE = `Usage: lanekit rehearse [--workflow FILE] [--lanes github|velnor|both] [--run-steps] [--out DIR]
                        [--json]

Run a workflow's lanekit steps on this machine, as GitHub would run them, and write what they
reported. A sample repository with a history is built in a temp dir (a Cargo workspace locked
against a loopback registry, an npm app); local services answer as GitHub does (the REST API
for the run's jobs, logs and workflow file; the cache and artifact services over Azurite). Two
runs: a push to main (the baseline), then the feature branch dispatched on --lanes, whose new
dependency makes each lane's warm-up populate once and every fan-out job restore offline.
Other actions (checkout) are not run, nor are run: steps unless --run-steps says so.

Options:
  --workflow FILE   The workflow. Default: ${DEFAULT_WORKFLOW} of the lanekit package.
  --lanes LANES     The feature run's lanes input: ${LANE_CHOICES.join(", ")}. Default: both.
  --run-steps       Also run the run: steps, in bash as the runner does: for rust-ci.yml, cargo
                    checks, lints and tests each leg offline, and the logs show it. Needs the
                    tools those steps call (cargo clippy).
  --out DIR         Where every step summary, rehearsal.json and index.html go (the directory is
                    replaced). Default: out.
  --json            Print rehearsal.json instead of the progress lines.
  -h, --help        Print this help.

Needs: cargo (rustup), and Azurite and mermaid as 'npm ci' installs them in the lanekit checkout.
A workflow whose lanekit steps count on its own scripts is judged as if they did nothing:
rehearsed, deploy-tests.yml deploys nothing (the sample repository has no ci/deploy), so
deploy-budget-guard fails it with deploy-count = 0 (expect 1).

Exit status: 0 every job of both runs succeeded or was skipped; 1 a job failed (the page says
which); 2 a bad option, or a missing tool; 3 the rehearsal could not finish.
`;
var REHEARSE_OPTIONS = {
  workflow: { type: "string", placeholder: "FILE", expected: "a workflow file" },
  lanes: { type: "string", placeholder: "LANES", expected: `one of ${LANE_CHOICES.join("|")}` },
  out: { type: "string", placeholder: "DIR", expected: "a directory" },
  "run-steps": { type: "boolean" },
  json: { type: "boolean" }
};
async function rehearseCommand(args) {
  const line = parseCommandLine({ options: REHEARSE_OPTIONS }, args);
  if (line.help) {
    process.stdout.write(REHEARSE_USAGE);
    return 0;
  }
  const { values } = line;
  const workflowFile = resolve(values.workflow ?? join13(ROOT, DEFAULT_WORKFLOW));
  if (!existsSync4(workflowFile)) {
    throw new UsageError(`--workflow: no such file '${values.workflow ?? workflowFile}'`);
  }
  const lanes = values.lanes ?? "both";
  if (!LANE_CHOICES.includes(lanes)) {
    throw new UsageError(`--lanes: got '${lanes}', expected ${REHEARSE_OPTIONS.lanes.expected}`);
  }
  const outDir = resolve(values.out ?? "out");
  const json = values.json === true;
  const progress = (text) => {
    if (!json) process.stderr.write(`${text}
`);
  };
  const started = performance.now();
  const rehearsal = await rehearse({
    workflowFile,
    lanes,
    runSteps: values["run-steps"] === true,
    progress
  });
  const record = writeRehearsal(rehearsal, outDir);
  const failed = record.runs.flatMap(
    (run) => run.jobs.filter((job) => job.result === "failure").map((job) => `${run.title}: ${job.id}`)
  );
  if (json) {
    process.stdout.write(`${JSON.stringify(record, null, 2)}
`);
  } else {
    const shown = relative2(process.cwd(), outDir);
    const page = join13(isAbsolute(shown) || shown.startsWith("..") ? outDir : shown, record.index);
    const seconds = ((performance.now() - started) / 1e3).toFixed(1);
    process.stdout.write(
      `${failed.length === 0 ? "Every job succeeded or was skipped" : `Failed: ${failed.join("; ")}`} (${seconds} s).
Summaries: ${page}${record.chartsDrawn ? "" : " (mermaid is not installed: charts show as source)"}
`
    );
  }
  return failed.length === 0 ? 0 : 1;
}
export {
  REHEARSE_USAGE,
  rehearseCommand
};
