import type { RunJob } from '../github/run-jobs.ts';
import type { JobNameMatcher } from '../workflow/job-names.ts';
import { NeedsGraph } from '../workflow/needs-graph.ts';
import type { Workflow } from '../workflow/workflow.ts';
import { isRunning, seconds } from './job-timing.ts';
import type { CriticalPath, PathJob } from './report.ts';

/** A workflow job as the run went: epoch ms. A job the run does not list passes straight through. */
interface Node {
  readonly id: string;
  readonly legs: readonly RunJob[];
  readonly ready: number;
  readonly start: number | null;
  readonly finish: number;
  readonly running: boolean;
}

function nodeOf(id: string, legs: readonly RunJob[], ready: number, readAt: number): Node {
  const starts = legs.flatMap((leg) => leg.startedAt ?? []);
  const ends = legs.map((leg) => leg.completedAt ?? readAt);
  return {
    id,
    legs,
    ready,
    start: starts.length === 0 ? null : Math.min(...starts),
    finish: Math.max(ready, ...ends),
    running: legs.some((leg) => isRunning(leg.status)),
  };
}

/**
 * The needs graph as the run went. A workflow job finishes when its last leg (matrix leg or
 * reusable-workflow callee) completes, and is ready when the last job it needs finished. The
 * chain that set the wall is walked back from the job that finished last, each time to the need
 * that finished last. A job's slack is how much later it could have finished with every job
 * after it taking as long as it took (from ready to finish), and the wall not moving.
 * Throws the NeedsGraph's ConfigurationError for needs that form a cycle or name no job.
 */
export function criticalPath(
  workflow: Workflow,
  matcher: JobNameMatcher,
  jobs: readonly RunJob[],
  origin: number,
  readAt: number,
  wallEnd: number,
): CriticalPath {
  const graph = new NeedsGraph(workflow.jobs.values());
  const order = graph.order();
  const legsOf = new Map<string, RunJob[]>(order.map((id) => [id, []]));
  const unmatched: string[] = [];
  for (const job of jobs) {
    const id = matcher.jobIdOf(job.name);
    if (id === undefined) unmatched.push(job.name);
    else legsOf.get(id)!.push(job);
  }
  const nodes = new Map<string, Node>();
  for (const id of order) {
    const ready = Math.max(origin, ...graph.needs(id).map((need) => nodes.get(need)!.finish));
    nodes.set(id, nodeOf(id, legsOf.get(id)!, ready, readAt));
  }
  const latestFinish = new Map<string, number>();
  for (const id of [...order].reverse()) {
    const after = graph.neededBy(id).map((next) => {
      const node = nodes.get(next)!;
      return latestFinish.get(next)! - (node.finish - node.ready);
    });
    latestFinish.set(id, Math.min(Math.max(wallEnd, nodes.get(id)!.finish), ...after));
  }
  const pathJob = (node: Node): PathJob => ({
    job: node.id,
    legs: node.legs.length,
    readyOffset: seconds(origin, node.ready),
    startOffset: node.start === null ? null : seconds(origin, node.start),
    finishOffset: seconds(origin, node.finish),
    spanSeconds: seconds(node.ready, node.finish),
    slackSeconds: seconds(node.finish, latestFinish.get(node.id)!),
    running: node.running,
  });

  const chain: PathJob[] = [];
  let current = lastToFinish(order, nodes);
  while (current !== undefined) {
    if (current.legs.length > 0) chain.unshift(pathJob(current));
    current = lastToFinish(graph.needs(current.id), nodes);
  }
  const ran = [...nodes.values()].filter((node) => node.legs.length > 0).map(pathJob);
  ran.sort((a, b) => a.slackSeconds - b.slackSeconds || a.finishOffset - b.finishOffset);
  return { chain, jobs: ran, unmatched };
}

/** Of `ids`, the job that finished last; of several at once, the last listed. */
function lastToFinish(ids: readonly string[], nodes: ReadonlyMap<string, Node>): Node | undefined {
  let last: Node | undefined;
  for (const id of ids) {
    const node = nodes.get(id)!;
    if (last === undefined || node.finish >= last.finish) last = node;
  }
  return last;
}
