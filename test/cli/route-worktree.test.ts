/**
 * `lanekit route --worktree`: the uncommitted changes (staged, unstaged, untracked and not
 * ignored) join the diff with their statuses and contents, and nothing of the checkout changes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Plan } from '../../src/routing/route-changes.ts';
import { GitFixture, git } from '../../src/rehearsal/git-fixture.ts';
import { assertUsageError, lanekit } from './lanekit-process.ts';

const ROUTES = `routes:
  added:
    paths: ['src/**']
    status: [added]
  modified:
    paths: ['src/**']
    status: [modified]
  deleted:
    paths: ['src/**']
    status: [deleted]
  renamed:
    paths: ['src/**']
    status: [renamed]
  deps:
    keys:
      package.json: ['dependencies.*']
  docs:
    paths: ['docs/**']
fallback: []
force:
  trailers: ['CI-Routes: all']
`;

/** A file's text, long enough for rename detection and like no other file's. */
function body(name: string): string {
  return Array.from(
    { length: 20 },
    (_, i) => `export const line${i} = ${JSON.stringify(name)};\n`,
  ).join('');
}

const PACKAGE = '{ "version": "1.0.0", "dependencies": { "left-pad": "1.0.0" } }\n';

const HOSTILE = [
  'src/with space.ts',
  'src/new\nline.ts',
  'src/tab\there.ts',
  'src/--help.ts',
  'src/-n.ts',
  'src/:colon.ts',
  `src/quote'"d.ts`,
  'src/ünïcödé.ts',
  'src/back\\slash.ts',
  'src/*star?.ts',
  'src/::error::x.ts',
];

type WorktreePlan = Plan & { worktree?: { parent: string; uncommitted: number } };

/** Each route's reason paths, for the routes that run. */
function reasonPaths(plan: Plan): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(plan.routes)
      .filter(([, route]) => route.run)
      .map(([name, route]) => [
        name,
        route.reasons.map((r) => (r.type === 'path' ? r.path : r.type)).sort(),
      ]),
  );
}

function write(dir: string, path: string, content: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

describe('lanekit route --worktree', () => {
  let fixture: GitFixture;
  let head: string;
  let clones = 0;

  before(() => {
    fixture = new GitFixture();
    fixture.commit('routes', {
      '.github/lanekit/routes.yml': ROUTES,
      '.gitignore': 'src/generated/\n',
      'package.json': PACKAGE,
      ...Object.fromEntries(
        [
          'src/edit.ts',
          'src/staged-edit.ts',
          'src/gone.ts',
          'src/staged-gone.ts',
          'src/move-me.ts',
          'src/old name\nwith newline.ts',
          ...HOSTILE.map((path) => `${path}.committed`),
        ].map((path) => [path, body(path)]),
      ),
    });
    head = fixture.commit('docs', { 'docs/guide.md': 'guide\n' });
  });
  after(() => {
    fixture.cleanup();
  });

  function freshClone(): string {
    const dir = join(fixture.root, `clone-${clones++}`);
    git(fixture.root, 'clone', '--quiet', fixture.url, dir);
    return dir;
  }

  async function worktreePlan(cwd: string, ...args: string[]): Promise<WorktreePlan> {
    const run = await lanekit(cwd, 'route', '--worktree', '--json', ...args);
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout) as WorktreePlan;
  }

  it('routes staged, unstaged and untracked changes with their statuses', async () => {
    const clone = freshClone();
    write(clone, 'src/staged-new.ts', body('src/staged-new.ts'));
    git(clone, 'add', '--', 'src/staged-new.ts');
    write(clone, 'src/untracked.ts', 'export {};\n');
    write(clone, 'src/edit.ts', `${body('src/edit.ts')}// edited\n`);
    write(clone, 'src/staged-edit.ts', `${body('src/staged-edit.ts')}// staged\n`);
    git(clone, 'add', '--', 'src/staged-edit.ts');
    rmSync(join(clone, 'src/gone.ts'));
    git(clone, 'rm', '--quiet', '--', 'src/staged-gone.ts');
    git(clone, 'mv', '--', 'src/move-me.ts', 'src/moved.ts');

    const committed = await lanekit(clone, 'route', '--base', 'HEAD', '--json');
    assert.deepEqual(reasonPaths(JSON.parse(committed.stdout) as Plan), {});

    const plan = await worktreePlan(clone, '--base', 'HEAD');
    assert.deepEqual(reasonPaths(plan), {
      added: ['src/staged-new.ts', 'src/untracked.ts'],
      modified: ['src/edit.ts', 'src/staged-edit.ts'],
      deleted: ['src/gone.ts', 'src/staged-gone.ts'],
      renamed: ['src/moved.ts'],
    });
    assert.equal(plan.changedFiles, 7);
    assert.deepEqual(plan.worktree, { parent: head, uncommitted: 7 });
    assert.equal(plan.base, head);
    assert.notEqual(plan.head, head);

    const text = await lanekit(clone, 'route', '--base', 'HEAD', '--worktree');
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      new RegExp(`^head ${head} \\+ worktree \\(7 uncommitted files\\), 7 changed files$`, 'm'),
    );
    assert.match(text.stdout, /^run {3}renamed {3}src\/moved\.ts matches src\/\*\*$/m);
  });

  it('adds the uncommitted changes to the diff with the default base', async () => {
    const clone = freshClone();
    write(clone, 'src/untracked.ts', 'export {};\n');
    const plan = await worktreePlan(clone);
    assert.equal(plan.base, fixture.sha('HEAD~1'));
    assert.deepEqual(reasonPaths(plan), {
      added: ['src/untracked.ts'],
      docs: ['docs/guide.md'],
    });
  });

  it('leaves out ignored files', async () => {
    const clone = freshClone();
    write(clone, 'src/generated/out.ts', 'export {};\n');
    write(clone, 'src/excluded.ts', 'export {};\n');
    writeFileSync(join(clone, '.git', 'info', 'exclude'), 'src/excluded.ts\n');
    write(clone, 'src/kept.ts', 'export {};\n');
    const plan = await worktreePlan(clone, '--base', 'HEAD');
    assert.deepEqual(reasonPaths(plan), { added: ['src/kept.ts'] });
  });

  it('keeps hostile file names exact: spaces, newlines, tabs, dashes, quotes, globs', async () => {
    const clone = freshClone();
    for (const path of HOSTILE) write(clone, path, 'export {};\n');
    git(clone, 'add', '--', ...HOSTILE.slice(0, 4));
    for (const path of HOSTILE.slice(0, 6)) {
      write(clone, `${path}.committed`, `${body(`${path}.committed`)}// x\n`);
    }
    for (const path of HOSTILE.slice(6)) rmSync(join(clone, `${path}.committed`));
    renameSync(
      join(clone, 'src/old name\nwith newline.ts'),
      join(clone, 'src/new name\nwith newline.ts'),
    );
    const plan = await worktreePlan(clone, '--base', 'HEAD');
    assert.deepEqual(reasonPaths(plan), {
      added: [...HOSTILE].sort(),
      modified: HOSTILE.slice(0, 6)
        .map((p) => `${p}.committed`)
        .sort(),
      deleted: HOSTILE.slice(6)
        .map((p) => `${p}.committed`)
        .sort(),
      renamed: ['src/new name\nwith newline.ts'],
    });

    const text = await lanekit(clone, 'route', '--base', 'HEAD', '--worktree');
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      /^run {3}renamed {3}src\/new name\\nwith newline\.ts matches src\/\*\*$/m,
    );
    assert.doesNotMatch(text.stdout, /^\s*::/m);
  });

  it('reads file contents as the worktree has them, not as staged', async () => {
    const clone = freshClone();
    write(clone, 'package.json', PACKAGE.replace('1.0.0", "dep', '2.0.0", "dep'));
    git(clone, 'add', '--', 'package.json');
    write(clone, 'package.json', PACKAGE.replace('"left-pad": "1.0.0"', '"left-pad": "1.3.0"'));
    assert.deepEqual(reasonPaths(await worktreePlan(clone, '--base', 'HEAD')), {
      deps: ['key'],
    });

    write(clone, 'package.json', PACKAGE.replace('"left-pad": "1.0.0"', '"left-pad": "9.0.0"'));
    git(clone, 'add', '--', 'package.json');
    write(clone, 'package.json', PACKAGE);
    const reverted = await worktreePlan(clone, '--base', 'HEAD');
    assert.deepEqual(reasonPaths(reverted), {});
    assert.equal(reverted.changedFiles, 0);
  });

  it('routes HEAD itself when nothing is uncommitted', async () => {
    const clone = freshClone();
    const plan = await worktreePlan(clone);
    assert.equal(plan.head, head);
    assert.deepEqual(plan.worktree, { parent: head, uncommitted: 0 });
  });

  it('takes the whole worktree from a subdirectory', async () => {
    const clone = freshClone();
    write(clone, 'docs/new.md', 'new\n');
    write(clone, 'src/untracked.ts', 'export {};\n');
    const plan = await worktreePlan(join(clone, 'src'), '--base', 'HEAD');
    assert.deepEqual(reasonPaths(plan), { added: ['src/untracked.ts'], docs: ['docs/new.md'] });
  });

  it("keeps HEAD's force trailers", async () => {
    const clone = freshClone();
    git(clone, 'commit', '--quiet', '--allow-empty', '-m', 'all of it\n\nCI-Routes: all');
    write(clone, 'src/untracked.ts', 'export {};\n');
    const plan = await worktreePlan(clone, '--base', 'HEAD');
    assert.equal(Object.values(plan.routes).filter((r) => r.run).length, 6);
    assert.deepEqual(plan.routes.docs!.reasons, [
      { type: 'fallback', cause: 'trailer:CI-Routes: all' },
    ]);
  });

  it('leaves the index, the worktree, refs, stash and config as they were', async () => {
    const clone = freshClone();
    git(clone, 'config', 'commit.gpgSign', 'true');
    git(clone, 'config', 'user.signingKey', 'no-such-key');
    write(clone, 'src/staged-new.ts', 'export {};\n');
    git(clone, 'add', '--', 'src/staged-new.ts');
    write(clone, 'src/edit.ts', `${body('src/edit.ts')}// edited\n`);
    write(clone, 'src/untracked.ts', 'export {};\n');
    rmSync(join(clone, 'src/gone.ts'));
    const state = () => ({
      index: readFileSync(join(clone, '.git', 'index')).toString('base64'),
      status: git(clone, 'status', '--porcelain=v2', '-z', '--untracked-files=all'),
      refs: git(clone, 'for-each-ref'),
      stash: git(clone, 'stash', 'list'),
      config: readFileSync(join(clone, '.git', 'config'), 'utf8'),
      edit: readFileSync(join(clone, 'src/edit.ts'), 'utf8'),
    });
    const before = state();
    const plan = await worktreePlan(clone, '--base', 'HEAD');
    assert.equal(plan.changedFiles, 4);
    assert.deepEqual(state(), before);
  });

  it('does not go with --head', async () => {
    const run = await lanekit(freshClone(), 'route', '--worktree', '--head', 'HEAD');
    assertUsageError(run, 'lanekit route', '--worktree', '--head');
  });
});
