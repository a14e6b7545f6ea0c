import { parse } from 'yaml';

/** Where a job runs, as `runs-on` says it: expressions are not evaluated. */
export interface RunsOn {
  /** The runner group of `runs-on: {group, labels}`. */
  readonly group: string | undefined;
  /** `runs-on` as a label or a list of them, or the `labels` of its mapping form. */
  readonly labels: readonly string[];
}

/** One job of a workflow file, as written: expressions are not evaluated. */
export interface WorkflowJob {
  readonly id: string;
  /** `name:` as written (`clippy (${{ matrix.suffix }})`); undefined when the job sets none. */
  readonly name: string | undefined;
  /** `needs:`, one job or a list of them, as a list. */
  readonly needs: readonly string[];
  /** `if:` as the runner reads it: YAML gives `if: true` as a boolean, the runner the text. */
  readonly if: string | undefined;
  /** Whether `strategy.matrix` is set: GitHub runs the job once per leg of the matrix. */
  readonly hasMatrix: boolean;
  /** The reusable workflow the job calls (`./.github/workflows/build.yml`), if it calls one. */
  readonly uses: string | undefined;
  /** Undefined for a job without `runs-on`: a reusable-workflow caller, whose callees run. */
  readonly runsOn: RunsOn | undefined;
}

export interface Workflow {
  /** By id, in file order. */
  readonly jobs: ReadonlyMap<string, WorkflowJob>;
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A YAML scalar as the runner reads it, as text; undefined for null, a mapping or a list. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'boolean' || typeof value === 'number' ? String(value) : undefined;
}

/** A scalar or a list of them, as texts. */
function scalarTexts(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).flatMap((item) => scalarText(item) ?? []);
}

function runsOnOf(value: unknown): RunsOn | undefined {
  if (isMapping(value)) {
    return { group: scalarText(value.group), labels: scalarTexts(value.labels) };
  }
  const labels = scalarTexts(value);
  return labels.length === 0 ? undefined : { group: undefined, labels };
}

function workflowJob(id: string, spec: Record<string, unknown>): WorkflowJob {
  const { strategy } = spec;
  return {
    id,
    name: scalarText(spec.name),
    needs: scalarTexts(spec.needs),
    if: scalarText(spec.if),
    hasMatrix: isMapping(strategy) && strategy.matrix !== undefined && strategy.matrix !== null,
    uses: scalarText(spec.uses),
    runsOn: runsOnOf(spec['runs-on']),
  };
}

/**
 * The jobs of a workflow file. Invalid YAML throws the yaml library's YAMLParseError. A file
 * without a `jobs:` mapping has no jobs, and an entry of `jobs:` that is not a mapping is no job.
 */
export function parseWorkflow(text: string): Workflow {
  const root: unknown = parse(text);
  const specs = isMapping(root) && isMapping(root.jobs) ? Object.entries(root.jobs) : [];
  const jobs = new Map<string, WorkflowJob>();
  for (const [id, spec] of specs) {
    if (isMapping(spec)) jobs.set(id, workflowJob(id, spec));
  }
  return { jobs };
}
