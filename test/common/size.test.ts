import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSize } from '../../src/common/size.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

describe('parseSize', () => {
  const cases: [string, number][] = [
    ['10GiB', 10 * 2 ** 30],
    ['10 GiB', 10 * 2 ** 30],
    ['10gib', 10 * 2 ** 30],
    ['500MB', 500_000_000],
    ['1.5KiB', 1536],
    ['2TB', 2e12],
    ['4096', 4096],
    ['4096B', 4096],
  ];
  for (const [value, bytes] of cases) {
    it(`reads ${value} as ${bytes} bytes`, () => {
      assert.equal(parseSize('cache-budget', value), bytes);
    });
  }

  for (const value of ['', 'ten', '10 GB extra', '10XB', '-5', '0', '0.1B', '1e3', '99999999TiB']) {
    it(`refuses '${value}', naming the input, the value and what is allowed`, () => {
      assert.throws(
        () => parseSize('cache-budget', value),
        (error: unknown) =>
          error instanceof ConfigurationError &&
          error.message.startsWith(`cache-budget: got '${value}', expected a size above 0`) &&
          error.message.includes('GiB'),
      );
    });
  }
});
