import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  ConfigurationError,
  ServiceError,
  errorMessage
} from "./chunk-2WEQVLCG.js";

// src/github/event.ts
import { readFileSync } from "node:fs";

// src/github/event-payload.ts
var message = { object: { message: "string" } };
var repo = { nullable: { object: { full_name: "string" } } };
var branch = { object: { sha: "string", ref: "string", repo }, required: ["sha", "ref"] };
var PAYLOAD = {
  object: {
    before: "string",
    after: "string",
    created: "boolean",
    deleted: "boolean",
    forced: "boolean",
    ref: "string",
    head_commit: { nullable: message },
    commits: { list: message },
    pull_request: {
      object: {
        number: "number",
        changed_files: "number",
        base: branch,
        head: branch,
        labels: { list: { object: { name: "string" }, required: ["name"] } }
      },
      required: ["number", "base", "head"]
    },
    merge_group: {
      object: {
        base_sha: "string",
        head_sha: "string",
        base_ref: "string",
        head_commit: message
      },
      required: ["base_sha", "head_sha"]
    },
    repository: { object: { default_branch: "string", full_name: "string" } }
  }
};
var kind = (value) => value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : `a ${typeof value}`;
function describe(shape) {
  if (typeof shape === "string") return `a ${shape}`;
  if ("list" in shape) return "a list";
  if ("nullable" in shape) return `${describe(shape.nullable)} or null`;
  return "an object";
}
function problem(value, shape, path) {
  if (typeof shape === "string") {
    return typeof value === shape ? void 0 : `${path} is ${kind(value)}, expected ${describe(shape)}`;
  }
  if ("nullable" in shape) return value === null ? void 0 : problem(value, shape.nullable, path);
  if ("list" in shape) {
    if (!Array.isArray(value)) return `${path} is ${kind(value)}, expected a list`;
    for (const [index, item] of value.entries()) {
      const found = problem(item, shape.list, `${path}[${index}]`);
      if (found !== void 0) return found;
    }
    return void 0;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return `${path} is ${kind(value)}, expected an object`;
  }
  const fields = value;
  for (const field of shape.required ?? []) {
    if (fields[field] === void 0) return `${path}.${field} is missing`;
  }
  for (const [field, fieldShape] of Object.entries(shape.object)) {
    if (fields[field] === void 0) continue;
    const found = problem(fields[field], fieldShape, `${path}.${field}`);
    if (found !== void 0) return found;
  }
  return void 0;
}
function checkedPayload(eventName, value) {
  const found = problem(value, PAYLOAD, "payload");
  if (found !== void 0) {
    throw new ConfigurationError(
      `GITHUB_EVENT_PATH: the ${eventName || "event"} payload is not what GitHub sends: ${found}`
    );
  }
  return value;
}

// src/github/event.ts
var PULL_REQUEST_EVENTS = [
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment"
];
function readWorkflowEvent(env = process.env) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  let raw = {};
  const path = env.GITHUB_EVENT_PATH;
  if (path) {
    try {
      raw = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new ConfigurationError(
        `GITHUB_EVENT_PATH: cannot read the event payload (${errorMessage(error)})`
      );
    }
  }
  const payload = checkedPayload(name, raw);
  return { name, payload, sha: env.GITHUB_SHA, ref: env.GITHUB_REF, repository: repositoryOf(env) };
}
function repositoryOf(env) {
  const [owner, repo2] = (env.GITHUB_REPOSITORY ?? "").split("/");
  return owner && repo2 ? { owner, repo: repo2 } : void 0;
}
function githubApiUrl(env = process.env) {
  return env.GITHUB_API_URL ?? "https://api.github.com";
}

// src/github/api-call.ts
var PERMISSION_HINTS = {
  401: "the token is missing or expired",
  403: "the token lacks a permission this call needs (see the action README for the least permissions)",
  404: "not found, or not visible to this token"
};
async function apiCall(what, call) {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Error && "status" in error && typeof error.status === "number") {
      if (!("response" in error) || error.response === void 0) {
        throw new ServiceError(`GitHub API ${what}: ${error.message}`, { cause: error });
      }
      const hint = PERMISSION_HINTS[error.status];
      throw new ServiceError(
        `GitHub API ${what} answered ${error.status}: ${error.message}${hint ? ` (${hint})` : ""}`,
        { cause: error }
      );
    }
    throw error;
  }
}

export {
  PULL_REQUEST_EVENTS,
  readWorkflowEvent,
  repositoryOf,
  githubApiUrl,
  apiCall
};
