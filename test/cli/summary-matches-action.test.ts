/**
 * `lanekit summary --json` and the timing-summary action build the same report from the same
 * run: the action reads it from the REST API, the CLI from the files a script saved.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import type { TimingReport } from '../../src/timing/report.ts';
import { summarize } from '../actions/timing-summary-scenario.ts';
import { twoLaneMatrixRun } from '../harness/run-fixtures.ts';
import { lanekit } from './lanekit-process.ts';

/** What only the API gives: cache usage, the baseline run, logs; and when it was read. */
const API_ONLY = ['cache', 'comparison', 'markers', 'readAt'] as const;

describe('lanekit summary --json and the timing-summary action', () => {
  let api: GitHubApiServer;
  let dir: string;
  before(async () => {
    api = await GitHubApiServer.start();
    dir = mkdtempSync(join(tmpdir(), 'lanekit-summary-cli-'));
  });
  after(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('agree on every figure the files hold: headline, jobs, steps, critical path, lanes, categories', async () => {
    const run = twoLaneMatrixRun();
    const [workflowPath, workflowText] = Object.entries(run.workflowFiles)[0]!;
    writeFileSync(join(dir, 'jobs.json'), JSON.stringify(run.current.jobs));
    writeFileSync(join(dir, 'run.json'), JSON.stringify(run.current.run));
    writeFileSync(join(dir, 'workflow.yml'), workflowText);
    const lanesFile =
      'default: github\nlanes:\n  github: { runs-on: ubuntu-24.04, required: true, hosted: true }\n  velnor: { runs-on: [self-hosted, velnor], hosted: false }\n';
    writeFileSync(join(dir, 'lanes.yml'), lanesFile);

    const action = await summarize(api, run, {
      inputs: { 'target-job': 'required', 'lanes-file': lanesFile, 'scan-logs': 'none' },
    });
    assert.equal(action.result.exitCode, 0, action.result.stdout);
    const cli = await lanekit(
      dir,
      'summary',
      '--jobs',
      'jobs.json',
      '--run',
      'run.json',
      '--workflow',
      'workflow.yml',
      '--lanes-file',
      'lanes.yml',
      '--target-job',
      'required',
      '--json',
    );
    assert.equal(cli.code, 0, cli.stderr);
    const fromCli = JSON.parse(cli.stdout) as Record<string, unknown>;
    const fromAction = action.report as unknown as Record<string, unknown>;
    assert.ok(workflowPath.endsWith('.yml'));
    for (const key of Object.keys(fromAction) as (keyof TimingReport)[]) {
      if ((API_ONLY as readonly string[]).includes(key)) continue;
      assert.deepEqual(fromCli[key], fromAction[key], key);
    }
    assert.ok((action.report?.criticalPath?.jobs.length ?? 0) > 1, 'a critical path to compare');
    assert.ok((action.report?.lanes?.lanes.length ?? 0) === 2, 'both lanes to compare');
  });
});
