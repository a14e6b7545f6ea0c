/**
 * examples/workflows/registry-warmup.yml, run by the workflow simulator with its `run:` steps:
 * a Cargo project with a nested fuzz workspace, locked against a loopback sparse registry; the
 * lane's warm-up job fetches and saves to the local CacheService, and each test shard, on a
 * fresh machine (its home wiped), restores the exact key and runs Cargo offline.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CacheService } from '../../src/rehearsal/cache-service.ts';
import { CargoRegistry, TEST_CRATES } from '../../src/rehearsal/cargo-registry.ts';
import { findCargo, writeCargoProject } from '../../src/rehearsal/cargo-project.ts';
import { assertStepsAndOutputs, EXAMPLES_DIR } from '../harness/example-workflows.ts';
import { GitFixture } from '../../src/rehearsal/git-fixture.ts';
import { pullRequestPayload } from '../../src/rehearsal/payloads.ts';
import type { WorkflowSimulation } from '../../src/rehearsal/workflow-run.ts';
import { simulateWorkflow } from '../../src/rehearsal/workflow-run.ts';

const FILE = 'registry-warmup.yml';
/** What Cargo prints when it goes to the network. */
const NETWORK_LINES = /^\s*(Updating|Downloading|Downloaded) /m;

function filesUnder(root: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(root, path), readFileSync(path, 'utf8')];
      }),
  );
}

describe(`${FILE}: per-lane warm-up, then a fan-out that restores offline`, () => {
  let registry: CargoRegistry;
  let service: CacheService;
  let repo: GitFixture;
  let root: string;
  let workspace: string;
  let event: { name: string; payload: unknown };

  before(async () => {
    findCargo();
    [registry, service] = await Promise.all([CargoRegistry.start(), CacheService.start()]);
    root = mkdtempSync(join(tmpdir(), 'lanekit-example-warmup-'));
    const project = join(root, 'project');
    const cargoHome = join(root, 'locking-cargo-home');
    mkdirSync(cargoHome);
    writeFileSync(join(cargoHome, 'config.toml'), registry.cargoConfig());
    await writeCargoProject(project, cargoHome);
    repo = new GitFixture();
    const baseSha = repo.commit('base', filesUnder(project));
    const headSha = repo.commitOnBranch('feature', 'change', {
      'src/lib.rs': `${readFileSync(join(project, 'src/lib.rs'), 'utf8')}// changed\n`,
    });
    workspace = repo.clone({ ref: headSha });
    event = { name: 'pull_request', payload: pullRequestPayload({ baseSha, headSha }) };
  });
  after(async () => {
    repo.cleanup();
    rmSync(root, { recursive: true, force: true });
    await Promise.all([registry.close(), service.close()]);
  });

  /**
   * Every leg is a fresh runner: the same home path, wiped, whose ~/.cargo knows only the
   * registry's address (cache archives hold paths relative to the workspace, so a job restores
   * to the same place only where the layout is the same, as on GitHub's runners).
   */
  function simulate(): Promise<WorkflowSimulation> {
    const home = join(root, 'home');
    return simulateWorkflow({
      workflowFile: join(EXAMPLES_DIR, FILE),
      workspace,
      event,
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

  it('downloads each crate once, in the warm-up; the test shards restore the exact key and run offline', async () => {
    const simulation = await simulate();
    assertStepsAndOutputs(FILE, simulation);
    const warmups = simulation.steps.filter((s) => s.job === 'warmup');
    assert.equal(warmups.length, 1, 'one lane on a pull request, so one warm-up');
    const warm = warmups[0]!.result;
    assert.equal(warm.outputs.populated, 'true');
    assert.equal(warm.outputs.verified, 'true');
    assert.deepEqual(simulation.jobs.get('warmup')!.outputs, { key: warm.outputs.key });
    assert.deepEqual(
      registry
        .downloads()
        .map((crate) => crate.split('@')[0])
        .sort(),
      [...TEST_CRATES].sort(),
      'every crate of both lockfiles downloaded exactly once, by the warm-up',
    );

    const restores = simulation.steps.filter((s) => s.job === 'test' && s.action !== 'run');
    assert.equal(restores.length, 2, 'two shards, one per Cargo workspace');
    for (const { result } of restores) {
      assert.equal(result.outputs['cache-hit'], 'true');
      assert.equal(result.outputs.key, warm.outputs.key);
      assert.deepEqual(result.exportedEnv, { CARGO_NET_OFFLINE: 'true' });
    }
    const cargoRuns = simulation.steps.filter((s) => s.job === 'test' && s.action === 'run');
    assert.equal(cargoRuns.length, 2 * 2);
    for (const { result } of cargoRuns) {
      assert.doesNotMatch(`${result.stdout}\n${result.stderr}`, NETWORK_LINES);
    }
    assert.equal(service.uploads, 1);
    assert.equal(service.downloads, 2);
  });
});
