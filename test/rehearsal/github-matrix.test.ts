import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExpressionContext } from '../../src/rehearsal/expressions.ts';
import { evaluate, evaluateCondition, evaluateValue } from '../../src/rehearsal/expressions.ts';
import { expandMatrix } from '../../src/rehearsal/github-matrix.ts';

describe('expandMatrix', () => {
  it("expands GitHub's documented include example into its six jobs", () => {
    const legs = expandMatrix({
      fruit: ['apple', 'pear'],
      animal: ['cat', 'dog'],
      include: [
        { color: 'green' },
        { color: 'pink', animal: 'cat' },
        { fruit: 'apple', shape: 'circle' },
        { fruit: 'banana' },
        { fruit: 'banana', animal: 'cat' },
      ],
    });
    assert.deepEqual(legs, [
      { fruit: 'apple', animal: 'cat', color: 'pink', shape: 'circle' },
      { fruit: 'apple', animal: 'dog', color: 'green', shape: 'circle' },
      { fruit: 'pear', animal: 'cat', color: 'pink' },
      { fruit: 'pear', animal: 'dog', color: 'green' },
      { fruit: 'banana' },
      { fruit: 'banana', animal: 'cat' },
    ]);
  });

  it('removes excluded combinations, partial matches included', () => {
    const legs = expandMatrix({
      os: ['macos', 'windows'],
      version: [12, 14, 16],
      environment: ['staging', 'production'],
      exclude: [
        { os: 'macos', version: 12, environment: 'production' },
        { os: 'windows', version: 16 },
      ],
    });
    assert.equal(legs.length, 12 - 1 - 2);
  });

  it('makes one leg of each include entry when there are no axes, objects as values', () => {
    const legs = expandMatrix({
      include: [
        { lane: 'github', runner: '"ubuntu-24.04"', env: {} },
        { lane: 'velnor', runner: '["self-hosted"]', env: { A: '1' } },
      ],
    });
    assert.deepEqual(legs, [
      { lane: 'github', runner: '"ubuntu-24.04"', env: {} },
      { lane: 'velnor', runner: '["self-hosted"]', env: { A: '1' } },
    ]);
  });

  it('refuses what GitHub refuses', () => {
    assert.throws(() => expandMatrix({ include: [] }), /at least one vector/);
    assert.throws(() => expandMatrix({ os: [] }), /vector 'os' does not contain any values/);
    assert.throws(
      () => expandMatrix({ os: ['a'], exclude: [{ arch: 'x' }] }),
      /exclude key 'arch'/,
    );
    assert.throws(
      () => expandMatrix({ n: Array.from({ length: 257 }, (_, i) => i) }),
      /257 legs; GitHub runs at most 256/,
    );
  });
});

describe('expressions', () => {
  const context: ExpressionContext = {
    contexts: {
      needs: {
        lanes: { result: 'success', outputs: { matrix: '{"include":[{"a":1}]}', velnor: 'false' } },
      },
      matrix: {
        runner: '["self-hosted","velnor"]',
        optional: true,
        'artifact-suffix': '-velnor',
        items: ['a', 'b'],
      },
      inputs: {},
      github: { event_name: 'push' },
    },
  };
  const cases: [string, unknown][] = [
    ['fromJSON(needs.lanes.outputs.matrix)', { include: [{ a: 1 }] }],
    ['fromJSON(matrix.runner)', ['self-hosted', 'velnor']],
    ['matrix.optional', true],
    ["matrix['artifact-suffix']", '-velnor'],
    ['matrix.artifact-suffix', '-velnor'],
    ["join(matrix.items, ' ')", 'a b'],
    ["needs.lanes.outputs.velnor == 'true'", false],
    ["needs.LANES.outputs.velnor == 'FALSE'", true],
    ["inputs.lanes || 'default'", 'default'],
    ["github.event_name != 'pull_request' && 'yes'", 'yes'],
    ["format('{0}-{1}', 'a', 2)", 'a-2'],
    ["contains(matrix.items, 'b')", true],
    ['!(1 < 2)', false],
  ];
  for (const [expression, expected] of cases) {
    it(expression, () => {
      assert.deepEqual(evaluate(expression, context), expected);
    });
  }

  it('gives a lone expression its value and interpolates text around expressions', () => {
    assert.equal(evaluateValue('${{ matrix.optional }}', context), true);
    assert.equal(
      evaluateValue('test (${{ matrix.artifact-suffix }}, ${{ matrix.optional }})', context),
      'test (-velnor, true)',
    );
  });

  it('implies success() in a condition without a status function', () => {
    assert.equal(
      evaluateCondition("needs.lanes.outputs.velnor == 'false'", { ...context, status: 'failure' }),
      false,
    );
    assert.equal(evaluateCondition('always()', { ...context, status: 'failure' }), true);
    assert.equal(evaluateCondition(undefined, context), true);
  });

  it('fails loudly on what it does not know', () => {
    assert.throws(() => evaluate('hashFiles("x")', context), /cannot evaluate/);
    assert.throws(() => evaluate('vars.X', context), /unknown context 'vars'/);
  });
});
