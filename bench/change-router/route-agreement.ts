import type { RuleSet } from '../../src/routing/path-rules.ts';
import { naiveClaim } from './naive-minimatch.ts';

/**
 * The first (path, route) pair where RuleSet and the naive minimatch loop name a different
 * claiming glob, said in a sentence; undefined when they agree on every pair.
 */
export function firstDisagreement(
  paths: readonly string[],
  ruleSet: RuleSet,
  routes: Readonly<Record<string, readonly string[]>>,
): string | undefined {
  const named = Object.entries(routes);
  for (const path of paths) {
    const claims = ruleSet.match(path);
    for (const [index, [name, globs]] of named.entries()) {
      const fast = claims[index];
      const naive = naiveClaim(path, globs);
      if (fast !== naive) {
        const show = (claim: string | undefined) =>
          claim === undefined ? 'no claim' : `'${claim}'`;
        return `path '${path}', route '${name}': RuleSet ${show(fast)}, naive minimatch ${show(naive)}`;
      }
    }
  }
  return undefined;
}
