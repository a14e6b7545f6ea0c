import { formatSeconds } from '../common/duration.ts';
import { NO_LANE } from '../markers/report.ts';
import { markdownText } from '../runner/neutralize.ts';
import { code, details, fitSummary, table } from '../runner/summary.ts';
import { formatBytes } from './cache-budget.ts';
import { ganttCharts, ganttJobLinks } from './gantt.ts';
import type { GanttJob } from './gantt.ts';
import type { Delta, JobTiming, PathJob, TimingReport } from './report.ts';
import { longestJobs } from './long-poles.ts';

/** Rows of a table of every job (or every workflow job, every lane pair) before it is cut. */
const TABLE_ROWS = 200;

/** Links GitHub gives; anything else (or a character that would end the link) stays plain text. */
const SAFE_URL = /^https:\/\/[^\s()<>"'`\\[\]]+$/;

function link(text: string, url: string | null | undefined): string {
  return url !== null && url !== undefined && SAFE_URL.test(url) ? `[${text}](${url})` : text;
}

const jobLink = (name: string, url: string | null | undefined) => link(markdownText(name), url);

const time = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? '–' : formatSeconds(seconds);

function signed(seconds: number | null): string {
  if (seconds === null) return '–';
  if (Math.round(seconds) === 0) return '±0 s';
  return `${seconds > 0 ? '+' : '−'}${formatSeconds(Math.abs(seconds))}`;
}

const ICONS: Readonly<Record<string, string>> = {
  success: '✅',
  failure: '❌',
  timed_out: '⏰',
  startup_failure: '❌',
  cancelled: '🚫',
  skipped: '⏭️',
  neutral: '➖',
  action_required: '✋',
};

function result(status: string, conclusion: string | null, own = false): string {
  if (status !== 'completed') {
    const what = status === 'in_progress' ? 'running' : status;
    return `🔄 ${markdownText(what)}${own ? ' (this job)' : ''}`;
  }
  const shown = conclusion ?? status;
  return `${ICONS[shown] ?? ''} ${markdownText(shown)}`.trim();
}

/** A table of at most `max` rows, and how many were left out. */
function cutTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  what: string,
  max = TABLE_ROWS,
): string {
  const left = rows.length - max;
  const out = table(header, rows.slice(0, max));
  return left > 0
    ? `${out}\n_${left} more ${what} not shown; the report file has them all._\n`
    : out;
}

/** What every time counts from (see runOrigin). */
const originName = (report: TimingReport) =>
  report.run.attempt > 1 ? "this attempt's start" : "the run's creation";

function headlineSection(report: TimingReport): string {
  const { headline: head, run } = report;
  const title = `${markdownText(run.workflowName)} · run ${link(String(run.id), run.htmlUrl)}${run.attempt > 1 ? ` attempt ${run.attempt}` : ''}`;
  let out = `### ⏱️ timing-summary: ${title}\n\n`;
  const cells: [string, string][] = [
    [head.running ? 'wall so far' : 'wall', `**${time(head.wallSeconds)}**`],
  ];
  if (head.target !== undefined) {
    const done =
      head.target.seconds !== null
        ? `**${time(head.target.seconds)}**`
        : head.running
          ? 'not done yet'
          : 'did not run';
    const icon = head.target.conclusion === null ? '' : ` ${ICONS[head.target.conclusion] ?? ''}`;
    cells.push([`to ${code(head.target.target)}`, `${done}${icon}`]);
  }
  const red = head.firstRed;
  cells.push([
    'first red',
    red === undefined
      ? 'none'
      : `**${time(red.seconds)}** ${link(markdownText(red.step === undefined ? red.job : `${red.job} › ${red.step}`), red.url)}`,
  ]);
  cells.push(['status', result(head.status, head.conclusion)]);
  if (head.markers !== undefined) {
    cells.push(['markers', `${code(head.markers.verdict)}: ${head.markers.total}`]);
  }
  out += table(
    cells.map(([name]) => name),
    [cells.map(([, value]) => value)],
  );
  const read =
    report.jobs.length < report.totalJobs
      ? `${report.jobs.length} of ${report.totalJobs}`
      : String(report.jobs.length);
  out += `\n${read} job${report.totalJobs === 1 ? '' : 's'} · times from ${originName(report)}${head.running ? ', read while it runs' : ''}`;
  if (run.previousAttempts.length > 0) {
    const earlier = run.previousAttempts.map((a) => link(`attempt ${a.attempt}`, a.htmlUrl));
    out += ` · earlier: ${earlier.join(', ')}`;
  }
  out += '\n\n';
  const notices = report.notices.map(
    (notice) => `> ⚠️ **Partial report:** ${markdownText(notice)}`,
  );
  return notices.length > 0 ? `${out}${notices.join('\n>\n')}\n\n` : out;
}

function longPolesSection(report: TimingReport): string {
  const jobs = longestJobs(report.jobs, report.top);
  if (jobs.length === 0) return '';
  const hasLanes = report.jobs.some((job) => job.lane !== undefined);
  let out = '#### Long poles\n\n';
  out += table(
    ['job', ...(hasLanes ? ['lane'] : []), 'queue', 'setup', 'run', 'total', 'result'],
    jobs.map((job) => [
      jobLink(job.name, job.url),
      ...(hasLanes ? [markdownText(job.lane ?? '')] : []),
      time(job.queueSeconds),
      time(job.setupSeconds),
      time(job.runSeconds),
      `**${time(job.seconds)}**`,
      result(job.status, job.conclusion, job.own),
    ]),
  );
  if (report.longestSteps.length > 0) {
    out += '\n';
    out += table(
      ['step', 'job', 'time', 'result'],
      report.longestSteps.map((step) => [
        link(markdownText(step.step), step.url),
        markdownText(step.job),
        `**${time(step.seconds)}**${step.running ? ' so far' : ''}`,
        step.running ? '🔄 running' : result('completed', step.conclusion),
      ]),
    );
  }
  return `${out}\n`;
}

function pathRow(job: PathJob): string[] {
  return [
    code(job.job),
    String(job.legs),
    time(job.readyOffset),
    time(job.startOffset),
    `${time(job.finishOffset)}${job.running ? ' 🔄' : ''}`,
    time(job.spanSeconds),
    time(job.slackSeconds),
  ];
}

const PATH_HEADER = ['job', 'legs', 'ready', 'started', 'finished', 'took', 'slack'];

function criticalPathSection(report: TimingReport): string {
  const { parallelism: p, criticalPath: path } = report;
  let out = '#### Critical path\n\n';
  const saving =
    p.savedSeconds >= 0
      ? `running them at once saved **${time(p.savedSeconds)}**`
      : `waiting (queues, needs) cost **${time(-p.savedSeconds)}** more than running them one after another`;
  out += `Wall **${time(p.wallSeconds)}**; the same jobs one after another: **${time(p.sequentialSeconds)}**; ${saving}.\n\n`;
  if (path === undefined) return out;
  if (path.chain.length > 0) {
    out += `The chain that set the wall (times from ${originName(report)}; *took* is ready → finished, queue included):\n\n`;
    out += table(PATH_HEADER, path.chain.map(pathRow));
  }
  const others = path.jobs.filter((job) => !path.chain.some((c) => c.job === job.job));
  if (others.length > 0) {
    out +=
      '\n' +
      details(
        `Slack of the other ${others.length} workflow jobs`,
        cutTable(PATH_HEADER, others.map(pathRow), 'jobs'),
      );
  }
  if (path.unmatched.length > 0) {
    const names = path.unmatched.slice(0, 10).map(code).join(', ');
    const more = path.unmatched.length > 10 ? ` and ${path.unmatched.length - 10} more` : '';
    out += `\n${path.unmatched.length} listed jobs match no job of the workflow file, so they are not on the graph: ${names}${more}.\n`;
  }
  return `${out}\n`;
}

function lanesSection(report: TimingReport): string {
  const lanes = report.lanes;
  if (lanes === undefined || lanes.lanes.length === 0) return '';
  let out = '#### Lanes\n\n';
  out += table(
    ['lane', 'jobs', 'failed', 'running', 'job time', 'queue time', 'longest job'],
    lanes.lanes.map((lane) => [
      code(lane.lane),
      String(lane.jobs),
      String(lane.failed),
      String(lane.running),
      `**${time(lane.seconds)}**`,
      time(lane.queueSeconds),
      lane.longest === undefined
        ? '–'
        : `${markdownText(lane.longest.job)} (${time(lane.longest.seconds)})`,
    ]),
  );
  if (lanes.other > 0) out += `\n${lanes.other} jobs are in no lane.\n`;
  if (lanes.pairs.length > 0) {
    const names = lanes.lanes.map((lane) => lane.lane);
    const rows = lanes.pairs.map((pair) => [
      markdownText(pair.job),
      ...names.map((lane) => (lane in pair.seconds ? time(pair.seconds[lane]) : '')),
    ]);
    out += '\nThe same job on each lane:\n\n';
    out += cutTable(['job', ...names.map(code)], rows, 'jobs');
  }
  return `${out}\n`;
}

function categoriesSection(report: TimingReport): string {
  if (report.categories.length === 0) return '';
  const total = report.categories.reduce((sum, c) => sum + c.seconds, 0);
  const rows = report.categories.map((c) => [
    code(c.category),
    String(c.steps),
    `**${time(c.seconds)}**`,
    total > 0 ? `${((c.seconds / total) * 100).toFixed(0)}%` : '–',
    c.longest === undefined
      ? '–'
      : `${markdownText(c.longest.step)} in ${markdownText(c.longest.job)} (${time(c.longest.seconds)})`,
  ]);
  return `#### Step time by category\n\n${table(['category', 'steps', 'time', 'share', 'longest step'], rows)}\nSteps of a job that overlap count once.\n\n`;
}

function cacheSection(report: TimingReport): string {
  const cache = report.cache;
  if (cache === undefined) return '';
  const share = `${(cache.ratio * 100).toFixed(0)}%`;
  const warning = cache.warning
    ? ` ⚠️ **above ${(cache.warnRatio * 100).toFixed(0)}%**: GitHub evicts the least recently used caches past the budget.`
    : '';
  return `#### Cache\n\nActions cache: **${formatBytes(cache.activeBytes)}** of ${formatBytes(cache.budgetBytes)} (${share}) in ${cache.activeCount} caches.${warning}\n\n`;
}

function markersSection(report: TimingReport): string {
  const markers = report.markers;
  if (markers === undefined) return '';
  let out = `#### Markers\n\n${code(markers.verdict)}: ${markers.total} unexplained markers, ${markers.explained} explained, in ${markers.logs} logs`;
  out += markers.unreadable > 0 ? ` (${markers.unreadable} unreadable).\n\n` : '.\n\n';
  const lanes = Object.entries(markers.lanes);
  if (lanes.length > 0) {
    out +=
      table(
        lanes.map(([lane]) => (lane === NO_LANE ? 'no lane' : code(lane))),
        [lanes.map(([, count]) => String(count))],
      ) + '\n';
  }
  if (markers.jobs.length > 0) {
    const rows = markers.jobs.map((job) => [
      jobLink(job.job, job.url),
      markdownText(job.lane ?? ''),
      String(job.markers),
      job.error === undefined ? code(job.verdict) : `unreadable: ${markdownText(job.error)}`,
    ]);
    out += cutTable(['job', 'lane', 'markers', 'verdict'], rows, 'logs') + '\n';
  }
  return out;
}

function deltaRow(name: string, value: Delta): string[] {
  return [name, time(value.current), time(value.baseline), `**${signed(value.delta)}**`];
}

function comparisonSection(report: TimingReport): string {
  const c = report.comparison;
  if (c === undefined) return '';
  const baseline = link(
    `run ${c.baselineRunId}${c.baselineAttempt > 1 ? ` attempt ${c.baselineAttempt}` : ''}`,
    c.baselineUrl,
  );
  const rows = [
    deltaRow('wall', c.wall),
    deltaRow(
      report.headline.target === undefined ? 'target' : `to ${code(report.headline.target.target)}`,
      c.target,
    ),
    deltaRow('first red', c.firstRed),
    ...Object.entries(c.lanes).map(([lane, value]) => deltaRow(`lane ${code(lane)}`, value)),
    ...c.jobs.map((job) => deltaRow(markdownText(job.job), job)),
  ];
  return `#### Compared with ${baseline}\n\n${table(['', 'this run', 'baseline', 'change'], rows)}\n`;
}

function ganttJob(job: JobTiming): GanttJob {
  return {
    name: job.name,
    url: job.url,
    ...(job.lane === undefined ? {} : { lane: job.lane }),
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
    status: job.status,
    conclusion: job.conclusion,
  };
}

function ganttSection(report: TimingReport): string {
  const jobs = report.jobs.filter((job) => job.conclusion !== 'skipped').map(ganttJob);
  if (jobs.length === 0) return '';
  const charts = ganttCharts({ origin: report.origin, readAt: report.readAt, jobs });
  let out = '#### Timeline\n\n';
  for (const chart of charts) out += `\`\`\`mermaid\n${chart}\n\`\`\`\n\n`;
  out += details(
    `Jobs of the chart (${jobs.length}), with links`,
    ganttJobLinks({ jobs, readAt: report.readAt }),
  );
  return out;
}

/**
 * The step summary: the headline first (wall, target gate, first red, status, markers, and any
 * notice of missing data), then long poles, the critical path, lanes, step categories, cache,
 * markers, the comparison and the timeline. Fitted under the step summary limit.
 */
export function timingSummary(report: TimingReport): string {
  return fitSummary(
    [
      headlineSection(report),
      longPolesSection(report),
      criticalPathSection(report),
      lanesSection(report),
      categoriesSection(report),
      cacheSection(report),
      markersSection(report),
      comparisonSection(report),
      ganttSection(report),
    ].join(''),
  );
}
