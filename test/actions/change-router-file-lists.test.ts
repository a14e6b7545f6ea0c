import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Plan } from '../../src/routing/route-changes.ts';
import { GitFixture } from '../../src/rehearsal/git-fixture.ts';
import { runAction } from '../../src/rehearsal/runner.ts';

const ROUTES = `routes:
  rust:
    paths: ['crates/**']
  docs:
    paths: ['docs/**']
`;
const HOSTILE = [
  'crates/a b.rs',
  "crates/it's.rs",
  'crates/$(touch pwned).rs',
  'crates/new\nline.rs',
];

describe('change-router list-files', () => {
  let repo: GitFixture;
  let base: string;
  let head: string;
  before(() => {
    repo = new GitFixture();
    base = repo.commit('base', { '.github/lanekit/routes.yml': ROUTES, 'docs/a.md': '1\n' });
    head = repo.commit('hostile names', Object.fromEntries(HOSTILE.map((f) => [f, 'x\n'])));
  });
  after(() => {
    repo.cleanup();
  });

  it('lists each route’s files in the plan and, as shell words, in <route>-files', async () => {
    const workspace = repo.clone({ depth: 0 });
    const result = await runAction('change-router', {
      workspace,
      inputs: { base, head, 'list-files': 'shell' },
    });
    assert.equal(result.exitCode, 0, result.stdout);
    const plan = JSON.parse(result.outputs.plan!) as Plan;
    const sorted = [...HOSTILE].sort();
    assert.deepEqual([...plan.routes.rust!.files].sort(), sorted);
    assert.deepEqual(plan.routes.docs!.files, []);
    const words = execFileSync(
      'bash',
      [
        '-c',
        `eval "set -- $1"; [ $# -eq 0 ] || printf '%s\\0' "$@"`,
        'bash',
        result.outputs['rust-files']!,
      ],
      { cwd: workspace, encoding: 'utf8' },
    );
    assert.deepEqual(words.slice(0, -1).split('\0').sort(), sorted);
    assert.equal(result.outputs['docs-files'], '');
  });

  it('writes no lists by default, and refuses an unknown format naming the input', async () => {
    const quiet = await runAction('change-router', {
      workspace: repo.clone({ depth: 0 }),
      inputs: { base, head },
    });
    assert.equal(quiet.outputs['rust-files'], undefined);
    const wrong = await runAction('change-router', {
      workspace: repo.clone({ depth: 0 }),
      inputs: { base, head, 'list-files': 'yaml' },
    });
    assert.equal(wrong.exitCode, 1);
    assert.equal(
      wrong.annotations.at(-1)?.message,
      "change-router: list-files: got 'yaml', expected one of none|json|shell|csv",
    );
  });
});
