import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLanesConfig } from '../../src/lanes/lanes-config.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

const lanes = (body: string, head = 'default: github\n') => `${head}lanes:\n${body}`;
const GITHUB = '  github: { runs-on: ubuntu-24.04, hosted: true }\n';

describe('parseLanesConfig', () => {
  it('reads the DESIGN shape, with defaults for what is left out', () => {
    const config = parseLanesConfig(
      lanes(
        GITHUB +
          '  velnor:\n    runs-on: [self-hosted, velnor]\n    required: false\n    hosted: false\n    env: { SCCACHE_DIR: /var/cache/sccache, JOBS: 8 }\n',
      ),
      'lanes.yml',
    );
    assert.equal(config.defaultLane.name, 'github');
    assert.equal(config.origin, 'lanes.yml');
    assert.deepEqual(config.lanes, [
      {
        name: 'github',
        runsOn: 'ubuntu-24.04',
        required: true,
        hosted: true,
        env: {},
        suffix: 'github',
        artifactSuffix: '-github',
      },
      {
        name: 'velnor',
        runsOn: ['self-hosted', 'velnor'],
        required: false,
        hosted: false,
        env: { SCCACHE_DIR: '/var/cache/sccache', JOBS: '8' },
        suffix: 'velnor',
        artifactSuffix: '-velnor',
      },
    ]);
  });

  const runsOn: { name: string; yaml: string; expected: unknown }[] = [
    { name: 'a label', yaml: 'ubuntu-24.04', expected: 'ubuntu-24.04' },
    {
      name: 'a list of labels',
      yaml: '[self-hosted, linux, x64]',
      expected: ['self-hosted', 'linux', 'x64'],
    },
    {
      name: 'a runner group',
      yaml: '{ group: larger-runners }',
      expected: { group: 'larger-runners' },
    },
    {
      name: 'a group with a label',
      yaml: '{ group: warm, labels: velnor }',
      expected: { group: 'warm', labels: 'velnor' },
    },
    {
      name: 'a group with labels',
      yaml: '{ group: warm, labels: [linux, velnor] }',
      expected: { group: 'warm', labels: ['linux', 'velnor'] },
    },
  ];
  for (const c of runsOn) {
    it(`reads runs-on as ${c.name}`, () => {
      const config = parseLanesConfig(
        `lanes:\n  only: { runs-on: ${c.yaml}, hosted: false }\n`,
        'f',
      );
      assert.deepEqual(config.lanes[0]!.runsOn, c.expected);
    });
  }

  it('takes suffix and artifact-suffix when given; one lane may keep artifact names as they are', () => {
    const config = parseLanesConfig(
      lanes(
        "  github: { runs-on: ubuntu-24.04, hosted: true, suffix: GitHub, artifact-suffix: '' }\n" +
          '  velnor: { runs-on: [self-hosted], hosted: false, suffix: warm, artifact-suffix: .velnor }\n',
      ),
      'f',
    );
    assert.deepEqual(
      config.lanes.map((l) => [l.suffix, l.artifactSuffix]),
      [
        ['GitHub', ''],
        ['warm', '.velnor'],
      ],
    );
  });

  it('needs no default when there is one lane', () => {
    assert.equal(parseLanesConfig(`lanes:\n${GITHUB}`, 'f').defaultLane.name, 'github');
  });

  const errors: { name: string; text: string; message: RegExp }[] = [
    { name: 'invalid YAML', text: 'lanes: [', message: /^lanes\.yml:1:\d+: invalid YAML/ },
    { name: 'no lanes', text: 'default: github\n', message: /missing 'lanes:' mapping/ },
    { name: 'an empty lanes mapping', text: 'lanes: {}\n', message: /define at least one lane/ },
    {
      name: 'an unknown top-level key',
      text: `lanes:\n${GITHUB}fallback: x\n`,
      message: /^lanes\.yml:3:1:.* unknown key 'fallback', expected one of default\|lanes$/,
    },
    {
      name: 'an unknown lane key',
      text: lanes('  github: { runs-on: x, hosted: true, label: y }\n'),
      message:
        /^lanes\.yml:3:39: lanes\.github: unknown key 'label', expected one of runs-on\|required\|hosted\|env\|suffix\|artifact-suffix$/,
    },
    {
      name: 'a lane that is not a mapping',
      text: lanes('  github: ubuntu-24.04\n'),
      message: /lanes\.github: expected a mapping/,
    },
    {
      name: 'no runs-on',
      text: lanes('  github: { hosted: true }\n'),
      message:
        /lanes\.github: missing 'runs-on:', expected a runner label, a list of labels, or \{group, labels\}/,
    },
    {
      name: 'runs-on: null',
      text: lanes('  github: { runs-on: , hosted: true }\n'),
      message: /missing 'runs-on:'/,
    },
    {
      name: 'an empty runs-on label',
      text: lanes("  github: { runs-on: '', hosted: true }\n"),
      message: /lanes\.github\.runs-on: expected a runner label, got an empty string/,
    },
    {
      name: 'an empty runs-on list',
      text: lanes('  github: { runs-on: [], hosted: true }\n'),
      message: /runs-on: expected at least one runner label/,
    },
    {
      name: 'a list inside runs-on',
      text: lanes('  github: { runs-on: [linux, [x64]], hosted: true }\n'),
      message: /lanes\.github\.runs-on\[1\]: expected a runner label here, got a list/,
    },
    {
      name: 'a mapping inside runs-on',
      text: lanes('  github: { runs-on: [{ os: linux }], hosted: true }\n'),
      message: /runs-on\[0\]: expected a runner label here, got a mapping/,
    },
    {
      name: 'a runs-on mapping with an unknown key',
      text: lanes('  github: { runs-on: { group: g, os: linux }, hosted: true }\n'),
      message: /lanes\.github\.runs-on: unknown key 'os', expected one of group\|labels/,
    },
    {
      name: 'a runs-on mapping without group',
      text: lanes('  github: { runs-on: { labels: [linux] }, hosted: true }\n'),
      message: /a runner group needs 'group:'/,
    },
    {
      name: 'no hosted',
      text: lanes('  github: { runs-on: x }\n'),
      message: /missing 'hosted: true\|false'/,
    },
    {
      name: 'hosted that is not a boolean',
      text: lanes('  github: { runs-on: x, hosted: yes }\n'),
      message: /lanes\.github\.hosted: expected true\|false, got 'yes'/,
    },
    {
      name: 'a hosted self-hosted lane',
      text: lanes('  github: { runs-on: [self-hosted, velnor], hosted: true }\n'),
      message: /hosted: true, but runs-on asks for the 'self-hosted' label/,
    },
    {
      name: 'required that is not a boolean',
      text: lanes('  github: { runs-on: x, hosted: true, required: 1 }\n'),
      message: /lanes\.github\.required: expected true\|false, got '1'/,
    },
    {
      name: 'a lane named like a keyword',
      text: 'lanes:\n  both: { runs-on: x, hosted: true }\n',
      message: /lane name 'both' is a keyword of the lanes input/,
    },
    {
      name: 'a lane name that cannot be an output',
      text: 'lanes:\n  "a b": { runs-on: x, hosted: true }\n',
      message: /lane name 'a b' cannot be part of an output name/,
    },
    {
      name: 'a bad env name',
      text: lanes('  github: { runs-on: x, hosted: true, env: { A-B: 1 } }\n'),
      message: /'A-B' is not an environment variable name/,
    },
    {
      name: 'a runner-owned env name',
      text: lanes(
        '  github: { runs-on: x, hosted: true, env: { ACTIONS_ALLOW_UNSECURE_COMMANDS: true } }\n',
      ),
      message:
        /'ACTIONS_ALLOW_UNSECURE_COMMANDS' is reserved: the runner owns ACTIONS_\* variables/,
    },
    {
      name: 'an env value that is a list',
      text: lanes('  github: { runs-on: x, hosted: true, env: { A: [1] } }\n'),
      message: /lanes\.github\.env\.A: expected a string value/,
    },
    {
      name: 'a suffix with a comma',
      text: lanes("  github: { runs-on: x, hosted: true, suffix: 'a, b' }\n"),
      message: /suffix 'a, b' cannot appear in a job name/,
    },
    {
      name: 'an artifact-suffix with a slash',
      text: lanes('  github: { runs-on: x, hosted: true, artifact-suffix: /gh }\n'),
      message: /artifact-suffix '\/gh' has a character artifact names cannot hold/,
    },
    {
      name: 'two lanes with one suffix',
      text: lanes(`${GITHUB}  velnor: { runs-on: x, hosted: false, suffix: GitHub }\n`),
      message: /lanes 'github' and 'velnor' share the suffix 'GitHub'/,
    },
    {
      name: 'two lanes with one artifact-suffix',
      text: lanes(`${GITHUB}  velnor: { runs-on: x, hosted: false, artifact-suffix: -github }\n`),
      message: /share the artifact-suffix '-github'/,
    },
    {
      name: 'a default that names no lane',
      text: lanes(GITHUB, 'default: velnor\n'),
      message: /^lanes\.yml:1:10: default: names unknown lane 'velnor', expected one of github$/,
    },
    {
      name: 'two lanes without a default',
      text: lanes(`${GITHUB}  velnor: { runs-on: x, hosted: false }\n`, ''),
      message: /missing 'default:'.*github\|velnor/,
    },
    {
      name: 'a repeated lane',
      text: lanes(GITHUB + GITHUB),
      message: /invalid YAML: Map keys must be unique/,
    },
  ];
  for (const c of errors) {
    it(`rejects ${c.name}, saying where and what is allowed`, () => {
      assert.throws(
        () => parseLanesConfig(c.text, 'lanes.yml'),
        (error: unknown) => error instanceof ConfigurationError && c.message.test(error.message),
      );
    });
  }

  // A label with whitespace around it would slip past the self-hosted check, and GitHub may or
  // may not match it to the runner it names: refused wherever a label or group stands.
  const strayWhitespace: { runsOn: string; hosted: boolean; at: string; label: string }[] = [
    { runsOn: "' self-hosted'", hosted: true, at: 'runs-on', label: ' self-hosted' },
    { runsOn: "'self-hosted '", hosted: true, at: 'runs-on', label: 'self-hosted ' },
    { runsOn: '"\\tself-hosted"', hosted: true, at: 'runs-on', label: '\tself-hosted' },
    { runsOn: '"self-hosted\\t"', hosted: true, at: 'runs-on', label: 'self-hosted\t' },
    { runsOn: '"self-hosted\\n"', hosted: true, at: 'runs-on', label: 'self-hosted\n' },
    { runsOn: '"\\u00a0self-hosted"', hosted: true, at: 'runs-on', label: '\u00a0self-hosted' },
    { runsOn: "' Self-Hosted '", hosted: true, at: 'runs-on', label: ' Self-Hosted ' },
    { runsOn: "[linux, ' self-hosted']", hosted: true, at: 'runs-on[1]', label: ' self-hosted' },
    {
      runsOn: '["self-hosted\\t", velnor]',
      hosted: true,
      at: 'runs-on[0]',
      label: 'self-hosted\t',
    },
    {
      runsOn: "{ group: warm, labels: ' self-hosted' }",
      hosted: true,
      at: 'runs-on.labels',
      label: ' self-hosted',
    },
    {
      runsOn: "{ group: warm, labels: [linux, 'self-hosted '] }",
      hosted: true,
      at: 'runs-on.labels[1]',
      label: 'self-hosted ',
    },
    { runsOn: "'ubuntu-24.04 '", hosted: true, at: 'runs-on', label: 'ubuntu-24.04 ' },
    { runsOn: "[self-hosted, ' velnor']", hosted: false, at: 'runs-on[1]', label: ' velnor' },
  ];
  for (const c of strayWhitespace) {
    it(`rejects runs-on: ${c.runsOn} (hosted: ${c.hosted}), naming the lane and the label`, () => {
      const text = lanes(`  github: { runs-on: ${c.runsOn}, hosted: ${c.hosted} }\n`);
      assert.throws(
        () => parseLanesConfig(text, 'lanes.yml'),
        (error: unknown) =>
          error instanceof ConfigurationError &&
          /^lanes\.yml:3:\d+: /.test(error.message) &&
          error.message.endsWith(
            `: lanes.github.${c.at}: runner label ${JSON.stringify(c.label)} has whitespace around it; write it without: ${JSON.stringify(c.label.trim())}`,
          ),
      );
    });
  }

  it('rejects a runner group with whitespace around its name', () => {
    assert.throws(
      () =>
        parseLanesConfig(lanes("  github: { runs-on: { group: ' warm' }, hosted: true }\n"), 'f'),
      /f:3:31: lanes\.github\.runs-on\.group: runner group " warm" has whitespace around it; write it without: "warm"$/,
    );
  });

  // GitHub matches runner labels ignoring case, so 'Self-Hosted' is the self-hosted label.
  for (const runsOn of [
    'Self-Hosted',
    'SELF-HOSTED',
    '[linux, Self-hosted]',
    '{ group: warm, labels: sElF-hOsTeD }',
    '{ group: warm, labels: [x64, SELF-hosted] }',
  ]) {
    it(`rejects hosted: true with runs-on: ${runsOn}, naming the label as written`, () => {
      const label = /self-hosted/i.exec(runsOn)![0];
      assert.throws(
        () => parseLanesConfig(lanes(`  github: { runs-on: ${runsOn}, hosted: true }\n`), 'f'),
        (error: unknown) =>
          error instanceof ConfigurationError &&
          error.message.includes(
            `lanes.github.hosted: hosted: true, but runs-on asks for the '${label}' label (GitHub matches labels ignoring case)`,
          ),
      );
    });
  }

  it('keeps labels as written when they have no whitespace around them', () => {
    const config = parseLanesConfig(
      lanes("  github: { runs-on: ['Self-Hosted', 'warm runners'], hosted: false }\n"),
      'f',
    );
    assert.deepEqual(config.lanes[0]!.runsOn, ['Self-Hosted', 'warm runners']);
  });
});
