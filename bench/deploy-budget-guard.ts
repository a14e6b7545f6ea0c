/**
 * deploy-budget-guard benchmark: counting 100,000 record lines spread over 32 job files (what a
 * large run's artifacts hold), beside `wc -l` and `grep -c` over the same files in the same run.
 *
 *   core: read, parse and check every line (JSON, keys, the 4096-byte limit), then count against
 *   a budget, in this process;
 *   step: the whole `mode: check` step from the bundle (dist/deploy-budget-guard.js) on the same
 *   lines in one file: start-up, counting, the summary, the outputs and their file;
 *   JSON.parse of every line, in this process, with no check and no count: the floor for any
 *   JavaScript reader of JSON lines;
 *   wc -l counts lines and grep -c counts lines with `"operation":"deploy"`: neither checks a
 *   record, so they are the floor for merely looking at every line.
 *
 * `node bench/deploy-budget-guard.ts`. Each is run 5 times and the best time counts. Exits 1 when
 * a count differs from the one the workload was built with.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBudget } from '../src/budget/budget.ts';
import { parseRecordFile } from '../src/budget/record-file.ts';
import { tallyBudget } from '../src/budget/tally.ts';
import { requireBundle } from './lib/bundle.ts';
import { formatDuration, formatInt } from './lib/format.ts';
import { benchHeading } from './lib/heading.ts';
import { prng } from './lib/prng.ts';
import { table } from './lib/table.ts';
import { fastest, timed } from './lib/timed.ts';
import type { TimedProcess } from './lib/timed-process.ts';
import { timeProcess } from './lib/timed-process.ts';

const LINES = 100_000;
const FILES = 32;
const RUNS = 5;
const SEED = 0xde_b10c;
const OPERATIONS = ['deploy', 'deploy', 'deploy', 'image-push', 'db.migrate'];

/** Records as writers make them: a few keys, some not counted, details up to ~1 KiB. */
function workload(dir: string): { files: string[]; deploys: number } {
  const random = prng(SEED);
  const chunks: string[][] = Array.from({ length: FILES }, () => []);
  let deploys = 0;
  for (let i = 0; i < LINES; i++) {
    const operation = OPERATIONS[Math.floor(random() * OPERATIONS.length)]!;
    const counted = random() > 0.1;
    if (operation === 'deploy' && counted) deploys++;
    const record = {
      operation,
      name: `app-${i % 977}`,
      counted,
      time: new Date(Date.UTC(2026, 4, 31, 5, 0, 0, i * 37)).toISOString(),
      ...(random() < 0.3 ? { detail: { log: 'x'.repeat(Math.floor(random() * 1024)) } } : {}),
    };
    chunks[i % FILES]!.push(`${JSON.stringify(record)}\n`);
  }
  const files = chunks.map((lines, n) => {
    const file = join(dir, `job-${String(n).padStart(2, '0')}.jsonl`);
    writeFileSync(file, lines.join(''));
    return file;
  });
  return { files, deploys };
}

const budget = parseBudget('deploy: >= 0\nimage-push: >= 0\ndb.migrate: >= 0');

function parseOnly(files: readonly string[]): number {
  let lines = 0;
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line === '') continue;
      JSON.parse(line);
      lines++;
    }
  }
  return lines;
}

function countCore(files: readonly string[]): number {
  const records = files.flatMap((file) => parseRecordFile(readFileSync(file), file, file));
  const report = tallyBudget(records, budget, { count: 0, cold: [], warm: [] });
  return report.operations[0]!.count;
}

async function best(command: string, args: readonly string[]): Promise<TimedProcess | undefined> {
  const runs: TimedProcess[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await timeProcess(command, args);
    if (run === undefined) return undefined;
    runs.push(run);
  }
  return fastest(runs);
}

/** The runner's environment for a check step reading `file`, set on this process for its child. */
function stepEnvironment(dir: string, file: string): void {
  const temp = mkdtempSync(join(dir, 'runner-temp-'));
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY']) {
    process.env[name] = join(temp, name);
    writeFileSync(process.env[name], '');
  }
  Object.assign(process.env, {
    RUNNER_TEMP: temp,
    GITHUB_JOB: 'budget',
    LANEKIT_BUDGET_FILE: file,
    INPUT_MODE: 'check',
    'INPUT_RUN-RECORDS': 'false',
    INPUT_BUDGET: 'deploy: >= 0\nimage-push: >= 0\ndb.migrate: >= 0',
    INPUT_SUMMARY: 'true',
  });
}

const dir = mkdtempSync(join(tmpdir(), 'lanekit-bench-budget-'));
try {
  const bundle = requireBundle('deploy-budget-guard.js');
  console.log(benchHeading('deploy-budget-guard'));
  if (bundle.staleNote) console.log(bundle.staleNote);
  const { files, deploys } = workload(dir);
  const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
  console.log(
    `${formatInt(LINES)} record lines in ${FILES} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${formatInt(deploys)} counted deploys\n`,
  );

  const core = fastest(Array.from({ length: RUNS }, () => timed(() => countCore(files))));
  const parsed = fastest(Array.from({ length: RUNS }, () => timed(() => parseOnly(files))));
  const joined = join(dir, 'all.jsonl');
  writeFileSync(joined, files.map((file) => readFileSync(file, 'utf8')).join(''));
  stepEnvironment(dir, joined);
  const step = await best(process.execPath, [bundle.path]);
  const wc = await best('wc', ['-l', ...files]);
  const grep = await best('grep', ['-c', '"operation":"deploy"', ...files]);

  const stepCount = /deploy-count = (\d+)/.exec(step?.stdout ?? '')?.[1];
  const wcCount = /(\d+) total/.exec(wc?.stdout ?? '')?.[1];
  const grepCount = (grep?.stdout ?? '')
    .split('\n')
    .filter((line) => line !== '')
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(':') + 1)), 0);
  const row = (what: string, ms: number | undefined, count: string, note: string) => [
    what,
    ms === undefined ? 'n/a' : formatDuration(ms),
    ms === undefined ? '' : `${formatInt(LINES / (ms / 1000))} lines/s`,
    count,
    note,
  ];
  console.log(
    table(
      [
        ['', 'best of 5', 'rate', 'count', ''],
        row('lanekit core', core.ms, formatInt(core.value), 'deploys counted, every line checked'),
        row(
          'lanekit check step',
          step?.ms,
          formatInt(Number(stepCount)),
          'node start-up, summary, outputs',
        ),
        row('JSON.parse', parsed.ms, formatInt(parsed.value), 'lines parsed, unchecked, uncounted'),
        row('wc -l', wc?.ms, formatInt(Number(wcCount)), 'lines, unchecked'),
        row('grep -c', grep?.ms, formatInt(grepCount), 'lines naming deploy, counted or not'),
      ],
      'lrrrl',
    ),
  );
  if (core.value !== deploys || Number(stepCount) !== deploys || Number(wcCount) !== LINES) {
    console.error(`\ncount mismatch: built ${deploys} deploys in ${LINES} lines`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
