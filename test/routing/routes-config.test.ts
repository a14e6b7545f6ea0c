import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseRoutesConfig,
  parseTrailer,
  RESERVED_OUTPUTS,
  type Route,
} from '../../src/routing/routes-config.ts';
import { parseKeyPattern } from '../../src/routing/structured-keys.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

const parse = (text: string) => parseRoutesConfig(text, 'routes.yml');

/** Names of Object.prototype's properties: a route may have any of them as its name. */
const OBJECT_PROPERTY_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'toJSON',
  'prototype',
];

/** A route as plain data, for deepEqual. */
const plain = (route: Route) => ({
  name: route.name,
  paths: route.paths,
  statuses: route.statuses && [...route.statuses],
  keys: route.keys.map((k) => ({ file: k.file, patterns: k.patterns.map((p) => p.text) })),
  miseTools: route.miseTools,
  implies: route.implies,
});

/** `routes:` with a route `a` claiming `x`, then `rest` at the top level. */
const withA = (rest = '') => `routes:\n  a:\n    paths: [x]\n${rest}`;

describe('parseRoutesConfig', () => {
  const full = parse(`routes:
  rust:
    paths: ['crates/**', Cargo.toml, '!crates/**/*.md']
    status: [added, modified]
    mise-tools: [zig, cargo-nextest]
  e2e:
    paths: ['docker/**']
    implies: [rust]
  deps:
    keys:
      package.json: ['dependencies.*', '"dev dependencies".*']
      '**/Cargo.toml': ['workspace.dependencies.*']
fallback: [e2e, rust]
force:
  labels: ['ci:all', 'ci:full']
  trailers: ['CI-Routes: all']
`);

  it('reads every field of every route, in file order', () => {
    assert.deepEqual(full.routes.map(plain), [
      {
        name: 'rust',
        paths: ['crates/**', 'Cargo.toml', '!crates/**/*.md'],
        statuses: ['added', 'modified'],
        keys: [],
        miseTools: ['zig', 'cargo-nextest'],
        implies: [],
      },
      {
        name: 'e2e',
        paths: ['docker/**'],
        statuses: undefined,
        keys: [],
        miseTools: [],
        implies: ['rust'],
      },
      {
        name: 'deps',
        paths: [],
        statuses: undefined,
        keys: [
          { file: 'package.json', patterns: ['dependencies.*', '"dev dependencies".*'] },
          { file: '**/Cargo.toml', patterns: ['workspace.dependencies.*'] },
        ],
        miseTools: [],
        implies: [],
      },
    ]);
    assert.deepEqual(full.fallback, ['e2e', 'rust'], 'the fallback list as written');
    assert.deepEqual(full.force, {
      labels: ['ci:all', 'ci:full'],
      trailers: [{ key: 'ci-routes', value: 'all', text: 'CI-Routes: all' }],
    });
  });

  it('parses each key pattern and matches each classifier to its files', () => {
    const [packageJson, cargo] = full.routes[2]!.keys;
    assert.deepEqual(
      packageJson!.patterns.map((p) => p.pattern),
      [parseKeyPattern('dependencies.*'), parseKeyPattern('"dev dependencies".*')],
    );
    assert.equal(packageJson!.fileRules.match('package.json'), 'package.json');
    assert.equal(packageJson!.fileRules.match('web/package.json'), undefined);
    assert.equal(cargo!.fileRules.match('crates/core/Cargo.toml'), '**/Cargo.toml');
    assert.equal(cargo!.fileRules.match('Cargo.lock'), undefined);
  });

  it('matches all route paths together, list i deciding for route i', () => {
    const cases: [string, (string | undefined)[]][] = [
      ['crates/core/src/lib.rs', ['crates/**', undefined, undefined]],
      ['crates/core/README.md', [undefined, undefined, undefined]],
      ['Cargo.toml', ['Cargo.toml', undefined, undefined]],
      ['docker/Dockerfile', [undefined, 'docker/**', undefined]],
      ['package.json', [undefined, undefined, undefined]],
    ];
    for (const [path, claims] of cases) {
      assert.deepEqual(full.pathRules.match(path), claims, path);
    }
  });

  it('reads a single value where a list is expected', () => {
    const config = parse(
      'routes:\n  a:\n    paths: x\n    status: added\n    implies: b\n' +
        '  b:\n    mise-tools: zig\n    keys:\n      package.json: dependencies\n' +
        "force:\n  labels: ci:all\n  trailers: 'CI: all'\n",
    );
    assert.deepEqual(config.routes.map(plain), [
      {
        name: 'a',
        paths: ['x'],
        statuses: ['added'],
        keys: [],
        miseTools: [],
        implies: ['b'],
      },
      {
        name: 'b',
        paths: [],
        statuses: undefined,
        keys: [{ file: 'package.json', patterns: ['dependencies'] }],
        miseTools: ['zig'],
        implies: [],
      },
    ]);
    assert.deepEqual(config.force, {
      labels: ['ci:all'],
      trailers: [{ key: 'ci', value: 'all', text: 'CI: all' }],
    });
  });

  it('accepts implications that share a route without a cycle', () => {
    const config = parse(
      'routes:\n' +
        '  a: { paths: [a], implies: [b, c] }\n' +
        '  b: { paths: [b], implies: [d] }\n' +
        '  c: { paths: [c], implies: [d] }\n' +
        '  d: { paths: [d] }\n',
    );
    assert.deepEqual(
      config.routes.map((r) => [r.name, r.implies]),
      [
        ['a', ['b', 'c']],
        ['b', ['d']],
        ['c', ['d']],
        ['d', []],
      ],
    );
  });

  const routesAB = 'routes:\n  a:\n    paths: [x]\n  b:\n    paths: [y]\n';
  const fallbacks: [string, string, string[]][] = [
    ['left out: every route', routesAB, ['a', 'b']],
    ['all: every route', `${routesAB}fallback: all\n`, ['a', 'b']],
    ['empty (null): every route', `${routesAB}fallback:\n`, ['a', 'b']],
    ['[]: no route', `${routesAB}fallback: []\n`, []],
    ['a list: those routes', `${routesAB}fallback: [b]\n`, ['b']],
  ];
  for (const [title, text, expected] of fallbacks) {
    it(`reads fallback ${title}`, () => {
      assert.deepEqual(parse(text).fallback, expected);
    });
  }

  const names = [
    'a',
    '_',
    '_private',
    'docker_e2e',
    'docker-e2e',
    'Rust2',
    'a-1_b',
    ...OBJECT_PROPERTY_NAMES,
  ];
  it(`accepts route names that can be output ids: ${names.join(' ')}`, () => {
    for (const name of names) {
      assert.deepEqual(
        parse(`routes:\n  ${name}:\n    paths: [x]\n`).routes.map((r) => r.name),
        [name],
      );
    }
  });

  const errors: { name: string; text: string; message: string | RegExp }[] = [
    { name: 'an empty file', text: '', message: "routes.yml: missing 'routes:' mapping" },
    {
      name: 'a file without routes',
      text: 'fallback: all\n',
      message: "routes.yml:1:1: missing 'routes:' mapping",
    },
    {
      name: 'an empty routes key',
      text: 'routes:\nfallback: all\n',
      message: "routes.yml:1:1: missing 'routes:' mapping",
    },
    {
      name: 'a file that is a list',
      text: '- routes\n',
      message: 'routes.yml:1:1: expected a mapping',
    },
    {
      name: 'an unknown top-level key',
      text: withA('route: {}\n'),
      message: "routes.yml:4:1: unknown key 'route', expected one of routes|fallback|force",
    },
    {
      name: 'routes as a list',
      text: 'routes: [a, b]\n',
      message: 'routes.yml:1:9: routes: expected a mapping',
    },
    {
      name: 'an empty routes mapping',
      text: 'routes: {}\n',
      message: 'routes.yml:1:9: routes: define at least one route',
    },
    {
      name: 'a repeated route name',
      text: 'routes:\n  a:\n    paths: [x]\n  a:\n    paths: [y]\n',
      message: 'routes.yml:4:3: invalid YAML: Map keys must be unique',
    },
    {
      // The location is the route's value, not its name: see the flow style.
      name: 'a route name that starts with a digit',
      text: 'routes: { 1a: { paths: [x] } }\n',
      message:
        /^routes\.yml:1:\d+: routes\.1a: route name '1a' cannot be an output id: use letters, digits, '_' and '-', starting with a letter or '_'$/,
    },
    {
      name: 'a route name with a dot',
      text: 'routes: { a.b: { paths: [x] } }\n',
      message: /^routes\.yml:1:\d+: routes\.a\.b: route name 'a\.b' cannot be an output id: /,
    },
    ...RESERVED_OUTPUTS.map((name) => ({
      name: `the reserved route name '${name}'`,
      text: `routes: { ${name}: { paths: [x] } }\n`,
      message: new RegExp(
        `^routes\\.yml:1:\\d+: routes\\.${name}: route name '${name}' is taken by an output of the same name; rename the route$`,
      ),
    })),
    ...(
      [
        ['Plan', 'plan'],
        ['ROUTES', 'routes'],
        ['Changed-Files', 'changed-files'],
        ['fallback-REASON', 'fallback-reason'],
      ] as const
    ).map(([name, output]) => ({
      name: `the route name '${name}', an output's name in another case`,
      text: `routes: { ${name}: { paths: [x] } }\n`,
      message: new RegExp(
        `^routes\\.yml:1:\\d+: routes\\.${name}: route name '${name}' is taken by an output, '${output}' \\(output names ignore case\\); rename the route$`,
      ),
    })),
    {
      name: 'two route names that differ only in case',
      text: 'routes:\n  docs:\n    paths: [x]\n  Docs:\n    paths: [y]\n',
      message:
        "routes.yml:5:5: routes.Docs: route name 'Docs' and route 'docs' at routes.yml:3:5 differ only in case, and output names ignore case; rename one of them",
    },
    {
      name: 'a route name that differs only in case from one far before it',
      text: 'routes:\n  a_b: { paths: [x] }\n  c: { paths: [y] }\n  A_B: { paths: [z] }\n',
      message:
        "routes.yml:4:8: routes.A_B: route name 'A_B' and route 'a_b' at routes.yml:2:8 differ only in case, and output names ignore case; rename one of them",
    },
    {
      name: 'two object property names that differ only in case',
      text: 'routes:\n  constructor: { paths: [x] }\n  Constructor: { paths: [y] }\n',
      message:
        "routes.yml:3:16: routes.Constructor: route name 'Constructor' and route 'constructor' at routes.yml:2:16 differ only in case, and output names ignore case; rename one of them",
    },
    {
      name: 'a route that is a string',
      text: 'routes:\n  a: crates/**\n',
      message: 'routes.yml:2:6: routes.a: expected a mapping',
    },
    {
      name: 'a route with nothing in it',
      text: 'routes:\n  a:\n',
      message: 'routes.yml:2:5: routes.a: a route needs at least one of paths, keys or mise-tools',
    },
    {
      name: 'a route with empty paths and only a status',
      text: 'routes:\n  a:\n    paths: []\n    status: [added]\n',
      message: 'routes.yml:3:5: routes.a: a route needs at least one of paths, keys or mise-tools',
    },
    {
      name: 'an unknown force key',
      text: withA('force:\n  label: [ci]\n'),
      message: "routes.yml:5:3: force: unknown key 'label', expected one of labels|trailers",
    },
    {
      name: "a glob starting with './'",
      text: "routes:\n  a:\n    paths: [x, './y']\n",
      message:
        "routes.yml:3:16: routes.a.paths[1]: invalid glob './y': paths never start with './'; drop it",
    },
    {
      name: 'an empty glob',
      text: "routes:\n  a:\n    paths: ['!']\n",
      message:
        "routes.yml:3:13: routes.a.paths[0]: invalid glob '!': an empty pattern matches nothing",
    },
    {
      name: 'a path that is a mapping',
      text: 'routes:\n  a:\n    paths: [{ x: y }]\n',
      message: 'routes.yml:3:13: routes.a.paths[0]: expected a string',
    },
    {
      name: 'a status in the wrong case',
      text: 'routes:\n  a:\n    paths: [x]\n    status: [added, Deleted]\n',
      message:
        "routes.yml:4:21: routes.a.status[1]: got 'Deleted', expected one of added|modified|deleted|renamed",
    },
    {
      name: 'keys as a list',
      text: 'routes:\n  a:\n    keys: [package.json]\n',
      message: 'routes.yml:3:11: routes.a.keys: expected a mapping',
    },
    {
      name: 'a key classifier on a negated glob',
      text: "routes:\n  a:\n    keys:\n      '!package.json': [x]\n",
      message:
        "routes.yml:4:24: routes.a.keys.!package.json: invalid file glob '!package.json': a key classifier names files to read",
    },
    {
      name: 'a key classifier on an absolute glob',
      text: 'routes:\n  a:\n    keys:\n      /package.json: [x]\n',
      message:
        "routes.yml:4:22: routes.a.keys./package.json: invalid file glob '/package.json': paths are relative to the repository root; drop the leading /",
    },
    {
      name: 'a key classifier on a file of no known format',
      text: 'routes:\n  a:\n    keys:\n      Makefile: [x]\n',
      message:
        "routes.yml:4:17: routes.a.keys.Makefile: cannot classify keys of 'Makefile': expected a .toml, .json, .yaml or .yml file",
    },
    {
      name: 'an empty key pattern',
      text: "routes:\n  a:\n    keys:\n      package.json: [dependencies, '']\n",
      message: "routes.yml:4:36: routes.a.keys.package.json[1]: key pattern '': is empty",
    },
    {
      name: 'mise-tools as a mapping',
      text: 'routes:\n  a:\n    mise-tools: { zig: 1 }\n',
      message: 'routes.yml:3:17: routes.a.mise-tools: expected a string',
    },
    {
      name: 'implies naming an unknown route',
      text: 'routes:\n  a:\n    paths: [x]\n    implies: b\n',
      message:
        "routes.yml:4:14: routes.a.implies: implies names unknown route 'b', expected one of a",
    },
    {
      name: 'a route that implies itself',
      text: 'routes:\n  a:\n    paths: [x]\n    implies: [a]\n',
      message: "routes.yml:4:15: routes.a.implies[0]: route 'a' implies itself",
    },
    {
      name: 'an implies cycle over three routes',
      text:
        'routes:\n' +
        '  a: { paths: [a], implies: [b] }\n' +
        '  b: { paths: [b], implies: [c] }\n' +
        '  c: { paths: [c], implies: [a] }\n',
      message:
        'routes.yml:4:30: routes.c.implies[0]: implies: cycle a -> b -> c -> a; remove one of its implications',
    },
    {
      name: 'an implies cycle reached from a route outside it',
      text:
        'routes:\n' +
        '  x: { paths: [x], implies: [a] }\n' +
        '  a: { paths: [a], implies: [b] }\n' +
        '  b: { paths: [b], implies: [a] }\n',
      message:
        'routes.yml:4:30: routes.b.implies[0]: implies: cycle a -> b -> a; remove one of its implications',
    },
    {
      name: 'a fallback naming an unknown route',
      text: withA('fallback: [a, b]\n'),
      message: "routes.yml:4:15: fallback[1]: fallback names unknown route 'b', expected one of a",
    },
    {
      name: 'a fallback word other than all',
      text: withA('fallback: none\n'),
      message: "routes.yml:4:11: fallback: got 'none', expected all, [] or a list of routes",
    },
    {
      name: 'a fallback that is one route name, not a list',
      text: withA('fallback: a\n'),
      message: "routes.yml:4:11: fallback: got 'a', expected all, [] or a list of routes",
    },
    {
      name: 'a fallback that is a mapping',
      text: withA('fallback: {a: 1}\n'),
      message: `routes.yml:4:11: fallback: got '{"a":1}', expected all, [] or a list of routes`,
    },
    {
      name: 'a fallback that is an empty mapping',
      text: withA('fallback: {}\n'),
      message: "routes.yml:4:11: fallback: got '{}', expected all, [] or a list of routes",
    },
    {
      name: 'a fallback that is true',
      text: withA('fallback: true\n'),
      message: "routes.yml:4:11: fallback: got 'true', expected all, [] or a list of routes",
    },
    {
      name: 'a fallback that is a number',
      text: withA('fallback: 1\n'),
      message: "routes.yml:4:11: fallback: got '1', expected all, [] or a list of routes",
    },
    {
      name: 'a glob with an unclosed bracket',
      text: "routes:\n  rust:\n    paths: ['src/[**']\n",
      message:
        "routes.yml:3:13: routes.rust.paths[0]: invalid glob 'src/[**': '[' at column 5 opens a class that is never closed with ']'; escape it as '\\[' to match a literal '['",
    },
    {
      name: 'a glob with an unclosed brace',
      text: "routes:\n  rust:\n    paths: [docs/**, '{src/**']\n",
      message:
        "routes.yml:3:22: routes.rust.paths[1]: invalid glob '{src/**': '{' at column 1 is never closed with '}'; escape '{' as '\\{' to match it literally",
    },
    {
      name: 'a glob with an unclosed brace after its extension dot',
      text: "routes:\n  rust:\n    paths:\n      - 'src/*.{rs'\n",
      message:
        "routes.yml:4:9: routes.rust.paths[0]: invalid glob 'src/*.{rs': '{' at column 7 is never closed with '}'; escape '{' as '\\{' to match it literally",
    },
    {
      name: 'a glob with a reversed range',
      text: "routes:\n  rust:\n    paths: ['src/[z-a]*']\n",
      message:
        "routes.yml:3:13: routes.rust.paths[0]: invalid glob 'src/[z-a]*': range 'z-a' at column 6 is reversed and matches nothing; write 'a-z'",
    },
    {
      name: 'a glob that is an empty class',
      text: "routes:\n  rust:\n    paths: ['[]']\n",
      message:
        "routes.yml:3:13: routes.rust.paths[0]: invalid glob '[]': '[]' at column 1 is an empty class, which matches nothing; escape brackets as '\\[' and '\\]' to match them literally",
    },
    {
      name: 'a glob with an empty class inside it',
      text: "routes:\n  rust:\n    paths: ['a/[]b']\n",
      message:
        /^routes\.yml:3:13: routes\.rust\.paths\[0\]: invalid glob 'a\/\[\]b': '\[\]' at column 3 is an empty class/,
    },
    {
      name: 'a glob with a brace that closes nothing',
      text: "routes:\n  rust:\n    paths: ['src/**}']\n",
      message:
        "routes.yml:3:13: routes.rust.paths[0]: invalid glob 'src/**}': '}' at column 7 closes no '{'; escape it as '\\}' to match a literal '}'",
    },
    {
      name: 'an exclusion with an unclosed brace, its column counted after the !',
      text: "routes:\n  rust:\n    paths: [src/**, '!{a,b']\n",
      message:
        "routes.yml:3:21: routes.rust.paths[1]: invalid glob '!{a,b': '{' at column 2 is never closed with '}'; escape '{' as '\\{' to match it literally",
    },
    {
      name: 'a glob with more extglobs than minimatch takes',
      text: `routes:\n  rust:\n    paths: ['${'+(a)'.repeat(300)}']\n`,
      message:
        /^routes\.yml:3:13: routes\.rust\.paths\[0\]: invalid glob '\+\(a\).*': minimatch refuses it: pattern has too many extglobs$/,
    },
    {
      name: 'a key classifier on a glob with an unclosed bracket',
      text: "routes:\n  deps:\n    keys:\n      'web/[app/package.json': [dependencies]\n",
      message:
        "routes.yml:4:32: routes.deps.keys.web/[app/package.json: invalid file glob 'web/[app/package.json': '[' at column 5 opens a class that is never closed with ']'; escape it as '\\[' to match a literal '['",
    },
    {
      name: 'a trailer without a colon',
      text: withA("force:\n  trailers: ['CI-Routes all']\n"),
      message:
        "routes.yml:5:14: force.trailers[0]: got 'CI-Routes all', expected a trailer such as 'CI-Routes: all'",
    },
    {
      name: 'an unquoted trailer, which YAML reads as a mapping',
      text: withA('force:\n  trailers: [CI-Routes: all]\n'),
      message: 'routes.yml:5:14: force.trailers[0]: expected a string',
    },
    {
      name: 'labels as a mapping',
      text: withA('force:\n  labels: { ci: all }\n'),
      message: 'routes.yml:5:11: force.labels: expected a string',
    },
  ];
  for (const c of errors) {
    it(`rejects ${c.name}, saying where and what is allowed`, () => {
      assert.throws(
        () => parse(c.text),
        (error: unknown) => {
          assert.ok(
            error instanceof ConfigurationError,
            `not a ConfigurationError: ${String(error)}`,
          );
          if (typeof c.message === 'string') assert.equal(error.message, c.message);
          else assert.match(error.message, c.message);
          return true;
        },
      );
    });
  }

  it('names the origin it is given in every message; inline YAML has no file to annotate', () => {
    assert.throws(() => parseRoutesConfig('routes: {}\n', 'routes input'), {
      name: 'ConfigurationError',
      message: 'routes input:1:9: routes: define at least one route',
      location: undefined,
    });
  });

  it('carries the line and column of a rejection in a file, for an annotation there', () => {
    const cases: [string, string, number, number][] = [
      ['invalid YAML', 'routes: [\n', 2, 1],
      ['a glob', "routes:\n  a:\n    paths: [x, './y']\n", 3, 16],
      ['a route that implies itself', 'routes:\n  a:\n    paths: [x]\n    implies: [a]\n', 4, 15],
      ['a fallback route', withA('fallback: [a, b]\n'), 4, 15],
      ['a trailer', withA("force:\n  trailers: ['nope']\n"), 5, 14],
      [
        'an implies cycle, at the implication that closes it',
        'routes:\n  a:\n    paths: [x]\n    implies: [b]\n  b:\n    paths: [y]\n    implies: [a]\n',
        7,
        15,
      ],
      ['a glob that cannot match', "routes:\n  a:\n    paths: [x, 'y/[']\n", 3, 16],
      [
        'a route name in another case',
        'routes:\n  a:\n    paths: [x]\n  A:\n    paths: [y]\n',
        5,
        5,
      ],
    ];
    for (const [what, text, line, column] of cases) {
      assert.throws(
        () => parse(text),
        (error: unknown) => {
          assert.ok(error instanceof ConfigurationError);
          assert.ok(error.message.startsWith(`routes.yml:${line}:${column}: `), error.message);
          assert.deepEqual(error.location, { file: 'routes.yml', line, column }, what);
          return true;
        },
      );
    }
  });
});

describe('parseTrailer', () => {
  const cases: [string, ReturnType<typeof parseTrailer>][] = [
    ['CI-Routes: all', { key: 'ci-routes', value: 'all', text: 'CI-Routes: all' }],
    ['  Ci-Routes :  ALL  ', { key: 'ci-routes', value: 'all', text: 'Ci-Routes :  ALL' }],
    [
      'Signed-off-by: A <a@b>',
      { key: 'signed-off-by', value: 'a <a@b>', text: 'Signed-off-by: A <a@b>' },
    ],
    ['Key: a: b', { key: 'key', value: 'a: b', text: 'Key: a: b' }],
    ['2fa: on', { key: '2fa', value: 'on', text: '2fa: on' }],
    ['CI-Routes', undefined],
    ['CI-Routes:', undefined],
    ['CI-Routes:   ', undefined],
    [': all', undefined],
    ['-CI: all', undefined],
    ['CI Routes: all', undefined],
    ['CI_Routes: all', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)} as ${expected ? `${expected.key}=${expected.value}` : 'no trailer'}`, () => {
      assert.deepEqual(parseTrailer(text), expected);
    });
  }
});
