/**
 * The baseline part (a) measures RuleSet against: every rule of every route matched on its own
 * with minimatch(), as a router without a compiled rule set would.
 */
import { minimatch } from 'minimatch';

const MINIMATCH_OPTIONS = { dot: true, nocomment: true, nonegate: true };
/** Above this projected time the naive loop runs on a sample of the paths. */
export const NAIVE_FULL_LIMIT_MS = 20_000;
/** Time the naive loop may take on its sample (it runs twice: check, then timed). */
const NAIVE_SAMPLE_BUDGET_MS = 4_000;

/** The glob of a route that claims a path: each glob in order, the last match wins. */
export function naiveClaim(path: string, globs: readonly string[]): string | undefined {
  let claim: string | undefined;
  for (const raw of globs) {
    const negate = raw.startsWith('!');
    if (minimatch(path, negate ? raw.slice(1) : raw, MINIMATCH_OPTIONS))
      claim = negate ? undefined : raw;
  }
  return claim;
}

/** Routes every path through every route; returns the number of (path, route) claims. */
export function routeNaively(
  paths: readonly string[],
  routes: readonly (readonly string[])[],
): number {
  let claims = 0;
  for (const path of paths) {
    for (const globs of routes) if (naiveClaim(path, globs) !== undefined) claims++;
  }
  return claims;
}

/** The naive loop's time per path: 0.3 s of warm-up, then about 0.7 s measured. */
function naiveMsPerPath(paths: readonly string[], routes: readonly (readonly string[])[]): number {
  const stride = 97;
  let next = 0;
  const one = () => routeNaively([paths[(next++ * stride) % paths.length]!], routes);
  const warm = performance.now() + 300;
  while (performance.now() < warm) one();
  const started = performance.now();
  let count = 0;
  while (performance.now() - started < 700) {
    one();
    count++;
  }
  return (performance.now() - started) / count;
}

export interface NaiveWorkload {
  /** All the paths, or an evenly spaced sample of them when all would take too long. */
  readonly paths: readonly string[];
  /** The naive loop's time on all the paths, projected from its rate once warm. */
  readonly projectedFullMs: number;
}

/** What the naive loop can afford to run on, judged by its rate once warm. */
export function naiveWorkload(
  paths: readonly string[],
  routes: readonly (readonly string[])[],
): NaiveWorkload {
  const msPerPath = naiveMsPerPath(paths, routes);
  const projectedFullMs = msPerPath * paths.length;
  if (projectedFullMs <= NAIVE_FULL_LIMIT_MS) return { paths, projectedFullMs };
  const size = Math.min(
    paths.length,
    Math.max(500, Math.floor(NAIVE_SAMPLE_BUDGET_MS / msPerPath)),
  );
  const stride = paths.length / size;
  return {
    paths: Array.from({ length: size }, (_, i) => paths[Math.floor(i * stride)]!),
    projectedFullMs,
  };
}
