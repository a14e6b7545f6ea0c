import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createGitHubClient } from '../../src/github/client.ts';
import { shardPlanOf } from '../../src/lanes/shard-inputs.ts';
import { analyzeRun } from '../../src/timing/analysis.ts';
import { readRun } from '../../src/timing/read-run.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { serveScenario, smallGreenRun } from '../harness/run-fixtures.ts';

const quiet = { debug() {}, info() {}, notice() {}, warning() {} };

let api: GitHubApiServer;
before(async () => {
  api = await GitHubApiServer.start();
});
after(async () => {
  await api.close();
});

/** timing-summary's report of the small green run, as its report-file holds it. */
async function reportFile(workspace: string): Promise<string> {
  const run = smallGreenRun();
  serveScenario(api, run);
  const data = await readRun({
    client: createGitHubClient({ token: 't', baseUrl: api.url, log: quiet }),
    target: {
      attempt: { owner: run.owner, repo: run.repo, runId: run.current.run.id, attempt: 1 },
      isThisRun: false,
    },
    env: {},
    workspace,
    defaultBranch: 'main',
    compareTo: { kind: 'none' },
    scanLogs: 'none',
    markerRules: { rules: [], allow: [], failOn: [] },
    lanes: undefined,
    concurrency: 1,
    checkRunId: undefined,
    log: quiet,
  });
  writeFileSync(join(workspace, 'timing.json'), JSON.stringify(analyzeRun(data, {})));
  return 'timing.json';
}

describe('shard-durations', () => {
  it("reads timing-summary's report file: its jobs' durations", async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'shard-inputs-'));
    const file = await reportFile(workspace);
    const plan = shardPlanOf(
      { shards: 2, shardItems: ['lint', 'build', 'test'], shardDurations: file, canary: [] },
      workspace,
    );
    // test 90 s alone; build 71 s and lint 52 s together.
    assert.deepEqual(
      plan?.shards.map((shard) => ({ items: shard.items, seconds: shard.expectedSeconds })),
      [
        { items: ['test'], seconds: 90 },
        { items: ['lint', 'build'], seconds: 123 },
      ],
    );
  });

  it('still reads a plain item -> seconds file', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'shard-inputs-'));
    writeFileSync(join(workspace, 'd.json'), JSON.stringify({ a: 10, b: 1, c: 1 }));
    const plan = shardPlanOf(
      { shards: 2, shardItems: ['a', 'b', 'c'], shardDurations: 'd.json', canary: [] },
      workspace,
    );
    assert.deepEqual(
      plan?.shards.map((shard) => shard.items),
      [['a'], ['b', 'c']],
    );
  });
});
