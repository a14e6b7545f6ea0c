import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGitHubClient } from '../../src/github/client.ts';
import type { RunAttempt } from '../../src/github/run-jobs.ts';
import { currentRunAttempt, listRunAttemptJobs } from '../../src/github/run-jobs.ts';
import type { Logger } from '../../src/runner/logger.ts';
import { ServiceError } from '../../src/runner/errors.ts';
import type { RouteResponse } from '../../src/rehearsal/github-api.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { recordedJobs } from '../harness/recorded-api.ts';

const JOBS_ROUTE = '/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt_number/jobs';
const quiet: Logger = { debug: () => {}, info: () => {}, notice: () => {}, warning: () => {} };

describe('listRunAttemptJobs against recorded responses', () => {
  let server: GitHubApiServer;
  /** What the server answers for each `run_id/attempt`. */
  const listings = new Map<string, Record<string, unknown>[]>();
  const run = (runId: number, attempt: number): RunAttempt => ({
    owner: 'octo-org',
    repo: 'octo-repo',
    runId,
    attempt,
  });
  const list = (runId: number, attempt: number) =>
    listRunAttemptJobs(
      createGitHubClient({ token: 'ghs_test', baseUrl: server.url, log: quiet }),
      run(runId, attempt),
    );

  before(async () => {
    server = await GitHubApiServer.start();
    server.paginated(
      'GET',
      JOBS_ROUTE,
      (req) => listings.get(`${req.params.run_id!}/${req.params.attempt_number!}`) ?? [],
      { key: 'jobs' },
    );
    listings.set('2499110858/1', recordedJobs('releng-2499110858.attempt-1.jobs.json'));
    listings.set('2499110858/2', recordedJobs('releng-2499110858.attempt-2.jobs.json'));
    listings.set('2499110742/1', recordedJobs('releng-2499110742.attempt-1.jobs.json'));
    listings.set('35713862348/1', recordedJobs('bubbletea-35713862348.jobs.json'));
    listings.set('3106110597/1', recordedJobs('cilium-3106110597.jobs.json'));
    listings.set('5977929222/1', recordedJobs('actions-timeline-5977929222.jobs-array.json'));
    listings.set('16620109074/1', recordedJobs('skip-duplicate-actions-16620109074.jobs.json'));
  });
  after(() => server.close());

  it('reads a re-run attempt: its own job ids, finished and running jobs, steps in number order', async () => {
    const { jobs, totalCount } = await list(2499110858, 2);
    assert.equal(totalCount, 3);
    assert.deepEqual(
      jobs.map((j) => [j.id, j.name, j.status, j.conclusion, j.runAttempt]),
      [
        [6942977557, 'my dummy job', 'completed', 'success', 2],
        [6942977656, 'generate-fixtures-name-1', 'in_progress', null, 2],
        [6942977735, 'generate-fixtures-name-2', 'in_progress', null, 2],
      ],
    );
    const done = jobs[0]!;
    const numbers = done.steps.map((s) => s.number);
    assert.deepEqual(
      numbers,
      [...numbers].sort((a, b) => a - b),
    );
    assert.equal(done.steps.at(-1)!.name, 'Complete job');
    assert.equal(done.runnerName, 'GitHub Actions 8');
    assert.deepEqual(done.labels, ['ubuntu-18.04']);
    const running = jobs[1]!;
    const queuedStep = running.steps.find((s) => s.status === 'queued');
    assert.ok(queuedStep, 'a step not yet reached');
    assert.equal(queuedStep.startedAt, null);
    assert.equal(queuedStep.completedAt, null);
  });

  it('reads the first attempt of the same run with its own ids', async () => {
    const { jobs } = await list(2499110858, 1);
    assert.deepEqual(
      jobs.map((j) => j.id),
      [6891428272, 6891428337, 6891428403],
    );
    assert.ok(jobs.every((j) => j.status === 'in_progress' && j.runAttempt === 1));
  });

  it('keeps two jobs that share a name, and a queued job without steps or runner', async () => {
    const { jobs } = await list(2499110742, 1);
    assert.deepEqual(
      jobs.filter((j) => j.name === 'my dummy job').map((j) => j.status),
      ['completed', 'queued'],
    );
    const queued = jobs.find((j) => j.status === 'queued')!;
    assert.deepEqual(queued.steps, []);
    assert.equal(queued.runnerName, null);
    assert.notEqual(queued.startedAt, null, 'GitHub gives a queued job a started_at');
  });

  it("treats a cancelled job's empty runner name as no runner", async () => {
    const { jobs } = await list(35713862348, 1);
    assert.equal(jobs.length, 12);
    const cancelled = jobs.find((j) => j.conclusion === 'cancelled')!;
    assert.equal(cancelled.name, 'build-go-mod / build (macos-latest)');
    assert.equal(cancelled.runnerName, null);
    assert.equal(cancelled.runnerGroupName, null);
    assert.equal(jobs.filter((j) => j.conclusion === 'failure').length, 2);
    assert.equal(jobs[0]!.workflowName, 'build');
  });

  it('keeps step number gaps, and the queued steps of finished jobs', async () => {
    const { jobs } = await list(3106110597, 1);
    const built = jobs.find((j) => j.name.startsWith('build-and-push-prs (operator-azure,'))!;
    const numbers = built.steps.map((s) => s.number);
    assert.ok(numbers.includes(21) && !numbers.includes(22) && numbers.includes(35));
    const step43 = built.steps.find((s) => s.number === 43)!;
    assert.equal(built.conclusion, 'success');
    assert.deepEqual([step43.status, step43.startedAt, step43.completedAt], ['queued', null, null]);
    const skipped = jobs.find((j) => j.conclusion === 'skipped')!;
    assert.deepEqual([skipped.labels, skipped.runnerName, skipped.steps], [[], null, []]);
    assert.equal(skipped.createdAt, null, 'older responses have no created_at');
  });

  it('reads step times with a +09:00 offset and milliseconds as the same instants', async () => {
    const { jobs } = await list(5977929222, 1);
    const [job] = jobs;
    assert.ok(job);
    assert.equal(job.steps[0]!.startedAt, Date.UTC(2023, 7, 25, 15, 57, 58));
    assert.equal(job.startedAt, Date.parse('2023-08-25T15:57:59Z'));
    assert.deepEqual(
      job.steps.map((s) => s.number),
      [1, 2, 3, 4, 5, 9, 10, 11],
    );
  });

  it('reads jobs whose steps GitHub left empty', async () => {
    const { jobs } = await list(16620109074, 1);
    assert.equal(jobs.length, 5);
    assert.ok(jobs.every((j) => j.steps.length === 0 && j.conclusion === 'success'));
  });
});

describe('listRunAttemptJobs across pages', () => {
  let server: GitHubApiServer;
  before(async () => {
    server = await GitHubApiServer.start();
  });
  after(() => server.close());
  const client = () => createGitHubClient({ token: 'ghs_test', baseUrl: server.url, log: quiet });
  const template = recordedJobs('bubbletea-35713862348.jobs.json')[0]!;
  const jobs = (count: number, attempt = 1) =>
    Array.from({ length: count }, (_, i) => ({
      ...template,
      id: 1000 + i,
      name: `job ${i}`,
      run_attempt: attempt,
    }));

  it('asks for 100 jobs a page and reads every page', async () => {
    server.paginated('GET', JOBS_ROUTE, () => jobs(250), { key: 'jobs' });
    const before = server.count('GET', JOBS_ROUTE);
    const result = await listRunAttemptJobs(client(), {
      owner: 'o',
      repo: 'r',
      runId: 9,
      attempt: 1,
    });
    assert.equal(result.jobs.length, 250);
    assert.equal(result.totalCount, 250);
    assert.equal(server.count('GET', JOBS_ROUTE) - before, 3);
    assert.ok(
      server.requests
        .filter((r) => r.path.endsWith('/jobs'))
        .every((r) => r.query.get('per_page') === '100'),
    );
  });

  it('keeps a job once when it shows up on two pages, and leaves out jobs of other attempts', async () => {
    const all = [...jobs(150, 3), { ...template, id: 77, name: 'from attempt 2', run_attempt: 2 }];
    server.route('GET', JOBS_ROUTE, (req): RouteResponse => {
      const page = Number(req.query.get('page') ?? '1');
      // A job started between the two requests: page 2 starts one job earlier than it should.
      const slice = page === 1 ? all.slice(0, 100) : all.slice(99);
      const link =
        page === 1 ? `<${server.url}${req.path}?per_page=100&page=2>; rel="next"` : undefined;
      return { headers: link ? { link } : {}, body: { total_count: all.length, jobs: slice } };
    });
    const result = await listRunAttemptJobs(client(), {
      owner: 'o',
      repo: 'r',
      runId: 9,
      attempt: 3,
    });
    assert.equal(result.jobs.length, 150);
    assert.equal(new Set(result.jobs.map((j) => j.id)).size, 150);
    assert.ok(!result.jobs.some((j) => j.id === 77));
  });

  it('puts steps in number order when the API lists them out of order', async () => {
    const recorded = recordedJobs('releng-2499110858.attempt-2.jobs.json')[0]!;
    const steps = [...(recorded.steps as { number: number }[])].reverse();
    server.paginated('GET', JOBS_ROUTE, () => [{ ...recorded, steps }], { key: 'jobs' });
    const {
      jobs: [job],
    } = await listRunAttemptJobs(client(), { owner: 'o', repo: 'r', runId: 9, attempt: 2 });
    assert.deepEqual(
      job!.steps.map((s) => s.number),
      steps.map((s) => s.number).sort((a, b) => a - b),
    );
  });

  it('reports the count GitHub gave when a page went missing', async () => {
    server.route('GET', JOBS_ROUTE, () => ({ body: { total_count: 180, jobs: jobs(100) } }));
    const result = await listRunAttemptJobs(client(), {
      owner: 'o',
      repo: 'r',
      runId: 9,
      attempt: 1,
    });
    assert.equal(result.jobs.length, 100);
    assert.equal(result.totalCount, 180);
  });

  it('says which call failed and what permission it needs', async () => {
    server.route('GET', JOBS_ROUTE, () => ({
      status: 403,
      body: { message: 'Resource not accessible by integration', status: '403' },
    }));
    await assert.rejects(
      listRunAttemptJobs(client(), { owner: 'o', repo: 'r', runId: 9, attempt: 1 }),
      (error: unknown) =>
        error instanceof ServiceError &&
        /^GitHub API jobs of run 9 attempt 1 answered 403: Resource not accessible by integration.*lacks a permission/.test(
          error.message,
        ),
    );
  });
});

describe('currentRunAttempt', () => {
  it('reads the repository, run id and attempt the runner sets', () => {
    assert.deepEqual(
      currentRunAttempt({
        GITHUB_REPOSITORY: 'octo-org/octo-repo',
        GITHUB_RUN_ID: '2499110858',
        GITHUB_RUN_ATTEMPT: '2',
      }),
      { owner: 'octo-org', repo: 'octo-repo', runId: 2499110858, attempt: 2 },
    );
  });
  it('is undefined outside a run', () => {
    assert.equal(currentRunAttempt({}), undefined);
    assert.equal(currentRunAttempt({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: 'x' }), undefined);
  });
});
