import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MarkersReport } from '../../src/markers/report.ts';
import { TOOL_LOGS } from '../harness/fixtures.ts';
import type { RunResult } from '../../src/rehearsal/runner.ts';
import { runAction } from '../../src/rehearsal/runner.ts';

const NO_EVIDENCE_FAILURE =
  "marker-scanner: fail-on: verdict no-evidence: no log shows a selected rule pack's tool printing what its rules read, so finding no markers proves nothing; see the step summary for how to make the tools print what the rules read, or allow it with {rule: no-evidence, reason: ...}";

const errors = (result: RunResult) =>
  result.annotations.filter((a) => a.command === 'error').map((a) => a.message);

describe('marker-scanner: no evidence is not a clean verdict', () => {
  let workspace: string;
  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'lanekit-marker-evidence-'));
    mkdirSync(join(workspace, 'logs'));
    copyFileSync(
      join(TOOL_LOGS, 'npm-ci-cold-default-loglevel.log'),
      join(workspace, 'logs', 'npm.log'),
    );
    copyFileSync(join(TOOL_LOGS, 'cargo-build-warm.log'), join(workspace, 'logs', 'cargo.log'));
  });
  after(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  const scan = (inputs: Record<string, string>) =>
    runAction('marker-scanner', { inputs: { jobs: 'false', ...inputs }, workspace });

  it('reports a cold npm ci at the default log level as no-evidence, with how to fix it', async () => {
    const result = await scan({ logs: 'logs/npm.log' });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(result.outputs.verdict, 'no-evidence');
    const report = JSON.parse(result.outputs.markers!) as MarkersReport;
    assert.deepEqual(report.sources[0]!.tools, { npm: 'ran' });
    assert.match(result.summary, /^### marker-scanner: ❓ no-evidence: 0 markers in 1 logs/);
    assert.match(
      result.summary,
      /<code>npm<\/code> ran but printed nothing its rules read .*`--loglevel http`/,
    );
    assert.match(
      result.stdout,
      /no-evidence: 0 markers in 1 logs, but no log shows .*--loglevel http/,
    );
  });

  it('fails fail-on on no-evidence, saying why and how to allow it', async () => {
    const result = await scan({ logs: 'logs/npm.log', 'fail-on': 'any' });
    assert.equal(result.exitCode, 1);
    assert.deepEqual(errors(result), [NO_EVIDENCE_FAILURE]);
    assert.equal(result.outputs.verdict, 'no-evidence', 'outputs are written before failing');
  });

  it('passes fail-on when an allow entry says why no evidence is expected', async () => {
    const result = await scan({
      logs: 'logs/npm.log',
      'fail-on': 'download',
      allow: '- {rule: no-evidence, reason: this job only checks the lockfile}',
    });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(result.outputs.verdict, 'no-evidence');
    assert.match(result.summary, /Allowed: this job only checks the lockfile\./);
  });

  it('gives no-markers for a warm cargo build, which shows cargo at work, also with fail-on', async () => {
    const result = await scan({ logs: 'logs/cargo.log', 'fail-on': 'any' });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(result.outputs.verdict, 'no-markers');
    assert.match(result.summary, /✅ no-markers: 0 markers in 1 logs/);
  });

  it('gives no-markers when one log shows evidence and the other none', async () => {
    const result = await scan({ logs: 'logs', 'fail-on': 'any' });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(result.outputs.verdict, 'no-markers');
    const report = JSON.parse(result.outputs.markers!) as MarkersReport;
    assert.deepEqual(
      report.sources.map((s) => [s.name, s.verdict]),
      [
        ['logs/cargo.log', 'no-markers'],
        ['logs/npm.log', 'no-evidence'],
      ],
    );
    assert.match(
      result.summary,
      /\| logs\/npm\.log \| <code>no-evidence<\/code> \| <code>npm<\/code> \(quiet\) \|/,
    );
  });

  it('reports no-evidence when the logs match nothing, and fail-on fails on it', async () => {
    const quiet = await scan({ logs: 'missing/*.log' });
    assert.equal(quiet.exitCode, 0, quiet.stderr);
    assert.equal(quiet.outputs.verdict, 'no-evidence');
    assert.match(quiet.summary, /No evidence: no log was scanned/);

    const failing = await scan({ logs: 'missing/*.log', 'fail-on': 'any' });
    assert.equal(failing.exitCode, 1);
    assert.deepEqual(errors(failing), [
      'marker-scanner: fail-on: verdict no-evidence: no log was scanned, so finding no markers proves nothing; see the step summary for how to make the tools print what the rules read, or allow it with {rule: no-evidence, reason: ...}',
    ]);
    assert.deepEqual(
      failing.annotations.filter((a) => a.command === 'warning').map((a) => a.message),
      ["logs: nothing matched 'missing/*.log'"],
    );
  });

  it('fails fail-on with the markers file selecting only packs whose tool is not in the log', async () => {
    const result = await scan({ logs: 'logs/cargo.log', packs: 'npm,pnpm', 'fail-on': 'any' });
    assert.equal(result.exitCode, 1);
    assert.deepEqual(errors(result), [NO_EVIDENCE_FAILURE]);
  });
});
