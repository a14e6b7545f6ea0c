/**
 * examples/workflows/deploy-tests.yml, run by the workflow simulator with its `run:` steps and
 * the real artifact client on Azurite: the repository's ci/deploy appends a record per deploy,
 * each recipe's job checks and uploads its records, and the budget job counts the run's.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ArtifactService } from '../../src/rehearsal/artifact-service.ts';
import { assertStepsAndOutputs, EXAMPLES_DIR } from '../harness/example-workflows.ts';
import type { SimulatedStep, WorkflowSimulation } from '../../src/rehearsal/workflow-run.ts';
import { simulateWorkflow } from '../../src/rehearsal/workflow-run.ts';

const FILE = 'deploy-tests.yml';

/** How the repository's deploy scripts misbehave in a scenario. */
interface Repository {
  /** Dependencies already live: warm. */
  readonly live?: readonly string[];
  /** Recipes whose tests deploy them a second time: a redundant deploy. */
  readonly redeploy?: readonly string[];
  /** Apps deployed without going through the record (a deploy the guard never saw). */
  readonly unrecorded?: readonly string[];
}

const RECORD =
  'printf \'{"operation":"deploy","name":"%s","counted":%s,"time":"%s"}\\n\' "$1" "$2" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$LANEKIT_BUDGET_FILE"';

/** The scripts of the repository the example stands for: they deploy nothing, they record. */
function writeRepository(root: string, repository: Repository): void {
  const ci = join(root, 'ci');
  mkdirSync(ci, { recursive: true });
  const list = (name: string, items: readonly string[] = []) => {
    writeFileSync(join(ci, name), items.map((item) => `${item}\n`).join(''));
  };
  list('live.txt', repository.live);
  list('redeploy.txt', repository.redeploy);
  list('unrecorded.txt', repository.unrecorded);
  const scripts = {
    'is-live': '#!/bin/sh\ngrep -qx "$1" "$(dirname "$0")/live.txt"\n',
    deploy: `#!/bin/sh -e\nrecord() { ${RECORD}; }\necho "deploying $1"\ngrep -qx "$1" "$(dirname "$0")/unrecorded.txt" || record "$1" true\n`,
    'recipe-test': [
      '#!/bin/bash -e',
      `record() { ${RECORD}; }`,
      'here=$(dirname "$0")',
      '"$here/deploy" "$1"',
      'echo "install tier: pass"',
      'record "$1" false # the upgrade redeploys the same app in place: shown, not counted',
      'grep -qx "$1" "$here/redeploy.txt" && "$here/deploy" "$1"',
      'echo "backup, restore, custom tiers: pass"',
      '',
    ].join('\n'),
    promote: '#!/bin/sh\necho "promoting $1"\n',
  };
  for (const [name, text] of Object.entries(scripts)) {
    writeFileSync(join(ci, name), text);
    chmodSync(join(ci, name), 0o755);
  }
}

let service: ArtifactService;
const root = mkdtempSync(join(tmpdir(), 'lanekit-example-deploy-'));
let runs = 0;
before(async () => {
  service = await ArtifactService.start();
});
after(async () => {
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

/** The example run once against a repository; each run has artifacts of its own. */
function simulate(repository: Repository): Promise<WorkflowSimulation> {
  const run = `run-${runs++}`;
  const workspace = join(root, run);
  writeRepository(workspace, repository);
  return simulateWorkflow({
    workflowFile: join(EXAMPLES_DIR, FILE),
    workspace,
    event: { name: 'workflow_dispatch', payload: {} },
    runSteps: true,
    legEnv: (job, _matrix, index) => service.env({ run, job: `${job}-${index}` }),
  });
}

const checks = (simulation: WorkflowSimulation): SimulatedStep[] =>
  simulation.steps.filter(
    (s) => s.action === 'deploy-budget-guard' && (s.inputs.mode ?? 'check') === 'check',
  );
const countLines = (step: SimulatedStep) =>
  step.result.stdout.split('\n').filter((line) => /^deploy-count = /.test(line));
const errors = (step: SimulatedStep) =>
  step.result.annotations.filter((a) => a.command === 'error').map((a) => a.message);

describe(`${FILE}: a deploy budget proven per recipe and for the run`, () => {
  it('a cold dependency: each recipe deploys once, the run 3 + 1 times', async () => {
    const simulation = await simulate({});
    assertStepsAndOutputs(FILE, simulation);
    assert.equal(
      simulation.jobs.get('deps')!.outputs.state,
      '[{"name":"keycloak","state":"cold"}]',
    );
    assert.deepEqual(
      checks(simulation).map((s) => [`${s.job} ${s.inputs.leg ?? ''}`.trim(), countLines(s)]),
      [
        ['canary', ['deploy-count = 1 (expect 1)']],
        ['recipes lasuite-docs', ['deploy-count = 1 (expect 1)']],
        ['recipes nextcloud', ['deploy-count = 1 (expect 1)']],
        ['budget', ['deploy-count = 4 (expect 4)']],
      ],
    );
    const budget = checks(simulation).at(-1)!;
    assert.match(budget.result.summary, /cold dependencies \(deployed\): <code>keycloak<\/code>/);
    const records = JSON.parse(budget.result.outputs.records!) as {
      records: { job: string; name: string; counted: boolean }[];
    };
    assert.deepEqual(
      records.records
        .map((r) => `${r.job} ${r.name}${r.counted ? '' : ' (not counted)'}`)
        .toSorted(),
      [
        'canary ghost',
        'canary ghost (not counted)',
        'canary ghost (not counted)',
        'deps keycloak',
        'recipes (lasuite-docs) lasuite-docs',
        'recipes (lasuite-docs) lasuite-docs (not counted)',
        'recipes (nextcloud) nextcloud',
        'recipes (nextcloud) nextcloud (not counted)',
      ],
      'the upgrades in place and the promotion are shown, not counted',
    );
  });

  it('a warm dependency costs nothing: the run deploys 3 times', async () => {
    const simulation = await simulate({ live: ['keycloak'] });
    assertStepsAndOutputs(FILE, simulation);
    assert.deepEqual(countLines(checks(simulation).at(-1)!), ['deploy-count = 3 (expect 3)']);
  });

  it('a redundant redeploy turns the recipe and the run red, and the table shows it', async () => {
    const simulation = await simulate({ redeploy: ['nextcloud'] });
    const [canary, docs, nextcloud, budget] = checks(simulation);
    for (const step of [canary!, docs!]) assert.equal(step.result.exitCode, 0);
    assert.deepEqual(errors(nextcloud!), [
      'deploy-budget-guard: deploy-count = 2 (expect 1): 1 more than the budget == 1',
    ]);
    assert.equal(simulation.jobs.get('recipes')!.result, 'failure');
    assert.deepEqual(errors(budget!), [
      'deploy-budget-guard: deploy-count = 5 (expect 4): 1 more than the budget == 4',
    ]);
    const nextcloudDeploys = budget!.result.stdout
      .split('\n')
      .filter((line) => /^recipes \(nextcloud\) +deploy +nextcloud +yes /.test(line));
    assert.equal(nextcloudDeploys.length, 2, budget!.result.stdout);
  });

  it('a deploy that bypassed the record leaves the run one under', async () => {
    const simulation = await simulate({ unrecorded: ['keycloak'] });
    assert.deepEqual(errors(checks(simulation).at(-1)!), [
      'deploy-budget-guard: deploy-count = 3 (expect 4): 1 fewer than the budget == 4',
    ]);
  });
});
