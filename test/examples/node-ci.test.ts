/**
 * examples/workflows/node-ci.yml, run by the workflow simulator with its `run:` steps on the
 * rehearsal's npm app (src/rehearsal/sample-repository.ts), whose one dependency is a tarball in the repository (no registry is reachable here,
 * but npm caches a tarball's content as it caches a download): dispatched with lanes: both, each
 * lane's warm-up fills and saves npm's cache to the local CacheService, and every lint, test and
 * build leg of that lane, on a fresh machine (its home wiped), restores the lane's exact key and
 * runs `npm ci` offline; the gate judges both lanes and the summary reads the run.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CacheService } from '../../src/rehearsal/cache-service.ts';
import { assertStepsAndOutputs, EXAMPLES_DIR } from '../harness/example-workflows.ts';
import { GitFixture } from '../../src/rehearsal/git-fixture.ts';
import { commitNpmApp } from '../../src/rehearsal/sample-repository.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { assertRanInNeedsOrder } from '../harness/needs-order.ts';
import type { WorkflowSimulation } from '../../src/rehearsal/workflow-run.ts';
import { simulateWorkflow } from '../../src/rehearsal/workflow-run.ts';

const FILE = 'node-ci.yml';
const LANES = ['github', 'velnor'];

describe(`${FILE}: a warm npm cache per lane, an offline fan-out on both lanes, the gate and the summary`, () => {
  let service: CacheService;
  let api: GitHubApiServer;
  let repo: GitFixture;
  let root: string;
  let baseSha: string;

  before(async () => {
    [service, api] = await Promise.all([CacheService.start(), GitHubApiServer.start()]);
    root = mkdtempSync(join(tmpdir(), 'lanekit-example-node-ci-'));
    repo = new GitFixture();
    baseSha = commitNpmApp(repo, root);
  });
  after(async () => {
    repo.cleanup();
    rmSync(root, { recursive: true, force: true });
    await Promise.all([service.close(), api.close()]);
  });

  function simulate(): Promise<WorkflowSimulation> {
    const home = join(root, 'home');
    return simulateWorkflow({
      workflowFile: join(EXAMPLES_DIR, FILE),
      workspace: repo.clone({ ref: baseSha }),
      event: {
        name: 'workflow_dispatch',
        payload: {
          inputs: { lanes: 'both' },
          ref: 'refs/heads/main',
          repository: { full_name: 'octo-org/octo-repo', default_branch: 'main' },
        },
      },
      api,
      runSteps: true,
      // Every leg is a fresh runner: the same home path, its npm cache wiped.
      legEnv: (job, _matrix, index) => {
        rmSync(home, { recursive: true, force: true });
        mkdirSync(home);
        return {
          HOME: home,
          npm_config_update_notifier: 'false',
          ...service.env({ job: `${job}-${index}` }),
        };
      },
    });
  }

  it('dispatched with lanes: both, fills npm cache once per lane and runs every leg of both lanes offline', async () => {
    const simulation = await simulate();
    assertStepsAndOutputs(FILE, simulation);
    assert.deepEqual(assertRanInNeedsOrder(FILE, simulation), [], 'every job ran, in needs order');
    for (const [id, job] of simulation.jobs) assert.equal(job.result, 'success', id);

    const warmups = simulation.steps.filter((s) => s.job === 'warmup');
    assert.deepEqual(
      warmups.map((s) => s.inputs.lane),
      LANES,
      'one warm-up per lane',
    );
    const keyOf = new Map<string, string>();
    for (const { inputs, result } of warmups) {
      assert.equal(result.outputs.populated, 'true', `${inputs.lane!}: filled online`);
      assert.equal(result.outputs.verified, 'true', `${inputs.lane!}: npm ci --offline passed`);
      assert.match(result.outputs.key!, new RegExp(`^registry-warmup-v1-${inputs.lane!}-npm-`));
      keyOf.set(inputs.lane!, result.outputs.key!);
    }

    const restores = simulation.steps.filter(
      (s) => s.action === 'registry-warmup' && s.job !== 'warmup',
    );
    assert.equal(restores.length, 2 + 2 + 4 + 4, 'lint 2, canary 2, test 2 shards×2, build 2×2');
    for (const { job, matrix, result } of restores) {
      const lane = matrix.lane as string;
      const where = `${job} on ${lane}`;
      assert.equal(result.outputs['cache-hit'], 'true', where);
      assert.equal(result.outputs.key, keyOf.get(lane), `${where}: its lane's key`);
      assert.deepEqual(result.exportedEnv, { npm_config_offline: 'true' }, where);
    }
    assert.equal(service.uploads, 2, 'each lane saved its entry once');
    assert.equal(service.downloads, restores.length);

    const testsRun = (job: string, lane: string) =>
      simulation.steps
        .filter((s) => s.job === job && s.action === 'run' && s.matrix.lane === lane)
        // Off a terminal, Node 20 prints TAP (`ok 1 - smoke`), Node 24 spec (`✔ smoke (1.2ms)`).
        .flatMap((s) =>
          [...s.result.stdout.matchAll(/^(?:ok \d+ - (\w+)|✔ (\w+) \()/gm)].map(
            (m) => m[1] ?? m[2],
          ),
        )
        .sort();
    const builtOn = (lane: string) =>
      simulation.steps
        .filter((s) => s.job === 'build' && s.action === 'run' && s.matrix.lane === lane)
        .filter((s) => /built on node/.test(s.result.stdout)).length;
    for (const lane of LANES) {
      assert.deepEqual(testsRun('test-canary', lane), ['smoke'], `${lane}: the canary`);
      assert.deepEqual(testsRun('test', lane), ['cli', 'format', 'parse'], `${lane}: the shards`);
      assert.equal(builtOn(lane), 2, `${lane}: a build per Node version`);
    }

    const gate = simulation.steps.find((s) => s.job === 'required')!;
    assert.equal(gate.result.outputs.result, 'success', gate.result.stdout);
    const decisions = JSON.parse(gate.result.outputs.decisions!) as Record<
      string,
      { legs: { lane: string }[] }
    >;
    assert.deepEqual(
      [...new Set(decisions.build!.legs.map((leg) => leg.lane))],
      LANES,
      'the legs of both lanes judged',
    );
    const summary = simulation.steps.filter((s) => s.job === 'summary');
    assert.deepEqual(
      summary.map((s) => s.action),
      ['marker-scanner', 'timing-summary'],
    );
    // The simulated API serves the run's jobs (no logs, no run): the figures are the jobs'.
    assert.match(
      summary[1]!.result.outputs['target-seconds']!,
      /^\d+$/,
      'target-job: required names a job of the run, which completed',
    );
    assert.match(summary[1]!.result.summary, /\| wall \| to <code>required<\/code> \|/);
  });
});
