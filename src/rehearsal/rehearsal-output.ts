/**
 * What a rehearsal leaves in its output directory: every step summary as Markdown
 * (`<run>/<nn>-<job>-<action>.md`), `rehearsal.json` (the runs' jobs and steps), and
 * `index.html`, one page a person opens: the runs' jobs, then every summary rendered, Mermaid
 * drawn by `mermaid.min.js` copied beside it.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rehearsal, RehearsedRun } from './rehearsal.ts';
import { escapeHtml, htmlPage, mermaidBundlePath, summaryBodyHtml } from './summary-page.ts';
import type { SimulatedStep } from './workflow-run.ts';

export interface StepRecord {
  readonly job: string;
  readonly leg: string;
  readonly action: string;
  readonly exitCode: number | null;
  /** How long its process ran, start-up included. */
  readonly ms: number;
  readonly outputs: Readonly<Record<string, string>>;
  /** What it exported to the steps after it (GITHUB_ENV). */
  readonly exportedEnv: Readonly<Record<string, string>>;
  /** The summary's file, relative to the output directory; absent when the step wrote none. */
  readonly summary?: string;
}

export interface RunRecord {
  readonly title: string;
  readonly event: string;
  readonly branch: string;
  readonly jobs: readonly { readonly id: string; readonly result: string; readonly legs: number }[];
  readonly steps: readonly StepRecord[];
}

export interface RehearsalRecord {
  readonly workflow: string;
  readonly cache: Rehearsal['cache'];
  /** Where the rehearsal's time went, writing this directory included. */
  readonly phases: Rehearsal['phases'];
  readonly runs: readonly RunRecord[];
  /** The page, relative to the output directory. */
  readonly index: string;
  /** False when mermaid is not installed: the page shows the charts' source. */
  readonly chartsDrawn: boolean;
}

/** The leg's name as GitHub shows it, e.g. `test (github, 1/2)`. */
function legName(run: RehearsedRun, step: SimulatedStep): string {
  const job = run.simulation.jobs.get(step.job);
  const leg = job?.legs.find((l) => JSON.stringify(l.matrix) === JSON.stringify(step.matrix));
  return typeof leg?.name === 'string' ? leg.name : step.job;
}

const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '');

function runRecord(run: RehearsedRun, index: number, outDir: string): RunRecord {
  const dir = `run-${index + 1}`;
  mkdirSync(join(outDir, dir), { recursive: true });
  const steps = run.simulation.steps.map((step, n): StepRecord => {
    const leg = legName(run, step);
    const record = {
      job: step.job,
      leg,
      action: step.action,
      exitCode: step.result.exitCode,
      ms: Math.round(step.result.durationMs),
      outputs: step.result.outputs,
      exportedEnv: step.result.exportedEnv,
    };
    if (step.result.summary.trim() === '') return record;
    const file = `${dir}/${String(n + 1).padStart(2, '0')}-${fileSafe(leg)}-${step.action}.md`;
    writeFileSync(join(outDir, file), step.result.summary);
    return { ...record, summary: file };
  });
  return {
    title: run.title,
    event: run.event,
    branch: run.branch,
    jobs: [...run.simulation.jobs.values()].map((job) => ({
      id: job.id,
      result: job.result,
      legs: job.legs.length,
    })),
    steps,
  };
}

function jobsTable(record: RunRecord): string {
  const rows = record.jobs
    .map(
      (job, i) =>
        `<tr><td>${i + 1}</td><td><code>${escapeHtml(job.id)}</code></td><td>${job.result}</td><td>${job.legs}</td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th>#</th><th>job</th><th>result</th><th>legs</th></tr></thead><tbody>\n${rows}\n</tbody></table>\n`;
}

function runSection(run: RehearsedRun, record: RunRecord): string {
  const summaries = run.simulation.steps
    .map((step, n) => ({ step, record: record.steps[n]! }))
    .filter(({ record: r }) => r.summary !== undefined);
  const section = ({ step, record: r }: (typeof summaries)[number]) =>
    `<section class="step"><h3>${escapeHtml(r.leg)} · <code>${step.action}</code></h3>\n${summaryBodyHtml(step.result.summary)}</section>`;
  // The run's timing summary in view: it says where the time went; every other one folded.
  const timing = summaries.filter(({ step }) => step.action === 'timing-summary');
  const others = summaries.filter(({ step }) => step.action !== 'timing-summary');
  return (
    `<h2>${escapeHtml(record.title)}</h2>\n<p><code>${escapeHtml(record.event)}</code> on <code>${escapeHtml(record.branch)}</code></p>\n` +
    `<details><summary>Jobs, in the order they ended (${record.jobs.length})</summary>\n${jobsTable(record)}</details>\n` +
    `${timing.map(section).join('\n')}\n` +
    `<details><summary>Every other step summary (${others.length})</summary>\n${others.map(section).join('\n')}</details>\n`
  );
}

/** Writes the output directory afresh and returns what it holds. */
export function writeRehearsal(rehearsal: Rehearsal, outDir: string): RehearsalRecord {
  const started = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const records = rehearsal.runs.map((run, i) => runRecord(run, i, outDir));
  const mermaid = mermaidBundlePath();
  if (mermaid !== undefined) copyFileSync(mermaid, join(outDir, 'mermaid.min.js'));
  const intro =
    `<h1>lanekit rehearsal: <code>${escapeHtml(rehearsal.workflow)}</code></h1>\n` +
    `<p>The workflow's lanekit steps, run on this machine against a local GitHub (REST API, cache and artifact services on Azurite, a Cargo registry) on a sample repository: first the default branch's push (the baseline), then the feature branch. <code>run:</code> steps and other actions were not run. Cache entries saved: ${rehearsal.cache.saves}; restores served: ${rehearsal.cache.restores}.</p>\n`;
  // The latest run first: its summary compares it with the baseline below it.
  const body =
    intro +
    rehearsal.runs
      .map((run, i) => ({ run, record: records[i]! }))
      .reverse()
      .map(({ run, record }) => runSection(run, record))
      .join('\n');
  const html = htmlPage(body, {
    title: `lanekit rehearsal: ${rehearsal.workflow}`,
    mermaidSrc: mermaid === undefined ? undefined : 'mermaid.min.js',
  });
  writeFileSync(join(outDir, 'index.html'), html);
  const record: RehearsalRecord = {
    workflow: rehearsal.workflow,
    cache: rehearsal.cache,
    phases: [
      ...rehearsal.phases,
      { name: 'output: summaries and page', ms: Math.round(performance.now() - started) },
    ],
    runs: records,
    index: 'index.html',
    chartsDrawn: mermaid !== undefined,
  };
  writeFileSync(join(outDir, 'rehearsal.json'), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}
