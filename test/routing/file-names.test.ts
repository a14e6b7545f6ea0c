/**
 * File names that are not UTF-8, from real repositories: listed exactly (each invalid byte as
 * U+DC00 + byte), told apart from every valid name, read back at base and head, and matched by
 * globs as the plan shows them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodePath } from '../../src/git/path-bytes.ts';
import type { ChangedFile } from '../../src/git/repository.ts';
import { Repository } from '../../src/git/repository.ts';
import { gitDiff } from '../../src/routing/git-diff.ts';
import type { Plan } from '../../src/routing/route-changes.ts';
import { routeChanges } from '../../src/routing/route-changes.ts';
import { parseRoutesConfig } from '../../src/routing/routes-config.ts';
import type { Logger } from '../../src/runner/logger.ts';
import { GitFixture } from '../../src/rehearsal/git-fixture.ts';
import type { RawName } from '../git/raw-names.ts';
import { commitRaw, nameBytes } from '../git/raw-names.ts';

const quiet: Logger = { debug() {}, info() {}, notice() {}, warning() {} };

/** Each added file: its bytes, and the path the plan must show. */
const ADDED: [string, RawName, string][] = [
  ['Latin-1', ['docs/caf', [0xe9], '.md'], 'docs/caf\udce9.md'],
  ['U+FFFD itself, in UTF-8', ['docs/caf\ufffd.md'], 'docs/caf\ufffd.md'],
  ['é in UTF-8', ['docs/café.md'], 'docs/café.md'],
  ['a literal \\xE9', ['docs/caf\\xE9.md'], 'docs/caf\\xE9.md'],
  ['a literal \\udce9', ['docs/caf\\udce9.md'], 'docs/caf\\udce9.md'],
  ['a literal %E9', ['docs/caf%E9.md'], 'docs/caf%E9.md'],
  ['an encoded U+DCE9', ['docs/caf', [0xed, 0xb3, 0xa9], '.md'], 'docs/caf\udced\udcb3\udca9.md'],
  ['a lone continuation byte', ['docs/', [0x80], 'lone.md'], 'docs/\udc80lone.md'],
  ['an overlong slash', ['docs/over', [0xc0, 0xaf], '.md'], 'docs/over\udcc0\udcaf.md'],
  ['a truncated sequence', ['docs/t', [0xe6, 0x97], '.md'], 'docs/t\udce6\udc97.md'],
  ['bytes UTF-8 never uses', ['docs/', [0xfe, 0xff], '.md'], 'docs/\udcfe\udcff.md'],
  ['a Latin-1 directory', ['d', [0xe9], 'j', [0xe0], '/readme.txt'], 'd\udce9j\udce0/readme.txt'],
];

const LATIN1_JSON: RawName = ['config/caf', [0xe9], '.json'];
const NEWLINE_JSON: RawName = ['config/new\nl', [0xe9], '.json'];
const LATIN1_OLD: RawName = ['old', [0xe9], '.txt'];

const ROUTES = `routes:
  docs:
    paths: ['docs/**']
  one_char:
    paths: ['docs/caf?.md']
  replacement:
    paths: ["docs/caf\\uFFFD.md"]
  escape_lookalike:
    paths: ['docs/caf%E9.md']
  settings:
    keys:
      'config/*.json': [version]
  renames:
    paths: ['old?.txt']
  other:
    paths: [nothing]
fallback: [other]
`;

const sorted = (files: readonly ChangedFile[]) =>
  [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

describe('file names that are not UTF-8', () => {
  let repo: GitFixture;
  let base: string;
  let head: string;
  let clone: string;
  before(() => {
    repo = new GitFixture();
    const body = Array.from({ length: 20 }, (_, i) => `line ${i}\n`).join('');
    base = commitRaw(repo, 'base', [
      [LATIN1_JSON, '{"version": 1}\n'],
      [NEWLINE_JSON, '{"version": 1}\n'],
      [LATIN1_OLD, body],
    ]);
    head = commitRaw(repo, 'names', [
      ...ADDED.map(([, name], i): [RawName, string] => [name, `file ${i}\n`]),
      [LATIN1_JSON, '{"version": 2}\n'],
      [NEWLINE_JSON, '{"version": 3}\n'],
      [LATIN1_OLD, null],
      [['renamed-é.txt'], body],
    ]);
    clone = repo.clone({ ref: head, depth: 0 });
  });
  after(() => {
    repo.cleanup();
  });

  const expectedFiles = (): ChangedFile[] =>
    sorted([
      ...ADDED.map(([, , path]): ChangedFile => ({ path, status: 'added' })),
      { path: 'config/caf\udce9.json', status: 'modified' },
      { path: 'config/new\nl\udce9.json', status: 'modified' },
      { path: 'renamed-é.txt', status: 'renamed', previousPath: 'old\udce9.txt' },
    ]);

  it('lists every name exactly, each apart from the others', async () => {
    const result = await gitDiff(
      new Repository(clone),
      { kind: 'merge-base', base, head, how: 'test' },
      quiet,
    );
    assert.ok(result.kind === 'diff');
    assert.deepEqual(sorted(result.files), expectedFiles());
    assert.equal(new Set(result.files.map((f) => f.path)).size, result.files.length);
  });

  for (const [title, name, path] of ADDED) {
    it(`gives back the bytes of a name with ${title}`, () => {
      assert.deepEqual(encodePath(path), nameBytes(name));
    });
  }

  it('reads files with such names at base and head, line breaks and all', async () => {
    const texts = await new Repository(clone).readFiles([
      { rev: base, path: 'config/caf\udce9.json' },
      { rev: head, path: 'config/caf\udce9.json' },
      { rev: base, path: 'config/new\nl\udce9.json' },
      { rev: head, path: 'config/new\nl\udce9.json' },
      { rev: head, path: 'd\udce9j\udce0/readme.txt' },
      { rev: head, path: 'docs/caf\ufffd.md' },
      { rev: head, path: 'docs/caf\udced\udcb3\udca9.md' },
      { rev: head, path: 'config/caf\ufffd.json' },
      { rev: head, path: 'config/new\nl\ufffd.json' },
      { rev: base, path: 'd\udce9j\udce0/readme.txt' },
    ]);
    const index = (path: string) => ADDED.findIndex(([, , p]) => p === path);
    assert.deepEqual(texts, [
      '{"version": 1}\n',
      '{"version": 2}\n',
      '{"version": 1}\n',
      '{"version": 3}\n',
      `file ${index('d\udce9j\udce0/readme.txt')}\n`,
      `file ${index('docs/caf\ufffd.md')}\n`,
      `file ${index('docs/caf\udced\udcb3\udca9.md')}\n`,
      undefined,
      undefined,
      undefined,
    ]);
  });

  describe('routed', () => {
    let plan: Plan;
    before(async () => {
      plan = await routeChanges({
        config: parseRoutesConfig(ROUTES, 'routes input'),
        event: {
          name: 'local',
          payload: {},
          sha: undefined,
          ref: undefined,
          repository: undefined,
        },
        overrides: { base, head },
        source: { kind: 'git', repo: new Repository(clone) },
        log: quiet,
      });
    });

    const pathsOf = (route: string) =>
      plan.routes[route]!.reasons.flatMap((r) => (r.type === 'path' ? [r.path] : [])).sort();

    it('matches a glob against the name the plan shows', () => {
      assert.deepEqual(
        pathsOf('docs'),
        ADDED.map(([, , p]) => p)
          .filter((p) => p.startsWith('docs/'))
          .sort(),
      );
    });

    it('lets ? match one invalid byte, as it matches one character', () => {
      assert.deepEqual(
        pathsOf('one_char'),
        ['docs/caf\udce9.md', 'docs/caf\ufffd.md', 'docs/café.md'].sort(),
      );
    });

    it('never takes an invalid byte for U+FFFD', () => {
      assert.deepEqual(pathsOf('replacement'), ['docs/caf\ufffd.md']);
    });

    it('never takes a name that looks like an escape for the escaped name', () => {
      assert.deepEqual(pathsOf('escape_lookalike'), ['docs/caf%E9.md']);
    });

    it('reads the keys of a file whose name is not UTF-8, even with a line break', () => {
      assert.deepEqual(plan.routes.settings!.reasons, [
        { type: 'key', file: 'config/caf\udce9.json', key: 'version', rule: 'version' },
        { type: 'key', file: 'config/new\nl\udce9.json', key: 'version', rule: 'version' },
      ]);
    });

    it('matches a rename by its old name that is not UTF-8', () => {
      assert.deepEqual(pathsOf('renames'), ['old\udce9.txt']);
    });

    it('names an unclaimed file exactly in its fallback cause', () => {
      assert.equal(plan.fallbackReason, 'unmatched:d\udce9j\udce0/readme.txt');
    });

    it('writes the plan as JSON that carries the exact bytes', () => {
      const json = JSON.stringify(plan);
      assert.ok(json.includes('"unmatched:d\\udce9j\\udce0/readme.txt"'), json);
      assert.ok(json.includes('"docs/caf\\\\xE9.md"'), 'a literal backslash stays one');
      const parsed = JSON.parse(json) as Plan;
      const cause = parsed.fallbackReason!.slice('unmatched:'.length);
      assert.deepEqual(encodePath(cause), nameBytes(ADDED.at(-1)![1]));
    });
  });
});
