import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-Z6KEAZSF.js";
import {
  ConfigurationError
} from "./chunk-2WEQVLCG.js";
import {
  __toESM
} from "./chunk-PYTXODB5.js";

// src/workflow/workflow.ts
var import_yaml = __toESM(require_dist(), 1);
var isMapping = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function scalarText(value) {
  if (typeof value === "string") return value;
  return typeof value === "boolean" || typeof value === "number" ? String(value) : void 0;
}
function scalarTexts(value) {
  return (Array.isArray(value) ? value : [value]).flatMap((item) => scalarText(item) ?? []);
}
function runsOnOf(value) {
  if (isMapping(value)) {
    return { group: scalarText(value.group), labels: scalarTexts(value.labels) };
  }
  const labels = scalarTexts(value);
  return labels.length === 0 ? void 0 : { group: void 0, labels };
}
function workflowJob(id, spec) {
  const { strategy } = spec;
  return {
    id,
    name: scalarText(spec.name),
    needs: scalarTexts(spec.needs),
    if: scalarText(spec.if),
    hasMatrix: isMapping(strategy) && strategy.matrix !== void 0 && strategy.matrix !== null,
    uses: scalarText(spec.uses),
    runsOn: runsOnOf(spec["runs-on"])
  };
}
function parseWorkflow(text) {
  const root = (0, import_yaml.parse)(text);
  const specs = isMapping(root) && isMapping(root.jobs) ? Object.entries(root.jobs) : [];
  const jobs = /* @__PURE__ */ new Map();
  for (const [id, spec] of specs) {
    if (isMapping(spec)) jobs.set(id, workflowJob(id, spec));
  }
  return { jobs };
}

// src/workflow/needs-graph.ts
var NeedsGraph = class {
  /** Job ids in file order. */
  jobs;
  unknownNeeds;
  #needs = /* @__PURE__ */ new Map();
  #neededBy = /* @__PURE__ */ new Map();
  /** `jobs` each id once, as a parsed workflow holds them. */
  constructor(jobs) {
    const list = [...jobs];
    this.jobs = list.map((job) => job.id);
    for (const id of this.jobs) {
      this.#needs.set(id, []);
      this.#neededBy.set(id, []);
    }
    const unknownNeeds = [];
    for (const job of list) {
      for (const need of new Set(job.needs)) {
        const neededBy = this.#neededBy.get(need);
        if (neededBy) {
          this.#needs.get(job.id).push(need);
          neededBy.push(job.id);
        } else {
          unknownNeeds.push({ job: job.id, need });
        }
      }
    }
    this.unknownNeeds = unknownNeeds;
  }
  /** The jobs `job` needs directly, in the order its `needs:` lists them. */
  needs(job) {
    return edgesOf(this.#needs, job);
  }
  /** The jobs that need `job` directly, in file order. */
  neededBy(job) {
    return edgesOf(this.#neededBy, job);
  }
  /** Every job `job` waits for, directly or through others, nearest first. */
  upstream(job) {
    return reach(job, this.#needs);
  }
  /** Every job that waits for `job`, directly or through others, nearest first. */
  downstream(job) {
    return reach(job, this.#neededBy);
  }
  /**
   * Every job after the jobs it needs: the jobs in file order, each preceded by the jobs it
   * needs that are not placed yet. A workflow already written in that order keeps its order.
   * Throws a ConfigurationError naming the jobs when a need is unknown or the needs form a cycle.
   */
  order() {
    if (this.unknownNeeds.length > 0) {
      const unknown = this.unknownNeeds.map(
        ({ job, need }) => `jobs.${job} needs '${need}', which is not a job of this workflow`
      );
      throw new ConfigurationError(unknown.join("; "));
    }
    const placed = /* @__PURE__ */ new Set();
    const order = [];
    for (const root of this.jobs) {
      if (placed.has(root)) continue;
      const path = [root];
      const onPath = new Set(path);
      const nextNeed = [0];
      while (path.length > 0) {
        const depth = path.length - 1;
        const job = path[depth];
        const need = this.#needs.get(job)[nextNeed[depth]];
        if (need === void 0) {
          path.pop();
          nextNeed.pop();
          onPath.delete(job);
          placed.add(job);
          order.push(job);
          continue;
        }
        nextNeed[depth] = nextNeed[depth] + 1;
        if (placed.has(need)) continue;
        if (onPath.has(need)) throw cycleError([...path.slice(path.indexOf(need)), need]);
        path.push(need);
        onPath.add(need);
        nextNeed.push(0);
      }
    }
    return order;
  }
};
function edgesOf(edges, job) {
  const next = edges.get(job);
  if (!next) throw new Error(`the needs graph has no job '${job}'`);
  return next;
}
function reach(start, edges) {
  const reached = /* @__PURE__ */ new Set();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of edgesOf(edges, queue[i])) {
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  return reached;
}
function cycleError(cycle) {
  const steps = cycle.slice(1).map((need, i) => `${cycle[i]} needs ${need}`);
  return new ConfigurationError(
    `needs form a cycle, so none of these jobs can start: ${steps.join(", ")}`
  );
}

export {
  NeedsGraph,
  parseWorkflow
};
