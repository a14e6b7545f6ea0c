/** `lanekit budget`: deploy-budget-guard's check on record files, the same tally as the action. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runAction } from '../../src/rehearsal/runner.ts';
import { assertUsageError, lanekit } from './lanekit-process.ts';

const RECORDS =
  '{"operation":"deploy","name":"app","counted":true,"time":"2025-01-01T00:00:00.000Z"}\n' +
  '{"operation":"deploy","name":"keycloak","counted":true,"time":"2025-01-01T00:00:05.000Z"}\n';

describe('lanekit budget', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lanekit-budget-'));
    mkdirSync(join(dir, 'records/lanekit-budget-deploy'), { recursive: true });
    writeFileSync(join(dir, 'records/lanekit-budget-deploy/records.jsonl'), RECORDS);
    writeFileSync(join(dir, 'torn.jsonl'), '{"operation":"deploy"');
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('1 when the budget breaks, with the count line', async () => {
    const run = await lanekit(dir, 'budget', 'records');
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^deploy-count = 2 \(expect 1\)$/m);
    assert.match(run.stdout, /keycloak/);
  });

  it('0 when it holds; --json equals the action’s records output but for where records were read', async () => {
    const cli = await lanekit(dir, 'budget', '--cold-deps', '1', '--json', 'records');
    assert.equal(cli.code, 0, cli.stderr);
    const file = join(dir, 'action-records.jsonl');
    writeFileSync(file, RECORDS);
    const action = await runAction('deploy-budget-guard', {
      workspace: dir,
      inputs: { mode: 'check', 'cold-deps': '1', 'run-records': 'false' },
      env: { LANEKIT_BUDGET_FILE: file },
    });
    assert.equal(action.exitCode, 0, action.stdout);
    type Output = { records: { job: string; source: string }[] };
    const strip = (output: Output) => ({
      ...output,
      records: output.records.map((record) => ({ ...record, job: '', source: '' })),
    });
    const ours = JSON.parse(cli.stdout) as Output;
    assert.deepEqual(strip(ours), strip(JSON.parse(action.outputs.records!) as Output));
    assert.equal(ours.records[0]!.source, 'records/lanekit-budget-deploy/records.jsonl');
  });

  it('1 on a malformed record line, naming the file and line', async () => {
    const run = await lanekit(dir, 'budget', 'torn.jsonl');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /torn\.jsonl:1: /);
  });

  it('2: bad options, no path, or a path that is not there', async () => {
    assertUsageError(await lanekit(dir, 'budget'), 'lanekit budget', 'missing the record files');
    assertUsageError(
      await lanekit(dir, 'budget', '--cold-deps', '-1', 'records'),
      'lanekit budget',
      "--cold-deps: got '-1'",
    );
    assertUsageError(
      await lanekit(dir, 'budget', 'nowhere'),
      'lanekit budget',
      'no record file or directory at',
    );
  });
});
