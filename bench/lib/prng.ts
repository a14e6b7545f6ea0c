/** mulberry32: a small seeded PRNG, so every run of a bench works on the same inputs. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `items`, each as likely as the others. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One of `items`, each as likely as its weight makes it. */
export function pickWeighted<T>(random: () => number, items: readonly (readonly [number, T])[]): T {
  let roll = random() * items.reduce((sum, [weight]) => sum + weight, 0);
  for (const [weight, value] of items) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return items[items.length - 1]![1];
}
