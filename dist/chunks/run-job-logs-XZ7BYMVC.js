import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  scanJobLogs
} from "./chunk-OM2QZZCS.js";
import "./chunk-NAVPR6M6.js";
import {
  laneOfJob,
  listRunAttemptJobs
} from "./chunk-7ZHSTLJW.js";
import "./chunk-PFIR35EB.js";
import "./chunk-2WEQVLCG.js";
import "./chunk-PYTXODB5.js";

// src/markers/run-job-logs.ts
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
    jobs: ran.map((job) => {
      const lane = lanes ? laneOfJob(lanes, job.name)?.name : void 0;
      return {
        jobId: job.id,
        steps: job.steps,
        name: job.name,
        kind: "job",
        ...lane === void 0 ? {} : { lane },
        ...job.htmlUrl === null ? {} : { url: job.htmlUrl }
      };
    }),
    compiled: options.compiled,
    samples: options.samples,
    concurrency: options.concurrency,
    log
  });
}
export {
  scanRunJobLogs
};
