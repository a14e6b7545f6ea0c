// What ArtifactService and CacheService (GitHub's Results API services, served by twirp.ts over
// Azurite) have in common: starting on shared or owned backends, per-label backend ids, and the
// request-field reader both use alike.

import { randomUUID } from 'node:crypto';
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

/** What a service runs on: its backends, its blob container, its ids. */
export class ServiceParts implements Closable {
  readonly twirp: TwirpServer;
  readonly azurite: Azurite;
  readonly container: ContainerClient;
  readonly backendIds = new BackendIds();
  readonly #owned: OwnedParts;

  private constructor(twirp: TwirpServer, azurite: Azurite, container: string, owned: OwnedParts) {
    this.twirp = twirp;
    this.azurite = azurite;
    this.container = azurite.blobService().getContainerClient(container);
    this.#owned = owned;
  }

  /**
   * Starts the parts on the `shared` backends (starting each one not given), then the
   * service with `startService`; if anything throws, closes what was started and rethrows.
   */
  static async start<S>(
    shared: SharedBackends,
    container: string,
    startService: (parts: ServiceParts) => Promise<S>,
  ): Promise<S> {
    const owned = new OwnedParts();
    try {
      const azurite = shared.azurite ?? owned.own(await Azurite.start());
      const twirp = shared.twirp ?? owned.own(await TwirpServer.start());
      const parts = new ServiceParts(twirp, azurite, container, owned);
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

  /** Closes what start() started. */
  close(): Promise<void> {
    return this.#owned.close();
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

/** A string field that must be present and non-empty. */
export function requiredString(request: JsonObject, field: string): string {
  const value = request[field];
  if (typeof value !== 'string' || value === '') {
    throw TwirpError.invalidArgument(field, 'is required');
  }
  return value;
}
