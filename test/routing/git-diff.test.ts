import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ChangedFile } from '../../src/git/repository.ts';
import { Repository } from '../../src/git/repository.ts';
import type { RangeRequest } from '../../src/routing/event-range.ts';
import type { ResolvedDiff } from '../../src/routing/git-diff.ts';
import { DEEPEN_STEPS } from '../../src/git/merge-base.ts';
import { gitDiff } from '../../src/routing/git-diff.ts';
import type { Logger } from '../../src/runner/logger.ts';
import { GitFixture, git } from '../../src/rehearsal/git-fixture.ts';

const HOW = 'test range';
const MISSING_SHA = 'f'.repeat(40);

const mergeBase = (base: string, head: string): RangeRequest => ({
  kind: 'merge-base',
  base,
  head,
  how: HOW,
});

interface Diffed {
  readonly result: ResolvedDiff;
  /** Everything gitDiff logged, in order. */
  readonly lines: readonly string[];
  /** What it logged as warnings. */
  readonly warnings: readonly string[];
  /** The revisions it fetched by name, in order. */
  readonly fetched: readonly string[];
  /** The `--deepen` steps it took, in order. */
  readonly deepened: readonly number[];
}

/** Runs gitDiff on a clone with a logger that keeps what it is told. */
async function diff(clone: string, request: RangeRequest): Promise<Diffed> {
  const lines: string[] = [];
  const warnings: string[] = [];
  const keep = (message: string) => void lines.push(message);
  const warn = (message: string) => void (keep(message), warnings.push(message));
  const log: Logger = { debug: keep, info: keep, notice: keep, warning: warn };
  const result = await gitDiff(new Repository(clone), request, log);
  return {
    result,
    lines,
    warnings,
    fetched: lines.flatMap((l) => /^Fetching (.+) from origin$/.exec(l)?.[1] ?? []),
    deepened: lines.flatMap((l) => {
      const step = /deepening by (\d+) commits$/.exec(l)?.[1];
      return step === undefined ? [] : [Number(step)];
    }),
  };
}

const byPath = (files: readonly ChangedFile[]) =>
  [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/** The files of a diff result, sorted by path; fails for a run-all result. */
function filesOf(result: ResolvedDiff): ChangedFile[] {
  assert.equal(result.kind, 'diff', `expected a diff, got ${JSON.stringify(result)}`);
  return byPath(result.files);
}

/** Commits on a new branch cut from main, then returns to main; the branch head's sha. */
function onBranch(repo: GitFixture, branch: string, change: (repo: GitFixture) => void): string {
  repo.checkout('main');
  repo.checkout(branch, true);
  change(repo);
  const head = repo.sha('HEAD');
  repo.checkout('main');
  return head;
}

const isShallow = (clone: string) => git(clone, 'rev-parse', '--is-shallow-repository') === 'true';
const hasCommit = (clone: string, sha: string) => {
  try {
    git(clone, 'cat-file', '-e', `${sha}^{commit}`);
    return true;
  } catch {
    return false;
  }
};

/**
 * Appends `count` empty commits to `branch` (not the checked-out one) in one fast-import run:
 * thousands of `git commit` calls would take minutes. Each is a second younger than its parent,
 * as real history is: git's date heuristics misjudge shallow history that goes back in time.
 */
function emptyCommits(repo: GitFixture, branch: string, count: number): void {
  const parentTime = Number(git(repo.origin, 'log', '-1', '--format=%ct', branch));
  let stream = '';
  for (let i = 1; i <= count; i++) {
    const message = `${branch} ${i}`;
    stream += `commit refs/heads/${branch}\n`;
    stream += `committer Test <test@example.com> ${parentTime + i} +0000\n`;
    stream += `data ${Buffer.byteLength(message)}\n${message}\n`;
    if (i === 1) stream += `from ${repo.sha(branch)}\n`;
    stream += '\n';
  }
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: repo.origin,
    input: stream,
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

describe('gitDiff: the changed files of a range', () => {
  /** Twenty distinct lines: enough text for git to score a rename. */
  const body = (word: string) =>
    Array.from({ length: 20 }, (_, i) => `${word} line ${i}\n`).join('');
  const BASE = {
    'a.txt': 'a\n',
    'gone.txt': 'gone\n',
    'long.txt': body('long'),
    'moved.txt': body('moved'),
    'edited.txt': body('edited'),
    'rewritten.txt': body('rewritten'),
    'run.sh': 'echo run\n',
    'link-me.txt': 'link target\n',
    tool: '#!/bin/sh\n',
    'with space.txt': body('spaced'),
    'new\nline.txt': body('newline'),
  };
  let repo: GitFixture;
  let main: string;
  before(() => {
    repo = new GitFixture();
    main = repo.commit('base', BASE);
  });
  after(() => {
    repo.cleanup();
  });

  const hostile = [
    'docs/with space.md',
    'docs/new\nline.md',
    'docs/tab\there.md',
    'docs/ünïcødé-日本.md',
    'docs/emoji-🚀.md',
    `docs/quote'"\`.md`,
    'docs/back\\slash.md',
    'docs/-rf.md',
    '-leading-dash',
    ':leading-colon',
    'docs/glob*?[x].md',
    'docs/percent%0A.md',
  ];

  const cases: {
    title: string;
    change: (repo: GitFixture) => void;
    files: ChangedFile[];
  }[] = [
    {
      title: 'added, modified and deleted files',
      change: (r) => r.commit('amd', { 'b.txt': 'b\n', 'a.txt': 'A\n', 'gone.txt': null }),
      files: [
        { path: 'a.txt', status: 'modified' },
        { path: 'b.txt', status: 'added' },
        { path: 'gone.txt', status: 'deleted' },
      ],
    },
    {
      title: 'an exact rename into another directory',
      change: (r) => r.rename('moved.txt', 'elsewhere/deep/moved.txt'),
      files: [{ path: 'elsewhere/deep/moved.txt', status: 'renamed', previousPath: 'moved.txt' }],
    },
    {
      title: 'a rename with a small edit, still a rename',
      change: (r) => {
        r.rename('edited.txt', 'renamed.txt', 'rename');
        r.commit('edit', { 'renamed.txt': body('edited').replace('line 3', 'LINE 3') });
      },
      files: [{ path: 'renamed.txt', status: 'renamed', previousPath: 'edited.txt' }],
    },
    {
      title: 'a rename with a rewrite, a delete and an add',
      change: (r) => {
        r.rename('rewritten.txt', 'fresh.txt', 'rename');
        r.commit('rewrite', { 'fresh.txt': body('entirely different') });
      },
      files: [
        { path: 'fresh.txt', status: 'added' },
        { path: 'rewritten.txt', status: 'deleted' },
      ],
    },
    {
      title: 'a copy of an unchanged file, an add',
      change: (r) => r.commit('copy', { 'long-copy.txt': body('long') }),
      files: [{ path: 'long-copy.txt', status: 'added' }],
    },
    {
      title: 'a mode change, a modification',
      change: (r) => {
        chmodSync(join(r.origin, 'run.sh'), 0o755);
        git(r.origin, 'add', '--', 'run.sh');
        r.commit('chmod');
      },
      files: [{ path: 'run.sh', status: 'modified' }],
    },
    {
      title: 'a file that became a symlink, a modification',
      change: (r) => {
        unlinkSync(join(r.origin, 'link-me.txt'));
        symlinkSync('a.txt', join(r.origin, 'link-me.txt'));
        git(r.origin, 'add', '--', 'link-me.txt');
        r.commit('symlink');
      },
      files: [{ path: 'link-me.txt', status: 'modified' }],
    },
    {
      title: 'a file replaced by a directory of the same name',
      change: (r) => {
        r.commit('file gone', { tool: null });
        r.commit('dir', { 'tool/main.sh': 'main\n' });
      },
      files: [
        { path: 'tool', status: 'deleted' },
        { path: 'tool/main.sh', status: 'added' },
      ],
    },
    {
      title: 'file names with spaces, line breaks, tabs, unicode, quotes and option-like starts',
      change: (r) =>
        r.commit('hostile', Object.fromEntries(hostile.map((path, i) => [path, `hostile ${i}\n`]))),
      files: hostile.map((path) => ({ path, status: 'added' })),
    },
    {
      title: 'renames from names with a space and a line break to unicode names',
      change: (r) => {
        r.rename('with space.txt', 'ünï côdé/with space.txt', 'rename spaced');
        r.rename('new\nline.txt', '日本/new\nline.txt', 'rename newline');
      },
      files: [
        { path: 'ünï côdé/with space.txt', status: 'renamed', previousPath: 'with space.txt' },
        { path: '日本/new\nline.txt', status: 'renamed', previousPath: 'new\nline.txt' },
      ],
    },
    {
      title: 'a file changed and changed back, nothing',
      change: (r) => {
        r.commit('change', { 'a.txt': 'changed\n' });
        r.commit('change back', { 'a.txt': 'a\n' });
      },
      files: [],
    },
    { title: 'an empty commit, nothing', change: (r) => r.commit('empty'), files: [] },
  ];
  for (const [index, c] of cases.entries()) {
    it(`lists ${c.title}`, async () => {
      const head = onBranch(repo, `case-${index}`, c.change);
      const clone = repo.clone({ ref: head, depth: 0 });
      const { result, lines } = await diff(clone, mergeBase(main, head));
      assert.deepEqual(filesOf(result), byPath(c.files));
      assert.ok(result.kind === 'diff');
      assert.deepEqual([result.base, result.head, result.how], [main, head, HOW]);
      assert.deepEqual(lines, [], 'a full clone holding both ends fetches nothing');
    });
  }
  it('finds renames even where the checkout turns rename detection off', async () => {
    const head = onBranch(repo, 'renames-off', (r) => r.rename('long.txt', 'longer.txt'));
    const clone = repo.clone({ ref: head, depth: 0 });
    git(clone, 'config', 'diff.renames', 'false');
    const { result } = await diff(clone, mergeBase(main, head));
    assert.deepEqual(filesOf(result), [
      { path: 'longer.txt', status: 'renamed', previousPath: 'long.txt' },
    ]);
  });
});

describe('gitDiff: merge commits', () => {
  let repo: GitFixture;
  let fork: string;
  before(() => {
    repo = new GitFixture();
    fork = repo.commit('base', { 'src/a.rs': 'a\n', 'docs/a.md': 'a\n' });
  });
  after(() => {
    repo.cleanup();
  });

  it('leaves out what the base branch did after the fork', async () => {
    const head = repo.commitOnBranch('topic-1', 'docs', { 'docs/b.md': 'b\n' });
    repo.checkout('main');
    const moved = repo.commit('main moves', { 'src/main-only.rs': 'm\n' });
    const { result } = await diff(repo.clone({ ref: head }), mergeBase(moved, head));
    assert.equal(result.kind === 'diff' && result.base, fork);
    assert.deepEqual(filesOf(result), [{ path: 'docs/b.md', status: 'added' }]);
  });

  it('leaves out what a branch merged in from its base branch', async () => {
    repo.checkout('main');
    repo.checkout('topic-2', true);
    repo.commit('docs on the branch', { 'docs/c.md': 'c\n' });
    repo.checkout('main');
    const mainTip = repo.commit('rust on main', { 'src/c.rs': 'c\n' });
    repo.checkout('topic-2');
    const head = repo.merge('main', 'Merge main into topic-2');
    repo.checkout('main');
    const { result } = await diff(repo.clone({ ref: head }), mergeBase(mainTip, head));
    assert.equal(result.kind === 'diff' && result.base, mainTip, 'main is the merge base');
    assert.deepEqual(filesOf(result), [{ path: 'docs/c.md', status: 'added' }]);
  });

  it("lists a merged branch's changes for a push of the merge commit", async () => {
    repo.checkout('main');
    const before = repo.sha('main');
    repo.commitOnBranch('topic-3', 'two files', { 'docs/d.md': 'd\n', 'src/d.rs': 'd\n' });
    const merged = repo.merge('topic-3', 'Merge topic-3');
    const { result } = await diff(repo.clone({ ref: merged }), mergeBase(before, merged));
    assert.equal(result.kind === 'diff' && result.base, before);
    assert.deepEqual(filesOf(result), [
      { path: 'docs/d.md', status: 'added' },
      { path: 'src/d.rs', status: 'added' },
    ]);
  });

  it('lists a change made in the merge commit itself', async () => {
    repo.checkout('main');
    const before = repo.sha('main');
    repo.commitOnBranch('topic-4', 'docs', { 'docs/e.md': 'e\n' });
    git(repo.origin, 'merge', '--quiet', '--no-ff', '--no-commit', 'topic-4');
    writeFileSync(join(repo.origin, 'src/a.rs'), 'changed while merging\n');
    git(repo.origin, 'add', '--', 'src/a.rs');
    git(repo.origin, 'commit', '--quiet', '-m', 'Merge topic-4, with a fix');
    const merged = repo.sha('HEAD');
    const { result } = await diff(repo.clone({ ref: merged }), mergeBase(before, merged));
    assert.deepEqual(filesOf(result), [
      { path: 'docs/e.md', status: 'added' },
      { path: 'src/a.rs', status: 'modified' },
    ]);
  });

  it('lists nothing for a head its base already contains', async () => {
    repo.checkout('main');
    const old = repo.sha('HEAD~1');
    const tip = repo.sha('main');
    const { result } = await diff(repo.clone({ ref: old }), mergeBase(tip, old));
    assert.equal(result.kind === 'diff' && result.base, old, 'the head is the merge base');
    assert.deepEqual(filesOf(result), []);
  });

  describe('with no common history', () => {
    let orphan: string;
    before(() => {
      git(repo.origin, 'checkout', '--quiet', '--orphan', 'unrelated');
      git(repo.origin, 'rm', '--quiet', '-r', '-f', '--', '.');
      repo.commit('unrelated root', { 'other.txt': 'o\n' });
      orphan = repo.commit('unrelated child', { 'other.txt': 'p\n' });
      repo.checkout('main');
    });

    for (const depth of [0, 1]) {
      it(`runs every route, naming both ends, from a ${depth === 0 ? 'full' : 'shallow'} clone`, async () => {
        const main = repo.sha('main');
        const clone = repo.clone({ ref: orphan, depth });
        const { result, deepened } = await diff(clone, mergeBase(main, orphan));
        assert.deepEqual(result, {
          kind: 'all',
          cause: 'base-unreachable',
          head: orphan,
          how: `${HOW}: no merge base of ${main} and ${orphan}`,
        });
        if (depth === 0) assert.deepEqual(deepened, [], 'a full clone has nothing to deepen');
        else {
          assert.deepEqual(deepened, [32], 'deepening stops once the clone is complete');
          assert.equal(isShallow(clone), false);
        }
      });
    }
  });
});

describe('gitDiff: fetching what the clone lacks', () => {
  let repo: GitFixture;
  let fork: string;
  let head: string;
  before(() => {
    repo = new GitFixture();
    fork = repo.commit('base', { 'a.txt': 'a\n' });
    git(repo.origin, 'tag', '--annotate', '-m', 'release', 'v1.0');
    head = repo.commitOnBranch('topic', 'docs', { 'docs/a.md': 'a\n' });
    repo.checkout('main');
    repo.commit('main moves', { 'b.txt': 'b\n' });
  });
  after(() => {
    repo.cleanup();
  });

  it('fetches a base sha into a shallow clone, deepens once, and asks for nothing again', async () => {
    const clone = repo.clone({ ref: head });
    const main = repo.sha('main');
    const first = await diff(clone, mergeBase(main, head));
    assert.equal(first.result.kind === 'diff' && first.result.base, fork);
    assert.deepEqual(filesOf(first.result), [{ path: 'docs/a.md', status: 'added' }]);
    assert.deepEqual(first.fetched, [main]);
    assert.deepEqual(first.deepened, [32]);
    const again = await diff(clone, mergeBase(main, head));
    assert.deepEqual(again.result, first.result);
    assert.deepEqual(again.lines, [], 'the second run finds everything in the clone');
  });

  it('fetches only the tip of a base far from the fork, and deepens both ends', async () => {
    repo.checkout('main');
    repo.checkout('busy', true);
    repo.checkout('main');
    emptyCommits(repo, 'busy', 40);
    const busy = repo.sha('busy');
    const { result, fetched, deepened } = await diff(
      repo.clone({ ref: head }),
      mergeBase(busy, head),
    );
    assert.deepEqual(fetched, [busy]);
    assert.deepEqual(deepened, [32, 128], 'the fork is 41 commits behind the fetched base');
    assert.equal(result.kind === 'diff' && result.base, fork);
    assert.deepEqual(filesOf(result), [{ path: 'docs/a.md', status: 'added' }]);
  });

  it("fetches a base into a full clone with its history, and doesn't deepen", async () => {
    const clone = repo.clone({ ref: head, depth: 0 });
    const main = repo.sha('main');
    assert.equal(hasCommit(clone, main), false, 'the clone starts without main');
    const { result, fetched, deepened } = await diff(clone, mergeBase(main, head));
    assert.equal(result.kind === 'diff' && result.base, fork);
    assert.deepEqual(fetched, [main]);
    assert.deepEqual(deepened, []);
    assert.equal(isShallow(clone), false, 'a full clone stays complete');
  });

  const revisions: [string, string, () => string][] = [
    ['a branch ref (new-branch push)', 'refs/heads/main', () => repo.sha('main')],
    ['a branch name (the base input)', 'main', () => repo.sha('main')],
    ['an annotated tag name', 'v1.0', () => fork],
  ];
  for (const [title, rev, commit] of revisions) {
    it(`fetches ${title} as a base and diffs from its merge base`, async () => {
      const clone = repo.clone({ ref: head });
      const { result, fetched } = await diff(clone, mergeBase(rev, head));
      assert.deepEqual(fetched, [rev]);
      assert.equal(result.kind === 'diff' && result.base, fork);
      assert.ok(hasCommit(clone, commit()), `${rev} is now in the clone`);
      assert.deepEqual(filesOf(result), [{ path: 'docs/a.md', status: 'added' }]);
    });
  }

  it('keeps a fetched branch ref as origin/<branch> and resolves it there next time', async () => {
    const clone = repo.clone({ ref: head });
    await diff(clone, mergeBase('refs/heads/main', head));
    assert.equal(git(clone, 'rev-parse', 'refs/remotes/origin/main'), repo.sha('main'));
    const again = await diff(clone, mergeBase('refs/heads/main', head));
    assert.deepEqual(again.fetched, []);
    const byName = await diff(clone, mergeBase('main', head));
    assert.deepEqual(byName.fetched, [], "'main' resolves as origin/main");
    assert.equal(byName.result.kind === 'diff' && byName.result.base, fork);
  });

  it('fetches a head the clone lacks, by branch name, and diffs up to it', async () => {
    const clone = repo.clone({ ref: repo.sha('main') });
    const { result, fetched } = await diff(clone, mergeBase(repo.sha('main'), 'topic'));
    assert.deepEqual(fetched, ['topic']);
    assert.deepEqual(result, {
      kind: 'diff',
      base: fork,
      head,
      how: HOW,
      files: [{ path: 'docs/a.md', status: 'added' }],
    });
  });
});

describe('gitDiff: a base or head that cannot be had', () => {
  let repo: GitFixture;
  let head: string;
  let orphaned: string;
  before(() => {
    repo = new GitFixture();
    repo.commit('base', { 'a.txt': 'a\n' });
    repo.checkout('doomed', true);
    orphaned = repo.commit('soon gone', { 'b.txt': 'b\n' });
    repo.checkout('main');
    git(repo.origin, 'branch', '--quiet', '-D', 'doomed');
    git(repo.origin, 'reflog', 'expire', '--expire=now', '--all');
    git(repo.origin, 'gc', '--quiet', '--prune=now');
    head = repo.commit('head', { 'c.txt': 'c\n' });
  });
  after(() => {
    repo.cleanup();
  });

  /**
   * Asserts a run-all result whose `how` is `prefix`, then `: <cause> (<git's words>); <fix>`,
   * and that the same cause and fix were logged as a warning.
   */
  function assertFetchFailed(
    diffed: Diffed,
    expected: { head: string; prefix: string; cause: RegExp; fix: RegExp },
  ): void {
    const { result, warnings } = diffed;
    assert.equal(result.kind, 'all');
    assert.deepEqual([result.cause, result.head], ['base-unreachable', expected.head]);
    assert.ok(result.how.startsWith(`${expected.prefix}: `), result.how);
    const problem = result.how.slice(expected.prefix.length + 2);
    assert.match(problem, expected.cause);
    assert.match(problem, expected.fix);
    assert.deepEqual(warnings, [`change-router could not fetch from origin: ${problem}`]);
  }

  const MISSING = /^origin does not have it \(fatal: .*(not our ref|couldn't find remote ref)/;
  const MISSING_FIX = /route revisions origin still has \(the base and head inputs\)$/;
  const NETWORK =
    /^origin could not be reached \(fatal: .*nowhere' does not appear to be a git repository\)/;
  const NETWORK_FIX = /fetch-depth: 0/;

  for (const [title, base] of [
    ['a base sha origin never had', () => MISSING_SHA],
    ['a base sha origin pruned after a force push', () => orphaned],
    ['a base branch origin does not have', () => 'refs/heads/no-such-branch'],
  ] as const) {
    it(`runs every route for ${title}, saying origin does not have it`, async () => {
      const diffed = await diff(repo.clone({ ref: head }), mergeBase(base(), head));
      assert.deepEqual(diffed.fetched, [base()]);
      assertFetchFailed(diffed, {
        head,
        prefix: `${HOW}: ${base()} could not be fetched`,
        cause: MISSING,
        fix: MISSING_FIX,
      });
    });
  }

  it('runs every route for a head that cannot be fetched, keeping its name', async () => {
    const missing = 'e'.repeat(40);
    const diffed = await diff(repo.clone({ ref: head }), mergeBase(head, missing));
    assert.deepEqual(diffed.fetched, [missing], 'the base is not even looked for');
    assertFetchFailed(diffed, {
      head: missing,
      prefix: `head ${missing} is not in the clone and could not be fetched`,
      cause: MISSING,
      fix: MISSING_FIX,
    });
  });

  it('runs every route when origin is gone before the base is fetched, saying so', async () => {
    const clone = repo.clone({ ref: head });
    git(clone, 'remote', 'set-url', 'origin', `file://${join(repo.root, 'nowhere')}`);
    const base = repo.sha('main~1');
    assertFetchFailed(await diff(clone, mergeBase(base, head)), {
      head,
      prefix: `${HOW}: ${base} could not be fetched`,
      cause: NETWORK,
      fix: NETWORK_FIX,
    });
  });

  it('stops deepening at the first fetch that fails, and says why', async () => {
    const base = repo.sha('main~1');
    const clone = repo.clone({ ref: head });
    git(clone, 'fetch', '--quiet', '--depth=1', 'origin', base);
    git(clone, 'remote', 'set-url', 'origin', `file://${join(repo.root, 'nowhere')}`);
    const diffed = await diff(clone, mergeBase(base, head));
    assert.deepEqual(diffed.fetched, [], 'both ends are in the clone');
    assert.deepEqual(diffed.deepened, [32], 'one attempt, then no more');
    assertFetchFailed(diffed, {
      head,
      prefix: `${HOW}: no merge base of ${base} and ${head}; deepening failed`,
      cause: NETWORK,
      fix: NETWORK_FIX,
    });
  });
});

describe('gitDiff: run-all requests', () => {
  let repo: GitFixture;
  let main: string;
  let other: string;
  before(() => {
    repo = new GitFixture();
    main = repo.commit('base', { 'a.txt': 'a\n' });
    other = repo.commitOnBranch('other', 'other', { 'b.txt': 'b\n' });
  });
  after(() => {
    repo.cleanup();
  });

  const all = (head: string | undefined): RangeRequest => ({
    kind: 'all',
    cause: 'event:schedule',
    head,
    how: 'no base',
  });

  it('keeps the cause and resolves a symbolic head to its sha', async () => {
    const { result, fetched } = await diff(repo.clone(), all('HEAD'));
    assert.deepEqual(result, { kind: 'all', cause: 'event:schedule', head: main, how: 'no base' });
    assert.deepEqual(fetched, []);
  });

  it('fetches a head the clone lacks, so its commit message can be read', async () => {
    const clone = repo.clone();
    const { result, fetched } = await diff(clone, all(other));
    assert.deepEqual(fetched, [other]);
    assert.equal(result.head, other);
    assert.ok(hasCommit(clone, other));
  });

  it('keeps a head that cannot be fetched as it was given', async () => {
    const missing = 'e'.repeat(40);
    const { result } = await diff(repo.clone(), all(missing));
    assert.deepEqual(result, all(missing));
  });

  it('leaves an absent head absent', async () => {
    const { result, lines } = await diff(repo.clone(), all(undefined));
    assert.equal(result.head, undefined);
    assert.equal(result.kind === 'all' && result.cause, 'event:schedule');
    assert.deepEqual(lines, []);
  });
});

describe('gitDiff: bounded deepening of a shallow clone', { concurrency: true }, () => {
  /** Commits between the fork and the branch tip: more than the deepening steps reach. */
  const LENGTH = 3800;
  let repo: GitFixture;
  let fork: string;
  /** The branch commit `distance` commits after the fork. */
  const commitAt = (distance: number) => repo.sha(`long~${LENGTH - distance}`);

  before(() => {
    repo = new GitFixture();
    fork = repo.commit('fork', { 'a.txt': 'a\n' });
    repo.commitOnBranch('long', 'docs', { 'docs/long.md': 'x\n' });
    emptyCommits(repo, 'long', LENGTH - 1);
  });
  after(() => {
    repo.cleanup();
  });

  // A depth-1 clone holds the head alone; each step reaches `step` commits further back.
  const reach = (steps: number) => DEEPEN_STEPS.slice(0, steps).reduce((sum, n) => sum + n, 0);

  it('reaches about 3,700 commits back in four steps, as documented', () => {
    assert.deepEqual(DEEPEN_STEPS, [32, 128, 512, 3072]);
    assert.ok(LENGTH > reach(4) + 1, 'the test history is longer than the steps reach');
  });

  // Each side of the first step's reach, the first distance that needs each later step, the
  // farthest merge base found (the last is past it).
  const cases: [number, number[]][] = [
    [reach(1), [32]],
    [reach(1) + 1, [32, 128]],
    [reach(2) + 1, [32, 128, 512]],
    [reach(3) + 1, DEEPEN_STEPS],
    [reach(4), DEEPEN_STEPS],
  ];
  for (const [distance, steps] of cases) {
    it(`finds a merge base ${distance} commits back in ${steps.length} step(s)`, async () => {
      const head = commitAt(distance);
      const clone = repo.clone({ ref: head });
      const { result, deepened } = await diff(clone, mergeBase(fork, head));
      assert.deepEqual(deepened, steps);
      assert.equal(result.kind === 'diff' && result.base, fork);
      assert.deepEqual(filesOf(result), [{ path: 'docs/long.md', status: 'added' }]);
    });
  }

  it(`gives up ${reach(4) + 1} commits back, after the last step`, async () => {
    const head = commitAt(reach(4) + 1);
    const clone = repo.clone({ ref: head });
    const { result, deepened } = await diff(clone, mergeBase(fork, head));
    assert.deepEqual(deepened, DEEPEN_STEPS);
    assert.equal(isShallow(clone), true, 'the clone was never fetched whole');
    assert.deepEqual(result, {
      kind: 'all',
      cause: 'base-unreachable',
      head,
      how: `${HOW}: no merge base of ${fork} and ${head}`,
    });
  });
});
