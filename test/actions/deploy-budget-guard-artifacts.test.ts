/**
 * deploy-budget-guard across the jobs of a run, through the local runner (dist/deploy-budget-
 * guard.js) and the real @actions/artifact against Azurite behind the Twirp ArtifactService:
 * three jobs record deploys from a shell step and upload them; a check job counts them with
 * its own records. It passes at the budget and fails one over and one under; a re-run job's
 * records replace its first attempt's.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ArtifactService } from '../../src/rehearsal/artifact-service.ts';
import type { RunResult } from '../../src/rehearsal/runner.ts';
import { runAction } from '../../src/rehearsal/runner.ts';

let service: ArtifactService;
const dir = mkdtempSync(join(tmpdir(), 'lanekit-budget-run-'));
before(async () => {
  service = await ArtifactService.start();
});
after(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One leg of a job: its RUNNER_TEMP shared by its steps, GITHUB_ENV exports carried on. */
class Leg {
  readonly #env: Record<string, string>;

  constructor(run: string, job: string, leg: string, attempt = 1) {
    this.#env = {
      ...service.env({ run, job: `${job}/${leg}/${attempt}` }),
      RUNNER_TEMP: mkdtempSync(join(dir, 'runner-temp-')),
      GITHUB_JOB: job,
      GITHUB_RUN_ATTEMPT: String(attempt),
    };
  }

  async step(inputs: Record<string, string>): Promise<RunResult> {
    const result = await runAction('deploy-budget-guard', { inputs, env: this.#env });
    Object.assign(this.#env, result.exportedEnv);
    return result;
  }

  /** A `run:` step deploying `names`: each deploy appends its record, as a shell script would. */
  deploy(...names: string[]): void {
    const script =
      'for name in "$@"; do printf \'{"operation":"deploy","name":"%s","time":"%s"}\\n\' ' +
      '"$name" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$LANEKIT_BUDGET_FILE"; done';
    const shell = spawnSync('sh', ['-c', script, 'sh', ...names], { env: this.#env });
    assert.equal(shell.status, 0, shell.stderr.toString());
  }
}

async function deployJob(run: string, job: string, leg: string, names: string[], attempt = 1) {
  const steps = new Leg(run, job, leg, attempt);
  const start = await steps.step({ mode: 'start' });
  assert.equal(start.exitCode, 0, start.stdout + start.stderr);
  steps.deploy(...names);
  const upload = await steps.step({ mode: 'upload', leg });
  assert.equal(upload.exitCode, 0, upload.stdout + upload.stderr);
  return upload.outputs.artifact!;
}

const COLD_DEPS = JSON.stringify([
  { name: 'keycloak', state: 'cold' },
  { name: 'postgres', state: 'warm' },
]);

async function checkJob(run: string, budget: string, extraDeploy = false, attempt = 1) {
  const steps = new Leg(run, 'budget', '', attempt);
  await steps.step({ mode: 'start' });
  if (extraDeploy) steps.deploy('ghost');
  return steps.step({ mode: 'check', budget, 'cold-deps': COLD_DEPS });
}

const errors = (result: RunResult) =>
  result.annotations.filter((a) => a.command === 'error').map((a) => a.message);

describe('records of a run, gathered from its artifacts', () => {
  const run = 'three-jobs';
  // Three recipes, one with a cold dependency: 3 + 1 deploys.
  const budget = 'deploy: == 3 + cold-deps';
  let artifacts: string[];
  before(async () => {
    artifacts = [
      await deployJob(run, 'canary', '', ['ghost']),
      await deployJob(run, 'recipes', 'lasuite-docs', ['keycloak', 'lasuite-docs']),
      await deployJob(run, 'recipes', 'nextcloud', ['nextcloud']),
    ];
  });

  it('names each leg apart', () => {
    assert.deepEqual(artifacts, [
      'lanekit-budget-canary-attempt-1',
      'lanekit-budget-recipes-lasuite-docs-attempt-1',
      'lanekit-budget-recipes-nextcloud-attempt-1',
    ]);
    assert.deepEqual(
      service
        .artifacts()
        .filter((a) => a.name.startsWith('lanekit-budget-'))
        .map((a) => a.name),
      artifacts,
    );
  });

  it('passes at the budget', async () => {
    const result = await checkJob(run, budget);
    assert.equal(result.exitCode, 0, result.stdout);
    assert.ok(result.stdout.split('\n').includes('deploy-count = 4 (expect 4)'));
    assert.ok(result.summary.includes('deploy-count = 4 (expect 4)'));
    const output = JSON.parse(result.outputs.records!) as {
      records: { job: string; name: string; source: string; line: number }[];
    };
    assert.deepEqual(
      output.records.map((r) => `${r.job}: ${r.name} @ ${r.source}:${r.line}`).toSorted(),
      [
        'canary: ghost @ lanekit-budget-canary-attempt-1/records.jsonl:1',
        'recipes (lasuite-docs): keycloak @ lanekit-budget-recipes-lasuite-docs-attempt-1/records.jsonl:1',
        'recipes (lasuite-docs): lasuite-docs @ lanekit-budget-recipes-lasuite-docs-attempt-1/records.jsonl:2',
        'recipes (nextcloud): nextcloud @ lanekit-budget-recipes-nextcloud-attempt-1/records.jsonl:1',
      ],
    );
  });

  it('fails one over: the check job deployed once more itself', async () => {
    const result = await checkJob(run, budget, true);
    assert.deepEqual(errors(result), [
      'deploy-budget-guard: deploy-count = 5 (expect 4): 1 more than the budget == 4',
    ]);
    assert.match(result.stdout, /^budget +deploy +ghost +yes .*records\.jsonl:1$/m);
  });

  it('fails one under: a dependency said cold was never deployed', async () => {
    const result = await checkJob(run, 'deploy: == 4 + cold-deps');
    assert.deepEqual(errors(result), [
      'deploy-budget-guard: deploy-count = 4 (expect 5): 1 fewer than the budget == 5',
    ]);
    for (const job of ['canary', 'recipes (lasuite-docs)', 'recipes (nextcloud)']) {
      assert.match(
        result.stdout,
        new RegExp(`^${job.replace(/[()]/g, '\\$&')} +deploy `, 'm'),
        job,
      );
    }
  });
});

describe('a re-run and hostile legs', () => {
  it("a re-run job's records replace its earlier attempt's; odd leg names stay apart", async () => {
    const run = 'rerun';
    const hostile = 'lane: a/b*?"<x>|\n::set-output';
    const names = [
      await deployJob(run, 'recipes', 'lasuite-docs', ['keycloak', 'lasuite-docs', 'lasuite-docs']),
      await deployJob(run, 'recipes', hostile, ['ghost']),
      await deployJob(run, 'recipes', hostile.replace('*', '_'), ['nextcloud']),
    ];
    assert.match(
      names[1]!,
      /^lanekit-budget-recipes-lane__a_b____x_____set-output-[0-9a-f]{10}-attempt-1$/,
    );
    assert.notEqual(names[1], names[2], 'two legs that clean up alike keep different names');
    const first = await checkJob(run, 'deploy: == 3 + cold-deps');
    assert.deepEqual(errors(first), [
      'deploy-budget-guard: deploy-count = 5 (expect 4): 1 more than the budget == 4',
    ]);
    // The lasuite-docs leg is re-run (attempt 2) and deploys as it should.
    await deployJob(run, 'recipes', 'lasuite-docs', ['keycloak', 'lasuite-docs'], 2);
    const second = await checkJob(run, 'deploy: == 3 + cold-deps', false, 2);
    assert.equal(second.exitCode, 0, second.stdout);
    assert.ok(second.stdout.split('\n').includes('deploy-count = 4 (expect 4)'));
    assert.match(second.stdout, /recipes \(lane: a\/b\*\?"<x>\|\\n::set-output\) +deploy +ghost/);
    assert.deepEqual(second.annotations, []);
    assert.ok(
      !second.commands.some((c) => c.command === 'set-output'),
      'the leg name never became a command',
    );
  });
});

describe('two legs without a leg input', () => {
  it('the second upload fails and says to give each leg its own leg', async () => {
    await deployJob('no-leg', 'recipes', '', ['ghost']);
    const second = new Leg('no-leg', 'recipes', 'other-backend-job');
    await second.step({ mode: 'start' });
    const upload = await second.step({ mode: 'upload' });
    assert.equal(upload.exitCode, 1);
    assert.match(
      errors(upload)[0] ?? '',
      /^deploy-budget-guard: could not upload artifact lanekit-budget-recipes-attempt-1: .*\(409\) Conflict.*; the legs of a matrix job each need their own leg input, e\.g\. \$\{\{ strategy\.job-index \}\}$/,
    );
  });
});
