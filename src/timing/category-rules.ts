import type { ConfigNode } from '../runner/yaml-config.ts';
import { ConfigNode as Config } from '../runner/yaml-config.ts';

/** The categories step time is sorted into; user rules may add their own. */
export const BUILTIN_CATEGORIES = [
  'setup',
  'checkout',
  'toolchain',
  'cache-restore',
  'cache-save',
  'artifacts',
  'docker',
  'build',
  'test',
  'other',
] as const;

const OTHER = 'other';

/**
 * A step belongs to a rule's category when the rule's `steps` wildcards match its name or its
 * `uses` wildcards match its action; `post` limits the rule to post steps (true) or main steps.
 */
export interface CategoryRule {
  readonly category: string;
  /** The `steps` wildcards as one alternation; undefined when there are none. */
  readonly steps: RegExp | undefined;
  readonly uses: RegExp | undefined;
  readonly post: boolean | undefined;
}

const CATEGORY_RULE_KEYS = ['category', 'steps', 'uses', 'post'] as const;
const CATEGORY_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * `*` any run of characters, `?` one; case is ignored, as step names are written freely. A
 * leading or trailing `*` drops the anchor instead of becoming `.*`, which V8 would try at every
 * position of the name.
 */
function wildcardSource(pattern: string): string {
  const start = pattern.startsWith('*') ? '' : '^';
  const end = pattern.length > 1 && pattern.endsWith('*') ? '' : '$';
  const inner = pattern.slice(start === '' ? 1 : 0, end === '' ? -1 : undefined);
  const body = inner
    .split('')
    .map((char) =>
      char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
    )
    .join('');
  return `${start}${body}${end}`;
}

/** Wildcards as one regex, tried once per name rather than once per wildcard. */
function anyOf(patterns: readonly string[]): RegExp | undefined {
  if (patterns.length === 0) return undefined;
  return new RegExp(patterns.map((p) => `(?:${wildcardSource(p)})`).join('|'), 'is');
}

const rule = (
  category: string,
  steps: readonly string[],
  uses: readonly string[] = [],
  post?: boolean,
): CategoryRule => ({
  category,
  steps: anyOf(steps),
  uses: anyOf(uses),
  post,
});

/** Actions whose post step saves a cache (setup-node and its kin save their package cache). */
const CACHE_ACTIONS = ['actions/cache', 'Swatinem/rust-cache', 'actions/setup-*'];

/** Tried in order after the user's rules; the first that matches decides. */
export const BUILTIN_RULES: readonly CategoryRule[] = [
  rule('setup', ['Set up job', 'Complete job', 'Initialize containers', 'Stop containers']),
  rule('cache-save', ['*save*cache*', '*cache*save*'], ['actions/cache/save']),
  rule('cache-save', ['cache *', '*restore*cache*', '*rust-cache*'], CACHE_ACTIONS, true),
  rule(
    'cache-restore',
    ['cache *', '*restore*cache*', '*cache*restore*', '*rust-cache*', '*rust cache*'],
    ['actions/cache', 'actions/cache/restore', 'Swatinem/rust-cache'],
  ),
  rule('docker', ['*docker*', '*buildx*', '*container image*'], ['docker/*']),
  rule('checkout', ['*checkout*'], ['actions/checkout']),
  rule('artifacts', ['*artifact*'], ['actions/upload-artifact*', 'actions/download-artifact*']),
  rule(
    'toolchain',
    ['set up *', 'setup *', 'install *', '*toolchain*', '*mise*', 'rustup *'],
    [
      'actions/setup-*',
      '*/setup-*',
      'dtolnay/rust-toolchain',
      'jdx/mise-action',
      '*/install-action',
      '*/action-setup',
    ],
  ),
  rule('test', ['*test*', '*e2e*', '*spec*', '*jest*']),
  rule('build', ['*build*', '*compile*', 'make*', '*cargo check*', '*clippy*', 'tsc*', '*bundle*']),
];

/** A step as the rules see it: post steps without their `Post ` prefix, the action of `Run owner/repo@ref`. */
export interface StepView {
  readonly name: string;
  readonly post: boolean;
  /** `owner/repo[/path]` without its version, when the name shows it. */
  readonly uses: string | undefined;
}

const ACTION_STEP = /^Run ([^\s@/]+\/[^\s@]+)@\S+$/;

export function stepView(name: string): StepView {
  const post = name.startsWith('Post ');
  const shown = post ? name.slice('Post '.length) : name;
  return { name: shown, post, uses: ACTION_STEP.exec(shown)?.[1] };
}

/** The category of a step: the first rule that matches, else `other`. */
export function categoryOf(view: StepView, rules: readonly CategoryRule[]): string {
  for (const candidate of rules) {
    if (candidate.post !== undefined && candidate.post !== view.post) continue;
    const uses = view.uses;
    if (
      candidate.steps?.test(view.name) === true ||
      (uses !== undefined && candidate.uses?.test(uses) === true)
    ) {
      return candidate.category;
    }
  }
  return OTHER;
}

/**
 * The user's category rules: a YAML list of `{category, steps, uses, post}`, tried before the
 * built-in ones. `origin` is the file, or `<input> input` for YAML given inline.
 */
export function parseCategoryRules(text: string, origin: string): CategoryRule[] {
  const root = Config.parse(text, origin);
  if (!root.isMissing && !root.isList) throw root.error('expected a list of category rules');
  return root.items().map(parseRule);
}

function parseRule(node: ConfigNode): CategoryRule {
  const fields = node.fields(CATEGORY_RULE_KEYS);
  const category = fields.category?.string();
  if (category === undefined || !CATEGORY_NAME.test(category)) {
    throw (fields.category ?? node).error(
      `category: got '${category ?? ''}', expected lower-case letters, digits and '-', such as ${BUILTIN_CATEGORIES.join('|')}`,
    );
  }
  const steps = fields.steps?.strings() ?? [];
  const uses = fields.uses?.strings() ?? [];
  if (steps.length === 0 && uses.length === 0) {
    throw node.error(
      `category '${category}': give 'steps' (step-name wildcards) or 'uses' (action wildcards)`,
    );
  }
  return rule(category, steps, uses, fields.post?.boolean());
}
