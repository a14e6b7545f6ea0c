import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  GANTT_MAX_CHARS,
  ganttCharts,
  ganttJobLinks,
  type GanttJob,
} from '../../src/timing/gantt.ts';
import { parseMermaidGantt, type MermaidGanttTask } from '../harness/mermaid.ts';

const origin = Date.parse('2026-03-01T09:00:00+09:00');
const seconds = (s: number) => origin + s * 1000;

function job(name: string, times: Partial<GanttJob> = {}): GanttJob {
  return {
    name,
    url: null,
    createdAt: seconds(0),
    startedAt: seconds(10),
    completedAt: seconds(70),
    status: 'completed',
    conclusion: 'success',
    ...times,
  };
}

async function onlyChart(jobs: readonly GanttJob[], readAt = seconds(600)) {
  const charts = ganttCharts({ origin, readAt, jobs });
  assert.equal(charts.length, 1);
  return parseMermaidGantt(charts[0]!);
}

const brief = (task: MermaidGanttTask) => [
  task.section,
  task.text,
  task.start,
  task.end,
  task.tags.join('+'),
];

describe('ganttCharts', () => {
  it('draws queue and run segments from the run creation, lanes as sections, red for failures', async () => {
    const chart = await onlyChart(
      [
        job('build', {
          lane: 'github',
          createdAt: seconds(2),
          startedAt: seconds(12),
          completedAt: seconds(100),
        }),
        job('test', {
          lane: 'velnor',
          createdAt: seconds(2),
          startedAt: seconds(2),
          completedAt: seconds(50),
        }),
        job('lint', {
          lane: 'github',
          startedAt: seconds(30),
          completedAt: seconds(40),
          conclusion: 'failure',
        }),
      ],
      seconds(120),
    );
    assert.equal(chart.dateFormat, 'x');
    assert.equal(chart.axisFormat, '%s s');
    assert.deepEqual(chart.tasks.map(brief), [
      ['', 'run created', 0, 0, 'milestone'],
      ['', 'last job done', 100_000, 100_000, 'milestone'],
      ['github', '#1 queued', 2000, 12_000, 'done'],
      ['github', '#1 build', 12_000, 100_000, ''],
      ['github', '#3 queued', 0, 30_000, 'done'],
      ['github', '#3 lint', 30_000, 40_000, 'crit'],
      // No queue segment for a job that started when it was created.
      ['velnor', '#2 test', 2000, 50_000, ''],
    ]);
  });

  it('ends running and queued jobs at readAt, clamps times before the run and runs before queues', async () => {
    const running = { completedAt: null, status: 'in_progress', conclusion: null };
    const chart = await onlyChart(
      [
        job('running', { ...running, startedAt: seconds(20) }),
        job('waiting', { ...running, status: 'queued', createdAt: seconds(5), startedAt: null }),
        job('skipped', {
          createdAt: seconds(3),
          startedAt: null,
          completedAt: seconds(3),
          conclusion: 'skipped',
        }),
        job('earlier attempt', {
          createdAt: seconds(-50),
          startedAt: seconds(-40),
          completedAt: seconds(-30),
        }),
        job('clock skew', {
          createdAt: seconds(30),
          startedAt: seconds(25),
          completedAt: seconds(20),
        }),
        job('no times', { createdAt: null, startedAt: null, completedAt: null }),
      ],
      seconds(90),
    );
    assert.deepEqual(chart.tasks.map(brief), [
      ['', 'run created', 0, 0, 'milestone'],
      ['', 'read at', 90_000, 90_000, 'milestone'],
      ['', '#1 queued', 0, 20_000, 'done'],
      ['', '#1 running', 20_000, 90_000, 'active'],
      ['', '#2 waiting (not started)', 5000, 90_000, 'active'],
      ['', '#3 skipped (not started)', 3000, 3000, 'done'],
      ['', '#4 earlier attempt', 0, 0, ''],
      ['', '#5 clock skew', 30_000, 30_000, ''],
    ]);
  });

  it('counts minutes on the same time-zone-proof axis when the run is longer than 20 minutes', async () => {
    const chart = await onlyChart([
      job('long', {
        createdAt: seconds(60),
        startedAt: seconds(120),
        completedAt: seconds(2 * 3600),
      }),
    ]);
    assert.equal(chart.axisFormat, '%s min');
    // One chart millisecond per 60 real ones: `%s` of the end reads 120 (minutes).
    assert.deepEqual(chart.tasks.map(brief).slice(1), [
      ['', 'last job done', 120_000, 120_000, 'milestone'],
      ['', '#1 queued', 1000, 2000, 'done'],
      ['', '#1 long', 2000, 120_000, ''],
    ]);
  });

  it('keeps hostile job and lane names as text: Mermaid shows them and no line of theirs becomes syntax', async () => {
    const hostile = [
      'build: linux; #35; %% comment',
      'evil\n    section injected\n    #9 fake :crit, j9, 0, 999999',
      'click j1 href "javascript:alert(1)"',
      '<img src=x onerror=alert(1)> & "quotes" \'single\' `tick` ```',
      'style x fill:#f00;',
      '#58; already an entity; ~~strike~~ {braces} |pipe| \\back',
      'tab\there\u0000nul\r\ncrlf',
      'emoji 🚀 and 日本語',
      '   ',
      '',
    ];
    const charts = ganttCharts({
      origin,
      readAt: seconds(100),
      jobs: hostile.map((name, index) =>
        job(name, {
          lane: `lane: ${name}`,
          startedAt: seconds(index + 1),
          completedAt: seconds(index + 2),
        }),
      ),
    });
    assert.equal(charts.length, 1);
    const chart = await parseMermaidGantt(charts[0]!);
    const runs = chart.tasks.filter((task) => task.id.startsWith('j'));
    const shownAs = (name: string) => {
      // eslint-disable-next-line no-control-regex -- the control characters of the hostile names
      const spaced = name.replace(/[\u0000-\u001f]+/g, ' ');
      return spaced.trim() === '' ? '(unnamed)' : spaced;
    };
    assert.deepEqual(
      runs.map((task) => [task.id, task.text, task.section]),
      hostile.map((name, index) => [
        `j${index + 1}`,
        `#${index + 1} ${shownAs(name)}`.trim(),
        shownAs(`lane: ${name}`),
      ]),
    );
    assert.equal(
      chart.tasks.length,
      2 + 2 * hostile.length,
      'one queue and one run task per job, nothing injected',
    );
    assert.doesNotMatch(charts[0]!, /javascript:|<img|```|%%|\n\s*section injected/);
  });

  it('cuts names past 80 characters', async () => {
    const chart = await onlyChart([job('x'.repeat(10_000))]);
    assert.equal(chart.tasks.at(-1)!.text, `#1 ${'x'.repeat(77)}...`);
  });

  for (const [count, parts] of [
    [300, 1],
    [1000, 3],
  ] as const) {
    it(`draws ${count} jobs of a two-lane matrix in ${parts} chart(s) under 50,000 characters on one time axis`, async () => {
      const jobs = Array.from({ length: count }, (_, index) =>
        job(`clippy (${index % 2 === 0 ? 'GitHub' : 'Velnor'}, shard ${index + 1}/${count})`, {
          lane: index % 2 === 0 ? 'github' : 'velnor',
          url: `https://github.com/o/r/actions/runs/7/job/${index + 1}`,
          createdAt: seconds(index * 3),
          startedAt: seconds(index * 3 + 30),
          completedAt: seconds(index * 3 + 300 + (index % 7) * 60),
          conclusion: index === 17 ? 'failure' : 'success',
        }),
      );
      const charts = ganttCharts({ origin, readAt: seconds(9999), jobs });
      assert.equal(charts.length, parts);
      const lengths = charts.map((chart) => chart.length);
      assert.ok(
        Math.min(...lengths) > 0.9 * Math.max(...lengths),
        `parts evenly filled: ${lengths.join(', ')}`,
      );
      const parsed = await Promise.all(charts.map(parseMermaidGantt));
      // The last job to end is one of the last 7, at (3 * index + 300 + 60 * (index % 7)) s; over
      // 20 minutes, so one chart millisecond stands for 60.
      const lastEnd =
        Math.max(
          ...[1, 2, 3, 4, 5, 6, 7].map(
            (back) => (3 * (count - back) + 300 + 60 * ((count - back) % 7)) * 1000,
          ),
        ) / 60;
      const seen: string[] = [];
      for (const [index, chart] of parsed.entries()) {
        assert.ok(
          charts[index]!.length < GANTT_MAX_CHARS,
          `chart ${index + 1}: ${charts[index]!.length} characters`,
        );
        assert.equal(chart.axisFormat, '%s min');
        const runCreated =
          parts === 1
            ? 'run created'
            : new RegExp(
                `^run created \\(part ${index + 1} of ${parts}, \\d+ of ${count} jobs\\)$`,
              );
        assert.match(
          chart.tasks[0]!.text,
          typeof runCreated === 'string' ? /^run created$/ : runCreated,
        );
        assert.deepEqual(
          chart.tasks.slice(0, 2).map((task) => [task.start, task.end]),
          [
            [0, 0],
            [lastEnd, lastEnd],
          ],
        );
        seen.push(...chart.tasks.filter((task) => task.id.startsWith('j')).map((task) => task.id));
      }
      // Every job once, lanes grouped: all github legs (odd numbers), then all velnor legs.
      const laneOrder = jobs.map((_, index) => index).sort((a, b) => (a % 2) - (b % 2) || a - b);
      assert.deepEqual(
        seen,
        laneOrder.map((index) => `j${index + 1}`),
      );
      const failed = parsed.flatMap((chart) => chart.tasks).find((task) => task.id === 'j18');
      assert.deepEqual(failed?.tags, ['crit']);
    });
  }

  it('keeps a job whole when a part fills, and starts each part with its lane section', async () => {
    const jobs = Array.from({ length: 12 }, (_, index) =>
      job(`job ${index + 1}`, { lane: index < 6 ? 'a' : 'b' }),
    );
    const charts = ganttCharts({ origin, readAt: seconds(100), jobs, maxChars: 600 });
    assert.ok(charts.length >= 3);
    const parsed = await Promise.all(charts.map(parseMermaidGantt));
    for (const [index, chart] of parsed.entries()) {
      assert.ok(charts[index]!.length <= 600);
      const jobTasks = chart.tasks.slice(2);
      assert.notEqual(jobTasks[0]!.section, '', 'a part opens with its lane section');
      const numbers = jobTasks.map((task) => /^#(\d+) /.exec(task.text)![1]);
      for (const number of new Set(numbers)) {
        assert.deepEqual(
          jobTasks.filter((task) => task.text.startsWith(`#${number} `)).map((task) => task.id),
          [`q${number}`, `j${number}`],
        );
      }
    }
  });

  it('draws nothing when no job has a time', () => {
    assert.deepEqual(ganttCharts({ origin, readAt: origin, jobs: [] }), []);
    assert.deepEqual(
      ganttCharts({
        origin,
        readAt: origin,
        jobs: [job('x', { createdAt: null, startedAt: null, completedAt: null })],
      }),
      [],
    );
  });
});

describe('ganttJobLinks', () => {
  it('numbers jobs as the chart does and links only https job URLs', () => {
    const links = ganttJobLinks({
      readAt: seconds(400),
      jobs: [
        job('build | x', { url: 'https://github.com/o/r/actions/runs/1/job/2', lane: 'github' }),
        job('evil', { url: 'javascript:alert(1)', lane: 'velnor' }),
        job('odd', { url: 'https://github.com/o/r/job/3) [x](https://evil.example' }),
        job('running', { url: null, completedAt: null, status: 'in_progress', conclusion: null }),
      ],
    });
    assert.equal(
      links,
      [
        '| # | job | lane | status | queued | ran |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 1 | [build &#124; x](https://github.com/o/r/actions/runs/1/job/2) | github | success | 10 s | 1m 00s |',
        '| 2 | evil | velnor | success | 10 s | 1m 00s |',
        '| 3 | odd |  | success | 10 s | 1m 00s |',
        '| 4 | running |  | in&#95;progress | 10 s | 6m 30s so far |',
        '',
      ].join('\n'),
    );
  });
});
