import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  optionInputs,
  readOptionFile,
  withOptionNames
} from "./chunk-UKVV2B5A.js";
import {
  decisionsOf,
  gateRequestOf,
  gateVerdict,
  judgeGate,
  parseMustRun
} from "./chunk-4HEV65IO.js";
import "./chunk-U6YF45QA.js";
import "./chunk-RML3SJZG.js";
import "./chunk-UH4JFLZK.js";
import "./chunk-Z6KEAZSF.js";
import "./chunk-62AEXFA6.js";
import {
  UsageError,
  parseCommandLine
} from "./chunk-EZB67IH2.js";
import {
  neutralize
} from "./chunk-BDGPVZJH.js";
import "./chunk-2WEQVLCG.js";
import "./chunk-PYTXODB5.js";

// src/cli/gate-command.ts
var GATE_USAGE = `Usage: lanekit gate --needs FILE [--allowed-skips LIST] [--allowed-failures LIST]
                    [--must-run PLAN [--route-jobs YAML]] [--json]

Judge the jobs of a gate's needs as lane-matrix's gate mode does, from needs alone (no run's jobs
are read, so the legs of each lane are not judged): which jobs pass, which fail and why.

Options:
  --needs FILE              The needs context as JSON, as \${{ toJSON(needs) }} gives it; - reads
                            stdin.
  --allowed-skips LIST      Jobs of needs that may be skipped, comma-separated.
  --allowed-failures LIST   Jobs of needs that may fail, comma-separated.
  --must-run PLAN           The routes that must have run: change-router's plan JSON, a JSON list
                            of route names, or a comma-separated list. A skipped job tied to such
                            a route fails the gate.
  --route-jobs YAML         Which jobs of needs stand for each route (route: [jobs]); by default a
                            route ties to the job of its name. Only with --must-run.
  --json                    Print the decisions output as JSON: job -> {result, pass, why, legs}.
  -h, --help                Print this help.

Examples:
  lanekit gate --needs needs.json --allowed-skips docs
  echo '{"test": {"result": "failure", "outputs": {}}}' | lanekit gate --needs -

Exit status: 0 the gate passes; 1 it fails; 2 a bad option or value, or a needs JSON that is not
one.
`;
var GATE_OPTIONS = {
  needs: {
    type: "string",
    placeholder: "FILE",
    expected: "a JSON file of ${{ toJSON(needs) }}, or - for stdin"
  },
  "allowed-skips": {
    type: "string",
    placeholder: "LIST",
    expected: "a comma-separated list of jobs"
  },
  "allowed-failures": {
    type: "string",
    placeholder: "LIST",
    expected: "a comma-separated list of jobs"
  },
  "must-run": {
    type: "string",
    placeholder: "PLAN",
    expected: "change-router's plan JSON, a JSON list of route names, or a comma-separated list"
  },
  "route-jobs": {
    type: "string",
    placeholder: "YAML",
    expected: "a YAML mapping of route -> jobs"
  },
  json: { type: "boolean" }
};
function gateCommand(args) {
  const line = parseCommandLine({ options: GATE_OPTIONS }, args);
  if (line.help) {
    process.stdout.write(GATE_USAGE);
    return Promise.resolve(0);
  }
  const { values } = line;
  if (values.needs === void 0) {
    throw new UsageError(`missing --needs FILE, ${GATE_OPTIONS.needs.expected}`);
  }
  const inputs = optionInputs({ ...values, needs: readOptionFile("needs", values.needs) });
  const { outcome, verdict } = withOptionNames(Object.keys(GATE_OPTIONS), () => {
    const allowedSkips = inputs.list("allowed-skips");
    const allowedFailures = inputs.list("allowed-failures");
    const { needs, ties } = gateRequestOf({
      needs: inputs.json("needs", "${{ toJSON(needs) }}"),
      allowedSkips,
      allowedFailures,
      mustRun: parseMustRun(inputs.optional("must-run"), (name) => inputs.list(name)),
      routeJobs: inputs.optional("route-jobs")
    });
    const outcome2 = judgeGate({ needs, allowedSkips, allowedFailures, ties, legs: void 0 });
    return { outcome: outcome2, verdict: gateVerdict(outcome2, void 0) };
  });
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify(decisionsOf(outcome.decisions), null, 2)}
`);
  } else {
    const lines = outcome.decisions.map(
      (d) => neutralize(`${d.pass ? "pass" : "FAIL"}  ${d.job} (${d.result}): ${d.why}`)
    );
    for (const note of outcome.notes) lines.push(`notice: ${neutralize(note)}`);
    lines.push("", verdict.pass ? "The gate passes." : neutralize(verdict.failure));
    process.stdout.write(`${lines.join("\n")}
`);
  }
  return Promise.resolve(verdict.pass ? 0 : 1);
}
export {
  GATE_USAGE,
  gateCommand
};
