import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Plan } from '../src/routing/route-changes.ts';
import { GitFixture, git } from '../src/rehearsal/git-fixture.ts';
import { lanekit } from './cli/lanekit-process.ts';

describe('lanekit route', () => {
  let repo: GitFixture;
  let checkout: string;
  before(() => {
    repo = new GitFixture();
    repo.commit('base', {
      '.github/lanekit/routes.yml':
        "routes:\n  rust:\n    paths: ['crates/**']\n  docs:\n    paths: ['docs/**']\n",
      'crates/a.rs': '//\n',
    });
    checkout = repo.clone({ depth: 0 });
    git(checkout, 'checkout', '--quiet', '-b', 'topic');
    git(
      checkout,
      '-c',
      'user.name=T',
      '-c',
      'user.email=t@e',
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      'x',
    );
    git(checkout, 'fetch', '--quiet', 'origin', 'main:refs/remotes/origin/main');
  });
  after(() => {
    repo.cleanup();
  });

  it('prints the plan against the merge base with the default branch', async () => {
    repo.commit('main moves', { 'crates/b.rs': '//\n' });
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(checkout, 'docs'), { recursive: true });
    writeFileSync(join(checkout, 'docs', '::set-env name=x::y.md'), 'x\n');
    git(checkout, 'add', '--', 'docs');
    git(checkout, '-c', 'user.name=T', '-c', 'user.email=t@e', 'commit', '--quiet', '-m', 'docs');
    const { code, stdout } = await lanekit(checkout, 'route');
    assert.equal(code, 0);
    assert.match(stdout, /merge base with refs\/remotes\/origin\/main/);
    assert.match(stdout, /^skip {2}rust$/m);
    assert.match(stdout, /^run {3}docs {2}docs\/::set-env name=x::y\.md matches docs\/\*\*$/m);

    const json = await lanekit(checkout, 'route', '--json');
    const plan = JSON.parse(json.stdout) as Plan;
    assert.equal(plan.changedFiles, 1);
    assert.equal(plan.routes.docs!.run, true);
  });

  it('takes --base, --head and --routes', async () => {
    const { code, stdout } = await lanekit(
      checkout,
      'route',
      '--base',
      'HEAD~2',
      '--head',
      'HEAD~1',
      '--routes',
      '.github/lanekit/routes.yml',
    );
    assert.equal(code, 0, stdout);
    assert.match(stdout, /0 changed files/);
  });

  it('explains bad usage without a stack trace', async () => {
    const unknown = await lanekit(checkout, 'rout');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command 'rout'/);
    const missing = await lanekit(checkout, 'route', '--routes', 'nope.yml');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--routes: got 'nope.yml'/);
    const option = await lanekit(checkout, 'route', '--bsae', 'x');
    assert.equal(option.code, 2);
    assert.match(option.stderr, /unknown option '--bsae', expected one of --base REV/);
    for (const run of [unknown, missing, option]) assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
});
