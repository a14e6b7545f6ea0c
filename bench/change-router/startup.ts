/**
 * Part (b), start-up: spawn-to-exit of change-router from dist/ on the fixture's pull request,
 * beside `node -e 0`, the least any action's process costs.
 */
import type { RunResult } from '../../src/rehearsal/runner.ts';
import { runAction } from '../../src/rehearsal/runner.ts';
import { formatDuration as duration } from '../lib/format.ts';
import { median, percentile } from '../lib/stats.ts';
import { table } from '../lib/table.ts';
import { timed } from '../lib/timed.ts';
import { timeProcess } from '../lib/timed-process.ts';
import type { PartResult } from './part-result.ts';
import type { PullRequestFixture } from './pull-request-fixture.ts';
import { buildPullRequestFixture } from './pull-request-fixture.ts';

/** change-router as the runner starts it, on the fixture's pull_request event. */
function runChangeRouter(fixture: PullRequestFixture): Promise<RunResult> {
  return runAction('change-router', {
    event: { name: 'pull_request', payload: fixture.payload },
    workspace: fixture.workspace,
    env: fixture.env,
  });
}

/** `node -e 0`, spawned as the harness spawns an action; wall time from spawn to close. */
async function timeNodeNoop(): Promise<number> {
  const noop = await timeProcess(process.execPath, ['-e', '0']);
  if (noop?.code !== 0) throw new Error(`node -e 0 failed: ${noop?.stderr ?? 'not started'}`);
  return noop.ms;
}

type StartupTimes =
  | { readonly actionMs: readonly number[]; readonly noopMs: readonly number[] }
  | { readonly failedRun: RunResult; readonly run: number };

/**
 * Spawn-to-exit times of both, already warm, `runs` of each in turns so that noise hits both
 * alike. Stops at the first run of change-router that fails.
 */
async function timeStartup(fixture: PullRequestFixture, runs: number): Promise<StartupTimes> {
  const actionMs: number[] = [];
  const noopMs: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const result = await runChangeRouter(fixture);
    if (result.exitCode !== 0) return { failedRun: result, run };
    actionMs.push(result.durationMs);
    noopMs.push(await timeNodeNoop());
  }
  return { actionMs, noopMs };
}

function actionFailed(result: RunResult, run?: number): PartResult {
  const exit = `change-router exited with ${String(result.exitCode)}`;
  console.log(`  ${run ? `run ${run}: ` : ''}${exit}:\n${result.stdout}${result.stderr}`);
  return { verdict: `(b) FAIL: ${exit}${run ? ` on run ${run}` : ''}`, failed: true };
}

/** Part (b): builds the fixture, checks the action sees the whole PR, then times and reports. */
export async function benchStartup(runs: number, targetMs: number): Promise<PartResult> {
  const built = timed(buildPullRequestFixture);
  const fixture = built.value;
  try {
    console.log(`  temp repo: ${fixture.description} (built in ${duration(built.ms)})`);
    // Warm-up (disk cache, git's own start-up), then the runs interleaved so noise hits both.
    const first = await runChangeRouter(fixture);
    if (first.exitCode !== 0) return actionFailed(first);
    const changed = first.outputs['changed-files'];
    console.log(
      `  outputs: changed-files=${changed ?? '(unset)'}, routes=${first.outputs.routes ?? ''}, fallback-reason=${first.outputs['fallback-reason'] || '(none)'}`,
    );
    if (changed !== String(fixture.changedFiles)) {
      return {
        verdict: `(b) FAIL: the action saw ${changed ?? 'no'} changed files, expected ${fixture.changedFiles}`,
        failed: true,
      };
    }
    await timeNodeNoop();
    const times = await timeStartup(fixture, runs);
    if ('failedRun' in times) return actionFailed(times.failedRun, times.run);

    const { actionMs, noopMs } = times;
    const row = (label: string, values: readonly number[]) => [
      label,
      ...[median(values), percentile(values, 90), Math.min(...values), Math.max(...values)].map(
        duration,
      ),
    ];
    const actionMedian = median(actionMs);
    const aboveNoop = duration(actionMedian - median(noopMs));
    const met = actionMedian <= targetMs;
    console.log('');
    console.log(
      table(
        [
          ['', 'median', 'p90', 'min', 'max'],
          row('node -e 0', noopMs),
          row('change-router (dist)', actionMs),
          ['difference', aboveNoop, duration(percentile(actionMs, 90) - percentile(noopMs, 90))],
        ],
        'lrrrr',
      ),
    );
    console.log('');
    console.log(`  target: action median <= ${targetMs} ms   ${met ? 'ok' : 'MISSED'}`);
    return {
      verdict: `(b) ${met ? 'PASS' : 'MISSED'}: change-router median ${duration(actionMedian)} spawn-to-exit for a ${fixture.changedFiles}-file PR (target <= ${targetMs} ms), ${aboveNoop} above node -e 0`,
      failed: false,
    };
  } finally {
    fixture.repo.cleanup();
  }
}
