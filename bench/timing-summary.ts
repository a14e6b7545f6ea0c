/**
 * timing-summary benchmark: the action end to end (the bundle, dist/timing-summary.js, spawned as
 * the runner spawns it) on the generated 300-job two-lane run with every log scanned, served by
 * the local REST server with 50 ms of latency on every request (the API's and the log storage's
 * it redirects to), as a round trip to api.github.com takes. The same run is timed with logs read
 * one at a time (concurrency 1), with the action's default (4) and with 16. Target: under 5 s end
 * to end at 16. Concurrency 4 and 16 run 3 times and the quickest counts (the machine is shared);
 * one log at a time, 10x slower, runs once. `node bench/timing-summary.ts [--latency-ms N]`;
 * `npm run build` first.
 */
import { parseArgs } from 'node:util';
import { summarize } from '../test/actions/timing-summary-scenario.ts';
import { GitHubApiServer } from '../src/rehearsal/github-api.ts';
import { jobLog, twoLaneMatrixRun } from '../test/harness/run-fixtures.ts';
import { requireBundle } from './lib/bundle.ts';
import { formatDuration, formatInt } from './lib/format.ts';
import { benchHeading } from './lib/heading.ts';
import { table } from './lib/table.ts';
import { fastest } from './lib/timed.ts';

const TARGET_MS = 5000;
const CONCURRENCIES = [1, 4, 16] as const;
const RUNS = 3;

const { values } = parseArgs({ options: { 'latency-ms': { type: 'string', default: '50' } } });
const latencyMs = Number(values['latency-ms']);
const bundle = requireBundle('timing-summary.js');

const run = twoLaneMatrixRun();
const jobs = run.current.jobs.jobs;
const logs = new Map(jobs.map((job) => [job.id, jobLog(job)]));
const logBytes = [...logs.values()].reduce((sum, log) => sum + Buffer.byteLength(log), 0);

const rows: string[][] = [['concurrency', 'end to end', 'runs', 'API requests', 'log requests']];
const times = new Map<number, number>();
/** One end-to-end run of the bundle against a fresh server. */
async function summarizeOnce(concurrency: number) {
  const api = await GitHubApiServer.start({ latencyMs });
  try {
    const { result, requests, apiRequests } = await summarize(api, run, {
      logs,
      inputs: { 'scan-logs': 'all', concurrency: String(concurrency) },
    });
    if (result.exitCode !== 0) {
      console.error(result.stdout);
      process.exit(1);
    }
    const logRequests = requests.filter((r) => r.path.startsWith('/job-logs/')).length;
    return { ms: result.durationMs, apiRequests, logRequests };
  } finally {
    await api.close();
  }
}

for (const concurrency of CONCURRENCIES) {
  const runs = [];
  for (let i = 0; i < (concurrency === 1 ? 1 : RUNS); i++)
    runs.push(await summarizeOnce(concurrency));
  const best = fastest(runs);
  times.set(concurrency, best.ms);
  rows.push([
    String(concurrency),
    formatDuration(best.ms),
    runs.length === 1 ? '' : `(${runs.map((r) => formatDuration(r.ms)).join(', ')})`,
    formatInt(best.apiRequests),
    formatInt(best.logRequests),
  ]);
}

console.log(benchHeading('timing-summary'));
console.log(
  `  ${jobs.length} jobs, every log scanned (${formatInt(logBytes / 1024)} KiB in all), ${latencyMs} ms latency per request; the bundle spawned once per row`,
);
if (bundle.staleNote) console.log(`  ${bundle.staleNote}`);
console.log('');
console.log(table(rows, 'rrlrr'));
const quickest = times.get(16)!;
const serial = times.get(1)!;
console.log('');
console.log(
  `${quickest < TARGET_MS ? 'PASS' : 'MISSED'}: end to end in ${formatDuration(quickest)} at concurrency 16 (target < ${formatDuration(TARGET_MS)}; ${(serial / quickest).toFixed(1)}x faster than one log at a time, ${formatDuration(serial)})`,
);
if (quickest >= TARGET_MS) process.exitCode = 1;
