import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  wildcard
} from "./chunk-VCFY2PB4.js";

// src/markers/report.ts
var NO_EVIDENCE = "no-evidence";
var NO_LANE = "unknown";
function buildReport(rules, scanned, options) {
  const allow = options.allow.filter((entry) => entry.rule !== NO_EVIDENCE).map((entry) => ({
    rule: wildcard(entry.rule),
    source: wildcard(entry.source),
    reason: entry.reason
  }));
  const allowNoEvidence = options.allow.filter((entry) => entry.rule === NO_EVIDENCE).map((entry) => ({
    everywhere: entry.source === "*",
    source: wildcard(entry.source),
    reason: entry.reason
  }));
  const failOn = options.failOn.map((entry) => entry === "any" ? /^/ : wildcard(entry));
  const selects = (patterns, rule) => patterns.some((pattern) => pattern.test(rule.id) || pattern.test(rule.category));
  let total = 0;
  let explained = 0;
  let failing = 0;
  const categories = {};
  const lanes = {};
  const ruleTotals = {};
  const sources = scanned.map((source) => {
    const reports = {};
    const tools = {};
    let markers = 0;
    const hits = [...source.result?.hits ?? /* @__PURE__ */ new Map()].sort((a, b) => a[0] - b[0]);
    for (const [index, found] of hits) {
      const rule = rules[index];
      if (tools[rule.pack] !== "readable") tools[rule.pack] = rule.presence ?? "readable";
      if (rule.presence !== void 0) continue;
      const observation = rule.category === "observation";
      const reason = rule.allowReason ?? allow.find(
        (a) => (a.rule.test(rule.id) || a.rule.test(rule.category)) && a.source.test(source.name)
      )?.reason;
      reports[rule.id] = {
        count: found.count,
        category: rule.category,
        ...reason === void 0 ? {} : { explained: reason },
        samples: found.samples
      };
      const totals = ruleTotals[rule.id] ??= {
        category: rule.category,
        pack: rule.pack,
        count: 0
      };
      totals.count += found.count;
      if (observation) continue;
      if (reason !== void 0) {
        explained += found.count;
        continue;
      }
      markers += found.count;
      total += found.count;
      categories[rule.category] = (categories[rule.category] ?? 0) + found.count;
      const lane = lanes[source.lane ?? NO_LANE] ??= {};
      lane[rule.category] = (lane[rule.category] ?? 0) + found.count;
      if (selects(failOn, rule)) failing += found.count;
    }
    const verdict2 = markers > 0 ? "markers" : Object.values(tools).includes("readable") ? "no-markers" : "no-evidence";
    const allowed = verdict2 === "no-evidence" ? allowNoEvidence.find((entry) => entry.source.test(source.name))?.reason : void 0;
    return {
      name: source.name,
      kind: source.kind,
      ...source.lane === void 0 ? {} : { lane: source.lane },
      ...source.url === void 0 ? {} : { url: source.url },
      bytes: source.result?.bytes ?? 0,
      ...source.result?.lines === void 0 ? {} : { lines: source.result.lines },
      truncatedLines: source.result?.truncatedLines ?? 0,
      truncatedBytes: source.result?.truncatedBytes ?? 0,
      binary: source.result?.binary ?? false,
      ...source.error === void 0 ? {} : { error: source.error },
      markers,
      rules: reports,
      tools,
      verdict: verdict2,
      ...allowed === void 0 ? {} : { noEvidenceAllowed: allowed }
    };
  });
  const verdict = total > 0 ? "markers" : sources.some((source) => source.verdict === "no-markers") ? "no-markers" : "no-evidence";
  const noEvidenceAllowed = verdict !== "no-evidence" ? void 0 : sources.length === 0 ? allowNoEvidence.find((entry) => entry.everywhere)?.reason : sources.every((source) => source.noEvidenceAllowed !== void 0) ? sources[0].noEvidenceAllowed : void 0;
  return {
    verdict,
    total,
    explained,
    failing,
    categories,
    lanes,
    rules: ruleTotals,
    sources,
    unreadable: sources.filter((s) => s.error !== void 0 || s.binary).length,
    ...noEvidenceAllowed === void 0 ? {} : { noEvidenceAllowed },
    fails: failing > 0 || options.failOn.length > 0 && verdict === "no-evidence" && noEvidenceAllowed === void 0
  };
}

export {
  NO_EVIDENCE,
  NO_LANE,
  buildReport
};
