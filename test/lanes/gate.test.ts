import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunJob } from '../../src/github/run-jobs.ts';
import type { GateRequest, RunLegs } from '../../src/lanes/gate.ts';
import { judgeGate } from '../../src/lanes/gate.ts';
import { gateSummary } from '../../src/lanes/gate-summary.ts';
import { parseLanesConfig } from '../../src/lanes/lanes-config.ts';
import type { NeedResult } from '../../src/lanes/needs.ts';
import { routeStatesFromPlan, tieRoutes } from '../../src/lanes/route-ties.ts';

const config = parseLanesConfig(
  `default: github
lanes:
  github: { runs-on: ubuntu-24.04, hosted: true }
  velnor: { runs-on: [self-hosted, velnor], hosted: false, required: false }
`,
  'f',
);

let nextId = 100;
function job(name: string, conclusion: string | null, status = 'completed'): RunJob {
  return {
    id: nextId++,
    name,
    status,
    conclusion,
    runAttempt: 1,
    createdAt: null,
    startedAt: null,
    completedAt: null,
    labels: [],
    runnerName: null,
    runnerGroupName: null,
    workflowName: 'CI',
    htmlUrl: `https://github.com/octo-org/octo-repo/actions/runs/1/job/${nextId}`,
    steps: [],
  };
}
const legs = (jobs: RunJob[], complete = true, nameBases = new Map<string, string>()): RunLegs => ({
  config,
  jobs,
  complete,
  nameBases,
});
const plan = {
  routes: { rust: { run: true }, docs: { run: false } },
};

interface Case {
  name: string;
  needs: Record<string, NeedResult>;
  allowedSkips?: string[];
  allowedFailures?: string[];
  mustRun?: boolean;
  legs?: RunLegs;
  pass: boolean;
  why: Record<string, RegExp>;
}

const cases: Case[] = [
  {
    name: 'every job succeeded',
    needs: { build: 'success', test: 'success' },
    pass: true,
    why: { test: /^succeeded$/ },
  },
  {
    name: 'a skipped job is not a success by default',
    needs: { build: 'success', test: 'skipped' },
    pass: false,
    why: { test: /skipped, and skipped is not success: list it in allowed-skips/ },
  },
  {
    name: 'allowed-skips lets a skip pass',
    needs: { test: 'skipped' },
    allowedSkips: ['test'],
    pass: true,
    why: { test: /allowed by allowed-skips/ },
  },
  {
    name: 'allowed-skips does not excuse a failure',
    needs: { test: 'failure' },
    allowedSkips: ['test'],
    pass: false,
    why: { test: /^failed$/ },
  },
  {
    name: 'allowed-failures is honoured for a failure',
    needs: { build: 'success', nightly: 'failure' },
    allowedFailures: ['nightly'],
    pass: true,
    why: { nightly: /failed; allowed by allowed-failures/ },
  },
  {
    name: 'allowed-failures is honoured for a cancellation',
    needs: { nightly: 'cancelled' },
    allowedFailures: ['nightly'],
    pass: true,
    why: { nightly: /was cancelled; allowed by allowed-failures/ },
  },
  {
    name: 'allowed-failures does not excuse a skip',
    needs: { nightly: 'skipped' },
    allowedFailures: ['nightly'],
    pass: false,
    why: { nightly: /skipped is not success/ },
  },
  {
    name: 'a failure fails the gate',
    needs: { build: 'failure' },
    pass: false,
    why: { build: /^failed$/ },
  },
  {
    name: 'a cancelled job fails the gate',
    needs: { build: 'cancelled' },
    pass: false,
    why: { build: /^was cancelled$/ },
  },
  {
    name: 'a job of a route that is on must not be skipped',
    needs: { rust: 'skipped', docs: 'success' },
    mustRun: true,
    allowedSkips: ['rust'],
    pass: false,
    why: { rust: /skipped although route rust is on/ },
  },
  {
    name: 'a job of a route that is off may be skipped',
    needs: { rust: 'success', docs: 'skipped' },
    mustRun: true,
    pass: true,
    why: { docs: /skipped; route docs is off/ },
  },
  {
    name: 'a red optional lane hidden by continue-on-error is reported, not fatal',
    needs: { clippy: 'success' },
    legs: legs([job('clippy (github)', 'success'), job('clippy (velnor)', 'failure')]),
    pass: true,
    why: {
      clippy: /succeeded; optional lane velnor red \(clippy \(velnor\)\): reported, not fatal/,
    },
  },
  {
    name: 'a job red only on its optional lane passes',
    needs: { test: 'failure' },
    legs: legs([
      job('test (github, 1)', 'success'),
      job('test (github, 2)', 'success'),
      job('test (velnor, 1)', 'failure'),
      job('test (velnor, 2)', 'success'),
    ]),
    pass: true,
    why: {
      test: /failed only on optional lane velnor \(test \(velnor, 1\)\): reported, not fatal/,
    },
  },
  {
    name: 'a job red on its required lane fails, naming the lane',
    needs: { test: 'failure' },
    legs: legs([job('test (github)', 'failure'), job('test (velnor)', 'failure')]),
    pass: false,
    why: { test: /^failed on required lane github$/ },
  },
  {
    name: 'a required lane hidden by continue-on-error still fails',
    needs: { clippy: 'success' },
    legs: legs([job('clippy (github)', 'failure'), job('clippy (velnor)', 'success')]),
    pass: false,
    why: {
      clippy:
        /succeeded, but required lane github has red legs \(clippy \(github\)\): is continue-on-error set for a required lane\?/,
    },
  },
  {
    name: 'an optional-only failure is not excused when the job list is partial',
    needs: { test: 'failure' },
    legs: legs([job('test (velnor)', 'failure')], false),
    pass: false,
    why: { test: /^failed$/ },
  },
  {
    name: 'legs of a reusable workflow count for the job that calls it',
    needs: { ci: 'failure' },
    legs: legs([job('ci / clippy (github)', 'success'), job('ci / clippy (velnor)', 'timed_out')]),
    pass: true,
    why: { ci: /failed only on optional lane velnor \(ci \/ clippy \(velnor\)\)/ },
  },
  {
    name: 'legs count for a job whose name: differs from its id',
    needs: { clippy: 'failure' },
    legs: legs(
      [job('Lint (github)', 'success'), job('Lint (velnor)', 'failure')],
      true,
      new Map([['clippy', 'Lint']]),
    ),
    pass: true,
    why: { clippy: /failed only on optional lane velnor \(Lint \(velnor\)\)/ },
  },
  {
    name: 'a job named like another job is not its leg',
    needs: { clippy: 'failure' },
    legs: legs([job('clippy-extra (velnor)', 'failure')]),
    pass: false,
    why: { clippy: /^failed$/ },
  },
];

function request(c: Case): GateRequest {
  const needs = Object.entries(c.needs).map(([job, result]) => ({ job, result }));
  return {
    needs,
    allowedSkips: c.allowedSkips ?? [],
    allowedFailures: c.allowedFailures ?? [],
    ties: c.mustRun
      ? tieRoutes(
          routeStatesFromPlan(plan),
          undefined,
          needs.map((n) => n.job),
        )
      : undefined,
    legs: c.legs,
  };
}

describe('judgeGate', () => {
  for (const c of cases) {
    it(`${c.name}: ${c.pass ? 'pass' : 'fail'}`, () => {
      const outcome = judgeGate(request(c));
      assert.equal(outcome.pass, c.pass);
      for (const [job, why] of Object.entries(c.why)) {
        const decision = outcome.decisions.find((d) => d.job === job);
        assert.ok(decision, `no decision for ${job}`);
        assert.match(decision.why, why);
      }
    });
  }

  it('reports each leg with its lane and whether it was fatal', () => {
    const outcome = judgeGate(
      request(cases.find((c) => c.name.startsWith('a required lane hidden'))!),
    );
    assert.deepEqual(
      outcome.decisions[0]!.legs.map((l) => [l.name, l.lane, l.required, l.conclusion, l.fatal]),
      [
        ['clippy (github)', 'github', true, 'failure', true],
        ['clippy (velnor)', 'velnor', false, 'success', false],
      ],
    );
  });

  it('notes routes that are on but that no job stands for, and partial job lists', () => {
    const needs = [{ job: 'rust', result: 'success' as const }];
    const outcome = judgeGate({
      needs,
      allowedSkips: [],
      allowedFailures: [],
      ties: tieRoutes(
        routeStatesFromPlan({ routes: { rust: { run: true }, web: { run: true } } }),
        undefined,
        ['rust'],
      ),
      legs: legs([], false),
    });
    assert.deepEqual(outcome.notes, [
      'Route web is on, but no job of needs is tied to it: nothing checks that it ran.',
      'The API listed fewer jobs than it counted: a failure is never excused as optional-lane-only on a partial list.',
    ]);
  });
});

describe('gateSummary', () => {
  it('shows the same table whether the gate passes or fails, with each job, lane, result, decision and why', () => {
    const failing = judgeGate(
      request(cases.find((c) => c.name.startsWith('a job red on its required'))!),
    );
    const summary = gateSummary(failing, ['jobs.ci-required has no if:']);
    assert.match(summary, /^### lane-matrix gate: ❌ failed \(2 of 2 checks\)/);
    assert.match(summary, /\| job \| lanes \| result \| decision \| why \|/);
    assert.match(
      summary,
      /\| <code>test<\/code> \| <code>github<\/code> ❌ 0\/1<br><code>velnor<\/code> ❌ 0\/1 \(optional\) \| ❌ failure \| ❌ fail \| failed on required lane github \|/,
    );
    assert.match(summary, /❌ jobs.ci-required has no if:/);
    assert.match(summary, /<details><summary>All 2 lane legs<\/summary>/);

    const passing = judgeGate(request(cases[0]!));
    const ok = gateSummary(passing, []);
    assert.match(ok, /^### lane-matrix gate: ✅ passed \(2 jobs\)/);
    assert.match(ok, /\| <code>build<\/code> \| — \| ✅ success \| ✅ pass \| succeeded \|/);
  });
});
