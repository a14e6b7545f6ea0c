// GitHub's cache backend for tests: Twirp CacheService (twirp.ts) over Azurite, for the real
// @actions/cache 6.3.0 (read from its lib/). Facts:
// - The client speaks v2 only with ACTIONS_CACHE_SERVICE_V2 set and a GITHUB_SERVER_URL that
//   is not GHES (github.com, *.ghe.com, *.localhost); it reads ACTIONS_RESULTS_URL (origin)
//   and ACTIONS_RUNTIME_TOKEN. ACTIONS_CACHE_MODE (read/write/none) skips calls client-side.
// - version = sha256(paths.join('|') + '|' + compression + '|1.0'), compression being
//   'zstd-without-long' when `zstd` is on PATH, else 'gzip': other paths, other version.
// - Restore: GetCacheEntryDownloadURL {key, restore_keys, version}; 200 with ok=false is a
//   miss (returns undefined). GitHub's order: exact key, then key as a prefix, then each
//   restore key (exact, then as a prefix), newest first; first in the job's current scope
//   (branch), then in the readable scopes after it (the default branch). Only finalized
//   entries of that version. The download is a plain GET for hosts other than
//   *.blob.core.windows.net (the SDK path is taken only there), so Azurite gets one GET.
//   Any failure after the lookup (bad archive, HTTP error) is warned and restore returns
//   undefined: it never throws except for a ValidationError. A corrupt archive fails when
//   zstd reaches the damage, after tar has written what came before: a partial tree stays.
// - Save: CreateCacheEntry {key, version} -> {ok, signed_upload_url}; the SDK uploads the
//   archive with BlockBlobClient.uploadFile (one Put Blob up to 128 MiB, else 64 MiB
//   blocks, 8 at a time); then FinalizeCacheEntryUpload {key, version, size_bytes} ->
//   {ok, entry_id} and saveCache returns entry_id. Every CreateCacheEntry failure (409
//   already_exists for a key+version that exists or is being uploaded, 429 rate limit,
//   unreachable service) becomes ReserveCacheError, logged as info; a 200 ok=false whose
//   message starts "cache write denied:" (a read-only token) becomes a warning. Both return
//   -1 without throwing. Retried: 500/502/503/504 and non-JSON bodies (5 tries, 3 s then
//   x1.5); 429 is not retried (its Retry-After is printed as a warning).
// - Cache scopes ride in the token's `ac` claim: JSON [{"Scope":"refs/heads/x","Permission":n}],
//   1 read, 2 write, 3 both; entries are saved in the first writable scope.
// - JSON: snake_case; int64 as strings.

import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { BlobSASPermissions, generateBlobSASQueryParameters } from '@azure/storage-blob';
import type { ContainerClient } from '@azure/storage-blob';
import type { Azurite } from './azurite.ts';
import { BlobProxy } from './blob-proxy.ts';
import type { BlobTransfer } from './blob-proxy.ts';
import { ServiceParts, requiredString } from './results-service-parts.ts';
import type { SharedBackends } from './results-service-parts.ts';
import { TwirpError } from './twirp.ts';
import type { JsonObject, RuntimeScope, TwirpCall, TwirpFault, TwirpServer } from './twirp.ts';

export const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';

export type CacheMethod =
  'CreateCacheEntry' | 'FinalizeCacheEntryUpload' | 'GetCacheEntryDownloadURL';

/** What GitHub answers CreateCacheEntry for a token without a writable cache scope. */
export const WRITE_DENIED_MESSAGE = 'cache write denied: token has no writable scopes';
/** What GitHub answers for a key+version that exists or is being uploaded (409). */
export const ALREADY_EXISTS_MESSAGE =
  'cache entry with the same key, version, and scope already exists';

const CONTAINER = 'actions-cache';
const DEFAULT_BRANCH = 'refs/heads/main';
const PERMISSION_READ = 1;
const PERMISSION_WRITE = 2;
const SIGNED_URL_LIFETIME_MS = 60 * 60 * 1000;
/** Database ids above 2^31, as GitHub's are, so an int32 assumption shows. */
const FIRST_ENTRY_ID = 5_000_000_001;

/** A job of a workflow run, named by labels, and the cache access its token grants. */
export interface CacheJobRef {
  /** Defaults to 'run'. */
  readonly run?: string;
  /** Defaults to 'job'. */
  readonly job?: string;
  /** The run's git ref, the job's cache scope; defaults to refs/heads/main (the default branch). */
  readonly ref?: string;
  /** A read-only token, as GitHub issues to untrusted events; defaults to false. */
  readonly readOnly?: boolean;
}

export interface StoredCacheEntry {
  readonly id: number;
  readonly key: string;
  readonly version: string;
  readonly scope: string;
  /** Path of the archive in the Azurite container. */
  readonly blobName: string;
  readonly createdAt: Date;
  /** As FinalizeCacheEntryUpload reported it. */
  readonly sizeBytes: number;
}

/**
 * One CacheService request as the client saw it. `outcome`: 'created', 'write-denied',
 * 'finalized', 'hit' (the exact key), 'partial-hit' (a prefix of the key or a restore key),
 * 'miss', a Twirp error code ('already_exists', 'resource_exhausted', 'not_found'...), or
 * 'http-<status>' for a non-Twirp answer ('http-0': the connection was reset).
 */
export interface CacheRequest {
  readonly method: string;
  readonly key: string | undefined;
  readonly version: string | undefined;
  readonly restoreKeys: readonly string[];
  readonly status: number;
  readonly outcome: string;
  /** GetCacheEntryDownloadURL: the key of the entry served. */
  readonly matchedKey: string | undefined;
}

interface EntryRecord {
  readonly id: number;
  readonly key: string;
  readonly version: string;
  readonly scope: string;
  readonly blobName: string;
  readonly createdAt: Date;
  sizeBytes: number | undefined;
}

interface CacheScope {
  readonly scope: string;
  readonly permission: number;
}

export class CacheService {
  readonly twirp: TwirpServer;
  readonly azurite: Azurite;
  /** Signed URLs point here; it counts the blob transfers. */
  readonly blobs: BlobProxy;

  readonly #parts: ServiceParts;
  readonly #entries: EntryRecord[] = [];
  #nextId = FIRST_ENTRY_ID;

  private constructor(parts: ServiceParts, blobs: BlobProxy) {
    this.twirp = parts.twirp;
    this.azurite = parts.azurite;
    this.blobs = blobs;
    this.#parts = parts;
  }

  /**
   * Registers CacheService on `twirp` with its archives in `azurite`; each is started (and
   * closed by close()) when not given, so it can share both with an ArtifactService.
   */
  static start(shared: SharedBackends = {}): Promise<CacheService> {
    return ServiceParts.start(shared, CONTAINER, async (parts) => {
      const blobs = parts.own(await BlobProxy.start(parts.azurite.blobEndpoint));
      const service = new CacheService(parts, blobs);
      parts.twirp.register(CACHE_SERVICE, service.#handlers());
      return service;
    });
  }

  /** The backend ids the runtime token of `ref` carries. */
  scope(ref: CacheJobRef = {}): RuntimeScope {
    return this.#parts.backendIds.scope(ref);
  }

  /** The variables @actions/cache reads in a job step of `ref` (merge over a runner env). */
  env(ref: CacheJobRef = {}): Record<string, string> {
    const gitRef = ref.ref ?? DEFAULT_BRANCH;
    const own = ref.readOnly === true ? PERMISSION_READ : PERMISSION_READ | PERMISSION_WRITE;
    const scopes = [{ Scope: gitRef, Permission: own }];
    if (gitRef !== DEFAULT_BRANCH)
      scopes.push({ Scope: DEFAULT_BRANCH, Permission: PERMISSION_READ });
    return {
      ACTIONS_RUNTIME_TOKEN: this.twirp.runtimeToken(this.scope(ref), undefined, {
        ac: JSON.stringify(scopes),
      }),
      ACTIONS_RESULTS_URL: `${this.twirp.url}/`,
      ACTIONS_CACHE_SERVICE_V2: 'True',
      GITHUB_SERVER_URL: 'https://github.com',
    };
  }

  /**
   * env(ref) with ACTIONS_RESULTS_URL at a loopback port nothing listens on (it was bound,
   * then released): every call fails with ECONNREFUSED, as with the service unreachable.
   */
  async unreachableEnv(ref: CacheJobRef = {}): Promise<Record<string, string>> {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    server.close();
    await once(server, 'close');
    return { ...this.env(ref), ACTIONS_RESULTS_URL: `http://127.0.0.1:${port}/` };
  }

  /** Finalized entries, oldest first. */
  entries(): StoredCacheEntry[] {
    return this.#entries.flatMap(({ sizeBytes, ...entry }) =>
      sizeBytes === undefined ? [] : [{ ...entry, sizeBytes }],
    );
  }

  /** Every CacheService request, in order, faulted ones included. */
  get requests(): CacheRequest[] {
    return this.twirp.requests
      .filter((r) => r.service === CACHE_SERVICE)
      .map((r) => {
        const body = asObject(r.body);
        const reply = asObject(r.reply);
        const restoreKeys = body.restore_keys;
        return {
          method: r.method,
          key: stringField(body, 'key'),
          version: stringField(body, 'version'),
          restoreKeys: Array.isArray(restoreKeys) ? restoreKeys.map(String) : [],
          status: r.status,
          outcome: outcomeOf(r.method, r.status, body, reply),
          matchedKey: stringField(reply, 'matched_key') || undefined,
        };
      });
  }

  /** Makes the next `times` calls of `method` fail with `fault`. */
  failNext(method: CacheMethod, fault: TwirpFault, times = 1): void {
    this.twirp.failNext(CACHE_SERVICE, method, fault, times);
  }

  /** The next CreateCacheEntry is refused with 429 resource_exhausted and Retry-After, as GitHub's rate limit does. */
  rateLimitNextCreate(retryAfterSeconds = 60): void {
    this.failNext('CreateCacheEntry', {
      kind: 'twirp-error',
      code: 'resource_exhausted',
      msg: 'rate limit exceeded',
      headers: { 'retry-after': String(retryAfterSeconds) },
    });
  }

  /**
   * The next CreateCacheEntry is refused for the repository's storage quota. The client knows
   * this case only by 'insufficient usage' in the Twirp msg (UsageError); the code GitHub
   * sends with it is not documented, resource_exhausted (429) is this harness's choice.
   */
  quotaExceededNextCreate(): void {
    this.failNext('CreateCacheEntry', {
      kind: 'twirp-error',
      code: 'resource_exhausted',
      msg: 'insufficient usage to create cache entry',
    });
  }

  /** How many requests reached CacheService (`method`, when given), faulted ones included. */
  count(method?: CacheMethod): number {
    return this.twirp.count(CACHE_SERVICE, method);
  }

  /** Archives written: Put Blob or Put Block List requests Azurite accepted. */
  get uploads(): number {
    return this.#transfers((t) => t.method === 'PUT' && (t.comp === '' || t.comp === 'blocklist'));
  }

  /** Archives read: GET requests Azurite answered with content. */
  get downloads(): number {
    return this.#transfers((t) => t.method === 'GET');
  }

  /** The container holding the archives, for assertions on the stored blobs. */
  get container(): ContainerClient {
    return this.#parts.container;
  }

  /**
   * Overwrites `length` bytes of the finalized archive of `key` in the middle with their
   * complement; its size stays, so the download succeeds and the archive is garbage.
   */
  async corrupt(key: string, length = 64): Promise<void> {
    const entry = this.entries().findLast((e) => e.key === key);
    if (entry === undefined) throw new Error(`no finalized cache entry with key ${key}`);
    const blob = this.#parts.container.getBlockBlobClient(entry.blobName);
    const bytes = await blob.downloadToBuffer();
    const start = Math.max(0, Math.floor(bytes.length / 2) - Math.floor(length / 2));
    for (let i = start; i < Math.min(bytes.length, start + length); i++)
      bytes[i] = ~bytes[i]! & 0xff;
    await blob.uploadData(bytes);
  }

  /** Closes what start() started. */
  close(): Promise<void> {
    return this.#parts.close();
  }

  #transfers(matches: (transfer: BlobTransfer) => boolean): number {
    return this.blobs.transfers.filter(
      (t) => t.blob.startsWith(`${CONTAINER}/`) && t.status < 300 && matches(t),
    ).length;
  }

  #handlers() {
    return {
      CreateCacheEntry: (request: JsonObject, call: TwirpCall) => this.#create(request, call),
      FinalizeCacheEntryUpload: (request: JsonObject, call: TwirpCall) =>
        this.#finalize(request, call),
      GetCacheEntryDownloadURL: (request: JsonObject, call: TwirpCall) =>
        this.#downloadUrl(request, call),
    } satisfies Record<CacheMethod, unknown>;
  }

  #create(request: JsonObject, call: TwirpCall) {
    const key = requiredString(request, 'key');
    const version = requiredString(request, 'version');
    const scope = cacheScopes(call).find((s) => (s.permission & PERMISSION_WRITE) !== 0)?.scope;
    if (scope === undefined) {
      return { ok: false, signed_upload_url: '', message: WRITE_DENIED_MESSAGE };
    }
    const taken = this.#entries.some(
      (e) => e.scope === scope && e.key === key && e.version === version,
    );
    if (taken) throw new TwirpError('already_exists', ALREADY_EXISTS_MESSAGE);
    const id = this.#nextId++;
    const entry: EntryRecord = {
      id,
      key,
      version,
      scope,
      blobName: `${id}.archive`,
      createdAt: new Date(),
      sizeBytes: undefined,
    };
    this.#entries.push(entry);
    return { ok: true, signed_upload_url: this.#signBlobUrl(entry, 'cw') };
  }

  async #finalize(request: JsonObject, call: TwirpCall) {
    const key = requiredString(request, 'key');
    const version = requiredString(request, 'version');
    const sizeBytes = requiredInt64(request, 'size_bytes');
    const writable = new Set(
      cacheScopes(call)
        .filter((s) => (s.permission & PERMISSION_WRITE) !== 0)
        .map((s) => s.scope),
    );
    const entry = this.#entries.find(
      (e) =>
        writable.has(e.scope) &&
        e.key === key &&
        e.version === version &&
        e.sizeBytes === undefined,
    );
    if (entry === undefined) {
      throw new TwirpError('not_found', `no cache entry ${key} is being uploaded`);
    }
    if (!(await this.#parts.container.getBlobClient(entry.blobName).exists())) {
      throw new TwirpError('failed_precondition', `no content was uploaded for ${key}`);
    }
    entry.sizeBytes = sizeBytes;
    return { ok: true, entry_id: String(entry.id) };
  }

  #downloadUrl(request: JsonObject, call: TwirpCall) {
    const key = requiredString(request, 'key');
    const version = requiredString(request, 'version');
    const restoreKeys = stringList(request, 'restore_keys');
    const readable = cacheScopes(call)
      .filter((s) => (s.permission & PERMISSION_READ) !== 0)
      .map((s) => s.scope);
    for (const scope of readable) {
      // Newest first, so find() is "the most recently created".
      const candidates = this.#entries
        .filter((e) => e.scope === scope && e.version === version && e.sizeBytes !== undefined)
        .reverse();
      for (const wanted of [key, ...restoreKeys]) {
        const entry =
          candidates.find((e) => e.key === wanted) ??
          candidates.find((e) => e.key.startsWith(wanted));
        if (entry !== undefined) {
          return {
            ok: true,
            signed_download_url: this.#signBlobUrl(entry, 'r'),
            matched_key: entry.key,
          };
        }
      }
    }
    return { ok: false, signed_download_url: '', matched_key: '' };
  }

  /** A SAS URL for the entry's archive, through the counting proxy. */
  #signBlobUrl(entry: EntryRecord, permissions: 'cw' | 'r'): string {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: entry.blobName,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + SIGNED_URL_LIFETIME_MS),
      },
      this.azurite.credential,
    );
    const url = `${this.#parts.container.getBlobClient(entry.blobName).url}?${sas.toString()}`;
    return this.blobs.rewrite(url);
  }
}

/** The cache scopes of the caller's token (`ac` claim), in the order GitHub searches them. */
function cacheScopes(call: TwirpCall): CacheScope[] {
  const claim = call.claims.ac;
  if (typeof claim !== 'string') return [];
  const parsed = JSON.parse(claim) as unknown;
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((s: unknown) => {
    const { Scope, Permission } = asObject(s);
    return typeof Scope === 'string' && typeof Permission === 'number'
      ? [{ scope: Scope, permission: Permission }]
      : [];
  });
}

function outcomeOf(method: string, status: number, body: JsonObject, reply: JsonObject): string {
  if (status !== 200) return typeof reply.code === 'string' ? reply.code : `http-${status}`;
  if (method === 'CreateCacheEntry') return reply.ok === true ? 'created' : 'write-denied';
  if (method === 'FinalizeCacheEntryUpload') return 'finalized';
  if (reply.ok !== true) return 'miss';
  return reply.matched_key === body.key ? 'hit' : 'partial-hit';
}

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : {};
}

function stringField(object: JsonObject, field: string): string | undefined {
  const value = object[field];
  return typeof value === 'string' ? value : undefined;
}

function stringList(request: JsonObject, field: string): string[] {
  const value = request[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw TwirpError.invalidArgument(field, 'must be a list of strings');
  }
  return value;
}

/** An int64 (a decimal string in proto3 JSON; a number is accepted too). */
function requiredInt64(request: JsonObject, field: string): number {
  const value = request[field];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) {
    throw TwirpError.invalidArgument(field, 'is required and must be an int64');
  }
  return Number(value);
}
