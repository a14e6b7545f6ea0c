/**
 * A simulated run as GitHub's API shows it while it runs: each finished leg becomes a job of the
 * run's plan (its lanekit and `run:` steps with their measured durations), and the attempt is
 * rebuilt from that plan by run-bodies.ts, so legs of one job run side by side and a job starts
 * after the jobs it needs, as GitHub schedules them. Each leg's log is what its steps printed,
 * a group per step, every line stamped with its step's start.
 */
import type { GitHubApiServer } from './github-api.ts';
import { serveScenario } from './run-api.ts';
import type { ServedRun } from './run-api.ts';
import type {
  ApiJob,
  ApiWorkflowRun,
  GeneratedAttempt,
  JobPlan,
  RunnerPlan,
  RunPlan,
  StepPlan,
} from './run-bodies.ts';
import { buildAttempt, cacheUsageBody, isoSeconds } from './run-bodies.ts';

export const OWNER = 'octo-org';
export const REPO = 'octo-repo';

/** A finished leg: its job's plan and what its steps printed. */
export interface FinishedLeg {
  readonly job: JobPlan;
  readonly output: readonly string[];
}

export interface SimulatedRunInit {
  readonly runId: number;
  readonly runNumber: number;
  readonly workflowName: string;
  /** The file name under .github/workflows/. */
  readonly workflowFile: string;
  readonly workflowText: string;
  readonly event: string;
  readonly headBranch: string;
  readonly headSha: string;
  /** The latest successful run of this workflow on the default branch, if any. */
  readonly baseline?: GeneratedAttempt;
  /** The repository's Actions cache as it is now; none: empty. */
  readonly cacheUsage?: () => CacheUsage;
}

export interface CacheUsage {
  readonly bytes: number;
  readonly count: number;
}

const WORKFLOW_ID = 161335;

/** A self-hosted runner for a leg whose runs-on names `self-hosted`; else a hosted one. */
export function runnerFor(labels: readonly string[], n: number): RunnerPlan {
  return labels.includes('self-hosted')
    ? {
        name: `${labels.at(-1) ?? 'self-hosted'}-${n}`,
        id: 500 + n,
        groupId: 2,
        groupName: 'Default',
      }
    : { name: `GitHub Actions ${n}`, id: 100 + n, groupId: 0, groupName: 'GitHub Actions' };
}

/** A step as a plan holds it, from its measured start and end (ms). */
export function stepPlan(name: string, startedMs: number, endedMs: number, ok: boolean): StepPlan {
  return { name, seconds: (endedMs - startedMs) / 1000, ...(ok ? {} : { conclusion: 'failure' }) };
}

export class SimulatedRun {
  readonly #init: SimulatedRunInit;
  readonly #createdAt: string;
  readonly #legs: FinishedLeg[] = [];
  readonly #logs = new Map<number, string>();
  #attempt: GeneratedAttempt | undefined;

  constructor(init: SimulatedRunInit, createdAtMs = Date.now()) {
    this.#init = init;
    this.#createdAt = isoSeconds(createdAtMs);
  }

  /** Serves the run on `api`; what it answers grows as legs finish. */
  serve(api: GitHubApiServer): void {
    const current = () => this.#attempt;
    const baseline = this.#init.baseline;
    const usageNow = this.#init.cacheUsage;
    const served: ServedRun = {
      owner: OWNER,
      repo: REPO,
      get attempts() {
        const attempt = current();
        return attempt === undefined ? [] : [attempt];
      },
      plan: { workflowId: WORKFLOW_ID, workflowFile: this.#init.workflowFile },
      workflowFiles: { [`.github/workflows/${this.#init.workflowFile}`]: this.#init.workflowText },
      get cacheUsage() {
        const usage = usageNow?.() ?? { bytes: 0, count: 0 };
        return cacheUsageBody(OWNER, REPO, usage.bytes, usage.count);
      },
      baseline,
      workflowRuns: baseline === undefined ? [] : [baseline.run],
    };
    serveScenario(api, served, { logs: this.#logs });
  }

  /** Adds a finished leg (a skipped job is a leg with `skipped` and no steps). */
  add(leg: FinishedLeg): void {
    this.#legs.push(leg);
    const attempt = buildAttempt(this.#plan());
    this.#attempt = attempt;
    // Jobs are listed in the order they were created, so a leg's id is found by its plan.
    const byName = new Map<string, FinishedLeg[]>();
    for (const finished of this.#legs) {
      byName.set(finished.job.name, [...(byName.get(finished.job.name) ?? []), finished]);
    }
    for (const job of attempt.jobs.jobs) {
      const finished = byName.get(job.name)?.shift();
      if (finished !== undefined) this.#logs.set(job.id, legLog(job, finished.output));
    }
  }

  /** The attempt as the API shows it now; undefined before the first leg finished. */
  attempt(): GeneratedAttempt | undefined {
    return this.#attempt;
  }

  /** The run as the runs listing shows it, once it has finished. */
  listing(): ApiWorkflowRun | undefined {
    return this.#attempt?.run;
  }

  #plan(): RunPlan {
    const init = this.#init;
    return {
      owner: OWNER,
      repo: REPO,
      runId: init.runId,
      createdAt: this.#createdAt,
      workflowName: init.workflowName,
      workflowFile: init.workflowFile,
      workflowId: WORKFLOW_ID,
      runNumber: init.runNumber,
      event: init.event,
      headBranch: init.headBranch,
      headSha: init.headSha,
      firstJobId: init.runId * 100,
      jobs: this.#legs.map((leg) => leg.job),
      // Times are what the steps took here: no queue or start-up delays are made up.
      startDelaySeconds: 0,
      needsDelaySeconds: 0,
    };
  }
}

/** A leg's log: a group per step with what it printed, every line at the step's start. */
function legLog(job: ApiJob, output: readonly string[]): string {
  const lines: string[] = [];
  for (const [i, step] of job.steps.entries()) {
    if (step.started_at === null) continue;
    const at = new Date(Date.parse(step.started_at)).toISOString().replace('Z', '0000Z');
    lines.push(`${at} ##[group]${step.name}`, `${at} ##[endgroup]`);
    for (const line of (output[i] ?? '').split('\n')) if (line !== '') lines.push(`${at} ${line}`);
  }
  return `\uFEFF${lines.join('\n')}\n`;
}
