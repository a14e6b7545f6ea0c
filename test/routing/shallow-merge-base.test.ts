/**
 * A shallow clone's first common ancestor is not always the merge base: a branch merged in from
 * long ago reaches an old fork after the first deepening, before the head's own history reaches
 * the commit it was cut from. gitDiff must answer as in a full clone, or run every route.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { ChangedFile } from '../../src/git/repository.ts';
import { Repository } from '../../src/git/repository.ts';
import { DEEPEN_STEPS } from '../../src/git/merge-base.ts';
import type { ResolvedDiff } from '../../src/routing/git-diff.ts';
import { gitDiff } from '../../src/routing/git-diff.ts';
import type { Logger } from '../../src/runner/logger.ts';
import { GitFixture, git } from '../../src/rehearsal/git-fixture.ts';
import type { NewCommit } from '../git/history.ts';
import { addCommits, emptyRun } from '../git/history.ts';

const HOW = 'test range';

async function diff(clone: string, base: string, head: string) {
  const lines: string[] = [];
  const keep = (message: string) => void lines.push(message);
  const log: Logger = { debug: keep, info: keep, notice: keep, warning: keep };
  const result = await gitDiff(
    new Repository(clone),
    { kind: 'merge-base', base, head, how: HOW },
    log,
  );
  const deepened = lines.flatMap((l) => {
    const step = /deepening by (\d+) commits$/.exec(l)?.[1];
    return step === undefined ? [] : [Number(step)];
  });
  return { result, lines, deepened };
}

const sorted = (files: readonly ChangedFile[]) =>
  [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

function filesOf(result: ResolvedDiff): ChangedFile[] {
  assert.equal(result.kind, 'diff', `expected a diff, got ${JSON.stringify(result)}`);
  return sorted(result.files);
}

interface Shape {
  readonly title: string;
  /** Commits on main between the fork and the commit that changes crates/x.rs. */
  readonly mainBefore?: number;
  /** Where the side branch is cut: the fork, or this many commits before it. */
  readonly sideBehindFork?: number;
  /** Commits on the side branch. */
  readonly sideLength?: number;
  /** Empty topic commits before and after the merge of the side branch. */
  readonly topicBefore: number;
  readonly topicAfter: number;
  /** Whether the topic reverts main's change of crates/x.rs (else it edits docs only). */
  readonly reverts: boolean;
  /** Commits main gains after the topic was cut: the pull request's base is main's tip. */
  readonly mainAfter?: number;
  /** actions/checkout's fetch-depth. */
  readonly depth?: number;
}

/**
 * fork (F) -> ... -> M (main changes crates/x.rs) -> main's tip; topic cut at M: a first
 * commit (revert x, or a docs change), `topicBefore` commits, a merge of `side` (cut at or
 * before F, adding side.txt), `topicAfter` commits. The true merge base is M.
 */
function build(repo: GitFixture, shape: Shape) {
  const older = addCommits(repo, [
    { branch: 'main', message: 'root', files: { 'crates/x.rs': 'x 1\n', 'docs/a.md': 'a\n' } },
    ...emptyRun('main', shape.sideBehindFork ?? 0),
  ]);
  const fork = older.at(-1)!;
  const sideFrom = older[older.length - 1 - (shape.sideBehindFork ?? 0)]!;
  const side = addCommits(repo, [
    { branch: 'side', from: sideFrom, message: 'side', files: { 'side.txt': 'side\n' } },
    ...emptyRun('side', (shape.sideLength ?? 1) - 1),
  ]).at(-1)!;
  const mainChange = addCommits(repo, [
    ...emptyRun('main', shape.mainBefore ?? 0),
    { branch: 'main', message: 'main changes x', files: { 'crates/x.rs': 'x 2\n' } },
  ]).at(-1)!;
  const firstTopic: NewCommit = shape.reverts
    ? { branch: 'topic', from: mainChange, message: 'revert x', files: { 'crates/x.rs': 'x 1\n' } }
    : { branch: 'topic', from: mainChange, message: 'docs', files: { 'docs/b.md': 'b\n' } };
  const head = addCommits(repo, [
    firstTopic,
    ...emptyRun('topic', shape.topicBefore),
    // fast-import takes a merge's tree as given: it holds the side branch's file.
    { branch: 'topic', merge: side, message: 'Merge side', files: { 'side.txt': 'side\n' } },
    ...emptyRun('topic', shape.topicAfter),
  ]).at(-1)!;
  const tip = addCommits(repo, emptyRun('main', shape.mainAfter ?? 0)).at(-1) ?? mainChange;
  return { fork, mainChange, head, base: tip };
}

describe('gitDiff: the merge base in a shallow clone is the one a full clone finds', () => {
  const repos: GitFixture[] = [];
  after(() => {
    for (const repo of repos) repo.cleanup();
  });

  const shapes: Shape[] = [
    {
      title: 'the reported case: 51 topic commits, a side branch cut at the fork, x reverted',
      topicBefore: 20,
      topicAfter: 30,
      reverts: true,
    },
    { title: 'the side branch merged at the head', topicBefore: 50, topicAfter: 0, reverts: true },
    {
      title: 'main moved on after the topic was cut',
      topicBefore: 40,
      topicAfter: 10,
      reverts: true,
      mainAfter: 5,
    },
    {
      title: 'a side branch cut 10 commits before the fork',
      topicBefore: 40,
      topicAfter: 5,
      reverts: true,
      sideBehindFork: 10,
    },
    {
      title: 'a long side branch (20 commits)',
      topicBefore: 45,
      topicAfter: 3,
      reverts: true,
      sideLength: 20,
    },
    {
      title: 'main 8 commits past the fork before its change',
      topicBefore: 40,
      topicAfter: 2,
      reverts: true,
      mainBefore: 8,
    },
    {
      title: 'a docs-only topic, which must not list main’s change of x',
      topicBefore: 40,
      topicAfter: 10,
      reverts: false,
    },
    { title: 'a fetch-depth of 10', topicBefore: 60, topicAfter: 5, reverts: true, depth: 10 },
    {
      title: 'a merge base 200 commits back, beyond the second step',
      topicBefore: 190,
      topicAfter: 10,
      reverts: true,
    },
  ];

  for (const shape of shapes) {
    it(`finds it with ${shape.title}`, async () => {
      const repo = new GitFixture();
      repos.push(repo);
      const { mainChange, head, base } = build(repo, shape);
      const full = await diff(repo.clone({ ref: head, depth: 0 }), base, head);
      const clone = repo.clone({ ref: head, depth: shape.depth ?? 1 });
      const shallow = await diff(clone, base, head);

      assert.equal(full.result.kind === 'diff' && full.result.base, mainChange);
      assert.deepEqual(shallow.result, full.result, 'the shallow clone answers as the full one');
      const expected: ChangedFile[] = shape.reverts
        ? [
            { path: 'crates/x.rs', status: 'modified' },
            { path: 'side.txt', status: 'added' },
          ]
        : [
            { path: 'docs/b.md', status: 'added' },
            { path: 'side.txt', status: 'added' },
          ];
      assert.deepEqual(filesOf(shallow.result), expected);
      assert.ok(shallow.deepened.length <= DEEPEN_STEPS.length, 'bounded');
      assert.ok(
        shallow.lines.some((l) => /^A nearer merge base than [0-9a-f]{40} may be beyond/.test(l)),
        `the log says why it deepens past a common ancestor:\n${shallow.lines.join('\n')}`,
      );
    });
  }

  it('runs every route when the merge base stays beyond the last step', async () => {
    const repo = new GitFixture();
    repos.push(repo);
    const reach = DEEPEN_STEPS.reduce((sum, step) => sum + step, 0);
    const { fork, head, base } = build(repo, {
      title: 'too long',
      topicBefore: reach + 10,
      topicAfter: 5,
      reverts: true,
    });
    const { result, deepened } = await diff(repo.clone({ ref: head }), base, head);
    assert.deepEqual(deepened, DEEPEN_STEPS);
    assert.deepEqual(result, {
      kind: 'all',
      cause: 'base-unreachable',
      head,
      how:
        `${HOW}: ${fork} is a common ancestor of ${base} and ${head}, but a nearer one may lie ` +
        `beyond the history fetched (${reach} commits at most); check out with fetch-depth: 0`,
    });
  });

  it('does not deepen a clone whose merge base is already certain', async () => {
    const repo = new GitFixture();
    repos.push(repo);
    const { mainChange, head, base } = build(repo, {
      title: 'short',
      topicBefore: 3,
      topicAfter: 3,
      reverts: true,
    });
    const clone = repo.clone({ ref: head, depth: 0 });
    git(clone, 'fetch', '--quiet', 'origin', base);
    const { result, deepened } = await diff(clone, base, head);
    assert.deepEqual(deepened, []);
    assert.equal(result.kind === 'diff' && result.base, mainChange);
  });
});
