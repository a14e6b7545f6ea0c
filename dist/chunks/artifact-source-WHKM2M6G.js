import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  displayPath,
  expandLogPaths,
  scanFiles,
  wildcard
} from "./chunk-2X7DBBKX.js";
import "./chunk-XK3YIBFW.js";
import "./chunk-PYTXODB5.js";

// src/markers/artifact-source.ts
import { join } from "node:path";
async function scanLogArtifacts(options) {
  const { DefaultArtifactClient } = await import("./artifact-NJ27OKGP.js");
  const client = new DefaultArtifactClient();
  const patterns = options.patterns.map(wildcard);
  let artifacts;
  try {
    ({ artifacts } = await client.listArtifacts({ latest: true }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      { name: "job-log artifacts", kind: "artifact", error: `could not list artifacts: ${reason}` }
    ];
  }
  const wanted = artifacts.filter((artifact) => patterns.some((pattern) => pattern.test(artifact.name))).sort((a, b) => a.name.localeCompare(b.name));
  if (wanted.length === 0) {
    options.log.info(`no artifact of this run matched ${options.patterns.join(", ")}`);
  }
  const scanned = [];
  for (const artifact of wanted) {
    const lane = options.laneOf(artifact.name);
    const labels = { kind: "artifact", ...lane === void 0 ? {} : { lane } };
    const path = join(options.into, String(artifact.id));
    try {
      const download = await client.downloadArtifact(artifact.id, {
        path,
        ...artifact.digest === void 0 ? {} : { expectedHash: artifact.digest }
      });
      if (download.digestMismatch === true) {
        scanned.push({
          name: artifact.name,
          ...labels,
          error: "its content does not match the digest recorded at upload"
        });
        continue;
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      scanned.push({ name: artifact.name, ...labels, error: `could not download: ${reason}` });
      continue;
    }
    const { files } = await expandLogPaths([path], path);
    scanned.push(
      ...await scanFiles(
        files.map((file) => ({
          path: file,
          name: `${artifact.name}/${displayPath(file, path)}`,
          ...labels
        })),
        options.compiled,
        options.samples
      )
    );
  }
  return scanned;
}
export {
  scanLogArtifacts
};
