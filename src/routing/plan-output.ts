import type { Shrinks } from '../runner/json-output.ts';
import type { Plan } from './route-changes.ts';
import type { RoutePlan } from './plan.ts';

function withReasons(plan: Plan, keep: number): Plan {
  const routes = Object.fromEntries(
    Object.entries(plan.routes).map(([name, route]): [string, RoutePlan] => [
      name,
      {
        ...route,
        reasons: route.reasons.slice(0, keep),
        omittedReasons: route.omittedReasons + Math.max(0, route.reasons.length - keep),
      },
    ]),
  );
  return { ...plan, routes };
}

/**
 * How the `plan` output shrinks: fewer reasons per route, then none; every route's `run` stays,
 * and `omittedReasons` counts what was left out.
 */
export const PLAN_SHRINKS: Shrinks<Plan> = [
  (plan, truncation) => ({ ...withReasons(plan, 5), truncated: truncation }),
  (plan, truncation) => ({ ...withReasons(plan, 0), truncated: truncation }),
];
