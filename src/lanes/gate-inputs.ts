import { ConfigurationError } from '../runner/errors.ts';
import type { Need } from './needs.ts';
import { parseNeeds } from './needs.ts';
import type { RouteStates, RouteTies } from './route-ties.ts';
import { parseRouteJobs, tieRoutes } from './route-ties.ts';

/** The inputs of lane-matrix's gate mode, as given. */
export interface GateInputs {
  readonly needs: unknown;
  readonly allowedSkips: readonly string[];
  readonly allowedFailures: readonly string[];
  readonly mustRun: RouteStates | undefined;
  readonly routeJobs: string | undefined;
}

/**
 * The gate's needs and route ties, checked against each other: an excuse that names no job of
 * needs would excuse nothing, and route-jobs means nothing without must-run.
 */
export function gateRequestOf(inputs: GateInputs): { needs: Need[]; ties: RouteTies | undefined } {
  const needs = parseNeeds(inputs.needs);
  const jobs = needs.map((need) => need.job);
  for (const [input, names] of [
    ['allowed-skips', inputs.allowedSkips],
    ['allowed-failures', inputs.allowedFailures],
  ] as const) {
    const unknown = names.find((name) => !jobs.includes(name));
    if (unknown !== undefined) {
      throw new ConfigurationError(
        `${input}: got '${unknown}', expected jobs of needs: ${jobs.join('|')} (a name that matches nothing would excuse nothing)`,
      );
    }
  }
  if (inputs.routeJobs !== undefined && inputs.mustRun === undefined) {
    throw new ConfigurationError(
      'route-jobs: ties routes to jobs for must-run; set must-run to the plan of change-router',
    );
  }
  const ties = inputs.mustRun
    ? tieRoutes(
        inputs.mustRun,
        inputs.routeJobs === undefined ? undefined : parseRouteJobs(inputs.routeJobs),
        jobs,
      )
    : undefined;
  return { needs, ties };
}
