import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MarkersReport } from '../../src/markers/report.ts';
import { JSON_OUTPUT_LIMIT_BYTES } from '../../src/runner/json-output.ts';
import { ROOT, runAction } from '../../src/rehearsal/runner.ts';

const LOG = join(ROOT, 'test/fixtures/logs/tools/cargo-build-cold.log');
const LOGS = 2000;

describe('marker-scanner outputs stay within what a job may hold', () => {
  let workspace: string;
  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'lanekit-marker-outputs-'));
    mkdirSync(join(workspace, 'logs'));
    mkdirSync(join(workspace, 'runner-temp'));
    for (let i = 0; i < LOGS; i++) copyFileSync(LOG, join(workspace, 'logs', `job-${i}.log`));
  });
  after(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  it('cuts the markers output, keeps the totals, and writes the whole report to a file', async () => {
    const result = await runAction('marker-scanner', {
      workspace,
      inputs: { logs: 'logs/', jobs: 'false' },
      env: { GITHUB_ACTION: 'markers', RUNNER_TEMP: join(workspace, 'runner-temp') },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(
      result.outputs['markers-file'],
      join(workspace, 'runner-temp/lanekit/markers-markers.json'),
    );
    const whole = JSON.parse(readFileSync(result.outputs['markers-file'], 'utf8')) as MarkersReport;
    const shown = JSON.parse(result.outputs.markers!) as MarkersReport & {
      truncated: { file: string; bytes: number; samples: boolean; omittedSources: number };
    };
    assert.ok(Buffer.byteLength(result.outputs.markers!) <= JSON_OUTPUT_LIMIT_BYTES);
    assert.equal(shown.total, 13 * LOGS);
    assert.equal(whole.total, 13 * LOGS);
    assert.equal(whole.sources.length, LOGS);
    assert.equal(shown.truncated.file, result.outputs['markers-file']);
    assert.equal(shown.truncated.samples, true);
    assert.equal(shown.sources.length + shown.truncated.omittedSources, LOGS);
    assert.ok(shown.truncated.bytes > JSON_OUTPUT_LIMIT_BYTES);
  });
});
