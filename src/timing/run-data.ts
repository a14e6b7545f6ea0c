import type { RunJob } from '../github/run-jobs.ts';
import type { MarkersReport } from '../markers/report.ts';
import type { Workflow } from '../workflow/workflow.ts';

/** One attempt of a workflow run, as `GET .../actions/runs/{id}/attempts/{n}` gives it. */
export interface RunInfo {
  readonly id: number;
  readonly attempt: number;
  /** The workflow's `name:` (or its path when it has none). */
  readonly workflowName: string;
  /** `.github/workflows/<file>`, from the run's `path`. */
  readonly workflowPath: string | undefined;
  readonly event: string;
  readonly headBranch: string | null;
  readonly headSha: string;
  /** queued, in_progress, completed, ... */
  readonly status: string;
  readonly conclusion: string | null;
  /**
   * Epoch milliseconds: the run's `created_at` as the attempt lists it, the clock every figure of
   * attempt 1 starts on (a re-run attempt counts from its runStartedAt: runOrigin in job-timing.ts).
   */
  readonly createdAt: number;
  /** When this attempt started; equal to createdAt for attempt 1. */
  readonly runStartedAt: number | null;
  readonly updatedAt: number | null;
  readonly htmlUrl: string;
  /** Links to earlier attempts of the run, oldest first. */
  readonly previousAttempts: readonly { readonly attempt: number; readonly htmlUrl: string }[];
}

/** The repository's Actions cache usage (`GET /repos/{owner}/{repo}/actions/cache/usage`). */
export interface CacheUsage {
  readonly activeBytes: number;
  readonly activeCount: number;
}

/** A finished run to compare with: its attempt and jobs. */
export interface BaselineRun {
  readonly run: RunInfo;
  readonly jobs: readonly RunJob[];
}

/**
 * Everything timing-summary read about a run: the input of every figure. Parts that could not be
 * read are undefined, and `notices` says which and why, so the report is partial, never wrong.
 */
export interface RunData {
  readonly run: RunInfo;
  /** Jobs of this attempt, as listed (100 a page, every page). */
  readonly jobs: readonly RunJob[];
  /** What the API said the attempt has; more than `jobs.length` means pages were lost. */
  readonly totalJobs: number;
  /** The workflow file at the run's head_sha; undefined when it could not be read. */
  readonly workflow: Workflow | undefined;
  /** The job this step runs in, when the runner says which (it is still in progress). */
  readonly ownJobId: number | undefined;
  readonly cache: CacheUsage | undefined;
  readonly baseline: BaselineRun | undefined;
  /** Markers from the scanned logs, when `scan-logs` asked for any. */
  readonly markers: MarkersReport | undefined;
  /** Epoch milliseconds at which the data was read: where running jobs and the wall so far end. */
  readonly readAt: number;
  /** What is missing or partial, said once each, for the reader. */
  readonly notices: readonly string[];
}
