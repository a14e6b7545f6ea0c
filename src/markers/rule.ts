import type { MarkerCategory } from './categories.ts';

/**
 * One kind of marker. `pattern` is tested against the normalized line (no timestamp, ANSI,
 * BOM, `##[warning]` prefix or task-runner tag); `anchors` are literals one of which appears
 * verbatim in the raw line, so the scanner only normalizes and tests lines that can match.
 */
export interface MarkerRule {
  readonly id: string;
  readonly pack: string;
  readonly category: MarkerCategory;
  readonly description: string;
  readonly pattern: RegExp;
  readonly anchors: readonly string[];
  /** Set by a user rule: matches are shown as explained, never fail the step. */
  readonly allowReason?: string;
}

export interface RulePack {
  readonly name: string;
  readonly description: string;
  readonly rules: readonly MarkerRule[];
}

type RuleSpec = Omit<MarkerRule, 'pack'>;

export function definePack(name: string, description: string, rules: RuleSpec[]): RulePack {
  return { name, description, rules: rules.map((rule) => ({ ...rule, pack: name })) };
}
