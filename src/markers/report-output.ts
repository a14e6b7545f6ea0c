import type { Shrinks } from '../runner/json-output.ts';
import type { MarkersReport, SourceReport } from './report.ts';

/** Sources kept, with their per-rule counts, when the report must shrink. */
const SOURCES_KEPT = 200;

const withoutSamples = (source: SourceReport): SourceReport => ({
  ...source,
  rules: Object.fromEntries(
    Object.entries(source.rules).map(([id, rule]) => [id, { ...rule, samples: [] }]),
  ),
});

/**
 * How the `markers` output shrinks: first without samples, then only the sources that have
 * markers or errors (at most 200), then without sources; the totals always stay.
 */
export const MARKERS_SHRINKS: Shrinks<MarkersReport> = [
  (report, truncation) => ({
    ...report,
    sources: report.sources.map(withoutSamples),
    truncated: { ...truncation, samples: true, omittedSources: 0 },
  }),
  (report, truncation) => {
    const kept = report.sources
      .filter((source) => source.markers > 0 || source.error !== undefined)
      .slice(0, SOURCES_KEPT)
      .map(withoutSamples);
    return {
      ...report,
      sources: kept,
      truncated: {
        ...truncation,
        samples: true,
        omittedSources: report.sources.length - kept.length,
      },
    };
  },
  (report, truncation) => ({
    ...report,
    sources: [],
    truncated: { ...truncation, samples: true, omittedSources: report.sources.length },
  }),
];
