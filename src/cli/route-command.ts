import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Repository } from '../git/repository.ts';
import { describeReason } from '../routing/plan-summary.ts';
import type { Plan } from '../routing/route-changes.ts';
import { routeChanges } from '../routing/route-changes.ts';
import type { RoutesConfig } from '../routing/routes-config.ts';
import { DEFAULT_ROUTES_FILE, parseRoutesConfig } from '../routing/routes-config.ts';
import { ConfigurationError } from '../runner/errors.ts';
import { neutralize } from '../runner/neutralize.ts';
import { parseCommandLine } from './command-line.ts';
import type { RouteBase } from './default-base.ts';
import { defaultRouteBase } from './default-base.ts';
import { stderrLog } from './stderr-log.ts';
import { UsageError } from './usage-error.ts';
import { worktreeSnapshot } from './worktree-snapshot.ts';

export const ROUTE_USAGE = `Usage: lanekit route [--base REV] [--head REV] [--worktree] [--routes FILE] [--json]

Print the run plan change-router would make for this checkout: which routes run and why. The
changes are those from the merge base of the base and the head to the head, as in a pull request.

Options:
  --base REV     Compare with REV: a branch, tag or commit sha in this clone.
                 Default: the merge base of HEAD with the default branch (origin/HEAD, else
                 origin/main, origin/master, main, master). When HEAD is on the default branch
                 already (that merge base is HEAD itself, as on a fresh clone): HEAD~1, as
                 dorny/paths-filter does for a push to its base branch.
  --head REV     The commit whose changes are routed. Default: HEAD.
  --worktree     Add the uncommitted changes to the head: staged, unstaged, and untracked files
                 that are not ignored. The index and the worktree are left as they are.
                 Not with --head.
  --routes FILE  The routes file. Default: ${DEFAULT_ROUTES_FILE}.
  --json         Print the plan as JSON, as change-router's plan output.
  -h, --help     Print this help.

Examples:
  lanekit route                          this branch against the default branch
  lanekit route --worktree               the same, with the uncommitted changes
  lanekit route --base HEAD --worktree   the uncommitted changes alone

Exit status: 0 the plan was printed; 2 a bad option or revision, or a bad routes file.
`;

const ROUTE_OPTIONS = {
  base: {
    type: 'string',
    placeholder: 'REV',
    expected: 'a revision (a branch, tag or commit sha)',
  },
  head: {
    type: 'string',
    placeholder: 'REV',
    expected: 'a revision (a branch, tag or commit sha)',
  },
  worktree: { type: 'boolean' },
  routes: { type: 'string', placeholder: 'FILE', expected: 'the routes file' },
  json: { type: 'boolean' },
} as const;

/** A revision given on the command line, as a commit of this clone (or of origin's branch). */
async function resolveRevision(repo: Repository, option: string, rev: string): Promise<string> {
  const sha =
    (await repo.resolveCommit(rev)) ??
    (await repo.resolveCommit(`origin/${rev.replace(/^refs\/heads\//, '')}`));
  if (sha === undefined) {
    throw new UsageError(
      `${option}: got '${rev}', but no commit of that name is in this clone; expected a branch, tag or commit sha (fetch it first if only a remote has it)`,
    );
  }
  return sha;
}

/** The routes file --routes names, else the default one. */
function readRoutes(repo: Repository, given: string | undefined): RoutesConfig {
  const file = given ?? DEFAULT_ROUTES_FILE;
  const path = resolve(repo.dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    if (given === undefined) {
      throw new ConfigurationError(`no routes file at ${path}: write one, or pass --routes FILE`);
    }
    throw new UsageError(`--routes: got '${file}', but there is no file at ${path}`);
  }
  return parseRoutesConfig(text, file);
}

/** `lanekit route`: the run plan change-router would make for this checkout. */
export async function routeCommand(args: readonly string[]): Promise<number> {
  const line = parseCommandLine({ options: ROUTE_OPTIONS }, args);
  if (line.help) {
    process.stdout.write(ROUTE_USAGE);
    return 0;
  }
  const { values } = line;
  if (values.worktree === true && values.head !== undefined) {
    throw new UsageError(
      '--worktree adds the uncommitted changes to HEAD, so --head cannot be given with it',
    );
  }
  const repo = await Repository.open(process.cwd());
  if (!repo) throw new ConfigurationError('not inside a git checkout: run lanekit route in one');
  const config = readRoutes(repo, values.routes);

  const headName = values.head ?? 'HEAD';
  const head =
    values.head === undefined
      ? await repo.resolveCommit('HEAD')
      : await resolveRevision(repo, '--head', values.head);
  if (head === undefined) throw new ConfigurationError('HEAD: this checkout has no commit yet');
  const base: RouteBase =
    values.base === undefined
      ? await defaultRouteBase(repo, head, headName)
      : {
          sha: await resolveRevision(repo, '--base', values.base),
          how: `merge base with ${values.base}`,
        };
  const routed = values.worktree === true ? await worktreeSnapshot(repo.dir, head) : head;
  const uncommitted = routed === head ? 0 : (await repo.changedFiles(head, routed)).length;

  const plan = await routeChanges({
    config,
    event: { name: 'local', payload: {}, sha: undefined, ref: undefined, repository: undefined },
    overrides: { base: base.sha, head: routed },
    source: { kind: 'git', repo },
    log: stderrLog,
  });
  // The plan's own `how` speaks of the action's base input; the CLI says how it chose.
  const how = plan.base === null ? plan.how : base.how;
  if (values.json) {
    const worktree = values.worktree === true ? { worktree: { parent: head, uncommitted } } : {};
    process.stdout.write(`${JSON.stringify({ ...plan, how, ...worktree }, null, 2)}\n`);
  } else {
    const shownHead =
      values.worktree === true
        ? `${head} + worktree (${uncommitted} uncommitted files)`
        : (plan.head ?? 'unknown');
    process.stdout.write(textPlan(plan, how, shownHead));
  }
  return 0;
}

function textPlan(plan: Plan, how: string, head: string): string {
  const lines = [
    `base ${plan.base ?? 'none'} (${neutralize(how)})`,
    `head ${head}, ${plan.changedFiles} changed files`,
    '',
  ];
  if (plan.base !== null && plan.base === plan.head) {
    lines.push(
      'The base and the head are the same commit: pass --base REV to compare with an earlier one, or --worktree to add the uncommitted changes.',
      '',
    );
  }
  const width = Math.max(...Object.keys(plan.routes).map((n) => n.length));
  for (const [name, r] of Object.entries(plan.routes)) {
    const why = r.reasons.slice(0, 3).map((reason) => neutralize(describeReason(reason)));
    const more = r.reasons.length + r.omittedReasons - why.length;
    lines.push(
      `${r.run ? 'run ' : 'skip'}  ${name.padEnd(width)}  ${why.join('; ')}${more > 0 ? `; and ${more} more` : ''}`.trimEnd(),
    );
  }
  for (const warning of plan.warnings) lines.push(`warning: ${neutralize(warning)}`);
  return `${lines.join('\n')}\n`;
}
