import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigurationError } from '../../src/runner/errors.ts';
import {
  changedKeyPaths,
  formatKeyPath,
  formatOfPath,
  keyPatternMatches,
  keyPatternMatchesDocument,
  parseKeyPattern,
  parseStructured,
  sameDocument,
} from '../../src/routing/structured-keys.ts';
import type { KeyPath, StructuredFormat } from '../../src/routing/structured-keys.ts';

await test('formatOfPath', async (t) => {
  const cases: [string, StructuredFormat | undefined][] = [
    ['mise.toml', 'toml'],
    ['.config/mise/conf.d/rust.TOML', 'toml'],
    ['package.json', 'json'],
    ['apps/web/package-lock.json', 'json'],
    ['.github/workflows/ci.yml', 'yaml'],
    ['pnpm-workspace.yaml', 'yaml'],
    ['.tool-versions', undefined],
    ['Cargo.lock', undefined],
    ['Makefile', undefined],
    ['dir.json/README', undefined],
  ];
  for (const [path, expected] of cases) {
    await t.test(`${path} -> ${String(expected)}`, () => {
      assert.equal(formatOfPath(path), expected);
    });
  }
});

await test('parseStructured', async (t) => {
  await t.test('parses each format', () => {
    assert.deepEqual(parseStructured('{"a": [1, {"b": null}]}', 'json'), { a: [1, { b: null }] });
    // smol-toml builds null-prototype tables; compare their content.
    assert.deepEqual(
      JSON.parse(JSON.stringify(parseStructured('[tools]\nzig = "0.13"\n', 'toml'))),
      {
        tools: { zig: '0.13' },
      },
    );
    assert.deepEqual(parseStructured('a:\n  - 1\n  - b: x\n', 'yaml'), { a: [1, { b: 'x' }] });
  });

  await t.test('accepts a JSON byte-order mark', () => {
    assert.deepEqual(parseStructured('\uFEFF{"name": "x"}', 'json'), { name: 'x' });
  });

  await t.test('gives null for an empty YAML document', () => {
    assert.equal(parseStructured('', 'yaml'), null);
    assert.equal(parseStructured('# only a comment\n', 'yaml'), null);
  });

  const failures: [StructuredFormat, string, RegExp][] = [
    ['json', '{\n  "a": 1,\n}', /^invalid JSON at line 3, column 1: /],
    ['json', '', /^invalid JSON/],
    ['toml', 'a = 1\nb = \n', /^invalid TOML at line 2, column 5: invalid value$/],
    ['toml', '[a]\nx = 1\n[a]\n', /^invalid TOML at line 3, column \d+: /],
    ['yaml', 'a: [1\nb: 2', /^invalid YAML at line 2, column 1: /],
    ['yaml', 'a: 1\na: 2\n', /^invalid YAML at line 2, column 1: Map keys must be unique/],
  ];
  for (const [format, text, message] of failures) {
    await t.test(`reports where invalid ${format} fails: ${JSON.stringify(text)}`, () => {
      assert.throws(() => parseStructured(text, format), { message });
    });
  }
});

await test('parseKeyPattern', async (t) => {
  const valid: [string, string[]][] = [
    ['dependencies', ['dependencies']],
    ['devDependencies.typescript', ['devDependencies', 'typescript']],
    ['tools."cargo:cargo-nextest"', ['tools', 'cargo:cargo-nextest']],
    ["tools.'aqua:nextest-rs/nextest'", ['tools', 'aqua:nextest-rs/nextest']],
    ['a."b.c".d', ['a', 'b.c', 'd']],
    ['a."say \\"hi\\"\\\\"', ['a', 'say "hi"\\']],
    ["a.'no \\escapes'", ['a', 'no \\escapes']],
    ['a."\\u00e9\\n"', ['a', 'é\n']],
    ['a.""', ['a', '']],
    ['dependencies.@types/node', ['dependencies', '@types/node']],
    [' tools . zig ', ['tools', 'zig']],
    ['a."*"', ['a', '*']],
  ];
  for (const [pattern, literals] of valid) {
    await t.test(`parses ${pattern}`, () => {
      assert.deepEqual(
        parseKeyPattern(pattern).segments,
        literals.map((value) => ({ kind: 'literal', value })),
      );
    });
  }

  await t.test('parses * and **', () => {
    assert.deepEqual(parseKeyPattern('tools.*').segments, [
      { kind: 'literal', value: 'tools' },
      { kind: 'one' },
    ]);
    assert.deepEqual(parseKeyPattern('**.version').segments, [
      { kind: 'any' },
      { kind: 'literal', value: 'version' },
    ]);
  });

  const invalid: [string, RegExp][] = [
    ['', /is empty/],
    ['   ', /is empty/],
    ['a..b', /empty segment at column 3/],
    ['.a', /empty segment at column 1/],
    ['a.', /ends with a dot/],
    ['a. ', /ends with a dot/],
    ['tools."cargo:cargo-nextest', /unclosed double quote at column 7/],
    ["tools.'x", /unclosed single quote/],
    ['a."b"c', /unexpected 'c' after the quoted segment/],
    ['a.b"c"', /a quote may only open a segment/],
    ['a.b c', /whitespace inside the segment/],
    ['dependencies.@types/*', /'\*' must be a whole segment/],
    ['a.***', /'\*' must be a whole segment/],
    ['a."\\q"', /invalid escape/],
    ['a."\\u12"', /invalid escape/],
  ];
  for (const [pattern, message] of invalid) {
    await t.test(`rejects ${JSON.stringify(pattern)}`, () => {
      assert.throws(
        () => parseKeyPattern(pattern),
        (error: unknown) =>
          error instanceof ConfigurationError &&
          error.message.startsWith(`key pattern '${pattern}': `) &&
          message.test(error.message),
      );
    });
  }
});

await test('formatKeyPath', async (t) => {
  const cases: [KeyPath, string][] = [
    [['tools', 'zig'], 'tools.zig'],
    [['tools', 'cargo:cargo-nextest'], 'tools."cargo:cargo-nextest"'],
    [['dependencies', '@types/node'], 'dependencies."@types/node"'],
    [['a', 'b.c', ''], 'a."b.c".""'],
    [['a', 'say "hi"\\'], 'a."say \\"hi\\"\\\\"'],
    [['a', '*', '**'], 'a."*"."**"'],
    [['a', 'line\nbreak\u0001'], 'a."line\\nbreak\\u0001"'],
    [['packages', '0', 'name'], 'packages.0.name'],
    [[], ''],
  ];
  for (const [key, expected] of cases) {
    await t.test(`${JSON.stringify(key)} -> ${expected}`, () => {
      assert.equal(formatKeyPath(key), expected);
    });
  }

  await t.test('round-trips through parseKeyPattern', () => {
    for (const [key] of cases) {
      if (key.length === 0) continue;
      const pattern = parseKeyPattern(formatKeyPath(key));
      assert.deepEqual(
        pattern.segments,
        key.map((value) => ({ kind: 'literal', value })),
      );
      assert.ok(keyPatternMatches(pattern, key));
    }
  });
});

await test('changedKeyPaths', async (t) => {
  const cases: { name: string; base: unknown; head: unknown; expected: KeyPath[] }[] = [
    {
      name: 'identical documents',
      base: { a: 1, b: [1, 2] },
      head: { a: 1, b: [1, 2] },
      expected: [],
    },
    {
      name: 'a value changed',
      base: { tools: { zig: '0.13', node: '22' } },
      head: { tools: { zig: '0.14', node: '22' } },
      expected: [['tools', 'zig']],
    },
    {
      name: 'keys added and removed, sorted whatever the file order',
      base: { z: 1, a: { x: 1 } },
      head: { y: { deep: { er: true } }, a: {} },
      expected: [['a', 'x'], ['y', 'deep', 'er'], ['z']],
    },
    {
      name: 'a scalar replaced by a table is a change of that key',
      base: { tools: { zig: '0.13' } },
      head: { tools: { zig: { version: '0.13' } } },
      expected: [['tools', 'zig']],
    },
    {
      name: 'a table replaced by an array',
      base: { a: { 0: 'x' } },
      head: { a: ['x'] },
      expected: [['a']],
    },
    {
      name: 'an empty table is a leaf',
      base: { a: 1 },
      head: { a: 1, b: {}, c: [] },
      expected: [['b'], ['c']],
    },
    {
      name: 'arrays compare by position, indices in numeric order',
      base: { v: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
      head: { v: [0, 1, 9, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
      expected: [
        ['v', '2'],
        ['v', '11'],
      ],
    },
    {
      name: 'null is a value',
      base: { a: null, b: 1 },
      head: { a: 0, b: null },
      expected: [['a'], ['b']],
    },
    { name: 'NaN equals NaN', base: { x: Number.NaN }, head: { x: Number.NaN }, expected: [] },
    {
      name: 'the file was added',
      base: undefined,
      head: { tools: { zig: '0.13', nested: { a: [1] } } },
      expected: [
        ['tools', 'nested', 'a', '0'],
        ['tools', 'zig'],
      ],
    },
    {
      name: 'the file was removed',
      base: { name: 'x', scripts: {} },
      head: undefined,
      expected: [['name'], ['scripts']],
    },
    { name: 'an empty YAML file was added', base: undefined, head: null, expected: [[]] },
    { name: 'neither version exists', base: undefined, head: undefined, expected: [] },
    { name: 'the root changed kind', base: { a: 1 }, head: [1], expected: [[]] },
    { name: 'a scalar root changed', base: 'x', head: 'y', expected: [[]] },
  ];
  for (const { name, base, head, expected } of cases) {
    await t.test(name, () => {
      assert.deepEqual(changedKeyPaths(base, head), expected);
      assert.equal(sameDocument(base, head), expected.length === 0, 'sameDocument agrees');
    });
  }

  await t.test('compares TOML dates by their written value', () => {
    const base = parseStructured('a = 1979-05-27T07:32:00Z\nb = 07:32:00\n', 'toml');
    const same = parseStructured('a = 1979-05-27T07:32:00Z\nb = 07:32:00\n', 'toml');
    const later = parseStructured('a = 1979-05-27T07:32:01Z\nb = 07:32:00\n', 'toml');
    assert.deepEqual(changedKeyPaths(base, same), []);
    assert.deepEqual(changedKeyPaths(base, later), [['a']]);
  });

  await t.test('diffs parsed TOML, JSON and YAML alike', () => {
    const toml = (text: string): unknown => parseStructured(text, 'toml');
    assert.deepEqual(
      changedKeyPaths(
        toml('[tools]\nzig = "0.13"\n"cargo:cargo-nextest" = "0.9"\n'),
        toml('[tools]\nzig = "0.13"\n"cargo:cargo-nextest" = "0.9.1"\n'),
      ),
      [['tools', 'cargo:cargo-nextest']],
    );
    assert.deepEqual(
      changedKeyPaths(
        parseStructured('{"dependencies": {"a": "1"}}', 'json'),
        parseStructured('dependencies:\n  a: "2"\n', 'yaml'),
      ),
      [['dependencies', 'a']],
    );
  });

  await t.test('survives YAML aliases, shared and self-referencing', () => {
    const shared = parseStructured('a: &x\n  b: 1\nc: *x\n', 'yaml');
    assert.deepEqual(changedKeyPaths(undefined, shared), [
      ['a', 'b'],
      ['c', 'b'],
    ]);
    const cyclic = (): unknown => parseStructured('a: &x\n  b: *x\n', 'yaml');
    assert.deepEqual(changedKeyPaths(undefined, cyclic()), [['a', 'b']]);
    assert.deepEqual(changedKeyPaths(cyclic(), cyclic()), []);
    assert.equal(keyPatternMatchesDocument(parseKeyPattern('**.c'), cyclic()), false);
    assert.equal(keyPatternMatchesDocument(parseKeyPattern('a.b.b.b'), cyclic()), true);
  });

  // Speed is the bench's business (a timed assertion fails on a busy CI machine); this checks
  // the answers on a lockfile of realistic size.
  await t.test('finds the one changed version in a 5,000-package lockfile', () => {
    const lock = (bump: number): unknown => {
      const packages: Record<string, unknown> = {};
      for (let i = 0; i < 5000; i++) {
        packages[`node_modules/pkg-${i}`] = {
          version: `1.0.${i === bump ? 1 : 0}`,
          resolved: `https://registry.npmjs.org/pkg-${i}/-/pkg-${i}-1.0.0.tgz`,
          integrity: `sha512-${i}`,
          dependencies: { [`pkg-${(i + 1) % 5000}`]: '^1.0.0' },
        };
      }
      return { name: 'big', lockfileVersion: 3, packages };
    };
    const base = lock(-1);
    const head = lock(4321);
    const changed = changedKeyPaths(base, head);
    const pattern = parseKeyPattern('packages.**.version');
    const matched = changed.filter((key) => keyPatternMatches(pattern, key));
    const present = keyPatternMatchesDocument(parseKeyPattern('**.dependencies.pkg-0'), head);
    assert.deepEqual(changed, [['packages', 'node_modules/pkg-4321', 'version']]);
    assert.equal(matched.length, 1);
    assert.ok(present);
    assert.equal(changedKeyPaths(undefined, head).length, 5000 * 4 + 2);
  });
});

await test('keyPatternMatches', async (t) => {
  const key = (text: string): KeyPath => (text === '' ? [] : text.split('/'));
  // [pattern, changed key written with '/' between segments, expected]
  const cases: [string, string, boolean][] = [
    ['tools.zig', 'tools/zig', true],
    ['tools.zig', 'tools/zig/version', true],
    ['tools.zig', 'tools/node', false],
    ['tools.zig', 'tools/zigger', false],
    ['tools.zig', 'tools', true],
    ['tools.zig', '', true],
    ['tools.zig.version', 'tools/zig', true],
    ['tools."cargo:cargo-nextest"', 'tools/cargo:cargo-nextest', true],
    ['tools.*', 'tools/zig', true],
    ['tools.*', 'tools/zig/version', true],
    ['tools.*', 'tools', true],
    ['tools.*', 'env/zig', false],
    ['*.zig', 'tools/zig', true],
    ['*.zig', 'tools/node', false],
    ['dependencies.*', 'devDependencies/a', false],
    ['**', 'anything/at/all', true],
    ['**', '', true],
    ['**.version', 'tools/zig/version', true],
    ['**.version', 'version', true],
    ['**.version', 'tools/zig', false],
    ['**.version', 'tools/zig/os', false],
    ['tools.**.version', 'tools/zig/version', true],
    ['tools.**.version', 'tools/version', true],
    ['tools.**.version', 'tools', true],
    ['tools.**.version', 'tools/zig', false],
    ['tools.**.version', 'env/a/version', false],
    ['tools.*.version', 'tools/zig', true],
    ['a.**', 'a', true],
    ['a.**', 'a/b/c', true],
    ['a.**', 'b', false],
    ['a.**.b.**.c', 'a/x/b/y/z/c', true],
    ['a.**.b.**.c', 'a/x/y/z/c', false],
    ['packages.0.name', 'packages/0/name', true],
    ['packages.0.name', 'packages/1/name', false],
  ];
  for (const [pattern, changed, expected] of cases) {
    await t.test(
      `${pattern} ${expected ? 'matches' : 'does not match'} ${changed || '(root)'}`,
      () => {
        assert.equal(keyPatternMatches(parseKeyPattern(pattern), key(changed)), expected);
      },
    );
  }

  await t.test('does not blow up on many ** against a long key', () => {
    const pattern = parseKeyPattern(Array.from({ length: 12 }, () => '**').join('.') + '.nope');
    const long = Array.from({ length: 200 }, (_, i) => `k${i}`);
    assert.equal(keyPatternMatches(pattern, long), false);
  });
});

await test('keyPatternMatchesDocument', async (t) => {
  const doc = {
    tools: { zig: '0.13', 'cargo:cargo-nextest': { version: '0.9' } },
    packages: [{ name: 'a' }, { name: 'b' }],
    empty: {},
    nothing: null,
  };
  const cases: [string, unknown, boolean][] = [
    ['tools', doc, true],
    ['tools.zig', doc, true],
    ['tools.zig.version', doc, false],
    ['tools."cargo:cargo-nextest".version', doc, true],
    ['tools.node', doc, false],
    ['tools.*', doc, true],
    ['tools.*.version', doc, true],
    ['empty.*', doc, false],
    ['empty', doc, true],
    ['nothing', doc, true],
    ['packages.1.name', doc, true],
    ['packages.2.name', doc, false],
    ['packages.01', doc, false],
    ['**.name', doc, true],
    ['**.version', doc, true],
    ['**.missing', doc, false],
    ['tools.**', doc, true],
    ['**', doc, true],
    ['**', 'a scalar root', true],
    ['**', null, true],
    ['a', 'a scalar root', false],
    ['**', undefined, false],
    ['tools', undefined, false],
    ['constructor', {}, false],
    ['toString', {}, false],
  ];
  for (const [pattern, document, expected] of cases) {
    await t.test(`${pattern} ${expected ? 'is' : 'is not'} present`, () => {
      assert.equal(keyPatternMatchesDocument(parseKeyPattern(pattern), document), expected);
    });
  }

  await t.test('finds keys of a parsed TOML document (null-prototype tables)', () => {
    const toml = parseStructured('[tools]\n"cargo:cargo-nextest" = "0.9"\n', 'toml');
    assert.ok(keyPatternMatchesDocument(parseKeyPattern('tools."cargo:cargo-nextest"'), toml));
    assert.ok(!keyPatternMatchesDocument(parseKeyPattern('tools.zig'), toml));
  });
});
