import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  OPERATION_NAME
} from "./chunk-7DTZBDEW.js";
import {
  shown
} from "./chunk-U6YF45QA.js";
import {
  code,
  details,
  table
} from "./chunk-SHBUU7UF.js";
import {
  parseJsonInput
} from "./chunk-62AEXFA6.js";
import {
  markdownText
} from "./chunk-BDGPVZJH.js";
import {
  ConfigurationError,
  invalidValue
} from "./chunk-2WEQVLCG.js";

// src/budget/budget.ts
var DEFAULT_BUDGET = "deploy: == 1 + cold-deps";
var LINE = /^([^:]*):(.*)$/;
var RELATION = /^\s*(==|<=|>=)?\s*(.*)$/;
var TOKEN = /\s*(\d+|cold-deps|[-+*])\s*/y;
function tokenize(text) {
  const tokens = [];
  for (let at = 0; at < text.length; at = TOKEN.lastIndex) {
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(text);
    if (!match) return void 0;
    tokens.push(match[1]);
  }
  return tokens;
}
function parseCount(text) {
  const tokens = tokenize(text);
  if (tokens === void 0) return void 0;
  let at = 0;
  const factor = () => {
    const token = tokens[at++];
    if (token === "cold-deps") return (n) => n;
    if (token !== void 0 && /^\d+$/.test(token)) {
      const value = Number(token);
      return Number.isSafeInteger(value) ? () => value : void 0;
    }
    return void 0;
  };
  const product = () => {
    let left = factor();
    while (left && tokens[at] === "*") {
      at++;
      const [l, right] = [left, factor()];
      left = right && ((n) => l(n) * right(n));
    }
    return left;
  };
  let sum = product();
  while (sum && (tokens[at] === "+" || tokens[at] === "-")) {
    const sign = tokens[at++] === "+" ? 1 : -1;
    const [l, right] = [sum, product()];
    sum = right && ((n) => l(n) + sign * right(n));
  }
  return at === tokens.length ? sum : void 0;
}
function parseBudget(text, input = "budget") {
  const lines = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const at = `${input}: line ${index + 1} '${trimmed}'`;
    const parts = LINE.exec(trimmed);
    if (!parts) {
      throw new ConfigurationError(
        `${at}: expected '<operation>: <relation> <count>', e.g. 'deploy: == 1 + cold-deps'`
      );
    }
    const operation = parts[1].trim();
    if (!OPERATION_NAME.test(operation)) {
      throw new ConfigurationError(
        `${at}: unknown operation '${operation}', expected a record operation name (lower case letters, digits, - _ .) such as deploy or image-push`
      );
    }
    if (lines.some((line) => line.operation === operation)) {
      throw new ConfigurationError(`${at}: operation '${operation}' has a budget already`);
    }
    const [, relation = "==", count = ""] = RELATION.exec(parts[2]);
    const expected = parseCount(count);
    if (expected === void 0) {
      throw new ConfigurationError(
        `${at}: cannot read the bound '${parts[2].trim()}', expected ==, <= or >= then integers and cold-deps joined by + - *`
      );
    }
    lines.push({ operation, relation, count: count.trim(), expected });
  }
  if (lines.length === 0) {
    throw new ConfigurationError(`${input}: no budget line, expected e.g. '${DEFAULT_BUDGET}'`);
  }
  return lines;
}

// src/budget/budget-summary.ts
var RECORDS_SHOWN = 1e3;
var expectation = ({ relation, expected }) => relation === "==" ? String(expected) : `${relation} ${expected}`;
function countLine(op) {
  return `${op.operation}-count = ${op.count} (expect ${expectation(op)})`;
}
function budgetFailures(report) {
  const broken = report.operations.filter((op) => !op.ok).map((op) => {
    const off = op.count - op.expected;
    const how = off > 0 ? `${off} more than` : `${-off} fewer than`;
    return `${countLine(op)}: ${how} the budget ${op.relation} ${op.expected}`;
  });
  const unbudgeted = report.unbudgeted.map(
    (u) => `${u.count} counted ${u.operation} record${u.count === 1 ? "" : "s"} but no budget line for ${u.operation}`
  );
  return [...broken, ...unbudgeted];
}
var where = (record) => `${record.source}:${record.line}`;
var cells = (record) => [
  record.job,
  record.operation,
  record.name ?? "",
  record.counted ? "yes" : "no",
  record.time ?? "",
  where(record)
];
var HEADER = ["job", "operation", "name", "counted", "time", "record"];
function recordsTableLines(records) {
  const rows = [HEADER, ...records.slice(0, RECORDS_SHOWN).map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map(
    (row) => row.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd()
  );
  if (records.length > RECORDS_SHOWN) lines.push(`... and ${records.length - RECORDS_SHOWN} more`);
  return lines;
}
function depsLine(report) {
  const { cold, warm, count } = report.coldDeps;
  if (cold.length === 0 && warm.length === 0) return `cold dependencies: ${count}`;
  const names = (list) => list.length === 0 ? "none" : list.map((name) => code(name)).join(", ");
  return `cold dependencies (deployed): ${names(cold)}; warm (not deployed): ${names(warm)}`;
}
function budgetSummary(report) {
  const status = report.ok ? "within budget" : "budget broken";
  const operations = table(
    ["operation", "counted", "expected", "not counted", "holds"],
    [
      ...report.operations.map((op) => [
        markdownText(op.operation),
        String(op.count),
        markdownText(expectation(op)),
        String(op.uncounted),
        op.ok ? "yes" : "**no**"
      ]),
      ...report.unbudgeted.map((u) => [
        markdownText(u.operation),
        String(u.count),
        "no budget",
        "",
        "**no**"
      ])
    ]
  );
  const counts = ["```text", ...report.operations.map(countLine), "```"].join("\n");
  const shown2 = report.records.slice(0, RECORDS_SHOWN);
  const records = table(
    HEADER,
    shown2.map((record) => cells(record).map(markdownText))
  ) + (report.records.length > shown2.length ? `
_${report.records.length - shown2.length} more records are in the records output's file._
` : "");
  const recordsTitle = `${report.records.length} record${report.records.length === 1 ? "" : "s"}`;
  return [
    `### Deploy budget: ${status}
`,
    operations,
    counts,
    "",
    depsLine(report),
    "",
    report.ok ? details(recordsTitle, records) : `#### ${recordsTitle}: which one is extra or missing

${records}`
  ].join("\n");
}

// src/budget/cold-deps.ts
var INPUT = "cold-deps";
var ALLOWED = 'a count (0 or more) or a JSON list of {"name": ..., "state": "cold"|"warm"}';
function parseColdDeps(value) {
  const text = (value ?? "").trim();
  if (text === "") return { count: 0, cold: [], warm: [] };
  if (/^[+-]?\d+$/.test(text)) {
    const count = Number(text);
    if (!Number.isSafeInteger(count) || count < 0) throw invalidValue(INPUT, text, ALLOWED);
    return { count, cold: [], warm: [] };
  }
  const list = parseJsonInput(INPUT, text, ALLOWED);
  if (!Array.isArray(list)) throw invalidValue(INPUT, shown(list), ALLOWED);
  const cold = [];
  const warm = [];
  for (const entry of list) {
    const { name, state } = entry ?? {};
    const keys = typeof entry === "object" && entry !== null ? Object.keys(entry) : [];
    if (typeof name !== "string" || name === "" || state !== "cold" && state !== "warm" || keys.some((key) => key !== "name" && key !== "state")) {
      throw invalidValue(INPUT, shown(entry), `each entry ${ALLOWED.slice(ALLOWED.indexOf("{"))}`);
    }
    (state === "cold" ? cold : warm).push(name);
  }
  return { count: cold.length, cold, warm };
}

// src/budget/report-output.ts
var RECORDS_KEPT = 500;
function recordsOutput(report) {
  return {
    ok: report.ok,
    operations: report.operations,
    unbudgeted: report.unbudgeted,
    coldDeps: report.coldDeps,
    records: report.records
  };
}
var RECORDS_SHRINKS = [
  (output, truncation) => ({
    ...output,
    records: output.records.slice(0, RECORDS_KEPT),
    truncated: { ...truncation, omittedRecords: Math.max(0, output.records.length - RECORDS_KEPT) }
  }),
  (output, truncation) => ({
    ...output,
    records: [],
    truncated: { ...truncation, omittedRecords: output.records.length }
  })
];

// src/budget/tally.ts
var holds = (relation, count, expected) => relation === "==" ? count === expected : relation === "<=" ? count <= expected : count >= expected;
var compareText = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function inTimeOrder(records) {
  const keyed = records.map((record) => ({
    record,
    at: record.time === void 0 ? Number.POSITIVE_INFINITY : Date.parse(record.time)
  }));
  keyed.sort(
    ({ record: a, at: x }, { record: b, at: y }) => x - y || compareText(a.job, b.job) || compareText(a.source, b.source) || a.line - b.line
  );
  return keyed.map(({ record }) => record);
}
function tallyBudget(records, budget, coldDeps) {
  const counted = /* @__PURE__ */ new Map();
  const uncounted = /* @__PURE__ */ new Map();
  for (const record of records) {
    const tally = record.counted ? counted : uncounted;
    tally.set(record.operation, (tally.get(record.operation) ?? 0) + 1);
  }
  const operations = budget.map((line) => {
    const expected = line.expected(coldDeps.count);
    if (expected < 0) {
      throw new ConfigurationError(
        `budget: ${line.operation}: '${line.count}' is ${expected} with cold-deps ${coldDeps.count}; a count cannot be negative`
      );
    }
    const count = counted.get(line.operation) ?? 0;
    return {
      operation: line.operation,
      relation: line.relation,
      count,
      expected,
      uncounted: uncounted.get(line.operation) ?? 0,
      ok: holds(line.relation, count, expected)
    };
  });
  const unbudgeted = [...counted].filter(([operation]) => !budget.some((line) => line.operation === operation)).map(([operation, count]) => ({ operation, count })).sort((a, b) => a.operation.localeCompare(b.operation));
  return {
    ok: operations.every((op) => op.ok) && unbudgeted.length === 0,
    coldDeps,
    operations,
    unbudgeted,
    records: inTimeOrder(records)
  };
}

export {
  DEFAULT_BUDGET,
  parseBudget,
  countLine,
  budgetFailures,
  recordsTableLines,
  budgetSummary,
  parseColdDeps,
  recordsOutput,
  RECORDS_SHRINKS,
  tallyBudget
};
