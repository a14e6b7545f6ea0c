import type { MarkerCategory } from './categories.ts';
import { LinearRegExp } from './linear-regexp.ts';

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
  /**
   * Set when `pattern` is a LinearRegExp (every user rule): a rule copied to a worker thread
   * arrives with a plain RegExp, and CompiledRules makes it a LinearRegExp again.
   */
  readonly engine?: 're2';
  readonly anchors: readonly string[];
  /** Set by a user rule: matches are shown as explained, never fail the step. */
  readonly allowReason?: string;
  /**
   * A marker that takes two lines: `pattern` opens a key (its first capture group); the first
   * `hit` or `clear` line for the key decides it, a hit counting a marker at the opening line;
   * a `reset` line forgets every key (keys are reused from there). BuildKit's
   * `#12 [stage 3/6] RUN ...` then `#12 DONE 41.2s`, not `#12 CACHED`, is one.
   */
  readonly pairing?: { readonly hit: RegExp; readonly clear: RegExp; readonly reset: RegExp };
  /**
   * Not a marker (category `observation`) but a line showing the pack's tool ran: `readable`
   * when the tool printed what the pack's rules read, `ran` when the line alone does not show
   * that (npm's `added 5 packages` at its default log level, which prints no fetches).
   */
  readonly presence?: ToolPresence;
}

export type ToolPresence = 'ran' | 'readable';

export interface RulePack {
  readonly name: string;
  readonly description: string;
  readonly rules: readonly MarkerRule[];
  /** The rules that tell a log where the tool printed nothing from one where it did not run. */
  readonly presence: readonly MarkerRule[];
  /** How to make the tool print what the rules read. */
  readonly hint: string;
}

type RuleSpec = Omit<MarkerRule, 'pack' | 'engine' | 'presence'>;

/** Lines a presence rule matches. */
export interface LineSpec {
  readonly pattern: RegExp;
  readonly anchors: readonly string[];
}

export interface ToolSpec {
  /** Lines showing the tool ran and printed what the pack's rules read. */
  readonly readable: LineSpec;
  /** Lines showing only that it ran, for a tool whose default output is too quiet for the rules. */
  readonly ran?: LineSpec;
  readonly hint: string;
}

export function definePack(
  name: string,
  description: string,
  rules: RuleSpec[],
  tool: ToolSpec,
): RulePack {
  const engineOf = (pattern: RegExp) =>
    pattern instanceof LinearRegExp ? { engine: 're2' as const } : {};
  const presenceRule = (shows: ToolPresence, { pattern, anchors }: LineSpec): MarkerRule => ({
    id: shows === 'readable' ? `${name}/ran-readable` : `${name}/ran`,
    pack: name,
    category: 'observation',
    description:
      shows === 'readable' ? `${name} ran and printed what the pack's rules read` : `${name} ran`,
    pattern,
    anchors,
    presence: shows,
    ...engineOf(pattern),
  });
  return {
    name,
    description,
    rules: rules.map((rule) => ({ ...rule, pack: name, ...engineOf(rule.pattern) })),
    presence: [
      presenceRule('readable', tool.readable),
      ...(tool.ran === undefined ? [] : [presenceRule('ran', tool.ran)]),
    ],
    hint: tool.hint,
  };
}
