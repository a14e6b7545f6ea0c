import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkersReport, SourceReport } from '../../src/markers/report.ts';
import { analyzeRun } from '../../src/timing/analysis.ts';
import { timingSummary } from '../../src/timing/summary.ts';
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
    velnor: { download: 2, 'cache-miss': 1 },
    unknown: { download: 1 },
  },
  rules: {},
  sources: [
    source('clippy (GitHub)', 'github', 1),
    source('clean', 'github', 0),
    source('clippy (Velnor)', 'velnor', 3),
    source('untagged', undefined, 1),
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
      ['markers', 5, 2, 5, 1],
    );
    assert.deepEqual(figures.lanes, { github: 1, velnor: 3, unknown: 1 });
    assert.deepEqual(
      figures.jobs.map((job) => [job.job, job.lane, job.markers, job.error]),
      [
        ['clippy (Velnor)', 'velnor', 3, undefined],
        ['clippy (GitHub)', 'github', 1, undefined],
        ['untagged', undefined, 1, undefined],
        ['gone', undefined, 0, 'log not found (404)'],
      ],
    );
    const markdown = timingSummary(report);
    assert.match(
      markdown,
      /#### Markers\n\n<code>markers<\/code>: 5 unexplained markers, 2 explained, in 5 logs \(1 unreadable\)\./,
    );
    assert.match(
      markdown,
      /\| <code>github<\/code> \| <code>velnor<\/code> \| no lane \|\n\| --- \| --- \| --- \|\n\| 1 \| 3 \| 1 \|/,
    );
    assert.match(
      markdown,
      /\| \[gone\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/7\/job\/4\) \| {2}\| 0 \| unreadable: log not found &#40;404&#41; \|/,
    );
  });
});
