import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNeeds } from '../../src/lanes/needs.ts';
import {
  parseRouteJobs,
  routeStatesFromNames,
  routeStatesFromPlan,
  tieRoutes,
} from '../../src/lanes/route-ties.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

const plan = {
  event: 'pull_request',
  routes: {
    rust: {
      run: true,
      reasons: [{ type: 'path', path: 'crates/a.rs', rule: 'crates/**' }],
      omittedReasons: 0,
    },
    docker_e2e: { run: false, reasons: [], omittedReasons: 0 },
    docs: { run: false, reasons: [], omittedReasons: 0 },
  },
};
const JOBS = ['changes', 'rust', 'docker-e2e', 'docs-build'];

describe('parseNeeds', () => {
  it('reads the needs context', () => {
    assert.deepEqual(
      parseNeeds({
        a: { result: 'success', outputs: { x: '1' } },
        b: { result: 'skipped', outputs: {} },
      }),
      [
        { job: 'a', result: 'success' },
        { job: 'b', result: 'skipped' },
      ],
    );
  });
  const errors: { name: string; value: unknown; message: RegExp }[] = [
    {
      name: 'a list',
      value: ['a'],
      message:
        /^needs: got '\["a"\]', expected \$\{\{ toJSON\(needs\) \}\}: an object of job -> \{result, outputs\}$/,
    },
    { name: 'nothing', value: undefined, message: /^needs: got 'nothing'/ },
    {
      name: 'an unknown result',
      value: { a: { result: 'neutral' } },
      message:
        /^needs: job 'a' has \{"result":"neutral"\}, expected \{result: success\|failure\|cancelled\|skipped, outputs\}/,
    },
    {
      name: 'a job without result',
      value: { a: 'success' },
      message: /^needs: job 'a' has "success"/,
    },
    {
      name: 'an empty needs',
      value: {},
      message: /^needs: got \{\}, the gate job lists no jobs in its needs/,
    },
  ];
  for (const c of errors) {
    it(`rejects ${c.name}`, () => {
      assert.throws(
        () => parseNeeds(c.value),
        (e: unknown) => e instanceof ConfigurationError && c.message.test(e.message),
      );
    });
  }
});

describe('route states', () => {
  it("reads change-router's plan", () => {
    const states = routeStatesFromPlan(plan);
    assert.deepEqual([...states.on], ['rust']);
    assert.deepEqual([...(states.known ?? [])], ['rust', 'docker_e2e', 'docs']);
  });
  it('reads route names', () => {
    const states = routeStatesFromNames(['rust', ' docs ']);
    assert.deepEqual([...states.on], ['rust', 'docs']);
    assert.equal(states.known, undefined);
  });
  it('rejects a plan without routes, and a route without a boolean run', () => {
    assert.throws(
      () => routeStatesFromPlan({ base: 'x' }),
      /^ConfigurationError: must-run: got '\{"base":"x"\}', expected change-router's plan/,
    );
    assert.throws(
      () => routeStatesFromPlan({ routes: { rust: { run: 'yes' } } }),
      /must-run: route 'rust' has no boolean run/,
    );
    assert.throws(() => routeStatesFromNames(['rust', 3]), /must-run: got '3'/);
  });
  it('reads route-jobs with its line and column on errors', () => {
    assert.deepEqual(
      parseRouteJobs('rust: [rust, clippy]\ndocs: docs-build\n'),
      new Map([
        ['rust', ['rust', 'clippy']],
        ['docs', ['docs-build']],
      ]),
    );
    assert.throws(
      () => parseRouteJobs('rust: [a\n'),
      /^ConfigurationError: route-jobs input:\d+:\d+: invalid YAML/,
    );
    assert.throws(() => parseRouteJobs('{}'), /expected a mapping of route -> \[jobs of needs\]/);
  });
});

describe('tieRoutes', () => {
  it('ties routes to jobs of their name, docker_e2e to docker-e2e, and listed ones as listed', () => {
    const ties = tieRoutes(routeStatesFromPlan(plan), new Map([['docs', ['docs-build']]]), JOBS);
    assert.deepEqual(Object.fromEntries(ties.routesOfJob), {
      'docs-build': ['docs'],
      rust: ['rust'],
      'docker-e2e': ['docker_e2e'],
    });
    assert.deepEqual(ties.unchecked, []);
  });
  it('reports routes that are on but tie to nothing', () => {
    const ties = tieRoutes(routeStatesFromNames(['rust', 'web']), undefined, JOBS);
    assert.deepEqual(ties.unchecked, ['web']);
  });
  const errors: { name: string; run: () => unknown; message: string }[] = [
    {
      name: 'a route-jobs job that is not in needs',
      run: () => tieRoutes(routeStatesFromPlan(plan), new Map([['docs', ['docs']]]), JOBS),
      message: "route-jobs: got 'docs', expected jobs of needs: changes|rust|docker-e2e|docs-build",
    },
    {
      name: 'a route-jobs route that the plan does not have',
      run: () => tieRoutes(routeStatesFromPlan(plan), new Map([['web', ['rust']]]), JOBS),
      message: "route-jobs: got 'web', expected routes of the plan: rust|docker_e2e|docs",
    },
    {
      name: 'routes that tie to no job at all',
      run: () => tieRoutes(routeStatesFromNames(['web']), undefined, JOBS),
      message:
        'must-run: none of the routes (web) ties to a job of needs (changes, rust, docker-e2e, docs-build); name jobs like their routes or map them with route-jobs',
    },
  ];
  for (const c of errors) {
    it(`rejects ${c.name}`, () => {
      assert.throws(c.run, new ConfigurationError(c.message));
    });
  }
});
