/**
 * The exit statuses the usage documents, for each command: 0 success, 1 a check failed (scan's
 * --fail-on), 2 a usage or configuration error.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GitFixture, git } from '../../src/rehearsal/git-fixture.ts';
import { ROOT } from '../../src/rehearsal/runner.ts';
import { lanekit } from './lanekit-process.ts';

const ROUTES = "routes:\n  docs:\n    paths: ['docs/**']\n  rust:\n    paths: ['crates/**']\n";

describe('lanekit: exit statuses', () => {
  let fixture: GitFixture;
  let clone: string;
  before(() => {
    fixture = new GitFixture();
    fixture.commit('routes', { '.github/lanekit/routes.yml': ROUTES });
    fixture.commit('docs', { 'docs/a.md': 'a\n' });
    clone = join(fixture.root, 'clone');
    git(fixture.root, 'clone', '--quiet', fixture.url, clone);
    writeFileSync(join(clone, 'cold.log'), 'setup\nnpm cache is not found\n');
    writeFileSync(join(clone, 'warm.log'), 'setup\nCache restored from key: x\n');
    writeFileSync(join(clone, 'bad-routes.yml'), 'routes:\n  docs:\n    patsh: [docs]\n');
    writeFileSync(join(clone, 'bad-markers.yml'), 'rules:\n  - id: x\n');
  });
  after(() => {
    fixture.cleanup();
  });

  describe('route', () => {
    it('0: the plan was printed', async () => {
      const run = await lanekit(clone, 'route');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^run {3}docs/m);
    });

    it('0 also when every route runs: route checks nothing', async () => {
      const run = await lanekit(clone, 'route', '--base', 'HEAD~1', '--worktree');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^run {3}docs/m);
      assert.match(run.stdout, /^run {3}rust/m);
    });

    it('2: a bad option', async () => {
      assert.equal((await lanekit(clone, 'route', '--bsae', 'x')).code, 2);
    });

    it('2: a revision not in the clone', async () => {
      assert.equal((await lanekit(clone, 'route', '--base', 'mian')).code, 2);
    });

    it('2: a bad routes file, named with its line', async () => {
      const run = await lanekit(clone, 'route', '--routes', 'bad-routes.yml');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^lanekit route: bad-routes\.yml:3:\d+: [^\n]*patsh[^\n]*\n$/);
    });

    it('2: no routes file, and no --routes', async () => {
      const empty = new GitFixture();
      try {
        empty.commit('empty');
        const run = await lanekit(empty.origin, 'route');
        assert.equal(run.code, 2);
        assert.match(
          run.stderr,
          /^lanekit route: no routes file at \S+\/\.github\/lanekit\/routes\.yml: write one, or pass --routes FILE\n$/,
        );
      } finally {
        empty.cleanup();
      }
    });

    it('2: not a git checkout', async () => {
      const run = await lanekit(fixture.root, 'route');
      assert.equal(run.code, 2);
      assert.equal(
        run.stderr,
        'lanekit route: not inside a git checkout: run lanekit route in one\n',
      );
    });
  });

  describe('scan', () => {
    it('0: no --fail-on marker found', async () => {
      const run = await lanekit(clone, 'scan', '--fail-on', 'cache-miss', 'warm.log');
      assert.equal(run.code, 0, run.stderr);
    });

    it('0: markers found, but --fail-on names none of them', async () => {
      const run = await lanekit(clone, 'scan', 'cold.log');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /setup-cache\/not-found/);
    });

    it('1: a --fail-on marker found, in text and in JSON', async () => {
      const text = await lanekit(clone, 'scan', '--fail-on', 'cache-miss', 'cold.log', 'warm.log');
      assert.equal(text.code, 1, text.stderr);
      assert.equal(text.stderr, '');
      const json = await lanekit(clone, 'scan', '--json', '--fail-on', 'any', 'cold.log');
      assert.equal(json.code, 1, json.stderr);
      assert.equal((JSON.parse(json.stdout) as { failing: number }).failing, 1);
    });

    it('1: --fail-on and no log shows a tool ran (no-evidence)', async () => {
      writeFileSync(join(clone, 'quiet.log'), 'hello\n');
      const run = await lanekit(clone, 'scan', '--fail-on', 'cache-miss', 'quiet.log');
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /no-evidence/);
    });

    it('2: a bad option value', async () => {
      assert.equal((await lanekit(clone, 'scan', '--samples', '0', 'cold.log')).code, 2);
    });

    it('2: no path given', async () => {
      assert.equal((await lanekit(clone, 'scan')).code, 2);
    });

    it('2: a bad markers file', async () => {
      const run = await lanekit(clone, 'scan', '--rules', 'bad-markers.yml', 'cold.log');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^lanekit scan: bad-markers\.yml:\d+:\d+: [^\n]+\n$/);
    });
  });

  describe('help', () => {
    it('0: the usage was printed', async () => {
      assert.equal((await lanekit(clone, 'help')).code, 0);
    });

    it('2: a command it does not know', async () => {
      assert.equal((await lanekit(clone, 'help', 'rout')).code, 2);
    });

    it('2: no command at all', async () => {
      assert.equal((await lanekit(clone)).code, 2);
    });
  });

  it('docs/cli.md lists the statuses the usage lists', async () => {
    const reference = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
    const { stdout } = await lanekit(clone, '--help');
    for (const status of ['0', '1', '2', '3']) {
      assert.match(stdout, new RegExp(`^ {2}${status} {2}\\S`, 'm'));
      assert.match(reference, new RegExp(`^\\| ${status} +\\| \\S`, 'm'), status);
    }
  });
});
