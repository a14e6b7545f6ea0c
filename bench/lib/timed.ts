export interface Timed<T> {
  readonly ms: number;
  readonly value: T;
}

/** Calls `run` once; its wall time and what it returned. */
export function timed<T>(run: () => T): Timed<T> {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

/** The quickest of several runs. */
export function fastest<T extends { readonly ms: number }>(runs: readonly T[]): T {
  return runs.reduce((best, run) => (run.ms < best.ms ? run : best));
}
