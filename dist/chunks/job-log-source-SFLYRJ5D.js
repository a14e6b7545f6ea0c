import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  LogScan
} from "./chunk-XK3YIBFW.js";
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
var STEP_TIME_SLACK_MS = 1e3;
function stepOf(steps, sample) {
  if (sample.time === void 0) return void 0;
  const time = Date.parse(sample.time);
  const running = steps.filter(
    (step) => step.startedAt !== null && step.startedAt <= time && (step.completedAt === null || time < step.completedAt + STEP_TIME_SLACK_MS)
  );
  const named = running.filter((step) => step.name === sample.step);
  const pick = named.length > 0 ? named : running;
  return pick.reduce(
    (latest, step) => latest === void 0 || step.startedAt > latest.startedAt ? step : latest,
    void 0
  );
}
function labelsOf(job) {
  return {
    ...job.lane === void 0 ? {} : { lane: job.lane },
    ...job.url === void 0 ? {} : { url: job.url }
  };
}
function withStepLinks(result, job) {
  if (job.url === void 0 || job.steps.length === 0) return result;
  for (const hits of result.hits.values()) {
    hits.samples.forEach((sample, index) => {
      const step = stepOf(job.steps, sample);
      if (step === void 0 || sample.stepLine === void 0 || sample.line < sample.stepLine) {
        return;
      }
      const line = sample.line - sample.stepLine + 1;
      hits.samples[index] = { ...sample, url: `${job.url}#step:${step.number}:${line}` };
    });
  }
  return result;
}
var ATTEMPTS = 3;
async function scanJobLogs(options) {
  const { client, repo, compiled, samples, log } = options;
  return mapConcurrently(options.jobs, options.concurrency, async (job) => {
    const { jobId } = job;
    const source = { name: job.name, kind: job.kind, ...labelsOf(job) };
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
        return { ...source, result: withStepLinks(scan.finish(), job) };
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
