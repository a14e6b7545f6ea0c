/**
 * What YAML a routes file may use: aliases stand for the value their anchor is set on, and no
 * file (an alias bomb, collections nested thousands deep, an implication chain through every
 * route) makes parseRoutesConfig anything but a result or a ConfigurationError.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRoutesConfig } from '../../src/routing/routes-config.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

const parse = (text: string) => parseRoutesConfig(text, 'routes.yml');

/** The ConfigurationError that parsing `text` throws. */
function rejection(text: string): ConfigurationError {
  try {
    parse(text);
  } catch (error) {
    assert.ok(error instanceof ConfigurationError, `not a ConfigurationError: ${String(error)}`);
    return error;
  }
  assert.fail('the routes file was accepted');
}

/** `levels` lists of ten aliases of the list below them: 10^levels strings, if expanded. */
function aliasBomb(levels: number): string {
  const lines = ['      - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= levels; i++) {
    lines.push(`      - &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
  }
  return lines.join('\n');
}

describe('YAML aliases in a routes file', () => {
  it('reads an aliased list of globs where the list is expected', () => {
    const config = parse(
      'routes:\n' +
        '  a:\n' +
        "    paths: &shared ['src/**', 'lib/**']\n" +
        '  b:\n' +
        '    paths: *shared\n' +
        '    implies: [a]\n',
    );
    assert.deepEqual(
      config.routes.map((r) => [r.name, r.paths]),
      [
        ['a', ['src/**', 'lib/**']],
        ['b', ['src/**', 'lib/**']],
      ],
    );
    assert.deepEqual(config.pathRules.match('lib/x'), ['lib/**', 'lib/**']);
  });

  it('reads aliases of a whole route, of one glob, of key patterns, and in implies and fallback', () => {
    const config = parse(
      'routes:\n' +
        '  a: &route\n' +
        '    paths: [&glob docs/**]\n' +
        '  b: *route\n' +
        '  c:\n' +
        '    paths: [*glob, x]\n' +
        '    keys:\n' +
        '      package.json: &deps [dependencies]\n' +
        '      web/package.json: *deps\n' +
        '    implies: [&first a]\n' +
        'fallback: [*first]\n' +
        'force:\n' +
        '  labels: [&label ci:all]\n' +
        '  trailers: [&trailer "CI: all"]\n',
    );
    assert.deepEqual(
      config.routes.map((r) => [r.name, r.paths, r.implies]),
      [
        ['a', ['docs/**'], []],
        ['b', ['docs/**'], []],
        ['c', ['docs/**', 'x'], ['a']],
      ],
    );
    assert.deepEqual(
      config.routes[2]!.keys.map((k) => [k.file, k.patterns.map((p) => p.text)]),
      [
        ['package.json', ['dependencies']],
        ['web/package.json', ['dependencies']],
      ],
    );
    assert.deepEqual(config.fallback, ['a']);
    assert.deepEqual(config.force.labels, ['ci:all']);
  });

  it('follows an alias to the last anchor of its name before it', () => {
    const config = parse(
      'routes:\n' +
        '  a:\n    paths: &p [one]\n' +
        '  b:\n    paths: *p\n' +
        '  c:\n    paths: &p [two]\n' +
        '  d:\n    paths: *p\n',
    );
    assert.deepEqual(
      config.routes.map((r) => r.paths),
      [['one'], ['one'], ['two'], ['two']],
    );
  });

  it('checks an aliased value where the alias stands, naming the path of the alias', () => {
    const error = rejection(
      "routes:\n  a:\n    paths: &p ['src/[**']\n  b:\n    paths: *p\n    status: *p\n",
    );
    assert.equal(
      error.message,
      "routes.yml:3:16: routes.a.paths[0]: invalid glob 'src/[**': '[' at column 5 opens a class that is never closed with ']'; escape it as '\\[' to match a literal '['",
    );
    const status = rejection(
      'routes:\n  a:\n    paths: &p [x]\n  b:\n    paths: *p\n    status: *p\n',
    );
    assert.equal(
      status.message,
      "routes.yml:3:16: routes.b.status[0]: got 'x', expected one of added|modified|deleted|renamed",
    );
  });

  const rejected: [string, string, string][] = [
    [
      'an alias with no anchor',
      'routes:\n  a:\n    paths: *shared\n',
      "routes.yml:3:12: invalid YAML: alias '*shared' names no anchor before it; set '&shared' on an earlier value",
    ],
    [
      'an alias before its anchor',
      'routes:\n  a:\n    paths: *p\n  b:\n    paths: &p [x]\n',
      "routes.yml:3:12: invalid YAML: alias '*p' names no anchor before it; set '&p' on an earlier value",
    ],
    [
      'a merge key',
      'routes:\n  a: &defaults\n    paths: [x]\n  b:\n    <<: *defaults\n    status: [added]\n',
      "routes.yml:5:5: routes.b: YAML merge keys ('<<') are not supported: write the keys out, or alias the whole value",
    ],
    [
      'an aliased list where a string belongs',
      'routes:\n  a:\n    paths: &p [x]\n  b:\n    paths: [*p]\n',
      'routes.yml:3:15: routes.b.paths[0]: expected a string',
    ],
    [
      'a list that holds itself',
      'routes:\n  a:\n    paths: &p [x, *p]\n',
      'routes.yml:3:15: routes.a.paths[1]: expected a string',
    ],
  ];
  for (const [title, text, message] of rejected) {
    it(`rejects ${title}, saying where`, () => {
      assert.equal(rejection(text).message, message);
    });
  }

  it('takes a quoted << as a plain key, which no level of the file allows', () => {
    assert.match(
      rejection("routes:\n  a:\n    '<<': [x]\n").message,
      /^routes\.yml:3:5: routes\.a: unknown key '<<', expected one of paths\|/,
    );
  });

  it('never expands an alias bomb: each alias is read once, where it stands', () => {
    // 10^9 strings, if aliases were copied; reading the routes takes what the text takes.
    const text = `routes:\n  a:\n    paths: [x]\n    mise-tools:\n${aliasBomb(9)}\n  b:\n    paths: *l9\n`;
    const error = rejection(text);
    assert.match(
      error.message,
      /^routes\.yml:\d+:\d+: routes\.a\.mise-tools\[0\]: expected a string$/,
    );
    const fallback = rejection(
      `routes:\n  a:\n    paths: [x]\n    keys:\n      package.json:\n${aliasBomb(9)}\n`,
    );
    assert.match(fallback.message, /routes\.a\.keys\.package\.json\[0\]: expected a string$/);
  });
});

describe('routes files built to break the parser', () => {
  for (const depth of [257, 1000, 5000, 100_000]) {
    it(`rejects paths nested ${depth} deep, at the first collection too deep`, () => {
      const error = rejection(
        `routes:\n  a:\n    paths: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
      );
      assert.equal(
        error.message,
        'routes.yml:3:265: invalid YAML: collections nested deeper than 256 levels',
      );
      assert.deepEqual(error.location, { file: 'routes.yml', line: 3, column: 265 });
    });
  }

  it('rejects block mappings nested too deep', () => {
    const deep = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n');
    assert.match(
      rejection(`routes:\n${deep} 1\n`).message,
      /^routes\.yml:257:258: invalid YAML: collections nested deeper than 256 levels$/,
    );
  });

  it('reads collections nested 256 deep, as far as they go', () => {
    const depth = 256 - 3; // the root mapping, routes and the route are three
    assert.match(
      rejection(`routes:\n  a:\n    paths: ${'['.repeat(depth)}${']'.repeat(depth)}\n`).message,
      /^routes\.yml:3:13: routes\.a\.paths\[0\]: expected a string$/,
    );
  });

  it('reads 5,000 routes, each implying the next', () => {
    const count = 5000;
    const lines = Array.from(
      { length: count },
      (_, i) => `  r${i}: { paths: [d${i}/**]${i + 1 < count ? `, implies: [r${i + 1}]` : ''} }`,
    );
    const config = parse(`routes:\n${lines.join('\n')}\n`);
    assert.equal(config.routes.length, count);
    assert.deepEqual(config.routes[count - 2]!.implies, [`r${count - 1}`]);
  });

  it('names a cycle through 5,000 routes by its ends, at the implication that closes it', () => {
    const count = 5000;
    const lines = Array.from(
      { length: count },
      (_, i) => `  r${i}: { paths: [d${i}/**], implies: [r${(i + 1) % count}] }`,
    );
    const error = rejection(`routes:\n${lines.join('\n')}\n`);
    assert.equal(
      error.message,
      'routes.yml:5001:41: routes.r4999.implies[0]: implies: cycle r0 -> r1 -> r2 -> r3 -> r4 -> r5 -> r6 -> r7 -> (4985 more) -> r4993 -> r4994 -> r4995 -> r4996 -> r4997 -> r4998 -> r4999 -> r0; remove one of its implications',
    );
    assert.deepEqual(error.location, { file: 'routes.yml', line: 5001, column: 41 });
  });

  it('rejects a repeated route name among 5,000, at the repeat', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `  r${i}: { paths: [x] }`);
    lines.push('  r7: { paths: [y] }');
    assert.equal(
      rejection(`routes:\n${lines.join('\n')}\n`).message,
      'routes.yml:5002:3: invalid YAML: Map keys must be unique',
    );
  });
});
