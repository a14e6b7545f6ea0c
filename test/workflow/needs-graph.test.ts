import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigurationError } from '../../src/runner/errors.ts';
import { NeedsGraph } from '../../src/workflow/needs-graph.ts';
import { parseWorkflow } from '../../src/workflow/workflow.ts';

/** `id: needs` pairs, a job per entry, in file order. */
const graphOf = (needs: Record<string, string[]>) =>
  new NeedsGraph(Object.entries(needs).map(([id, jobNeeds]) => ({ id, needs: jobNeeds })));

const CI = parseWorkflow(`jobs:
  changes: { runs-on: x, steps: [] }
  build:
    needs: changes
    strategy: { matrix: { lane: [github, velnor] } }
    runs-on: x
    steps: []
  lint: { needs: changes, runs-on: x, steps: [] }
  test: { needs: [build], runs-on: x, steps: [] }
  release: { needs: [test, lint], uses: ./.github/workflows/release.yml }
  ci-required: { if: always(), needs: [test, lint, release], runs-on: x, steps: [] }
  deploy: { needs: ci-required, runs-on: x, steps: [] }
  docs: { runs-on: x, steps: [] }
`);

describe('NeedsGraph of a workflow', () => {
  const graph = new NeedsGraph(CI.jobs.values());
  const cases: {
    job: string;
    needs: string[];
    neededBy: string[];
    upstream: string[];
    downstream: string[];
  }[] = [
    {
      job: 'changes',
      needs: [],
      neededBy: ['build', 'lint'],
      upstream: [],
      downstream: ['build', 'lint', 'test', 'release', 'ci-required', 'deploy'],
    },
    {
      job: 'build',
      needs: ['changes'],
      neededBy: ['test'],
      upstream: ['changes'],
      downstream: ['test', 'release', 'ci-required', 'deploy'],
    },
    {
      job: 'release',
      needs: ['test', 'lint'],
      neededBy: ['ci-required'],
      upstream: ['test', 'lint', 'build', 'changes'],
      downstream: ['ci-required', 'deploy'],
    },
    {
      job: 'ci-required',
      needs: ['test', 'lint', 'release'],
      neededBy: ['deploy'],
      upstream: ['test', 'lint', 'release', 'build', 'changes'],
      downstream: ['deploy'],
    },
    {
      job: 'deploy',
      needs: ['ci-required'],
      neededBy: [],
      upstream: ['ci-required', 'test', 'lint', 'release', 'build', 'changes'],
      downstream: [],
    },
    { job: 'docs', needs: [], neededBy: [], upstream: [], downstream: [] },
  ];
  for (const c of cases) {
    it(`${c.job}: needs, needed by, upstream nearest first, downstream nearest first`, () => {
      assert.deepEqual(graph.needs(c.job), c.needs);
      assert.deepEqual(graph.neededBy(c.job), c.neededBy);
      assert.deepEqual([...graph.upstream(c.job)], c.upstream);
      assert.deepEqual([...graph.downstream(c.job)], c.downstream);
    });
  }

  it('lists the jobs in file order and finds no unknown needs', () => {
    assert.deepEqual(graph.jobs, [...CI.jobs.keys()]);
    assert.deepEqual(graph.unknownNeeds, []);
  });

  it('keeps the order of a workflow written in dependency order', () => {
    assert.deepEqual(graph.order(), [...CI.jobs.keys()]);
  });

  it('refuses a job it does not have', () => {
    assert.throws(() => graph.upstream('nope'), /the needs graph has no job 'nope'/);
  });
});

describe('NeedsGraph.order', () => {
  const cases: [string, Record<string, string[]>, string[]][] = [
    ['no needs: file order', { a: [], b: [], c: [] }, ['a', 'b', 'c']],
    ['a need written later comes first', { deploy: ['build'], build: [] }, ['build', 'deploy']],
    [
      'each job preceded by what it needs, in its needs order',
      { gate: ['test', 'lint'], lint: ['setup'], test: ['build'], build: ['setup'], setup: [] },
      ['setup', 'build', 'test', 'lint', 'gate'],
    ],
    ['a need listed twice counts once', { b: ['a', 'a'], a: [] }, ['a', 'b']],
    ['a diamond', { d: ['b', 'c'], b: ['a'], c: ['a'], a: [] }, ['a', 'b', 'c', 'd']],
  ];
  for (const [name, needs, order] of cases) {
    it(name, () => {
      assert.deepEqual(graphOf(needs).order(), order);
    });
  }
});

describe('NeedsGraph: unknown needs', () => {
  const graph = graphOf({ build: ['changes', 'setup'], test: ['biuld'], changes: [] });

  it('lists each need that names no job', () => {
    assert.deepEqual(graph.unknownNeeds, [
      { job: 'build', need: 'setup' },
      { job: 'test', need: 'biuld' },
    ]);
  });

  it('answers reach without them', () => {
    assert.deepEqual(graph.needs('build'), ['changes']);
    assert.deepEqual([...graph.upstream('test')], []);
  });

  it('refuses to order, naming every job and need', () => {
    assert.throws(
      () => graph.order(),
      (error: unknown) =>
        error instanceof ConfigurationError &&
        error.message ===
          "jobs.build needs 'setup', which is not a job of this workflow; jobs.test needs 'biuld', which is not a job of this workflow",
    );
  });
});

describe('NeedsGraph: cycles', () => {
  const cases: [string, Record<string, string[]>, string][] = [
    [
      'a job that needs itself',
      { a: ['a'] },
      'needs form a cycle, so none of these jobs can start: a needs a',
    ],
    [
      'two jobs',
      { a: ['b'], b: ['a'] },
      'needs form a cycle, so none of these jobs can start: a needs b, b needs a',
    ],
    [
      'a cycle behind a job outside it, the outside job not named',
      { gate: ['test'], test: ['build'], build: ['lint'], lint: ['test'], docs: [] },
      'needs form a cycle, so none of these jobs can start: test needs build, build needs lint, lint needs test',
    ],
    [
      'a cycle found after other jobs are placed',
      { setup: [], x: ['setup', 'y'], y: ['z'], z: ['x'] },
      'needs form a cycle, so none of these jobs can start: x needs y, y needs z, z needs x',
    ],
  ];
  for (const [name, needs, message] of cases) {
    it(name, () => {
      assert.throws(
        () => graphOf(needs).order(),
        (error: unknown) => error instanceof ConfigurationError && error.message === message,
      );
    });
  }

  it('puts a job on a cycle in its own upstream and downstream', () => {
    const graph = graphOf({ a: ['b'], b: ['a'], c: ['a'] });
    assert.deepEqual([...graph.upstream('a')], ['b', 'a']);
    assert.deepEqual([...graph.downstream('a')], ['b', 'c', 'a']);
    assert.deepEqual([...graph.upstream('c')], ['a', 'b']);
  });
});

describe('NeedsGraph of a big workflow', () => {
  // A 5000-job chain, each job written before the job it needs, and 300 jobs fanning in.
  const CHAIN = 5000;
  const chain = Array.from({ length: CHAIN }, (_, i) => ({
    id: `step-${i}`,
    needs: i === CHAIN - 1 ? [] : [`step-${i + 1}`],
  }));
  const fan = Array.from({ length: 300 }, (_, i) => ({ id: `leg-${i}`, needs: ['step-0'] }));
  const graph = new NeedsGraph([...chain, ...fan, { id: 'gate', needs: fan.map((leg) => leg.id) }]);

  it('orders the chain from its far end, then the fan, then the gate', () => {
    const order = graph.order();
    assert.equal(order.length, CHAIN + 301);
    assert.equal(order[0], `step-${CHAIN - 1}`);
    assert.equal(order[CHAIN - 1], 'step-0');
    assert.equal(order.at(-1), 'gate');
  });

  it('reaches every job upstream of the gate and downstream of the chain end', () => {
    assert.equal(graph.upstream('gate').size, CHAIN + 300);
    assert.equal(graph.downstream(`step-${CHAIN - 1}`).size, CHAIN - 1 + 301);
  });

  it('names a cycle closed across the whole chain', () => {
    const closed = new NeedsGraph(
      chain.map((job, i) => (i === CHAIN - 1 ? { ...job, needs: ['step-0'] } : job)),
    );
    assert.throws(
      () => closed.order(),
      /can start: step-0 needs step-1, .*, step-4999 needs step-0$/,
    );
  });
});
