/**
 * `lanekit route`'s base: the revisions --base and --head name must exist, and without --base
 * the default branch decides (its merge base, or HEAD~1 on the default branch itself).
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Plan } from '../../src/routing/route-changes.ts';
import { GitFixture, git } from '../../src/rehearsal/git-fixture.ts';
import { assertUsageError, lanekit } from './lanekit-process.ts';

const ROUTES = `routes:
  rust:
    paths: ['crates/**']
  docs:
    paths: ['docs/**']
fallback: []
`;

function runs(plan: Plan): string[] {
  return Object.entries(plan.routes)
    .filter(([, route]) => route.run)
    .map(([name]) => name);
}

async function planOf(cwd: string, ...args: string[]): Promise<Plan> {
  const run = await lanekit(cwd, 'route', '--json', ...args);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Plan;
}

describe('lanekit route: the base and head', () => {
  let fixture: GitFixture;
  let first: string;
  let crates: string;
  let docs: string;
  let clones = 0;

  /** `git clone` of the fixture's origin: on main, with origin/HEAD, as a developer has it. */
  function freshClone(...options: string[]): string {
    const dir = join(fixture.root, `clone-${clones++}`);
    git(fixture.root, 'clone', '--quiet', ...options, fixture.url, dir);
    return dir;
  }

  function commitIn(dir: string, message: string, path: string): string {
    git(dir, 'add', '--', path);
    git(dir, 'commit', '--quiet', '-m', message);
    return git(dir, 'rev-parse', 'HEAD');
  }

  before(() => {
    fixture = new GitFixture();
    first = fixture.commit('routes', {
      '.github/lanekit/routes.yml': ROUTES,
      'crates/a.rs': '//\n',
      'docs/a.md': 'a\n',
    });
    crates = fixture.commit('crates', { 'crates/b.rs': '//\n' });
    docs = fixture.commit('docs', { 'docs/b.md': 'b\n' });
  });
  after(() => {
    fixture.cleanup();
  });

  it('compares a fresh clone on the default branch with HEAD~1, not with itself', async () => {
    const clone = freshClone();
    const text = await lanekit(clone, 'route');
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      new RegExp(
        `^base ${crates} \\(HEAD~1: HEAD is on the default branch refs/remotes/origin/main\\)$`,
        'm',
      ),
    );
    assert.match(text.stdout, /^head [0-9a-f]{40}, 1 changed files$/m);
    assert.match(text.stdout, /^run {3}docs {2}docs\/b\.md matches docs\/\*\*$/m);
    assert.match(text.stdout, /^skip {2}rust$/m);
    assert.doesNotMatch(text.stdout, /same commit/);

    const plan = await planOf(clone);
    assert.equal(plan.base, crates);
    assert.equal(plan.head, docs);
    assert.equal(plan.how, 'HEAD~1: HEAD is on the default branch refs/remotes/origin/main');
    assert.deepEqual(runs(plan), ['docs']);
  });

  it('compares HEAD detached on the default branch with HEAD~1', async () => {
    const clone = freshClone();
    git(clone, 'checkout', '--quiet', '--detach', crates);
    const plan = await planOf(clone);
    assert.equal(plan.base, first);
    assert.deepEqual(runs(plan), ['rust']);
  });

  it('compares --head on the default branch with its parent', async () => {
    const plan = await planOf(freshClone(), '--head', 'HEAD~1');
    assert.equal(plan.base, first);
    assert.equal(plan.head, crates);
  });

  it('compares a local default branch ahead of origin with origin: every commit not pushed', async () => {
    const clone = freshClone();
    git(clone, 'config', 'user.name', 'T');
    git(clone, 'config', 'user.email', 't@example.com');
    mkdirSync(join(clone, 'crates'), { recursive: true });
    writeFileSync(join(clone, 'crates', 'c.rs'), '//\n');
    commitIn(clone, 'crates c', 'crates/c.rs');
    writeFileSync(join(clone, 'docs', 'c.md'), 'c\n');
    commitIn(clone, 'docs c', 'docs/c.md');
    const text = await lanekit(clone, 'route');
    assert.match(
      text.stdout,
      new RegExp(`^base ${docs} \\(merge base with refs/remotes/origin/main\\)$`, 'm'),
    );
    const plan = await planOf(clone);
    assert.equal(plan.changedFiles, 2);
    assert.deepEqual(runs(plan), ['rust', 'docs']);
  });

  it('compares a topic branch with its merge base with the default branch', async () => {
    const clone = freshClone();
    git(clone, 'checkout', '--quiet', '-b', 'topic', crates);
    writeFileSync(join(clone, 'crates', 'topic.rs'), '//\n');
    commitIn(clone, 'topic', 'crates/topic.rs');
    const text = await lanekit(clone, 'route');
    assert.match(
      text.stdout,
      new RegExp(`^base ${crates} \\(merge base with refs/remotes/origin/main\\)$`, 'm'),
    );
    const plan = await planOf(clone);
    assert.deepEqual(runs(plan), ['rust']);
    assert.equal(plan.changedFiles, 1);
  });

  it('says so when a shallow clone lacks HEAD~1, instead of comparing HEAD with itself', async () => {
    const run = await lanekit(freshClone('--depth=1'), 'route');
    assert.equal(run.code, 2, run.stdout);
    assert.equal(run.stdout, '');
    assert.match(
      run.stderr,
      /^lanekit route: HEAD~1 is not in this shallow clone: fetch more history \(git fetch --deepen=1 origin\) or pass --base REV\n$/,
    );
  });

  it('compares nothing on a first commit, and says why', async () => {
    const single = new GitFixture();
    try {
      single.commit('only', { '.github/lanekit/routes.yml': ROUTES, 'docs/a.md': 'a\n' });
      const dir = join(single.root, 'fresh');
      git(single.root, 'clone', '--quiet', single.url, dir);
      const text = await lanekit(dir, 'route');
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /\(HEAD is the first commit: nothing earlier to compare with\)/);
      assert.match(text.stdout, /The base and the head are the same commit/);
    } finally {
      single.cleanup();
    }
  });

  it('names the revisions it tried when there is no default branch', async () => {
    const clone = fixture.clone({ depth: 0 });
    const run = await lanekit(clone, 'route');
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'lanekit route: no default branch found (origin/HEAD, origin/main, origin/master, main, master): pass --base REV\n',
    );
  });

  for (const option of ['--base', '--head']) {
    it(`rejects ${option} naming no commit of the clone, naming the revision`, async () => {
      const clone = freshClone();
      for (const rev of ['mian', 'v9.9.9', 'a'.repeat(40), 'HEAD~99', 'main:docs']) {
        const run = await lanekit(clone, 'route', option, rev);
        assertUsageError(run, 'lanekit route', `${option}: got '${rev}'`, 'no commit of that name');
        assert.doesNotMatch(run.stderr, /base-unreachable/);
      }
    });

    it(`shows a hostile ${option} value on one line`, async () => {
      const run = await lanekit(freshClone(), 'route', option, 'x\n::error::y');
      assertUsageError(run, 'lanekit route', `${option}: got 'x\\n::error::y'`);
    });
  }

  it("takes origin's branch for a branch the clone has only as origin's", async () => {
    const clone = fixture.clone({ depth: 0, ref: docs });
    git(clone, 'fetch', '--quiet', 'origin', 'main:refs/remotes/origin/main');
    const text = await lanekit(clone, 'route', '--base', 'main', '--head', 'HEAD~1');
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`^base ${crates} \\(merge base with main\\)$`, 'm'));
    assert.match(text.stdout, /The base and the head are the same commit/);
  });

  it('takes a tag, a sha and a relative revision', async () => {
    const clone = freshClone();
    git(clone, 'tag', 'v1', first);
    for (const base of ['v1', first, 'HEAD~2']) {
      const plan = await planOf(clone, '--base', base);
      assert.equal(plan.base, first, base);
      assert.deepEqual(runs(plan), ['rust', 'docs'], base);
    }
  });
});
