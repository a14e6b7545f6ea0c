import type { RunJob } from '../github/run-jobs.ts';
import { splitJobName } from '../workflow/job-names.ts';
import { laneOfJob } from './lane-of.ts';
import type { LanesConfig } from './lanes-config.ts';
import type { Need, NeedResult } from './needs.ts';
import type { RouteTies } from './route-ties.ts';

/** Conclusions of a finished leg that count as red. */
const RED_CONCLUSIONS: ReadonlySet<string> = new Set([
  'failure',
  'cancelled',
  'timed_out',
  'action_required',
  'startup_failure',
  'stale',
]);

/** This run's jobs as the API lists them, with the lanes that tell their legs apart. */
export interface RunLegs {
  readonly config: LanesConfig;
  readonly jobs: readonly RunJob[];
  /** False when the API listed fewer jobs than it counted: a lost page may hide a red leg. */
  readonly complete: boolean;
  /**
   * Job id -> what its legs' names start with, from the workflow's `name:` (`e2e canary` for
   * `name: e2e canary (${{ matrix.suffix }})`), when the workflow file could be read.
   */
  readonly nameBases: ReadonlyMap<string, string>;
}

export interface GateRequest {
  readonly needs: readonly Need[];
  readonly allowedSkips: readonly string[];
  readonly allowedFailures: readonly string[];
  readonly ties: RouteTies | undefined;
  readonly legs: RunLegs | undefined;
}

export interface LegVerdict {
  readonly name: string;
  readonly lane: string;
  readonly required: boolean;
  readonly status: string;
  readonly conclusion: string | null;
  /** Red on a required lane. */
  readonly fatal: boolean;
  readonly url: string | null;
}

export interface JobDecision {
  readonly job: string;
  readonly result: NeedResult;
  readonly pass: boolean;
  readonly why: string;
  readonly legs: readonly LegVerdict[];
}

export interface GateOutcome {
  readonly pass: boolean;
  readonly decisions: readonly JobDecision[];
  /** Things the gate noticed that are not verdicts: unchecked routes, legs of no job. */
  readonly notes: readonly string[];
}

/**
 * Whether a job of the run is a leg of the `needs` job `job`: its name, before the last `(...)`,
 * is the job's id or the start of its `name:`, or that followed by ` / ` (a reusable workflow's
 * job, named `<caller> / <job>`).
 */
function isLegOf(job: string, runJobName: string, legs: RunLegs): boolean {
  const base = splitJobName(runJobName).base.toLowerCase();
  const names = [job, legs.nameBases.get(job)].flatMap((n) => (n ? [n.toLowerCase()] : []));
  return names.some((name) => base === name || base.startsWith(`${name} / `));
}

function legVerdicts(job: string, legs: RunLegs | undefined): LegVerdict[] {
  if (!legs) return [];
  return legs.jobs.flatMap((runJob) => {
    const lane = laneOfJob(legs.config, runJob.name);
    if (!lane || !isLegOf(job, runJob.name, legs)) return [];
    const red = runJob.conclusion !== null && RED_CONCLUSIONS.has(runJob.conclusion);
    return [
      {
        name: runJob.name,
        lane: lane.name,
        required: lane.required,
        status: runJob.status,
        conclusion: runJob.conclusion,
        fatal: red && lane.required,
        url: runJob.htmlUrl,
      },
    ];
  });
}

const list = (names: readonly string[]) => [...new Set(names)].join(', ');

function redLegs(legs: readonly LegVerdict[], required: boolean): LegVerdict[] {
  return legs.filter(
    (leg) =>
      leg.required === required && leg.conclusion !== null && RED_CONCLUSIONS.has(leg.conclusion),
  );
}

function decide(need: Need, request: GateRequest): JobDecision {
  const { job, result } = need;
  const legs = legVerdicts(job, request.legs);
  const decision = (pass: boolean, why: string): JobDecision => ({ job, result, pass, why, legs });
  const requiredRed = redLegs(legs, true);
  const optionalRed = redLegs(legs, false);
  const optionalNote =
    optionalRed.length > 0
      ? `; optional lane ${list(optionalRed.map((l) => l.lane))} red (${optionalRed.map((l) => l.name).join(', ')}): reported, not fatal`
      : '';
  const routes = request.ties?.routesOfJob.get(job) ?? [];
  const onRoutes = routes.filter((route) => request.ties?.states.on.has(route));

  switch (result) {
    case 'success':
      if (requiredRed.length > 0) {
        return decision(
          false,
          `succeeded, but required lane ${list(requiredRed.map((l) => l.lane))} has red legs (${requiredRed.map((l) => l.name).join(', ')}): is continue-on-error set for a required lane?`,
        );
      }
      return decision(true, `succeeded${optionalNote}`);
    case 'failure':
    case 'cancelled': {
      const verb = result === 'failure' ? 'failed' : 'was cancelled';
      if (request.allowedFailures.includes(job)) {
        return decision(true, `${verb}; allowed by allowed-failures`);
      }
      const onlyOptional =
        result === 'failure' &&
        request.legs?.complete === true &&
        requiredRed.length === 0 &&
        optionalRed.length > 0 &&
        legs.every((leg) => leg.status === 'completed');
      if (onlyOptional) {
        return decision(
          true,
          `failed only on optional lane ${list(optionalRed.map((l) => l.lane))} (${optionalRed.map((l) => l.name).join(', ')}): reported, not fatal`,
        );
      }
      const where =
        requiredRed.length > 0 ? ` on required lane ${list(requiredRed.map((l) => l.lane))}` : '';
      return decision(false, `${verb}${where}`);
    }
    case 'skipped':
      if (onRoutes.length > 0) {
        return decision(
          false,
          `skipped although route ${onRoutes.join(', ')} is on: a routing or if: bug would pass unnoticed`,
        );
      }
      if (routes.length > 0) return decision(true, `skipped; route ${routes.join(', ')} is off`);
      if (request.allowedSkips.includes(job))
        return decision(true, 'skipped; allowed by allowed-skips');
      return decision(
        false,
        'skipped, and skipped is not success: list it in allowed-skips, or tie it to its route with must-run',
      );
  }
}

/**
 * The required check's verdict: every job of needs judged on its result, its lanes' legs (when
 * the run's jobs are known) and the routes it stands for. Skipped never passes by default.
 */
export function judgeGate(request: GateRequest): GateOutcome {
  const decisions = request.needs.map((need) => decide(need, request));
  const notes: string[] = [];
  for (const route of request.ties?.unchecked ?? []) {
    notes.push(
      `Route ${route} is on, but no job of needs is tied to it: nothing checks that it ran.`,
    );
  }
  if (request.legs && !request.legs.complete) {
    notes.push(
      'The API listed fewer jobs than it counted: a failure is never excused as optional-lane-only on a partial list.',
    );
  }
  return { pass: decisions.every((d) => d.pass), decisions, notes };
}
