import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunResult } from '../../src/rehearsal/runner.ts';
import { runAction } from '../../src/rehearsal/runner.ts';

/** A line that must never be shown: it stands for the first line of someone's secret file. */
const SECRET = 'root:$6$hunter2-Downloaded serde v1.0.0';

describe('configuration and log paths stay inside the workspace', () => {
  let root: string;
  let workspace: string;
  let secret: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'lanekit-paths-'));
    workspace = join(root, 'workspace');
    mkdirSync(join(workspace, 'logs'), { recursive: true });
    secret = join(root, 'shadow');
    writeFileSync(secret, `${SECRET}\n`);
    symlinkSync(secret, join(workspace, 'logs', 'linked.log'));
    symlinkSync(secret, join(workspace, 'routes.yml'));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const refused = (result: RunResult, action: string, input: string, value: string) => {
    assert.equal(result.exitCode, 1, result.stdout);
    const errors = result.annotations.filter((a) => a.command === 'error');
    assert.equal(errors.length, 1, result.stdout);
    assert.match(errors[0]!.message, new RegExp(`^${action}: ${input}: `));
    assert.ok(errors[0]!.message.includes(value), errors[0]!.message);
    for (const text of [result.stdout, result.summary, JSON.stringify(result.outputs)]) {
      assert.ok(!text.includes('hunter2'), 'the file was not read into the log or outputs');
    }
  };

  for (const value of ['../shadow', 'ROOT/shadow', 'routes.yml']) {
    it(`change-router refuses routes: ${value}`, async () => {
      const routes = value.replace('ROOT', root);
      const result = await runAction('change-router', { workspace, inputs: { routes } });
      refused(result, 'change-router', 'routes', routes);
    });
  }

  it('lane-matrix refuses a lanes file and a shard-durations file outside', async () => {
    refused(
      await runAction('lane-matrix', { workspace, inputs: { 'lanes-file': '../shadow' } }),
      'lane-matrix',
      'lanes-file',
      '../shadow',
    );
    writeFileSync(
      join(workspace, 'lanes.yml'),
      'default: github\nlanes:\n  github: { runs-on: ubuntu-24.04, required: true, hosted: true }\n',
    );
    refused(
      await runAction('lane-matrix', {
        workspace,
        inputs: {
          'lanes-file': 'lanes.yml',
          shards: '2',
          'shard-items': 'a,b,c',
          'shard-durations': secret,
        },
      }),
      'lane-matrix',
      'shard-durations',
      secret,
    );
  });

  for (const logs of ['../shadow', 'ROOT/shadow', 'logs/', 'logs/*.log', '../*']) {
    it(`marker-scanner refuses logs: ${logs}`, async () => {
      const value = logs.replace('ROOT', root);
      const result = await runAction('marker-scanner', {
        workspace,
        inputs: { logs: value, jobs: 'false' },
      });
      refused(result, 'marker-scanner', 'logs', `'${value}'`);
    });
  }

  it("marker-scanner reads logs under the runner's temp dir", async () => {
    const temp = join(root, 'runner-temp');
    mkdirSync(temp, { recursive: true });
    writeFileSync(join(temp, 'job.log'), '  Downloaded serde v1.0.200\n');
    const result = await runAction('marker-scanner', {
      workspace,
      inputs: { logs: join(temp, 'job.log'), jobs: 'false' },
      env: { RUNNER_TEMP: temp },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(result.outputs.total, '1');
  });
});
