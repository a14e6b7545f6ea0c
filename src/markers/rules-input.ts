import { readConfigInput } from '../runner/config-input.ts';
import { invalidValue } from '../runner/errors.ts';
import { PACK_NAMES } from './builtin-packs.ts';
import type { MarkersConfig } from './markers-config.ts';
import { DEFAULT_MARKERS_FILE, parseAllowEntries, parseMarkersConfig } from './markers-config.ts';
import type { MarkerRule } from './rule.ts';
import { checkFailOn, selectRules } from './rule-selection.ts';

/** The rule inputs of marker-scanner, as given. */
export interface RuleInputs {
  /** A markers file path, or the markers YAML itself. */
  readonly rules: string;
  readonly packs: readonly string[];
  readonly allow: string | undefined;
  readonly failOn: readonly string[];
}

/**
 * The rules to scan with: the markers file (optional at its default path), its packs replaced
 * by `packs` when given, `allow` added to its allow entries; `fail-on` must name rules in use.
 */
export function readRulesInput(
  inputs: RuleInputs,
  workspace: string,
): { rules: MarkerRule[]; config: MarkersConfig } {
  const file = readConfigInput('rules', inputs.rules, {
    defaultFile: DEFAULT_MARKERS_FILE,
    optional: true,
    workspace,
  });
  let config: MarkersConfig = file
    ? parseMarkersConfig(file.text, file.origin)
    : { packs: undefined, rules: [], allow: [] };
  for (const pack of inputs.packs) {
    if (!PACK_NAMES.includes(pack)) {
      throw invalidValue('packs', pack, `a comma list of ${PACK_NAMES.join('|')}`);
    }
  }
  if (inputs.packs.length > 0) config = { ...config, packs: inputs.packs };
  if (inputs.allow !== undefined) {
    config = {
      ...config,
      allow: [...config.allow, ...parseAllowEntries(inputs.allow, 'allow input')],
    };
  }
  const rules = selectRules(config);
  checkFailOn('fail-on', inputs.failOn, rules);
  return { rules, config };
}
