import { ConfigurationError, invalidValue } from '../runner/errors.ts';
import { shown } from '../common/shown.ts';

export interface Shard {
  /** 1-based; 0 is the canary. */
  readonly index: number;
  /** In the order of the item list. */
  readonly items: readonly string[];
  readonly expectedSeconds: number;
}

export interface ShardPlan {
  readonly shards: readonly Shard[];
  readonly canary: Shard | undefined;
  /** The sharded items' expected total over the shard count: what a perfect split would give. */
  readonly idealSeconds: number;
  /** What an item without history is expected to take: the median of the known durations. */
  readonly fillSeconds: number;
  readonly withoutHistory: readonly string[];
  /** Set when the shard count was lowered to the number of items. */
  readonly cappedFrom: number | undefined;
}

export interface ShardRequest {
  readonly items: readonly string[];
  readonly count: number;
  /** Historical seconds per item. */
  readonly durations: ReadonlyMap<string, number>;
  readonly canary: readonly string[];
}

/** Item -> seconds, as a JSON object; anything else names the input and the bad entry. */
export function parseDurations(value: unknown, input: string): Map<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidValue(input, shown(value), 'a JSON object of item -> seconds');
  }
  const durations = new Map<string, number>();
  for (const [item, seconds] of Object.entries(value)) {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      throw new ConfigurationError(
        `${input}: '${item}' has ${shown(seconds)}, expected a number of seconds >= 0`,
      );
    }
    durations.set(item, seconds);
  }
  return durations;
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A binary min-heap of shards by (load, index), so ties always go to the lowest index. */
class ShardHeap {
  readonly #load: number[];
  readonly #heap: number[];

  constructor(count: number) {
    this.#load = new Array<number>(count).fill(0);
    this.#heap = Array.from({ length: count }, (_, i) => i);
  }

  #less(a: number, b: number): boolean {
    const la = this.#load[a]!;
    const lb = this.#load[b]!;
    return la < lb || (la === lb && a < b);
  }

  /** Adds `seconds` to the least loaded shard and returns that shard's index. */
  assign(seconds: number): number {
    const heap = this.#heap;
    const shard = heap[0]!;
    this.#load[shard] = this.#load[shard]! + seconds;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && this.#less(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && this.#less(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return shard;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }

  load(shard: number): number {
    return this.#load[shard]!;
  }
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Splits items into shards of balanced expected duration: longest first, each to the least
 * loaded shard (LPT, within 4/3 of the best split and close to ideal when items are many).
 * Items without history count as the median known duration; with no history at all, every item
 * counts as one second, which balances by count. The same input always gives the same plan.
 */
export function planShards(request: ShardRequest): ShardPlan {
  const { items, durations } = request;
  const listed = new Set<string>();
  for (const item of items) {
    if (listed.has(item)) throw invalidValue('shard-items', item, 'each item once');
    listed.add(item);
  }
  const canarySet = new Set(request.canary);
  for (const name of request.canary) {
    if (!listed.has(name)) {
      throw invalidValue('canary', name, `items of shard-items (${items.length} listed)`);
    }
  }
  const known = items.flatMap((item) => durations.get(item) ?? []);
  const fillSeconds = median(known) ?? median([...durations.values()]) ?? 1;
  const withoutHistory = items.filter((item) => !durations.has(item));
  const seconds = (item: string) => durations.get(item) ?? fillSeconds;

  const sharded = items.filter((item) => !canarySet.has(item));
  if (sharded.length === 0) {
    throw invalidValue(
      'canary',
      request.canary.join(', '),
      'fewer items than shard-items lists: nothing would be left to shard',
    );
  }
  const count = Math.min(request.count, sharded.length);
  const order = sharded
    .map((item, position) => ({ item, position, seconds: seconds(item) }))
    .sort((a, b) => b.seconds - a.seconds || byName(a.item, b.item));
  const heap = new ShardHeap(count);
  const shardOf = new Array<number>(sharded.length);
  for (const { position, seconds: s } of order) shardOf[position] = heap.assign(s);
  const members: string[][] = Array.from({ length: count }, () => []);
  sharded.forEach((item, position) => members[shardOf[position]!]!.push(item));
  const shards = members.map((list, i) => ({
    index: i + 1,
    items: list,
    expectedSeconds: heap.load(i),
  }));

  const canaryItems = items.filter((item) => canarySet.has(item));
  const total = shards.reduce((sum, shard) => sum + shard.expectedSeconds, 0);
  return {
    shards,
    canary:
      canaryItems.length === 0
        ? undefined
        : {
            index: 0,
            items: canaryItems,
            expectedSeconds: canaryItems.reduce((sum, item) => sum + seconds(item), 0),
          },
    idealSeconds: total / count,
    fillSeconds,
    withoutHistory,
    cappedFrom: count < request.count ? request.count : undefined,
  };
}
