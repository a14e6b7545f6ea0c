import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChangedFile } from '../../src/git/repository.ts';
import type { ContentReader } from '../../src/routing/documents.ts';
import { MAX_REASONS_PER_ROUTE, planRoutes } from '../../src/routing/plan.ts';
import { parseRoutesConfig } from '../../src/routing/routes-config.ts';

const config = parseRoutesConfig(
  `routes:
  rust:
    paths: ['crates/**', '!crates/**/*.md']
    mise-tools: [zig]
  e2e:
    paths: ['docker/**']
    status: [added, modified]
    implies: [rust]
  release:
    paths: ['release/**']
    implies: [e2e]
  docs:
    paths: ['**/*.md']
  deps:
    keys:
      package.json: ['dependencies.*']
fallback: [docs]
`,
  'routes.yml',
);

function reader(files: Record<'base' | 'head', Record<string, string>>): ContentReader {
  return { read: (requests) => Promise.resolve(requests.map((r) => files[r.side][r.path])) };
}

const modified = (path: string): ChangedFile => ({ path, status: 'modified' });
const runs = (outcome: Awaited<ReturnType<typeof planRoutes>>) =>
  Object.entries(outcome.routes)
    .filter(([, r]) => r.run)
    .map(([n]) => n);

describe('planRoutes', () => {
  it('claims files by path, excludes included, and explains each route', async () => {
    const outcome = await planRoutes({
      config,
      files: [modified('crates/a/lib.rs'), modified('crates/a/README.md')],
      contents: reader({ base: {}, head: {} }),
    });
    assert.deepEqual(runs(outcome), ['rust', 'docs']);
    assert.deepEqual(outcome.routes.rust!.reasons, [
      { type: 'path', path: 'crates/a/lib.rs', rule: 'crates/**' },
    ]);
    assert.equal(outcome.fallbackReason, undefined);
  });

  it('lists every file that made each route run, at its head path, once, none capped', async () => {
    const many = Array.from({ length: MAX_REASONS_PER_ROUTE + 20 }, (_, n) =>
      modified(`crates/m${n}.rs`),
    );
    const outcome = await planRoutes({
      config,
      files: [
        { path: 'crates/new name.rs', status: 'renamed', previousPath: 'old/a.rs' },
        { path: 'docs/moved.md', status: 'renamed', previousPath: 'crates/x.rs' },
        { path: 'crates/gone.rs', status: 'deleted' },
        modified('package.json'),
        modified('unclaimed/thing.txt'),
        modified('docker/Dockerfile'),
        ...many,
      ],
      contents: reader({
        base: { 'package.json': '{"dependencies": {"a": "1"}}' },
        head: { 'package.json': '{"dependencies": {"a": "2"}}' },
      }),
    });
    const files = (route: string) => outcome.routes[route]!.files;
    assert.deepEqual(files('rust'), [
      'crates/new name.rs',
      'docs/moved.md',
      'crates/gone.rs',
      ...many.map((f) => f.path),
    ]);
    assert.deepEqual(files('docs'), ['docs/moved.md', 'unclaimed/thing.txt']);
    assert.deepEqual(files('deps'), ['package.json']);
    assert.deepEqual(files('e2e'), ['docker/Dockerfile']);
    assert.deepEqual(files('release'), []);
    assert.equal(outcome.routes.rust!.reasons.length, MAX_REASONS_PER_ROUTE);
  });

  it('lists no files when every route runs for the whole run', async () => {
    const outcome = await planRoutes({
      config,
      files: [modified('crates/a.rs')],
      contents: undefined,
      runAll: 'base-unreachable',
    });
    assert.deepEqual(
      Object.values(outcome.routes).map((r) => r.files),
      [['crates/a.rs'], [], [], [], []],
    );
  });

  it('follows implications transitively and records who implied', async () => {
    const outcome = await planRoutes({
      config,
      files: [modified('release/notes.txt')],
      contents: undefined,
    });
    assert.deepEqual(runs(outcome), ['rust', 'e2e', 'release']);
    assert.deepEqual(outcome.routes.e2e!.reasons, [{ type: 'implied', by: 'release' }]);
    assert.deepEqual(outcome.routes.rust!.reasons, [{ type: 'implied', by: 'e2e' }]);
  });

  it('applies a status filter, matching a rename by its old path too', async () => {
    const deleted = await planRoutes({
      config,
      files: [{ path: 'docker/x', status: 'deleted' }],
      contents: undefined,
    });
    assert.deepEqual(runs(deleted), ['docs'], 'a deleted docker file is not in e2e: it falls back');
    const moved = await planRoutes({
      config,
      files: [{ path: 'elsewhere/x.rs', status: 'renamed', previousPath: 'crates/a/x.rs' }],
      contents: undefined,
    });
    assert.deepEqual(moved.routes.rust!.reasons, [
      { type: 'path', path: 'crates/a/x.rs', rule: 'crates/**' },
    ]);
  });

  it('sends unclaimed files to the fallback routes with their path', async () => {
    const outcome = await planRoutes({
      config,
      files: [modified('tools/x.sh')],
      contents: undefined,
    });
    assert.deepEqual(runs(outcome), ['docs']);
    assert.equal(outcome.fallbackReason, 'unmatched:tools/x.sh');
  });

  it('routes structured files by the keys that changed, added and removed ones included', async () => {
    const contents = reader({
      base: { 'package.json': '{"dependencies":{"a":"1"},"scripts":{"t":"x"}}' },
      head: { 'package.json': '{"dependencies":{"b":"1"},"scripts":{"t":"y"}}' },
    });
    const outcome = await planRoutes({ config, files: [modified('package.json')], contents });
    assert.deepEqual(runs(outcome), ['deps']);
    assert.deepEqual(outcome.routes.deps!.reasons, [
      { type: 'key', file: 'package.json', key: 'dependencies.a', rule: 'dependencies.*' },
    ]);
    const scriptsOnly = await planRoutes({
      config,
      files: [modified('package.json')],
      contents: reader({
        base: { 'package.json': '{"dependencies":{"a":"1"},"scripts":{"t":"x"}}' },
        head: { 'package.json': '{"dependencies":{"a":"1"},"scripts":{"t":"y"}}' },
      }),
    });
    assert.deepEqual(
      runs(scriptsOnly),
      [],
      'a classified file is claimed even when no route wants its keys',
    );
  });

  it('runs the classifying routes when a file does not parse, never a silent false', async () => {
    const outcome = await planRoutes({
      config,
      files: [modified('package.json')],
      contents: reader({
        base: { 'package.json': '{}' },
        head: { 'package.json': '{"dependencies": ' },
      }),
    });
    assert.deepEqual(runs(outcome), ['deps']);
    assert.equal(outcome.routes.deps!.reasons[0]!.type, 'parse-error');
    assert.equal(outcome.fallbackReason, 'parse-error:package.json');
  });

  it('routes mise tools and warns about configured tools and keys that match nothing at head', async () => {
    const contents = reader({
      base: { 'mise.toml': '[tools]\nzig = "0.12"\n' },
      head: { 'mise.toml': '[tools]\nzig = "0.13"\n', 'package.json': '{"devDependencies":{}}' },
    });
    const outcome = await planRoutes({ config, files: [modified('mise.toml')], contents });
    assert.deepEqual(runs(outcome), ['rust']);
    assert.deepEqual(outcome.routes.rust!.reasons, [
      { type: 'tool', file: 'mise.toml', tool: 'zig', key: 'zig', change: 'changed' },
    ]);
    assert.deepEqual(outcome.warnings, [
      "route 'deps': key 'dependencies.*' matches nothing in 'package.json' at head",
    ]);
  });

  it('runs everything for a run-all cause and keeps the per-file reasons', async () => {
    const outcome = await planRoutes({
      config,
      files: [modified('crates/a/lib.rs')],
      contents: undefined,
      runAll: 'label:ci:all',
    });
    assert.equal(runs(outcome).length, 5);
    assert.deepEqual(
      outcome.routes.rust!.reasons.map((r) => r.type),
      ['fallback', 'path', 'implied'],
    );
    assert.equal(outcome.fallbackReason, 'label:ci:all');
  });

  it('caps the listed reasons and counts the rest', async () => {
    const files = Array.from({ length: MAX_REASONS_PER_ROUTE + 25 }, (_, i) =>
      modified(`crates/a/f${i}.rs`),
    );
    const outcome = await planRoutes({ config, files, contents: undefined });
    assert.equal(outcome.routes.rust!.reasons.length, MAX_REASONS_PER_ROUTE);
    assert.equal(outcome.routes.rust!.omittedReasons, 25);
  });
});

describe('planRoutes with routes named like object properties', () => {
  const names = [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    '__defineGetter__',
    'toJSON',
    'prototype',
  ];
  const routes = names
    .map((name, i) => {
      const implies = i + 1 < names.length ? `, implies: [${names[i + 1]!}]` : '';
      return `  ${name}: { paths: ['${name}/**']${implies} }`;
    })
    .join('\n');
  const properties = parseRoutesConfig(
    `routes:\n${routes}\n  other: { paths: [other/**] }\nfallback: [__proto__, toString]\n`,
    'routes.yml',
  );

  it('plans every one of them as a route, in file order', async () => {
    const outcome = await planRoutes({ config: properties, files: [], contents: undefined });
    assert.deepEqual(Object.keys(outcome.routes), [...names, 'other']);
    for (const name of [...names, 'other']) {
      assert.ok(Object.hasOwn(outcome.routes, name), name);
      assert.deepEqual(outcome.routes[name], {
        run: false,
        reasons: [],
        omittedReasons: 0,
        files: [],
      });
    }
    assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(outcome.routes)) as object), [
      ...names,
      'other',
    ]);
  });

  it('runs them by path, implication and fallback, each with its own reasons', async () => {
    const outcome = await planRoutes({
      config: properties,
      files: [modified('__proto__/a'), modified('stray')],
      contents: undefined,
    });
    assert.deepEqual(runs(outcome), names);
    const reasons = (name: string) => outcome.routes[name]!.reasons;
    assert.deepEqual(reasons('__proto__'), [
      { type: 'path', path: '__proto__/a', rule: '__proto__/**' },
      { type: 'fallback', cause: 'unmatched:stray' },
    ]);
    assert.deepEqual(reasons('toString'), [
      { type: 'fallback', cause: 'unmatched:stray' },
      { type: 'implied', by: 'constructor' },
    ]);
    assert.deepEqual(reasons('prototype'), [{ type: 'implied', by: 'toJSON' }]);
  });
});
