import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PLAN_SHRINKS } from '../../src/routing/plan-output.ts';
import type { Plan } from '../../src/routing/route-changes.ts';

const truncation = { file: '/tmp/lanekit/x-plan.json', bytes: 999_999 };
const plan: Plan = {
  event: 'push',
  source: 'git',
  base: 'a'.repeat(40),
  head: 'b'.repeat(40),
  how: 'push before..after',
  changedFiles: 60,
  fallbackReason: null,
  routes: Object.fromEntries([
    [
      'rust',
      {
        run: true,
        reasons: Array.from({ length: 50 }, (_, i) => ({
          type: 'path' as const,
          path: `crates/f${i}.rs`,
          rule: 'crates/**',
        })),
        omittedReasons: 10,
        files: Array.from({ length: 60 }, (_, i) => `crates/f${i}.rs`),
      },
    ],
    ['docs', { run: false, reasons: [], omittedReasons: 0, files: [] }],
    ['__proto__', { run: true, reasons: [], omittedReasons: 0, files: [] }],
  ]),
  warnings: [],
};

describe('PLAN_SHRINKS', () => {
  it('first leaves out the file lists, saying so, and keeps every reason', () => {
    const shrunk = PLAN_SHRINKS[0]!(plan, truncation) as Plan & { truncated: unknown };
    assert.deepEqual(
      Object.values(shrunk.routes).map((r) => [r.reasons.length, r.omittedReasons, r.files]),
      [
        [50, 10, []],
        [0, 0, []],
        [0, 0, []],
      ],
    );
    assert.deepEqual(shrunk.truncated, { ...truncation, files: true });
  });

  it('then keeps 5 reasons a route, counting the rest as omitted', () => {
    const shrunk = PLAN_SHRINKS[1]!(plan, truncation) as Plan & { truncated: unknown };
    const rust = shrunk.routes.rust;
    assert.ok(rust);
    assert.equal(rust.reasons.length, 5);
    assert.equal(rust.omittedReasons, 55);
    assert.deepEqual(shrunk.truncated, { ...truncation, files: true });
  });

  it('then keeps no reasons, and every route and its run', () => {
    const shrunk = PLAN_SHRINKS[2]!(plan, truncation) as Plan;
    assert.deepEqual(Object.keys(shrunk.routes), ['rust', 'docs', '__proto__']);
    assert.deepEqual(
      Object.values(shrunk.routes).map((r) => [r.run, r.reasons.length, r.omittedReasons]),
      [
        [true, 0, 60],
        [false, 0, 0],
        [true, 0, 0],
      ],
    );
  });
});
