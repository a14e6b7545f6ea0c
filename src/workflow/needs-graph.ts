import { ConfigurationError } from '../runner/errors.ts';
import type { WorkflowJob } from './workflow.ts';

/** A job's `needs:` entry that names no job of the workflow. */
export interface UnknownNeed {
  readonly job: string;
  readonly need: string;
}

/**
 * The jobs of a workflow and the `needs:` between them. GitHub rejects a workflow whose needs
 * name unknown jobs or form a cycle; the graph still answers what reaches what for one (the
 * unknown needs left out), and only `order()` refuses it.
 */
export class NeedsGraph {
  /** Job ids in file order. */
  readonly jobs: readonly string[];
  readonly unknownNeeds: readonly UnknownNeed[];
  readonly #needs = new Map<string, string[]>();
  readonly #neededBy = new Map<string, string[]>();

  /** `jobs` each id once, as a parsed workflow holds them. */
  constructor(jobs: Iterable<Pick<WorkflowJob, 'id' | 'needs'>>) {
    const list = [...jobs];
    this.jobs = list.map((job) => job.id);
    for (const id of this.jobs) {
      this.#needs.set(id, []);
      this.#neededBy.set(id, []);
    }
    const unknownNeeds: UnknownNeed[] = [];
    for (const job of list) {
      for (const need of new Set(job.needs)) {
        const neededBy = this.#neededBy.get(need);
        if (neededBy) {
          this.#needs.get(job.id)!.push(need);
          neededBy.push(job.id);
        } else {
          unknownNeeds.push({ job: job.id, need });
        }
      }
    }
    this.unknownNeeds = unknownNeeds;
  }

  /** The jobs `job` needs directly, in the order its `needs:` lists them. */
  needs(job: string): readonly string[] {
    return edgesOf(this.#needs, job);
  }

  /** The jobs that need `job` directly, in file order. */
  neededBy(job: string): readonly string[] {
    return edgesOf(this.#neededBy, job);
  }

  /** Every job `job` waits for, directly or through others, nearest first. */
  upstream(job: string): ReadonlySet<string> {
    return reach(job, this.#needs);
  }

  /** Every job that waits for `job`, directly or through others, nearest first. */
  downstream(job: string): ReadonlySet<string> {
    return reach(job, this.#neededBy);
  }

  /**
   * Every job after the jobs it needs: the jobs in file order, each preceded by the jobs it
   * needs that are not placed yet. A workflow already written in that order keeps its order.
   * Throws a ConfigurationError naming the jobs when a need is unknown or the needs form a cycle.
   */
  order(): string[] {
    if (this.unknownNeeds.length > 0) {
      const unknown = this.unknownNeeds.map(
        ({ job, need }) => `jobs.${job} needs '${need}', which is not a job of this workflow`,
      );
      throw new ConfigurationError(unknown.join('; '));
    }
    const placed = new Set<string>();
    const order: string[] = [];
    for (const root of this.jobs) {
      if (placed.has(root)) continue;
      // Depth first without recursion, so that a chain of thousands of jobs fits: `path` holds
      // the jobs being placed, each needing the next, and `nextNeed` how far each has got.
      const path = [root];
      const onPath = new Set(path);
      const nextNeed = [0];
      while (path.length > 0) {
        const depth = path.length - 1;
        const job = path[depth]!;
        const need = this.#needs.get(job)![nextNeed[depth]!];
        if (need === undefined) {
          path.pop();
          nextNeed.pop();
          onPath.delete(job);
          placed.add(job);
          order.push(job);
          continue;
        }
        nextNeed[depth] = nextNeed[depth]! + 1;
        if (placed.has(need)) continue;
        if (onPath.has(need)) throw cycleError([...path.slice(path.indexOf(need)), need]);
        path.push(need);
        onPath.add(need);
        nextNeed.push(0);
      }
    }
    return order;
  }
}

function edgesOf(edges: ReadonlyMap<string, readonly string[]>, job: string): readonly string[] {
  const next = edges.get(job);
  if (!next) throw new Error(`the needs graph has no job '${job}'`);
  return next;
}

/** Breadth first; `start` is in the result only when it lies on a cycle. */
function reach(start: string, edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const reached = new Set<string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of edgesOf(edges, queue[i]!)) {
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  return reached;
}

/** `cycle` lists jobs each needing the next, its last job its first again. */
function cycleError(cycle: readonly string[]): ConfigurationError {
  const steps = cycle.slice(1).map((need, i) => `${cycle[i]!} needs ${need}`);
  return new ConfigurationError(
    `needs form a cycle, so none of these jobs can start: ${steps.join(', ')}`,
  );
}
