import { ConfigurationError, invalidValue } from '../runner/errors.ts';
import { CATEGORY_NAMES, isMarkerCategory } from './categories.ts';
import { BUILTIN_PACKS } from './builtin-packs.ts';
import type { MarkersConfig } from './markers-config.ts';
import type { MarkerRule } from './rule.ts';

/**
 * The built-in rules of the chosen packs, then the user's rules, then the packs' presence rules
 * (which tell a log where a tool printed nothing from one where it did not run); ids must be
 * unique.
 */
export function selectRules(config: MarkersConfig): MarkerRule[] {
  const packs = BUILTIN_PACKS.filter((pack) => config.packs?.includes(pack.name) ?? true);
  const rules = [
    ...packs.flatMap((pack) => pack.rules),
    ...config.rules,
    ...packs.flatMap((pack) => pack.presence),
  ];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) {
      throw new ConfigurationError(
        `rule '${rule.id}' is defined twice; user rules need ids of their own`,
      );
    }
    seen.add(rule.id);
  }
  return rules;
}

/** Checks each `fail-on` entry names something: `any`, a category, a rule id or a wildcard. */
export function checkFailOn(
  input: string,
  entries: readonly string[],
  rules: readonly MarkerRule[],
): void {
  for (const entry of entries) {
    const known =
      entry === 'any' ||
      (isMarkerCategory(entry) && entry !== 'observation') ||
      entry.includes('*') ||
      rules.some((rule) => rule.id === entry && rule.category !== 'observation');
    if (!known) {
      const categories = CATEGORY_NAMES.filter((c) => c !== 'observation').join('|');
      throw invalidValue(
        input,
        entry,
        `any, a category (${categories}), a marker rule id or a wildcard such as cargo/*`,
      );
    }
  }
}
