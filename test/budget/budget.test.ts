import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_BUDGET, parseBudget } from '../../src/budget/budget.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

const expectedOf = (text: string, coldDeps: number) =>
  parseBudget(text).map((line) => [line.operation, line.relation, line.expected(coldDeps)]);

describe('parseBudget', () => {
  it('reads an exact count or a bound per operation, with cold-deps', () => {
    assert.deepEqual(expectedOf(DEFAULT_BUDGET, 0), [['deploy', '==', 1]]);
    assert.deepEqual(expectedOf(DEFAULT_BUDGET, 3), [['deploy', '==', 4]]);
    const text = `
      # one base deploy, one per cold dependency
      deploy: == 1 + cold-deps
      image-push: <= 2
      db.migrate: >= 1
      smoke_test: 2 * cold-deps + 1 - 1
    `;
    assert.deepEqual(expectedOf(text, 2), [
      ['deploy', '==', 3],
      ['image-push', '<=', 2],
      ['db.migrate', '>=', 1],
      ['smoke_test', '==', 4],
    ]);
    assert.equal(parseBudget('deploy:==1+cold-deps')[0]!.count, '1+cold-deps');
  });

  const refused: [string, RegExp][] = [
    ['Deploy: == 1', /^budget: line 1 'Deploy: == 1': unknown operation 'Deploy'/],
    ['deploy count: == 1', /unknown operation 'deploy count'/],
    ['deploy == 1', /expected '<operation>: <relation> <count>'/],
    ['deploy: ~= 1', /cannot read the bound '~= 1', expected ==, <= or >=/],
    ['deploy: == 1 +', /cannot read the bound '== 1 \+'/],
    ['deploy: == 1 + warm-deps', /cannot read the bound/],
    ['deploy: ==', /cannot read the bound '=='/],
    ['deploy: == 1.5', /cannot read the bound/],
    [
      'deploy: == 1\ndeploy: <= 3',
      /^budget: line 2 'deploy: <= 3': operation 'deploy' has a budget already$/,
    ],
    ['# nothing\n\n', /^budget: no budget line/],
  ];
  for (const [text, message] of refused) {
    it(`refuses ${JSON.stringify(text)} naming the input`, () => {
      assert.throws(
        () => parseBudget(text),
        (error: unknown) => error instanceof ConfigurationError && message.test(error.message),
      );
    });
  }
});
