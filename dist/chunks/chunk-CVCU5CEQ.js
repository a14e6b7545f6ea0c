import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  LogScan
} from "./chunk-NAVPR6M6.js";
import {
  listRunAttemptJobs
} from "./chunk-YAHCJC2M.js";
import {
  laneOfJob
} from "./chunk-RML3SJZG.js";
import {
  errorMessage
} from "./chunk-2WEQVLCG.js";

// src/common/concurrency.ts
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

// src/github/job-logs.ts
var ATTEMPTS = 3;
function httpStatus(error) {
  return error instanceof Error && "status" in error && typeof error.status === "number" && "response" in error && error.response !== void 0 ? error.status : void 0;
}
var storageFetches = /* @__PURE__ */ new Map();
async function fetchFromStorage(url) {
  const { origin } = new URL(url);
  let fetchAt = storageFetches.get(origin);
  if (fetchAt === void 0) {
    const { proxyAwareFetch } = await import("./client-XYXR3JFB.js");
    const fetch = proxyAwareFetch(origin);
    fetchAt = (at) => fetch(at, {});
    storageFetches.set(origin, fetchAt);
  }
  return fetchAt(url);
}
function storageError(status) {
  return Object.assign(new Error(`the log storage answered ${status}`), { status, response: {} });
}
async function readJobLog(client, repo, jobId, read, log) {
  let lastError = "";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const response = await client.request(
        "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs",
        {
          ...repo,
          job_id: jobId,
          request: { parseSuccessResponseBody: false, redirect: "manual" }
        }
      );
      let body = response.data;
      const { location } = response.headers;
      if (response.status !== 200 && location) {
        const stored = await fetchFromStorage(location);
        if (!stored.ok) throw storageError(stored.status);
        body = stored.body;
      }
      if (body === null || typeof body !== "object" || !(Symbol.asyncIterator in body)) {
        throw new Error("the log response had no body");
      }
      return await read(body);
    } catch (error) {
      const status = httpStatus(error);
      lastError = `${errorMessage(error)}${status === void 0 ? "" : ` (HTTP ${status})`}`;
      if (status === 404 || status === 410) break;
      log.debug(`log of job ${jobId}, attempt ${attempt}: ${lastError}`);
    }
  }
  throw new Error(lastError);
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
async function scanJobLogs(options) {
  const { client, repo, compiled, samples, log } = options;
  return mapConcurrently(options.jobs, options.concurrency, async (job) => {
    const source = { name: job.name, kind: job.kind, ...labelsOf(job) };
    try {
      const result = await readJobLog(
        client,
        repo,
        job.jobId,
        async (chunks) => {
          const scan = new LogScan(compiled, { samples, countLines: true });
          for await (const chunk of chunks) {
            scan.feed(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          }
          return scan.finish();
        },
        log
      );
      return { ...source, result: withStepLinks(result, job) };
    } catch (error) {
      return { ...source, error: `log unavailable: ${errorMessage(error)}` };
    }
  });
}

// src/markers/run-job-logs.ts
function jobLogOf(job, lanes) {
  const lane = lanes ? laneOfJob(lanes, job.name)?.name : void 0;
  return {
    jobId: job.id,
    steps: job.steps,
    name: job.name,
    kind: "job",
    ...lane === void 0 ? {} : { lane },
    ...job.htmlUrl === null ? {} : { url: job.htmlUrl }
  };
}
async function scanRunJobLogs(options) {
  const { client, run, lanes, log } = options;
  const { jobs, totalCount } = await listRunAttemptJobs(client, run);
  if (totalCount > jobs.length) {
    log.warning(
      `the API listed ${jobs.length} of the ${totalCount} jobs of this run; the rest were not scanned`
    );
  }
  const completed = jobs.filter((job) => job.status === "completed");
  const pending = jobs.length - completed.length;
  if (pending > 0) {
    log.info(
      `${pending} jobs of this run were not complete (this one among them) and were not scanned`
    );
  }
  const ran = completed.filter((job) => job.conclusion !== "skipped");
  return scanJobLogs({
    client,
    repo: { owner: run.owner, repo: run.repo },
    jobs: ran.map((job) => jobLogOf(job, lanes)),
    compiled: options.compiled,
    samples: options.samples,
    concurrency: options.concurrency,
    log
  });
}

export {
  scanJobLogs,
  jobLogOf,
  scanRunJobLogs
};
