/**
 * One timing-summary step against a generated run: the local REST server answers for the run
 * (test/harness/run-fixtures.ts), the bundle runs as the runner would run it, and the report is
 * read back from its output.
 */
import type { GitHubApiServer, RecordedRequest } from '../../src/rehearsal/github-api.ts';
import { pullRequestPayload } from '../../src/rehearsal/payloads.ts';
import type { RunScenario, ServeOptions } from '../harness/run-fixtures.ts';
import { serveScenario } from '../harness/run-fixtures.ts';
import type { RunOptions, RunResult } from '../../src/rehearsal/runner.ts';
import { runAction } from '../../src/rehearsal/runner.ts';
import type { TimingReport } from '../../src/timing/report.ts';

export interface SummaryRun {
  readonly result: RunResult;
  /** The `report` output, parsed; undefined when the step failed before writing it. */
  readonly report: TimingReport | undefined;
  /** Every request the step made. */
  readonly requests: readonly RecordedRequest[];
  /** Requests to the API, not to the log storage it redirects to. */
  readonly apiRequests: number;
}

export interface SummaryOptions extends ServeOptions {
  readonly inputs?: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly event?: RunOptions['event'];
  /** Faults to queue on the server before the step runs. */
  readonly faults?: (api: GitHubApiServer) => void;
}

/** The event of a pull request run, whose payload names the default branch. */
export function pullRequestEvent(run: RunScenario): NonNullable<RunOptions['event']> {
  return {
    name: 'pull_request',
    payload: pullRequestPayload({ baseSha: 'a'.repeat(40), headSha: run.current.run.head_sha }),
  };
}

export async function summarize(
  api: GitHubApiServer,
  run: RunScenario,
  options: SummaryOptions = {},
): Promise<SummaryRun> {
  serveScenario(api, run, options);
  options.faults?.(api);
  const before = api.requests.length;
  const result = await runAction('timing-summary', {
    token: 'ghs_test',
    event: options.event ?? pullRequestEvent(run),
    inputs: options.inputs,
    env: {
      GITHUB_API_URL: api.url,
      GITHUB_REPOSITORY: `${run.owner}/${run.repo}`,
      GITHUB_RUN_ID: String(run.current.run.id),
      GITHUB_RUN_ATTEMPT: String(run.current.run.run_attempt),
      ...options.env,
    },
  });
  const requests = api.requests.slice(before);
  const output = result.outputs.report;
  return {
    result,
    report: output === undefined ? undefined : (JSON.parse(output) as TimingReport),
    apiRequests: requests.filter((request) => !request.path.startsWith('/job-logs/')).length,
    requests,
  };
}
