import type { RunJob } from '../github/run-jobs.ts';
import type { CategoryRule } from './category-rules.ts';
import { BUILTIN_CATEGORIES, BUILTIN_RULES, categoryOf, stepView } from './category-rules.ts';
import { isRunning, seconds } from './job-timing.ts';
import type { CategoryTotal } from './report.ts';

interface TimedStep {
  readonly name: string;
  readonly category: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Step time per category. Within a job, time two steps share (a post step that starts before
 * the step before it ends) counts once, for the step that started first: the categories add up
 * to the time the job spent in steps, never more. Steps without a start or an end (a completed
 * job's step that never ran) have no time; a running step ends at the time of reading.
 */
export function stepCategories(
  jobs: readonly RunJob[],
  userRules: readonly CategoryRule[],
  readAt: number,
): CategoryTotal[] {
  const rules = [...userRules, ...BUILTIN_RULES];
  const totals = new Map<
    string,
    { steps: number; ms: number; longest?: CategoryTotal['longest'] }
  >();
  for (const category of [
    ...new Set([...userRules.map((r) => r.category), ...BUILTIN_CATEGORIES]),
  ]) {
    totals.set(category, { steps: 0, ms: 0 });
  }
  // Matrix legs repeat the same steps: each name is tried against the rules once.
  const categories = new Map<string, string>();
  const categoryOfName = (name: string) => {
    let category = categories.get(name);
    if (category === undefined) {
      category = categoryOf(stepView(name), rules);
      categories.set(name, category);
    }
    return category;
  };
  for (const job of jobs) {
    const steps: TimedStep[] = [];
    for (const step of job.steps) {
      const end =
        step.completedAt ?? (isRunning(step.status) && isRunning(job.status) ? readAt : null);
      if (step.startedAt === null || end === null) continue;
      steps.push({
        name: step.name,
        category: categoryOfName(step.name),
        start: step.startedAt,
        end: Math.max(step.startedAt, end),
      });
    }
    steps.sort((a, b) => a.start - b.start);
    let coveredTo = -Infinity;
    for (const step of steps) {
      const own = Math.max(0, step.end - Math.max(step.start, coveredTo));
      coveredTo = Math.max(coveredTo, step.end);
      const total = totals.get(step.category)!;
      total.steps++;
      total.ms += own;
      const stepSeconds = seconds(step.start, step.end);
      if (total.longest === undefined || stepSeconds > total.longest.seconds) {
        total.longest = { job: job.name, step: step.name, seconds: stepSeconds };
      }
    }
  }
  return [...totals]
    .filter(([, total]) => total.steps > 0)
    .map(([category, total]) => ({
      category,
      steps: total.steps,
      seconds: total.ms / 1000,
      longest: total.longest,
    }))
    .sort((a, b) => b.seconds - a.seconds);
}
