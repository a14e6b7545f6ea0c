import { errorMessage } from '../common/error-message.ts';
import type { ApiJob, RunJob } from '../github/run-jobs.ts';
import { toRunJob } from '../github/run-jobs.ts';
import { DEFAULT_LANES_FILE } from '../lanes/lanes-config.ts';
import { analyzeRun } from '../timing/analysis.ts';
import { parseCategoryRules } from '../timing/category-rules.ts';
import { parseLanePattern } from '../timing/lane-pattern.ts';
import { runFromJobs } from '../timing/read-run.ts';
import { toRunInfo } from '../timing/read-run-info.ts';
import type { BaselineRun, RunData, RunInfo } from '../timing/run-data.ts';
import { timingSummary } from '../timing/summary.ts';
import type { Workflow } from '../workflow/workflow.ts';
import { parseWorkflow } from '../workflow/workflow.ts';
import { parseCommandLine } from './command-line.ts';
import { readLanesFile } from './lanes-file.ts';
import { readOptionFile, readOptionJson, withOptionNames } from './option-inputs.ts';
import { UsageError } from './usage-error.ts';

export const SUMMARY_USAGE = `Usage: lanekit summary --jobs FILE [--run FILE] [--workflow FILE] [--lanes-file FILE]
                       [--lane-pattern PATTERN] [--categories FILE] [--target-job JOB]
                       [--baseline-jobs FILE [--baseline-run FILE]] [--json]

Print timing-summary's report for one run attempt from files: its job list as the GitHub REST
API returns it (GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{n}/jobs, or .../jobs),
and optionally the run, its workflow file and a baseline run to compare with. Nothing is fetched:
save the responses first, e.g. gh api --paginate --slurp, and pass one page or a merged list.

Options:
  --jobs FILE            The job list: the response body {total_count, jobs: [...]}, a list of
                         such pages, or the jobs array itself.
  --run FILE             The run (GET .../actions/runs/{run_id}, or .../attempts/{n}). Without
                         it the run's times come from its jobs.
  --workflow FILE        The run's workflow file, for the critical path and the target's needs.
  --lanes-file FILE      The lanes file, to group jobs by lane. Default: ${DEFAULT_LANES_FILE}
                         when it exists.
  --lane-pattern PATTERN Lanes from job names when there is no lanes file, e.g. '* ({lane})'.
  --categories FILE      Step-category rules, as timing-summary's categories input.
  --target-job JOB       The job whose completion is the run's target: a workflow job id or a
                         listed name.
  --baseline-jobs FILE   The job list of a run to compare with.
  --baseline-run FILE    That run (without it, its times come from its jobs).
  --json                 Print the report as JSON, as timing-summary's report output.
  -h, --help             Print this help.

Jobs still running are timed up to the latest time the files hold.

Example:
  gh api repos/OWNER/REPO/actions/runs/RUN/attempts/1/jobs --paginate --slurp > jobs.json
  lanekit summary --jobs jobs.json --workflow .github/workflows/ci.yml --target-job test

Exit status: 0 the report was printed; 2 a bad option, a file that is not what it should be, an
unknown --target-job, or a bad lanes file.
`;

const SUMMARY_OPTIONS = {
  jobs: { type: 'string', placeholder: 'FILE', expected: 'the job list JSON file' },
  run: { type: 'string', placeholder: 'FILE', expected: 'the workflow run JSON file' },
  workflow: { type: 'string', placeholder: 'FILE', expected: 'the workflow file' },
  'lanes-file': { type: 'string', placeholder: 'FILE', expected: 'the lanes file' },
  'lane-pattern': {
    type: 'string',
    placeholder: 'PATTERN',
    expected: "a lane pattern such as '* ({lane})'",
  },
  categories: { type: 'string', placeholder: 'FILE', expected: 'the step-category rules file' },
  'target-job': { type: 'string', placeholder: 'JOB', expected: 'a workflow job id or job name' },
  'baseline-jobs': { type: 'string', placeholder: 'FILE', expected: 'the job list JSON file' },
  'baseline-run': { type: 'string', placeholder: 'FILE', expected: 'the workflow run JSON file' },
  json: { type: 'boolean' },
} as const;

const JOB_LIST = 'a job list as the REST API returns it: {total_count, jobs: [...]} or an array';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A job list file as read: its jobs in the API's shape, and the count the API said it has. */
interface JobList {
  readonly apiJobs: readonly Json[];
  readonly totalCount: number;
}

/** A response body, a list of bodies (`gh api --paginate --slurp`), or the bare jobs array. */
function jobListOf(option: string, body: unknown): JobList {
  const pages = Array.isArray(body) && body.every(isObject) && body.every((p) => 'jobs' in p);
  const bodies: unknown[] = pages ? body : [body];
  const apiJobs: Json[] = [];
  let totalCount = 0;
  for (const page of bodies) {
    const jobs = Array.isArray(page) ? page : isObject(page) ? page.jobs : undefined;
    if (!Array.isArray(jobs)) throw new UsageError(`--${option}: expected ${JOB_LIST}`);
    for (const job of jobs as unknown[]) {
      if (
        !isObject(job) ||
        typeof job.id !== 'number' ||
        typeof job.name !== 'string' ||
        typeof job.status !== 'string'
      ) {
        throw new UsageError(
          `--${option}: a job without a numeric id, a name and a status; expected ${JOB_LIST}`,
        );
      }
      apiJobs.push(job);
    }
    if (isObject(page) && typeof page.total_count === 'number') {
      totalCount = Math.max(totalCount, page.total_count);
    }
  }
  return { apiJobs, totalCount };
}

/** The jobs of `attempt` once each, as listRunAttemptJobs keeps them. */
function runJobs(list: JobList, attempt: number | undefined): RunJob[] {
  const byId = new Map<number, RunJob>();
  for (const apiJob of list.apiJobs) {
    const job = toRunJob(apiJob as unknown as ApiJob);
    if (attempt !== undefined && job.runAttempt !== undefined && job.runAttempt !== attempt)
      continue;
    byId.set(job.id, job);
  }
  return [...byId.values()];
}

function runInfoOf(option: string, body: unknown): RunInfo {
  if (
    !isObject(body) ||
    typeof body.id !== 'number' ||
    typeof body.html_url !== 'string' ||
    typeof body.created_at !== 'string'
  ) {
    throw new UsageError(
      `--${option}: expected a workflow run as the REST API returns it ({id, html_url, created_at, ...})`,
    );
  }
  return toRunInfo(body as unknown as Parameters<typeof toRunInfo>[0]);
}

/** The run as its jobs tell it: id, attempt and repository from their run_url. */
function runOfJobs(list: JobList, jobs: readonly RunJob[], readAt: number): RunInfo {
  const first = list.apiJobs[0] ?? {};
  const url = typeof first.run_url === 'string' ? first.run_url : '';
  const [, owner = 'unknown', repo = 'unknown'] =
    /\/repos\/([^/]+)\/([^/]+)\/actions\/runs\//.exec(url) ?? [];
  const runId = typeof first.run_id === 'number' ? first.run_id : 0;
  const attempt = typeof first.run_attempt === 'number' ? first.run_attempt : 1;
  return runFromJobs(
    { attempt: { owner, repo, runId, attempt }, isThisRun: false },
    jobs,
    {},
    readAt,
  );
}

/** The latest time the jobs hold: how far a job still running had got when they were saved. */
function latestTime(jobs: readonly RunJob[]): number {
  const times = jobs.flatMap((job) => [
    job.createdAt ?? 0,
    job.startedAt ?? 0,
    job.completedAt ?? 0,
    ...job.steps.flatMap((step) => [step.startedAt ?? 0, step.completedAt ?? 0]),
  ]);
  return Math.max(0, ...times);
}

/** A run and its jobs from a job list file and, when given, the run's file. */
function readRunFiles(
  jobsOption: string,
  jobsFile: string,
  runOption: string,
  runFile: string | undefined,
): { run: RunInfo; jobs: RunJob[]; list: JobList; readAt: number } {
  const list = jobListOf(jobsOption, readOptionJson(jobsOption, jobsFile, JOB_LIST));
  const given =
    runFile === undefined
      ? undefined
      : runInfoOf(runOption, readOptionJson(runOption, runFile, 'a workflow run'));
  const jobs = runJobs(list, given?.attempt);
  const latest = latestTime(jobs);
  const readAt = Math.max(latest, given?.updatedAt ?? 0);
  return { run: given ?? runOfJobs(list, jobs, readAt), jobs, list, readAt };
}

function readWorkflow(file: string): Workflow {
  const text = readOptionFile('workflow', file);
  try {
    return parseWorkflow(text);
  } catch (error) {
    throw new UsageError(`--workflow: ${file} is not a workflow file: ${errorMessage(error)}`);
  }
}

/** `lanekit summary`: timing-summary's analysis of a run read from files. */
export function summaryCommand(args: readonly string[]): Promise<number> {
  const line = parseCommandLine({ options: SUMMARY_OPTIONS }, args);
  if (line.help) {
    process.stdout.write(SUMMARY_USAGE);
    return Promise.resolve(0);
  }
  const { values } = line;
  if (values.jobs === undefined) throw new UsageError(`missing --jobs FILE, ${JOB_LIST}`);
  if (values['baseline-run'] !== undefined && values['baseline-jobs'] === undefined) {
    throw new UsageError('--baseline-run: describes the run of --baseline-jobs; give that too');
  }
  const { run, jobs, list, readAt } = readRunFiles('jobs', values.jobs, 'run', values.run);
  const notices: string[] = [];
  if (list.totalCount > jobs.length) {
    notices.push(
      `${values.jobs} lists ${jobs.length} of the ${list.totalCount} jobs of this attempt`,
    );
  }
  const baseline: BaselineRun | undefined =
    values['baseline-jobs'] === undefined
      ? undefined
      : readRunFiles(
          'baseline-jobs',
          values['baseline-jobs'],
          'baseline-run',
          values['baseline-run'],
        );
  const workflow = values.workflow === undefined ? undefined : readWorkflow(values.workflow);
  const categories = values.categories;
  const data: RunData = {
    run,
    jobs,
    totalJobs: Math.max(list.totalCount, jobs.length),
    workflow,
    ownJobId: undefined,
    cache: undefined,
    baseline,
    markers: undefined,
    readAt,
    notices,
  };
  const report = withOptionNames(Object.keys(SUMMARY_OPTIONS), () =>
    analyzeRun(data, {
      lanes: readLanesFile(values['lanes-file'], { optional: true }),
      lanePattern:
        values['lane-pattern'] === undefined
          ? undefined
          : parseLanePattern(values['lane-pattern'], 'lane-pattern'),
      categoryRules:
        categories === undefined
          ? undefined
          : parseCategoryRules(readOptionFile('categories', categories), categories),
      targetJob: values['target-job'],
    }),
  );
  process.stdout.write(
    values.json === true ? `${JSON.stringify(report, null, 2)}\n` : timingSummary(report),
  );
  return Promise.resolve(0);
}
