/**
 * lanekit's own CI, .github/workflows/ci.yml, run by the workflow simulator on a repository that
 * holds lanekit's own routes and lanes files: change-router routes the pull request, the test
 * job runs or is skipped by that plan, lane-matrix's gate judges the jobs as the one required
 * check, and the report job scans and summarizes the run.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { GitFixture } from '../../src/rehearsal/git-fixture.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { pullRequestPayload } from '../../src/rehearsal/payloads.ts';
import { ROOT } from '../../src/rehearsal/runner.ts';
import type {
  SimulatedStep,
  SimulationOptions,
  WorkflowSimulation,
} from '../../src/rehearsal/workflow-run.ts';
import { simulateWorkflow } from '../../src/rehearsal/workflow-run.ts';

const WORKFLOW = join(ROOT, '.github', 'workflows', 'ci.yml');
const CHECKOUT = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8';

interface Job {
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  steps: { uses?: string }[];
}

const lanekitFile = (path: string) => readFileSync(join(ROOT, path), 'utf8');

let repo: GitFixture;
let api: GitHubApiServer;
let baseSha: string;

before(async () => {
  repo = new GitFixture();
  baseSha = repo.commit('base', {
    '.github/lanekit/routes.yml': lanekitFile('.github/lanekit/routes.yml'),
    '.github/lanekit/lanes.yml': lanekitFile('.github/lanekit/lanes.yml'),
    'README.md': '# lanekit\n',
    'src/cli.ts': 'export {};\n',
  });
  api = await GitHubApiServer.start();
});
after(async () => {
  await api.close();
  repo.cleanup();
});

/** The workflow run for a pull request whose branch changes `files`. */
async function pullRequest(
  branch: string,
  files: Record<string, string>,
  options: Partial<SimulationOptions> = {},
): Promise<WorkflowSimulation> {
  const headSha = repo.commitOnBranch(branch, `change ${branch}`, files);
  return simulateWorkflow({
    workflowFile: WORKFLOW,
    workspace: repo.clone({ ref: headSha }),
    event: { name: 'pull_request', payload: pullRequestPayload({ baseSha, headSha }) },
    api,
    ...options,
  });
}

const stepOf = (simulation: WorkflowSimulation, action: string): SimulatedStep => {
  const step = simulation.steps.find((s) => s.action === action);
  assert.ok(step, `no ${action} step ran`);
  return step;
};

function gate(simulation: WorkflowSimulation) {
  const step = stepOf(simulation, 'lane-matrix');
  assert.equal(step.job, 'required');
  return {
    step,
    decisions: JSON.parse(step.result.outputs.decisions ?? '{}') as Record<
      string,
      { pass: boolean; why: string }
    >,
  };
}

/**
 * The routing and reporting steps succeed whatever the tests did; the report job scans the logs
 * of every job that ran before it and times the run up to the required gate, with the gate's
 * conclusion. (The simulated API serves the jobs but no logs and no run, so both report that
 * and carry on.)
 */
function assertReported(simulation: WorkflowSimulation, gateResult: 'success' | 'failure'): void {
  for (const action of ['change-router', 'marker-scanner', 'timing-summary']) {
    const { result } = stepOf(simulation, action);
    assert.equal(result.exitCode, 0, `${action}:\n${result.stdout}${result.stderr}`);
  }
  const scan = stepOf(simulation, 'marker-scanner');
  assert.equal(scan.job, 'report');
  const ran = [...simulation.jobs.values()]
    .filter((job) => job.id !== 'report' && job.result !== 'skipped')
    .map((job) => job.id);
  const markers = JSON.parse(scan.result.outputs.markers!) as { sources: { name: string }[] };
  assert.deepEqual(markers.sources.map((source) => source.name).sort(), ran.sort());
  const timing = stepOf(simulation, 'timing-summary');
  assert.equal(timing.job, 'report');
  const report = JSON.parse(timing.result.outputs.report!) as {
    headline: { target: { jobs: string[]; conclusion: string } };
  };
  assert.deepEqual(report.headline.target.jobs, ['required']);
  assert.equal(report.headline.target.conclusion, gateResult);
}

describe('ci.yml', () => {
  it('skips the test job for a docs-only pull request, and the required gate passes it', async () => {
    const simulation = await pullRequest('docs-only', {
      'README.md': '# lanekit\n\nMore words.\n',
      'docs/guide.md': '# Guide\n',
    });
    const changes = simulation.jobs.get('changes')!;
    assert.deepEqual(
      { code: changes.outputs.code, tests: changes.outputs.tests, docs: changes.outputs.docs },
      { code: 'false', tests: 'false', docs: 'true' },
    );
    assert.equal(simulation.jobs.get('test')!.result, 'skipped');
    assert.equal(simulation.jobs.get('docs')!.result, 'success');
    const { step, decisions } = gate(simulation);
    assert.equal(step.result.exitCode, 0, step.result.stdout);
    assert.equal(step.result.outputs.result, 'success');
    assert.equal(decisions.test!.pass, true);
    assert.match(decisions.test!.why, /skipped/);
    assert.equal(simulation.jobs.get('required')!.result, 'success');
    assertReported(simulation, 'success');
  });

  it('runs the test job for a source change, and the gate judges it', async () => {
    const simulation = await pullRequest('source', { 'src/cli.ts': 'export const x = 1;\n' });
    assert.equal(simulation.jobs.get('changes')!.outputs.code, 'true');
    assert.equal(simulation.jobs.get('test')!.result, 'success');
    assert.equal(simulation.jobs.get('docs')!.result, 'skipped');
    const { step, decisions } = gate(simulation);
    assert.equal(step.result.exitCode, 0, step.result.stdout);
    assert.equal(decisions.test!.why, 'succeeded');
    assert.equal(decisions.docs!.pass, true);
    assertReported(simulation, 'success');
  });

  it('fails the required gate when the test job fails, and still reports the run', async () => {
    const simulation = await pullRequest(
      'red',
      { 'test/cli.test.ts': 'export {};\n' },
      { legOutcome: (job) => (job === 'test' ? 'failure' : 'success') },
    );
    assert.equal(simulation.jobs.get('test')!.result, 'failure');
    const { step, decisions } = gate(simulation);
    assert.equal(step.result.exitCode, 1);
    assert.equal(step.result.outputs.result, 'failure');
    assert.equal(decisions.test!.pass, false);
    assert.match(decisions.test!.why, /fail/);
    assert.equal(simulation.jobs.get('required')!.result, 'failure');
    assertReported(simulation, 'failure');
  });

  it('pins checkout, bounds every job, grants each job its permissions, and checks out before a local action', () => {
    const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as {
      permissions: unknown;
      jobs: Record<string, Job>;
    };
    assert.deepEqual(workflow.permissions, {}, 'nothing granted beyond what each job asks');
    for (const [id, job] of Object.entries(workflow.jobs)) {
      assert.ok(job['timeout-minutes']! > 0, `${id}: timeout-minutes`);
      assert.ok(job.permissions, `${id}: permissions`);
      assert.ok(
        Object.values(job.permissions).every((access) => access === 'read'),
        `${id}: read-only`,
      );
      const uses = job.steps.map((step) => step.uses ?? 'run');
      assert.equal(uses[0], CHECKOUT, `${id}: checkout first, pinned by its commit`);
      assert.deepEqual(
        uses.filter((use) => use.startsWith('actions/')),
        [CHECKOUT],
        `${id}: no other third-party action, and one checkout`,
      );
    }
  });
});
