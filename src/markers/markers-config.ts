import { errorMessage } from '../common/error-message.ts';
import type { ConfigNode } from '../runner/yaml-config.ts';
import { ConfigNode as Config } from '../runner/yaml-config.ts';
import { CATEGORY_NAMES, isMarkerCategory } from './categories.ts';
import { PACK_NAMES } from './builtin-packs.ts';
import { LinearRegExp, UnsupportedRegexError } from './linear-regexp.ts';
import { branchAnchors } from './literal-anchor.ts';
import type { MarkerRule } from './rule.ts';

export const DEFAULT_MARKERS_FILE = '.github/lanekit/markers.yml';
export const MARKERS_FILE_KEYS = ['packs', 'rules', 'allow'] as const;
export const USER_RULE_KEYS = [
  'id',
  'category',
  'description',
  'regex',
  'literal',
  'allow',
] as const;
export const ALLOW_KEYS = ['rule', 'source', 'reason'] as const;
const RULE_ID = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)?$/;

/** Markers that are expected somewhere: the rule (id, category or wildcard), where, and why. */
export interface AllowEntry {
  readonly rule: string;
  readonly source: string;
  readonly reason: string;
}

export interface MarkersConfig {
  /** Built-in packs to use; undefined means all of them. */
  readonly packs: readonly string[] | undefined;
  readonly rules: readonly MarkerRule[];
  readonly allow: readonly AllowEntry[];
}

/** Parses a markers file: `packs`, user `rules` and `allow` entries. */
export function parseMarkersConfig(text: string, origin: string): MarkersConfig {
  const root = Config.parse(text, origin);
  const fields = root.fields(MARKERS_FILE_KEYS);
  return {
    packs: fields.packs === undefined ? undefined : parsePackNames(fields.packs),
    rules: (fields.rules?.items() ?? []).map(parseUserRule),
    allow: parseAllowList(fields.allow),
  };
}

/** Parses a YAML list of allow entries on its own (the `allow` input). */
export function parseAllowEntries(text: string, origin: string): AllowEntry[] {
  return parseAllowList(Config.parse(text, origin));
}

function parsePackNames(node: ConfigNode): string[] {
  return node.items().map((item) => {
    const name = item.string();
    if (!PACK_NAMES.includes(name)) {
      throw item.error(`unknown rule pack '${name}', expected one of ${PACK_NAMES.join('|')}`);
    }
    return name;
  });
}

function parseUserRule(node: ConfigNode): MarkerRule {
  const fields = node.fields(USER_RULE_KEYS);
  const id = fields.id?.string();
  if (id === undefined) throw node.error("a rule needs an 'id'");
  if (!RULE_ID.test(id)) {
    throw node.error(
      `rule '${id}': id must be lower-case letters, digits, '.', '_', '-', with one optional '/'`,
    );
  }
  const category = fields.category?.string();
  if (category === undefined || !isMarkerCategory(category)) {
    throw (fields.category ?? node).error(
      `rule '${id}': unknown category '${category ?? ''}', expected one of ${CATEGORY_NAMES.join('|')}`,
    );
  }
  if ((fields.regex === undefined) === (fields.literal === undefined)) {
    throw node.error(`rule '${id}': give exactly one of 'regex' or 'literal'`);
  }
  let pattern: LinearRegExp;
  if (fields.regex !== undefined) {
    const source = fields.regex.string();
    try {
      pattern = new LinearRegExp(source);
    } catch (error) {
      const what = error instanceof UnsupportedRegexError ? 'unsupported' : 'invalid';
      const reason = errorMessage(error);
      throw fields.regex.error(`rule '${id}': ${what} regex '${source}': ${reason}`);
    }
  } else {
    const literal = fields.literal!.string();
    if (literal === '') throw fields.literal!.error(`rule '${id}': the literal is empty`);
    pattern = new LinearRegExp(literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
  const allowReason = fields.allow?.string();
  return {
    id,
    pack: 'user',
    category,
    description: fields.description?.string() ?? `user rule ${id}`,
    pattern,
    engine: 're2',
    anchors: branchAnchors(pattern.source, pattern.flags),
    ...(allowReason === undefined ? {} : { allowReason }),
  };
}

function parseAllowList(node: ConfigNode | undefined): AllowEntry[] {
  if (node === undefined || node.isMissing) return [];
  if (!node.isList) throw node.error('expected a list of {rule, source, reason} entries');
  return node.items().map((item) => {
    const fields = item.fields(ALLOW_KEYS);
    const rule = fields.rule?.string();
    const reason = fields.reason?.string();
    if (rule === undefined)
      throw item.error("an allow entry needs 'rule' (a rule id, category or wildcard)");
    if (reason === undefined || reason.trim() === '') {
      throw item.error(`allow entry for '${rule}' needs a 'reason': an explained marker says why`);
    }
    return { rule, source: fields.source?.string() ?? '*', reason };
  });
}
