import { ConfigurationError } from '../runner/errors.ts';
import { ConfigNode } from '../runner/yaml-config.ts';

/** `runs-on` in the three forms GitHub accepts: a label, a list of labels, or a runner group. */
export type RunsOn =
  | string
  | readonly string[]
  | { readonly group: string; readonly labels?: string | readonly string[] };

export interface Lane {
  readonly name: string;
  readonly runsOn: RunsOn;
  /** A required lane's legs must succeed; an optional lane's legs are reported, never fatal. */
  readonly required: boolean;
  /** Trusted to run code from anyone: untrusted events (fork pull requests, ...) get only these. */
  readonly hosted: boolean;
  readonly env: Readonly<Record<string, string>>;
  /** What job names show for this lane: `clippy (<suffix>)`. */
  readonly suffix: string;
  /** Appended to artifact names so that a lane finds only its own: `image<artifact-suffix>`. */
  readonly artifactSuffix: string;
}

export interface LanesConfig {
  /** In file order. */
  readonly lanes: readonly Lane[];
  readonly defaultLane: Lane;
  /** The file (or input) the lanes came from, for messages. */
  readonly origin: string;
}

export const DEFAULT_LANES_FILE = '.github/lanekit/lanes.yml';

/** The keys each level of a lanes file allows (lanes.schema.json describes the same). */
export const LANES_FILE_KEYS = ['default', 'lanes'] as const;
export const LANE_KEYS = [
  'runs-on',
  'required',
  'hosted',
  'env',
  'suffix',
  'artifact-suffix',
] as const;
export const RUNNER_GROUP_KEYS = ['group', 'labels'] as const;

/** A lane name is also part of an output name (`include-<lane>`). */
export const LANE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Words the `lanes` input reads as keywords, so no lane can take them. */
export const RESERVED_LANE_NAMES = ['default', 'both', 'all'];
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Variables the runner owns: a lane setting them would change how the runner itself behaves. */
export const RESERVED_ENV_PREFIXES = ['GITHUB_', 'RUNNER_', 'ACTIONS_'];
/**
 * A runner label or group name: not blank, and no whitespace around it. GitHub matches labels
 * ignoring case, but whether it also ignores surrounding whitespace is not documented, so a label
 * like ' self-hosted' is refused rather than read as some label it might or might not match.
 * Refusing (rather than trimming) also keeps `runner-<lane>` exactly what the file says.
 */
export const RUNNER_LABEL = /^\S(?:[\s\S]*\S)?$/;
/** A suffix sits inside `(...)` of a job name, between commas. */
export const SUFFIX = /^[^(),\r\n]*[^(),\s][^(),\r\n]*$/;
/** The characters actions/upload-artifact refuses in an artifact name. */
export const ARTIFACT_SUFFIX = /^[^":<>|*?\\/\r\n]*$/;

/**
 * Whether a node is a mapping. ConfigNode answers this only by reading the node as one, which
 * throws a ConfigurationError for anything else.
 */
function isMapping(node: ConfigNode): boolean {
  if (node.isMissing || node.isList) return false;
  try {
    node.entries();
    return true;
  } catch (error) {
    if (error instanceof ConfigurationError) return false;
    throw error;
  }
}

const RUNS_ON_FORMS = 'a runner label, a list of labels, or {group, labels}';

function runnerLabel(node: ConfigNode, what = 'runner label'): string {
  if (node.isList || isMapping(node)) {
    throw node.error(`expected a ${what} here, got a ${node.isList ? 'list' : 'mapping'}`);
  }
  if (node.isMissing) throw node.error(`expected ${RUNS_ON_FORMS}, got nothing`);
  const label = node.string();
  if (label.trim() === '') throw node.error(`expected a ${what}, got an empty string`);
  if (!RUNNER_LABEL.test(label)) {
    throw node.error(
      `${what} ${JSON.stringify(label)} has whitespace around it; write it without: ${JSON.stringify(label.trim())}`,
    );
  }
  return label;
}

function runnerLabels(node: ConfigNode): string[] {
  const labels = node.items().map((item) => runnerLabel(item));
  if (labels.length === 0) throw node.error('expected at least one runner label');
  return labels;
}

function parseRunsOn(node: ConfigNode): RunsOn {
  if (node.isList) return runnerLabels(node);
  if (isMapping(node)) {
    const fields = node.fields(RUNNER_GROUP_KEYS);
    if (!fields.group) throw node.error(`a runner group needs 'group:'; expected ${RUNS_ON_FORMS}`);
    const group = runnerLabel(fields.group, 'runner group');
    if (!fields.labels) return { group };
    return {
      group,
      labels: fields.labels.isList ? runnerLabels(fields.labels) : runnerLabel(fields.labels),
    };
  }
  return runnerLabel(node);
}

/** The plain labels of a `runs-on` value (a group's labels included). */
function runnerLabelsOf(runsOn: RunsOn): readonly string[] {
  if (typeof runsOn === 'string') return [runsOn];
  if ('group' in runsOn) {
    const { labels } = runsOn;
    return labels === undefined ? [] : typeof labels === 'string' ? [labels] : labels;
  }
  return runsOn;
}

function parseEnv(node: ConfigNode | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of node?.entries() ?? []) {
    if (!ENV_NAME.test(name)) {
      throw value.error(
        `'${name}' is not an environment variable name: use letters, digits and '_'`,
      );
    }
    const reserved = RESERVED_ENV_PREFIXES.find((prefix) => name.startsWith(prefix));
    if (reserved)
      throw value.error(`'${name}' is reserved: the runner owns ${reserved}* variables`);
    if (value.isList || isMapping(value)) throw value.error('expected a string value');
    env[name] = value.isMissing ? '' : value.string();
  }
  return env;
}

function parseLane(name: string, node: ConfigNode): Lane {
  if (!LANE_NAME.test(name)) {
    throw node.error(
      `lane name '${name}' cannot be part of an output name: use letters, digits, '_' and '-', starting with a letter or '_'`,
    );
  }
  if (RESERVED_LANE_NAMES.includes(name.toLowerCase())) {
    throw node.error(
      `lane name '${name}' is a keyword of the lanes input (${RESERVED_LANE_NAMES.join('|')}); rename the lane`,
    );
  }
  if (!isMapping(node)) throw node.error(`expected a mapping with ${LANE_KEYS.join(', ')}`);
  const fields = node.fields(LANE_KEYS);
  if (!fields['runs-on'] || fields['runs-on'].isMissing) {
    throw node.error(`missing 'runs-on:', expected ${RUNS_ON_FORMS}`);
  }
  const runsOn = parseRunsOn(fields['runs-on']);
  if (!fields.hosted) {
    throw node.error(
      "missing 'hosted: true|false': say whether the lane's runners may run code from forks (GitHub-hosted runners may)",
    );
  }
  const hosted = fields.hosted.boolean();
  const selfHosted = runnerLabelsOf(runsOn).find((label) => label.toLowerCase() === 'self-hosted');
  if (hosted && selfHosted !== undefined) {
    throw fields.hosted.error(
      `hosted: true, but runs-on asks for the '${selfHosted}' label (GitHub matches labels ignoring case); a self-hosted lane is hosted: false`,
    );
  }
  const suffix = fields.suffix ? fields.suffix.string() : name;
  if (!SUFFIX.test(suffix)) {
    throw (fields.suffix ?? node).error(
      `suffix '${suffix}' cannot appear in a job name's (...): no '(', ')', ',' or line breaks, and not blank`,
    );
  }
  const artifactSuffix = fields['artifact-suffix']
    ? fields['artifact-suffix'].string()
    : `-${name}`;
  if (!ARTIFACT_SUFFIX.test(artifactSuffix)) {
    throw fields['artifact-suffix']!.error(
      `artifact-suffix '${artifactSuffix}' has a character artifact names cannot hold (" : < > | * ? \\ / or a line break)`,
    );
  }
  return {
    name,
    runsOn,
    required: fields.required ? fields.required.boolean() : true,
    hosted,
    env: parseEnv(fields.env),
    suffix: suffix.trim(),
    artifactSuffix,
  };
}

function checkDistinct(
  lanes: readonly Lane[],
  what: 'suffix' | 'artifactSuffix',
  key: string,
  at: ConfigNode,
): void {
  const seen = new Map<string, string>();
  for (const lane of lanes) {
    const value = lane[what];
    const other = seen.get(value.toLowerCase());
    if (other !== undefined) {
      throw at.error(
        `lanes '${other}' and '${lane.name}' share the ${key} '${value}'; each lane needs its own, or jobs and artifacts cannot tell them apart`,
      );
    }
    seen.set(value.toLowerCase(), lane.name);
  }
}

/** Parses a lanes file; every error names the file, line and column, and what is allowed. */
export function parseLanesConfig(text: string, origin: string): LanesConfig {
  const root = ConfigNode.parse(text, origin);
  const fields = root.fields(LANES_FILE_KEYS);
  if (!fields.lanes || fields.lanes.isMissing) throw root.error("missing 'lanes:' mapping");
  const lanes = fields.lanes.entries().map(([name, node]) => parseLane(name, node));
  if (lanes.length === 0) throw fields.lanes.error('define at least one lane');
  checkDistinct(lanes, 'suffix', 'suffix', fields.lanes);
  checkDistinct(lanes, 'artifactSuffix', 'artifact-suffix', fields.lanes);

  let defaultLane = lanes[0]!;
  if (fields.default && !fields.default.isMissing) {
    const name = fields.default.string();
    const found = lanes.find((lane) => lane.name === name);
    if (!found) {
      throw fields.default.error(
        `names unknown lane '${name}', expected one of ${lanes.map((l) => l.name).join('|')}`,
      );
    }
    defaultLane = found;
  } else if (lanes.length > 1) {
    throw root.error(
      `missing 'default:': name the lane that runs when the lanes input is 'default' (one of ${lanes.map((l) => l.name).join('|')})`,
    );
  }
  return { lanes, defaultLane, origin };
}
