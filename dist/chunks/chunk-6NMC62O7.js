import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  shown
} from "./chunk-U6YF45QA.js";
import {
  require_dist
} from "./chunk-Z6KEAZSF.js";
import {
  formatSeconds
} from "./chunk-5E5D6KYW.js";
import {
  pathInside
} from "./chunk-JZRQ347E.js";
import {
  ConfigurationError,
  errorMessage,
  invalidValue
} from "./chunk-2WEQVLCG.js";
import {
  __toESM
} from "./chunk-PYTXODB5.js";

// src/lanes/dimensions.ts
var import_yaml = __toESM(require_dist(), 1);
var DIMENSION_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
var INPUT = "dimensions";
var FORMS = "a mapping of axes to value lists (package: [core, cli]) or a list of entries";
var fail = (message) => new ConfigurationError(`${INPUT}: ${message}`);
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function matrixValue(value, where) {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map((item, i) => matrixValue(item, `${where}[${i}]`));
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, matrixValue(item, `${where}.${key}`)])
    );
  }
  throw fail(`${where}: got ${shown(value)}, expected a string, number, boolean, list or mapping`);
}
function axisName(name, reserved) {
  if (!DIMENSION_NAME.test(name)) {
    throw fail(
      `'${name}' cannot be a matrix key: use letters, digits, '_' and '-', starting with a letter or '_'`
    );
  }
  if (reserved.includes(name)) {
    throw fail(`'${name}' is a key lane-matrix sets in every leg; rename the dimension`);
  }
  return name;
}
function crossProduct(axes) {
  let entries = [{}];
  for (const [name, values] of axes) {
    entries = entries.flatMap((entry) => values.map((value) => ({ ...entry, [name]: value })));
  }
  return entries;
}
function parseDimensions(text2, reserved) {
  let value;
  try {
    value = (0, import_yaml.parse)(text2, { uniqueKeys: true });
  } catch (error) {
    if (error instanceof import_yaml.YAMLParseError) {
      throw fail(`invalid YAML or JSON: ${error.message.split("\n")[0] ?? ""}`);
    }
    throw error;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) throw fail(`got an empty list, expected ${FORMS}`);
    const axes2 = /* @__PURE__ */ new Set();
    const seen = /* @__PURE__ */ new Set();
    const entries = value.map((item, i) => {
      if (!isObject(item) || Object.keys(item).length === 0) {
        throw fail(`entry ${i + 1}: expected a mapping of dimension values, got ${shown(item)}`);
      }
      const entry = Object.fromEntries(
        Object.entries(item).map(([key2, v]) => {
          axes2.add(axisName(key2, reserved));
          return [key2, matrixValue(v, `entry ${i + 1}.${key2}`)];
        })
      );
      const key = JSON.stringify(entry);
      if (seen.has(key)) throw fail(`entry ${i + 1} repeats an earlier entry: ${key}`);
      seen.add(key);
      return entry;
    });
    return { axes: [...axes2], entries };
  }
  if (!isObject(value) || Object.keys(value).length === 0) {
    throw fail(`got ${shown(value)}, expected ${FORMS}`);
  }
  const axes = Object.entries(value).map(([name, values]) => {
    axisName(name, reserved);
    if (!Array.isArray(values) || values.length === 0) {
      throw fail(`${name}: expected a non-empty list of values, got ${shown(values)}`);
    }
    const seen = /* @__PURE__ */ new Set();
    return [
      name,
      values.map((v, i) => {
        const parsed = matrixValue(v, `${name}[${i}]`);
        const key = JSON.stringify(parsed);
        if (seen.has(key)) throw fail(`${name} lists ${key} twice`);
        seen.add(key);
        return parsed;
      })
    ];
  });
  return { axes: axes.map(([name]) => name), entries: crossProduct(axes) };
}

// src/lanes/lane-selection.ts
var ALL = ["both", "all"];
function requestedLanes(value, config) {
  const words = (value ?? "").split(/[\s,]+/).map((word) => word.trim()).filter((word) => word !== "");
  if (words.length === 0) return [config.defaultLane];
  const wanted = /* @__PURE__ */ new Set();
  for (const word of words) {
    const keyword = word.toLowerCase();
    if (keyword === "default") wanted.add(config.defaultLane);
    else if (ALL.includes(keyword)) for (const lane of config.lanes) wanted.add(lane);
    else {
      const lane = config.lanes.find((l) => l.name === word);
      if (!lane) {
        throw invalidValue(
          "lanes",
          word,
          `default, both, all, or a comma list of the lanes of ${config.origin}: ${config.lanes.map((l) => l.name).join("|")}`
        );
      }
      wanted.add(lane);
    }
  }
  return config.lanes.filter((lane) => wanted.has(lane));
}
function selectLanes(config, asked, trust) {
  if (trust.trusted) return { lanes: asked, dropped: [], notice: void 0 };
  const kept = asked.filter((lane) => lane.hosted);
  const dropped = asked.filter((lane) => !lane.hosted);
  const names = (lanes) => lanes.map((l) => l.name).join(", ");
  if (kept.length > 0) {
    return {
      lanes: kept,
      dropped,
      notice: dropped.length === 0 ? void 0 : `Untrusted event (${trust.reason}): hosted lanes only, so ${names(dropped)} will not run`
    };
  }
  const fallback = config.defaultLane.hosted ? config.defaultLane : config.lanes.find((lane) => lane.hosted);
  if (!fallback) {
    throw new ConfigurationError(
      `lanes: ${config.origin} has no lane with hosted: true, and this event is untrusted (${trust.reason}); add a GitHub-hosted lane for such events`
    );
  }
  return {
    lanes: [fallback],
    dropped,
    notice: `Untrusted event (${trust.reason}): hosted lanes only; none of the lanes asked for (${names(dropped)}) is hosted, so the hosted lane ${fallback.name} runs instead`
  };
}

// src/lanes/matrix.ts
var MAX_MATRIX_LEGS = 256;
var LEG_KEYS = [
  "lane",
  "suffix",
  "runner",
  "required",
  "optional",
  "hosted",
  "artifact-suffix",
  "env"
];
var SHARD_KEYS = ["shard", "shards", "items", "expected-seconds", "canary"];
var RESERVED_MATRIX_KEYS = [
  ...LEG_KEYS,
  ...SHARD_KEYS,
  "include",
  "exclude"
];
function laneKeys(lane) {
  return {
    lane: lane.name,
    suffix: lane.suffix,
    // A JSON string, so `runs-on: ${{ fromJSON(matrix.runner) }}` gives back the exact value,
    // label, list or group, in any expression context.
    runner: JSON.stringify(lane.runsOn),
    required: lane.required,
    // `continue-on-error: ${{ matrix.optional }}` keeps an optional lane's failure out of the
    // job's result, so `needs` stays green when only the optional lane is red.
    optional: !lane.required,
    hosted: lane.hosted,
    "artifact-suffix": lane.artifactSuffix,
    env: { ...lane.env }
  };
}
function shardKeys(shard, count) {
  return {
    shard: shard.index,
    shards: count,
    items: [...shard.items],
    "expected-seconds": Math.round(shard.expectedSeconds * 10) / 10,
    canary: shard.index === 0
  };
}
function legs(lanes, entries, shards) {
  return lanes.flatMap(
    (lane) => entries.flatMap(
      (entry) => shards.map((shard) => ({ ...laneKeys(lane), ...entry, ...shard ?? {} }))
    )
  );
}
function checkSize(kind, size, request, shardCount) {
  if (size <= MAX_MATRIX_LEGS) return;
  const dimensionCount = request.dimensions?.entries.length ?? 1;
  const factors = [
    `${request.lanes.length} lanes`,
    ...request.dimensions ? [`${dimensionCount} dimension entries`] : [],
    ...request.shards ? [`${shardCount} shards`] : []
  ].join(" \xD7 ");
  const input = request.shards ? "shards" : request.dimensions ? "dimensions" : "lanes";
  throw new ConfigurationError(
    `${input}: the ${kind} would have ${size} legs (${factors}); GitHub runs at most ${MAX_MATRIX_LEGS} legs per job: lower the shard count, narrow the dimensions, or split them over jobs`
  );
}
function buildMatrices(request) {
  const entries = request.dimensions?.entries ?? [{}];
  const plan = request.shards;
  const count = plan?.shards.length ?? 1;
  const shardEntries = plan ? plan.shards.map((s) => shardKeys(s, count)) : [void 0];
  const include = legs(request.lanes, entries, shardEntries);
  checkSize("matrix", include.length, request, count);
  if (!plan?.canary) return { matrix: { include }, canary: void 0 };
  const canary = legs(request.lanes, entries, [shardKeys(plan.canary, count)]);
  checkSize("canary matrix", canary.length, request, 1);
  return { matrix: { include }, canary: { include: canary } };
}

// src/lanes/matrix-log.ts
function logMatrix(log, report) {
  const { trust, selection, shards, matrices } = report;
  log.info(`Event ${report.event}: ${trust.trusted ? "trusted" : "untrusted"}, ${trust.reason}`);
  if (selection.notice) log.notice(selection.notice);
  for (const lane of selection.lanes) {
    log.info(
      `lane ${lane.name}: ${lane.required ? "required" : "optional"}, runs-on ${JSON.stringify(lane.runsOn)}`
    );
  }
  if (shards) {
    if (shards.canary) {
      log.info(
        `canary: ${shards.canary.items.length} items, expected ${formatSeconds(shards.canary.expectedSeconds)}`
      );
    }
    for (const shard of shards.shards) {
      log.info(
        `shard ${shard.index}/${shards.shards.length}: ${shard.items.length} items, expected ${formatSeconds(shard.expectedSeconds)}`
      );
    }
    if (shards.cappedFrom !== void 0) {
      log.notice(
        `shards: ${shards.cappedFrom} asked for, ${shards.shards.length} made: there are only ${shards.shards.length} items`
      );
    }
  }
  log.info(
    `${matrices.matrix.include.length} legs${matrices.canary ? `, ${matrices.canary.include.length} canary legs` : ""}`
  );
}

// src/lanes/shard-inputs.ts
import { existsSync, readFileSync } from "node:fs";

// src/lanes/shards.ts
function parseDurations(value, input) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidValue(input, shown(value), "a JSON object of item -> seconds");
  }
  const durations = /* @__PURE__ */ new Map();
  for (const [item, seconds] of Object.entries(value)) {
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
      throw new ConfigurationError(
        `${input}: '${item}' has ${shown(seconds)}, expected a number of seconds >= 0`
      );
    }
    durations.set(item, seconds);
  }
  return durations;
}
function median(values) {
  if (values.length === 0) return void 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
var ShardHeap = class {
  #load;
  #heap;
  constructor(count) {
    this.#load = new Array(count).fill(0);
    this.#heap = Array.from({ length: count }, (_, i) => i);
  }
  #less(a, b) {
    const la = this.#load[a];
    const lb = this.#load[b];
    return la < lb || la === lb && a < b;
  }
  /** Adds `seconds` to the least loaded shard and returns that shard's index. */
  assign(seconds) {
    const heap = this.#heap;
    const shard = heap[0];
    this.#load[shard] = this.#load[shard] + seconds;
    let i = 0;
    for (; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && this.#less(heap[left], heap[smallest])) smallest = left;
      if (right < heap.length && this.#less(heap[right], heap[smallest])) smallest = right;
      if (smallest === i) return shard;
      [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
      i = smallest;
    }
  }
  load(shard) {
    return this.#load[shard];
  }
};
var byName = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function planShards(request) {
  const { items, durations } = request;
  const listed = /* @__PURE__ */ new Set();
  for (const item of items) {
    if (listed.has(item)) throw invalidValue("shard-items", item, "each item once");
    listed.add(item);
  }
  const canarySet = new Set(request.canary);
  for (const name of request.canary) {
    if (!listed.has(name)) {
      throw invalidValue("canary", name, `items of shard-items (${items.length} listed)`);
    }
  }
  const known = items.flatMap((item) => durations.get(item) ?? []);
  const fillSeconds = median(known) ?? median([...durations.values()]) ?? 1;
  const withoutHistory = items.filter((item) => !durations.has(item));
  const seconds = (item) => durations.get(item) ?? fillSeconds;
  const sharded = items.filter((item) => !canarySet.has(item));
  if (sharded.length === 0) {
    throw invalidValue(
      "canary",
      request.canary.join(", "),
      "fewer items than shard-items lists: nothing would be left to shard"
    );
  }
  const count = Math.min(request.count, sharded.length);
  const order = sharded.map((item, position) => ({ item, position, seconds: seconds(item) })).sort((a, b) => b.seconds - a.seconds || byName(a.item, b.item));
  const heap = new ShardHeap(count);
  const shardOf = new Array(sharded.length);
  for (const { position, seconds: s } of order) shardOf[position] = heap.assign(s);
  const members = Array.from({ length: count }, () => []);
  sharded.forEach((item, position) => members[shardOf[position]].push(item));
  const shards = members.map((list, i) => ({
    index: i + 1,
    items: list,
    expectedSeconds: heap.load(i)
  }));
  const canaryItems = items.filter((item) => canarySet.has(item));
  const total = shards.reduce((sum, shard) => sum + shard.expectedSeconds, 0);
  return {
    shards,
    canary: canaryItems.length === 0 ? void 0 : {
      index: 0,
      items: canaryItems,
      expectedSeconds: canaryItems.reduce((sum, item) => sum + seconds(item), 0)
    },
    idealSeconds: total / count,
    fillSeconds,
    withoutHistory,
    cappedFrom: count < request.count ? request.count : void 0
  };
}

// src/lanes/shard-inputs.ts
function loadDurations(value, workspace) {
  if (value === void 0) return /* @__PURE__ */ new Map();
  let text2 = value;
  if (!value.trimStart().startsWith("{")) {
    const path = pathInside("shard-durations", value, [workspace]);
    if (!existsSync(path)) {
      throw new ConfigurationError(
        `shard-durations: got '${value}', expected a JSON object of item -> seconds or a JSON file in the workspace; no file at ${path}`
      );
    }
    text2 = readFileSync(path, "utf8");
  }
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch (error) {
    throw new ConfigurationError(
      `shard-durations: ${value === text2 ? "the input" : value} is not JSON (${errorMessage(error)}); expected an object of item -> seconds`
    );
  }
  return parseDurations(durationsOf(parsed), "shard-durations");
}
function durationsOf(parsed) {
  const report = typeof parsed === "object" && parsed !== null ? parsed : {};
  const { durations } = report;
  return typeof durations === "object" && durations !== null && !Array.isArray(durations) ? durations : parsed;
}
function shardPlanOf(inputs, workspace) {
  const { shards, shardItems, canary } = inputs;
  if (shards === void 0) {
    if (shardItems.length > 0)
      throw new ConfigurationError(
        "shard-items: set shards to a count from 1 to 256 to split them"
      );
    if (canary.length > 0)
      throw new ConfigurationError(
        "canary: names items of shard-items; set shards and shard-items"
      );
    if (inputs.shardDurations !== void 0) {
      throw new ConfigurationError("shard-durations: only used with shards and shard-items");
    }
    return void 0;
  }
  if (shardItems.length === 0) {
    throw new ConfigurationError(`shards: got ${shards}, but shard-items lists nothing to split`);
  }
  return planShards({
    items: shardItems,
    count: shards,
    durations: loadDurations(inputs.shardDurations, workspace),
    canary
  });
}

// src/lanes/trust.ts
var TRUSTED_EVENTS = /* @__PURE__ */ new Map([
  ["push", "push runs code from the repository itself, pushed by someone with write access"],
  [
    "create",
    "create runs code from the repository itself, a branch or tag made by someone with write access"
  ],
  [
    "delete",
    "delete runs the default branch, after someone with write access deleted a branch or tag"
  ],
  [
    "merge_group",
    "merge_group runs code from the repository itself: the merge queue, filled by someone with write access with pull requests that passed branch protection"
  ],
  [
    "release",
    "release runs code from the repository itself, a tag released by someone with write access"
  ],
  [
    "repository_dispatch",
    "repository_dispatch runs the default branch, started through the API with a token that can write to the repository"
  ],
  ["schedule", "schedule runs the default branch, on the repository's own schedule"],
  [
    "workflow_dispatch",
    "workflow_dispatch runs code from the repository itself, started by someone with write access"
  ]
]);
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set([
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment"
]);
var OUTSIDER_EVENTS = /* @__PURE__ */ new Map([
  [
    "pull_request_target",
    "pull_request_target runs with the base repository's secrets and write token for a pull request anyone can open, so its jobs stay on hosted runners"
  ],
  [
    "issue_comment",
    "issue_comment runs with the base repository's secrets and write token for a comment anyone can write, on an issue or on a pull request from anywhere"
  ],
  [
    "workflow_run",
    "workflow_run runs with the base repository's secrets and write token after a run of any event, fork pull requests included, whose artifacts and outputs it may take in"
  ],
  [
    "check_run",
    "check_run runs with the base repository's secrets and write token when a check changes, on any commit, fork pull requests included, and any app that may write checks can start it"
  ],
  [
    "check_suite",
    "check_suite runs with the base repository's secrets and write token when a check suite changes, on any commit, fork pull requests included, and any app that may write checks can start it"
  ]
]);
var DEPENDABOT = "dependabot[bot]";
function object(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function text(value, ...path) {
  let current = value;
  for (const key of path) current = object(current)?.[key];
  return typeof current === "string" && current !== "" ? current : void 0;
}
var same = (a, b) => a.toLowerCase() === b.toLowerCase();
var isDependabot = (login) => login !== void 0 && same(login, DEPENDABOT);
var trusted = (reason) => ({ trusted: true, reason });
var untrusted = (reason) => ({ trusted: false, reason });
function unknownEvent(event) {
  const what = event === "" ? "the event name is empty" : `the event '${event}' is not on the allow-list`;
  return untrusted(
    `${what}: lane-matrix trusts ${[...TRUSTED_EVENTS.keys()].join(", ")}, and ${[...PULL_REQUEST_EVENTS].join(", ")} from a branch of the repository, by the names GitHub sends`
  );
}
function pullRequestTrust(event, payload) {
  const pull = object(payload.pull_request);
  if (!pull) return untrusted(`${event} without a pull_request in its payload`);
  const pullRequest = typeof pull.number === "number" ? `pull request #${pull.number}` : "the pull request";
  const head = text(pull, "head", "repo", "full_name");
  if (head === void 0) {
    return untrusted(
      object(pull.head)?.repo === null ? `${pullRequest} comes from a repository that no longer exists` : `${event}: the payload does not say which repository ${pullRequest}'s code comes from`
    );
  }
  const repository = text(payload, "repository", "full_name");
  const base = text(pull, "base", "repo", "full_name");
  if (repository === void 0 || base === void 0) {
    return untrusted(`${event}: the payload does not say which repository ${pullRequest} is for`);
  }
  if (!same(head, repository)) return untrusted(`${pullRequest} comes from the fork ${head}`);
  if (!same(base, repository)) {
    return untrusted(`${pullRequest} is for ${base}, not for ${repository} where this runs`);
  }
  const sender = text(payload, "sender", "login");
  if (sender === void 0) {
    return untrusted(`${event}: the payload does not say who started it`);
  }
  if (isDependabot(sender) || isDependabot(text(pull, "user", "login"))) {
    return untrusted(
      `${pullRequest} is Dependabot's: its code comes from a package registry, and GitHub runs it as if it came from a fork`
    );
  }
  return trusted(`${pullRequest} comes from a branch of ${repository}`);
}
function eventTrust(event, payload) {
  const body = object(payload);
  if (!body) return untrusted(`the payload of ${event || "the event"} is not a JSON object`);
  if (PULL_REQUEST_EVENTS.has(event)) return pullRequestTrust(event, body);
  const why = TRUSTED_EVENTS.get(event);
  if (why === void 0) {
    const outsiders = OUTSIDER_EVENTS.get(event);
    return outsiders === void 0 ? unknownEvent(event) : untrusted(outsiders);
  }
  if (isDependabot(text(body, "sender", "login"))) {
    return untrusted(
      `${event} was started by Dependabot: its code comes from a package registry, and GitHub runs it as if it came from a fork`
    );
  }
  return trusted(why);
}

export {
  parseDimensions,
  requestedLanes,
  selectLanes,
  RESERVED_MATRIX_KEYS,
  buildMatrices,
  logMatrix,
  shardPlanOf,
  eventTrust
};
