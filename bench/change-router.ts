/**
 * change-router benchmark: figures printed beside a baseline measured in the same run.
 *
 *   (a) Routing 100,000 generated repository paths against 200 globs in 20 routes with
 *       `RuleSet` (every route's rules matched together, as change-router does), beside the
 *       naive loop that calls `minimatch()` for every rule of every route.
 *   (b) Spawn-to-exit of the bundled action (dist/change-router.js) on a 50-file pull request in
 *       a temp git repository, beside `node -e 0`.
 *
 * `node bench/change-router.ts` (or `npm run bench`). Needs `npm run build` first. Exits 1 when
 * the bundle is missing, when the two routing methods disagree, or when the action fails; a
 * missed speed target is only reported.
 */
import { RuleSet } from '../src/routing/path-rules.ts';
import { BENCHMARK_ROUTES } from './change-router/benchmark-routes.ts';
import {
  NAIVE_FULL_LIMIT_MS,
  naiveWorkload,
  routeNaively,
} from './change-router/naive-minimatch.ts';
import { generateRepositoryPaths } from './change-router/repository-paths.ts';
import type { PartResult } from './change-router/part-result.ts';
import { firstDisagreement } from './change-router/route-agreement.ts';
import { benchStartup } from './change-router/startup.ts';
import { requireBundle } from './lib/bundle.ts';
import { formatDuration as duration, formatInt as int } from './lib/format.ts';
import { benchHeading } from './lib/heading.ts';
import { median } from './lib/stats.ts';
import { table } from './lib/table.ts';
import { timed } from './lib/timed.ts';

const PATH_COUNT = 100_000;
const SEED = 0x1a4e_c17;
const PATH_RULES_RUNS = 5;
const SPEEDUP_TARGET = 10;
const SPAWN_RUNS = 15;
const ACTION_MEDIAN_TARGET_MS = 250;

const benchStarted = performance.now();
const bundle = requireBundle('change-router.js');
const ROUTE_GLOBS = Object.values(BENCHMARK_ROUTES);
const RULE_COUNT = ROUTE_GLOBS.reduce((sum, globs) => sum + globs.length, 0);

/** Routes every path through every route; returns the number of (path, route) claims. */
function routeWithRuleSet(paths: readonly string[], ruleSet: RuleSet): number {
  let claims = 0;
  for (const path of paths) {
    for (const claim of ruleSet.match(path)) if (claim !== undefined) claims++;
  }
  return claims;
}

/** RuleSet's median time on the paths, after one warm-up pass; every pass must claim alike. */
function ruleSetMedianMs(paths: readonly string[], ruleSet: RuleSet): number {
  const claims = routeWithRuleSet(paths, ruleSet);
  const runs = Array.from({ length: PATH_RULES_RUNS }, () => {
    const { ms, value } = timed(() => routeWithRuleSet(paths, ruleSet));
    if (value !== claims) throw new Error(`RuleSet gave ${claims} claims, then ${value}`);
    return ms;
  });
  return median(runs);
}

function benchRouting(): PartResult {
  const generated = timed(() => generateRepositoryPaths(PATH_COUNT, SEED));
  const paths = generated.value;
  const compiled = timed(() => new RuleSet(ROUTE_GLOBS));
  const ruleSet = compiled.value;
  const { paths: sample, projectedFullMs } = naiveWorkload(paths, ROUTE_GLOBS);
  const sampled = sample.length < paths.length;

  // Check first: both methods must give every route the same claiming rule for every path.
  const checked = timed(() => firstDisagreement(sample, ruleSet, BENCHMARK_ROUTES));
  if (checked.value !== undefined) {
    console.log(`  DISAGREEMENT on ${checked.value}`);
    return { verdict: `(a) FAIL: RuleSet and minimatch disagree (${checked.value})`, failed: true };
  }
  const fullMs = ruleSetMedianMs(paths, ruleSet);
  const sampleMs = sampled ? ruleSetMedianMs(sample, ruleSet) : fullMs;
  // The naive loop ran once in the check above (its warm-up); this is its timed run.
  const naive = timed(() => routeNaively(sample, ROUTE_GLOBS));
  const claims = routeWithRuleSet(sample, ruleSet);
  if (naive.value !== claims)
    throw new Error(`naive gave ${naive.value} claims, RuleSet ${claims}`);
  const naivePerPath = naive.ms / sample.length;
  const speedup = naivePerPath / (sampleMs / sample.length);

  console.log(
    `  ${int(paths.length)} generated paths (seed 0x${SEED.toString(16)}, ${duration(generated.ms)}), ` +
      `${RULE_COUNT} rules in ${ROUTE_GLOBS.length} routes (RuleSet compiled in ${duration(compiled.ms)})`,
  );
  console.log(
    sampled
      ? `  naive loop projected at ${duration(projectedFullMs)} for all paths (> ${duration(NAIVE_FULL_LIMIT_MS)}): ` +
          `run on every ${(paths.length / sample.length).toFixed(1)}th path, ${int(sample.length)} paths`
      : `  naive loop projected at ${duration(projectedFullMs)} for all paths (<= ${duration(NAIVE_FULL_LIMIT_MS)}): run on all of them`,
  );
  console.log(
    `  check: RuleSet and naive minimatch agree on all ${int(sample.length)} × ${ROUTE_GLOBS.length} (path, route) pairs ` +
      `(${int(claims)} claims; ${duration(checked.ms)})`,
  );
  const row = (method: string, count: number, ms: number) => [
    method,
    int(count),
    String(RULE_COUNT),
    duration(ms),
    duration(ms / count),
    int((count / ms) * 1000),
  ];
  const ruleSetLabel = `RuleSet, median of ${PATH_RULES_RUNS}`;
  const projected = `~${duration(naivePerPath * paths.length)}`;
  console.log('');
  console.log(
    table(
      [
        ['method', 'paths', 'rules', 'time', 'per path', 'paths/s'],
        row(ruleSetLabel, paths.length, fullMs),
        ...(sampled ? [row(ruleSetLabel, sample.length, sampleMs)] : []),
        row('naive minimatch(), 1 run', sample.length, naive.ms),
        ...(sampled
          ? [['naive, projected', int(paths.length), String(RULE_COUNT), projected]]
          : []),
      ],
      'lrrrrr',
    ),
  );
  const met = speedup >= SPEEDUP_TARGET;
  console.log('');
  console.log(
    `  speedup (per path, same ${int(sample.length)} paths): ${speedup.toFixed(1)}x   target >= ${SPEEDUP_TARGET}x   ${met ? 'ok' : 'MISSED'}`,
  );
  if (sampled) {
    const speedupAll = naivePerPath / (fullMs / paths.length);
    console.log(
      `  speedup (naive sample vs RuleSet on all paths, per path): ${speedupAll.toFixed(1)}x`,
    );
  }
  return {
    verdict: `(a) ${met ? 'PASS' : 'MISSED'}: RuleSet routes ${int(paths.length)} paths × ${RULE_COUNT} rules in ${duration(fullMs)}, ${speedup.toFixed(1)}x the naive minimatch loop per path (target >= ${SPEEDUP_TARGET}x${sampled ? `; naive on a ${int(sample.length)}-path sample` : ''})`,
    failed: false,
  };
}

console.log(benchHeading('change-router'));
if (bundle.staleNote) console.log(`  ${bundle.staleNote}`);
console.log('');
console.log(`(a) routing ${int(PATH_COUNT)} paths: RuleSet vs naive minimatch()`);
const routing = benchRouting();
console.log('');
console.log(
  `(b) spawn-to-exit, ${SPAWN_RUNS} runs each after 1 warm-up: dist/change-router.js vs node -e 0`,
);
const startup = routing.failed
  ? undefined
  : await benchStartup(SPAWN_RUNS, ACTION_MEDIAN_TARGET_MS);
console.log('');
console.log(routing.verdict);
console.log(startup?.verdict ?? '(b) SKIPPED: part (a) failed');
console.log(`total ${duration(performance.now() - benchStarted)}`);
if (routing.failed || startup?.failed) process.exitCode = 1;
