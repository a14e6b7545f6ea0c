import type { MarkerCategory } from './categories.ts';
import type { LogScanResult, MarkerSample } from './log-scan.ts';
import type { AllowEntry } from './markers-config.ts';
import type { MarkerRule, ToolPresence } from './rule.ts';
import { wildcard } from '../common/wildcard.ts';

/**
 * `markers`: unexplained markers were found; `no-markers`: none, in a log where a selected pack
 * saw its tool print what its rules read; `no-evidence`: none, but no such log (or none at all),
 * so the scan proves nothing.
 */
export type Verdict = 'markers' | 'no-markers' | 'no-evidence';

/** The allow entry's `rule` that accepts a log, or a scan, without evidence. */
export const NO_EVIDENCE = 'no-evidence';

/** Where a log came from: a file, a job of this run, or a file inside a job-log artifact. */
export interface LogSource {
  readonly name: string;
  readonly kind: 'file' | 'job' | 'artifact';
  readonly lane?: string;
  readonly url?: string;
}

/** A source after its scan: the scan result, or why it could not be read. */
export interface ScannedSource extends LogSource {
  readonly result?: LogScanResult;
  readonly error?: string;
}

export interface RuleReport {
  readonly count: number;
  readonly category: MarkerCategory;
  /** Why these markers are expected, when an allow entry or the user rule explains them. */
  readonly explained?: string;
  readonly samples: readonly MarkerSample[];
}

export interface SourceReport extends LogSource {
  readonly bytes: number;
  readonly lines?: number;
  readonly truncatedLines: number;
  /** The bytes of those lines past the cap, not scanned. */
  readonly truncatedBytes: number;
  readonly binary: boolean;
  readonly error?: string;
  readonly markers: number;
  readonly rules: Readonly<Record<string, RuleReport>>;
  /** The packs (and `user`) whose tool the log shows: ran and printed what they read, or only ran. */
  readonly tools: Readonly<Record<string, ToolPresence>>;
  readonly verdict: Verdict;
  /** Why no evidence is expected in this log, when an allow entry for `no-evidence` says. */
  readonly noEvidenceAllowed?: string;
}

export interface MarkersReport {
  /** `no-evidence` when no log has evidence (see Verdict), or there were no logs. */
  readonly verdict: Verdict;
  /** Markers nothing explains. */
  readonly total: number;
  readonly explained: number;
  /** Unexplained markers matched by `fail-on`. */
  readonly failing: number;
  readonly categories: Readonly<Partial<Record<MarkerCategory, number>>>;
  readonly lanes: Readonly<Record<string, Partial<Record<MarkerCategory, number>>>>;
  readonly rules: Readonly<
    Record<string, { category: MarkerCategory; pack: string; count: number }>
  >;
  readonly sources: readonly SourceReport[];
  readonly unreadable: number;
  /** Why no evidence is expected, when allow entries for `no-evidence` cover every such log. */
  readonly noEvidenceAllowed?: string;
  /** `fail-on` fails the step: it matches unexplained markers, or no log gave evidence unallowed. */
  readonly fails: boolean;
}

export interface ReportOptions {
  readonly allow: readonly AllowEntry[];
  /** Categories, rule ids or wildcards; `any` is every marker. */
  readonly failOn: readonly string[];
}

export const NO_LANE = 'unknown';

export function buildReport(
  rules: readonly MarkerRule[],
  scanned: readonly ScannedSource[],
  options: ReportOptions,
): MarkersReport {
  const allow = options.allow
    .filter((entry) => entry.rule !== NO_EVIDENCE)
    .map((entry) => ({
      rule: wildcard(entry.rule),
      source: wildcard(entry.source),
      reason: entry.reason,
    }));
  const allowNoEvidence = options.allow
    .filter((entry) => entry.rule === NO_EVIDENCE)
    .map((entry) => ({
      everywhere: entry.source === '*',
      source: wildcard(entry.source),
      reason: entry.reason,
    }));
  const failOn = options.failOn.map((entry) => (entry === 'any' ? /^/ : wildcard(entry)));
  const selects = (patterns: RegExp[], rule: MarkerRule) =>
    patterns.some((pattern) => pattern.test(rule.id) || pattern.test(rule.category));

  let total = 0;
  let explained = 0;
  let failing = 0;
  const categories: Partial<Record<MarkerCategory, number>> = {};
  const lanes: Record<string, Partial<Record<MarkerCategory, number>>> = {};
  const ruleTotals: Record<string, { category: MarkerCategory; pack: string; count: number }> = {};

  const sources = scanned.map((source): SourceReport => {
    const reports: Record<string, RuleReport> = {};
    const tools: Record<string, ToolPresence> = {};
    let markers = 0;
    const hits = [...(source.result?.hits ?? new Map<number, never>())].sort((a, b) => a[0] - b[0]);
    for (const [index, found] of hits) {
      const rule = rules[index]!;
      if (tools[rule.pack] !== 'readable') tools[rule.pack] = rule.presence ?? 'readable';
      if (rule.presence !== undefined) continue;
      const observation = rule.category === 'observation';
      const reason =
        rule.allowReason ??
        allow.find(
          (a) => (a.rule.test(rule.id) || a.rule.test(rule.category)) && a.source.test(source.name),
        )?.reason;
      reports[rule.id] = {
        count: found.count,
        category: rule.category,
        ...(reason === undefined ? {} : { explained: reason }),
        samples: found.samples,
      };
      const totals = (ruleTotals[rule.id] ??= {
        category: rule.category,
        pack: rule.pack,
        count: 0,
      });
      totals.count += found.count;
      if (observation) continue;
      if (reason !== undefined) {
        explained += found.count;
        continue;
      }
      markers += found.count;
      total += found.count;
      categories[rule.category] = (categories[rule.category] ?? 0) + found.count;
      const lane = (lanes[source.lane ?? NO_LANE] ??= {});
      lane[rule.category] = (lane[rule.category] ?? 0) + found.count;
      if (selects(failOn, rule)) failing += found.count;
    }
    const verdict: Verdict =
      markers > 0
        ? 'markers'
        : Object.values(tools).includes('readable')
          ? 'no-markers'
          : 'no-evidence';
    const allowed =
      verdict === 'no-evidence'
        ? allowNoEvidence.find((entry) => entry.source.test(source.name))?.reason
        : undefined;
    return {
      name: source.name,
      kind: source.kind,
      ...(source.lane === undefined ? {} : { lane: source.lane }),
      ...(source.url === undefined ? {} : { url: source.url }),
      bytes: source.result?.bytes ?? 0,
      ...(source.result?.lines === undefined ? {} : { lines: source.result.lines }),
      truncatedLines: source.result?.truncatedLines ?? 0,
      truncatedBytes: source.result?.truncatedBytes ?? 0,
      binary: source.result?.binary ?? false,
      ...(source.error === undefined ? {} : { error: source.error }),
      markers,
      rules: reports,
      tools,
      verdict,
      ...(allowed === undefined ? {} : { noEvidenceAllowed: allowed }),
    };
  });
  const verdict: Verdict =
    total > 0
      ? 'markers'
      : sources.some((source) => source.verdict === 'no-markers')
        ? 'no-markers'
        : 'no-evidence';
  // With no evidence, every log lacks it; with no log at all, only an entry for any log allows it.
  const noEvidenceAllowed =
    verdict !== 'no-evidence'
      ? undefined
      : sources.length === 0
        ? allowNoEvidence.find((entry) => entry.everywhere)?.reason
        : sources.every((source) => source.noEvidenceAllowed !== undefined)
          ? sources[0]!.noEvidenceAllowed
          : undefined;
  return {
    verdict,
    total,
    explained,
    failing,
    categories,
    lanes,
    rules: ruleTotals,
    sources,
    unreadable: sources.filter((s) => s.error !== undefined || s.binary).length,
    ...(noEvidenceAllowed === undefined ? {} : { noEvidenceAllowed }),
    fails:
      failing > 0 ||
      (options.failOn.length > 0 && verdict === 'no-evidence' && noEvidenceAllowed === undefined),
  };
}
