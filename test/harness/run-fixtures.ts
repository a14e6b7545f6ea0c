/**
 * Generated workflow runs for timing-summary's tests and bench, each with what GitHub would
 * answer about it: the attempt, its jobs, the workflow file(s) at its head_sha, the cache usage,
 * the runs listing with a baseline on the default branch, and (given) job logs. Bodies are
 * built by run-bodies.ts (its header says how times follow from a plan) and validate against
 * GitHub's OpenAPI description (test/github/fixtures-openapi.test.ts). `serveScenario`
 * (src/rehearsal/run-api.ts) registers one on a GitHubApiServer.
 */
import type { ServedRun } from '../../src/rehearsal/run-api.ts';
import { prng } from '../../bench/lib/prng.ts';
import type {
  GeneratedAttempt,
  JobPlan,
  RunnerPlan,
  RunPlan,
  StepPlan,
} from '../../src/rehearsal/run-bodies.ts';
import { buildAttempt, cacheUsageBody, isoSeconds } from '../../src/rehearsal/run-bodies.ts';

export type {
  ApiJob,
  ApiStep,
  ApiWorkflowRun,
  GeneratedAttempt,
  JobPlan,
  RunPlan,
} from '../../src/rehearsal/run-bodies.ts';
export { buildAttempt, jobLog } from '../../src/rehearsal/run-bodies.ts';
export { contentFileBody, serveScenario } from '../../src/rehearsal/run-api.ts';
export type { ServeOptions } from '../../src/rehearsal/run-api.ts';

export interface RunScenario extends ServedRun {
  /** The attempt to summarize: the last of `attempts`. */
  readonly current: GeneratedAttempt;
  /** The plan `current` was built from, for figures computed by hand. */
  readonly plan: RunPlan;
  /** The job the summary runs in, still in progress, when the scenario has one. */
  readonly ownJobId: number | undefined;
  readonly baseline: GeneratedAttempt;
  readonly baselinePlan: RunPlan;
}

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const DEFAULT_BRANCH = 'main';
const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';
const SETUP_NODE = 'actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020';
const CACHE = 'actions/cache@5a3ec84eff668545956fd18022155c47e93e2684';
const GIB = 2 ** 30;

const sha = (seed: string) => seed.repeat(40).slice(0, 40);

/** A hosted runner, as GitHub names and groups them. */
export function hostedRunner(n: number): RunnerPlan {
  const id = 1_000_000_000 + n;
  return { name: `GitHub Actions ${id}`, id, groupId: 0, groupName: 'GitHub Actions' };
}

/** A self-hosted runner of the Velnor lane. */
export function velnorRunner(n: number): RunnerPlan {
  return {
    name: `velnor-${String(n).padStart(3, '0')}`,
    id: 700 + n,
    groupId: 3,
    groupName: 'velnor',
  };
}

/** The steps GitHub lists around a job's own: set up, checkout, …, post checkout, complete. */
function withFrame(own: readonly StepPlan[], setUp = 1): StepPlan[] {
  return [
    { name: 'Set up job', seconds: setUp },
    { name: `Run ${CHECKOUT}`, seconds: 2 },
    ...own,
    { name: `Post Run ${CHECKOUT}`, seconds: 1 },
    { name: 'Complete job', seconds: 0 },
  ];
}

const UBUNTU = ['ubuntu-latest'];

function nodeJob(
  key: string,
  n: number,
  queueSeconds: number,
  own: readonly StepPlan[],
  needs?: readonly string[],
): JobPlan {
  return {
    key,
    name: key,
    labels: UBUNTU,
    runner: hostedRunner(n),
    ...(needs ? { needs } : {}),
    queueSeconds,
    setupSeconds: 1,
    steps: withFrame([
      { name: `Run ${SETUP_NODE}`, seconds: 4 },
      { name: 'Run npm ci', seconds: 18 },
      ...own,
    ]),
  };
}

const SMALL_WORKFLOW = `name: CI
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
      - uses: ${SETUP_NODE}
      - run: npm ci
      - run: npm run lint
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
      - uses: ${SETUP_NODE}
      - run: npm ci
      - run: npm run build
  test:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
      - uses: ${SETUP_NODE}
      - run: npm ci
      - run: npm test
`;

interface PlanBase {
  readonly runId: number;
  readonly attempt?: number;
  readonly createdAt: string;
  readonly headBranch: string;
  readonly event: string;
  readonly headSha: string;
  readonly firstJobId: number;
  readonly runNumber: number;
}

function ciPlan(base: PlanBase, jobs: readonly JobPlan[], extra: Partial<RunPlan> = {}): RunPlan {
  return {
    owner: OWNER,
    repo: REPO,
    workflowName: 'CI',
    workflowFile: 'ci.yml',
    workflowId: 61_000_001,
    ...base,
    jobs,
    ...extra,
  };
}

/** lint ‖ build → test, all green. Seconds: lint 51 of steps, build 71, test 91. */
function smallJobs(scale = 1): JobPlan[] {
  const s = (seconds: number) => Math.round(seconds * scale);
  return [
    nodeJob('lint', 1, 3, [{ name: 'Run npm run lint', seconds: s(25) }]),
    nodeJob('build', 2, 4, [{ name: 'Run npm run build', seconds: s(44) }]),
    nodeJob(
      'test',
      3,
      5,
      [
        { name: 'Run actions/download-artifact@v4', seconds: 3 },
        { name: 'Run npm test', seconds: s(60) },
      ],
      ['build'],
    ),
  ];
}

const CREATED = '2026-11-02T09:00:00Z';
const PR_BRANCH = 'feature/faster-ci';

const prBase = (overrides: Partial<PlanBase> = {}): PlanBase => ({
  runId: 9_100_000_001,
  createdAt: CREATED,
  headBranch: PR_BRANCH,
  event: 'pull_request',
  headSha: sha('c0ffee'),
  firstJobId: 31_000_000_001,
  runNumber: 412,
  ...overrides,
});

const baselineBase = (): PlanBase => ({
  runId: 9_099_000_001,
  createdAt: '2026-11-01T18:00:00Z',
  headBranch: DEFAULT_BRANCH,
  event: 'push',
  headSha: sha('ba5e1'),
  firstJobId: 30_900_000_001,
  runNumber: 405,
});

/** A failed run on the default branch before the baseline: `status=success` must pass it over. */
const olderFailureBase = (): PlanBase => ({
  runId: 9_098_000_001,
  createdAt: '2026-11-01T12:00:00Z',
  headBranch: DEFAULT_BRANCH,
  event: 'push',
  headSha: sha('01de2'),
  firstJobId: 30_800_000_001,
  runNumber: 404,
});

function scenario(
  attempts: readonly GeneratedAttempt[],
  plan: RunPlan,
  baselinePlan: RunPlan,
  workflowFiles: Readonly<Record<string, string>>,
  extra: { ownJobId?: number; cacheBytes?: number; olderFailure?: RunPlan } = {},
): RunScenario {
  const current = attempts[attempts.length - 1]!;
  const baseline = buildAttempt(baselinePlan);
  const older = extra.olderFailure ? [buildAttempt(extra.olderFailure).run] : [];
  return {
    owner: OWNER,
    repo: REPO,
    attempts,
    current,
    plan,
    ownJobId: extra.ownJobId,
    workflowFiles,
    cacheUsage: cacheUsageBody(OWNER, REPO, extra.cacheBytes ?? Math.round(3.25 * GIB), 17),
    baseline,
    baselinePlan,
    workflowRuns: [current.run, baseline.run, ...older],
  };
}

function failing(jobs: readonly JobPlan[], key: string, stepName: string): JobPlan[] {
  return jobs.map((job) => {
    if (job.key !== key) return job;
    const at = job.steps.findIndex((step) => step.name === stepName);
    if (at === -1) throw new Error(`${key} has no step ${stepName}`);
    const steps = job.steps.map((step, i): StepPlan => {
      if (i === at) return { ...step, conclusion: 'failure' };
      // After a failure GitHub skips the job's own steps in no time; post steps still run.
      const runsAnyway = step.name.startsWith('Post ') || step.name === 'Complete job';
      return i > at && !runsAnyway ? { ...step, seconds: 0, conclusion: 'skipped' } : step;
    });
    return { ...job, steps };
  });
}

const smallFiles = { '.github/workflows/ci.yml': SMALL_WORKFLOW };

/** lint ‖ build → test, all green, three jobs with fixed durations. */
export function smallGreenRun(): RunScenario {
  const plan = ciPlan(prBase(), smallJobs());
  const baselinePlan = ciPlan(baselineBase(), smallJobs(1.2));
  return scenario([buildAttempt(plan)], plan, baselinePlan, smallFiles);
}

const DEPLOY_JOBS = (jobs: readonly JobPlan[]): JobPlan[] => [
  ...jobs,
  nodeJob('deploy', 4, 2, [{ name: 'Run npm run deploy', seconds: 12 }], ['test']),
  {
    ...nodeJob('report', 5, 2, [{ name: 'Run npm run report', seconds: 6 }], ['test', 'deploy']),
    always: true,
  },
];

const DEPLOY_WORKFLOW = `${SMALL_WORKFLOW}  deploy:
    needs: test
    runs-on: ubuntu-latest
    steps:
      - run: npm run deploy
  report:
    needs: [test, deploy]
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: npm run report
`;

/**
 * `test` fails at "Run npm test" (its later own steps skipped, post steps run), `deploy` that
 * needs it is skipped, `report` (`if: always()`) runs anyway.
 */
export function failedRun(): RunScenario {
  const plan = ciPlan(prBase(), failing(DEPLOY_JOBS(smallJobs()), 'test', 'Run npm test'));
  const baselinePlan = ciPlan(baselineBase(), DEPLOY_JOBS(smallJobs(1.1)));
  return scenario([buildAttempt(plan)], plan, baselinePlan, {
    '.github/workflows/ci.yml': DEPLOY_WORKFLOW,
  });
}

/**
 * Attempt 2 of a run whose attempt 1 failed: every job re-ran with new ids, an hour later.
 * Attempt 2's `created_at` is its own, as recorded attempt bodies show (releng-2499110858).
 */
export function rerunAttempt(): RunScenario {
  const first = ciPlan(prBase(), failing(DEPLOY_JOBS(smallJobs()), 'test', 'Run npm test'));
  const firstAttempt = buildAttempt(first);
  const plan = ciPlan(
    prBase({ attempt: 2, createdAt: '2026-11-02T10:00:00Z', firstJobId: 31_000_000_101 }),
    DEPLOY_JOBS(smallJobs()),
  );
  const baselinePlan = ciPlan(baselineBase(), DEPLOY_JOBS(smallJobs(1.1)));
  return scenario([firstAttempt, buildAttempt(plan)], plan, baselinePlan, {
    '.github/workflows/ci.yml': DEPLOY_WORKFLOW,
  });
}

/**
 * Read 70 s after the run was created: lint done, build in "Run npm run build", docs queued
 * for a macOS runner (created, not started), test not yet created so not listed.
 */
export function runningRun(): RunScenario {
  const docs: JobPlan = {
    ...nodeJob('docs', 9, 90, [{ name: 'Run npm run docs', seconds: 15 }]),
    labels: ['macos-latest'],
  };
  const plan = ciPlan(prBase(), [...smallJobs(), docs], { readAt: '2026-11-02T09:01:10Z' });
  const baselinePlan = ciPlan(baselineBase(), [...smallJobs(), { ...docs, queueSeconds: 20 }]);
  const workflow = `${SMALL_WORKFLOW}  docs:
    runs-on: macos-latest
    steps:
      - run: npm run docs
`;
  return scenario([buildAttempt(plan)], plan, baselinePlan, {
    '.github/workflows/ci.yml': workflow,
  });
}

/** The small green run with step times written in `+09:00` with milliseconds; job times in `Z`. */
export function offsetTimestampsRun(): RunScenario {
  const plan = ciPlan(prBase(), smallJobs(), { stepTimeOffset: '+09:00' });
  const baselinePlan = ciPlan(baselineBase(), smallJobs(1.2), { stepTimeOffset: '+09:00' });
  return scenario([buildAttempt(plan)], plan, baselinePlan, smallFiles);
}

/**
 * `noop` lists `steps: []`; in `build` "Run npm run build" starts 5 s before "Run npm ci"
 * ends, and "Post Run actions/cache" (listed after "Complete job") starts 3 s before it ends.
 */
export function oddStepsRun(): RunScenario {
  const build: JobPlan = {
    ...nodeJob('build', 2, 4, []),
    steps: [
      { name: 'Set up job', seconds: 2 },
      { name: `Run ${CACHE}`, seconds: 6 },
      { name: 'Run npm ci', seconds: 18 },
      { name: 'Run npm run build', seconds: 40, overlapSeconds: 5 },
      { name: 'Complete job', seconds: 4 },
      { name: `Post Run ${CACHE}`, seconds: 7, overlapSeconds: 3 },
    ],
  };
  const noop: JobPlan = { ...nodeJob('noop', 1, 2, []), steps: [] };
  const plan = ciPlan(prBase(), [noop, build]);
  const baselinePlan = ciPlan(baselineBase(), [noop, build]);
  const workflow = `name: CI
on: [pull_request]
jobs:
  noop:
    runs-on: ubuntu-latest
    steps:
      - run: "true"
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CACHE}
        with: { path: node_modules, key: npm }
      - run: npm ci
      - run: npm run build
`;
  return scenario([buildAttempt(plan)], plan, baselinePlan, {
    '.github/workflows/ci.yml': workflow,
  });
}

/** Two workflow jobs with the same `name:` "my dummy job", one needing the other. */
export function duplicateNamesRun(): RunScenario {
  const dummy = (key: string, n: number, seconds: number, needs?: string[]): JobPlan => ({
    ...nodeJob(key, n, 3, [{ name: 'Run echo dummy', seconds }], needs),
    name: 'my dummy job',
  });
  const jobs = [dummy('first', 1, 10), dummy('second', 2, 30, ['first'])];
  const plan = ciPlan(prBase(), jobs);
  const baselinePlan = ciPlan(baselineBase(), jobs);
  const workflow = `name: CI
on: [pull_request]
jobs:
  first:
    name: my dummy job
    runs-on: ubuntu-latest
    steps:
      - run: echo dummy
  second:
    name: my dummy job
    needs: first
    runs-on: ubuntu-latest
    steps:
      - run: echo dummy
`;
  return scenario([buildAttempt(plan)], plan, baselinePlan, {
    '.github/workflows/ci.yml': workflow,
  });
}

export interface MatrixRunOptions {
  /** Seeds every duration; default 11. */
  readonly seed?: number;
  /** The `summary / timing` job (the summary's own) is still running when the run is read. */
  readonly ownJobRunning?: boolean;
  /** How the running job's steps not yet reached are listed (see RunPlan); default queued. */
  readonly unreachedStepStatus?: 'queued' | 'pending';
  /** Shards per lane of clippy (default 49) and of test (default 98): 6 + 2 × (sum) jobs. */
  readonly clippyShards?: number;
  readonly testShards?: number;
}

const LANES = ['github', 'velnor'] as const;
type Lane = (typeof LANES)[number];
const LANE_LABELS: Readonly<Record<Lane, readonly string[]>> = {
  github: ['ubuntu-latest'],
  velnor: ['self-hosted', 'linux', 'x64', 'velnor'],
};

function matrixWorkflow(clippyShards: number, testShards: number): string {
  const range = (n: number) => `[${Array.from({ length: n }, (_, i) => i + 1).join(', ')}]`;
  const runsOn = `\${{ matrix.lane == 'velnor' && fromJSON('["self-hosted", "linux", "x64", "velnor"]') || 'ubuntu-latest' }}`;
  return `name: Lanes CI
on:
  pull_request:
  push:
    branches: [main]
permissions:
  actions: read
  contents: read
jobs:
  routing:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
      - run: ./route.sh
  lanes:
    needs: routing
    runs-on: ubuntu-latest
    steps:
      - run: ./lanes.sh
  warmup:
    needs: lanes
    strategy:
      matrix:
        lane: [github, velnor]
    runs-on: ${runsOn}
    steps:
      - uses: ${CHECKOUT}
      - uses: ${CACHE}
        with: { path: target, key: warm }
      - run: cargo build --all-targets
  clippy:
    needs: warmup
    strategy:
      matrix:
        lane: [github, velnor]
        shard: ${range(clippyShards)}
    runs-on: ${runsOn}
    steps:
      - uses: ${CHECKOUT}
      - uses: ${CACHE}
        with: { path: target, key: warm }
      - run: cargo clippy --all-targets -- -D warnings
  test:
    needs: warmup
    strategy:
      matrix:
        lane: [github, velnor]
        shard: ${range(testShards)}
    runs-on: ${runsOn}
    steps:
      - uses: ${CHECKOUT}
      - uses: ${CACHE}
        with: { path: target, key: warm }
      - run: cargo nextest run --partition count:\${{ matrix.shard }}/${testShards}
  required:
    needs: [clippy, test]
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: ./gate.sh
  summary:
    needs: required
    if: always()
    uses: ./.github/workflows/timing.yml
`;
}

const TIMING_WORKFLOW = `name: timing
on:
  workflow_call:
jobs:
  timing:
    runs-on: ubuntu-latest
    steps:
      - uses: lanekit/lanekit/actions/timing-summary@v1
`;

function matrixJobs(
  random: () => number,
  clippyShards: number,
  testShards: number,
  scale: number,
): JobPlan[] {
  const between = (low: number, high: number) =>
    Math.round((low + random() * (high - low)) * scale);
  let runnerNumber = 0;
  const runner = (lane: Lane) => (lane === 'github' ? hostedRunner : velnorRunner)(++runnerNumber);
  // Velnor queues longer (few machines) but runs faster (warm disks).
  const queue = (lane: Lane) => (lane === 'github' ? between(2, 12) : between(5, 40));
  const work = (lane: Lane, low: number, high: number) =>
    between(low, high) * (lane === 'velnor' ? 0.6 : 1);
  const cargoSteps = (lane: Lane, command: string, low: number, high: number): StepPlan[] =>
    withFrame([
      { name: `Run ${CACHE}`, seconds: Math.round(work(lane, 5, 25)) },
      { name: `Run ${command}`, seconds: Math.round(work(lane, low, high)) },
      { name: `Post Run ${CACHE}`, seconds: Math.round(work(lane, 1, 9)) },
    ]);
  const single = (key: string, command: string, seconds: number, needs?: string[]): JobPlan => ({
    key,
    name: key,
    labels: UBUNTU,
    runner: runner('github'),
    ...(needs ? { needs } : {}),
    queueSeconds: queue('github'),
    setupSeconds: 1,
    steps: withFrame([{ name: `Run ${command}`, seconds }]),
  });
  const legs = (key: string, shards: number, command: string, low: number, high: number) =>
    LANES.flatMap((lane) =>
      Array.from({ length: shards }, (_, i): JobPlan => ({
        key,
        name: `${key} (${lane}, ${i + 1})`,
        labels: LANE_LABELS[lane],
        runner: runner(lane),
        needs: ['warmup'],
        queueSeconds: queue(lane),
        setupSeconds: 1,
        steps: cargoSteps(lane, command.replace('SHARD', String(i + 1)), low, high),
      })),
    );
  return [
    single('routing', './route.sh', between(3, 8)),
    single('lanes', './lanes.sh', between(2, 5), ['routing']),
    ...LANES.map((lane): JobPlan => ({
      key: 'warmup',
      name: `warmup (${lane})`,
      labels: LANE_LABELS[lane],
      runner: runner(lane),
      needs: ['lanes'],
      queueSeconds: queue(lane),
      setupSeconds: 2,
      steps: cargoSteps(lane, 'cargo build --all-targets', 120, 300),
    })),
    ...legs('clippy', clippyShards, 'cargo clippy --all-targets -- -D warnings', 40, 160),
    ...legs('test', testShards, `cargo nextest run --partition count:SHARD/${testShards}`, 60, 420),
    { ...single('required', './gate.sh', 1, ['clippy', 'test']), always: true },
    {
      ...single('summary', 'lanekit/lanekit/actions/timing-summary@v1', between(10, 30), [
        'required',
      ]),
      name: 'summary / timing',
      always: true,
    },
  ];
}

/**
 * The two-lane matrix run: routing → lanes → warmup (github, velnor) → clippy and test shards
 * on both lanes → required gate → `summary / timing` (a reusable-workflow callee). 300 jobs by
 * default, durations drawn from `seed`.
 */
export function twoLaneMatrixRun(options: MatrixRunOptions = {}): RunScenario {
  const seed = options.seed ?? 11;
  const clippyShards = options.clippyShards ?? 49;
  const testShards = options.testShards ?? 98;
  const base = { workflowName: 'Lanes CI', workflowFile: 'lanes-ci.yml', workflowId: 61_000_002 };
  const referencedWorkflows = [
    `${OWNER}/${REPO}/.github/workflows/timing.yml@refs/heads/${PR_BRANCH}`,
  ];
  const jobs = matrixJobs(prng(seed), clippyShards, testShards, 1);
  let plan = ciPlan(prBase(), jobs, { ...base, referencedWorkflows });
  let ownJobId: number | undefined;
  if (options.ownJobRunning === true) {
    // Read 5 s into the summary job's own step, so that it is the one job still running.
    const done = buildAttempt(plan);
    const own = done.jobs.jobs.find((job) => job.name === 'summary / timing')!;
    const ownStep = own.steps.find((step) => step.name.includes('timing-summary'))!;
    plan = {
      ...plan,
      readAt: isoSeconds(Date.parse(ownStep.started_at!) + 5000),
      ...(options.unreachedStepStatus ? { unreachedStepStatus: options.unreachedStepStatus } : {}),
    };
    ownJobId = own.id;
  }
  const baselinePlan = ciPlan(
    baselineBase(),
    matrixJobs(prng(seed + 1), clippyShards, testShards, 1.15),
    {
      ...base,
      referencedWorkflows: [
        `${OWNER}/${REPO}/.github/workflows/timing.yml@refs/heads/${DEFAULT_BRANCH}`,
      ],
    },
  );
  const olderFailure = ciPlan(
    olderFailureBase(),
    failing(baselinePlan.jobs, 'routing', 'Run ./route.sh'),
    base,
  );
  return scenario(
    [buildAttempt(plan)],
    plan,
    baselinePlan,
    {
      '.github/workflows/lanes-ci.yml': matrixWorkflow(clippyShards, testShards),
      '.github/workflows/timing.yml': TIMING_WORKFLOW,
    },
    {
      ...(ownJobId === undefined ? {} : { ownJobId }),
      cacheBytes: Math.round(9.4 * GIB),
      olderFailure,
    },
  );
}
