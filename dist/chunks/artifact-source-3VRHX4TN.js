import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  downloadRunArtifact,
  listRunArtifacts
} from "./chunk-I4MD2II7.js";
import {
  displayPath,
  expandLogPaths,
  scanFiles
} from "./chunk-LM4QDYCW.js";
import {
  wildcard
} from "./chunk-VCFY2PB4.js";
import "./chunk-NAVPR6M6.js";
import "./chunk-JZRQ347E.js";
import {
  errorMessage
} from "./chunk-2WEQVLCG.js";
import "./chunk-PYTXODB5.js";

// src/markers/artifact-source.ts
import { join } from "node:path";
async function scanLogArtifacts(options) {
  const patterns = options.patterns.map(wildcard);
  let artifacts;
  try {
    artifacts = await listRunArtifacts();
  } catch (error) {
    return [{ name: "job-log artifacts", kind: "artifact", error: errorMessage(error) }];
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
      await downloadRunArtifact(artifact, path);
    } catch (error) {
      scanned.push({ name: artifact.name, ...labels, error: errorMessage(error) });
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
