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
