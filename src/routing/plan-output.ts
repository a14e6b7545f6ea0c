import type { Shrinks } from '../runner/json-output.ts';
import type { Plan } from './route-changes.ts';
import type { RoutePlan } from './plan.ts';

/** The plan with each route's file list emptied and at most `keep` reasons. */
function cut(plan: Plan, keep: number): Plan {
  const routes = Object.fromEntries(
    Object.entries(plan.routes).map(([name, route]): [string, RoutePlan] => [
      name,
      {
        ...route,
        reasons: route.reasons.slice(0, keep),
        omittedReasons: route.omittedReasons + Math.max(0, route.reasons.length - keep),
        files: [],
      },
    ]),
  );
  return { ...plan, routes };
}

/**
 * How the `plan` output shrinks: without the file lists, then with 5 reasons per route, then
 * none; every route's `run` stays, `omittedReasons` counts the reasons left out, and
 * `truncated.files` says the lists are only in the plan file.
 */
export const PLAN_SHRINKS: Shrinks<Plan> = [
  (plan, truncation) => ({
    ...cut(plan, Number.POSITIVE_INFINITY),
    truncated: { ...truncation, files: true },
  }),
  (plan, truncation) => ({ ...cut(plan, 5), truncated: { ...truncation, files: true } }),
  (plan, truncation) => ({ ...cut(plan, 0), truncated: { ...truncation, files: true } }),
];
