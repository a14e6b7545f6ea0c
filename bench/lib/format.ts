/** A whole number with thousands separators: 100,000. */
export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A duration in the unit that keeps it short: 1.42 µs, 141.8 ms, 4.44 s. */
export function formatDuration(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
