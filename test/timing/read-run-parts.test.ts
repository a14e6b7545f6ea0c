import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowEvent } from '../../src/github/event.ts';
import type { RunJob } from '../../src/github/run-jobs.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';
import { parseCompareTo } from '../../src/timing/compare-to.ts';
import { jobsToScan } from '../../src/timing/read-markers.ts';
import { findOwnJob } from '../../src/timing/read-own-job.ts';
import { toRunInfo } from '../../src/timing/read-run-info.ts';
import { readTargetRun } from '../../src/timing/read-target-run.ts';
import { recordedResponse } from '../harness/recorded-api.ts';

const job = (id: number, fields: Partial<RunJob> = {}): RunJob => ({
  id,
  name: `job ${id}`,
  status: 'completed',
  conclusion: 'success',
  runAttempt: 1,
  createdAt: 0,
  startedAt: 0,
  completedAt: 1000,
  labels: [],
  runnerName: `runner ${id}`,
  runnerGroupName: null,
  workflowName: null,
  htmlUrl: null,
  steps: [],
  ...fields,
});

/** An event as readWorkflowEvent gives it; its payload may hold fields EventPayload does not name. */
const event = (name: string, payload: object): WorkflowEvent => ({
  name,
  payload,
  sha: undefined,
  ref: undefined,
  repository: undefined,
});

const env = {
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '3',
};

describe('readTargetRun', () => {
  it('is this run at GITHUB_RUN_ATTEMPT', () => {
    const target = readTargetRun(event('push', {}), env);
    assert.deepEqual(target, {
      attempt: { owner: 'octo-org', repo: 'octo-repo', runId: 42, attempt: 3 },
      isThisRun: true,
    });
  });

  it("is the triggering run on workflow_run, at the payload's attempt", () => {
    const payload = { workflow_run: { id: 7, run_attempt: 2 } };
    const target = readTargetRun(event('workflow_run', payload), env);
    assert.deepEqual(target, {
      attempt: { owner: 'octo-org', repo: 'octo-repo', runId: 7, attempt: 2 },
      isThisRun: false,
    });
  });

  for (const workflowRun of [undefined, { id: '7' }, { id: 7, run_attempt: 0 }]) {
    it(`refuses a workflow_run payload with ${JSON.stringify(workflowRun)}`, () => {
      assert.throws(
        () => readTargetRun(event('workflow_run', { workflow_run: workflowRun }), env),
        ConfigurationError,
      );
    });
  }

  it('is undefined outside a workflow run', () => {
    assert.equal(readTargetRun(event('', {}), {}), undefined);
  });
});

describe('toRunInfo', () => {
  it('reads a recorded run: its workflow file, times and page', () => {
    const info = toRunInfo(recordedResponse('cilium-3106110597.run.json') as never);
    assert.equal(info.id, 3106110597);
    assert.equal(info.attempt, 1);
    assert.equal(info.workflowPath, '.github/workflows/build-images-ci.yaml');
    assert.equal(info.createdAt, Date.parse('2022-09-22T14:04:49Z'));
    assert.equal(info.htmlUrl, 'https://github.com/cilium/cilium/actions/runs/3106110597');
    assert.deepEqual(info.previousAttempts, []);
  });

  it('links the earlier attempts of a re-run', () => {
    const recorded = recordedResponse('cilium-3106110597.run.json') as Record<string, unknown>;
    const info = toRunInfo({ ...recorded, run_attempt: 3 } as never);
    const page = 'https://github.com/cilium/cilium/actions/runs/3106110597';
    assert.equal(info.htmlUrl, `${page}/attempts/3`);
    assert.deepEqual(info.previousAttempts, [
      { attempt: 1, htmlUrl: `${page}/attempts/1` },
      { attempt: 2, htmlUrl: `${page}/attempts/2` },
    ]);
  });
});

describe('parseCompareTo', () => {
  it('reads default-branch, none and a run id', () => {
    assert.deepEqual(parseCompareTo('compare-to', 'default-branch'), { kind: 'default-branch' });
    assert.deepEqual(parseCompareTo('compare-to', 'None'), { kind: 'none' });
    assert.deepEqual(parseCompareTo('compare-to', '9099000001'), {
      kind: 'run',
      runId: 9099000001,
    });
  });

  for (const value of ['main', '0', '-3', '12.5', '99999999999999999999']) {
    it(`refuses '${value}'`, () => {
      assert.throws(
        () => parseCompareTo('compare-to', value),
        (error: unknown) =>
          error instanceof ConfigurationError &&
          error.message ===
            `compare-to: got '${value}', expected default-branch|none|<run id> (a positive number)`,
      );
    });
  }
});

describe('findOwnJob', () => {
  const jobs = [
    job(1),
    job(2, { status: 'in_progress', completedAt: null }),
    job(3, { status: 'in_progress', completedAt: null }),
  ];

  it('is the job of check-run-id', () => {
    assert.equal(findOwnJob(jobs, { checkRunId: 3, runnerName: 'runner 2' }), 3);
  });

  it('is the unfinished job on this runner without a check run id, or with one not listed yet', () => {
    assert.equal(findOwnJob(jobs, { checkRunId: undefined, runnerName: 'runner 2' }), 2);
    assert.equal(findOwnJob(jobs, { checkRunId: 99, runnerName: 'runner 2' }), 2);
  });

  it('is not a finished job on this runner, which ran before this one', () => {
    assert.equal(findOwnJob(jobs, { checkRunId: undefined, runnerName: 'runner 1' }), undefined);
  });
});

describe('jobsToScan', () => {
  const jobs = [
    job(1),
    job(2, { conclusion: 'failure' }),
    job(3, { conclusion: 'timed_out' }),
    job(4, { conclusion: 'skipped' }),
    job(5, { status: 'in_progress', conclusion: null }),
    job(6, { conclusion: 'cancelled' }),
  ];
  const ids = (scan: 'none' | 'failed' | 'all') => jobsToScan(jobs, scan).map((j) => j.id);

  it('scans nothing, the failed jobs, or every finished job that ran', () => {
    assert.deepEqual(ids('none'), []);
    assert.deepEqual(ids('failed'), [2, 3]);
    assert.deepEqual(ids('all'), [1, 2, 3, 6]);
  });
});
