import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseColdDeps } from '../../src/budget/cold-deps.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

describe('parseColdDeps', () => {
  it('reads a count, or a list where only cold dependencies count', () => {
    assert.deepEqual(parseColdDeps(undefined), { count: 0, cold: [], warm: [] });
    assert.deepEqual(parseColdDeps('2'), { count: 2, cold: [], warm: [] });
    assert.deepEqual(
      parseColdDeps(
        '[{"name":"keycloak","state":"cold"},{"name":"postgres","state":"warm"},{"name":"redis","state":"cold"}]',
      ),
      { count: 2, cold: ['keycloak', 'redis'], warm: ['postgres'] },
    );
    assert.deepEqual(parseColdDeps('[]'), { count: 0, cold: [], warm: [] });
  });

  for (const value of [
    '-1',
    '1.5',
    'two',
    '{"keycloak":"cold"}',
    '[{"name":"keycloak"}]',
    '[{"name":"keycloak","state":"hot"}]',
    '[{"name":"","state":"cold"}]',
    '[{"name":"k","state":"cold","version":2}]',
    '["keycloak"]',
  ]) {
    it(`refuses ${value} naming cold-deps`, () => {
      assert.throws(
        () => parseColdDeps(value),
        (error: unknown) =>
          error instanceof ConfigurationError &&
          error.message.startsWith('cold-deps: got ') &&
          error.message.includes('expected'),
      );
    });
  }
});
