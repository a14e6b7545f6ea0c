/**
 * `lanekit rehearse` benchmark: what `npm start` costs after `npm ci`, and where its time goes,
 * beside the floors it stands on, measured in the same run:
 *
 *   rehearse: `node dist/cli.js rehearse --json` end to end (rust-ci.yml, two runs, both lanes in
 *   the second), with the phases it reports (services, sample repository, each run, the output);
 *   --run-steps: the same with the `run:` steps (cargo check, clippy and test on every leg);
 *   the lanekit steps: each bundle's process as rehearse.json times it (start-up included), summed
 *   and at the median;
 *   node -e 0: a Node process and nothing else.
 *
 * `node bench/rehearse.ts`. Each is run 3 times and the best time counts; needs cargo.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RehearsalRecord } from '../src/rehearsal/rehearsal-output.ts';
import { requireBundle } from './lib/bundle.ts';
import { formatDuration, formatInt } from './lib/format.ts';
import { benchHeading } from './lib/heading.ts';
import { median } from './lib/stats.ts';
import { table } from './lib/table.ts';
import type { TimedProcess } from './lib/timed-process.ts';
import { timeProcess } from './lib/timed-process.ts';

const RUNS = 3;

async function best(command: string, args: readonly string[]): Promise<TimedProcess> {
  let fastest: TimedProcess | undefined;
  for (let i = 0; i < RUNS; i++) {
    const run = await timeProcess(command, args);
    if (run === undefined || run.code !== 0) {
      console.error(`${[command, ...args].join(' ')} failed:\n${run?.stderr ?? 'not started'}`);
      process.exit(1);
    }
    if (fastest === undefined || run.ms < fastest.ms) fastest = run;
  }
  return fastest!;
}

const cli = requireBundle('cli.js');
const out = mkdtempSync(join(tmpdir(), 'lanekit-bench-rehearse-'));
try {
  const node = process.execPath;
  const floor = await best(node, ['-e', '0']);
  const rehearse = await best(node, [cli.path, 'rehearse', '--json', '--out', join(out, 'a')]);
  const withSteps = await best(node, [
    cli.path,
    'rehearse',
    '--run-steps',
    '--json',
    '--out',
    join(out, 'b'),
  ]);
  const record = JSON.parse(rehearse.stdout) as RehearsalRecord;
  const stepMs = record.runs.flatMap((run) =>
    run.steps.filter((s) => s.action !== 'run').map((s) => s.ms),
  );
  const lanekitSteps = stepMs.length;

  console.log(benchHeading('lanekit rehearse'));
  if (cli.staleNote) console.log(cli.staleNote);
  console.log(`best of ${RUNS}; ${formatInt(lanekitSteps)} lanekit steps over both runs\n`);
  console.log(
    table(
      [
        ['', 'time', 'vs node -e 0'],
        [
          'rehearse (npm start)',
          formatDuration(rehearse.ms),
          `${(rehearse.ms / floor.ms).toFixed(0)}x`,
        ],
        [
          'rehearse --run-steps',
          formatDuration(withSteps.ms),
          `${(withSteps.ms / floor.ms).toFixed(0)}x`,
        ],
        [
          `its ${formatInt(lanekitSteps)} lanekit steps, summed`,
          formatDuration(stepMs.reduce((a, b) => a + b, 0)),
          '',
        ],
        [
          'one lanekit step, median',
          formatDuration(median(stepMs)),
          `${(median(stepMs) / floor.ms).toFixed(1)}x`,
        ],
        ['node -e 0', formatDuration(floor.ms), '1x'],
      ],
      'lrr',
    ),
  );
  console.log('\nwhere rehearse spent its time (the best run):\n');
  console.log(
    table([['phase', 'time'], ...record.phases.map((p) => [p.name, formatDuration(p.ms)])], 'lr'),
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
