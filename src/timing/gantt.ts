import { formatSeconds } from '../common/duration.ts';
import { markdownText } from '../runner/neutralize.ts';
import { table } from '../runner/summary.ts';

/** One job as the chart draws it: epoch milliseconds, null where GitHub has no time yet. */
export interface GanttJob {
  readonly name: string;
  readonly url: string | null;
  readonly lane?: string;
  readonly createdAt: number | null;
  readonly startedAt: number | null;
  readonly completedAt: number | null;
  readonly status: string;
  readonly conclusion: string | null;
}

export interface GanttInput {
  /** The run's createdAt, epoch ms: time 0 of every chart. */
  readonly origin: number;
  /** Where running jobs (and jobs still queued) end. */
  readonly readAt: number;
  readonly jobs: readonly GanttJob[];
  /** Each chart's Mermaid source stays under this many characters; GitHub renders up to 50,000. */
  readonly maxChars?: number;
}

export const GANTT_MAX_CHARS = 50_000;

/** Longer job names are cut (a name may be kilobytes): a row label, not the record. */
const LABEL_MAX_CHARS = 80;

/**
 * Room kept in each part for its first milestone, which names the part: the count is only known
 * at the end. Not a `title`: Mermaid sanitizes titles with DOMPurify, which needs a DOM, so a
 * title could not be checked by Mermaid's parser in Node.
 */
const FIRST_MILESTONE_RESERVE = 100;

/** The section of jobs without a lane in a chart whose other jobs have one. */
const NO_LANE = 'no lane';

/** Conclusions drawn red (`crit`). */
const RED = new Set(['failure', 'timed_out', 'startup_failure']);

/** Up to this span a chart counts seconds; longer runs count minutes. */
const SECONDS_SCALE_UP_TO_MS = 20 * 60_000;

/**
 * Mermaid Gantt charts of the jobs: a queue segment (created -> started, when it lasted) and a run
 * segment (started -> completed, or -> readAt while running) per job, one section per lane when
 * lanes are given, each job labelled `#<n>` where n is its 1-based position in `jobs`.
 *
 * Why the chart looks as it does:
 * - GitHub's Mermaid does not follow `click` links (users report it in mermaid-js/mermaid#4059
 *   and Mastercard/flow#738), and they would cost a third of the 50,000 characters. The `#<n>`
 *   labels point into the table of `ganttJobLinks` placed beside the chart instead.
 * - Times are elapsed, not clock times: `dateFormat x` reads milliseconds after 1970-01-01T00:00Z
 *   = the run's creation, and the axis prints them with `%s` (seconds since the epoch), which,
 *   unlike `%H:%M`, no reader's time zone shifts. Runs over 20 minutes are drawn with
 *   one chart millisecond per 60 real ones, so the same `%s` reads as minutes.
 * - Every part of a split chart starts with the same two milestones (run created, naming the
 *   part; last time drawn), so all parts share one time axis.
 * - Names are escaped into Mermaid's `#<code>;` entities for every character that its Gantt
 *   grammar or entity decoding treats as syntax (`:`, `#`, `;`, `%%`, quotes, `<`, newlines ...).
 */
export function ganttCharts(input: GanttInput): string[] {
  const maxChars = input.maxChars ?? GANTT_MAX_CHARS;
  const drawn = input.jobs
    .map((job, index) => segmentsOf(job, index + 1, input))
    .filter((segments) => segments !== undefined);
  if (drawn.length === 0) return [];
  const end = Math.max(input.origin, ...drawn.map((segments) => segments.end));
  const scale = end - input.origin <= SECONDS_SCALE_UP_TO_MS ? 1 : 60;
  const at = (time: number) => Math.round((time - input.origin) / scale);
  const header = [
    'gantt',
    '    dateFormat x',
    `    axisFormat %s ${scale === 1 ? 's' : 'min'}`,
    '    todayMarker off',
  ];
  const lastTime = drawn.some((segments) => segments.running) ? 'read at' : 'last job done';
  const lastMilestone = `    ${lastTime} :milestone, m1, ${at(end)}, ${at(end)}`;
  const hasLanes = drawn.some((segments) => segments.lane !== undefined);
  const fixedChars = lineChars(header) + lineChars([lastMilestone]) + FIRST_MILESTONE_RESERVE;

  const blocks = groupByLane(drawn).map((segments) => ({
    section: hasLanes ? `    section ${mermaidText(segments.lane ?? NO_LANE)}` : undefined,
    lines: segments.segments.map(
      (segment) =>
        `    ${segment.label} :${segment.tags}${segment.id}, ${at(segment.from)}, ${at(segment.to)}`,
    ),
  }));
  const budget = maxChars - fixedChars;
  let parts = packed(blocks, budget);
  if (parts.length > 1) {
    // As many parts, evenly filled: no last part with a handful of jobs.
    const largest = Math.max(...blocks.map(blockChars));
    const even = packed(
      blocks,
      Math.min(
        budget,
        Math.ceil(parts.reduce((sum, part) => sum + part.chars, 0) / parts.length) + largest,
      ),
    );
    if (even.length === parts.length) parts = even;
  }
  return parts.map((part, index) => {
    const which =
      parts.length === 1
        ? ''
        : ` (part ${index + 1} of ${parts.length}, ${part.jobs} of ${drawn.length} jobs)`;
    const firstMilestone = `    run created${which} :milestone, m0, 0, 0`;
    return [...header, firstMilestone, lastMilestone, ...part.lines].join('\n') + '\n';
  });
}

interface JobBlock {
  /** The job's section line, when the chart has sections. */
  readonly section: string | undefined;
  readonly lines: readonly string[];
}

interface Part {
  readonly jobs: number;
  readonly chars: number;
  readonly lines: readonly string[];
}

const blockChars = (block: JobBlock) =>
  lineChars(block.lines) + (block.section === undefined ? 0 : block.section.length + 1);

/**
 * Jobs in order, a part filled until the next job would pass `budget` characters (a part holds
 * at least one job); a part repeats the section line of its first job.
 */
function packed(blocks: readonly JobBlock[], budget: number): Part[] {
  const parts: { jobs: number; chars: number; lines: string[] }[] = [];
  let current: (typeof parts)[number] | undefined;
  let currentSection: string | undefined;
  for (const block of blocks) {
    if (current === undefined || (current.jobs > 0 && current.chars + blockChars(block) > budget)) {
      current = { jobs: 0, chars: 0, lines: [] };
      parts.push(current);
      currentSection = undefined;
    }
    const lines =
      block.section !== undefined && block.section !== currentSection
        ? [block.section, ...block.lines]
        : block.lines;
    current.lines.push(...lines);
    current.jobs += 1;
    current.chars += lineChars(lines);
    currentSection = block.section;
  }
  return parts;
}

/** The table beside the chart: each `#<n>` with its job's link, lane, status and times. */
export function ganttJobLinks(input: Pick<GanttInput, 'jobs' | 'readAt'>): string {
  const hasLanes = input.jobs.some((job) => job.lane !== undefined);
  const header = ['#', 'job', ...(hasLanes ? ['lane'] : []), 'status', 'queued', 'ran'];
  const rows = input.jobs.map((job, index) => {
    const name = markdownText(job.name);
    const url = job.url !== null && SAFE_URL.test(job.url) ? job.url : undefined;
    const queued =
      job.createdAt === null
        ? null
        : (job.startedAt ?? job.completedAt ?? input.readAt) - job.createdAt;
    const ran = job.startedAt === null ? null : (job.completedAt ?? input.readAt) - job.startedAt;
    return [
      String(index + 1),
      url === undefined ? name : `[${name}](${url})`,
      ...(hasLanes ? [markdownText(job.lane ?? '')] : []),
      markdownText(job.conclusion ?? job.status),
      queued === null ? '' : formatSeconds(Math.max(0, queued) / 1000),
      ran === null
        ? ''
        : formatSeconds(Math.max(0, ran) / 1000) + (job.completedAt === null ? ' so far' : ''),
    ];
  });
  return table(header, rows);
}

/** Links GitHub gives for jobs; anything else (or a character that would end the link) is not linked. */
const SAFE_URL = /^https:\/\/[^\s()<>"'`\\[\]]+$/;

interface Segment {
  readonly id: string;
  readonly label: string;
  readonly tags: string;
  readonly from: number;
  readonly to: number;
}

interface JobSegments {
  readonly number: number;
  readonly lane: string | undefined;
  readonly segments: readonly Segment[];
  readonly end: number;
  readonly running: boolean;
}

function segmentsOf(job: GanttJob, number: number, input: GanttInput): JobSegments | undefined {
  const clamp = (time: number) => Math.max(input.origin, time);
  const created = job.createdAt === null ? null : clamp(job.createdAt);
  const started = job.startedAt === null ? null : Math.max(clamp(job.startedAt), created ?? 0);
  if (created === null && started === null) return undefined;
  const done = job.completedAt === null ? null : clamp(job.completedAt);
  const label = `#${number} ${mermaidText(shortened(job.name))}`;
  const segments: Segment[] = [];
  if (created !== null) {
    const queueEnd = Math.max(created, started ?? done ?? input.readAt);
    if (queueEnd > created || started === null) {
      const waiting = started === null && done === null;
      segments.push({
        id: `q${number}`,
        label: `#${number} queued`,
        tags: waiting ? 'active, ' : 'done, ',
        from: created,
        to: queueEnd,
      });
    }
  }
  if (started !== null) {
    const runEnd = Math.max(started, done ?? input.readAt);
    const red = job.conclusion !== null && RED.has(job.conclusion);
    segments.push({
      id: `j${number}`,
      label,
      tags: red ? 'crit, ' : done === null ? 'active, ' : '',
      from: started,
      to: runEnd,
    });
  } else if (segments[0] !== undefined) {
    // A job that never started (queued, skipped, cancelled) keeps its name on its queue row.
    segments[0] = { ...segments[0], label: `${label} (not started)` };
  }
  return {
    number,
    lane: job.lane,
    segments,
    end: Math.max(...segments.map((segment) => segment.to)),
    running: done === null,
  };
}

/** Jobs of one lane together, lanes in the order they first appear, jobs in input order. */
function groupByLane(drawn: readonly JobSegments[]): JobSegments[] {
  const lanes = new Map<string | undefined, JobSegments[]>();
  for (const segments of drawn) {
    const lane = lanes.get(segments.lane);
    if (lane) lane.push(segments);
    else lanes.set(segments.lane, [segments]);
  }
  return [...lanes.values()].flat();
}

function shortened(name: string): string {
  const chars = Array.from(name);
  if (chars.length === 0) return '(unnamed)';
  return chars.length > LABEL_MAX_CHARS
    ? chars.slice(0, LABEL_MAX_CHARS - 3).join('') + '...'
    : name;
}

/**
 * Text for a task label or section name. Mermaid turns `#<code>;` into the character with that
 * code when it draws, so everything but letters, digits and harmless punctuation is written that
 * way; line breaks and other control characters become spaces.
 */
export function mermaidText(text: string): string {
  let escaped = '';
  // eslint-disable-next-line no-control-regex -- control characters are what becomes a space
  for (const ch of text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')) {
    escaped += /[A-Za-z0-9 .,_\-/()[\]+=@!?*]/.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return escaped.trim() === '' ? '(unnamed)' : escaped;
}

function lineChars(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + line.length + 1, 0);
}
