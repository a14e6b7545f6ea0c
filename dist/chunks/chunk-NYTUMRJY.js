import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  errorMessage
} from "./chunk-T4SWIUSN.js";
import {
  ConfigurationError,
  ServiceError
} from "./chunk-HI3FRFRH.js";

// src/github/event.ts
import { readFileSync } from "node:fs";
var PULL_REQUEST_EVENTS = [
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment"
];
function readWorkflowEvent(env = process.env) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  let payload = {};
  const path = env.GITHUB_EVENT_PATH;
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new ConfigurationError(
        `GITHUB_EVENT_PATH: cannot read the event payload (${errorMessage(error)})`
      );
    }
  }
  return { name, payload, sha: env.GITHUB_SHA, ref: env.GITHUB_REF, repository: repositoryOf(env) };
}
function repositoryOf(env) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  return owner && repo ? { owner, repo } : void 0;
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
