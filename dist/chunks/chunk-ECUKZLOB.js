import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  parseRecordFile
} from "./chunk-7DTZBDEW.js";
import {
  downloadRunArtifact,
  listRunArtifacts,
  uploadRunArtifact
} from "./chunk-I4MD2II7.js";
import {
  shown
} from "./chunk-U6YF45QA.js";
import {
  CheckFailed,
  ServiceError,
  errorMessage
} from "./chunk-2WEQVLCG.js";

// src/budget/record-artifacts.ts
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var RECORD_ARTIFACT_PREFIX = "lanekit-budget-";
var RECORDS = "records.jsonl";
var ORIGIN = "origin.json";
var RETENTION_DAYS = 1;
var PART_LIMIT = 60;
var jobLabel = ({ job, leg }) => leg === "" ? job : `${job} (${leg})`;
function namePart(text) {
  const safe = text.replace(/[^A-Za-z0-9._-]/g, "_");
  if (safe === text && text.length <= PART_LIMIT) return text;
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 10);
  return `${safe.slice(0, PART_LIMIT)}-${hash}`;
}
function recordArtifactName({ job, leg, attempt }) {
  return `${RECORD_ARTIFACT_PREFIX}${namePart(job)}${leg === "" ? "" : `-${namePart(leg)}`}-attempt-${attempt}`;
}
async function uploadRecords(file, origin, staging) {
  const label = jobLabel(origin);
  mkdirSync(staging, { recursive: true });
  const records = join(staging, RECORDS);
  if (existsSync(file)) copyFileSync(file, records);
  else writeFileSync(records, "");
  const count = parseRecordFile(readFileSync(records), file, label).length;
  writeFileSync(join(staging, ORIGIN), JSON.stringify(origin));
  const name = recordArtifactName(origin);
  try {
    await uploadRunArtifact(name, [records, join(staging, ORIGIN)], staging, RETENTION_DAYS);
  } catch (error) {
    if (error instanceof ServiceError && error.message.includes("(409) Conflict")) {
      throw new ServiceError(
        `${error.message}; the legs of a matrix job each need their own leg input, e.g. \${{ strategy.job-index }}`
      );
    }
    throw error;
  }
  return { name, records: count };
}
function readOrigin(path, artifact) {
  let value;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new CheckFailed(`artifact ${artifact} holds no readable ${ORIGIN}`);
  }
  const { job, leg, attempt } = value ?? {};
  if (typeof job !== "string" || typeof leg !== "string" || !Number.isSafeInteger(attempt)) {
    throw new CheckFailed(
      `artifact ${artifact}: ${ORIGIN} is ${shown(value)}, not a record origin`
    );
  }
  return { job, leg, attempt };
}
async function gatherRunRecords(options) {
  const artifacts = (await listRunArtifacts()).filter((artifact) => artifact.name.startsWith(RECORD_ARTIFACT_PREFIX)).sort((a, b) => a.name.localeCompare(b.name));
  const latest = /* @__PURE__ */ new Map();
  for (const artifact of artifacts) {
    const path = join(options.into, String(artifact.id));
    try {
      await downloadRunArtifact(artifact, path);
    } catch (error) {
      throw new ServiceError(`record artifact ${artifact.name}: ${errorMessage(error)}`);
    }
    const origin = readOrigin(join(path, ORIGIN), artifact.name);
    const key = JSON.stringify([origin.job, origin.leg]);
    const seen = latest.get(key);
    if (seen !== void 0 && seen.origin.attempt >= origin.attempt) continue;
    latest.set(key, { origin, name: artifact.name, path });
  }
  const ownKey = JSON.stringify([options.own.job, options.own.leg]);
  const records = [];
  for (const [key, { origin, name, path }] of latest) {
    if (key === ownKey) {
      options.log.info(`${name}: this job's own records, read from its record file instead`);
      continue;
    }
    const file = join(path, RECORDS);
    if (!existsSync(file)) throw new CheckFailed(`artifact ${name} holds no ${RECORDS}`);
    const found = parseRecordFile(readFileSync(file), `${name}/${RECORDS}`, jobLabel(origin));
    options.log.info(`${name}: ${found.length} record${found.length === 1 ? "" : "s"}`);
    records.push(...found);
  }
  return records;
}

export {
  RECORD_ARTIFACT_PREFIX,
  jobLabel,
  recordArtifactName,
  uploadRecords,
  gatherRunRecords
};
