import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGitHubClient } from '../../src/github/client.ts';
import type { RunJob } from '../../src/github/run-jobs.ts';
import { listRunAttemptJobs } from '../../src/github/run-jobs.ts';
import type { Logger } from '../../src/runner/logger.ts';
import { analyzeRun } from '../../src/timing/analysis.ts';
import { timingSummary } from '../../src/timing/summary.ts';
import { parseWorkflow } from '../../src/workflow/workflow.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { parseMermaidGantt } from '../harness/mermaid.ts';
import { recordedJobs, recordedResponse } from '../harness/recorded-api.ts';
import { runInfo } from './timed-run.ts';

/*
 * Real jobs, read from recorded responses through the real client, with their oddities: cilium's
 * jobs have no created_at, a queued step with no times in a completed job, a post step that
 * starts before the step listed before it ends, and a skipped job; skip-duplicate-actions' jobs
 * have no steps at all. Expectations were computed from the JSON by hand (ISO times subtracted).
 */
const JOBS_ROUTE = '/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt_number/jobs';
const quiet: Logger = { debug: () => {}, info: () => {}, notice: () => {}, warning: () => {} };

/** cilium's "Image CI Build" as its jobs show it (the file itself was not recorded). */
const CILIUM_WORKFLOW = `
jobs:
  build-and-push-prs:
    runs-on: ubuntu-20.04
    strategy: { matrix: { include: [{ name: cilium, dockerfile: ./images/cilium/Dockerfile }] } }
  build-and-push-with-qemu: { runs-on: ubuntu-20.04, if: false }
  image-digests:
    name: Display Digests
    needs: build-and-push-prs
    runs-on: ubuntu-20.04
`;

describe('figures of recorded runs', () => {
  let server: GitHubApiServer;
  const listings = new Map<string, Record<string, unknown>[]>([
    ['3106110597', recordedJobs('cilium-3106110597.jobs.json')],
    ['16620109074', recordedJobs('skip-duplicate-actions-16620109074.jobs.json')],
  ]);
  const list = async (runId: number): Promise<readonly RunJob[]> =>
    (
      await listRunAttemptJobs(
        createGitHubClient({ token: 'ghs_test', baseUrl: server.url, log: quiet }),
        {
          owner: 'o',
          repo: 'r',
          runId,
          attempt: 1,
        },
      )
    ).jobs;

  before(async () => {
    server = await GitHubApiServer.start();
    server.paginated('GET', JOBS_ROUTE, (req) => listings.get(req.params.run_id!) ?? [], {
      key: 'jobs',
    });
  });
  after(() => server.close());

  it('cilium: wall from the run’s creation, the critical path through the matrix, steps counted once', async () => {
    const recordedRun = recordedResponse('cilium-3106110597.run.json') as {
      created_at: string;
      updated_at: string;
    };
    const jobs = await list(3106110597);
    const report = analyzeRun(
      {
        run: runInfo({
          id: 3106110597,
          createdAt: Date.parse(recordedRun.created_at),
          runStartedAt: Date.parse(recordedRun.created_at),
          updatedAt: Date.parse(recordedRun.updated_at),
        }),
        jobs,
        totalJobs: jobs.length,
        workflow: parseWorkflow(CILIUM_WORKFLOW),
        ownJobId: undefined,
        cache: undefined,
        baseline: undefined,
        markers: undefined,
        readAt: Date.parse(recordedRun.updated_at),
        notices: [],
      },
      { targetJob: 'Display Digests' },
    );
    // Created 14:04:49; Display Digests completed 14:12:09.
    assert.equal(report.headline.wallSeconds, 440);
    assert.equal(report.headline.target?.seconds, 440);
    // The nine jobs that ran, started -> completed; the skipped job holds no runner.
    assert.equal(report.parallelism.sequentialSeconds, 1671);
    assert.deepEqual(
      report.criticalPath!.chain.map((job) => [
        job.job,
        job.legs,
        job.finishOffset,
        job.spanSeconds,
      ]),
      [
        ['build-and-push-prs', 8, 427, 427],
        ['image-digests', 1, 440, 13],
      ],
    );
    assert.deepEqual(report.criticalPath!.unmatched, []);
    // No created_at in this older format: no queue time, never a made-up one.
    assert.ok(report.jobs.every((job) => job.queueSeconds === null));
    // The union of each job's step intervals: overlapping post steps count once.
    const stepSeconds = report.categories.reduce((sum, c) => sum + c.seconds, 0);
    assert.equal(stepSeconds, 1625);
    for (const chart of timingSummary(report).matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)) {
      await parseMermaidGantt(chart[1]!);
    }
  });

  it('skip-duplicate-actions: jobs without steps still give wall, queue and parallel figures', async () => {
    const jobs = await list(16620109074);
    const first = Math.min(...jobs.map((job) => job.createdAt!));
    const report = analyzeRun(
      {
        run: runInfo({ createdAt: first, runStartedAt: first }),
        jobs,
        totalJobs: jobs.length,
        workflow: undefined,
        ownJobId: undefined,
        cache: undefined,
        baseline: undefined,
        markers: undefined,
        readAt: Math.max(...jobs.map((job) => job.completedAt!)),
        notices: [],
      },
      {},
    );
    assert.equal(report.jobs.length, 5);
    assert.deepEqual(report.parallelism, {
      sequentialSeconds: 152,
      wallSeconds: 71,
      savedSeconds: 81,
    });
    assert.deepEqual(
      report.jobs.map((job) => [job.name, job.queueSeconds]),
      [
        ['pre_job', 9],
        ['skip_individual_steps_job', 8],
        ['build', 5],
        ['private_action', 8],
        ['main_job', 5],
      ],
    );
    assert.deepEqual(report.categories, []);
    assert.deepEqual(report.longestSteps, []);
    assert.ok(report.jobs.every((job) => job.setupSeconds === null && job.seconds !== null));
    assert.match(timingSummary(report), /^### ⏱️ timing-summary: /);
  });
});
