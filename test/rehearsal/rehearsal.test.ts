/**
 * `lanekit rehearse` end to end, as `npm start` runs it (the built CLI, in a temp dir): two runs
 * of examples/workflows/rust-ci.yml on the sample repository, then what a person opens,
 * out/index.html, drawn in Debian's chromium (see test/harness/chromium.ts for when it is skipped).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { pageProblems, renderInChromium } from '../../scripts/render-summary.ts';
import type {
  RehearsalRecord,
  RunRecord,
  StepRecord,
} from '../../src/rehearsal/rehearsal-output.ts';
import { ROOT } from '../../src/rehearsal/runner.ts';
import { lanekit } from '../cli/lanekit-process.ts';
import { needsChromium } from '../harness/chromium.ts';

const WORKFLOW = parse(readFileSync(join(ROOT, 'examples/workflows/rust-ci.yml'), 'utf8')) as {
  jobs: Record<string, { needs?: string | string[] }>;
};
const LANES = ['github', 'velnor'];

const stepsOf = (run: RunRecord, job: string, action: string): StepRecord[] =>
  run.steps.filter((step) => step.job === job && step.action === action);

describe('lanekit rehearse: rust-ci.yml on the sample repository, both lanes', () => {
  let dir: string;
  let record: RehearsalRecord;
  let progress: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lanekit-rehearse-test-'));
    const run = await lanekit(dir, 'rehearse', '--json');
    assert.equal(run.code, 0, run.stderr);
    record = JSON.parse(run.stdout) as RehearsalRecord;
    progress = (await lanekit(dir, 'rehearse', '--out', 'again')).stderr;
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every job of both runs in needs order, and none fails', () => {
    assert.deepEqual(
      record.runs.map((run) => run.title),
      ['Baseline: push to main', 'Feature branch, lanes: both'],
    );
    for (const run of record.runs) {
      const order = run.jobs.map((job) => job.id);
      assert.deepEqual([...order].sort(), Object.keys(WORKFLOW.jobs).sort(), run.title);
      for (const [job, spec] of Object.entries(WORKFLOW.jobs)) {
        for (const need of [spec.needs ?? []].flat()) {
          assert.ok(
            order.indexOf(need) < order.indexOf(job),
            `${run.title}: ${need} before ${job}`,
          );
        }
      }
      assert.deepEqual(
        run.jobs.filter((job) => job.result !== 'success').map((job) => job.id),
        [],
        `${run.title}: every job succeeded`,
      );
      assert.ok(
        run.steps.every((step) => step.exitCode === 0),
        `${run.title}: every lanekit step exited 0`,
      );
    }
  });

  it('warms each lane once, and every fan-out job restores its lane’s exact key and runs offline', () => {
    const feature = record.runs[1]!;
    const warmups = stepsOf(feature, 'warmup', 'registry-warmup');
    assert.deepEqual(
      warmups.map((step) => step.leg),
      LANES.map((lane) => `registry warm-up (${lane})`),
    );
    const keyOf = new Map(warmups.map((step, i) => [LANES[i]!, step.outputs.key!]));
    for (const step of warmups) {
      assert.equal(step.outputs.populated, 'true', `${step.leg}: the new lockfile is fetched`);
      assert.equal(step.outputs.verified, 'true', `${step.leg}: proven offline`);
    }
    assert.notEqual(keyOf.get('github'), keyOf.get('velnor'), 'one cache per lane');
    const restores = feature.steps.filter(
      (step) => step.action === 'registry-warmup' && step.job !== 'warmup',
    );
    assert.equal(restores.length, 12, 'check 2x2, clippy 2, test canary 2, test 2x2');
    for (const step of restores) {
      const lane = LANES.find((name) => step.leg.includes(name))!;
      assert.equal(step.outputs['cache-hit'], 'true', step.leg);
      assert.equal(step.outputs.key, keyOf.get(lane), `${step.leg} restores its lane's key`);
      assert.deepEqual(step.exportedEnv, { CARGO_NET_OFFLINE: 'true' }, step.leg);
    }
    // The baseline's one lane saved once, the feature's two lanes once each; no fan-out saved.
    assert.equal(record.cache.saves, 1 + 2);
    assert.equal(
      record.cache.restores,
      6 + restores.length + 1,
      'every restore, and the github warm-up from the baseline',
    );
  });

  it('passes the gate on both runs', () => {
    for (const run of record.runs) {
      const [gate] = stepsOf(run, 'required', 'lane-matrix');
      assert.equal(gate?.outputs.result, 'success', run.title);
    }
  });

  it('summarizes the feature run with a Gantt, a markers verdict and the baseline to compare', () => {
    const feature = record.runs[1]!;
    const [timing] = stepsOf(feature, 'summary', 'timing-summary');
    const [markers] = stepsOf(feature, 'summary', 'marker-scanner');
    const summary = readFileSync(join(dir, 'out', timing!.summary!), 'utf8');
    assert.match(summary, /```mermaid\ngantt\n/);
    assert.match(summary, /#### Compared with \[run 7001\]/);
    assert.match(summary, /#### Markers\n\n<code>no-markers<\/code>/);
    assert.equal(markers!.outputs.verdict, 'no-markers');
    assert.match(readFileSync(join(dir, 'out', markers!.summary!), 'utf8'), /10 explained/);
  });

  it('writes every summary and one page, and says where on a line of its own', () => {
    const summaries = record.runs.flatMap((run) => run.steps.flatMap((s) => s.summary ?? []));
    assert.ok(summaries.length > 20);
    for (const file of summaries) assert.ok(existsSync(join(dir, 'out', file)), file);
    assert.ok(existsSync(join(dir, 'out', 'index.html')));
    assert.ok(existsSync(join(dir, 'again', 'index.html')));
    assert.match(progress, /^ {2}10 summary: success$/m, 'a progress line per job');
  });

  it(
    'draws out/index.html in chromium: both runs’ Gantt charts, no Mermaid error',
    needsChromium,
    async () => {
      const { check } = await renderInChromium(join(dir, 'out', 'index.html'));
      assert.deepEqual(pageProblems(check, true), []);
      assert.equal(check.ganttSvgs, 2, 'the feature run and its baseline');
      assert.equal(check.errorText, false);
    },
  );
});

describe('lanekit rehearse --workflow: another example, and bad options', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lanekit-rehearse-node-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('rehearses node-ci.yml on the sample repository’s npm app, warming npm once', async () => {
    const run = await lanekit(
      dir,
      'rehearse',
      '--workflow',
      join(ROOT, 'examples/workflows/node-ci.yml'),
      '--lanes',
      'github',
      '--json',
    );
    assert.equal(run.code, 0, run.stderr);
    const record = JSON.parse(run.stdout) as RehearsalRecord;
    assert.equal(record.workflow, 'node-ci.yml');
    for (const done of record.runs) {
      assert.deepEqual(
        done.jobs.filter((job) => job.result === 'failure').map((job) => job.id),
        [],
      );
    }
    const feature = record.runs[1]!;
    const warmups = feature.steps.filter(
      (step) => step.job === 'warmup' && step.action === 'registry-warmup',
    );
    assert.deepEqual(
      warmups.map((step) => step.outputs['cache-hit']),
      ['true'],
      'the feature run changed no npm lockfile: the github lane restores the baseline entry',
    );
    const restores = feature.steps.filter(
      (step) => step.action === 'registry-warmup' && step.job !== 'warmup',
    );
    assert.ok(restores.length > 0);
    for (const step of restores) assert.equal(step.outputs['cache-hit'], 'true', step.leg);
  });

  it('--run-steps: cargo really checks, lints and tests every fan-out leg offline, and the scan sees it', async () => {
    const run = await lanekit(dir, 'rehearse', '--run-steps', '--lanes', 'github', '--json');
    assert.equal(run.code, 0, run.stderr);
    const feature = (JSON.parse(run.stdout) as RehearsalRecord).runs[1]!;
    const cargoSteps = feature.steps.filter(
      (step) =>
        step.action === 'run' && ['check', 'clippy', 'test-canary', 'test'].includes(step.job),
    );
    assert.equal(
      cargoSteps.length,
      2 + 1 + 1 + 2,
      'check 2 features, clippy, the canary, 2 shards',
    );
    assert.ok(cargoSteps.every((step) => step.exitCode === 0));
    const [scan] = stepsOf(feature, 'summary', 'marker-scanner');
    const { sources } = JSON.parse(scan!.outputs.markers!) as {
      sources: { name: string; tools: Record<string, unknown>; rules: Record<string, unknown> }[];
    };
    const fanOut = sources.filter((s) => /^(check|clippy|test)/.test(s.name));
    assert.equal(fanOut.length, 6);
    for (const source of fanOut) {
      assert.ok('cargo' in source.tools, `${source.name}: its log shows cargo at work`);
      assert.deepEqual(
        Object.keys(source.rules).filter((rule) => /download|index/.test(rule)),
        [],
        `${source.name}: nothing fetched`,
      );
    }
  });

  it('2: an unknown --lanes value, a missing --workflow file', async () => {
    const lanes = await lanekit(dir, 'rehearse', '--lanes', 'all');
    assert.equal(lanes.code, 2);
    assert.match(
      lanes.stderr,
      /^lanekit rehearse: --lanes: got 'all', expected one of github\|velnor\|both/,
    );
    const missing = await lanekit(dir, 'rehearse', '--workflow', 'nope.yml');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--workflow: no such file 'nope\.yml'/);
  });
});

describe('lanekit rehearse: its default out/ stays out of the checkout’s checks', () => {
  it('is ignored by git and eslint (prettier reads .gitignore), so npm test after npm start passes', async () => {
    const ignored = spawnSync('git', ['check-ignore', '--quiet', 'out/index.html'], { cwd: ROOT });
    assert.equal(ignored.status, 0, 'git check-ignore out/index.html');
    const { ESLint } = await import('eslint');
    assert.ok(await new ESLint({ cwd: ROOT }).isPathIgnored(join(ROOT, 'out/mermaid.min.js')));
  });
});
