import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minimatch } from 'minimatch';
import {
  compileGlob,
  GLOB_OPTIONS,
  globProblem,
  PathRules,
  RuleSet,
} from '../../src/routing/path-rules.ts';

const PATTERNS = [
  'a',
  'a/**',
  '**/*.md',
  '*.md',
  'docs/**',
  'crates/**/*.rs',
  '**',
  '*',
  'a/*/b',
  '**/b',
  'a/**/b',
  '?.md',
  'a?c/*',
  '*.{ts,js}',
  '{a,b}/**',
  'x[ab]y',
  '.github/**',
  '**/.env',
  'a/b*c*d/**',
  '**/x/**',
  '*/**',
  'src/+(app|ui)/*.ts',
  'crates/[cm]*/build.rs',
  '**/fixtures/**',
  'Cargo.lock',
  'docs/\\[draft\\]/**',
  'a/\\*.md',
  '\\{a,b\\}',
  '[]a]',
  '[!a]*',
  '[^a]*',
  'x[a-c]y',
  '[[:digit:]]*',
  '{a,{b,c}}/**',
  'a-\\(b\\)/*',
  'x/(a)',
];

const PATHS = [
  'a',
  'a/b',
  'a/b/c',
  'b',
  'x.md',
  'a/x.md',
  '.md',
  'docs',
  'docs/a',
  'docs/a/b.md',
  'crates/a.rs',
  'crates/x/y/z.rs',
  'crates/x.rsx',
  'a/q/b',
  'b/b',
  'x/b',
  'abc/d',
  'ac/d',
  'z.ts',
  'q/z.ts',
  'xay',
  'xcy',
  '.github/workflows/ci.yml',
  '.env',
  'a/.env',
  'a/bXcYd/z',
  'q/x/r',
  'x/r',
  '.hidden/a',
  'src/app/main.ts',
  'src/ui/x/main.ts',
  'crates/core/build.rs',
  'crates/net/build.rs',
  'test/fixtures/a/b.json',
  'fixtures/a',
  'Cargo.lock',
  'sub/Cargo.lock',
  'docs/new\nline.md',
  'docs/ünïcødé.md',
  'docs/with space.md',
  'docs/[draft]/x.md',
  'docs/d/x.md',
  'a/*.md',
  '{a,b}',
  ']',
  '1x',
  'xby',
  'c/d',
  'a-(b)/c',
  'x/(a)',
];

describe('compileGlob', () => {
  it('answers exactly as minimatch does for every pattern and path', () => {
    for (const pattern of PATTERNS) {
      const test = compileGlob(pattern);
      for (const path of PATHS) {
        assert.equal(
          test(path),
          minimatch(path, pattern, GLOB_OPTIONS),
          `${pattern} ~ ${JSON.stringify(path)}`,
        );
      }
    }
  });
});

describe('globProblem', () => {
  for (const [glob, problem] of [
    ['', /empty/],
    ['!', /empty/],
    ['/abs/**', /relative to the repository root/],
    ['./src/**', /never start with '\.\/'/],
    ['docs/', /never ends with '\/'/],
    ['a\\b', /separator/],
    ['a//b', /never matches/],
  ] as const) {
    it(`rejects '${glob}'`, () => {
      assert.match(globProblem(glob) ?? '', problem);
    });
  }
  it('accepts what on.push.paths accepts', () => {
    for (const glob of ['docs/**', '!docs/**/*.md', '*.{ts,js}', '**/x'])
      assert.equal(globProblem(glob), undefined);
  });

  // Each of these minimatch reads as literal text or as nothing: the glob never matches.
  const meaningless: [string, string][] = [
    ['src/[**', "'[' at column 5 opens a class that is never closed with ']'"],
    ['[abc', "'[' at column 1 opens a class that is never closed with ']'"],
    ['[a/b]', "'[' at column 1 opens a class that is never closed with ']'"],
    ['{[a,b]}', "'[' at column 2 opens a class that is never closed with ']'"],
    ['[a\\', "'[' at column 1 opens a class that is never closed with ']'"],
    ['[a-\\', "'[' at column 1 opens a class that is never closed with ']'"],
    ['[]', "'[]' at column 1 is an empty class, which matches nothing"],
    ['a/[]b', "'[]' at column 3 is an empty class, which matches nothing"],
    ['[!]', "'[!]' at column 1 is an empty class, which matches nothing"],
    ['[^]x', "'[^]' at column 1 is an empty class, which matches nothing"],
    ['src/[z-a]*', "range 'z-a' at column 6 is reversed and matches nothing; write 'a-z'"],
    ['[a-cz-x]', "range 'z-x' at column 5 is reversed and matches nothing; write 'x-z'"],
    ['[9-0].txt', "range '9-0' at column 2 is reversed and matches nothing; write '0-9'"],
    ['[\\z-\\a]', "range 'z-a' at column 2 is reversed and matches nothing; write 'a-z'"],
    ['[[:alpah:]]', "unknown class '[:alpah:]' at column 2, expected one of [:alnum:] [:alpha:]"],
    ['{src/**', "'{' at column 1 is never closed with '}'"],
    ['src/*.{rs', "'{' at column 7 is never closed with '}'"],
    ['{a,b', "'{' at column 1 is never closed with '}'"],
    ['{a,{b,c}', "'{' at column 1 is never closed with '}'"],
    ['!{a,b', "'{' at column 2 is never closed with '}'"],
    ['src/**}', "'}' at column 7 closes no '{'; escape it as '\\}' to match a literal '}'"],
    ['{a,b}}', "'}' at column 6 closes no '{'"],
    ['a]', "']' at column 2 closes no '['; escape it as '\\]' to match a literal ']'"],
    ['!src/x]', "']' at column 7 closes no '['"],
    ['+(a|b', "'+(' at column 1 is never closed with ')'"],
    ['src/@(app|ui/*.ts', "'@(' at column 5 is never closed with ')'"],
    ['*.!(md', "'!(' at column 3 is never closed with ')'"],
    ['@(a|{b)', "')' at column 7 comes before the '}' of '{' at column 5"],
    ['{a,+(b})', "'}' at column 7 comes before the ')' of '+(' at column 4"],
    ['a\\', "use / as the path separator; '\\' (column 2) only escapes one of"],
    ['src\\lib\\**', "use / as the path separator; '\\' (column 4) only escapes one of"],
    ['+(a)'.repeat(300), 'minimatch refuses it: pattern has too many extglobs'],
    [`src/${'*'.repeat(70_000)}`, 'minimatch refuses it: pattern is too long'],
  ];
  for (const [glob, problem] of meaningless) {
    it(`rejects '${glob.length > 40 ? `${glob.slice(0, 40)}…` : glob}': ${problem.slice(0, 60)}`, () => {
      const got = globProblem(glob);
      assert.ok(got?.startsWith(problem), `${String(got)}\nwanted: ${problem}`);
    });
  }

  const valid = [
    'docs/\\[draft\\]/**',
    '\\{a,b\\}',
    'a/\\*.md',
    '\\!important.md',
    'a\\\\b',
    '[!a]*',
    '[^a]*',
    '[]a]',
    '[!]a]',
    '[\\]]',
    '[a-]',
    '[-a]',
    '[a-a]',
    '[a\\-z]',
    '[a-z0-9_-]*',
    '[[:alpha:]][[:digit:]]',
    '[[:alpha:]-]',
    '{a,b}',
    '{a,{b,c}}/**',
    '{src,lib}/**/*.{ts,tsx}',
    '{1..3}.txt',
    '{a}',
    '**',
    'a/**/b',
    'src/+(app|ui)/*.ts',
    '*.@(md|txt)',
    '!(x)',
    'a/!(x|y)/b',
    '?(a)*(b)',
    '+(a|@(b|c))',
    'x/(a)',
    'a)b',
    'a,b|c',
    '{[ab],c}',
  ];
  it(`keeps valid globs valid: ${valid.join(' ')}`, () => {
    for (const glob of valid) assert.equal(globProblem(glob), undefined, glob);
  });
});

describe('PathRules', () => {
  const rules = new PathRules(['crates/**', '!crates/**/*.md', 'crates/core/README.md']);
  for (const [path, claim] of [
    ['crates/a/src/lib.rs', 'crates/**'],
    ['crates/a/README.md', undefined],
    ['crates/core/README.md', 'crates/core/README.md'],
    ['docs/x.md', undefined],
  ] as const) {
    it(`lets the last matching rule decide for ${path}`, () => {
      assert.equal(rules.match(path), claim);
    });
  }
});

describe('RuleSet', () => {
  const lists = [
    ['crates/**', '!crates/**/*.md', '*.toml'],
    ['**/*.md', 'docs/**', '!docs/drafts/**'],
    ['*.toml', 'Cargo.lock', 'crates/*/Cargo.toml'],
    [],
  ];
  const set = new RuleSet(lists);

  it('decides every list as its own rules would, for many paths', () => {
    for (const path of [
      ...PATHS,
      'Cargo.toml',
      'crates/a/Cargo.toml',
      'docs/drafts/x.md',
      'docs/drafts/x.txt',
    ]) {
      const claims = set.match(path);
      lists.forEach((list, i) => {
        let want: string | undefined;
        for (const raw of list) {
          const negate = raw.startsWith('!');
          if (minimatch(path, negate ? raw.slice(1) : raw, GLOB_OPTIONS))
            want = negate ? undefined : raw;
        }
        assert.equal(claims[i], want, `list ${i} for ${JSON.stringify(path)}`);
      });
    }
  });

  it('gives one claim per list, in list order', () => {
    assert.deepEqual(set.match('Cargo.toml'), ['*.toml', undefined, '*.toml', undefined]);
    assert.deepEqual(set.match('crates/a/Cargo.toml'), [
      'crates/**',
      undefined,
      'crates/*/Cargo.toml',
      undefined,
    ]);
  });
});
