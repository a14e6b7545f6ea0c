/**
 * GitHub REST bodies of a workflow run built from a plan: the attempt
 * (`GET …/actions/runs/{run_id}/attempts/{n}`), its jobs listing (`{total_count, jobs}`, every
 * field GitHub sends, steps included), a runs listing item, the cache usage, and a job's log.
 * Field order and formats follow the recorded responses in test/fixtures/github-api/ (job times
 * `2026-09-22T10:03:28Z`, an offset's step times `2023-08-26T00:57:58.000+09:00`).
 *
 * The schedule, so that figures can be computed by hand from a plan: the run is created at
 * `createdAt`; jobs without needs are created `startDelaySeconds` later; a job with needs is
 * created `needsDelaySeconds` after the last leg of every job it needs completed. It starts
 * `queueSeconds` after it is created, its first step starts `setupSeconds` after that, each step
 * starts when the one before ends (less its `overlapSeconds`), and the job completes when its
 * last-ending step does (a job without steps completes `queueSeconds` + `setupSeconds` after it
 * is created). A job whose needs did not all succeed is skipped unless it is `always`, and a job
 * marked `skipped` (its own `if:` was false) is skipped whatever its needs did: either is created,
 * started and completed at one instant, `steps: []`, no runner. With `readAt`, the listing is
 * read at that instant: jobs not yet created are not listed, created ones not yet started are
 * `queued`, running ones `in_progress` with the running step `in_progress` and later steps
 * `queued` (or `pending`) with null times.
 */
import { createHash } from 'node:crypto';

export type StepConclusion = 'success' | 'failure' | 'skipped' | 'cancelled';

export interface StepPlan {
  readonly name: string;
  readonly seconds: number;
  /** Starts this many seconds before the step before it ends (post steps often do). */
  readonly overlapSeconds?: number;
  /** Defaults to success; a failed step fails its job. */
  readonly conclusion?: StepConclusion;
}

/** Who ran a job: hosted runners are `GitHub Actions <n>` in group 0 "GitHub Actions". */
export interface RunnerPlan {
  readonly name: string;
  readonly id: number;
  readonly groupId: number;
  readonly groupName: string;
}

export interface JobPlan {
  /** The workflow's job id, as `needs:` names it; every matrix leg or callee of it shares it. */
  readonly key: string;
  /** As the API lists it: `clippy (github, 3)`, `summary / timing`. */
  readonly name: string;
  readonly labels: readonly string[];
  readonly runner: RunnerPlan;
  /** Job keys this one needs. */
  readonly needs?: readonly string[];
  /** `if: always()`: runs even when a job it needs failed. */
  readonly always?: boolean;
  /** Skipped by its own `if:`, whatever its needs did. */
  readonly skipped?: boolean;
  readonly queueSeconds: number;
  readonly setupSeconds: number;
  readonly steps: readonly StepPlan[];
}

export interface RunPlan {
  readonly owner: string;
  readonly repo: string;
  readonly runId: number;
  readonly attempt?: number;
  /** The attempt's `created_at` (ISO). */
  readonly createdAt: string;
  readonly workflowName: string;
  /** The file name under .github/workflows/. */
  readonly workflowFile: string;
  readonly workflowId: number;
  readonly runNumber: number;
  readonly event: string;
  readonly headBranch: string;
  readonly headSha: string;
  /** `owner/repo/.github/workflows/x.yml@ref` of each reusable workflow the run calls. */
  readonly referencedWorkflows?: readonly string[];
  readonly firstJobId: number;
  readonly jobs: readonly JobPlan[];
  /** Seconds; default 2. */
  readonly startDelaySeconds?: number;
  /** Seconds; default 1. */
  readonly needsDelaySeconds?: number;
  /** When the listing is read (ISO); default: after every job completed. */
  readonly readAt?: string;
  /** Writes step times in this offset with milliseconds (`+09:00`), as some responses do. */
  readonly stepTimeOffset?: string;
  /**
   * The status of a running job's steps not yet reached: `queued` (default; what the OpenAPI
   * description allows and 2022 responses show) or `pending` (what GitHub sends now, as the
   * recorded rust-36108304465 job shows).
   */
  readonly unreachedStepStatus?: 'queued' | 'pending';
}

export interface ApiStep {
  readonly name: string;
  readonly status: 'queued' | 'pending' | 'in_progress' | 'completed';
  readonly conclusion: string | null;
  readonly number: number;
  readonly started_at: string | null;
  readonly completed_at: string | null;
}

export interface ApiJob {
  readonly id: number;
  readonly run_id: number;
  readonly workflow_name: string;
  readonly head_branch: string;
  readonly run_url: string;
  readonly run_attempt: number;
  readonly node_id: string;
  readonly head_sha: string;
  readonly url: string;
  readonly html_url: string;
  readonly status: 'queued' | 'in_progress' | 'completed';
  readonly conclusion: string | null;
  readonly created_at: string;
  readonly started_at: string;
  readonly completed_at: string | null;
  readonly name: string;
  readonly steps: readonly ApiStep[];
  readonly check_run_url: string;
  readonly labels: readonly string[];
  readonly runner_id: number | null;
  readonly runner_name: string | null;
  readonly runner_group_id: number | null;
  readonly runner_group_name: string | null;
}

export interface JobsListing {
  readonly total_count: number;
  readonly jobs: readonly ApiJob[];
}

/** A workflow-run body (attempt, run, or runs-listing item); its fields as GitHub sends them. */
export interface ApiWorkflowRun {
  readonly id: number;
  readonly name: string;
  readonly head_branch: string;
  readonly head_sha: string;
  readonly path: string;
  readonly status: string;
  readonly conclusion: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly run_attempt: number;
  readonly run_started_at: string;
  readonly html_url: string;
  readonly previous_attempt_url: string | null;
  readonly [field: string]: unknown;
}

export interface CacheUsageBody {
  readonly full_name: string;
  readonly active_caches_size_in_bytes: number;
  readonly active_caches_count: number;
}

/** One attempt of a run: what the attempt endpoint and its jobs listing answer. */
export interface GeneratedAttempt {
  readonly run: ApiWorkflowRun;
  readonly jobs: JobsListing;
}

const API = 'https://api.github.com';
const WEB = 'https://github.com';

/** GitHub's job and run times: whole seconds, `Z`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `2023-08-26T00:57:58.000+09:00`: the same instant written in another offset. */
function isoWithOffset(ms: number, offset: string): string {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) throw new Error(`stepTimeOffset must look like +09:00, got ${offset}`);
  const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  return new Date(ms + minutes * 60_000).toISOString().replace(/Z$/, offset);
}

function parseTime(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`${what} is not a time: ${iso}`);
  return ms;
}

function digest(text: string, length: number): string {
  return createHash('sha1').update(text).digest('hex').slice(0, length);
}

/** A node id shaped like GitHub's (`CR_kwDO…`), stable for the same kind and id. */
function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(digest(`${prefix}${id}`, 18), 'hex').toString('base64url')}`;
}

interface Timed {
  readonly plan: JobPlan;
  readonly createdAt: number;
  readonly startedAt: number;
  readonly completedAt: number;
  readonly skipped: boolean;
  readonly failed: boolean;
  readonly steps: readonly { plan: StepPlan; startedAt: number; completedAt: number }[];
}

/** Every job's times by the schedule in this file's header, in plan order. */
function schedule(plan: RunPlan): Timed[] {
  const created = parseTime(plan.createdAt, 'createdAt');
  const done = new Map<JobPlan, Timed>();
  const visit = (job: JobPlan, path: readonly string[]): Timed => {
    const known = done.get(job);
    if (known) return known;
    if (path.includes(job.key)) throw new Error(`needs cycle: ${[...path, job.key].join(' -> ')}`);
    const needed = (job.needs ?? []).flatMap((key) => {
      const legs = plan.jobs.filter((other) => other.key === key);
      if (legs.length === 0) throw new Error(`${job.name} needs unknown job ${key}`);
      return legs.map((leg) => visit(leg, [...path, job.key]));
    });
    const createdAt =
      needed.length === 0
        ? created + (plan.startDelaySeconds ?? 2) * 1000
        : Math.max(...needed.map((n) => n.completedAt)) + (plan.needsDelaySeconds ?? 1) * 1000;
    const blocked =
      job.skipped === true || (needed.some((n) => n.skipped || n.failed) && job.always !== true);
    const timed = blocked ? skippedJob(job, createdAt) : ranJob(job, createdAt);
    done.set(job, timed);
    return timed;
  };
  return plan.jobs.map((job) => visit(job, []));
}

function skippedJob(plan: JobPlan, at: number): Timed {
  return {
    plan,
    createdAt: at,
    startedAt: at,
    completedAt: at,
    skipped: true,
    failed: false,
    steps: [],
  };
}

function ranJob(plan: JobPlan, createdAt: number): Timed {
  const startedAt = createdAt + plan.queueSeconds * 1000;
  let cursor = startedAt + plan.setupSeconds * 1000;
  let completedAt = cursor;
  const steps = plan.steps.map((step) => {
    const stepStart = cursor - (step.overlapSeconds ?? 0) * 1000;
    const stepEnd = stepStart + step.seconds * 1000;
    cursor = stepEnd;
    completedAt = Math.max(completedAt, stepEnd);
    return { plan: step, startedAt: stepStart, completedAt: stepEnd };
  });
  const failed = plan.steps.some((step) => step.conclusion === 'failure');
  return { plan, createdAt, startedAt, completedAt, skipped: false, failed, steps };
}

function stepBody(
  step: Timed['steps'][number],
  number: number,
  readAt: number,
  time: (ms: number) => string,
  unreached: ApiStep['status'],
): ApiStep {
  const base = { name: step.plan.name, number };
  if (step.startedAt > readAt) {
    return { ...base, status: unreached, conclusion: null, started_at: null, completed_at: null };
  }
  if (step.completedAt > readAt) {
    const started_at = time(step.startedAt);
    return { ...base, status: 'in_progress', conclusion: null, started_at, completed_at: null };
  }
  return {
    name: step.plan.name,
    status: 'completed',
    conclusion: step.plan.conclusion ?? 'success',
    number,
    started_at: time(step.startedAt),
    completed_at: time(step.completedAt),
  };
}

function jobBody(plan: RunPlan, timed: Timed, id: number, readAt: number): ApiJob {
  const attempt = plan.attempt ?? 1;
  const { owner, repo, runId } = plan;
  const offset = plan.stepTimeOffset;
  const stepTime = (ms: number) => (offset ? isoWithOffset(ms, offset) : isoSeconds(ms));
  const queued = !timed.skipped && timed.startedAt > readAt;
  const running = !queued && timed.completedAt > readAt;
  const hasRunner = !timed.skipped && !queued;
  const status = queued ? 'queued' : running ? 'in_progress' : 'completed';
  const conclusion =
    status !== 'completed'
      ? null
      : timed.skipped
        ? 'skipped'
        : timed.failed
          ? 'failure'
          : 'success';
  return {
    id,
    run_id: runId,
    workflow_name: plan.workflowName,
    head_branch: plan.headBranch,
    run_url: `${API}/repos/${owner}/${repo}/actions/runs/${runId}`,
    run_attempt: attempt,
    node_id: nodeId('CR', id),
    head_sha: plan.headSha,
    url: `${API}/repos/${owner}/${repo}/actions/jobs/${id}`,
    html_url: `${WEB}/${owner}/${repo}/actions/runs/${runId}/job/${id}`,
    status,
    conclusion,
    created_at: isoSeconds(timed.createdAt),
    // A queued job already has a started_at (its creation), as recorded responses show.
    started_at: isoSeconds(queued ? timed.createdAt : timed.startedAt),
    completed_at: status === 'completed' ? isoSeconds(timed.completedAt) : null,
    name: timed.plan.name,
    steps: hasRunner
      ? timed.steps.map((step, i) =>
          stepBody(step, i + 1, readAt, stepTime, plan.unreachedStepStatus ?? 'queued'),
        )
      : [],
    check_run_url: `${API}/repos/${owner}/${repo}/check-runs/${id}`,
    labels: timed.skipped ? [] : timed.plan.labels,
    runner_id: hasRunner ? timed.plan.runner.id : null,
    runner_name: hasRunner ? timed.plan.runner.name : null,
    runner_group_id: hasRunner ? timed.plan.runner.groupId : null,
    runner_group_name: hasRunner ? timed.plan.runner.groupName : null,
  };
}

function userBody(login: string, id: number): Record<string, unknown> {
  const url = `${API}/users/${login}`;
  return {
    login,
    id,
    node_id: nodeId('U', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${WEB}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: 'Organization',
    site_admin: false,
  };
}

/** The `minimal-repository` GitHub puts in a run's `repository` and `head_repository`. */
function repositoryBody(owner: string, repo: string): Record<string, unknown> {
  const id = Number.parseInt(digest(`${owner}/${repo}`, 7), 16);
  const url = `${API}/repos/${owner}/${repo}`;
  return {
    id,
    node_id: nodeId('R', id),
    name: repo,
    full_name: `${owner}/${repo}`,
    private: false,
    owner: userBody(owner, id + 1),
    html_url: `${WEB}/${owner}/${repo}`,
    description: null,
    fork: false,
    url,
    forks_url: `${url}/forks`,
    keys_url: `${url}/keys{/key_id}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    teams_url: `${url}/teams`,
    hooks_url: `${url}/hooks`,
    issue_events_url: `${url}/issues/events{/number}`,
    events_url: `${url}/events`,
    assignees_url: `${url}/assignees{/user}`,
    branches_url: `${url}/branches{/branch}`,
    tags_url: `${url}/tags`,
    blobs_url: `${url}/git/blobs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    trees_url: `${url}/git/trees{/sha}`,
    statuses_url: `${url}/statuses/{sha}`,
    languages_url: `${url}/languages`,
    stargazers_url: `${url}/stargazers`,
    contributors_url: `${url}/contributors`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    commits_url: `${url}/commits{/sha}`,
    git_commits_url: `${url}/git/commits{/sha}`,
    comments_url: `${url}/comments{/number}`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    contents_url: `${url}/contents/{+path}`,
    compare_url: `${url}/compare/{base}...{head}`,
    merges_url: `${url}/merges`,
    archive_url: `${url}/{archive_format}{/ref}`,
    downloads_url: `${url}/downloads`,
    issues_url: `${url}/issues{/number}`,
    pulls_url: `${url}/pulls{/number}`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    labels_url: `${url}/labels{/name}`,
    releases_url: `${url}/releases{/id}`,
    deployments_url: `${url}/deployments`,
  };
}

function runBody(
  plan: RunPlan,
  timed: readonly Timed[],
  listed: readonly ApiJob[],
  readAt: number,
): ApiWorkflowRun {
  const attempt = plan.attempt ?? 1;
  const { owner, repo, runId } = plan;
  const runUrl = `${API}/repos/${owner}/${repo}/actions/runs/${runId}`;
  const created = parseTime(plan.createdAt, 'createdAt');
  const finished = timed.every((job) => job.completedAt <= readAt);
  const lastChange = Math.max(
    created,
    ...timed
      .flatMap((job) => [job.createdAt, job.startedAt, job.completedAt])
      .filter((t) => t <= readAt),
  );
  const failed = listed.some((job) => job.conclusion === 'failure');
  const commitTime = created - 60_000;
  const user = userBody('octocat', 583231);
  return {
    id: runId,
    name: plan.workflowName,
    node_id: nodeId('WFR', runId),
    head_branch: plan.headBranch,
    head_sha: plan.headSha,
    path: `.github/workflows/${plan.workflowFile}`,
    display_title: `Run ${plan.workflowName} on ${plan.headBranch}`,
    run_number: plan.runNumber,
    event: plan.event,
    status: finished ? 'completed' : 'in_progress',
    conclusion: finished ? (failed ? 'failure' : 'success') : null,
    workflow_id: plan.workflowId,
    check_suite_id: runId + 7,
    check_suite_node_id: nodeId('CS', runId + 7),
    url: runUrl,
    html_url: `${WEB}/${owner}/${repo}/actions/runs/${runId}`,
    pull_requests: [],
    created_at: isoSeconds(created),
    updated_at: isoSeconds(finished ? lastChange : readAt),
    actor: user,
    run_attempt: attempt,
    referenced_workflows: (plan.referencedWorkflows ?? []).map((path) => ({
      path,
      sha: plan.headSha,
      ref: `refs/heads/${plan.headBranch}`,
    })),
    run_started_at: isoSeconds(created),
    triggering_actor: user,
    jobs_url: `${runUrl}/jobs`,
    logs_url: `${runUrl}/attempts/${attempt}/logs`,
    check_suite_url: `${API}/repos/${owner}/${repo}/check-suites/${runId + 7}`,
    artifacts_url: `${runUrl}/artifacts`,
    cancel_url: `${runUrl}/cancel`,
    rerun_url: `${runUrl}/rerun`,
    previous_attempt_url: attempt > 1 ? `${runUrl}/attempts/${attempt - 1}` : null,
    workflow_url: `${API}/repos/${owner}/${repo}/actions/workflows/${plan.workflowId}`,
    head_commit: {
      id: plan.headSha,
      tree_id: digest(`tree ${plan.headSha}`, 40),
      message: `Change for ${plan.headBranch}`,
      timestamp: isoSeconds(commitTime),
      author: { name: 'Mona Octocat', email: 'mona@example.com' },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
    },
    repository: repositoryBody(owner, repo),
    head_repository: repositoryBody(owner, repo),
  };
}

/** The attempt and its jobs listing as GitHub answers them for `plan`. */
export function buildAttempt(plan: RunPlan): GeneratedAttempt {
  const timed = schedule(plan);
  const readAt =
    plan.readAt === undefined
      ? Math.max(...timed.map((job) => job.completedAt))
      : parseTime(plan.readAt, 'readAt');
  // GitHub lists jobs in the order they were created; ids grow in that order too.
  const listedOrder = timed
    .map((job, index) => ({ job, index }))
    .filter(({ job }) => job.createdAt <= readAt)
    .sort((a, b) => a.job.createdAt - b.job.createdAt || a.index - b.index);
  const jobs = listedOrder.map(({ job }, i) => jobBody(plan, job, plan.firstJobId + i, readAt));
  return { run: runBody(plan, timed, jobs, readAt), jobs: { total_count: jobs.length, jobs } };
}

/** The cache usage body for a repository. */
export function cacheUsageBody(
  owner: string,
  repo: string,
  bytes: number,
  count: number,
): CacheUsageBody {
  return {
    full_name: `${owner}/${repo}`,
    active_caches_size_in_bytes: bytes,
    active_caches_count: count,
  };
}

/**
 * A job's log as `GET …/actions/jobs/{job_id}/logs` serves it: every line prefixed with its
 * time, a group per step, and `extraLines` (markers to find, say) in the last step.
 */
export function jobLog(job: ApiJob, extraLines: readonly string[] = []): string {
  const lines: string[] = [];
  const steps = job.steps.filter((step) => step.started_at !== null);
  for (const [i, step] of steps.entries()) {
    const at = new Date(Date.parse(step.started_at!)).toISOString().replace('Z', '0000Z');
    lines.push(`${at} ##[group]${step.name}`, `${at} ${job.name}: step ${step.number}`);
    if (i === steps.length - 1) lines.push(...extraLines.map((line) => `${at} ${line}`));
    lines.push(`${at} ##[endgroup]`);
  }
  return `\uFEFF${lines.join('\n')}\n`;
}
