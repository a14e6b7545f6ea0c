import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  readLanesFile
} from "./chunk-N4W6Y3EP.js";
import {
  optionInputs,
  readOptionFile,
  readOptionJson,
  withOptionNames
} from "./chunk-UKVV2B5A.js";
import {
  RESERVED_MATRIX_KEYS,
  buildMatrices,
  eventTrust,
  logMatrix,
  parseDimensions,
  requestedLanes,
  selectLanes,
  shardPlanOf
} from "./chunk-6NMC62O7.js";
import "./chunk-U6YF45QA.js";
import {
  DEFAULT_LANES_FILE
} from "./chunk-NNRTMOBY.js";
import "./chunk-UH4JFLZK.js";
import "./chunk-Z6KEAZSF.js";
import "./chunk-5E5D6KYW.js";
import "./chunk-JZRQ347E.js";
import "./chunk-62AEXFA6.js";
import {
  parseCommandLine
} from "./chunk-EZB67IH2.js";
import {
  neutralize
} from "./chunk-BDGPVZJH.js";
import "./chunk-2WEQVLCG.js";
import "./chunk-PYTXODB5.js";

// src/cli/lanes-command.ts
var LANES_USAGE = `Usage: lanekit lanes [--lanes-file FILE] [--lanes LIST] [--event NAME] [--event-payload FILE]
                     [--dimensions YAML] [--shards N --shard-items FILE] [--json]

Print the matrix lane-matrix would make (mode: matrix): one leg per lane, dimension entry and
shard, as a table, or with --json as the matrix output that strategy.matrix reads.

Options:
  --lanes-file FILE       The lanes file. Default: ${DEFAULT_LANES_FILE}.
  --lanes LIST            default, both, all, or a comma-separated list of lanes. Default: default.
  --event NAME            The event the run is for, as GitHub names it. Default: push. An
                          untrusted event (pull_request_target, a fork's pull request, an unknown
                          name) keeps to hosted lanes, as in a workflow run.
  --event-payload FILE    The event's payload (JSON), for the events whose trust depends on it:
                          a pull request from a branch of the repository is trusted, from a fork
                          not. Default: {}.
  --dimensions YAML       More matrix dimensions, as lane-matrix's dimensions input.
  --shards N              Split the shard items into N shards, 1 to 256.
  --shard-items FILE      The items to split, one a line (or comma-separated); - reads stdin.
  --shard-durations FILE  Item -> seconds as JSON, or timing-summary's report, to balance shards.
  --canary LIST           Items of the shard items that run first, in a canary matrix.
  --json                  Print the matrix output as JSON.
  -h, --help              Print this help.

Examples:
  lanekit lanes --lanes both
  lanekit lanes --lanes both --event pull_request_target
  git ls-files 'tests/*.rs' | lanekit lanes --shards 4 --shard-items - --json

Exit status: 0 the matrix was printed; 2 a bad option or value, or a bad lanes file.
`;
var LANES_OPTIONS = {
  "lanes-file": { type: "string", placeholder: "FILE", expected: "the lanes file" },
  lanes: {
    type: "string",
    placeholder: "LIST",
    expected: "default, both, all, or a comma-separated list of lanes"
  },
  event: { type: "string", placeholder: "NAME", expected: "an event name such as push" },
  "event-payload": {
    type: "string",
    placeholder: "FILE",
    expected: "a JSON file with the event's payload"
  },
  dimensions: { type: "string", placeholder: "YAML", expected: "the dimensions as YAML" },
  shards: { type: "string", placeholder: "N", expected: "an integer from 1 to 256" },
  "shard-items": {
    type: "string",
    placeholder: "FILE",
    expected: "a file of items, one a line, or - for stdin"
  },
  "shard-durations": {
    type: "string",
    placeholder: "FILE",
    expected: "a JSON file of item -> seconds"
  },
  canary: { type: "string", placeholder: "LIST", expected: "a comma-separated list of items" },
  json: { type: "boolean" }
};
function lanesCommand(args) {
  const line = parseCommandLine({ options: LANES_OPTIONS }, args);
  if (line.help) {
    process.stdout.write(LANES_USAGE);
    return Promise.resolve(0);
  }
  const { values } = line;
  const config = readLanesFile(values["lanes-file"], { optional: false });
  const event = values.event ?? "push";
  const payload = values["event-payload"] === void 0 ? {} : readOptionJson("event-payload", values["event-payload"], "the event's payload");
  const items = values["shard-items"];
  const inputs = optionInputs({
    ...values,
    "shard-items": items === void 0 ? void 0 : readOptionFile("shard-items", items)
  });
  const workspace = process.cwd();
  const { selection, trust, shards, matrices } = withOptionNames(Object.keys(LANES_OPTIONS), () => {
    const trust2 = eventTrust(event, payload);
    const selection2 = selectLanes(config, requestedLanes(values.lanes, config), trust2);
    const dimensions = values.dimensions === void 0 ? void 0 : parseDimensions(values.dimensions, RESERVED_MATRIX_KEYS);
    const shardsText = inputs.optional("shards");
    const shards2 = shardPlanOf(
      {
        shards: shardsText === void 0 ? void 0 : inputs.integer("shards", 1, { min: 1, max: 256 }),
        shardItems: inputs.list("shard-items"),
        shardDurations: inputs.optional("shard-durations"),
        canary: inputs.list("canary")
      },
      workspace
    );
    const matrices2 = buildMatrices({ lanes: selection2.lanes, dimensions, shards: shards2 });
    return { selection: selection2, trust: trust2, shards: shards2, matrices: matrices2 };
  });
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify(matrices.matrix, null, 2)}
`);
    return Promise.resolve(0);
  }
  const lines = [];
  const out = {
    debug: () => {
    },
    info: (m) => lines.push(neutralize(m)),
    notice: (m) => lines.push(`notice: ${neutralize(m)}`),
    warning: (m) => lines.push(`warning: ${neutralize(m)}`)
  };
  logMatrix(out, { event, trust, selection, shards, matrices });
  if (matrices.canary) lines.push("", "canary:", ...legTable(matrices.canary));
  lines.push("", ...legTable(matrices.matrix));
  process.stdout.write(`${lines.join("\n")}
`);
  return Promise.resolve(0);
}
function legTable(matrix) {
  const keys = [...new Set(matrix.include.flatMap((leg) => Object.keys(leg)))];
  const cell = (value) => neutralize(
    typeof value === "string" ? value : value === void 0 ? "" : JSON.stringify(value)
  );
  const rows = [keys, ...matrix.include.map((leg) => keys.map((key) => cell(leg[key])))];
  const widths = keys.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map(
    (row) => row.map((c, column) => c.padEnd(widths[column])).join("  ").trimEnd()
  );
}
export {
  LANES_USAGE,
  lanesCommand
};
