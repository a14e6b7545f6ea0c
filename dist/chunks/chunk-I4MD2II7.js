import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  ServiceError,
  errorMessage
} from "./chunk-2WEQVLCG.js";

// src/github/artifacts.ts
async function artifactClient() {
  const { DefaultArtifactClient } = await import("./artifact-6XAPJWBB.js");
  return new DefaultArtifactClient();
}
async function uploadRunArtifact(name, files, root, retentionDays) {
  try {
    const { id, size } = await (await artifactClient()).uploadArtifact(name, [...files], root, { retentionDays });
    return { id, size };
  } catch (error) {
    throw new ServiceError(`could not upload artifact ${name}: ${errorMessage(error)}`);
  }
}
async function listRunArtifacts() {
  try {
    const { artifacts } = await (await artifactClient()).listArtifacts({ latest: true });
    return artifacts.map(({ id, name, digest }) => ({ id, name, digest }));
  } catch (error) {
    throw new ServiceError(`could not list artifacts: ${errorMessage(error)}`);
  }
}
async function downloadRunArtifact(artifact, path) {
  let mismatch;
  try {
    ({ digestMismatch: mismatch } = await (await artifactClient()).downloadArtifact(artifact.id, {
      path,
      ...artifact.digest === void 0 ? {} : { expectedHash: artifact.digest }
    }));
  } catch (error) {
    throw new ServiceError(`could not download: ${errorMessage(error)}`);
  }
  if (mismatch === true) {
    throw new ServiceError("its content does not match the digest recorded at upload");
  }
}

export {
  uploadRunArtifact,
  listRunArtifacts,
  downloadRunArtifact
};
