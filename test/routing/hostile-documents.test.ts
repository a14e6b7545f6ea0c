/**
 * Classified files from a pull request can be anything: nested thousands of levels deep, huge,
 * full of aliases. Whatever their depth and size, in every format and on either side of the
 * diff, parsing ends in a document or a parse error, and a plan runs the routes that classify
 * the file with `parse-error:<file>`; never a stack overflow.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChangedFile } from '../../src/git/repository.ts';
import type { ContentReader } from '../../src/routing/documents.ts';
import { miseToolChanges } from '../../src/routing/mise-tools.ts';
import { planRoutes } from '../../src/routing/plan.ts';
import { parseRoutesConfig } from '../../src/routing/routes-config.ts';
import type { StructuredFormat } from '../../src/routing/structured-keys.ts';
import {
  changedKeyPaths,
  keyPatternMatches,
  keyPatternMatchesDocument,
  MAX_NESTING,
  MAX_TEXT_BYTES,
  MAX_YAML_ALIASES,
  parseKeyPattern,
  parseStructured,
  sameDocument,
} from '../../src/routing/structured-keys.ts';

/** Text nesting `depth` levels of one shape of one format, and where its level 257 opens. */
interface Shape {
  readonly format: StructuredFormat;
  readonly name: string;
  readonly text: (depth: number) => string;
  /** The message for more than MAX_NESTING levels, whatever the depth. */
  readonly tooDeep: string;
}

const alternate = (depth: number, even: string, odd: string) =>
  Array.from({ length: depth }, (_, i) => (i % 2 === 0 ? even : odd)).join('');

const SHAPES: Shape[] = [
  {
    format: 'json',
    name: 'arrays',
    text: (d) => `${'['.repeat(d)}${']'.repeat(d)}`,
    tooDeep: 'invalid JSON at line 1, column 257: arrays and objects nested deeper than 256 levels',
  },
  {
    format: 'json',
    name: 'objects',
    text: (d) => `${'{"a":'.repeat(d - 1)}{}${'}'.repeat(d - 1)}`,
    tooDeep:
      'invalid JSON at line 1, column 1281: arrays and objects nested deeper than 256 levels',
  },
  {
    format: 'json',
    name: 'objects and arrays, across lines',
    text: (d) =>
      `${alternate(d, '{"a":\n', '[')}1${alternate(d, '}', ']').split('').reverse().join('')}`,
    tooDeep: 'invalid JSON at line 129, column 2: arrays and objects nested deeper than 256 levels',
  },
  {
    format: 'yaml',
    name: 'flow sequences',
    text: (d) => `${'['.repeat(d)}${']'.repeat(d)}`,
    tooDeep: 'invalid YAML at line 1, column 257: collections nested deeper than 256 levels',
  },
  {
    format: 'yaml',
    name: 'flow mappings',
    text: (d) => `${'{a: '.repeat(d)}1${'}'.repeat(d)}`,
    tooDeep: 'invalid YAML at line 1, column 1025: collections nested deeper than 256 levels',
  },
  {
    format: 'yaml',
    name: 'block sequences',
    text: (d) => `${'- '.repeat(d)}x\n`,
    tooDeep: 'invalid YAML at line 1, column 513: collections nested deeper than 256 levels',
  },
  {
    format: 'yaml',
    name: 'block mappings and sequences, one level a line',
    text: (d) =>
      `${Array.from({ length: Math.min(d, 3000) }, (_, i) => `${' '.repeat(2 * i)}${i % 2 === 0 ? 'k:' : '- '}`).join('\n')} 1\n`,
    tooDeep: 'invalid YAML at line 257, column 513: collections nested deeper than 256 levels',
  },
  {
    format: 'toml',
    name: 'inline arrays',
    text: (d) => `a = ${'['.repeat(d - 1)}${']'.repeat(d - 1)}\n`,
    tooDeep: 'invalid TOML at line 1, column 260: tables and arrays nested deeper than 256 levels',
  },
  {
    format: 'toml',
    name: 'inline tables',
    text: (d) => `a = ${'{ b = '.repeat(d - 1)}1${' }'.repeat(d - 1)}\n`,
    tooDeep: 'invalid TOML at line 1, column 1535: tables and arrays nested deeper than 256 levels',
  },
  {
    format: 'toml',
    name: 'dotted keys',
    text: (d) => `${Array.from({ length: d }, () => 'a').join('.')} = 1\n`,
    tooDeep: 'invalid TOML: tables and arrays nested deeper than 256 levels',
  },
  {
    format: 'toml',
    name: 'a table header',
    text: (d) => `[${Array.from({ length: d - 1 }, () => 'a').join('.')}]\nx = 1\n`,
    tooDeep: 'invalid TOML: tables and arrays nested deeper than 256 levels',
  },
  {
    format: 'toml',
    name: 'arrays of tables',
    // `[[a]]` is an array in the root table, holding a table: three levels.
    text: (d) => `[[${Array.from({ length: d - 2 }, () => 'a').join('.')}]]\nx = 1\n`,
    tooDeep: 'invalid TOML: tables and arrays nested deeper than 256 levels',
  },
];

const DEPTHS = [MAX_NESTING + 1, 1000, 5000, 100_000];

describe('parseStructured on deeply nested documents', () => {
  for (const shape of SHAPES) {
    it(`reads ${shape.format} ${shape.name} nested ${MAX_NESTING} deep`, () => {
      assert.doesNotThrow(() => parseStructured(shape.text(MAX_NESTING), shape.format));
    });
    it(`rejects ${shape.format} ${shape.name} nested ${DEPTHS.join(', ')} deep`, () => {
      for (const depth of DEPTHS) {
        assert.throws(
          () => parseStructured(shape.text(depth), shape.format),
          { message: shape.tooDeep },
          `${depth} deep`,
        );
      }
    });
  }

  it('counts no brackets inside JSON strings', () => {
    const text = JSON.stringify({ a: `${'['.repeat(5000)}\\"{{{` });
    assert.deepEqual(parseStructured(text, 'json'), { a: `${'['.repeat(5000)}\\"{{{` });
  });

  it('rejects YAML nested deep through an alias only where its text nests too deep', () => {
    // Each anchor holds the one before it: the value nests 400 deep, its text 201.
    const text = `a: &a ${'['.repeat(200)}${']'.repeat(200)}\nb: ${'['.repeat(200)}*a${']'.repeat(200)}\n`;
    const doc = parseStructured(text, 'yaml') as { b: unknown };
    assert.equal(changedKeyPaths(undefined, doc).length, 2);
  });
});

describe('parseStructured on huge documents', () => {
  it('reads a flat JSON object of 200,000 keys', () => {
    const object = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]));
    const doc = parseStructured(JSON.stringify(object), 'json');
    assert.deepEqual(changedKeyPaths(doc, { ...object, k7: -1 }), [['k7']]);
  });

  it('reads a flat YAML mapping of 20,000 keys and finds a repeated one', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`);
    const doc = parseStructured(`${lines.join('\n')}\n`, 'yaml') as Record<string, number>;
    assert.equal(Object.keys(doc).length, 20_000);
    assert.throws(() => parseStructured(`${lines.join('\n')}\nk3: again\n`, 'yaml'), {
      message: 'invalid YAML at line 20001, column 1: Map keys must be unique',
    });
  });

  it('reads a flat TOML table of 200,000 keys', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `k${i} = ${i}`);
    const doc = parseStructured(`[t]\n${lines.join('\n')}\n`, 'toml') as { t: object };
    assert.equal(Object.keys(doc.t).length, 200_000);
  });

  for (const format of ['json', 'toml', 'yaml'] as const) {
    it(`refuses ${format} text larger than ${MAX_TEXT_BYTES[format] / 1024 / 1024} MiB`, () => {
      const text = ' '.repeat(MAX_TEXT_BYTES[format] + 1);
      const name = format.toUpperCase();
      const limit = MAX_TEXT_BYTES[format] / 1024 / 1024;
      assert.throws(() => parseStructured(text, format), {
        message: `${name} of ${limit} MiB, more than the ${limit} MiB lanekit parses`,
      });
    });
  }

  it('counts bytes, not characters', () => {
    const text = `"${'é'.repeat(MAX_TEXT_BYTES.yaml / 2)}"`;
    assert.throws(() => parseStructured(text, 'yaml'), {
      message: 'YAML of 16 MiB, more than the 16 MiB lanekit parses',
    });
  });

  it(`resolves at most ${MAX_YAML_ALIASES} YAML aliases`, () => {
    const anchors = Array.from({ length: 1001 }, (_, i) => `a${i}: &a${i} ${i}`).join('\n');
    const uses = (count: number) =>
      `${anchors}\nuses: [${Array.from({ length: count }, (_, i) => `*a${i}`).join(', ')}]\n`;
    const doc = parseStructured(uses(MAX_YAML_ALIASES), 'yaml') as { uses: number[] };
    assert.equal(doc.uses.length, MAX_YAML_ALIASES);
    assert.throws(() => parseStructured(uses(MAX_YAML_ALIASES + 1), 'yaml'), {
      message: 'invalid YAML: 1001 aliases, more than the 1000 lanekit resolves',
    });
  });

  it('refuses a YAML alias bomb', () => {
    const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++)
      lines.push(`l${i}: &l${i} [${`*l${i - 1}, `.repeat(9)}*l${i - 1}]`);
    assert.throws(() => parseStructured(`${lines.join('\n')}\n`, 'yaml'), {
      message: 'invalid YAML: Excessive alias count indicates a resource exhaustion attack',
    });
  });
});

/** An array nested `depth` deep around `leaf`, built without recursion. */
function nestedArray(depth: number, leaf: unknown): unknown {
  let node = leaf;
  for (let i = 0; i < depth; i++) node = [node];
  return node;
}

/** An object nested `depth` deep, `{a: {a: ... leaf}}`. */
function nestedObject(depth: number, leaf: unknown): unknown {
  let node = leaf;
  for (let i = 0; i < depth; i++) node = { a: node };
  return node;
}

describe('walks over documents deeper than any parser gives', () => {
  const depth = 100_000;

  it('diffs two values 100,000 deep, and one against nothing', () => {
    assert.deepEqual(changedKeyPaths(nestedArray(depth, 1), nestedArray(depth, 1)), []);
    const changed = changedKeyPaths(nestedObject(depth, 1), nestedObject(depth, 2));
    assert.equal(changed.length, 1);
    assert.equal(changed[0]!.length, depth);
    assert.equal(changedKeyPaths(undefined, nestedArray(depth, 'x'))[0]!.length, depth);
    assert.equal(sameDocument(nestedObject(depth, 1), nestedObject(depth, 1)), true);
    assert.equal(sameDocument(nestedObject(depth, 1), nestedObject(depth, [1])), false);
  });

  it('matches patterns against a key 100,000 segments long', () => {
    const key = Array.from({ length: depth }, () => 'a');
    assert.equal(keyPatternMatches(parseKeyPattern('**.b'), key), false);
    assert.equal(keyPatternMatches(parseKeyPattern('**.a.**.b'), key), true, 'a prefix of it');
    assert.equal(keyPatternMatches(parseKeyPattern('a.**.a'), key), true);
    assert.equal(keyPatternMatches(parseKeyPattern('*.*.*.b'), key), false);
  });

  it('finds keys in a document 100,000 deep', () => {
    const doc = nestedObject(depth, { leaf: 1 });
    assert.equal(keyPatternMatchesDocument(parseKeyPattern('**.leaf'), doc), true);
    assert.equal(keyPatternMatchesDocument(parseKeyPattern('**.missing'), doc), false);
    assert.equal(keyPatternMatchesDocument(parseKeyPattern('a.a.*.a'), doc), true);
  });

  it('compares a mise tool whose value is 100,000 deep', () => {
    const tools = (leaf: unknown) => ({ tools: { zig: nestedObject(depth, leaf) } });
    assert.deepEqual(miseToolChanges(tools(1), tools(1), ['zig']), []);
    assert.deepEqual(miseToolChanges(tools(1), tools(2), ['zig']), [
      { tool: 'zig', key: 'zig', change: 'changed' },
    ]);
  });
});

describe('planRoutes on a classified file nested too deep', () => {
  const config = parseRoutesConfig(
    `routes:
  deps:
    keys:
      package.json: ['dependencies.*']
      config/app.yaml: ['server.*']
      config/app.toml: ['server.*']
  tools:
    mise-tools: [zig]
  docs:
    paths: ['docs/**']
fallback: [docs]
`,
    'routes.yml',
  );

  const modified = (path: string): ChangedFile => ({ path, status: 'modified' });
  const reader = (files: Record<'base' | 'head', Record<string, string>>): ContentReader => ({
    read: (requests) => Promise.resolve(requests.map((r) => files[r.side][r.path])),
  });
  const running = (outcome: Awaited<ReturnType<typeof planRoutes>>) =>
    Object.entries(outcome.routes)
      .filter(([, r]) => r.run)
      .map(([name]) => name);

  const cases: { file: string; route: string; deep: string; fine: string }[] = [
    {
      file: 'package.json',
      route: 'deps',
      deep: `{"dependencies": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
      fine: '{"dependencies": {"a": "1"}}',
    },
    {
      file: 'package.json',
      route: 'deps',
      deep: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
      fine: '{}',
    },
    {
      file: 'config/app.yaml',
      route: 'deps',
      deep: `server: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      fine: 'server: {port: 1}\n',
    },
    {
      file: 'config/app.toml',
      route: 'deps',
      deep: `[server]\n${Array.from({ length: 5000 }, () => 'a').join('.')} = 1\n`,
      fine: '[server]\nport = 1\n',
    },
    {
      file: 'mise.toml',
      route: 'tools',
      deep: `[tools.zig${'.a'.repeat(100_000)}]\nversion = "1"\n`,
      fine: '[tools]\nzig = "0.13"\n',
    },
    {
      file: '.config/mise/conf.d/deep.toml',
      route: 'tools',
      deep: `[tools]\nzig = ${'['.repeat(1000)}${']'.repeat(1000)}\n`,
      fine: '[tools]\nzig = "0.13"\n',
    },
  ];
  for (const { file, route, deep, fine } of cases) {
    for (const side of ['base', 'head', 'both'] as const) {
      it(`runs ${route} with parse-error:${file} when ${side === 'both' ? 'both sides are' : `the ${side} side is`} nested ${deep.length > 100_000 ? '100,000' : 'thousands of levels'} deep`, async () => {
        const outcome = await planRoutes({
          config,
          files: [modified(file)],
          contents: reader({
            base: { [file]: side === 'head' ? fine : deep },
            head: { [file]: side === 'base' ? fine : deep },
          }),
        });
        assert.deepEqual(running(outcome), [route]);
        const reason = outcome.routes[route]!.reasons[0]!;
        assert.ok(reason.type === 'parse-error', reason.type);
        assert.equal(reason.cause, `parse-error:${file}`);
        // The base side is parsed first: its error is the one reported.
        const reported = side === 'head' ? 'head' : 'base';
        assert.match(
          reason.detail,
          new RegExp(`^${reported}: invalid (JSON|YAML|TOML)\\b.*nested deeper than 256 levels$`),
        );
        assert.equal(outcome.fallbackReason, `parse-error:${file}`);
      });
    }
  }

  it('warns about no drift, and does not fail, when a classified file unchanged at head is too deep', async () => {
    const outcome = await planRoutes({
      config,
      files: [modified('docs/a.md')],
      contents: reader({
        base: {},
        head: { 'package.json': `{"dependencies": ${'['.repeat(5000)}${']'.repeat(5000)}}` },
      }),
    });
    assert.deepEqual(running(outcome), ['docs']);
  });
});
