/**
 * Every example workflow runs through the workflow simulator: jobs in needs order with their
 * if: conditions, matrices expanded from their fromJSON(...) as GitHub expands them, and the
 * lanekit steps run by the local runner with the inputs the workflow gives them. Each job output
 * the workflow maps from a lanekit step must be one the action really writes. An example with a
 * test file of its own (test/examples/<example>.test.ts) is run there, with the services it needs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { laneOfJob } from '../../src/lanes/lane-of.ts';
import type { Lane, LanesConfig } from '../../src/lanes/lanes-config.ts';
import { parseLanesConfig } from '../../src/lanes/lanes-config.ts';
import { GitFixture } from '../../src/rehearsal/git-fixture.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { pullRequestPayload } from '../../src/rehearsal/payloads.ts';
import {
  assertStepsAndOutputs,
  EXAMPLES_DIR,
  exampleFiles,
  ownTestOf,
} from '../harness/example-workflows.ts';
import type {
  SimulatedJob,
  SimulationOptions,
  WorkflowSimulation,
} from '../../src/rehearsal/workflow-run.ts';
import { simulateWorkflow } from '../../src/rehearsal/workflow-run.ts';
import { ROOT } from '../../src/rehearsal/runner.ts';

interface Workflow {
  env?: Record<string, string>;
}

const dir = EXAMPLES_DIR;

let repo: GitFixture;
let workspace: string;
let baseSha: string;
let headSha: string;

before(() => {
  repo = new GitFixture();
  baseSha = repo.commit('base', {
    'Cargo.toml': '[workspace]\n',
    'mise.toml': '[tools]\nzig = "0.13"\n',
  });
  headSha = repo.commitOnBranch('feature', 'change', {
    'crates/app/src/lib.rs': '//\n',
    'docs/index.md': '# docs\n',
  });
  workspace = repo.clone({ ref: headSha });
});
after(() => {
  repo.cleanup();
});

const pullRequest = (fork = false) => ({
  name: 'pull_request',
  payload: pullRequestPayload({ baseSha, headSha, fork }),
});

function simulate(
  file: string,
  options: Partial<SimulationOptions> = {},
): Promise<WorkflowSimulation> {
  return simulateWorkflow({
    workflowFile: join(dir, file),
    workspace,
    event: pullRequest(),
    ...options,
  });
}

describe('example workflows', () => {
  for (const file of exampleFiles()) {
    const own = ownTestOf(file);
    if (own === undefined) {
      it(`${file}: lanekit steps run and produce the outputs the jobs map`, async () => {
        const simulation = await simulate(file);
        assert.ok(simulation.steps.length > 0, `${file} has no lanekit step`);
        assertStepsAndOutputs(file, simulation);
      });
    } else {
      // An example with `run:` steps that need its own setup is simulated by its own test.
      it(`${file}: ${own} simulates it and checks its steps and outputs`, () => {
        const source = readFileSync(join(ROOT, own), 'utf8');
        assert.match(source, new RegExp(`const FILE = '${file.replace(/\./g, '\\.')}'`));
        assert.match(source, /assertStepsAndOutputs\(FILE, simulation\)/);
      });
    }
  }
});

describe('lane-matrix.yml, as GitHub expands its matrices', () => {
  const file = 'lane-matrix.yml';
  const workflow = parse(readFileSync(join(dir, file), 'utf8')) as Workflow;
  const lanes: LanesConfig = parseLanesConfig(workflow.env!.LANES!, 'env.LANES');
  const laneNamed = (name: unknown) => lanes.lanes.find((lane) => lane.name === name)!;
  let api: GitHubApiServer;
  before(async () => {
    api = await GitHubApiServer.start();
  });
  after(() => api.close());

  const dispatch = (lanesInput: string) => ({
    name: 'workflow_dispatch',
    payload: {
      inputs: { lanes: lanesInput },
      ref: 'refs/heads/main',
      repository: { full_name: 'octo-org/octo-repo' },
    },
  });
  const job = (simulation: WorkflowSimulation, id: string): SimulatedJob =>
    simulation.jobs.get(id)!;
  const gateDecisions = (simulation: WorkflowSimulation) => {
    const gate = simulation.steps.find((s) => s.job === 'required')!;
    return {
      gate,
      decisions: JSON.parse(gate.result.outputs.decisions ?? '{}') as Record<
        string,
        { pass: boolean; why: string }
      >,
    };
  };

  /** Every leg of every lane job runs where its lane says, with its lane's env and optionality. */
  function assertLegs(simulation: WorkflowSimulation, expectedLanes: readonly Lane[]): void {
    for (const id of ['clippy', 'canary', 'e2e']) {
      const { legs } = job(simulation, id);
      assert.ok(legs.length > 0, `${id} ran no legs`);
      assert.deepEqual(
        [...new Set(legs.map((leg) => leg.matrix.lane))],
        expectedLanes.map((lane) => lane.name),
        `${id}: the lanes of its legs`,
      );
      for (const leg of legs) {
        const lane = laneNamed(leg.matrix.lane);
        assert.deepEqual(leg.runsOn, lane.runsOn, `${id} ${String(leg.name)}: runs-on`);
        assert.equal(
          leg.continueOnError,
          !lane.required,
          `${id} ${String(leg.name)}: continue-on-error is a boolean`,
        );
        assert.deepEqual(leg.env, lane.env, `${id} ${String(leg.name)}: env`);
        assert.equal(
          laneOfJob(lanes, String(leg.name))?.name,
          lane.name,
          `${String(leg.name)} names its lane`,
        );
      }
    }
  }

  it('runs every leg of both lanes where its lane says when a maintainer asks for both', async () => {
    const simulation = await simulate(file, { event: dispatch('both'), api });
    assertStepsAndOutputs(file, simulation);
    assertLegs(simulation, lanes.lanes);
    assert.equal(job(simulation, 'e2e').legs.length, 2 * 3);
    assert.deepEqual(
      job(simulation, 'canary').legs.map((leg) => leg.matrix.items),
      [['e2e/ensign-cycle.yml'], ['e2e/ensign-cycle.yml']],
    );
    assert.equal(job(simulation, 'sccache-stats').result, 'success', 'the velnor-only job runs');
    const velnor = laneNamed('velnor');
    assert.deepEqual(job(simulation, 'sccache-stats').legs[0]!.runsOn, velnor.runsOn);
    const { gate, decisions } = gateDecisions(simulation);
    assert.equal(gate.result.outputs.result, 'success');
    assert.match(gate.result.stdout, /Read 14 jobs of run 42 attempt 1/);
    assert.equal(decisions.clippy?.why, 'succeeded');
    const judged = JSON.parse(gate.result.outputs.decisions!) as Record<
      string,
      { legs: unknown[] }
    >;
    assert.deepEqual(
      Object.fromEntries(['clippy', 'canary', 'e2e'].map((id) => [id, judged[id]!.legs.length])),
      { clippy: 2, canary: 2, e2e: 6 },
      'each leg judged with its job, "e2e canary (...)" found through the name: of canary',
    );
    const scan = simulation.steps.find((s) => s.job === 'markers')!;
    const markers = JSON.parse(scan.result.outputs.markers!) as {
      sources: { name: string; kind: string; lane?: string; error?: string }[];
    };
    const lanesOf = (prefix: string) =>
      markers.sources.filter((s) => s.name.startsWith(prefix)).map((s) => s.lane);
    assert.deepEqual(lanesOf('clippy'), ['github', 'velnor'], 'each leg labelled with its lane');
    assert.deepEqual(
      markers.sources.filter((s) => s.error !== undefined).map((s) => s.kind),
      ['artifact'],
      'the simulated API serves the log of each finished leg, and every one is scanned; only the artifact listing fails, with no artifact service here',
    );
  });

  it('keeps a fork pull request on the hosted lane, and the velnor-only job skipped but allowed', async () => {
    const simulation = await simulate(file, { event: pullRequest(true), api });
    assertStepsAndOutputs(file, simulation);
    assertLegs(simulation, [lanes.defaultLane]);
    assert.equal(job(simulation, 'sccache-stats').result, 'skipped');
    const { decisions } = gateDecisions(simulation);
    assert.equal(decisions['sccache-stats']?.why, 'skipped; allowed by allowed-skips');
    const notice = simulation.steps.find((s) => s.id === 'checks')!.result.annotations;
    assert.deepEqual(
      notice,
      [],
      'nothing was asked beyond the default lane, so nothing was dropped',
    );
  });

  it('lets a red velnor leg through the gate, reported, and stops a red GitHub leg', async () => {
    const velnorRed = await simulate(file, {
      event: dispatch('both'),
      api,
      legOutcome: (id, matrix) =>
        id === 'e2e' && matrix.lane === 'velnor' && matrix.shard === 2 ? 'failure' : 'success',
    });
    assert.equal(
      job(velnorRed, 'e2e').result,
      'success',
      'continue-on-error kept the optional lane out of needs',
    );
    const optional = gateDecisions(velnorRed);
    assert.equal(optional.gate.result.exitCode, 0, optional.gate.result.stdout);
    assert.match(
      optional.decisions.e2e!.why,
      /^succeeded; optional lane velnor red \(e2e \(velnor, 2\/3\)\): reported, not fatal$/,
    );

    const githubRed = await simulate(file, {
      event: dispatch('both'),
      api,
      legOutcome: (id, matrix) =>
        id === 'clippy' && matrix.lane === 'github' ? 'failure' : 'success',
    });
    const required = gateDecisions(githubRed);
    assert.equal(required.gate.result.exitCode, 1);
    assert.equal(required.decisions.clippy!.why, 'failed on required lane github');
  });
});
