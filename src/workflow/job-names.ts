import type { Workflow, WorkflowJob } from './workflow.ts';

/*
 * How GitHub names the jobs of a run, as the API lists them and checks show them:
 * - A job is named by its `name:`, expressions evaluated, or by its id when it sets none.
 * - Each leg of a matrix job gets its matrix values appended in parentheses, `test (velnor, core)`,
 *   unless `name:` holds an expression: then the evaluated name alone names the leg
 *   (`name: clippy (${{ matrix.suffix }})` gives `clippy (velnor)`). Empty values are left out,
 *   so a leg whose values are all empty gets no parentheses.
 * - A job that calls a reusable workflow is not listed itself: each job of the called workflow
 *   is, as `<caller> / <called job>` (`build / clippy (velnor)`), the caller named by the rules
 *   above; a call from a called workflow adds a segment of its own.
 */

/**
 * The last `(...)` of a job name and its top-level comma parts: `test (velnor, core)` gives
 * `{base: 'test', parts: ['velnor', 'core']}`. Nested parentheses stay inside their part.
 */
export function splitJobName(name: string): { base: string; parts: string[] } {
  const trimmed = name.trimEnd();
  if (!trimmed.endsWith(')')) return { base: trimmed, parts: [] };
  let depth = 0;
  const parts: string[] = [];
  let end = trimmed.length - 1;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i];
    if (ch === ')') {
      depth++;
      if (depth === 1) end = i;
    } else if (ch === '(') {
      depth--;
      if (depth === 0) {
        parts.unshift(trimmed.slice(i + 1, end).trim());
        return { base: trimmed.slice(0, i).trim(), parts };
      }
    } else if (ch === ',' && depth === 1) {
      parts.unshift(trimmed.slice(i + 1, end).trim());
      end = i;
    }
  }
  return { base: trimmed, parts: [] };
}

/**
 * The part of a job's `name:` that every leg's name starts with: the text before its first
 * expression, without the ` (` that opens the matrix values (`e2e canary (${{ matrix.suffix }})`
 * gives `e2e canary`); a name without expressions, up to its last `(...)`.
 */
export function nameBase(name: string): string | undefined {
  const expression = name.indexOf('${{');
  const base =
    expression < 0 ? splitJobName(name).base : name.slice(0, expression).replace(/\(\s*$/, '');
  return base.trim() === '' ? undefined : base.trim();
}

const EXPRESSION = /\$\{\{.*?\}\}/s;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface NamePattern {
  readonly id: string;
  /** The text before the name's first expression: a cheap test before the pattern's. */
  readonly prefix: string;
  readonly pattern: RegExp;
  /** How much of the name the job fixes: the more, the surer a match. */
  readonly literalLength: number;
}

/** What GitHub lists for a job's legs, or for the jobs a reusable-workflow caller calls. */
function namePattern(job: WorkflowJob): NamePattern {
  const literals = (job.name ?? job.id).split(EXPRESSION);
  const legValues = job.hasMatrix && literals.length === 1 ? '(?: \\(.*\\))?' : '';
  const calledJob = job.uses === undefined ? '' : ' / .+';
  const name = literals.map(escapeRegExp).join('.*?');
  return {
    id: job.id,
    prefix: literals[0]!,
    pattern: new RegExp(`^${name}${legValues}${calledJob}$`, 's'),
    literalLength: literals.join('').length + (job.uses === undefined ? 0 : ' / '.length),
  };
}

/** Finds the workflow job a job of the run belongs to, from the name the API lists it by. */
export class JobNameMatcher {
  readonly #patterns: readonly NamePattern[];

  constructor(workflow: Workflow) {
    this.#patterns = [...workflow.jobs.values()].map(namePattern);
  }

  /**
   * The id of the job whose name, by the rules above, gives `listedName`: of several, the one
   * that fixes most of the name (`name: build / lint` before a caller `build`). Undefined when
   * no job gives it, or two give it as surely (two jobs with the same `name:`).
   */
  jobIdOf(listedName: string): string | undefined {
    let best: NamePattern | undefined;
    let tied = false;
    for (const candidate of this.#patterns) {
      if (!listedName.startsWith(candidate.prefix) || !candidate.pattern.test(listedName)) {
        continue;
      }
      if (best === undefined || candidate.literalLength > best.literalLength) {
        best = candidate;
        tied = false;
      } else if (candidate.literalLength === best.literalLength) {
        tied = true;
      }
    }
    return tied ? undefined : best?.id;
  }
}
