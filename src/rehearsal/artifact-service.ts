// GitHub's artifact backend for tests: Twirp ArtifactService (twirp.ts) over Azurite. Facts:
// - @actions/artifact 6 reads ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL (origin only), and
//   GITHUB_SERVER_URL: a host not github.com, *.ghe.com or *.localhost is GHES, which it refuses.
// - Run/job ids are the token's scp `Actions.Results:<run>:<job>` (UUIDs, not GITHUB_RUN_ID).
// - JSON: snake_case; int64 and Int64Value are strings, StringValue bare, Timestamp RFC 3339.
// - Retried: 429/500/502/503/504 and non-JSON bodies (5 tries, 3 s then x1.5); others fail at once.
// - Upload: Azure SDK, 8 MiB staged blocks; download: plain GET, unzipped if application/zip.

import { BlobSASPermissions, generateBlobSASQueryParameters } from '@azure/storage-blob';
import type { ContainerClient } from '@azure/storage-blob';
import type { Azurite } from './azurite.ts';
import { ServiceParts, requiredString } from './results-service-parts.ts';
import type { SharedBackends } from './results-service-parts.ts';
import { TwirpError } from './twirp.ts';
import type { JsonObject, RuntimeScope, TwirpCall, TwirpFault, TwirpServer } from './twirp.ts';

export const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';

export type ArtifactMethod =
  | 'CreateArtifact'
  | 'FinalizeArtifact'
  | 'ListArtifacts'
  | 'GetSignedArtifactURL'
  | 'DeleteArtifact';

const CONTAINER = 'actions-results';
const SIGNED_URL_LIFETIME_MS = 60 * 60 * 1000;
/** Database ids above 2^31, as GitHub's are, so an int32 assumption shows. */
const FIRST_ARTIFACT_ID = 4_000_000_001;

/** A job of a workflow run, named by labels; each label gets its own backend id (a UUID). */
export interface JobRef {
  /** Defaults to 'run'. */
  readonly run?: string;
  /** Defaults to 'job'. */
  readonly job?: string;
}

export interface StoredArtifact {
  readonly id: number;
  readonly name: string;
  readonly workflowRunBackendId: string;
  readonly workflowJobRunBackendId: string;
  /** Path of the content in the Azurite container. */
  readonly blobName: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | undefined;
  /** Set by FinalizeArtifact, as the client reported them. */
  readonly size: number | undefined;
  readonly digest: string | undefined;
}

interface ArtifactRecord {
  readonly id: number;
  readonly name: string;
  readonly workflowRunBackendId: string;
  readonly workflowJobRunBackendId: string;
  readonly blobName: string;
  readonly fileName: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | undefined;
  finalized: { size: number; digest: string | undefined } | undefined;
}

export class ArtifactService {
  readonly twirp: TwirpServer;
  readonly azurite: Azurite;

  readonly #parts: ServiceParts;
  readonly #artifacts: ArtifactRecord[] = [];
  #nextId = FIRST_ARTIFACT_ID;

  private constructor(parts: ServiceParts) {
    this.twirp = parts.twirp;
    this.azurite = parts.azurite;
    this.#parts = parts;
  }

  /**
   * Registers ArtifactService on `twirp` with its content in `azurite`; each is started
   * (and closed by close()) when not given, so a CacheService can share both.
   */
  static start(shared: SharedBackends = {}): Promise<ArtifactService> {
    return ServiceParts.start(shared, CONTAINER, (parts) => {
      const service = new ArtifactService(parts);
      parts.twirp.register(ARTIFACT_SERVICE, service.#handlers());
      return Promise.resolve(service);
    });
  }

  /** The backend ids the runtime token of `ref` carries. */
  scope(ref: JobRef = {}): RuntimeScope {
    return this.#parts.backendIds.scope(ref);
  }

  /** The variables @actions/artifact reads in a job step of `ref` (merge over a runner env). */
  env(ref: JobRef = {}): Record<string, string> {
    return {
      ACTIONS_RUNTIME_TOKEN: this.twirp.runtimeToken(this.scope(ref)),
      ACTIONS_RESULTS_URL: `${this.twirp.url}/`,
      GITHUB_SERVER_URL: 'https://github.com',
    };
  }

  /** Finalized artifacts, oldest first (what ListArtifacts would list across runs). */
  artifacts(): StoredArtifact[] {
    return this.#artifacts.flatMap((a) =>
      a.finalized === undefined
        ? []
        : [
            {
              id: a.id,
              name: a.name,
              workflowRunBackendId: a.workflowRunBackendId,
              workflowJobRunBackendId: a.workflowJobRunBackendId,
              blobName: a.blobName,
              createdAt: a.createdAt,
              expiresAt: a.expiresAt,
              size: a.finalized.size,
              digest: a.finalized.digest,
            },
          ],
    );
  }

  /** Makes the next `times` calls of `method` fail with `fault`. */
  failNext(method: ArtifactMethod, fault: TwirpFault, times = 1): void {
    this.twirp.failNext(ARTIFACT_SERVICE, method, fault, times);
  }

  /** How many requests reached ArtifactService (`method`, when given), faulted ones included. */
  count(method?: ArtifactMethod): number {
    return this.twirp.count(ARTIFACT_SERVICE, method);
  }

  /** The container holding artifact content, for assertions on the stored blobs. */
  get container(): ContainerClient {
    return this.#parts.container;
  }

  /** Closes what start() started. */
  close(): Promise<void> {
    return this.#parts.close();
  }

  #handlers() {
    return {
      CreateArtifact: (request: JsonObject, call: TwirpCall) => this.#create(request, call),
      FinalizeArtifact: (request: JsonObject, call: TwirpCall) => this.#finalize(request, call),
      ListArtifacts: (request: JsonObject, call: TwirpCall) => this.#list(request, call),
      GetSignedArtifactURL: (request: JsonObject, call: TwirpCall) =>
        this.#signedUrl(request, call),
      DeleteArtifact: (request: JsonObject, call: TwirpCall) => this.#delete(request, call),
    } satisfies Record<ArtifactMethod, unknown>;
  }

  #create(request: JsonObject, call: TwirpCall) {
    const { run, job } = jobOf(request, call, { ownJob: true });
    const name = requiredString(request, 'name');
    const mimeType = optionalString(request, 'mime_type') ?? 'application/zip';
    const expiresAt = optionalTimestamp(request, 'expires_at');
    if (this.#find(run, name) !== undefined) {
      throw new TwirpError(
        'already_exists',
        'an artifact with this name already exists on the workflow run',
      );
    }
    // An unfinalized upload of the same name (a failed attempt) is replaced.
    const pending = this.#artifacts.findIndex(
      (a) => a.workflowRunBackendId === run && a.name === name,
    );
    if (pending !== -1) this.#artifacts.splice(pending, 1);
    const id = this.#nextId++;
    const isZip = mimeType === 'application/zip';
    const artifact: ArtifactRecord = {
      id,
      name,
      workflowRunBackendId: run,
      workflowJobRunBackendId: job,
      blobName: `${run}/${job}/artifacts/${id}${isZip ? '.zip' : ''}`,
      fileName: isZip ? `${name}.zip` : name,
      createdAt: new Date(),
      expiresAt,
      finalized: undefined,
    };
    this.#artifacts.push(artifact);
    return { ok: true, signed_upload_url: this.#signBlobUrl(artifact, 'cw') };
  }

  async #finalize(request: JsonObject, call: TwirpCall) {
    const { run } = jobOf(request, call, { ownJob: true });
    const name = requiredString(request, 'name');
    const size = requiredInt64(request, 'size');
    const artifact = this.#artifacts.find(
      (a) => a.workflowRunBackendId === run && a.name === name && a.finalized === undefined,
    );
    if (artifact === undefined) {
      throw new TwirpError('not_found', `no artifact named ${name} is being uploaded`);
    }
    if (!(await this.#parts.container.getBlobClient(artifact.blobName).exists())) {
      throw new TwirpError('failed_precondition', `no content was uploaded for ${name}`);
    }
    artifact.finalized = { size, digest: optionalString(request, 'hash') };
    return { ok: true, artifact_id: String(artifact.id) };
  }

  #list(request: JsonObject, call: TwirpCall) {
    const { run } = jobOf(request, call, { ownJob: false });
    const nameFilter = optionalString(request, 'name_filter');
    const idFilter = optionalInt64(request, 'id_filter');
    const artifacts = this.artifacts().filter(
      (a) =>
        a.workflowRunBackendId === run &&
        (nameFilter === undefined || a.name === nameFilter) &&
        (idFilter === undefined || a.id === idFilter),
    );
    return {
      artifacts: artifacts.map((a) => ({
        workflow_run_backend_id: a.workflowRunBackendId,
        workflow_job_run_backend_id: a.workflowJobRunBackendId,
        database_id: String(a.id),
        name: a.name,
        size: String(a.size),
        created_at: a.createdAt.toISOString(),
        ...(a.digest === undefined ? {} : { digest: a.digest }),
      })),
    };
  }

  #signedUrl(request: JsonObject, call: TwirpCall) {
    const { run } = jobOf(request, call, { ownJob: false });
    const artifact = this.#find(run, requiredString(request, 'name'));
    if (artifact === undefined) throw new TwirpError('not_found', 'artifact not found');
    return { signed_url: this.#signBlobUrl(artifact, 'r') };
  }

  async #delete(request: JsonObject, call: TwirpCall) {
    const { run } = jobOf(request, call, { ownJob: false });
    const artifact = this.#find(run, requiredString(request, 'name'));
    if (artifact === undefined) throw new TwirpError('not_found', 'artifact not found');
    await this.#parts.container.deleteBlob(artifact.blobName, { deleteSnapshots: 'include' });
    this.#artifacts.splice(this.#artifacts.indexOf(artifact), 1);
    return { ok: true, artifact_id: String(artifact.id) };
  }

  #find(run: string, name: string): ArtifactRecord | undefined {
    return this.#artifacts.find(
      (a) => a.workflowRunBackendId === run && a.name === name && a.finalized !== undefined,
    );
  }

  /** A SAS URL for the artifact's blob; downloads carry its file name in Content-Disposition. */
  #signBlobUrl(artifact: ArtifactRecord, permissions: 'cw' | 'r'): string {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: artifact.blobName,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + SIGNED_URL_LIFETIME_MS),
        ...(permissions === 'r' ? { contentDisposition: attachment(artifact.fileName) } : {}),
      },
      this.azurite.credential,
    );
    return `${this.#parts.container.getBlobClient(artifact.blobName).url}?${sas.toString()}`;
  }
}

/** The run and job a request names, checked against the caller's runtime token. */
function jobOf(
  request: JsonObject,
  call: TwirpCall,
  { ownJob }: { ownJob: boolean },
): { run: string; job: string } {
  const run = requiredString(request, 'workflow_run_backend_id');
  const job = requiredString(request, 'workflow_job_run_backend_id');
  if (run !== call.scope.workflowRunBackendId) {
    throw new TwirpError('permission_denied', `the token does not grant workflow run ${run}`);
  }
  if (ownJob && job !== call.scope.workflowJobRunBackendId) {
    throw new TwirpError('permission_denied', `the token does not grant job ${job}`);
  }
  return { run, job };
}

/** A google.protobuf.StringValue (a bare JSON string) or absent. */
function optionalString(request: JsonObject, field: string): string | undefined {
  const value = request[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw TwirpError.invalidArgument(field, 'must be a string');
  return value;
}

/** An int64 (a decimal string in proto3 JSON; a number is accepted too). */
function optionalInt64(request: JsonObject, field: string): number | undefined {
  const value = request[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
    throw TwirpError.invalidArgument(field, 'must be an int64');
  }
  return Number(value);
}

function requiredInt64(request: JsonObject, field: string): number {
  const value = optionalInt64(request, field);
  if (value === undefined) throw TwirpError.invalidArgument(field, 'is required');
  return value;
}

/** A google.protobuf.Timestamp (an RFC 3339 string) or absent. */
function optionalTimestamp(request: JsonObject, field: string): Date | undefined {
  const value = optionalString(request, field);
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw TwirpError.invalidArgument(field, 'must be an RFC 3339 timestamp');
  }
  return date;
}

function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
