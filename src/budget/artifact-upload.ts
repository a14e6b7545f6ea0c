import { errorMessage } from '../common/error-message.ts';
import { ServiceError } from '../runner/errors.ts';

/**
 * Uploads `files` (under `root`) as this run's artifact `name` through the Actions artifact
 * service. It belongs beside listRunArtifacts in src/github/artifacts.ts, which has no upload yet.
 */
export async function uploadRunArtifact(
  name: string,
  files: readonly string[],
  root: string,
  retentionDays: number,
): Promise<{ id: number | undefined; size: number | undefined }> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  try {
    const { id, size } = await new DefaultArtifactClient().uploadArtifact(name, [...files], root, {
      retentionDays,
    });
    return { id, size };
  } catch (error) {
    throw new ServiceError(`could not upload artifact ${name}: ${errorMessage(error)}`);
  }
}
