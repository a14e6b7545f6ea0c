import type { Shrinks } from '../runner/json-output.ts';
import type { TimingReport } from './report.ts';

/** Jobs kept, the longest, when the report must shrink. */
const JOBS_KEPT = 200;

const longestFirst = (report: TimingReport) =>
  [...report.jobs].sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0));

/**
 * How the `report` output shrinks: first the jobs and workflow jobs off the critical path cut to
 * the 200 longest, then without jobs, path details and lane pairs; the headline, parallelism,
 * categories, cache, comparison and durations stay as long as they fit. The report file always
 * holds everything.
 */
export const TIMING_SHRINKS: Shrinks<TimingReport> = [
  (report, truncation) => ({
    ...report,
    jobs: longestFirst(report).slice(0, JOBS_KEPT),
    criticalPath:
      report.criticalPath === undefined
        ? undefined
        : { ...report.criticalPath, jobs: report.criticalPath.jobs.slice(0, JOBS_KEPT) },
    truncated: { ...truncation, omittedJobs: Math.max(0, report.jobs.length - JOBS_KEPT) },
  }),
  (report, truncation) => ({
    ...report,
    jobs: [],
    criticalPath:
      report.criticalPath === undefined
        ? undefined
        : { chain: report.criticalPath.chain, jobs: [], unmatched: [] },
    lanes: report.lanes === undefined ? undefined : { ...report.lanes, pairs: [] },
    markers: report.markers === undefined ? undefined : { ...report.markers, jobs: [] },
    truncated: { ...truncation, omittedJobs: report.jobs.length },
  }),
  (report, truncation) => ({
    run: report.run,
    headline: report.headline,
    parallelism: report.parallelism,
    notices: report.notices,
    truncated: { ...truncation, omittedJobs: report.jobs.length, onlyHeadline: true },
  }),
];
