import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  githubApiUrl
} from "./chunk-PFIR35EB.js";

// src/github/api-client.ts
async function apiClient(token, env, log) {
  const { createGitHubClient } = await import("./client-XYXR3JFB.js");
  return createGitHubClient({ token, baseUrl: githubApiUrl(env), log });
}

export {
  apiClient
};
