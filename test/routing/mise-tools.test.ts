import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minimatch } from 'minimatch';
import { parse } from 'smol-toml';
import {
  MISE_CONFIG_GLOBS,
  miseToolAliases,
  miseToolChanges,
  miseToolsMissing,
  toolNames,
} from '../../src/routing/mise-tools.ts';
import type { MiseToolChange } from '../../src/routing/mise-tools.ts';

const toml = (text: string): unknown => parse(text);
const noAliases: ReadonlyMap<string, string> = new Map();

await test('MISE_CONFIG_GLOBS', async (t) => {
  const isConfig = (path: string): boolean =>
    MISE_CONFIG_GLOBS.some((glob) => minimatch(path, glob, { dot: true }));
  const configs = [
    'mise.toml',
    '.mise.toml',
    'mise.local.toml',
    '.mise.local.toml',
    'mise.production.toml',
    'mise.ci.local.toml',
    'mise/config.toml',
    'mise/config.local.toml',
    '.mise/config.toml',
    '.mise/config.ci.toml',
    '.config/mise.toml',
    '.config/mise.local.toml',
    '.config/mise/config.toml',
    '.config/mise/config.production.toml',
    '.config/mise/conf.d/rust.toml',
    '.mise/conf.d/10-tools.toml',
    'mise/conf.d/tools.toml',
    'services/api/mise.toml',
    'services/api/.config/mise/conf.d/node.toml',
  ];
  const others = [
    'misetoml',
    'mise.toml.bak',
    'other.toml',
    'mise.lock',
    '.tool-versions',
    'mise/tasks/build.toml',
    '.config/mise/conf.d/nested/x.toml',
    '.config/mise/tasks/lint.toml',
    'docs/mise.md',
  ];
  for (const path of configs) {
    await t.test(`matches ${path}`, () => {
      assert.ok(isConfig(path));
    });
  }
  for (const path of others) {
    await t.test(`does not match ${path}`, () => {
      assert.ok(!isConfig(path));
    });
  }
});

await test('toolNames', async (t) => {
  const cases: [string, string[]][] = [
    ['zig', ['zig']],
    ['Zig', ['zig']],
    ['core:node', ['core:node', 'node']],
    ['cargo:cargo-nextest', ['cargo:cargo-nextest', 'cargo-nextest', 'nextest']],
    [
      'cargo:https://github.com/Owner/Repo',
      ['repo', 'owner/repo', 'https://github.com/owner/repo'],
    ],
    ['aqua:nextest-rs/nextest', ['aqua:nextest-rs/nextest', 'nextest-rs/nextest', 'nextest']],
    ['aqua:golang/tools/gopls', ['golang/tools/gopls', 'tools/gopls', 'gopls']],
    ['github:BurntSushi/ripgrep', ['github:burntsushi/ripgrep', 'burntsushi/ripgrep', 'ripgrep']],
    ['ubi:owner/repo[exe=x]', ['ubi:owner/repo[exe=x]', 'ubi:owner/repo', 'owner/repo', 'repo']],
    ['ubi:cli/cli[exe=gh,matching=musl]', ['ubi:cli/cli', 'cli/cli', 'cli']],
    ['npm:@scope/pkg', ['npm:@scope/pkg', '@scope/pkg', 'pkg']],
    ['npm:@scope/pkg@1.2.3', ['npm:@scope/pkg@1.2.3', 'npm:@scope/pkg', '@scope/pkg', 'pkg']],
    ['npm:prettier', ['npm:prettier', 'prettier']],
    ['node@22', ['node@22', 'node']],
    [
      'go:github.com/owner/repo/cmd/tool',
      ['go:github.com/owner/repo/cmd/tool', 'github.com/owner/repo/cmd/tool', 'cmd/tool', 'tool'],
    ],
    ['go:github.com/owner/tool/v2', ['github.com/owner/tool/v2', 'owner/tool', 'tool']],
    ['pipx:psf/black', ['psf/black', 'black']],
    ['pipx:git+https://github.com/psf/black.git', ['psf/black', 'black']],
    ['asdf:asdf-community/asdf-zig', ['asdf-zig', 'zig']],
    ['asdf:mise-plugins/mise-poetry', ['mise-poetry', 'poetry']],
    ['vfox:version-fox/vfox-nodejs', ['vfox-nodejs', 'nodejs']],
    ['asdf:https://github.com/company/our-custom-node.git', ['our-custom-node']],
  ];
  for (const [key, expected] of cases) {
    await t.test(`${key} answers to ${expected.join(', ')}`, () => {
      const names = toolNames(key, noAliases);
      for (const name of expected)
        assert.ok(names.has(name), `missing ${name} in ${[...names].join(', ')}`);
    });
  }

  await t.test('does not answer to unrelated names', () => {
    const names = toolNames('cargo:cargo-nextest', noAliases);
    for (const name of ['cargo', 'zig', '', 'aqua:nextest-rs/nextest']) assert.ok(!names.has(name));
    assert.ok(!toolNames('npm:@scope/pkg', noAliases).has('scope'));
    assert.ok(!toolNames('zig', noAliases).has('ig'));
  });

  await t.test('follows an alias both ways', () => {
    const aliases = new Map([['Nextest', 'cargo:cargo-nextest']]);
    const viaAlias = toolNames('nextest', aliases);
    for (const name of ['nextest', 'cargo:cargo-nextest', 'cargo-nextest'])
      assert.ok(viaAlias.has(name));
    const viaTarget = toolNames('"cargo:cargo-nextest"'.slice(1, -1), aliases);
    assert.ok(viaTarget.has('nextest'));

    const rust = new Map([['rust-test-runner', 'github:nextest-rs/nextest']]);
    assert.ok(toolNames('rust-test-runner', rust).has('nextest'));
    assert.ok(
      toolNames('github:nextest-rs/nextest[bin=cargo-nextest]', rust).has('rust-test-runner'),
    );
    assert.ok(!toolNames('zig', rust).has('rust-test-runner'));
  });
});

await test('miseToolAliases', async (t) => {
  await t.test('reads [tool_alias] and the deprecated [alias], backend strings and tables', () => {
    const doc = toml(`
[alias]
old = "asdf:owner/asdf-old"
shadowed = "asdf:owner/first"

[tool_alias]
Nextest = "github:nextest-rs/nextest"
shadowed = "aqua:owner/second"

[tool_alias.node]
backend = "vfox:version-fox/vfox-nodejs"

[tool_alias.python.versions]
project = "3.12"
`);
    assert.deepEqual([...miseToolAliases(doc)].sort(), [
      ['nextest', 'github:nextest-rs/nextest'],
      ['node', 'vfox:version-fox/vfox-nodejs'],
      ['old', 'asdf:owner/asdf-old'],
      ['shadowed', 'aqua:owner/second'],
    ]);
  });

  await t.test('is empty without alias sections or a document', () => {
    assert.equal(miseToolAliases(toml('[tools]\nzig = "0.13"')).size, 0);
    assert.equal(miseToolAliases(undefined).size, 0);
    assert.equal(miseToolAliases(toml('alias = "not a table"')).size, 0);
  });
});

await test('miseToolChanges', async (t) => {
  const RUST = ['zig', 'cargo-nextest'];
  const cases: {
    name: string;
    base: string | undefined;
    head: string | undefined;
    tools: readonly string[];
    expected: MiseToolChange[];
  }[] = [
    {
      name: 'plain version bump',
      base: '[tools]\nzig = "0.13"\nnode = "22"\n',
      head: '[tools]\nzig = "0.14"\nnode = "22"\n',
      tools: RUST,
      expected: [{ tool: 'zig', key: 'zig', change: 'changed' }],
    },
    {
      name: 'a docs-only tool bump does not touch a rust tool',
      base: '[tools]\nzig = "0.13"\n"cargo:cargo-nextest" = "0.9"\n"npm:@mermaid-js/mermaid-cli" = "10"\n',
      head: '[tools]\nzig = "0.13"\n"cargo:cargo-nextest" = "0.9"\n"npm:@mermaid-js/mermaid-cli" = "11"\n',
      tools: RUST,
      expected: [],
    },
    {
      name: 'the docs tool itself did change',
      base: '[tools]\n"npm:@mermaid-js/mermaid-cli" = "10"\n',
      head: '[tools]\n"npm:@mermaid-js/mermaid-cli" = "11"\n',
      tools: ['mermaid-cli'],
      expected: [{ tool: 'mermaid-cli', key: 'npm:@mermaid-js/mermaid-cli', change: 'changed' }],
    },
    {
      name: 'quoted backend key bump',
      base: '[tools]\n"cargo:cargo-nextest" = "0.9"\n',
      head: '[tools]\n"cargo:cargo-nextest" = "0.9.80"\n',
      tools: RUST,
      expected: [{ tool: 'cargo-nextest', key: 'cargo:cargo-nextest', change: 'changed' }],
    },
    {
      name: 'unchanged tools, reformatted file',
      base: '[tools]\nzig = "0.13"\n"cargo:cargo-nextest" = "0.9"\n',
      head: '# comment\n[tools]\n"cargo:cargo-nextest" = \'0.9\'\nzig     = "0.13"\n[env]\nA = "1"\n',
      tools: RUST,
      expected: [],
    },
    {
      name: 'scalar to [tools.zig] table with the same version is a change of the entry',
      base: '[tools]\nzig = "0.13"\n',
      head: '[tools.zig]\nversion = "0.13"\n',
      tools: ['zig'],
      expected: [{ tool: 'zig', key: 'zig', change: 'changed' }],
    },
    {
      name: '[tools.zig] table version bump',
      base: '[tools.zig]\nversion = "0.13"\nos = ["linux"]\n',
      head: '[tools.zig]\nversion = "0.14"\nos = ["linux"]\n',
      tools: ['zig'],
      expected: [{ tool: 'zig', key: 'zig', change: 'changed' }],
    },
    {
      name: '[tools.zig] table, key order only',
      base: '[tools.zig]\nversion = "0.13"\nos = ["linux"]\n',
      head: '[tools]\nzig = { os = ["linux"], version = "0.13" }\n',
      tools: ['zig'],
      expected: [],
    },
    {
      name: 'inline options table change',
      base: '[tools]\n"ubi:owner/tool" = { version = "1", exe = "x" }\n',
      head: '[tools]\n"ubi:owner/tool" = { version = "1", exe = "y" }\n',
      tools: ['tool'],
      expected: [{ tool: 'tool', key: 'ubi:owner/tool', change: 'changed' }],
    },
    {
      name: 'an array of versions gains one',
      base: '[tools]\npython = ["3.12", "3.11"]\n',
      head: '[tools]\npython = ["3.13", "3.12", "3.11"]\n',
      tools: ['python'],
      expected: [{ tool: 'python', key: 'python', change: 'changed' }],
    },
    {
      name: 'an array of versions, unchanged',
      base: '[tools]\npython = ["3.12", { version = "3.11", virtualenv = ".venv" }]\n',
      head: '[tools]\npython = ["3.12", { virtualenv = ".venv", version = "3.11" }]\n',
      tools: ['python'],
      expected: [],
    },
    {
      name: 'aqua owner/repo bump, named by repo',
      base: '[tools]\n"aqua:nextest-rs/nextest" = "0.9.70"\n',
      head: '[tools]\n"aqua:nextest-rs/nextest" = "0.9.80"\n',
      tools: ['nextest'],
      expected: [{ tool: 'nextest', key: 'aqua:nextest-rs/nextest', change: 'changed' }],
    },
    {
      name: 'github owner/repo bump, named by owner/repo',
      base: '[tools]\n"github:BurntSushi/ripgrep" = "14.0"\n',
      head: '[tools]\n"github:BurntSushi/ripgrep" = "14.1"\n',
      tools: ['BurntSushi/ripgrep'],
      expected: [
        { tool: 'BurntSushi/ripgrep', key: 'github:BurntSushi/ripgrep', change: 'changed' },
      ],
    },
    {
      name: 'ubi options in the key change',
      base: '[tools]\n"ubi:owner/repo[exe=x]" = "1"\n',
      head: '[tools]\n"ubi:owner/repo[exe=y]" = "1"\n',
      tools: ['repo'],
      expected: [{ tool: 'repo', key: 'ubi:owner/repo[exe=y]', change: 'changed' }],
    },
    {
      name: 'go module tool bump',
      base: '[tools]\n"go:github.com/owner/repo/cmd/tool" = "1.0"\n',
      head: '[tools]\n"go:github.com/owner/repo/cmd/tool" = "1.1"\n',
      tools: ['tool'],
      expected: [{ tool: 'tool', key: 'go:github.com/owner/repo/cmd/tool', change: 'changed' }],
    },
    {
      name: 'npm scoped package bump, named by the full scope',
      base: '[tools]\n"npm:@scope/pkg" = "1"\n',
      head: '[tools]\n"npm:@scope/pkg" = "2"\n',
      tools: ['@scope/pkg'],
      expected: [{ tool: '@scope/pkg', key: 'npm:@scope/pkg', change: 'changed' }],
    },
    {
      name: 'a tool added and another removed',
      base: '[tools]\nnode = "22"\n"cargo:cargo-nextest" = "0.9"\n',
      head: '[tools]\nnode = "22"\nzig = "0.13"\n',
      tools: RUST,
      expected: [
        { tool: 'zig', key: 'zig', change: 'added' },
        { tool: 'cargo-nextest', key: 'cargo:cargo-nextest', change: 'removed' },
      ],
    },
    {
      name: 'backend rename, wanted by the crate name: removed (and drift at head)',
      base: '[tools]\n"cargo:cargo-nextest" = "0.9"\n',
      head: '[tools]\n"aqua:nextest-rs/nextest" = "0.9"\n',
      tools: ['cargo-nextest'],
      expected: [{ tool: 'cargo-nextest', key: 'cargo:cargo-nextest', change: 'removed' }],
    },
    {
      name: 'backend rename, wanted by the short name: changed under the head key',
      base: '[tools]\n"cargo:cargo-nextest" = "0.9"\n',
      head: '[tools]\n"github:nextest-rs/nextest" = "0.9"\n',
      tools: ['nextest'],
      expected: [{ tool: 'nextest', key: 'github:nextest-rs/nextest', change: 'changed' }],
    },
    {
      name: 'core prefix added to a plain key',
      base: '[tools]\nnode = "22"\n',
      head: '[tools]\n"core:node" = "22"\n',
      tools: ['node'],
      expected: [{ tool: 'node', key: 'core:node', change: 'changed' }],
    },
    {
      name: 'the aliased tool: a [tool_alias] backend change is a change of the tool',
      base: '[tool_alias]\nnextest = "cargo:cargo-nextest"\n[tools]\nnextest = "0.9"\n',
      head: '[tool_alias]\nnextest = "github:nextest-rs/nextest"\n[tools]\nnextest = "0.9"\n',
      tools: ['nextest'],
      expected: [{ tool: 'nextest', key: 'nextest', change: 'changed' }],
    },
    {
      name: 'the aliased tool: wanted by its alias target name',
      base: '[tool_alias]\nrust-tests = "cargo:cargo-nextest"\n[tools]\nrust-tests = "0.9"\n',
      head: '[tool_alias]\nrust-tests = "cargo:cargo-nextest"\n[tools]\nrust-tests = "0.9.1"\n',
      tools: ['cargo-nextest'],
      expected: [{ tool: 'cargo-nextest', key: 'rust-tests', change: 'changed' }],
    },
    {
      name: 'the aliased tool: unchanged',
      base: '[tool_alias]\nrust-tests = "cargo:cargo-nextest"\n[tools]\nrust-tests = "0.9"\n',
      head: '[tools]\nrust-tests = "0.9"\n[tool_alias]\nrust-tests = "cargo:cargo-nextest"\n',
      tools: ['cargo-nextest', 'rust-tests'],
      expected: [],
    },
    {
      name: 'the file was added',
      base: undefined,
      head: '[tools]\nzig = "0.13"\nnode = "22"\n',
      tools: RUST,
      expected: [{ tool: 'zig', key: 'zig', change: 'added' }],
    },
    {
      name: 'the file was removed',
      base: '[tools]\nzig = "0.13"\n"cargo:cargo-nextest" = "0.9"\n',
      head: undefined,
      tools: RUST,
      expected: [
        { tool: 'zig', key: 'zig', change: 'removed' },
        { tool: 'cargo-nextest', key: 'cargo:cargo-nextest', change: 'removed' },
      ],
    },
    {
      name: 'a file without [tools]',
      base: '[env]\nA = "1"\n',
      head: '[env]\nA = "2"\n',
      tools: RUST,
      expected: [],
    },
    {
      name: 'wanted names are case-insensitive and deduplicated',
      base: '[tools]\nZig = "0.13"\n',
      head: '[tools]\nZig = "0.14"\n',
      tools: ['ZIG', 'zig', ' Zig '],
      expected: [{ tool: 'ZIG', key: 'Zig', change: 'changed' }],
    },
    {
      name: 'one wanted name, several entries: only the changed one',
      base: '[tools]\nnode = "22"\n"core:node" = "22"\n',
      head: '[tools]\nnode = "22"\n"core:node" = "24"\n',
      tools: ['node'],
      expected: [{ tool: 'node', key: 'core:node', change: 'changed' }],
    },
  ];
  for (const { name, base, head, tools, expected } of cases) {
    await t.test(name, () => {
      const parsed = (text: string | undefined): unknown =>
        text === undefined ? undefined : toml(text);
      assert.deepEqual(miseToolChanges(parsed(base), parsed(head), tools), expected);
    });
  }
});

await test('miseToolsMissing', async (t) => {
  await t.test(
    'reports a backend rename as drift for the old name, once the rename has landed',
    () => {
      const base = toml('[tools]\nzig = "0.13"\n"cargo:cargo-nextest" = "0.9"\n');
      const head = toml('[tools]\nzig = "0.13"\n"aqua:nextest-rs/nextest" = "0.9"\n');
      const rust = ['zig', 'cargo-nextest'];
      // The PR that renames the backend still triggers the route...
      assert.deepEqual(miseToolChanges(base, head, rust), [
        { tool: 'cargo-nextest', key: 'cargo:cargo-nextest', change: 'removed' },
      ]);
      // ...and the configured name no longer answers: a drift warning.
      assert.deepEqual(miseToolsMissing(head, rust), ['cargo-nextest']);
      // A name that survives the rename is not drift.
      assert.deepEqual(miseToolsMissing(head, ['zig', 'nextest']), []);
    },
  );

  const cases: [string, string | undefined, readonly string[], string[]][] = [
    [
      'all present',
      '[tools]\nzig = "0.13"\n"cargo:cargo-nextest" = "0.9"\n',
      ['zig', 'cargo-nextest'],
      [],
    ],
    ['a table entry counts', '[tools.zig]\nversion = "0.13"\n', ['zig'], []],
    [
      'an alias counts',
      '[tool_alias]\nzz = "asdf:owner/asdf-zig"\n[tools]\nzz = "1"\n',
      ['zig'],
      [],
    ],
    [
      'a tool only in [tool_alias] does not',
      '[tool_alias]\nzig = "aqua:ziglang/zig"\n',
      ['zig'],
      ['zig'],
    ],
    [
      'case-insensitive, reported as given',
      '[tools]\nnode = "22"\n',
      ['Zig', 'NODE', 'zig'],
      ['Zig'],
    ],
    ['a missing file has no tools', undefined, ['zig', 'node'], ['zig', 'node']],
  ];
  for (const [name, head, tools, expected] of cases) {
    await t.test(name, () => {
      assert.deepEqual(
        miseToolsMissing(head === undefined ? undefined : toml(head), tools),
        expected,
      );
    });
  }
});
