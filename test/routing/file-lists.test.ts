import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileListOutputs } from '../../src/routing/file-lists.ts';
import type { RoutePlan } from '../../src/routing/plan.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

const HOSTILE = [
  'plain.rs',
  'a b.rs',
  "it's.rs",
  'say "hi".rs',
  'new\nline.rs',
  'cr\r.rs',
  '$(touch pwned).rs',
  '`id`.rs',
  'a,b.rs',
  '-rf',
  '*.rs',
  'back\\slash.rs',
  'ünïcödé.rs',
  '',
];

const route = (files: string[]): RoutePlan => ({
  run: true,
  reasons: [],
  omittedReasons: 0,
  files,
});

/** The words bash makes of `words` when a script pastes it into a command line. */
function bashWords(words: string): string[] {
  const out = execFileSync(
    'bash',
    ['-c', `eval "set -- $1"; [ $# -eq 0 ] || printf '%s\\0' "$@"`, 'bash', words],
    {
      encoding: 'utf8',
    },
  );
  return out === '' ? [] : out.slice(0, -1).split('\0');
}

/** RFC 4180 fields of one record. */
function csvFields(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '"') {
      let field = '';
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        field += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 2;
          break;
        }
      }
      fields.push(field);
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? text.length : comma;
      fields.push(text.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

describe('fileListOutputs', () => {
  const files = HOSTILE.filter((f) => f !== '');
  const routes = { rust: route(files), docs: route([]) };

  it('writes nothing for none', () => {
    assert.deepEqual(fileListOutputs(routes, 'none'), { outputs: [], cut: [] });
  });

  it('writes JSON that parses back to the exact paths', () => {
    const { outputs } = fileListOutputs(routes, 'json');
    assert.deepEqual(
      outputs.map((o) => [o.name, JSON.parse(o.value) as unknown]),
      [
        ['rust-files', files],
        ['docs-files', []],
      ],
    );
  });

  it('writes shell words that bash reads back as the exact paths, running nothing', () => {
    const { outputs } = fileListOutputs(routes, 'shell');
    assert.deepEqual(bashWords(outputs[0]!.value), files);
    assert.deepEqual(bashWords(outputs[1]!.value), []);
  });

  it('writes CSV fields that read back as the exact paths', () => {
    const { outputs } = fileListOutputs(routes, 'csv');
    assert.deepEqual(csvFields(outputs[0]!.value), files);
    assert.equal(outputs[1]!.value, '');
  });

  it('cuts a list past its share at whole entries, the most that fit, and says how many went', () => {
    const many = Array.from({ length: 1000 }, (_, n) => `src/f${String(n).padStart(4, '0')}.rs`);
    const { outputs, cut } = fileListOutputs({ a: route(many), b: route(['x']) }, 'shell', 8192);
    const kept = bashWords(outputs[0]!.value);
    assert.ok(Buffer.byteLength(outputs[0]!.value) <= 4096);
    assert.deepEqual(kept, many.slice(0, kept.length));
    assert.ok(Buffer.byteLength(`${outputs[0]!.value} '${many[kept.length]!}'`) > 4096);
    assert.deepEqual(cut, [{ route: 'a', omitted: 1000 - kept.length }]);
    assert.deepEqual(
      JSON.parse(fileListOutputs({ a: route(many) }, 'json', 100).outputs[0]!.value),
      // Six 14-byte entries, their commas and brackets make 91 bytes; a seventh would make 106.
      many.slice(0, 6),
    );
  });

  for (const [names, clash] of [
    [['docs', 'docs-files'], 'docs'],
    [['changed'], 'changed'],
    [['Docs', 'docs-FILES'], 'Docs'],
  ] as const) {
    it(`refuses a route whose list would take the output ${clash}-files`, () => {
      assert.throws(
        () => fileListOutputs(Object.fromEntries(names.map((n) => [n, route([])])), 'json'),
        (error: unknown) =>
          error instanceof ConfigurationError &&
          error.message.startsWith(
            `list-files: route '${clash}' would get the output '${clash}-files'`,
          ),
      );
    });
  }
});
