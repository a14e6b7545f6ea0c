import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  DEFAULT_MARKERS_FILE,
  PACK_NAMES,
  checkFailOn,
  parseAllowEntries,
  parseMarkersConfig,
  selectRules
} from "./chunk-TWMVON3P.js";
import {
  readConfigInput
} from "./chunk-JZRQ347E.js";
import {
  invalidValue
} from "./chunk-2WEQVLCG.js";

// src/markers/rules-input.ts
function readRulesInput(inputs, workspace) {
  const file = readConfigInput("rules", inputs.rules, {
    defaultFile: DEFAULT_MARKERS_FILE,
    optional: true,
    workspace
  });
  let config = file ? parseMarkersConfig(file.text, file.origin) : { packs: void 0, rules: [], allow: [] };
  for (const pack of inputs.packs) {
    if (!PACK_NAMES.includes(pack)) {
      throw invalidValue("packs", pack, `a comma list of ${PACK_NAMES.join("|")}`);
    }
  }
  if (inputs.packs.length > 0) config = { ...config, packs: inputs.packs };
  if (inputs.allow !== void 0) {
    config = {
      ...config,
      allow: [...config.allow, ...parseAllowEntries(inputs.allow, "allow input")]
    };
  }
  const rules = selectRules(config);
  checkFailOn("fail-on", inputs.failOn, rules);
  return { rules, config };
}

export {
  readRulesInput
};
