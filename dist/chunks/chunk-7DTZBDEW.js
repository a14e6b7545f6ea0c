import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  shown
} from "./chunk-U6YF45QA.js";
import {
  CheckFailed
} from "./chunk-2WEQVLCG.js";

// src/budget/record-file.ts
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

// src/budget/record.ts
var MAX_RECORD_LINE_BYTES = 4096;
var OPERATION_NAME = /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$/;
var KEYS = /* @__PURE__ */ new Set(["operation", "name", "counted", "time", "detail"]);
var RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
var RecordProblem = class extends Error {
  name = "RecordProblem";
};
function parseRecordLine(line) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    throw new RecordProblem(`not a JSON line: ${shown(line, 60)}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new RecordProblem(`a record is a JSON object, got ${shown(value, 60)}`);
  }
  const fields = value;
  const unknown = Object.keys(fields).find((key) => !KEYS.has(key));
  if (unknown !== void 0) {
    throw new RecordProblem(
      `unknown key '${unknown}', expected ${[...KEYS].join(", ")} (put anything else in detail)`
    );
  }
  const { operation, name, counted, time, detail } = fields;
  if (typeof operation !== "string" || !OPERATION_NAME.test(operation)) {
    throw new RecordProblem(
      `operation: got ${shown(operation)}, expected a name like deploy or image-push`
    );
  }
  if (name !== void 0 && typeof name !== "string") {
    throw new RecordProblem(`name: got ${shown(name)}, expected a string`);
  }
  if (counted !== void 0 && typeof counted !== "boolean") {
    throw new RecordProblem(`counted: got ${shown(counted)}, expected true or false`);
  }
  if (time !== void 0 && (typeof time !== "string" || !RFC3339.test(time))) {
    throw new RecordProblem(`time: got ${shown(time)}, expected an RFC 3339 time`);
  }
  return { operation, name, counted: counted ?? true, time, detail };
}
function recordLine(record) {
  const line = `${JSON.stringify({
    operation: record.operation,
    ...record.name === void 0 ? {} : { name: record.name },
    counted: record.counted,
    ...record.time === void 0 ? {} : { time: record.time },
    ...record.detail === void 0 ? {} : { detail: record.detail }
  })}
`;
  const bytes = Buffer.byteLength(line);
  if (bytes > MAX_RECORD_LINE_BYTES) {
    throw new RecordProblem(
      `the record is ${bytes} bytes, over the ${MAX_RECORD_LINE_BYTES}-byte line limit (shorten detail)`
    );
  }
  return line;
}

// src/budget/record-file.ts
var RECORD_FILE_VARIABLE = "LANEKIT_BUDGET_FILE";
function recordFileOf(env) {
  return env[RECORD_FILE_VARIABLE] || join(env.RUNNER_TEMP ?? tmpdir(), "lanekit-budget", "records.jsonl");
}
function ensureRecordFile(path) {
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, "");
}
function appendRecordLine(path, line) {
  appendFileSync(path, line, { encoding: "utf8", flag: "a" });
}
var MalformedRecords = class extends CheckFailed {
  name = "MalformedRecords";
  problems;
  constructor(problems) {
    const more = problems.length - 1;
    super(
      `malformed record line ${problems[0]}${more > 0 ? ` (and ${more} more)` : ""}; no count is made from a corrupt record`
    );
    this.problems = problems;
  }
};
function parseRecordFile(bytes, source, job) {
  const records = [];
  const problems = [];
  const text = bytes.toString("utf8");
  let start = text.charCodeAt(0) === 65279 ? 1 : 0;
  for (let number = 1; start < text.length; number++) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    let line = text.slice(start, end);
    start = end + 1;
    const size = line.length * 3 < MAX_RECORD_LINE_BYTES ? 0 : Buffer.byteLength(line) + 1;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line === "" && newline !== -1) continue;
    try {
      if (size > MAX_RECORD_LINE_BYTES) {
        throw new RecordProblem(
          `${size} bytes, over the ${MAX_RECORD_LINE_BYTES}-byte line limit (a line this long may be torn by a parallel writer)`
        );
      }
      if (newline === -1) {
        throw new RecordProblem("the last line has no newline (a writer was cut off?)");
      }
      const record = parseRecordLine(line);
      records.push({ ...record, job, source, line: number });
    } catch (error) {
      if (!(error instanceof RecordProblem)) throw error;
      problems.push(`${source}:${number}: ${error.message}`);
    }
  }
  if (problems.length > 0) throw new MalformedRecords(problems);
  return records;
}
function readRecordFile(path, source, job) {
  return existsSync(path) ? parseRecordFile(readFileSync(path), source, job) : [];
}

export {
  OPERATION_NAME,
  RecordProblem,
  recordLine,
  RECORD_FILE_VARIABLE,
  recordFileOf,
  ensureRecordFile,
  appendRecordLine,
  MalformedRecords,
  parseRecordFile,
  readRecordFile
};
