/**
 * lane-matrix benchmark: shard planning, printed beside baselines measured in the same run.
 *
 *   Time: planShards on 10,000 items with historical durations (5% without history) into 64
 *   shards, beside sorting the same items by duration, the one step any balanced plan needs.
 *   Balance: the largest shard against the ideal (total / shards), beside round-robin over the
 *   same items (what a plain split by count gives).
 *
 * `node bench/lane-matrix.ts`. Exits 1 when a plan loses or repeats an item or differs between
 * two runs on the same input; a missed target (under 100 ms, largest shard within 1% of ideal)
 * is only reported.
 */
import { planShards } from '../src/lanes/shards.ts';
import { formatInt } from './lib/format.ts';
import { benchHeading } from './lib/heading.ts';
import { prng } from './lib/prng.ts';
import { median } from './lib/stats.ts';
import { table } from './lib/table.ts';
import { timed } from './lib/timed.ts';

const ITEMS = 10_000;
const SHARDS = 64;
const RUNS = 15;
const SEED = 0x5eed_1a4e;
const TIME_TARGET_MS = 100;
const BALANCE_TARGET = 0.01;

/** Test durations are long-tailed: log-normal around 20 s, a few minutes at the tail. */
function workload(): { items: string[]; durations: Map<string, number> } {
  const random = prng(SEED);
  const items: string[] = [];
  const durations = new Map<string, number>();
  for (let i = 0; i < ITEMS; i++) {
    const item = `crates/pkg-${String(i % 97).padStart(2, '0')}/tests/case_${i}.rs`;
    items.push(item);
    if (random() < 0.05) continue;
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    durations.set(item, Math.round(Math.exp(3 + 0.9 * normal) * 10) / 10);
  }
  return { items, durations };
}

const percent = (largest: number, ideal: number) =>
  `+${(((largest - ideal) / ideal) * 100).toFixed(2)}%`;

const { items, durations } = workload();
const request = { items, count: SHARDS, durations, canary: [] };
const byDuration = (a: string, b: string) => {
  const d = (durations.get(b) ?? 0) - (durations.get(a) ?? 0);
  return d !== 0 ? d : a < b ? -1 : a > b ? 1 : 0;
};

// Warm-up, then the two measurements interleaved so that noise hits both alike.
planShards(request);
[...items].sort(byDuration);
const planMs: number[] = [];
const sortMs: number[] = [];
let plan = planShards(request);
for (let i = 0; i < RUNS; i++) {
  const planned = timed(() => planShards(request));
  planMs.push(planned.ms);
  plan = planned.value;
  sortMs.push(timed(() => [...items].sort(byDuration)).ms);
}

let failed = false;
const placed = plan.shards.flatMap((shard) => shard.items);
if (placed.length !== ITEMS || new Set(placed).size !== ITEMS) {
  console.error(
    `FAIL: the plan placed ${placed.length} items, ${new Set(placed).size} distinct, of ${ITEMS}`,
  );
  failed = true;
}
if (JSON.stringify(planShards(request)) !== JSON.stringify(plan)) {
  console.error('FAIL: two plans of the same input differ');
  failed = true;
}

const seconds = (item: string) => durations.get(item) ?? plan.fillSeconds;
const roundRobin = Array.from({ length: SHARDS }, () => 0);
items.forEach((item, i) => {
  roundRobin[i % SHARDS]! += seconds(item);
});
const largest = Math.max(...plan.shards.map((s) => s.expectedSeconds));
const largestRoundRobin = Math.max(...roundRobin);
const planMedian = median(planMs);
const sortMedian = median(sortMs);
const fast = planMedian < TIME_TARGET_MS;
const balanced = largest <= plan.idealSeconds * (1 + BALANCE_TARGET);

const spread = (values: readonly number[]) =>
  `(min ${Math.min(...values).toFixed(2)}, max ${Math.max(...values).toFixed(2)})`;

console.log(benchHeading('lane-matrix'));
console.log(
  `  ${formatInt(ITEMS)} items (${plan.withoutHistory.length} without history, counted as the median ${plan.fillSeconds} s) into ${SHARDS} shards, median of ${RUNS} runs`,
);
console.log('');
console.log(
  table(
    [
      ['time', 'planShards', planMedian.toFixed(2), 'ms', spread(planMs)],
      ['', 'sort only', sortMedian.toFixed(2), 'ms', spread(sortMs)],
      ['', 'planning over sort', (planMedian / sortMedian).toFixed(2), 'x'],
      ['balance', 'ideal shard', plan.idealSeconds.toFixed(1), 's'],
      ['', 'largest, planned', largest.toFixed(1), 's', percent(largest, plan.idealSeconds)],
      [
        '',
        'largest, round-robin',
        largestRoundRobin.toFixed(1),
        's',
        percent(largestRoundRobin, plan.idealSeconds),
      ],
    ],
    'llrll',
  ),
);
console.log('');
console.log(
  `${fast ? 'PASS' : 'MISSED'}: ${formatInt(ITEMS)} items into ${SHARDS} shards in ${planMedian.toFixed(1)} ms (target < ${TIME_TARGET_MS} ms; sorting alone ${sortMedian.toFixed(1)} ms)`,
);
console.log(
  `${balanced ? 'PASS' : 'MISSED'}: largest shard ${percent(largest, plan.idealSeconds)} over ideal (target <= +${BALANCE_TARGET * 100}%; round-robin ${percent(largestRoundRobin, plan.idealSeconds)})`,
);
if (failed) process.exitCode = 1;
