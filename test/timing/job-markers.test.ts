import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkersReport, SourceReport } from '../../src/markers/report.ts';
import { analyzeRun } from '../../src/timing/analysis.ts';
import { runData } from './timed-run.ts';

const source = (
  name: string,
  lane: string | undefined,
  markers: number,
  error?: string,
): SourceReport => ({
  name,
  kind: 'job',
  ...(lane === undefined ? {} : { lane }),
  url: `https://github.com/o/r/actions/runs/7/job/${name.length}`,
  bytes: 100,
  truncatedLines: 0,
  truncatedBytes: 0,
  binary: false,
  ...(error === undefined ? {} : { error }),
  markers,
  rules: {},
  tools: {},
  verdict: markers > 0 ? 'markers' : 'no-markers',
});

const MARKERS: MarkersReport = {
  verdict: 'markers',
  total: 5,
  explained: 2,
  failing: 0,
  categories: { download: 4, 'cache-miss': 1 },
  lanes: {
    github: { download: 1 },
    velnor: { download: 3, 'cache-miss': 1 },
  },
  rules: {},
  sources: [
    source('clippy (GitHub)', 'github', 1),
    source('clean', 'github', 0),
    source('clippy (Velnor)', 'velnor', 4),
    source('gone', undefined, 0, 'log not found (404)'),
  ],
  unreadable: 1,
  fails: false,
};

describe('markers per job and lane', () => {
  it('totals unexplained markers per lane and lists the logs with markers or errors, most first', () => {
    const report = analyzeRun(
      runData({ jobs: [{ name: 'a', completed: 5 }], data: { markers: MARKERS } }),
      {},
    );
    const figures = report.markers!;
    assert.deepEqual(
      [figures.verdict, figures.total, figures.explained, figures.logs, figures.unreadable],
      ['markers', 5, 2, 4, 1],
    );
    assert.deepEqual(figures.lanes, { github: 1, velnor: 4 });
    assert.deepEqual(
      figures.jobs.map((job) => [job.job, job.lane, job.markers, job.error]),
      [
        ['clippy (Velnor)', 'velnor', 4, undefined],
        ['clippy (GitHub)', 'github', 1, undefined],
        ['gone', undefined, 0, 'log not found (404)'],
      ],
    );
  });
});
