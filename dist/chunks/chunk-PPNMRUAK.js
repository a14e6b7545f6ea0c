import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-5TY2TEEQ.js";

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
        `GITHUB_EVENT_PATH: cannot read the event payload (${error instanceof Error ? error.message : String(error)})`
      );
    }
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  return {
    name,
    payload,
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    repository: owner && repo ? { owner, repo } : void 0
  };
}
function githubApiUrl(env = process.env) {
  return env.GITHUB_API_URL ?? "https://api.github.com";
}

export {
  PULL_REQUEST_EVENTS,
  readWorkflowEvent,
  githubApiUrl
};
