import { errorMessage } from '../common/error-message.ts';
import { ServiceError } from '../runner/errors.ts';

/** An artifact of this run, as the Actions artifact service lists it. */
export interface RunArtifact {
  readonly id: number;
  readonly name: string;
  /** The digest recorded at upload, when the service has one. */
  readonly digest: string | undefined;
}

async function artifactClient() {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient();
}

/** Uploads `files` (under `root`) as this run's artifact `name`. */
export async function uploadRunArtifact(
  name: string,
  files: readonly string[],
  root: string,
  retentionDays: number,
): Promise<{ id: number | undefined; size: number | undefined }> {
  try {
    const { id, size } = await (
      await artifactClient()
    ).uploadArtifact(name, [...files], root, { retentionDays });
    return { id, size };
  } catch (error) {
    throw new ServiceError(`could not upload artifact ${name}: ${errorMessage(error)}`);
  }
}

/** The latest artifact of each name of this run (the runner's `ACTIONS_RESULTS_URL` service). */
export async function listRunArtifacts(): Promise<RunArtifact[]> {
  try {
    const { artifacts } = await (await artifactClient()).listArtifacts({ latest: true });
    return artifacts.map(({ id, name, digest }) => ({ id, name, digest }));
  } catch (error) {
    throw new ServiceError(`could not list artifacts: ${errorMessage(error)}`);
  }
}

/** Downloads an artifact's files into `path`, checked against the digest recorded at upload. */
export async function downloadRunArtifact(artifact: RunArtifact, path: string): Promise<void> {
  let mismatch: boolean | undefined;
  try {
    ({ digestMismatch: mismatch } = await (
      await artifactClient()
    ).downloadArtifact(artifact.id, {
      path,
      ...(artifact.digest === undefined ? {} : { expectedHash: artifact.digest }),
    }));
  } catch (error) {
    throw new ServiceError(`could not download: ${errorMessage(error)}`);
  }
  if (mismatch === true) {
    throw new ServiceError('its content does not match the digest recorded at upload');
  }
}
