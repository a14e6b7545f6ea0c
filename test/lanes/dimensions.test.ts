import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDimensions } from '../../src/lanes/dimensions.ts';
import { RESERVED_MATRIX_KEYS } from '../../src/lanes/matrix.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

const parse = (text: string) => parseDimensions(text, RESERVED_MATRIX_KEYS);

describe('parseDimensions', () => {
  const cases: { name: string; text: string; axes: string[]; entries: unknown[] }[] = [
    {
      name: 'one axis',
      text: 'package: [core, cli, tui]',
      axes: ['package'],
      entries: [{ package: 'core' }, { package: 'cli' }, { package: 'tui' }],
    },
    {
      name: 'two axes, the first varying slowest as GitHub expands them',
      text: 'package: [core, cli]\nfeatures: [default, all]',
      axes: ['package', 'features'],
      entries: [
        { package: 'core', features: 'default' },
        { package: 'core', features: 'all' },
        { package: 'cli', features: 'default' },
        { package: 'cli', features: 'all' },
      ],
    },
    {
      name: 'JSON, with numbers, booleans and objects kept as they are',
      text: '{"node": [22, 24], "target": [{"os": "linux", "arch": "x64"}], "coverage": [true]}',
      axes: ['node', 'target', 'coverage'],
      entries: [
        { node: 22, target: { os: 'linux', arch: 'x64' }, coverage: true },
        { node: 24, target: { os: 'linux', arch: 'x64' }, coverage: true },
      ],
    },
    {
      name: 'explicit entries',
      text: '- { package: core, features: all }\n- { package: cli }',
      axes: ['package', 'features'],
      entries: [{ package: 'core', features: 'all' }, { package: 'cli' }],
    },
  ];
  for (const c of cases) {
    it(`reads ${c.name}`, () => {
      const dimensions = parse(c.text);
      assert.deepEqual(dimensions.axes, c.axes);
      assert.deepEqual(dimensions.entries, c.entries);
    });
  }

  const errors: { name: string; text: string; message: string }[] = [
    { name: 'invalid YAML', text: 'package: [core', message: 'dimensions: invalid YAML or JSON: ' },
    {
      name: 'a scalar',
      text: 'core',
      message: `dimensions: got "core", expected a mapping of axes to value lists (package: [core, cli]) or a list of entries`,
    },
    {
      name: 'an axis that is not a list',
      text: 'package: core',
      message: 'dimensions: package: expected a non-empty list of values, got "core"',
    },
    {
      name: 'an empty axis',
      text: 'package: []',
      message: 'dimensions: package: expected a non-empty list of values, got []',
    },
    {
      name: 'a repeated value',
      text: 'package: [core, core]',
      message: 'dimensions: package lists "core" twice',
    },
    {
      name: 'a null value',
      text: 'package: [core, ~]',
      message:
        'dimensions: package[1]: got null, expected a string, number, boolean, list or mapping',
    },
    {
      name: 'an axis lane-matrix writes',
      text: 'lane: [a]',
      message: "dimensions: 'lane' is a key lane-matrix sets in every leg; rename the dimension",
    },
    {
      name: 'an axis that cannot be a matrix key',
      text: '"my axis": [a]',
      message: "dimensions: 'my axis' cannot be a matrix key",
    },
    { name: 'an empty entry list', text: '[]', message: 'dimensions: got an empty list' },
    {
      name: 'an entry that is not a mapping',
      text: '- core',
      message: 'dimensions: entry 1: expected a mapping of dimension values, got "core"',
    },
    {
      name: 'a repeated entry',
      text: '- {package: a}\n- {package: a}',
      message: 'dimensions: entry 2 repeats an earlier entry',
    },
  ];
  for (const c of errors) {
    it(`rejects ${c.name}, naming the input`, () => {
      assert.throws(
        () => parse(c.text),
        (error: unknown) =>
          error instanceof ConfigurationError && error.message.startsWith(c.message),
      );
    });
  }
});
