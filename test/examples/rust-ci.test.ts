/**
 * examples/workflows/rust-ci.yml, run by the workflow simulator with its `run:` steps on the
 * rehearsal's sample repository (src/rehearsal/sample-repository.ts: a Cargo workspace locked
 * against a loopback sparse registry of crates made on the spot): dispatched with lanes: both, each lane's
 * warm-up fetches once and saves to the local CacheService, and every check, clippy and test leg
 * of that lane, on a fresh machine (its home wiped), restores the lane's exact key and runs Cargo
 * offline; the gate judges both lanes and the summary reads the run. A docs-only pull request
 * runs no Cargo at all, and the gate lets the Rust jobs be skipped.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CacheService } from '../../src/rehearsal/cache-service.ts';
import type { CargoRegistry } from '../../src/rehearsal/cargo-registry.ts';
import { findCargo } from '../../src/rehearsal/cargo-project.ts';
import {
  buildSampleRepository,
  startSampleRegistry,
} from '../../src/rehearsal/sample-repository.ts';
import { assertStepsAndOutputs, EXAMPLES_DIR } from '../harness/example-workflows.ts';
import { GitFixture } from '../../src/rehearsal/git-fixture.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { assertRanInNeedsOrder } from '../harness/needs-order.ts';
import { pullRequestPayload } from '../../src/rehearsal/payloads.ts';
import type { WorkflowSimulation } from '../../src/rehearsal/workflow-run.ts';
import { simulateWorkflow } from '../../src/rehearsal/workflow-run.ts';

const FILE = 'rust-ci.yml';
/** What Cargo prints when it goes to the network. */
const NETWORK_LINES = /^\s*(Updating|Downloading|Downloaded) /m;
const LANES = ['github', 'velnor'];

/** The crates main's Cargo.lock locks (the sample's feature branch adds palette). */
const MAIN_CRATES = ['digits', 'spans', 'switches', 'tokens'];

describe(`${FILE}: routing, a warm-up per lane, an offline fan-out on both lanes, the gate and the summary`, () => {
  let registry: CargoRegistry;
  let service: CacheService;
  let api: GitHubApiServer;
  let repo: GitFixture;
  let root: string;
  let baseSha: string;
  let headSha: string;

  before(async () => {
    findCargo();
    root = mkdtempSync(join(tmpdir(), 'lanekit-example-rust-ci-'));
    [registry, service, api] = await Promise.all([
      startSampleRegistry(join(root, 'crates')),
      CacheService.start(),
      GitHubApiServer.start(),
    ]);
    ({ repo, mainSha: baseSha } = await buildSampleRepository(registry, root));
    headSha = repo.commitOnBranch('docs', 'docs only', { 'docs/index.md': '# Sample\n\nMore.\n' });
  });
  after(async () => {
    repo.cleanup();
    rmSync(root, { recursive: true, force: true });
    await Promise.all([registry.close(), service.close(), api.close()]);
  });

  /**
   * Every leg is a fresh runner: the same home path, wiped, whose ~/.cargo knows only the
   * registry's address. The workspace (and its target/) is shared, as one runner's would be.
   */
  function simulate(
    event: { name: string; payload: unknown },
    ref: string,
  ): Promise<WorkflowSimulation> {
    const home = join(root, 'home');
    return simulateWorkflow({
      workflowFile: join(EXAMPLES_DIR, FILE),
      workspace: repo.clone({ ref }),
      event,
      api,
      runSteps: true,
      legEnv: (job, _matrix, index) => {
        registry.freshHome(home);
        return {
          HOME: home,
          RUSTUP_HOME: process.env.RUSTUP_HOME ?? join(homedir(), '.rustup'),
          CARGO_TERM_COLOR: 'never',
          ...service.env({ job: `${job}-${index}` }),
        };
      },
    });
  }

  const stepsOf = (simulation: WorkflowSimulation, job: string, action?: string) =>
    simulation.steps.filter((s) => s.job === job && (action === undefined || s.action === action));
  const gateOf = (simulation: WorkflowSimulation) => {
    const [gate] = stepsOf(simulation, 'required', 'lane-matrix');
    assert.ok(gate, 'the gate ran');
    return {
      result: gate.result,
      decisions: JSON.parse(gate.result.outputs.decisions ?? '{}') as Record<
        string,
        { pass: boolean; why: string; legs: { lane: string }[] }
      >,
    };
  };

  it('dispatched with lanes: both, fetches once per lane and runs every leg of both lanes offline', async () => {
    const simulation = await simulate(
      {
        name: 'workflow_dispatch',
        payload: {
          inputs: { lanes: 'both' },
          ref: 'refs/heads/main',
          repository: { full_name: 'octo-org/octo-repo', default_branch: 'main' },
        },
      },
      baseSha,
    );
    assertStepsAndOutputs(FILE, simulation);
    assert.deepEqual(assertRanInNeedsOrder(FILE, simulation), [], 'every job ran, in needs order');
    for (const [id, job] of simulation.jobs) {
      assert.equal(job.result, 'success', `${id}: ${job.result}`);
    }

    const warmups = stepsOf(simulation, 'warmup', 'registry-warmup');
    assert.deepEqual(
      warmups.map((s) => s.inputs.lane),
      LANES,
      'one warm-up per lane',
    );
    const keyOf = new Map<string, string>();
    for (const { inputs, result } of warmups) {
      assert.equal(result.outputs.populated, 'true', `${inputs.lane!}: fetched online`);
      assert.equal(result.outputs.verified, 'true', `${inputs.lane!}: proven offline`);
      assert.match(result.outputs.key!, new RegExp(`^registry-warmup-v1-${inputs.lane!}-cargo-`));
      keyOf.set(inputs.lane!, result.outputs.key!);
    }
    assert.deepEqual(
      registry
        .downloads()
        .map((name) => name.split('@')[0])
        .sort(),
      MAIN_CRATES.flatMap((name) => [name, name]),
      'every crate downloaded once per lane, by its warm-up only',
    );

    const restores = simulation.steps.filter(
      (s) => s.action === 'registry-warmup' && s.job !== 'warmup',
    );
    assert.equal(restores.length, 4 + 2 + 2 + 4, 'check 2×2, clippy 2, canary 2, test 2 shards×2');
    for (const { job, matrix, result } of restores) {
      const lane = matrix.lane as string;
      const where = `${job} on ${lane}`;
      assert.equal(result.outputs['cache-hit'], 'true', where);
      assert.equal(result.outputs.key, keyOf.get(lane), `${where}: its lane's key`);
      assert.deepEqual(result.exportedEnv, { CARGO_NET_OFFLINE: 'true' }, where);
    }
    assert.equal(service.uploads, 2, 'each lane saved its entry once');
    assert.equal(service.downloads, restores.length);

    const cargoRuns = simulation.steps.filter(
      (s) => s.action === 'run' && ['check', 'clippy', 'test-canary', 'test'].includes(s.job),
    );
    assert.equal(cargoRuns.length, restores.length);
    for (const { job, result } of cargoRuns) {
      assert.doesNotMatch(`${result.stdout}\n${result.stderr}`, NETWORK_LINES, job);
    }
    const packagesTested = (job: string, lane: string) =>
      stepsOf(simulation, job, 'run')
        .filter((s) => s.matrix.lane === lane)
        .flatMap((s) => [...s.result.stdout.matchAll(/^test (\w+) \.\.\. ok$/gm)].map((m) => m[1]))
        .sort();
    for (const lane of LANES) {
      assert.deepEqual(packagesTested('test-canary', lane), ['formats'], `${lane}: canary is core`);
      assert.deepEqual(
        packagesTested('test', lane),
        ['has_a_mode', 'parses', 'shows_the_version'],
        `${lane}: the shards test parser, render and cli, each once`,
      );
    }

    const gate = gateOf(simulation);
    assert.equal(gate.result.outputs.result, 'success', gate.result.stdout);
    for (const job of ['warmup', 'check', 'clippy', 'test-canary', 'test']) {
      assert.deepEqual(
        [...new Set(gate.decisions[job]!.legs.map((leg) => leg.lane))],
        LANES,
        `${job}: legs of both lanes judged`,
      );
    }

    const [scan] = stepsOf(simulation, 'summary', 'marker-scanner');
    const markers = JSON.parse(scan!.result.outputs.markers!) as {
      sources: { name: string; lane?: string }[];
    };
    const laneOfSource = (name: string) => markers.sources.find((s) => s.name === name)?.lane;
    for (const lane of LANES) {
      for (const job of ['registry warm-up', 'clippy', 'test canary']) {
        assert.equal(laneOfSource(`${job} (${lane})`), lane, `the scan read ${job} (${lane})`);
      }
    }
    const [timing] = stepsOf(simulation, 'summary', 'timing-summary');
    // The simulated API serves the run's jobs (no logs, no run): the figures are the jobs'.
    assert.match(
      timing!.result.outputs['target-seconds']!,
      /^\d+$/,
      'target-job: required names a job of the run, which completed',
    );
    assert.match(timing!.result.summary, /\| wall \| to <code>required<\/code> \|/);
  });

  it('on a docs-only pull request runs no Cargo, and the gate lets the Rust jobs be skipped', async () => {
    const before = { uploads: service.uploads, downloads: registry.downloads().length };
    const simulation = await simulate(
      { name: 'pull_request', payload: pullRequestPayload({ baseSha, headSha }) },
      headSha,
    );
    assertStepsAndOutputs(FILE, simulation);
    for (const job of ['warmup', 'check', 'clippy', 'test-canary', 'test']) {
      assert.equal(simulation.jobs.get(job)!.result, 'skipped', job);
    }
    assert.ok(
      !assertRanInNeedsOrder(FILE, simulation).includes('docs -> required'),
      'the docs job ran before the gate',
    );
    assert.equal(simulation.jobs.get('docs')!.result, 'success');
    assert.deepEqual(
      { uploads: service.uploads, downloads: registry.downloads().length },
      before,
      'nothing fetched, nothing saved',
    );
    const gate = gateOf(simulation);
    assert.equal(gate.result.outputs.result, 'success', gate.result.stdout);
    assert.match(gate.decisions.test!.why, /^skipped/);
    assert.equal(gate.decisions.test!.pass, true);
    assert.equal(stepsOf(simulation, 'summary').length, 2, 'the summary runs whatever happened');
  });
});
