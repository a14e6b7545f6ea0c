// The real @actions/artifact client, called as a step calls it, against a local ArtifactService.

import type { DefaultArtifactClient } from '@actions/artifact';
import type { ArtifactService, JobRef } from '../../src/rehearsal/artifact-service.ts';
import { bundledClient } from './bundled-client.ts';
import type { ClientPackage } from './bundled-client.ts';

const CLIENT: ClientPackage = {
  name: 'artifact',
  imports: "import { DefaultArtifactClient } from '@actions/artifact';",
  target: 'new DefaultArtifactClient()',
  timeoutMs: 120_000,
};

export type ClientMethod =
  'uploadArtifact' | 'listArtifacts' | 'getArtifact' | 'downloadArtifact' | 'deleteArtifact';

/** A value after a JSON round trip: Dates become ISO strings. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends object
    ? { [K in keyof T]: Jsonified<T[K]> }
    : T;

export interface ClientRun<M extends ClientMethod> {
  /** What the call resolved to, or undefined if it threw. */
  readonly value: Jsonified<Awaited<ReturnType<DefaultArtifactClient[M]>>> | undefined;
  readonly error: { readonly name: string; readonly message: string } | undefined;
  /** What the step printed: info lines and workflow commands (::add-mask::, ::warning::). */
  readonly stdout: string;
  readonly stderr: string;
}

export interface ClientOptions {
  /**
   * Working directory and GITHUB_WORKSPACE of the step (the client's default download path);
   * defaults to the bundle's directory.
   */
  readonly workspace?: string;
  /** Added to the step's environment, e.g. ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Calls the real DefaultArtifactClient (bundled, as an action ships it) in a fresh Node
 * process whose environment is PATH, service.env(ref), GITHUB_WORKSPACE and `options.env`
 * only: the client reads process.env at import and at call time, and prints workflow commands.
 */
export async function runArtifactClient<M extends ClientMethod>(
  service: ArtifactService,
  ref: JobRef,
  method: M,
  args: Parameters<DefaultArtifactClient[M]>,
  options: ClientOptions = {},
): Promise<ClientRun<M>> {
  const client = await bundledClient(CLIENT);
  const workspace = options.workspace ?? client.dir;
  return client.run<ClientRun<M>['value']>(method, args, {
    cwd: workspace,
    env: { ...service.env(ref), GITHUB_WORKSPACE: workspace, ...options.env },
  });
}
