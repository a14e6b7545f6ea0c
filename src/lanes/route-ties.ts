import { ConfigurationError, invalidValue } from '../runner/errors.ts';
import { parseJsonInput } from '../runner/inputs.ts';
import { ConfigNode } from '../runner/yaml-config.ts';
import { shown } from '../common/shown.ts';

/** What `must-run` says about the routes: which are on, and (from a plan) which exist. */
export interface RouteStates {
  readonly on: ReadonlySet<string>;
  /** Every route of the plan; undefined when must-run listed only the routes that are on. */
  readonly known: ReadonlySet<string> | undefined;
}

/** Which routes each job of `needs` stands for, and what that means for a skipped job. */
export interface RouteTies {
  readonly states: RouteStates;
  readonly routesOfJob: ReadonlyMap<string, readonly string[]>;
  /** Routes that are on but tie to no job of needs: nothing checks that they ran. */
  readonly unchecked: readonly string[];
}

const PLAN =
  "change-router's plan ({routes: {<route>: {run: true|false}}}), a JSON list of routes, or route names";

/** `must-run` as change-router's `plan` output. */
export function routeStatesFromPlan(plan: unknown): RouteStates {
  const routes =
    typeof plan === 'object' && plan !== null ? (plan as { routes?: unknown }).routes : undefined;
  if (typeof routes !== 'object' || routes === null || Array.isArray(routes)) {
    throw invalidValue('must-run', shown(plan), PLAN);
  }
  const on = new Set<string>();
  const known = new Set<string>();
  for (const [name, route] of Object.entries(routes as Record<string, unknown>)) {
    const run =
      typeof route === 'object' && route !== null ? (route as { run?: unknown }).run : undefined;
    if (typeof run !== 'boolean') {
      throw new ConfigurationError(
        `must-run: route '${name}' has no boolean run; expected ${PLAN}`,
      );
    }
    known.add(name);
    if (run) on.add(name);
  }
  return { on, known };
}

/** `must-run` as the names of the routes that are on (change-router's `routes` output). */
export function routeStatesFromNames(names: readonly unknown[]): RouteStates {
  const on = new Set<string>();
  for (const name of names) {
    if (typeof name !== 'string' || name.trim() === '') {
      throw invalidValue('must-run', shown(name), PLAN);
    }
    on.add(name.trim());
  }
  return { on, known: undefined };
}

/** `route-jobs`: a YAML mapping of route -> job ids of needs. */
/**
 * The `must-run` input: change-router's plan (`{...}`), a JSON list of route names, or a
 * comma/line list of names. Undefined when not given.
 */
export function parseMustRun(
  raw: string | undefined,
  list: (name: string) => string[],
): RouteStates | undefined {
  if (raw === undefined) return undefined;
  if (raw.startsWith('{'))
    return routeStatesFromPlan(parseJsonInput('must-run', raw, "change-router's plan"));
  if (raw.startsWith('[')) {
    const names = parseJsonInput('must-run', raw, 'a JSON list of route names');
    return routeStatesFromNames(Array.isArray(names) ? names : [names]);
  }
  return routeStatesFromNames(list('must-run'));
}

export function parseRouteJobs(text: string): Map<string, string[]> {
  const root = ConfigNode.parse(text, 'route-jobs input');
  const mapping = new Map<string, string[]>();
  for (const [route, jobs] of root.entries()) mapping.set(route, jobs.strings());
  if (mapping.size === 0) throw root.error('expected a mapping of route -> [jobs of needs]');
  return mapping;
}

const alike = (a: string) => a.toLowerCase().replace(/_/g, '-');

/**
 * Ties routes to jobs: by `route-jobs` where given, else to the job of needs named like the
 * route (`docker_e2e` ties to `docker-e2e`). Names that match nothing are configuration errors,
 * because a tie that never applies is exactly how a skipped job passes a gate unnoticed.
 */
export function tieRoutes(
  states: RouteStates,
  routeJobs: ReadonlyMap<string, readonly string[]> | undefined,
  jobs: readonly string[],
): RouteTies {
  const routes = states.known ?? states.on;
  const routesOfJob = new Map<string, string[]>();
  const tie = (route: string, job: string) => {
    routesOfJob.set(job, [...(routesOfJob.get(job) ?? []), route]);
  };
  for (const [route, tied] of routeJobs ?? []) {
    if (states.known && !states.known.has(route)) {
      throw invalidValue('route-jobs', route, `routes of the plan: ${[...states.known].join('|')}`);
    }
    for (const job of tied) {
      if (!jobs.includes(job))
        throw invalidValue('route-jobs', job, `jobs of needs: ${jobs.join('|')}`);
      tie(route, job);
    }
  }
  for (const route of routes) {
    if (routeJobs?.has(route)) continue;
    const job = jobs.find((j) => alike(j) === alike(route));
    if (job !== undefined) tie(route, job);
  }
  if (routesOfJob.size === 0) {
    throw new ConfigurationError(
      `must-run: none of the routes (${[...routes].join(', ') || 'none'}) ties to a job of needs (${jobs.join(', ')}); name jobs like their routes or map them with route-jobs`,
    );
  }
  const tiedRoutes = new Set([...routesOfJob.values()].flat());
  return {
    states,
    routesOfJob,
    unchecked: [...states.on].filter((route) => !tiedRoutes.has(route)),
  };
}
