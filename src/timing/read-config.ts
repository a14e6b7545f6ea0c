import type { LanesConfig } from '../lanes/lanes-config.ts';
import { readLanesInput } from '../lanes/lanes-input.ts';
import type { AllowEntry } from '../markers/markers-config.ts';
import type { MarkerRule } from '../markers/rule.ts';
import { checkFailOn } from '../markers/rule-selection.ts';
import { readRulesInput } from '../markers/rules-input.ts';
import { readConfigInput } from '../runner/config-input.ts';
import type { CategoryRule } from './category-rules.ts';
import { parseCategoryRules } from './category-rules.ts';
import type { LanePattern } from './lane-pattern.ts';
import { parseLanePattern } from './lane-pattern.ts';

/** The files and texts timing-summary's inputs name, as given. */
export interface TimingConfigInputs {
  readonly lanesFile: string;
  readonly lanePattern: string | undefined;
  readonly categories: string | undefined;
  /** The markers file of marker-scanner (path or YAML), optional at its default path. */
  readonly rules: string;
  readonly failOnMarkers: readonly string[];
}

export interface TimingConfig {
  readonly lanes: LanesConfig | undefined;
  readonly lanePattern: LanePattern | undefined;
  readonly categoryRules: readonly CategoryRule[] | undefined;
  readonly markerRules: {
    readonly rules: readonly MarkerRule[];
    readonly allow: readonly AllowEntry[];
    readonly failOn: readonly string[];
  };
}

/**
 * The lanes file (optional at its default path), the lane pattern, the category rules (a file in
 * the workspace or the YAML itself) and the marker rules, checked before any request is made.
 */
export function readTimingConfig(inputs: TimingConfigInputs, workspace: string): TimingConfig {
  const categories =
    inputs.categories === undefined
      ? undefined
      : readConfigInput('categories', inputs.categories, {
          defaultFile: '',
          optional: false,
          workspace,
        });
  const { rules, config } = readRulesInput(
    { rules: inputs.rules, packs: [], allow: undefined, failOn: [] },
    workspace,
  );
  checkFailOn('fail-on-markers', inputs.failOnMarkers, rules);
  return {
    lanes: readLanesInput(inputs.lanesFile, { optional: true, workspace }),
    lanePattern:
      inputs.lanePattern === undefined
        ? undefined
        : parseLanePattern(inputs.lanePattern, 'lane-pattern'),
    categoryRules: categories && parseCategoryRules(categories.text, categories.origin),
    markerRules: { rules, allow: config.allow, failOn: inputs.failOnMarkers },
  };
}
