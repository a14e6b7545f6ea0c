import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigurationError } from '../../src/runner/errors.ts';
import { ConfigNode } from '../../src/runner/yaml-config.ts';

const ORIGIN = 'conf.yml';

/** The node at `key` of a one-level mapping. */
const at = (text: string, key = 'a'): ConfigNode => {
  const node = ConfigNode.parse(text, ORIGIN)
    .entries()
    .find(([k]) => k === key)?.[1];
  assert.ok(node, `no key '${key}' in ${JSON.stringify(text)}`);
  return node;
};

/** The ConfigurationError `f` throws. */
const errorOf = (f: () => unknown): ConfigurationError => {
  try {
    f();
  } catch (error) {
    assert.ok(error instanceof ConfigurationError, `not a ConfigurationError: ${String(error)}`);
    return error;
  }
  assert.fail('no error thrown');
};
const messageOf = (f: () => unknown): string => errorOf(f).message;

describe('ConfigNode.parse', () => {
  const invalid: [string, string, string | RegExp][] = [
    [
      'an unclosed flow sequence',
      'a: [1\n',
      /^conf\.yml:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a \]$/,
    ],
    ['a repeated key', 'a: 1\nb: 2\na: 3\n', 'conf.yml:3:1: invalid YAML: Map keys must be unique'],
    [
      'a repeated key in a nested mapping',
      'top:\n  a: 1\n  a: 2\n',
      'conf.yml:3:3: invalid YAML: Map keys must be unique',
    ],
    [
      'tab indentation',
      'a:\n\t- x\n',
      'conf.yml:2:1: invalid YAML: Tabs are not allowed as indentation',
    ],
    [
      'two documents',
      'a: 1\n---\nb: 2\n',
      /^conf\.yml:2:1: invalid YAML: Source contains multiple/,
    ],
    ['an error after CRLF lines', 'a: 1\r\nb: 2\r\nc: [\r\n', /^conf\.yml:4:1: invalid YAML: /],
    ['an error after a non-ASCII line', 'é: 日本\nb: [\n', /^conf\.yml:3:1: invalid YAML: /],
  ];
  for (const [title, text, message] of invalid) {
    it(`rejects ${title} with file:line:column and one line of text`, () => {
      const got = messageOf(() => ConfigNode.parse(text, ORIGIN));
      if (typeof message === 'string') assert.equal(got, message);
      else assert.match(got, message);
      assert.doesNotMatch(got, /\n/);
    });
  }

  for (const [title, text] of [
    ['an empty file', ''],
    ['a file of comments', '# nothing\n# here\n'],
    ['a null document', '~\n'],
  ]) {
    it(`reads ${title} as a missing root with no entries or items`, () => {
      const root = ConfigNode.parse(text!, ORIGIN);
      assert.equal(root.isMissing, true);
      assert.equal(root.path, '');
      assert.deepEqual(root.entries(['x']), []);
      assert.deepEqual(root.fields(['x']), {});
      assert.deepEqual(root.strings(), []);
      assert.deepEqual(root.items(), []);
      assert.equal(root.isList, false);
    });
  }

  it('names only the origin where a node has no position', () => {
    const root = ConfigNode.parse('', ORIGIN);
    assert.equal(root.location(), ORIGIN);
    assert.equal(root.error('define something').message, 'conf.yml: define something');
  });
});

describe('ConfigNode locations and paths', () => {
  const root = ConfigNode.parse(
    'top:\n  list: [one, two]\n  nested:\n    deep: x\n  block:\n    - first\n    - second\n',
    ORIGIN,
  );
  const top = root.fields(['top']).top!;
  const { list, nested, block } = top.fields(['list', 'nested', 'block']);

  it('gives each node its dotted path and 1-based line:column', () => {
    const nodes: [ConfigNode, string, string][] = [
      [top, 'top', 'conf.yml:2:3'],
      [list!, 'top.list', 'conf.yml:2:9'],
      [nested!, 'top.nested', 'conf.yml:4:5'],
      [nested!.fields(['deep']).deep!, 'top.nested.deep', 'conf.yml:4:11'],
      [block!, 'top.block', 'conf.yml:6:5'],
    ];
    for (const [node, path, location] of nodes) {
      assert.equal(node.path, path);
      assert.equal(node.location(), location, path);
    }
  });

  it('gives list items an index path and their own position, flow and block alike', () => {
    assert.deepEqual(
      [...list!.items(), ...block!.items()].map((item) => [item.path, item.location()]),
      [
        ['top.list[0]', 'conf.yml:2:10'],
        ['top.list[1]', 'conf.yml:2:15'],
        ['top.block[0]', 'conf.yml:6:7'],
        ['top.block[1]', 'conf.yml:7:7'],
      ],
    );
  });

  it('makes errors that name the location, the path and the message, without throwing', () => {
    const error = list!.items()[1]!.error("got 'two', expected one");
    assert.ok(error instanceof ConfigurationError);
    assert.equal(error.message, "conf.yml:2:15: top.list[1]: got 'two', expected one");
    assert.equal(root.error('at the root').message, 'conf.yml:1:1: at the root');
  });
});

describe('ConfigNode.entries and fields', () => {
  it('lists a mapping in file order with string keys', () => {
    const root = ConfigNode.parse('zeta: 1\nalpha: 2\n1: 3\ntrue: 4\n', ORIGIN);
    assert.deepEqual(
      root.entries().map(([key, node]) => [key, node.path, node.text()]),
      [
        ['zeta', 'zeta', '1'],
        ['alpha', 'alpha', '2'],
        ['1', '1', '3'],
        ['true', 'true', '4'],
      ],
    );
  });

  it('returns the allowed keys that are present as fields', () => {
    const fields = ConfigNode.parse('b: x\nc: [y]\n', ORIGIN).fields(['a', 'b', 'c']);
    assert.deepEqual(Object.keys(fields), ['b', 'c']);
    assert.equal(fields.a, undefined);
    assert.equal(fields.b!.string(), 'x');
    assert.deepEqual(fields.c!.strings(), ['y']);
  });

  for (const [title, text] of [
    ['an empty value', 'a:\n'],
    ['~', 'a: ~\n'],
    ['null', 'a: null\n'],
  ]) {
    it(`reads ${title} as a missing mapping with no entries`, () => {
      const node = at(text!);
      assert.equal(node.isMissing, true);
      assert.deepEqual(node.entries(['x']), []);
    });
  }

  const errors: [string, string, (root: ConfigNode) => unknown, string][] = [
    [
      'an unknown key, at the key',
      'top:\n  ok: 1\n  nope: 2\n',
      (root) => root.fields(['top']).top!.fields(['ok', 'fine']),
      "conf.yml:3:3: top: unknown key 'nope', expected one of ok|fine",
    ],
    [
      'an unknown key at the root',
      'ok: 1\nnope: 2\n',
      (root) => root.fields(['ok']),
      "conf.yml:2:1: unknown key 'nope', expected one of ok",
    ],
    [
      'a list where a mapping belongs',
      'top: [a, b]\n',
      (root) => root.fields(['top']).top!.entries(),
      'conf.yml:1:6: top: expected a mapping',
    ],
    [
      'a string where a mapping belongs',
      'top: text\n',
      (root) => root.fields(['top']).top!.fields(['x']),
      'conf.yml:1:6: top: expected a mapping',
    ],
    [
      'a list as a key',
      '? [a, b]\n: 1\n',
      (root) => root.entries(),
      'conf.yml:1:3: expected a plain key',
    ],
    [
      'a mapping as a flow key',
      '{ { k: v }: 1 }\n',
      (root) => root.entries(),
      'conf.yml:1:3: expected a plain key',
    ],
  ];
  for (const [title, text, read, message] of errors) {
    it(`rejects ${title}`, () => {
      assert.equal(
        messageOf(() => read(ConfigNode.parse(text, ORIGIN))),
        message,
      );
    });
  }
});

describe('ConfigNode scalars and lists', () => {
  const strings: [string, string, string][] = [
    ['a plain string', 'a: crates/**\n', 'crates/**'],
    ['a quoted string', "a: 'a: b'\n", 'a: b'],
    ['an empty quoted string', "a: ''\n", ''],
    ['an integer', 'a: 8\n', '8'],
    ['a boolean', 'a: true\n', 'true'],
    ['yes, a string in YAML 1.2', 'a: yes\n', 'yes'],
    ['a date-like value', 'a: 2024-01-01\n', '2024-01-01'],
    ['a block scalar', 'a: |\n  one\n  two\n', 'one\ntwo\n'],
  ];
  for (const [title, text, value] of strings) {
    it(`reads ${title} as the string '${JSON.stringify(value).slice(1, -1)}'`, () => {
      const node = at(text);
      assert.equal(node.string(), value);
      assert.equal(node.text(), value);
      assert.deepEqual(node.strings(), [value], 'one string is a list of one');
      assert.equal(node.isMissing, false);
    });
  }

  for (const [title, text, location] of [
    ['null', 'a: null\n', 'conf.yml:1:4'],
    ['an empty value', 'a:\nb: 1\n', 'conf.yml:1:3'],
    ['a list', 'a: [x]\n', 'conf.yml:1:4'],
    ['a mapping', 'a: { x: 1 }\n', 'conf.yml:1:4'],
  ]) {
    it(`rejects ${title} where a string belongs, at the value`, () => {
      assert.equal(
        messageOf(() => at(text!).string()),
        `${location!}: a: expected a string`,
      );
    });
  }

  it('reads a list of strings, and an empty or missing list as none', () => {
    assert.deepEqual(at('a: [x, 1, "y z"]\n').strings(), ['x', '1', 'y z']);
    assert.deepEqual(at('a:\n  - x\n  - y\n').strings(), ['x', 'y']);
    assert.deepEqual(at('a: []\n').strings(), []);
    assert.deepEqual(at('a:\n').strings(), []);
  });

  for (const [title, text, message] of [
    ['a nested list', 'a: [x, [y]]\n', 'conf.yml:1:8: a[1]: expected a string'],
    ['a null item', 'a: [x, ~]\n', 'conf.yml:1:8: a[1]: expected a string'],
    ['an empty block item', 'a:\n  - x\n  -\n', 'conf.yml:3:4: a[1]: expected a string'],
    ['a mapping item', 'a:\n  - k: v\n', 'conf.yml:2:5: a[0]: expected a string'],
  ]) {
    it(`rejects a list with ${title}, naming the item`, () => {
      assert.equal(
        messageOf(() => at(text!).strings()),
        message,
      );
    });
  }

  it('reads true and false as booleans', () => {
    assert.equal(at('a: true\n').boolean(), true);
    assert.equal(at('a: false\n').boolean(), false);
  });

  for (const [title, text, message] of [
    ['yes', 'a: yes\n', "conf.yml:1:4: a: expected true|false, got 'yes'"],
    ['1', 'a: 1\n', "conf.yml:1:4: a: expected true|false, got '1'"],
    ['a quoted "true"', 'a: "true"\n', "conf.yml:1:4: a: expected true|false, got 'true'"],
    ['an empty value', 'a:\nb: 1\n', "conf.yml:1:3: a: expected true|false, got 'null'"],
    ['a list', 'a: [true]\n', "conf.yml:1:4: a: expected true|false, got '[true]'"],
  ]) {
    it(`rejects ${title} where a boolean belongs, saying what it got`, () => {
      assert.equal(
        messageOf(() => at(text!).boolean()),
        message,
      );
    });
  }

  it('gives a list its items, a single value itself as the one item, and nothing none', () => {
    const list = at('a: [x, y]\n');
    assert.deepEqual(
      list.items().map((item) => [item.path, item.string()]),
      [
        ['a[0]', 'x'],
        ['a[1]', 'y'],
      ],
    );
    const single = at('a: x\n');
    assert.deepEqual(
      single.items().map((item) => [item.path, item.location(), item.string()]),
      [['a', 'conf.yml:1:4', 'x']],
    );
    assert.deepEqual(at('a:\n').items(), []);
  });

  it('tells a list from anything else', () => {
    const cases: [string, boolean][] = [
      ['a: [x]\n', true],
      ['a: []\n', true],
      ['a:\n  - x\n', true],
      ['a: x\n', false],
      ['a: { x: 1 }\n', false],
      ['a:\n', false],
    ];
    for (const [text, isList] of cases) assert.equal(at(text).isList, isList, text);
  });

  it('tells a missing value from an empty one', () => {
    const cases: [string, boolean][] = [
      ['a:\nb: 1\n', true],
      ['a: ~\n', true],
      ['a: null\n', true],
      ['a: Null\n', true],
      ["a: ''\n", false],
      ["a: 'null'\n", false],
      ['a: []\n', false],
      ['a: {}\n', false],
      ['a: false\n', false],
      ['a: 0\n', false],
    ];
    for (const [text, missing] of cases) {
      assert.equal(at(text).isMissing, missing, JSON.stringify(text));
    }
  });
});

describe('ConfigNode error locations for annotations', () => {
  it('gives a parse error the file, line and column of its message', () => {
    const error = errorOf(() => ConfigNode.parse('a: 1\nb: [\n', ORIGIN));
    assert.match(error.message, /^conf\.yml:3:1: /);
    assert.deepEqual(error.location, { file: ORIGIN, line: 3, column: 1 });
  });

  it('gives an error made at a node the position its message names', () => {
    const item = at('a: [one, two]\n').items()[1]!;
    const error = item.error('bad item');
    assert.equal(error.message, 'conf.yml:1:10: a[1]: bad item');
    assert.deepEqual(error.location, { file: ORIGIN, line: 1, column: 10 });
    const unknown = errorOf(() => ConfigNode.parse('ok: 1\nnope: 2\n', ORIGIN).fields(['ok']));
    assert.deepEqual(unknown.location, { file: ORIGIN, line: 2, column: 1 }, 'at the key');
  });

  it('gives no file location for YAML given inline in an input, which has no file', () => {
    const parsed = errorOf(() => ConfigNode.parse('a: [\n', 'routes input'));
    assert.match(parsed.message, /^routes input:2:1: invalid YAML/);
    assert.equal(parsed.location, undefined);
    const root = ConfigNode.parse('a: [x]\n', 'routes input');
    const error = root.entries()[0]![1].items()[0]!.error('bad');
    assert.equal(error.message, 'routes input:1:5: a[0]: bad');
    assert.equal(error.location, undefined);
  });

  it('gives no location where the node has no position', () => {
    const error = ConfigNode.parse('', ORIGIN).error('empty');
    assert.equal(error.message, 'conf.yml: empty');
    assert.equal(error.location, undefined);
  });
});

describe('ConfigNode and YAML aliases', () => {
  const root = ConfigNode.parse(
    'base: &list [one, two]\n' +
      'copy: *list\n' +
      'scalar: &word hello\n' +
      'words: [*word, *list]\n' +
      'map: &map { k: v }\n' +
      'again: *map\n' +
      'nothing: &none ~\n' +
      'empty: *none\n' +
      '*word : keyed by an alias\n',
    ORIGIN,
  );
  const fields = Object.fromEntries(root.entries());

  it('reads an alias as the value its anchor is set on', () => {
    assert.deepEqual(fields.copy!.strings(), ['one', 'two']);
    assert.equal(fields.copy!.isList, true);
    assert.equal(fields.again!.fields(['k']).k!.string(), 'v');
    assert.equal(fields.empty!.isMissing, true);
    assert.equal(fields.hello!.string(), 'keyed by an alias');
  });

  it('gives an aliased value its path where the alias stands and its anchor’s position', () => {
    const items = fields.copy!.items();
    assert.deepEqual(
      items.map((item) => [item.path, item.location()]),
      [
        ['copy[0]', 'conf.yml:1:14'],
        ['copy[1]', 'conf.yml:1:19'],
      ],
    );
    const words = fields.words!.items();
    assert.equal(words[0]!.string(), 'hello');
    assert.equal(
      messageOf(() => words[1]!.string()),
      'conf.yml:1:13: words[1]: expected a string',
    );
  });

  it('tells a scalar from a list or a mapping, through aliases too', () => {
    assert.deepEqual(
      ['scalar', 'copy', 'again', 'empty'].map((key) => fields[key]!.isScalar),
      [true, false, false, true],
    );
  });

  for (const [title, text, message] of [
    [
      'an alias with no anchor',
      'a: *nope\n',
      "conf.yml:1:4: invalid YAML: alias '*nope' names no anchor before it; set '&nope' on an earlier value",
    ],
    [
      'an alias before its anchor',
      'a: *x\nb: &x 1\n',
      "conf.yml:1:4: invalid YAML: alias '*x' names no anchor before it; set '&x' on an earlier value",
    ],
    [
      'a merge key',
      'a: &m { x: 1 }\nb:\n  <<: *m\n',
      "conf.yml:3:3: b: YAML merge keys ('<<') are not supported: write the keys out, or alias the whole value",
    ],
  ]) {
    it(`rejects ${title!}`, () => {
      assert.equal(
        messageOf(() => ConfigNode.parse(text!, ORIGIN).entries()[1]?.[1].entries()),
        message,
      );
    });
  }

  it('reads a quoted << as a plain key', () => {
    assert.deepEqual(
      at("a: { '<<': 1 }\n")
        .entries()
        .map(([key]) => key),
      ['<<'],
    );
  });

  it('never expands an alias bomb', () => {
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 12; i++)
      lines.push(`l${i}: &l${i} [${`*l${i - 1}, `.repeat(9)}*l${i - 1}]`);
    const bomb = at(`${lines.join('\n')}\n`, 'l12');
    assert.equal(bomb.items().length, 10);
    assert.equal(bomb.items()[0]!.items()[0]!.items().length, 10);
    assert.equal(bomb.text().length < 200, true, 'the text of a node is its own, not expanded');
  });
});

describe('ConfigNode.parse on YAML built to break a parser', () => {
  for (const [title, make, location] of [
    ['flow sequences', (d: number) => `a: ${'['.repeat(d)}${']'.repeat(d)}\n`, '1:259'],
    ['flow mappings', (d: number) => `a: ${'{k: '.repeat(d)}1${'}'.repeat(d)}\n`, '1:1024'],
    [
      'block mappings',
      (d: number) => `${Array.from({ length: d }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`,
      '257:257',
    ],
    ['block sequences', (d: number) => `${'- '.repeat(d)}x\n`, '1:513'],
  ] as const) {
    it(`reads ${title} nested 256 deep and rejects them nested deeper, at the first too deep`, () => {
      const depth = title.startsWith('flow') ? 255 : 256; // flow ones sit in a root mapping
      assert.doesNotThrow(() => ConfigNode.parse(make(depth), ORIGIN));
      // Block mappings indent each level further: their text grows with the square of the depth.
      const deepest = title === 'block mappings' ? 5000 : 100_000;
      for (const deeper of [depth + 1, 1000, deepest]) {
        const error = errorOf(() => ConfigNode.parse(make(deeper), ORIGIN));
        assert.equal(
          error.message,
          `conf.yml:${location}: invalid YAML: collections nested deeper than 256 levels`,
        );
        const [line, column] = location.split(':').map(Number);
        assert.deepEqual(error.location, { file: ORIGIN, line, column });
      }
    });
  }

  it('finds a repeated key among 20,000, in a nested mapping too', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: ${i}`);
    const error = errorOf(() =>
      ConfigNode.parse(`top:\n${keys.join('\n')}\n  k19999: again\n`, ORIGIN),
    );
    assert.equal(error.message, 'conf.yml:20002:3: invalid YAML: Map keys must be unique');
    assert.equal(
      ConfigNode.parse(`top:\n${keys.join('\n')}\n`, ORIGIN)
        .entries()[0]![1]
        .entries().length,
      20_000,
    );
  });

  it('takes keys equal as values as the same key, and keys in different mappings apart', () => {
    assert.equal(
      messageOf(() => ConfigNode.parse('1: a\n1.0: b\n', ORIGIN)),
      'conf.yml:2:1: invalid YAML: Map keys must be unique',
    );
    assert.equal(ConfigNode.parse('a: { k: 1 }\nb: { k: 2 }\n', ORIGIN).entries().length, 2);
  });
});
