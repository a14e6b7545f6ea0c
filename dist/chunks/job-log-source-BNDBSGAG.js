import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  LogScan
} from "./chunk-JCD2ZUS2.js";
import "./chunk-PYTXODB5.js";

// src/markers/concurrency.ts
async function mapConcurrently(items, limit, map) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// src/markers/job-log-source.ts
var ATTEMPTS = 3;
async function scanJobLogs(options) {
  const { client, repo, compiled, samples, log } = options;
  return mapConcurrently(options.jobs, options.concurrency, async (job) => {
    const { jobId, ...source } = job;
    let lastError = "";
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const scan = new LogScan(compiled, { samples, countLines: true });
      try {
        const response = await client.request(
          "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs",
          {
            ...repo,
            job_id: jobId,
            request: { parseSuccessResponseBody: false }
          }
        );
        const body = response.data;
        if (body === null || typeof body !== "object" || !(Symbol.asyncIterator in body)) {
          throw new Error("the log response had no body");
        }
        for await (const chunk of body) {
          scan.feed(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        }
        return { ...source, result: scan.finish() };
      } catch (error) {
        const status = error instanceof Error && "status" in error ? ` (HTTP ${String(error.status)})` : "";
        lastError = `${error instanceof Error ? error.message : String(error)}${status}`;
        if (status.includes("404") || status.includes("410")) break;
        log.debug(`log of job ${jobId}, attempt ${attempt}: ${lastError}`);
      }
    }
    return { ...source, error: `log unavailable: ${lastError}` };
  });
}
export {
  scanJobLogs
};
