import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLanesConfig } from '../../src/lanes/lanes-config.ts';
import { SUMMARY_LIMIT_BYTES } from '../../src/runner/summary.ts';
import { analyzeRun } from '../../src/timing/analysis.ts';
import { timingSummary } from '../../src/timing/summary.ts';
import { parseMermaidGantt } from '../harness/mermaid.ts';
import type { JobSpec, StepSpec } from './timed-run.ts';
import { at, job, runData, runInfo } from './timed-run.ts';

const LANES = parseLanesConfig(
  'default: github\nlanes:\n  github: { runs-on: x, hosted: true }\n  velnor: { runs-on: y, hosted: false }\n',
  'lanes.yml',
);
const WORKFLOW = `
jobs:
  build: { runs-on: x, strategy: { matrix: { lane: [github, velnor] } } }
  test: { runs-on: x, needs: build }
  summary: { runs-on: x, needs: test }
`;

/** Markdown between ```mermaid fences. */
const mermaidBlocks = (markdown: string) =>
  [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((match) => match[1]!);

const HOSTILE =
  'x](https://evil.example) | `::set-output name=a::b` <img src=x onerror=alert(1)> ##[error] *boom*';

describe('timingSummary', () => {
  const ownJob = job({
    name: 'summary',
    id: 99,
    created: 300,
    started: 305,
    completed: null,
    steps: [['Summarize', 306, null]],
  });
  const data = runData({
    run: {
      status: 'in_progress',
      conclusion: null,
      attempt: 2,
      runStartedAt: at(0),
      previousAttempts: [
        { attempt: 1, htmlUrl: 'https://github.com/o/r/actions/runs/7/attempts/1' },
      ],
    },
    workflow: WORKFLOW,
    readAt: 330,
    jobs: [
      { name: 'build (github)', id: 1, created: 0, started: 20, completed: 200 },
      { name: 'build (velnor)', id: 2, created: 0, started: 5, completed: 90 },
      {
        name: 'test',
        id: 3,
        created: 200,
        started: 210,
        completed: 300,
        conclusion: 'failure',
        steps: [
          ['Set up job', 210, 212],
          [HOSTILE, 212, 280, 'failure'],
        ],
      },
      { name: HOSTILE, id: 4, created: 0, started: 1, completed: 2 },
      ownJob,
    ],
    data: {
      ownJobId: 99,
      notices: ['the workflow run’s cache usage could not be read (HTTP 502 after 3 tries)'],
      cache: { activeBytes: 9.6 * 2 ** 30, activeCount: 12 },
      baseline: {
        run: runInfo({
          id: 6,
          createdAt: at(-1000),
          runStartedAt: at(-1000),
          htmlUrl: 'https://github.com/o/r/actions/runs/6',
        }),
        jobs: [job({ name: 'build (github)', created: -1000, started: -990, completed: -700 })],
      },
    },
  });
  const report = analyzeRun(data, { targetJob: 'test', lanes: LANES });
  const markdown = timingSummary(report);
  const lines = markdown.split('\n');

  it('opens with the headline: wall so far, target gate, first red with its link, status', () => {
    assert.equal(
      lines[0],
      '### ⏱️ timing-summary: CI · run [7](https://github.com/o/r/actions/runs/7) attempt 2',
    );
    const head = lines.slice(2, 5).join('\n');
    assert.match(head, /^\| wall so far \| to <code>test<\/code> \| first red \| status \|/);
    assert.match(head, /\| \*\*5m 30s\*\* \| \*\*5m 00s\*\* ❌ \| \*\*4m 40s\*\* \[test › /);
    assert.match(
      head,
      /\(https:\/\/github\.com\/o\/r\/actions\/runs\/7\/job\/3#step:2:1\) \| 🔄 running \|/,
    );
    assert.match(
      lines[6]!,
      /earlier: \[attempt 1\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/7\/attempts\/1\)/,
    );
  });

  it('shows what is missing before any section, visibly', () => {
    const notice = markdown.indexOf(
      '> ⚠️ **Partial report:** the workflow run’s cache usage could not be read',
    );
    assert.ok(
      notice > 0 && notice < markdown.indexOf('#### '),
      'the notice comes before the sections',
    );
  });

  it('shows the job it runs in as running', () => {
    assert.match(
      markdown,
      /\[summary\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/7\/job\/99\) \| [^\n]*🔄 running \(this job\) \|/,
    );
  });

  it('keeps hostile names as text: no link, HTML, table cell or workflow command of theirs', () => {
    assert.ok(!markdown.includes('](https://evil.example)'));
    assert.ok(!markdown.includes('<img'));
    assert.ok(!markdown.includes('##[error]'));
    assert.ok(!lines.some((line) => /^\s*::/.test(line)));
    // Every table row of the long-poles table has as many cells as its header.
    const table = lines
      .slice(lines.indexOf('#### Long poles') + 2)
      .filter((line) => line.startsWith('|'));
    const cells = (line: string) => line.split(' | ').length;
    for (const row of table.slice(0, 5)) assert.equal(cells(row), cells(table[0]!), row);
  });

  it('has each section the report has figures for', () => {
    for (const heading of [
      '#### Long poles',
      '#### Critical path',
      '#### Lanes',
      '#### Step time by category',
      '#### Cache',
      '#### Compared with [run 6](https://github.com/o/r/actions/runs/6)',
      '#### Timeline',
    ]) {
      assert.ok(lines.includes(heading), heading);
    }
    assert.match(
      markdown,
      /Actions cache: \*\*9\.60 GiB\*\* of 10\.0 GiB \(96%\) in 12 caches\. ⚠️ \*\*above 90%\*\*/,
    );
    assert.match(markdown, /\| wall \| 5m 30s \| 5m 00s \| \*\*\+30 s\*\* \|/);
    assert.match(markdown, /the same jobs one after another: \*\*/);
  });

  it('draws the Gantt in mermaid fences that Mermaid’s own parser reads', async () => {
    const blocks = mermaidBlocks(markdown);
    assert.ok(blocks.length >= 1);
    for (const block of blocks) {
      const chart = await parseMermaidGantt(block);
      assert.ok(chart.tasks.length >= 5);
    }
  });
});

describe('timingSummary of a finished run', () => {
  it('says a target that never ran did not run, and shows every notice', () => {
    const report = analyzeRun(
      runData({
        workflow: WORKFLOW,
        jobs: [{ name: 'build (github)', created: 0, started: 2, completed: 50 }],
        data: { notices: ['first notice', 'second notice'] },
      }),
      { targetJob: 'summary' },
    );
    const markdown = timingSummary(report);
    assert.match(markdown, /\| \*\*50 s\*\* \| did not run \| none \| ✅ success \|/);
    assert.match(
      markdown,
      /\n> ⚠️ \*\*Partial report:\*\* first notice\n>\n> ⚠️ \*\*Partial report:\*\* second notice\n\n/,
    );
    assert.match(markdown, /\n1 job · times from the run's creation\n/);
  });
});

describe('timingSummary of a large run', () => {
  const STEP_NAME = 'Run a step whose name is long enough to be realistic for a big workspace';
  const jobs: JobSpec[] = [];
  for (let i = 0; i < 500; i++) {
    const lane = i % 2 === 0 ? 'github' : 'velnor';
    const start = 10 + (i % 7);
    const steps: StepSpec[] = Array.from({ length: 40 }, (_, s) => [
      `${STEP_NAME} ${s}`,
      start + s * 10,
      start + s * 10 + 10,
    ]);
    jobs.push({
      name: `test (${lane}, shard ${Math.floor(i / 2)})`,
      created: 0,
      started: start,
      completed: start + 400,
      steps,
    });
  }
  const report = analyzeRun(
    runData({
      jobs,
      workflow: 'jobs:\n  test: { runs-on: x, strategy: { matrix: { s: [1] } } }\n',
    }),
    {
      lanes: LANES,
    },
  );
  const markdown = timingSummary(report);

  it('stays under 900 KiB for 500 jobs with 40 steps each, uncut', () => {
    const bytes = Buffer.byteLength(markdown);
    assert.ok(bytes < SUMMARY_LIMIT_BYTES, `${bytes} bytes`);
    assert.ok(!markdown.includes('Summary cut to fit'));
  });

  it('cuts long tables with a count of what it left out', () => {
    // 250 shards ran on both lanes: 200 rows are shown.
    assert.equal(report.lanes!.pairs.length, 250);
    assert.match(markdown, /_50 more jobs not shown; the report file has them all\._/);
  });

  it('keeps every Mermaid block under 50,000 characters', () => {
    const blocks = mermaidBlocks(markdown);
    assert.ok(blocks.length >= 1);
    for (const block of blocks) assert.ok(block.length < 50_000, `${block.length} characters`);
  });
});
