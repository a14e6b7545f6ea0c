import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGitHubClient } from '../../src/github/client.ts';
import { readContents } from '../../src/github/contents.ts';
import { readJobLog } from '../../src/github/job-logs.ts';
import { listRunAttemptJobs } from '../../src/github/run-jobs.ts';
import { latestSuccessfulRun } from '../../src/github/workflow-runs.ts';
import type { Logger } from '../../src/runner/logger.ts';
import { parseWorkflow } from '../../src/workflow/workflow.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import type { ApiJob } from './run-fixtures.ts';
import {
  duplicateNamesRun,
  failedRun,
  jobLog,
  oddStepsRun,
  offsetTimestampsRun,
  rerunAttempt,
  runningRun,
  serveScenario,
  smallGreenRun,
  twoLaneMatrixRun,
} from './run-fixtures.ts';

const quiet: Logger = { debug: () => {}, info: () => {}, notice: () => {}, warning: () => {} };
const byName = (jobs: readonly ApiJob[], name: string) => jobs.find((job) => job.name === name)!;
const times = (job: ApiJob) => [job.created_at, job.started_at, job.completed_at];

describe('generated runs follow the schedule, so figures can be computed by hand', () => {
  it('a small green run: lint ‖ build → test', () => {
    const { current } = smallGreenRun();
    const { jobs } = current.jobs;
    assert.deepEqual(
      jobs.map((job) => job.name),
      ['lint', 'build', 'test'],
    );
    // Created 2 s after the run; queued 3 / 4 s; 1 s of setup; steps of 51 / 70 s.
    assert.deepEqual(times(byName(jobs, 'lint')), [
      '2026-11-02T09:00:02Z',
      '2026-11-02T09:00:05Z',
      '2026-11-02T09:00:57Z',
    ]);
    assert.deepEqual(times(byName(jobs, 'build')), [
      '2026-11-02T09:00:02Z',
      '2026-11-02T09:00:06Z',
      '2026-11-02T09:01:17Z',
    ]);
    // Created 1 s after build completed; queued 5 s; 1 s of setup; 89 s of steps.
    assert.deepEqual(times(byName(jobs, 'test')), [
      '2026-11-02T09:01:18Z',
      '2026-11-02T09:01:23Z',
      '2026-11-02T09:02:53Z',
    ]);
    const build = byName(jobs, 'build');
    assert.deepEqual(build.steps[0], {
      name: 'Set up job',
      status: 'completed',
      conclusion: 'success',
      number: 1,
      started_at: '2026-11-02T09:00:07Z',
      completed_at: '2026-11-02T09:00:08Z',
    });
    assert.equal(build.steps.at(-1)!.name, 'Complete job');
    assert.equal(
      build.html_url,
      `https://github.com/octo-org/octo-repo/actions/runs/9100000001/job/${build.id}`,
    );
    assert.deepEqual(
      [current.run.status, current.run.conclusion, current.run.created_at, current.run.updated_at],
      ['completed', 'success', '2026-11-02T09:00:00Z', '2026-11-02T09:02:53Z'],
    );
    assert.equal(current.run.previous_attempt_url, null);
    assert.equal(current.jobs.total_count, 3);
  });

  it('a failed run: the failed step, its job’s later steps skipped, dependents skipped unless always()', () => {
    const { jobs } = failedRun().current.jobs;
    const test = byName(jobs, 'test');
    assert.equal(test.conclusion, 'failure');
    assert.deepEqual(test.steps.map((step) => `${step.name}: ${step.conclusion}`).slice(4), [
      'Run actions/download-artifact@v4: success',
      'Run npm test: failure',
      'Post Run actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683: success',
      'Complete job: success',
    ]);
    const deploy = byName(jobs, 'deploy');
    assert.deepEqual(
      [deploy.status, deploy.conclusion, deploy.steps, deploy.labels, deploy.runner_name],
      ['completed', 'skipped', [], [], null],
    );
    assert.equal(deploy.started_at, deploy.completed_at);
    assert.equal(byName(jobs, 'report').conclusion, 'success');
    assert.equal(failedRun().current.run.conclusion, 'failure');
  });

  it('a re-run attempt: attempt 2 links attempt 1, its jobs have new ids and run_attempt 2', () => {
    const scenario = rerunAttempt();
    const [first, second] = scenario.attempts;
    assert.equal(scenario.current, second);
    assert.deepEqual(
      [first!.run.id, first!.run.run_attempt, first!.run.conclusion],
      [9100000001, 1, 'failure'],
    );
    assert.deepEqual(
      [second!.run.id, second!.run.run_attempt, second!.run.conclusion],
      [9100000001, 2, 'success'],
    );
    assert.equal(
      second!.run.previous_attempt_url,
      'https://api.github.com/repos/octo-org/octo-repo/actions/runs/9100000001/attempts/1',
    );
    assert.equal(second!.run.created_at, '2026-11-02T10:00:00Z');
    const firstIds = new Set(first!.jobs.jobs.map((job) => job.id));
    assert.ok(second!.jobs.jobs.every((job) => !firstIds.has(job.id) && job.run_attempt === 2));
  });

  it('jobs still running: one done, one mid-step, one queued, one not yet created', () => {
    const { current } = runningRun();
    const { jobs } = current.jobs;
    assert.deepEqual(
      jobs.map((job) => `${job.name} ${job.status}`),
      ['lint completed', 'build in_progress', 'docs queued'],
    );
    const build = byName(jobs, 'build');
    assert.deepEqual([build.conclusion, build.completed_at], [null, null]);
    assert.deepEqual(
      build.steps.map((step) => step.status),
      ['completed', 'completed', 'completed', 'completed', 'in_progress', 'queued', 'queued'],
    );
    assert.deepEqual(build.steps[4], {
      name: 'Run npm run build',
      status: 'in_progress',
      conclusion: null,
      number: 5,
      started_at: '2026-11-02T09:00:32Z',
      completed_at: null,
    });
    assert.deepEqual(build.steps[5]!.started_at, null);
    const docs = byName(jobs, 'docs');
    assert.deepEqual([docs.steps, docs.runner_name, docs.started_at], [[], null, docs.created_at]);
    assert.deepEqual(
      [current.run.status, current.run.conclusion, current.run.updated_at],
      ['in_progress', null, '2026-11-02T09:01:10Z'],
    );
  });

  it('timestamps with offsets: step times in +09:00 with milliseconds, the same instants', () => {
    const offset = byName(offsetTimestampsRun().current.jobs.jobs, 'lint');
    const plain = byName(smallGreenRun().current.jobs.jobs, 'lint');
    assert.equal(offset.steps[0]!.started_at, '2026-11-02T18:00:06.000+09:00');
    assert.equal(offset.started_at, plain.started_at);
    for (const [i, step] of offset.steps.entries()) {
      assert.equal(Date.parse(step.started_at!), Date.parse(plain.steps[i]!.started_at!));
    }
  });

  it('empty and overlapping steps', () => {
    const { jobs } = oddStepsRun().current.jobs;
    assert.deepEqual(byName(jobs, 'noop').steps, []);
    assert.equal(byName(jobs, 'noop').conclusion, 'success');
    const steps = byName(jobs, 'build').steps;
    const [ci, build, complete, post] = steps.slice(2);
    assert.equal(Date.parse(ci!.completed_at!) - Date.parse(build!.started_at!), 5000);
    assert.equal(Date.parse(complete!.completed_at!) - Date.parse(post!.started_at!), 3000);
    assert.equal(byName(jobs, 'build').completed_at, post!.completed_at);
  });

  it('duplicate job names', () => {
    const { jobs } = duplicateNamesRun().current.jobs;
    assert.deepEqual(
      jobs.map((job) => job.name),
      ['my dummy job', 'my dummy job'],
    );
    assert.ok(jobs[1]!.created_at > jobs[0]!.completed_at!);
  });
});

describe('the two-lane matrix run', () => {
  const scenario = twoLaneMatrixRun();
  const { jobs } = scenario.current.jobs;

  it('has 300 jobs: routing → lanes → warmup → clippy and test on both lanes → required → summary', () => {
    assert.equal(jobs.length, 300);
    assert.equal(scenario.current.jobs.total_count, 300);
    const names = jobs.map((job) => job.name);
    for (const name of [
      'routing',
      'lanes',
      'warmup (github)',
      'warmup (velnor)',
      'clippy (github, 3)',
      'clippy (velnor, 49)',
      'test (velnor, 12)',
      'test (github, 98)',
      'required',
      'summary / timing',
    ]) {
      assert.ok(names.includes(name), name);
    }
    assert.equal(new Set(jobs.map((job) => job.id)).size, 300);
    const warmupsDone = Math.max(
      ...['warmup (github)', 'warmup (velnor)'].map((name) =>
        Date.parse(byName(jobs, name).completed_at!),
      ),
    );
    const shards = jobs.filter((job) => /^(clippy|test) \(/.test(job.name));
    assert.equal(shards.length, 294);
    assert.ok(shards.every((job) => Date.parse(job.created_at) === warmupsDone + 1000));
    const required = byName(jobs, 'required');
    const shardsDone = Math.max(...shards.map((job) => Date.parse(job.completed_at!)));
    assert.equal(Date.parse(required.created_at), shardsDone + 1000);
  });

  it('labels and runners per lane', () => {
    const github = byName(jobs, 'test (github, 12)');
    const velnor = byName(jobs, 'test (velnor, 12)');
    assert.deepEqual(github.labels, ['ubuntu-latest']);
    assert.match(github.runner_name!, /^GitHub Actions \d+$/);
    assert.deepEqual(velnor.labels, ['self-hosted', 'linux', 'x64', 'velnor']);
    assert.deepEqual([velnor.runner_group_name, velnor.runner_group_id], ['velnor', 3]);
  });

  it('is the same for the same seed and differs for another', () => {
    assert.deepEqual(twoLaneMatrixRun().current, scenario.current);
    assert.notDeepEqual(twoLaneMatrixRun({ seed: 12 }).current.jobs, scenario.current.jobs);
  });

  it('its workflow file has the needs chain, the matrices and the reusable-workflow caller', () => {
    const workflow = parseWorkflow(scenario.workflowFiles['.github/workflows/lanes-ci.yml']!);
    assert.deepEqual(
      [...workflow.jobs.keys()],
      ['routing', 'lanes', 'warmup', 'clippy', 'test', 'required', 'summary'],
    );
    assert.deepEqual(workflow.jobs.get('required')!.needs, ['clippy', 'test']);
    assert.equal(workflow.jobs.get('test')!.hasMatrix, true);
    assert.equal(workflow.jobs.get('summary')!.uses, './.github/workflows/timing.yml');
    assert.ok(
      parseWorkflow(scenario.workflowFiles['.github/workflows/timing.yml']!).jobs.has('timing'),
    );
    assert.deepEqual(
      (scenario.current.run.referenced_workflows as { path: string }[]).map((ref) => ref.path),
      ['octo-org/octo-repo/.github/workflows/timing.yml@refs/heads/feature/faster-ci'],
    );
  });

  it('with its summary job running, that job is the only one not completed', () => {
    const running = twoLaneMatrixRun({ ownJobRunning: true });
    const open = running.current.jobs.jobs.filter((job) => job.status !== 'completed');
    assert.deepEqual(
      open.map((job) => [job.id, job.name, job.status]),
      [[running.ownJobId, 'summary / timing', 'in_progress']],
    );
    assert.equal(running.current.run.status, 'in_progress');
    const own = open[0]!;
    assert.deepEqual(
      own.steps.map((step) => step.status),
      ['completed', 'completed', 'in_progress', 'queued', 'queued'],
    );
    const now = twoLaneMatrixRun({ ownJobRunning: true, unreachedStepStatus: 'pending' });
    const nowOwn = now.current.jobs.jobs.find((job) => job.id === now.ownJobId)!;
    assert.deepEqual(
      nowOwn.steps.map((step) => step.status),
      ['completed', 'completed', 'in_progress', 'pending', 'pending'],
    );
    assert.equal(smallGreenRun().ownJobId, undefined);
  });
});

describe('serveScenario answers as GitHub does', () => {
  let server: GitHubApiServer;
  const scenario = twoLaneMatrixRun();
  const repo = { owner: scenario.owner, repo: scenario.repo };
  const client = () => createGitHubClient({ token: 'ghs_test', baseUrl: server.url, log: quiet });
  const [firstJob, secondJob] = scenario.current.jobs.jobs;
  const logs = new Map([[firstJob!.id, jobLog(firstJob!, ['warning: unused import'])]]);

  before(async () => {
    server = await GitHubApiServer.start();
    serveScenario(server, scenario, { logs });
  });
  after(() => server.close());

  it('lists 300 jobs in three pages of 100, linked as GitHub links them', async () => {
    const listed = await listRunAttemptJobs(client(), {
      ...repo,
      runId: scenario.plan.runId,
      attempt: 1,
    });
    assert.equal(listed.jobs.length, 300);
    assert.equal(listed.totalCount, 300);
    const pattern = '/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt_number/jobs';
    assert.equal(server.count('GET', pattern), 3);
    const response = await fetch(
      `${server.url}/repos/octo-org/octo-repo/actions/runs/${scenario.plan.runId}/attempts/1/jobs?per_page=100`,
    );
    assert.match(response.headers.get('link')!, /page=2>; rel="next", <[^>]+page=3>; rel="last"/);
  });

  it('answers the attempt and the run, and 404 for another run or repository', async () => {
    const runs = `${server.url}/repos/octo-org/octo-repo/actions/runs`;
    const attempt = (await (await fetch(`${runs}/${scenario.plan.runId}/attempts/1`)).json()) as {
      id: number;
    };
    assert.equal(attempt.id, scenario.plan.runId);
    assert.equal((await fetch(`${runs}/${scenario.plan.runId}/attempts/2`)).status, 404);
    assert.equal((await fetch(`${runs}/123`)).status, 404);
    const other = `${server.url}/repos/octo-org/other/actions/runs/${scenario.plan.runId}`;
    assert.equal((await fetch(other)).status, 404);
  });

  it('serves the workflow files through the contents API, raw or as a content-file object', async () => {
    const [raw, reusable, missing] = await readContents(client(), repo, [
      { path: '.github/workflows/lanes-ci.yml', ref: scenario.plan.headSha },
      { path: '.github/workflows/timing.yml', ref: scenario.plan.headSha },
      { path: '.github/workflows/other.yml', ref: scenario.plan.headSha },
    ]);
    assert.equal(raw, scenario.workflowFiles['.github/workflows/lanes-ci.yml']);
    assert.equal(reusable, scenario.workflowFiles['.github/workflows/timing.yml']);
    assert.equal(missing, undefined);
    const { data } = await client().request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repo,
      path: '.github/workflows/timing.yml',
    });
    const file = data as { content: string; encoding: string };
    assert.equal(Buffer.from(file.content, 'base64').toString('utf8'), reusable);
  });

  it('finds the baseline: the latest successful run on the default branch', async () => {
    const baseline = await latestSuccessfulRun(client(), repo, {
      workflowFile: 'lanes-ci.yml',
      branch: 'main',
    });
    assert.equal(baseline?.id, scenario.baseline.run.id);
    const none = await latestSuccessfulRun(client(), repo, {
      workflowFile: 'lanes-ci.yml',
      branch: 'release',
    });
    assert.equal(none, undefined);
    const baselineJobs = await listRunAttemptJobs(client(), {
      ...repo,
      runId: scenario.baseline.run.id,
      attempt: 1,
    });
    assert.equal(baselineJobs.jobs.length, 300);
  });

  it('answers the cache usage', async () => {
    const { data } = await client().request('GET /repos/{owner}/{repo}/actions/cache/usage', repo);
    assert.deepEqual(data, {
      full_name: 'octo-org/octo-repo',
      active_caches_size_in_bytes: 10093173146,
      active_caches_count: 17,
    });
  });

  it('redirects a job’s log to its text, read without the token, and answers 404 for a job without one', async () => {
    const read = async (chunks: AsyncIterable<Uint8Array>) => {
      const parts: Buffer[] = [];
      for await (const chunk of chunks) parts.push(Buffer.from(chunk));
      return Buffer.concat(parts).toString('utf8');
    };
    const text = await readJobLog(client(), repo, firstJob!.id, read, quiet);
    assert.equal(text, logs.get(firstJob!.id));
    const download = server.requests.findLast((r) => r.path === `/job-logs/${firstJob!.id}`);
    assert.equal(
      download?.headers.authorization,
      undefined,
      'the signed storage URL gets no token',
    );
    assert.match(text, /^\uFEFF\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ##\[group\]Set up job$/m);
    assert.match(text, /Z warning: unused import$/m);
    await assert.rejects(readJobLog(client(), repo, secondJob!.id, read, quiet), /HTTP 404/);
  });
});

describe('serveScenario with latency', () => {
  it('takes a round trip per page, as the bench’s 50 ms server does', async () => {
    const server = await GitHubApiServer.start({ latencyMs: 50 });
    try {
      const scenario = twoLaneMatrixRun();
      serveScenario(server, scenario);
      const client = createGitHubClient({ token: 'ghs_test', baseUrl: server.url, log: quiet });
      const started = performance.now();
      const listed = await listRunAttemptJobs(client, {
        owner: scenario.owner,
        repo: scenario.repo,
        runId: scenario.plan.runId,
        attempt: 1,
      });
      assert.equal(listed.jobs.length, 300);
      assert.ok(performance.now() - started >= 150);
    } finally {
      await server.close();
    }
  });
});
