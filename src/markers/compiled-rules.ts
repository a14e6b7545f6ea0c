import { LinearRegExp } from './linear-regexp.ts';
import type { MarkerRule } from './rule.ts';
import { MIN_ANCHOR_BYTES } from './scan-kernel.ts';

export const GROUP_START = '##[group]';
export const GROUP_END = '##[endgroup]';

/**
 * The rules of one scan, indexed by anchor: the scan kernel looks for `anchors` (the rules'
 * and the runner's group markers), `rulesOfAnchor` says which rules a found anchor makes worth
 * testing. Rules without a usable anchor (a case-insensitive user regex, say) are tested on
 * every line.
 */
export class CompiledRules {
  readonly rules: readonly MarkerRule[];
  readonly anchors: readonly string[];
  readonly rulesOfAnchor: readonly (readonly number[])[];
  readonly unanchored: readonly number[];
  /** No pattern holds a non-ASCII character, so lines can be tested without UTF-8 decoding. */
  readonly asciiPatterns: boolean;

  constructor(rules: readonly MarkerRule[]) {
    this.rules = rules.map(withItsEngine);
    const anchors = [GROUP_START, GROUP_END];
    const rulesOfAnchor: number[][] = [[], []];
    const unanchored: number[] = [];
    for (const [index, rule] of rules.entries()) {
      const usable = rule.anchors.filter((anchor) => Buffer.byteLength(anchor) >= MIN_ANCHOR_BYTES);
      if (usable.length === 0 || usable.length !== rule.anchors.length) {
        unanchored.push(index);
        continue;
      }
      for (const anchor of usable) {
        let at = anchors.indexOf(anchor);
        if (at < 0) {
          at = anchors.push(anchor) - 1;
          rulesOfAnchor.push([]);
        }
        rulesOfAnchor[at]!.push(index);
      }
    }
    this.anchors = anchors;
    this.rulesOfAnchor = rulesOfAnchor;
    this.unanchored = unanchored;
    this.asciiPatterns = rules.every((rule) => !/[^\p{ASCII}]/u.test(rule.pattern.source));
  }
}

/**
 * The rule with its pattern on the engine it asks for: rules reach a worker thread by structured
 * clone, which makes every RegExp a plain one, and a user's regex must never run on V8's.
 */
function withItsEngine(rule: MarkerRule): MarkerRule {
  if (rule.engine !== 're2' || rule.pattern instanceof LinearRegExp) return rule;
  return { ...rule, pattern: new LinearRegExp(rule.pattern.source) };
}
