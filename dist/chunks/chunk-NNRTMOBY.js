import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  ConfigNode
} from "./chunk-UH4JFLZK.js";
import {
  ConfigurationError
} from "./chunk-2WEQVLCG.js";

// src/lanes/lanes-config.ts
var DEFAULT_LANES_FILE = ".github/lanekit/lanes.yml";
var LANES_FILE_KEYS = ["default", "lanes"];
var LANE_KEYS = [
  "runs-on",
  "required",
  "hosted",
  "env",
  "suffix",
  "artifact-suffix"
];
var RUNNER_GROUP_KEYS = ["group", "labels"];
var LANE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
var RESERVED_LANE_NAMES = ["default", "both", "all"];
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var RESERVED_ENV_PREFIXES = ["GITHUB_", "RUNNER_", "ACTIONS_"];
var RUNNER_LABEL = /^\S(?:[\s\S]*\S)?$/;
var SUFFIX = /^[^(),\r\n]*[^(),\s][^(),\r\n]*$/;
var ARTIFACT_SUFFIX = /^[^":<>|*?\\/\r\n]*$/;
function isMapping(node) {
  if (node.isMissing || node.isList) return false;
  try {
    node.entries();
    return true;
  } catch (error) {
    if (error instanceof ConfigurationError) return false;
    throw error;
  }
}
var RUNS_ON_FORMS = "a runner label, a list of labels, or {group, labels}";
function runnerLabel(node, what = "runner label") {
  if (node.isList || isMapping(node)) {
    throw node.error(`expected a ${what} here, got a ${node.isList ? "list" : "mapping"}`);
  }
  if (node.isMissing) throw node.error(`expected ${RUNS_ON_FORMS}, got nothing`);
  const label = node.string();
  if (label.trim() === "") throw node.error(`expected a ${what}, got an empty string`);
  if (!RUNNER_LABEL.test(label)) {
    throw node.error(
      `${what} ${JSON.stringify(label)} has whitespace around it; write it without: ${JSON.stringify(label.trim())}`
    );
  }
  return label;
}
function runnerLabels(node) {
  const labels = node.items().map((item) => runnerLabel(item));
  if (labels.length === 0) throw node.error("expected at least one runner label");
  return labels;
}
function parseRunsOn(node) {
  if (node.isList) return runnerLabels(node);
  if (isMapping(node)) {
    const fields = node.fields(RUNNER_GROUP_KEYS);
    if (!fields.group) throw node.error(`a runner group needs 'group:'; expected ${RUNS_ON_FORMS}`);
    const group = runnerLabel(fields.group, "runner group");
    if (!fields.labels) return { group };
    return {
      group,
      labels: fields.labels.isList ? runnerLabels(fields.labels) : runnerLabel(fields.labels)
    };
  }
  return runnerLabel(node);
}
function runnerLabelsOf(runsOn) {
  if (typeof runsOn === "string") return [runsOn];
  if ("group" in runsOn) {
    const { labels } = runsOn;
    return labels === void 0 ? [] : typeof labels === "string" ? [labels] : labels;
  }
  return runsOn;
}
function parseEnv(node) {
  const env = {};
  for (const [name, value] of node?.entries() ?? []) {
    if (!ENV_NAME.test(name)) {
      throw value.error(
        `'${name}' is not an environment variable name: use letters, digits and '_'`
      );
    }
    const reserved = RESERVED_ENV_PREFIXES.find((prefix) => name.startsWith(prefix));
    if (reserved)
      throw value.error(`'${name}' is reserved: the runner owns ${reserved}* variables`);
    if (value.isList || isMapping(value)) throw value.error("expected a string value");
    env[name] = value.isMissing ? "" : value.string();
  }
  return env;
}
function parseLane(name, node) {
  if (!LANE_NAME.test(name)) {
    throw node.error(
      `lane name '${name}' cannot be part of an output name: use letters, digits, '_' and '-', starting with a letter or '_'`
    );
  }
  if (RESERVED_LANE_NAMES.includes(name.toLowerCase())) {
    throw node.error(
      `lane name '${name}' is a keyword of the lanes input (${RESERVED_LANE_NAMES.join("|")}); rename the lane`
    );
  }
  if (!isMapping(node)) throw node.error(`expected a mapping with ${LANE_KEYS.join(", ")}`);
  const fields = node.fields(LANE_KEYS);
  if (!fields["runs-on"] || fields["runs-on"].isMissing) {
    throw node.error(`missing 'runs-on:', expected ${RUNS_ON_FORMS}`);
  }
  const runsOn = parseRunsOn(fields["runs-on"]);
  if (!fields.hosted) {
    throw node.error(
      "missing 'hosted: true|false': say whether the lane's runners may run code from forks (GitHub-hosted runners may)"
    );
  }
  const hosted = fields.hosted.boolean();
  const selfHosted = runnerLabelsOf(runsOn).find((label) => label.toLowerCase() === "self-hosted");
  if (hosted && selfHosted !== void 0) {
    throw fields.hosted.error(
      `hosted: true, but runs-on asks for the '${selfHosted}' label (GitHub matches labels ignoring case); a self-hosted lane is hosted: false`
    );
  }
  const suffix = fields.suffix ? fields.suffix.string() : name;
  if (!SUFFIX.test(suffix)) {
    throw (fields.suffix ?? node).error(
      `suffix '${suffix}' cannot appear in a job name's (...): no '(', ')', ',' or line breaks, and not blank`
    );
  }
  const artifactSuffix = fields["artifact-suffix"] ? fields["artifact-suffix"].string() : `-${name}`;
  if (!ARTIFACT_SUFFIX.test(artifactSuffix)) {
    throw fields["artifact-suffix"].error(
      `artifact-suffix '${artifactSuffix}' has a character artifact names cannot hold (" : < > | * ? \\ / or a line break)`
    );
  }
  return {
    name,
    runsOn,
    required: fields.required ? fields.required.boolean() : true,
    hosted,
    env: parseEnv(fields.env),
    suffix: suffix.trim(),
    artifactSuffix
  };
}
function checkDistinct(lanes, what, key, at) {
  const seen = /* @__PURE__ */ new Map();
  for (const lane of lanes) {
    const value = lane[what];
    const other = seen.get(value.toLowerCase());
    if (other !== void 0) {
      throw at.error(
        `lanes '${other}' and '${lane.name}' share the ${key} '${value}'; each lane needs its own, or jobs and artifacts cannot tell them apart`
      );
    }
    seen.set(value.toLowerCase(), lane.name);
  }
}
function parseLanesConfig(text, origin) {
  const root = ConfigNode.parse(text, origin);
  const fields = root.fields(LANES_FILE_KEYS);
  if (!fields.lanes || fields.lanes.isMissing) throw root.error("missing 'lanes:' mapping");
  const lanes = fields.lanes.entries().map(([name, node]) => parseLane(name, node));
  if (lanes.length === 0) throw fields.lanes.error("define at least one lane");
  checkDistinct(lanes, "suffix", "suffix", fields.lanes);
  checkDistinct(lanes, "artifactSuffix", "artifact-suffix", fields.lanes);
  let defaultLane = lanes[0];
  if (fields.default && !fields.default.isMissing) {
    const name = fields.default.string();
    const found = lanes.find((lane) => lane.name === name);
    if (!found) {
      throw fields.default.error(
        `names unknown lane '${name}', expected one of ${lanes.map((l) => l.name).join("|")}`
      );
    }
    defaultLane = found;
  } else if (lanes.length > 1) {
    throw root.error(
      `missing 'default:': name the lane that runs when the lanes input is 'default' (one of ${lanes.map((l) => l.name).join("|")})`
    );
  }
  return { lanes, defaultLane, origin };
}

export {
  DEFAULT_LANES_FILE,
  parseLanesConfig
};
