/**
 * deploy-budget-guard in one job, run in process: the seed's recipes (no dependency, a cold one,
 * a warm one, an upgrade in place, a promotion after green), a budget broken both ways, and the
 * configuration and record errors that must never pass.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { run } from '../../src/actions/deploy-budget-guard.ts';
import type { RunResult } from '../../src/rehearsal/runner.ts';
import { runInProcess } from '../../src/rehearsal/runner.ts';

const dir = mkdtempSync(join(tmpdir(), 'lanekit-budget-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});
let files = 0;

interface Deploy {
  readonly name: string;
  readonly counted?: boolean;
  readonly detail?: unknown;
  readonly operation?: string;
}

const line = ({ operation = 'deploy', ...rest }: Deploy, minute: number) =>
  `${JSON.stringify({ operation, ...rest, time: `2026-05-31T05:${String(minute).padStart(2, '0')}:00Z` })}\n`;

/** A job whose steps recorded `deploys`, then a check step with `inputs`. */
function checkJob(
  deploys: readonly Deploy[] | string,
  inputs: Readonly<Record<string, string>> = {},
): Promise<RunResult> {
  const file = join(dir, `records-${files++}.jsonl`);
  writeFileSync(file, typeof deploys === 'string' ? deploys : deploys.map(line).join(''));
  return runInProcess('deploy-budget-guard', run, {
    inputs: { mode: 'check', 'run-records': 'false', ...inputs },
    env: { LANEKIT_BUDGET_FILE: file, GITHUB_JOB: 'recipe' },
  });
}

const errors = (result: RunResult) =>
  result.annotations.filter((a) => a.command === 'error').map((a) => a.message);

function assertPasses(result: RunResult, countLine: string): void {
  assert.deepEqual(errors(result), []);
  assert.equal(result.exitCode, 0);
  assert.ok(
    result.stdout.split('\n').includes(countLine),
    `log carries ${countLine}:\n${result.stdout}`,
  );
  assert.ok(result.summary.split('\n').includes(countLine), 'and so does the summary');
  assert.equal(result.outputs.ok, 'true');
}

const keycloak = (state: 'cold' | 'warm') => JSON.stringify([{ name: 'keycloak', state }]);

describe("the seed's recipes", () => {
  it('a recipe with no dependency deploys once', async () => {
    const result = await checkJob([{ name: 'ghost' }]);
    assertPasses(result, 'deploy-count = 1 (expect 1)');
    assert.equal(result.outputs.count, '1');
    assert.equal(result.outputs.expected, '1');
  });

  it('a recipe with one cold dependency deploys it too', async () => {
    const result = await checkJob([{ name: 'keycloak' }, { name: 'lasuite-docs' }], {
      'cold-deps': keycloak('cold'),
    });
    assertPasses(result, 'deploy-count = 2 (expect 2)');
    assert.match(
      result.summary,
      /cold dependencies \(deployed\): <code>keycloak<\/code>; warm \(not deployed\): none/,
    );
  });

  it('a warm dependency is live already and costs nothing', async () => {
    const result = await checkJob([{ name: 'lasuite-docs' }], { 'cold-deps': keycloak('warm') });
    assertPasses(result, 'deploy-count = 1 (expect 1)');
  });

  it('an upgrade redeploys in place and a promotion after green is outside the budget', async () => {
    const result = await checkJob([
      { name: 'ghost', detail: { version: 'previous' } },
      { name: 'ghost', counted: false, detail: { tier: 'upgrade', 'in-place': true } },
      { name: 'ghost', counted: false, detail: { promotion: 'canonical' } },
    ]);
    assertPasses(result, 'deploy-count = 1 (expect 1)');
    const output = JSON.parse(result.outputs.records!) as {
      operations: { uncounted: number }[];
      records: { counted: boolean; job: string; line: number }[];
    };
    assert.equal(output.operations[0]!.uncounted, 2);
    assert.deepEqual(
      output.records.map((r) => [r.counted, r.job, r.line]),
      [
        [true, 'recipe', 1],
        [false, 'recipe', 2],
        [false, 'recipe', 3],
      ],
    );
    assert.match(result.summary, /\| recipe \| deploy \| ghost \| no \| 2026-05-31T05:01:00Z \|/);
  });
});

describe('a broken budget fails the step with every record shown', () => {
  it('one deploy over an exact budget', async () => {
    const result = await checkJob([{ name: 'ghost' }, { name: 'ghost' }]);
    assert.equal(result.exitCode, 1);
    assert.equal(result.outputs.ok, 'false');
    assert.deepEqual(errors(result), [
      'deploy-budget-guard: deploy-count = 2 (expect 1): 1 more than the budget == 1',
    ]);
    assert.ok(result.stdout.split('\n').includes('deploy-count = 2 (expect 1)'));
    const table = result.stdout.split('\n').filter((l) => /^recipe +deploy +ghost/.test(l));
    assert.equal(table.length, 2, 'both deploys in the log table, so the extra one shows');
    assert.match(table[1]!, /yes +2026-05-31T05:01:00Z +.*records-\d+\.jsonl:2$/);
    assert.match(result.summary, /### Deploy budget: budget broken/);
    assert.match(result.summary, /#### 2 records: which one is extra or missing/);
  });

  it('one deploy under: the cold dependency was never deployed', async () => {
    const result = await checkJob([{ name: 'lasuite-docs' }], { 'cold-deps': keycloak('cold') });
    assert.deepEqual(errors(result), [
      'deploy-budget-guard: deploy-count = 1 (expect 2): 1 fewer than the budget == 2',
    ]);
  });

  it('a bound, and a counted operation without a budget line', async () => {
    const pushes = [1, 2, 3].map((n) => ({ operation: 'image-push', name: `web-${n}` }));
    const budget = 'deploy: == 1\nimage-push: <= 2';
    const over = await checkJob([{ name: 'app' }, ...pushes], { budget });
    assert.deepEqual(errors(over), [
      'deploy-budget-guard: image-push-count = 3 (expect <= 2): 1 more than the budget <= 2',
    ]);
    assert.ok(over.stdout.split('\n').includes('deploy-count = 1 (expect 1)'));
    const within = await checkJob([{ name: 'app' }, ...pushes.slice(1)], { budget });
    assertPasses(within, 'image-push-count = 2 (expect <= 2)');
    const unbudgeted = await checkJob([{ name: 'app' }, { operation: 'db-migrate', name: 'x' }]);
    assert.deepEqual(errors(unbudgeted), [
      'deploy-budget-guard: 1 counted db-migrate record but no budget line for db-migrate',
    ]);
  });
});

describe('what never passes', () => {
  const configErrors: [Record<string, string>, RegExp][] = [
    [
      { budget: 'deploys!: == 1' },
      /^deploy-budget-guard: budget: line 1 'deploys!: == 1': unknown operation 'deploys!'/,
    ],
    [
      { budget: 'deploy: about 2' },
      /^deploy-budget-guard: budget: line 1 'deploy: about 2': cannot read the bound 'about 2'/,
    ],
    [
      { 'cold-deps': '-1' },
      /^deploy-budget-guard: cold-deps: got '-1', expected a count \(0 or more\)/,
    ],
    [
      { budget: 'deploy: == 1 - cold-deps', 'cold-deps': '2' },
      /^deploy-budget-guard: budget: deploy: '1 - cold-deps' is -1 with cold-deps 2/,
    ],
    [
      { mode: 'record', budget: 'deploy: == 1' },
      /^deploy-budget-guard: budget: is read in mode check, but this step runs mode record/,
    ],
    [
      { mode: 'verify' },
      /^deploy-budget-guard: mode: got 'verify', expected one of start\|record\|upload\|check$/,
    ],
  ];
  for (const [inputs, message] of configErrors) {
    it(`configuration error: ${JSON.stringify(inputs)}`, async () => {
      const result = await checkJob([{ name: 'app' }], inputs);
      assert.equal(result.exitCode, 1);
      const [error, ...rest] = errors(result);
      assert.match(error ?? '', message);
      assert.deepEqual(rest, []);
    });
  }

  it('a malformed record line fails with its file and line; each one is listed', async () => {
    const good = line({ name: 'app' }, 0);
    const result = await checkJob(
      `${good}{"operation":"deploy","na${good}${good}{"operation":"deploy"`,
    );
    assert.equal(result.exitCode, 1);
    assert.match(
      errors(result)[0]!,
      /^deploy-budget-guard: malformed record line \/.*records-\d+\.jsonl:2: not a JSON line: .* \(and 1 more\); no count is made from a corrupt record$/,
    );
    const warnings = result.annotations
      .filter((a) => a.command === 'warning')
      .map((a) => a.message);
    assert.deepEqual(
      warnings.map((w) => w.replace(/^.*records-\d+\.jsonl:(\d+): .*$/, '$1')),
      ['2', '4'],
    );
    assert.equal(result.outputs.ok, undefined, 'no verdict from a corrupt file');
  });

  it('hostile names and details stay data: no workflow command, no markup', async () => {
    const hostile = '::set-env name=PATH::/tmp\n::add-mask::x <img src=x>|';
    const result = await checkJob([{ name: hostile }, { name: 'x', detail: hostile }]);
    assert.equal(result.exitCode, 1);
    assert.deepEqual(
      result.commands.map((c) => c.command),
      ['error'],
      'the failure is the only workflow command',
    );
    assert.equal(result.legacyCommands.length, 0);
    assert.ok(!result.summary.includes('<img'), 'no HTML from a record reaches the summary');
    assert.match(
      result.stdout,
      /^recipe +deploy +\u200d?:?.*set-env name=PATH::\/tmp\\n::add-mask::x/m,
    );
  });
});

describe('start and record', () => {
  it('start exports the record file; record appends a timed line that check counts', async () => {
    const temp = mkdtempSync(join(dir, 'job-'));
    const env = { RUNNER_TEMP: temp, GITHUB_JOB: 'deploy' };
    const start = await runInProcess('deploy-budget-guard', run, {
      inputs: { mode: 'start' },
      env,
    });
    assert.equal(start.exitCode, 0, start.stdout);
    const file = start.exportedEnv.LANEKIT_BUDGET_FILE!;
    assert.equal(file, join(temp, 'lanekit-budget', 'records.jsonl'));
    assert.equal(start.outputs.file, file);
    assert.equal(readFileSync(file, 'utf8'), '');
    const jobEnv = { ...env, LANEKIT_BUDGET_FILE: file };
    const records: Record<string, string>[] = [
      { name: 'app' },
      { name: 'app', counted: 'false', detail: '{"promotion":true}' },
    ];
    for (const inputs of records) {
      const result = await runInProcess('deploy-budget-guard', run, {
        inputs: { mode: 'record', ...inputs },
        env: jobEnv,
      });
      assert.equal(result.exitCode, 0, result.stdout);
    }
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.equal(lines.length, 3);
    const second = JSON.parse(lines[1]!) as Record<string, unknown>;
    assert.deepEqual(
      { ...second, time: undefined },
      {
        operation: 'deploy',
        name: 'app',
        counted: false,
        time: undefined,
        detail: { promotion: true },
      },
    );
    assert.ok(Math.abs(Date.parse(String(second.time)) - Date.now()) < 60_000);
    const check = await runInProcess('deploy-budget-guard', run, {
      inputs: { 'run-records': 'false' },
      env: jobEnv,
    });
    assertPasses(check, 'deploy-count = 1 (expect 1)');
  });

  it('record refuses a bad operation and a detail over the line limit, naming the input', async () => {
    const env = { RUNNER_TEMP: mkdtempSync(join(dir, 'job-')) };
    for (const [inputs, message] of [
      [
        { operation: 'Deploy' },
        /^deploy-budget-guard: operation: got 'Deploy', expected a name like deploy/,
      ],
      [
        { detail: 'x'.repeat(5000) },
        /^deploy-budget-guard: detail: the record is \d+ bytes, over the 4096-byte line limit/,
      ],
    ] as const) {
      const result = await runInProcess('deploy-budget-guard', run, {
        inputs: { mode: 'record', ...inputs },
        env,
      });
      assert.match(errors(result)[0] ?? '', message);
    }
  });
});
