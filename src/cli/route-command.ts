import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Repository } from '../git/repository.ts';
import { tryGitText } from '../git/git.ts';
import { describeReason } from '../routing/plan-summary.ts';
import { routeChanges } from '../routing/route-changes.ts';
import { DEFAULT_ROUTES_FILE, parseRoutesConfig } from '../routing/routes-config.ts';
import { ConfigurationError } from '../runner/errors.ts';
import { neutralize } from '../runner/neutralize.ts';
import { stderrLog } from './stderr-log.ts';

/** origin's HEAD, else the first of the usual default branch names that exists. */
async function defaultBranch(repo: Repository): Promise<string | undefined> {
  const originHead = await tryGitText(repo.dir, [
    'symbolic-ref',
    '--quiet',
    'refs/remotes/origin/HEAD',
  ]);
  const candidates = [
    originHead,
    'refs/remotes/origin/main',
    'refs/remotes/origin/master',
    'refs/heads/main',
    'refs/heads/master',
  ];
  for (const ref of candidates) {
    if (ref !== undefined && (await repo.resolveCommit(ref)) !== undefined) return ref;
  }
  return undefined;
}

/** `lanekit route`: the run plan change-router would make for this checkout. */
export async function routeCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      base: { type: 'string' },
      head: { type: 'string' },
      routes: { type: 'string', default: DEFAULT_ROUTES_FILE },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const repo = await Repository.open(process.cwd());
  if (!repo) throw new ConfigurationError('lanekit route: run it inside a git checkout');
  const routesPath = resolve(repo.dir, values.routes);
  let text: string;
  try {
    text = readFileSync(routesPath, 'utf8');
  } catch {
    throw new ConfigurationError(
      `--routes: got '${values.routes}', but there is no file at ${routesPath}`,
    );
  }
  const config = parseRoutesConfig(text, values.routes);
  const base = values.base ?? (await defaultBranch(repo));
  if (base === undefined) {
    throw new ConfigurationError(
      '--base: no default branch found (origin/HEAD, main, master); pass --base REV',
    );
  }
  const plan = await routeChanges({
    config,
    event: { name: 'local', payload: {}, sha: undefined, ref: undefined, repository: undefined },
    overrides: { base, head: values.head ?? 'HEAD' },
    source: { kind: 'git', repo },
    log: stderrLog,
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    return;
  }
  const how = values.base === undefined ? `merge base with ${base}` : plan.how;
  const lines = [
    `base ${plan.base ?? 'none'} (${neutralize(how)})`,
    `head ${plan.head ?? 'unknown'}, ${plan.changedFiles} changed files`,
    '',
  ];
  if (plan.base !== null && plan.base === plan.head) {
    lines.push(
      'HEAD is the merge base itself: pass --base REV to compare with an earlier commit.',
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
  process.stdout.write(`${lines.join('\n')}\n`);
}
