import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDurations, planShards } from '../../src/lanes/shards.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

/**
 * The 48 A2A scenarios of the release campaign plan, in its four batches: 1-12, 13-24 and 25-36
 * take about 30 minutes each, 37-48 about 45 because the new scenarios 43-48 are slower.
 */
const SCENARIO_SECONDS = [
  [95, 240, 130, 180, 75, 210, 160, 120, 90, 200, 145, 155],
  [300, 60, 110, 170, 140, 85, 230, 125, 150, 190, 100, 140],
  [180, 180, 70, 260, 115, 135, 95, 205, 150, 120, 165, 125],
  [140, 160, 110, 190, 130, 170, 420, 260, 330, 240, 290, 260],
].flat();
const scenario = (i: number) => `a2a/scenario-${String(i + 1).padStart(2, '0')}.yml`;
const SCENARIOS = SCENARIO_SECONDS.map((_, i) => scenario(i));
const HISTORY = new Map(SCENARIO_SECONDS.map((s, i) => [scenario(i), s]));

const total = (plan: ReturnType<typeof planShards>) =>
  plan.shards.reduce((sum, shard) => sum + shard.expectedSeconds, 0);
const largest = (plan: ReturnType<typeof planShards>) =>
  Math.max(...plan.shards.map((s) => s.expectedSeconds));

describe('planShards', () => {
  for (const count of [2, 4, 6, 8]) {
    it(`splits the 48 scenarios into ${count} shards, the largest within 10% of ideal`, () => {
      const plan = planShards({ items: SCENARIOS, count, durations: HISTORY, canary: [] });
      assert.equal(plan.shards.length, count);
      assert.equal(total(plan), 8100);
      assert.equal(plan.idealSeconds, 8100 / count);
      assert.ok(
        largest(plan) <= plan.idealSeconds * 1.1,
        `largest ${largest(plan)} s vs ideal ${plan.idealSeconds} s`,
      );
      assert.deepEqual(
        plan.shards.flatMap((s) => s.items).sort(),
        [...SCENARIOS].sort(),
        'every scenario in exactly one shard',
      );
    });
  }

  it('keeps each shard in the order of the item list, and its expected time the sum of its items', () => {
    const plan = planShards({ items: SCENARIOS, count: 4, durations: HISTORY, canary: [] });
    for (const shard of plan.shards) {
      assert.deepEqual(
        shard.items,
        SCENARIOS.filter((s) => shard.items.includes(s)),
      );
      const sum = shard.items.reduce((acc, item) => acc + HISTORY.get(item)!, 0);
      assert.equal(shard.expectedSeconds, sum);
    }
  });

  it('gives the same plan for the same input, whatever order the history was read in', () => {
    const reversed = new Map([...HISTORY].reverse());
    const a = planShards({ items: SCENARIOS, count: 5, durations: HISTORY, canary: [] });
    const b = planShards({ items: SCENARIOS, count: 5, durations: reversed, canary: [] });
    assert.deepEqual(a, b);
  });

  it('counts items without history as the median of the known durations', () => {
    const known = new Map([...HISTORY].filter(([item]) => !/scenario-4[3-8]/.test(item)));
    const plan = planShards({ items: SCENARIOS, count: 4, durations: known, canary: [] });
    const knownSorted = [...known.values()].sort((a, b) => a - b);
    assert.equal(plan.fillSeconds, (knownSorted[20]! + knownSorted[21]!) / 2);
    assert.deepEqual(plan.withoutHistory, SCENARIOS.slice(42));
    assert.equal(
      total(plan),
      [...known.values()].reduce((a, b) => a + b, 0) + 6 * plan.fillSeconds,
    );
  });

  it('balances by count when there is no history at all', () => {
    const plan = planShards({ items: SCENARIOS, count: 5, durations: new Map(), canary: [] });
    assert.equal(plan.fillSeconds, 1);
    assert.deepEqual(
      plan.shards.map((s) => s.items.length),
      [10, 10, 10, 9, 9],
    );
  });

  it('uses the median of all history when none of the items has any', () => {
    const plan = planShards({
      items: ['new-a', 'new-b'],
      count: 2,
      durations: new Map([
        ['old', 30],
        ['older', 50],
        ['oldest', 400],
      ]),
      canary: [],
    });
    assert.equal(plan.fillSeconds, 50);
  });

  it('moves canary items out of the shards into a canary shard of their own', () => {
    const plan = planShards({
      items: SCENARIOS,
      count: 4,
      durations: HISTORY,
      canary: [scenario(4), scenario(1)],
    });
    assert.deepEqual(plan.canary, {
      index: 0,
      items: [scenario(1), scenario(4)],
      expectedSeconds: 240 + 75,
    });
    const sharded = plan.shards.flatMap((s) => s.items);
    assert.equal(sharded.length, 46);
    assert.ok(!sharded.includes(scenario(1)) && !sharded.includes(scenario(4)));
    assert.equal(plan.idealSeconds, (8100 - 315) / 4);
  });

  it('makes no more shards than there are items, and says so', () => {
    const plan = planShards({ items: ['a', 'b', 'c'], count: 8, durations: new Map(), canary: [] });
    assert.equal(plan.shards.length, 3);
    assert.equal(plan.cappedFrom, 8);
  });

  const errors: { name: string; items: string[]; canary: string[]; message: string }[] = [
    {
      name: 'an item listed twice',
      items: ['a', 'b', 'a'],
      canary: [],
      message: "shard-items: got 'a', expected each item once",
    },
    {
      name: 'a canary that is not an item',
      items: ['a', 'b'],
      canary: ['c'],
      message: "canary: got 'c', expected items of shard-items (2 listed)",
    },
    {
      name: 'a canary that takes every item',
      items: ['a', 'b'],
      canary: ['a', 'b'],
      message:
        "canary: got 'a, b', expected fewer items than shard-items lists: nothing would be left to shard",
    },
  ];
  for (const c of errors) {
    it(`rejects ${c.name}`, () => {
      assert.throws(
        () => planShards({ items: c.items, count: 2, durations: new Map(), canary: c.canary }),
        new ConfigurationError(c.message),
      );
    });
  }
});

describe('parseDurations', () => {
  it('reads item -> seconds', () => {
    assert.deepEqual(
      parseDurations({ a: 1.5, b: 0 }, 'shard-durations'),
      new Map([
        ['a', 1.5],
        ['b', 0],
      ]),
    );
  });
  const errors: { name: string; value: unknown; message: string }[] = [
    {
      name: 'a list',
      value: [1, 2],
      message: "shard-durations: got '[1,2]', expected a JSON object of item -> seconds",
    },
    {
      name: 'a string',
      value: 'slow',
      message: `shard-durations: got '"slow"', expected a JSON object of item -> seconds`,
    },
    {
      name: 'a negative duration',
      value: { a: -1 },
      message: "shard-durations: 'a' has -1, expected a number of seconds >= 0",
    },
    {
      name: 'a duration as text',
      value: { a: '12s' },
      message: `shard-durations: 'a' has "12s", expected a number of seconds >= 0`,
    },
  ];
  for (const c of errors) {
    it(`rejects ${c.name}`, () => {
      assert.throws(
        () => parseDurations(c.value, 'shard-durations'),
        new ConfigurationError(c.message),
      );
    });
  }
});
