import type { MarkersReport } from '../markers/report.ts';
import type { JobMarkers, MarkerFigures } from './report.ts';

/**
 * The markers scan per job and lane: totals, unexplained markers per lane, and the logs that have
 * markers or could not be read, most markers first.
 */
export function markerFigures(report: MarkersReport): MarkerFigures {
  const lanes: Record<string, number> = {};
  for (const [lane, categories] of Object.entries(report.lanes)) {
    lanes[lane] = Object.values(categories).reduce((sum, count) => sum + count, 0);
  }
  const jobs: JobMarkers[] = report.sources
    .filter((source) => source.markers > 0 || source.error !== undefined)
    .map((source) => ({
      job: source.name,
      lane: source.lane,
      url: source.url,
      markers: source.markers,
      verdict: source.verdict,
      error: source.error,
    }))
    .sort((a, b) => b.markers - a.markers);
  return {
    verdict: report.verdict,
    total: report.total,
    explained: report.explained,
    logs: report.sources.length,
    unreadable: report.unreadable,
    lanes,
    jobs,
  };
}
