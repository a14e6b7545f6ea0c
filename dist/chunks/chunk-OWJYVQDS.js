import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  apiCall
} from "./chunk-PFIR35EB.js";

// src/github/contents.ts
var READS_AT_ONCE = 4;
async function readOne(client, repo, { path, ref }) {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  try {
    const response = await client.request(
      `GET /repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/contents/${encoded}`,
      { ref, mediaType: { format: "raw" } }
    );
    return typeof response.data === "string" ? response.data : void 0;
  } catch (error) {
    if (error instanceof Error && "status" in error && error.status === 404) return void 0;
    return apiCall(`contents of ${path} at ${ref}`, () => Promise.reject(error));
  }
}
async function readContents(client, repo, requests) {
  const results = [];
  for (let i = 0; i < requests.length; i += READS_AT_ONCE) {
    const batch = requests.slice(i, i + READS_AT_ONCE);
    results.push(...await Promise.all(batch.map((request) => readOne(client, repo, request))));
  }
  return results;
}

export {
  readContents
};
