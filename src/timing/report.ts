import type { LanesConfig } from '../lanes/lanes-config.ts';
import type { Verdict } from '../markers/report.ts';
import type { CategoryRule } from './category-rules.ts';
import type { LanePattern } from './lane-pattern.ts';
import type { RunInfo } from './run-data.ts';

/** What the figures are asked for, beside the data read about the run. */
export interface AnalysisOptions {
  /** The job whose completion is the run's target (`target-job`): a workflow job id or a listed name. */
  readonly targetJob?: string | undefined;
  /** Lanes from a lanes file; a job's lane is its lane's suffix in its name's last `(...)`. */
  readonly lanes?: LanesConfig | undefined;
  /** Lanes from job names, when there is no lanes file: `* ({lane})`. */
  readonly lanePattern?: LanePattern | undefined;
  /** The user's step-category rules, tried before the built-in ones. */
  readonly categoryRules?: readonly CategoryRule[] | undefined;
  /** The repository's Actions cache budget in bytes; default 10 GiB. */
  readonly cacheBudgetBytes?: number | undefined;
  /** Usage over budget at which the cache figure warns; default 0.9. */
  readonly cacheWarnRatio?: number | undefined;
  /** Rows in the long-pole tables; default 10. */
  readonly top?: number | undefined;
}

/** A moment of the run: seconds after the run's origin. Null when it has not happened. */
export type Offset = number | null;

/** One job of the run, timed. Seconds are whole-run figures; epoch ms are kept for the Gantt. */
export interface JobTiming {
  readonly id: number;
  readonly name: string;
  readonly url: string | null;
  readonly lane: string | undefined;
  /** The workflow job (`jobs.<id>`) the listed name belongs to, when the workflow was read. */
  readonly workflowJob: string | undefined;
  readonly status: string;
  readonly conclusion: string | null;
  /** Not completed: its figures end at the time the run was read. */
  readonly running: boolean;
  /** The job this summary runs in. */
  readonly own: boolean;
  readonly createdAt: number | null;
  readonly startedAt: number | null;
  readonly completedAt: number | null;
  /** Created -> started. */
  readonly queueSeconds: number | null;
  /** Started -> first step started. */
  readonly setupSeconds: number | null;
  /** First step started (or started) -> completed, or -> read for a running job. */
  readonly runSeconds: number | null;
  /** Started -> completed (or read): what the job held a runner. */
  readonly seconds: number | null;
  readonly startOffset: Offset;
  readonly endOffset: Offset;
}

export interface StepTiming {
  readonly job: string;
  readonly jobId: number;
  readonly step: string;
  readonly number: number;
  readonly url: string | null;
  readonly conclusion: string | null;
  readonly running: boolean;
  readonly seconds: number;
}

/** The first failed step (or failed job without a failed step), as a reviewer wants to open it. */
export interface FirstRed {
  readonly job: string;
  readonly step: string | undefined;
  readonly url: string | null;
  /** When it went red, from the origin. */
  readonly seconds: number;
}

export interface TargetGate {
  /** As given in `target-job`. */
  readonly target: string;
  /** The listed jobs it stands for. */
  readonly jobs: readonly string[];
  /** From the origin to the last of those jobs completing; null while any is not done. */
  readonly seconds: number | null;
  readonly conclusion: string | null;
}

export interface Headline {
  /** From the origin to the last completion, or to the time of reading while the run goes on. */
  readonly wallSeconds: number;
  readonly running: boolean;
  readonly status: string;
  readonly conclusion: string | null;
  readonly target: TargetGate | undefined;
  readonly firstRed: FirstRed | undefined;
  readonly markers: { readonly verdict: Verdict; readonly total: number } | undefined;
}

export interface Parallelism {
  /** Every job's started -> completed, added up: the run's time if nothing ran at once. */
  readonly sequentialSeconds: number;
  readonly wallSeconds: number;
  /** Sequential minus wall: what running jobs at once saved. */
  readonly savedSeconds: number;
}

/** One workflow job on the needs graph: its legs (matrix, reusable-workflow callees) together. */
export interface PathJob {
  readonly job: string;
  readonly legs: number;
  /** When its needs were all done (the origin for a job without needs). */
  readonly readyOffset: number;
  readonly startOffset: Offset;
  /** When its last leg completed (read, while one runs). */
  readonly finishOffset: number;
  /** Ready -> finish: queue, setup and run of its slowest leg, as the wall felt it. */
  readonly spanSeconds: number;
  /** How much later it could have finished without moving the wall. */
  readonly slackSeconds: number;
  readonly running: boolean;
}

export interface CriticalPath {
  /** The chain that set the wall, first job first. */
  readonly chain: readonly PathJob[];
  /** Every workflow job that ran, by slack, then by finish. */
  readonly jobs: readonly PathJob[];
  /** Listed jobs no workflow job gives the name of. */
  readonly unmatched: readonly string[];
}

export interface LaneTotals {
  readonly lane: string;
  readonly jobs: number;
  readonly failed: number;
  readonly running: number;
  readonly seconds: number;
  readonly queueSeconds: number;
  readonly longest: { readonly job: string; readonly seconds: number } | undefined;
}

/** The same job on two or more lanes: `clippy (GitHub)` and `clippy (Velnor)` as `clippy`. */
export interface LanePair {
  readonly job: string;
  readonly seconds: Readonly<Record<string, number | null>>;
}

export interface LaneFigures {
  readonly lanes: readonly LaneTotals[];
  readonly pairs: readonly LanePair[];
  /** Jobs in no lane. */
  readonly other: number;
}

export interface CategoryTotal {
  readonly category: string;
  readonly steps: number;
  /** Step time, overlapping steps of a job counted once. */
  readonly seconds: number;
  readonly longest:
    { readonly job: string; readonly step: string; readonly seconds: number } | undefined;
}

export interface CacheFigure {
  readonly activeBytes: number;
  readonly activeCount: number;
  readonly budgetBytes: number;
  readonly ratio: number;
  readonly warnRatio: number;
  readonly warning: boolean;
}

export interface JobMarkers {
  readonly job: string;
  readonly lane: string | undefined;
  readonly url: string | undefined;
  readonly markers: number;
  readonly verdict: Verdict;
  readonly error: string | undefined;
}

export interface MarkerFigures {
  readonly verdict: Verdict;
  readonly total: number;
  readonly explained: number;
  readonly logs: number;
  readonly unreadable: number;
  /** Unexplained markers per lane (`unknown` for logs in no lane). */
  readonly lanes: Readonly<Record<string, number>>;
  /** Logs with markers or errors, most markers first. */
  readonly jobs: readonly JobMarkers[];
}

/** This run beside a baseline: positive deltas are slower. */
export interface Delta {
  readonly current: number | null;
  readonly baseline: number | null;
  readonly delta: number | null;
}

export interface Comparison {
  readonly baselineRunId: number;
  readonly baselineAttempt: number;
  readonly baselineUrl: string;
  readonly wall: Delta;
  readonly target: Delta;
  readonly firstRed: Delta;
  readonly lanes: Readonly<Record<string, Delta>>;
  /** This run's longest jobs beside the same names in the baseline. */
  readonly jobs: readonly ({ readonly job: string } & Delta)[];
}

export interface TimingReport {
  readonly run: Pick<
    RunInfo,
    | 'id'
    | 'attempt'
    | 'workflowName'
    | 'workflowPath'
    | 'event'
    | 'headBranch'
    | 'headSha'
    | 'htmlUrl'
  > & {
    readonly previousAttempts: readonly { readonly attempt: number; readonly htmlUrl: string }[];
  };
  /** Epoch ms every offset counts from: the run's creation (this attempt's start on a re-run). */
  readonly origin: number;
  readonly readAt: number;
  readonly headline: Headline;
  readonly parallelism: Parallelism;
  /** Every job, in the order listed. */
  readonly jobs: readonly JobTiming[];
  readonly totalJobs: number;
  /** The longest steps, longest first. */
  readonly longestSteps: readonly StepTiming[];
  readonly criticalPath: CriticalPath | undefined;
  readonly lanes: LaneFigures | undefined;
  readonly categories: readonly CategoryTotal[];
  readonly cache: CacheFigure | undefined;
  readonly markers: MarkerFigures | undefined;
  readonly comparison: Comparison | undefined;
  /** Completed job name -> seconds, as lane-matrix's `shard-durations` reads it. */
  readonly durations: Readonly<Record<string, number>>;
  /** Rows in the long-pole tables. */
  readonly top: number;
  /** What is missing or partial, for the reader. */
  readonly notices: readonly string[];
}
