import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { rehearse } from '../rehearsal/rehearsal.ts';
import { writeRehearsal } from '../rehearsal/rehearsal-output.ts';
import { ROOT } from '../rehearsal/runner.ts';
import { parseCommandLine } from './command-line.ts';
import { UsageError } from './usage-error.ts';

const DEFAULT_WORKFLOW = 'examples/workflows/rust-ci.yml';
const LANE_CHOICES = ['github', 'velnor', 'both'] as const;

export const REHEARSE_USAGE = `Usage: lanekit rehearse [--workflow FILE] [--lanes github|velnor|both] [--run-steps] [--out DIR]
                        [--json]

Run a workflow's lanekit steps on this machine, as GitHub would run them, and write what they
reported. A sample repository with a history is built in a temp dir (a Cargo workspace locked
against a loopback registry, an npm app); local services answer as GitHub does (the REST API
for the run's jobs, logs and workflow file; the cache and artifact services over Azurite). Two
runs: a push to main (the baseline), then the feature branch dispatched on --lanes, whose new
dependency makes each lane's warm-up populate once and every fan-out job restore offline.
Other actions (checkout) are not run, nor are run: steps unless --run-steps says so.

Options:
  --workflow FILE   The workflow. Default: ${DEFAULT_WORKFLOW} of the lanekit package.
  --lanes LANES     The feature run's lanes input: ${LANE_CHOICES.join(', ')}. Default: both.
  --run-steps       Also run the run: steps, in bash as the runner does: for rust-ci.yml, cargo
                    checks, lints and tests each leg offline, and the logs show it. Needs the
                    tools those steps call (cargo clippy).
  --out DIR         Where every step summary, rehearsal.json and index.html go (the directory is
                    replaced). Default: out.
  --json            Print rehearsal.json instead of the progress lines.
  -h, --help        Print this help.

Needs: cargo (rustup), and Azurite and mermaid as 'npm ci' installs them in the lanekit checkout.
A workflow whose lanekit steps count on its own scripts is judged as if they did nothing:
rehearsed, deploy-tests.yml deploys nothing (the sample repository has no ci/deploy), so
deploy-budget-guard fails it with deploy-count = 0 (expect 1).

Exit status: 0 every job of both runs succeeded or was skipped; 1 a job failed (the page says
which); 2 a bad option, or a missing tool; 3 the rehearsal could not finish.
`;

const REHEARSE_OPTIONS = {
  workflow: { type: 'string', placeholder: 'FILE', expected: 'a workflow file' },
  lanes: { type: 'string', placeholder: 'LANES', expected: `one of ${LANE_CHOICES.join('|')}` },
  out: { type: 'string', placeholder: 'DIR', expected: 'a directory' },
  'run-steps': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** `lanekit rehearse`. */
export async function rehearseCommand(args: readonly string[]): Promise<number> {
  const line = parseCommandLine({ options: REHEARSE_OPTIONS }, args);
  if (line.help) {
    process.stdout.write(REHEARSE_USAGE);
    return 0;
  }
  const { values } = line;
  const workflowFile = resolve(values.workflow ?? join(ROOT, DEFAULT_WORKFLOW));
  if (!existsSync(workflowFile)) {
    throw new UsageError(`--workflow: no such file '${values.workflow ?? workflowFile}'`);
  }
  const lanes = values.lanes ?? 'both';
  if (!(LANE_CHOICES as readonly string[]).includes(lanes)) {
    throw new UsageError(`--lanes: got '${lanes}', expected ${REHEARSE_OPTIONS.lanes.expected}`);
  }
  const outDir = resolve(values.out ?? 'out');
  const json = values.json === true;
  const progress = (text: string) => {
    if (!json) process.stderr.write(`${text}\n`);
  };
  const started = performance.now();
  const rehearsal = await rehearse({
    workflowFile,
    lanes,
    runSteps: values['run-steps'] === true,
    progress,
  });
  const record = writeRehearsal(rehearsal, outDir);
  const failed = record.runs.flatMap((run) =>
    run.jobs.filter((job) => job.result === 'failure').map((job) => `${run.title}: ${job.id}`),
  );
  if (json) {
    process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
  } else {
    const shown = relative(process.cwd(), outDir);
    const page = join(isAbsolute(shown) || shown.startsWith('..') ? outDir : shown, record.index);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `${failed.length === 0 ? 'Every job succeeded or was skipped' : `Failed: ${failed.join('; ')}`} (${seconds} s).\n` +
        `Summaries: ${page}${record.chartsDrawn ? '' : ' (mermaid is not installed: charts show as source)'}\n`,
    );
  }
  return failed.length === 0 ? 0 : 1;
}
