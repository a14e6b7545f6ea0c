import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { checkActions } from '../../scripts/check-actions.ts';
import { ROOT } from '../../src/rehearsal/runner.ts';

/** A copy of the repository's change-router action, metadata, entry and bundle, to break. */
describe('checkActions', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'lanekit-check-'));
    for (const path of [
      'actions/change-router/action.yml',
      'src/actions/change-router.ts',
      'dist/change-router.js',
    ]) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      cpSync(join(ROOT, path), join(root, path));
    }
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const edit = (path: string, change: (text: string) => string) => {
    writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));
  };

  it('passes the repository as it is', async () => {
    assert.deepEqual((await checkActions(root)).problems, []);
  });

  it('finds an input the code reads but action.yml does not declare, and the reverse', async () => {
    edit('actions/change-router/action.yml', (t) => t.replace(/ {2}summary:\n(?: {4}.*\n)+/, ''));
    edit('src/actions/change-router.ts', (t) =>
      t.replace("inputs.optional('head')", "inputs.optional('head-ref')"),
    );
    const { problems } = await checkActions(root);
    assert.deepEqual(problems.sort(), [
      "actions/change-router/action.yml: code reads undeclared input 'head-ref'",
      "actions/change-router/action.yml: code reads undeclared input 'summary'",
      "actions/change-router/action.yml: input 'head' is declared but never read",
    ]);
  });

  it('finds an undescribed input, a wrong runtime and a missing bundle', async () => {
    edit('actions/change-router/action.yml', (t) =>
      t
        .replace('using: node24', 'using: node20')
        .replace(/ {4}description: The revision to route.*\n/, ''),
    );
    rmSync(join(root, 'dist/change-router.js'));
    const { problems } = await checkActions(root);
    assert.ok(
      problems.includes('actions/change-router/action.yml: runs.using must be node24'),
      problems.join('\n'),
    );
    assert.ok(
      problems.includes("actions/change-router/action.yml: input 'head' has no description"),
    );
    assert.ok(problems.some((p) => p.includes('does not exist; run npm run build')));
  });

  it('accepts a post step the entry exports and the build made, and nothing less', async () => {
    edit('actions/change-router/action.yml', (t) =>
      t.replace(
        'main: ../../dist/change-router.js',
        'main: ../../dist/change-router.js\n  post: ../../dist/change-router-post.js\n  post-if: always()',
      ),
    );
    assert.deepEqual((await checkActions(root)).problems, [
      'actions/change-router/action.yml: runs.post is set, but src/actions/change-router.ts exports no post',
    ]);
    edit('src/actions/change-router.ts', (t) => `${t}\nexport async function post() {}\n`);
    assert.deepEqual((await checkActions(root)).problems, [
      'actions/change-router/action.yml: runs.post ../../dist/change-router-post.js does not exist; run npm run build',
    ]);
    writeFileSync(join(root, 'dist/change-router-post.js'), '');
    assert.deepEqual((await checkActions(root)).problems, []);
    edit('actions/change-router/action.yml', (t) =>
      t.replace(/\n {2}post: .*\n {2}post-if: always\(\)/, '\n  pre: x.js'),
    );
    assert.deepEqual((await checkActions(root)).problems.sort(), [
      'actions/change-router/action.yml: src/actions/change-router.ts exports post, but runs.post is not set',
      "actions/change-router/action.yml: unknown key 'runs.pre', expected one of using|main|post|post-if",
    ]);
  });

  it('runs actionlint over workflows', async () => {
    mkdirSync(join(root, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(root, '.github/workflows/bad.yml'),
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt_name }}\n',
    );
    const { problems, workflows } = await checkActions(root);
    assert.equal(workflows, 1);
    assert.ok(
      problems.some((p) => p.startsWith('.github/workflows/bad.yml:6:') && p.includes('evnt_name')),
      problems.join('\n'),
    );
  });

  it('knows the current GitHub-hosted runner labels, and still rejects an unknown one', async () => {
    mkdirSync(join(root, '.github/workflows'), { recursive: true });
    const labels = [
      'ubuntu-24.04',
      'ubuntu-24.04-arm',
      'ubuntu-22.04-arm',
      'windows-2025',
      'windows-11-arm',
      'macos-15',
      'ubuntu-24.40',
    ];
    writeFileSync(
      join(root, '.github/workflows/labels.yml'),
      `on: push\njobs:\n  a:\n    strategy:\n      matrix:\n        os: [${labels.join(', ')}]\n    runs-on: \${{ matrix.os }}\n    steps:\n      - run: echo\n`,
    );
    const { problems } = await checkActions(root);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(
      problems[0]!,
      /^\.github\/workflows\/labels\.yml:6:.*label "ubuntu-24\.40" is unknown/,
    );
  });
});
