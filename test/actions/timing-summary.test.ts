import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { workflowRunPayload } from '../harness/event-payloads.ts';
import { rerunAttempt, smallGreenRun } from '../harness/run-fixtures.ts';
import { summarize } from './timing-summary-scenario.ts';

let api: GitHubApiServer;
before(async () => {
  api = await GitHubApiServer.start();
});
after(async () => {
  await api.close();
});

// smallGreenRun, by hand from its plan (run created at 0 s; jobs without needs created at 2 s):
// lint   queued 3 s, started 5, first step 6, steps 51 s -> completed 57
// build  queued 4 s, started 6, first step 7, steps 70 s -> completed 77
// test   needs build: created 78, started 83, first step 84, steps 89 s -> completed 173
// Wall 173 s; held runners 52 + 71 + 90 = 213 s, so running at once saved 40 s.
// The baseline (steps x1.2 on main): build completes at 86, test at 194: wall 194 s.
describe('timing-summary on a small green run', () => {
  it('reports the wall, the target gate and the critical path, in its outputs and summary', async () => {
    const { result, report } = await summarize(api, smallGreenRun(), {
      inputs: { 'target-job': 'test' },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(result.outputs['wall-seconds'], '173');
    assert.equal(result.outputs['target-seconds'], '173');
    assert.equal(result.outputs['first-red-seconds'], '');
    assert.equal(result.outputs['critical-path'], 'build -> test');
    assert.deepEqual(report!.parallelism, {
      sequentialSeconds: 213,
      wallSeconds: 173,
      savedSeconds: 40,
    });
    assert.deepEqual(
      { wall: report!.comparison?.wall, baselineRunId: report!.comparison?.baselineRunId },
      { wall: { current: 173, baseline: 194, delta: -21 }, baselineRunId: 9_099_000_001 },
    );
    assert.deepEqual(report!.durations, { lint: 52, build: 71, test: 90 });
    assert.deepEqual(report!.notices, []);
    assert.match(result.summary, /2m 53s/);
    assert.match(result.summary, /```mermaid\ngantt/);
  });

  it('keeps to its call budget: the attempt, one page of jobs, the workflow file, the cache, the baseline', async () => {
    const { result, apiRequests, requests } = await summarize(api, smallGreenRun());
    assert.equal(result.exitCode, 0, result.stdout);
    // 1 attempt + 1 jobs page + 1 contents + 1 cache usage + (runs listing, attempt, jobs) of
    // the baseline; the default branch comes from the event payload.
    assert.equal(apiRequests, 7);
    const contents = requests.filter((r) => r.path.includes('/contents/'));
    assert.deepEqual(
      contents.map((r) => `${r.path}?${r.query.toString()}`),
      [
        `/repos/octo-org/octo-repo/contents/.github/workflows/ci.yml?ref=${'c0ffee'.repeat(7).slice(0, 40)}`,
      ],
    );
  });

  it('reads nothing for a comparison with compare-to: none', async () => {
    const { result, report, apiRequests } = await summarize(api, smallGreenRun(), {
      inputs: { 'compare-to': 'none' },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(report!.comparison, undefined);
    assert.equal(apiRequests, 4);
  });

  it('asks the repository for its default branch when the payload does not say', async () => {
    api.route('GET', '/repos/:owner/:repo', () => ({
      body: { id: 1, name: 'octo-repo', full_name: 'octo-org/octo-repo', default_branch: 'main' },
    }));
    const { result, report, apiRequests } = await summarize(api, smallGreenRun(), {
      event: { name: 'push', payload: {} },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(report!.comparison?.baselineRunId, 9_099_000_001);
    assert.equal(apiRequests, 8);
  });

  it('writes the whole report to report-file', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'timing-summary-report-'));
    const { result, report } = await summarize(api, smallGreenRun(), {
      env: { RUNNER_TEMP: temp },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    const file = result.outputs['report-file']!;
    assert.ok(file.startsWith(temp), file);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), report);
  });
});

describe('timing-summary on a re-run and from workflow_run', () => {
  it('summarizes GITHUB_RUN_ATTEMPT and links the earlier attempt', async () => {
    const run = rerunAttempt();
    const { result, report, requests } = await summarize(api, run);
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(report!.run.attempt, 2);
    const page = `https://github.com/octo-org/octo-repo/actions/runs/${run.current.run.id}`;
    assert.deepEqual(report!.run.previousAttempts, [{ attempt: 1, htmlUrl: `${page}/attempts/1` }]);
    assert.ok(result.summary.includes(`${page}/attempts/1`), result.summary);
    assert.equal(report!.headline.firstRed, undefined, 'attempt 1 failed, attempt 2 did not');
    const jobPages = requests.filter((r) => r.path.endsWith('/jobs')).map((r) => r.path);
    assert.ok(
      jobPages.includes(
        `/repos/octo-org/octo-repo/actions/runs/${run.current.run.id}/attempts/2/jobs`,
      ),
    );
    assert.ok(
      !jobPages.some((path) => path.endsWith(`/runs/${run.current.run.id}/attempts/1/jobs`)),
    );
  });

  it('summarizes the run that triggered a workflow_run event, not its own', async () => {
    const run = smallGreenRun();
    const payload = workflowRunPayload({ fork: false });
    const event = {
      name: 'workflow_run',
      payload: {
        ...payload,
        workflow_run: { ...payload.workflow_run, id: run.current.run.id, run_attempt: 1 },
      },
    };
    const { result, report } = await summarize(api, run, {
      event,
      env: { GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '1' },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(report!.run.id, run.current.run.id);
    assert.equal(result.outputs['wall-seconds'], '173');
    assert.equal(
      report!.jobs.some((job) => job.own),
      false,
    );
  });
});
