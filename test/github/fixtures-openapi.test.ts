/**
 * Every REST fixture the tests serve, recorded or generated, against GitHub's own OpenAPI
 * description of its endpoint, so that no fixture drifts from a shape GitHub documents. The
 * endpoint of a recorded file follows from its name (the kinds in
 * test/fixtures/github-api/README.md); what a recorded file breaks is listed below, narrowly,
 * with the reason GitHub sent it anyway.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { RECORDED_API_DIR } from '../harness/fixtures.ts';
import type { Endpoint } from '../harness/openapi.ts';
import { componentErrors, openApiErrors } from '../harness/openapi.ts';
import { recordedResponse } from '../harness/recorded-api.ts';
import type { RunScenario } from '../harness/run-fixtures.ts';
import {
  contentFileBody,
  duplicateNamesRun,
  failedRun,
  oddStepsRun,
  offsetTimestampsRun,
  rerunAttempt,
  runningRun,
  smallGreenRun,
  twoLaneMatrixRun,
} from '../harness/run-fixtures.ts';

const RUNS = '/repos/{owner}/{repo}/actions/runs/{run_id}';
const ATTEMPT = `${RUNS}/attempts/{attempt_number}`;

/** How a recorded file's kind maps to what it was the answer to. */
interface Kind {
  readonly pattern: RegExp;
  readonly errors: (body: unknown) => string[];
}

const endpoint =
  (name: Endpoint, status = 200) =>
  (body: unknown) =>
    openApiErrors(name, status, body);

const KINDS: readonly Kind[] = [
  { pattern: /\.run\.json$/, errors: endpoint(`GET ${RUNS}`) },
  { pattern: /\.attempt-\d+\.run\.json$/, errors: endpoint(`GET ${ATTEMPT}`) },
  { pattern: /\.jobs\.json$/, errors: endpoint(`GET ${RUNS}/jobs`) },
  { pattern: /\.attempt-\d+\.jobs\.json$/, errors: endpoint(`GET ${ATTEMPT}/jobs`) },
  // A bare array of the listing's jobs, as the source project stored them.
  {
    pattern: /\.jobs-array\.json$/,
    errors: (body) => openApiErrors(`GET ${RUNS}/jobs`, 200, { total_count: 1, jobs: body }),
  },
  {
    pattern: /\.job-\d+\.json$/,
    errors: endpoint('GET /repos/{owner}/{repo}/actions/jobs/{job_id}'),
  },
  // GitHub's error body for a run that does not exist.
  { pattern: /\.run-404\.json$/, errors: (body) => componentErrors('basic-error', body) },
];

/** The most specific kind: `.attempt-1.run.json` is an attempt, not a run. */
function kindOf(file: string): Kind | undefined {
  return KINDS.filter((kind) => kind.pattern.test(file)).sort(
    (a, b) => b.pattern.source.length - a.pattern.source.length,
  )[0];
}

/** Something recorded responses break: GitHub sent it, its description is stricter. */
interface Deviation {
  readonly files: readonly string[];
  /** Matches each error this exempts, and nothing else. */
  readonly error: RegExp;
  readonly reason: string;
}

const OLD_JOBS = [
  'cilium-3106110597.jobs.json',
  'releng-2499110742.attempt-1.jobs.json',
  'releng-2499110742.jobs.json',
  'releng-2499110858.attempt-1.jobs.json',
  'releng-2499110858.attempt-2.jobs.json',
];

const RUST_JOB = 'rust-36108304465.job-107985969634.json';

const RECORDED_DEVIATIONS: readonly Deviation[] = [
  {
    files: OLD_JOBS,
    error: /^\/jobs\/\d+ must have required property '(workflow_name|head_branch|created_at)' /,
    reason: 'recorded in June and September 2022, before jobs carried these three fields',
  },
  {
    files: [
      'releng-2499110742.attempt-1.run.json',
      'releng-2499110858.attempt-1.run.json',
      'releng-2499110858.attempt-2.run.json',
    ],
    error: /^\(body\) must have required property 'display_title' /,
    reason: 'recorded in June 2022, before runs carried display_title',
  },
  {
    files: [RUST_JOB],
    error: /^\/steps\/\d+\/status must be equal to one of the allowed values /,
    reason:
      'steps not yet reached of a running job are "pending"; the description allows only ' +
      'queued, in_progress and completed',
  },
  {
    files: ['skip-duplicate-actions-16620109074.run.json'],
    error: /^\/head_commit\/author\/email must match format "email" /,
    reason:
      "Dependabot's commit email 49699333+dependabot[bot]@users.noreply.github.com has " +
      'brackets, which the email format does not allow',
  },
];

const deviationsOf = (file: string) => RECORDED_DEVIATIONS.filter((d) => d.files.includes(file));

const recordedFiles = readdirSync(RECORDED_API_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort();

describe('recorded REST responses match GitHub’s OpenAPI description', () => {
  it('has a kind for every recorded file', () => {
    assert.deepEqual(
      recordedFiles.filter((file) => kindOf(file) === undefined),
      [],
    );
    assert.ok(recordedFiles.length >= 20, `only ${recordedFiles.length} recorded files`);
  });

  for (const file of recordedFiles) {
    it(file, () => {
      const kind = kindOf(file);
      assert.ok(kind, `no kind for ${file}`);
      const errors = kind.errors(recordedResponse(file));
      const deviations = deviationsOf(file);
      const exempt = (error: string) => deviations.some((d) => d.error.test(error));
      assert.deepEqual(
        errors.filter((error) => !exempt(error)),
        [],
      );
      for (const deviation of deviations) {
        assert.ok(
          errors.some((error) => deviation.error.test(error)),
          `${file} no longer shows what is exempted because ${deviation.reason}`,
        );
      }
    });
  }

  it('exempts nothing for a file that is not there', () => {
    const files = RECORDED_DEVIATIONS.flatMap((d) => d.files);
    assert.deepEqual(
      files.filter((file) => !recordedFiles.includes(file)),
      [],
    );
  });
});

const SCENARIOS: Readonly<Record<string, () => RunScenario>> = {
  'a small green run': smallGreenRun,
  'a failed run': failedRun,
  'a re-run attempt': rerunAttempt,
  'jobs still running': runningRun,
  'timestamps with offsets': offsetTimestampsRun,
  'empty and overlapping steps': oddStepsRun,
  'duplicate job names': duplicateNamesRun,
  'a 300-job two-lane matrix run': () => twoLaneMatrixRun(),
  'a 300-job two-lane matrix run, its summary job running': () =>
    twoLaneMatrixRun({ ownJobRunning: true }),
};

describe('generated REST bodies match GitHub’s OpenAPI description', () => {
  for (const [name, make] of Object.entries(SCENARIOS)) {
    it(name, () => {
      const scenario = make();
      for (const attempt of [...scenario.attempts, scenario.baseline]) {
        assert.deepEqual(openApiErrors(`GET ${ATTEMPT}`, 200, attempt.run), []);
        assert.deepEqual(openApiErrors(`GET ${RUNS}`, 200, attempt.run), []);
        assert.deepEqual(openApiErrors(`GET ${ATTEMPT}/jobs`, 200, attempt.jobs), []);
        for (const job of attempt.jobs.jobs) {
          const errors = openApiErrors('GET /repos/{owner}/{repo}/actions/jobs/{job_id}', 200, job);
          assert.deepEqual(errors, [], job.name);
        }
      }
      const runs = {
        total_count: scenario.workflowRuns.length,
        workflow_runs: scenario.workflowRuns,
      };
      const listing = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs';
      assert.deepEqual(openApiErrors(listing, 200, runs), []);
      const usage = 'GET /repos/{owner}/{repo}/actions/cache/usage';
      assert.deepEqual(openApiErrors(usage, 200, scenario.cacheUsage), []);
      for (const [path, text] of Object.entries(scenario.workflowFiles)) {
        const body = contentFileBody(
          scenario.owner,
          scenario.repo,
          path,
          text,
          scenario.plan.headSha,
        );
        const contents = 'GET /repos/{owner}/{repo}/contents/{path}';
        assert.deepEqual(openApiErrors(contents, 200, body), []);
      }
    });
  }
});

describe('generated steps listed as GitHub lists them now', () => {
  it('breaks the description only where the recorded rust job does: "pending" steps', () => {
    const scenario = twoLaneMatrixRun({ ownJobRunning: true, unreachedStepStatus: 'pending' });
    const errors = openApiErrors(`GET ${ATTEMPT}/jobs`, 200, scenario.current.jobs);
    const pending = RECORDED_DEVIATIONS.find((d) => d.files.includes(RUST_JOB))!;
    assert.equal(errors.length, 2);
    assert.deepEqual(
      errors.filter((error) => !pending.error.test(error.replace(/^\/jobs\/\d+/, ''))),
      [],
    );
  });
});

describe('the OpenAPI check', () => {
  it('catches a missing required field, a wrong enum value and a malformed time', () => {
    const { jobs } = smallGreenRun().current;
    const [first, second, third] = jobs.jobs;
    const withoutCreated = Object.fromEntries(
      Object.entries(first!).filter(([field]) => field !== 'created_at'),
    );
    const broken = {
      total_count: jobs.total_count,
      jobs: [
        withoutCreated,
        { ...second!, conclusion: 'passed' },
        { ...third!, steps: [{ ...third!.steps[0]!, started_at: 'yesterday' }] },
      ],
    };
    assert.deepEqual(openApiErrors(`GET ${ATTEMPT}/jobs`, 200, broken), [
      `/jobs/0 must have required property 'created_at' (missingProperty: "created_at")`,
      '/jobs/1/conclusion must be equal to one of the allowed values (allowedValues: ["success","failure","neutral","cancelled","skipped","timed_out","action_required",null])',
      '/jobs/2/steps/0/started_at must match format "date-time" (format: "date-time")',
    ]);
  });

  it('takes OpenAPI’s nullable as allowing null, and nothing else', () => {
    const { run } = smallGreenRun().current;
    assert.deepEqual(openApiErrors(`GET ${ATTEMPT}`, 200, { ...run, conclusion: null }), []);
    assert.notDeepEqual(openApiErrors(`GET ${ATTEMPT}`, 200, { ...run, run_attempt: null }), []);
  });

  it('names an endpoint or status the description does not have', () => {
    assert.throws(() => openApiErrors('GET /repos/{owner}/{repo}/nothing', 200, {}), /no GET/);
    assert.throws(() => openApiErrors(`GET ${RUNS}`, 418, {}), /no JSON schema for status 418/);
  });
});
