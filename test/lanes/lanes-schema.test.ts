import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  ARTIFACT_SUFFIX,
  ENV_NAME,
  LANE_KEYS,
  LANE_NAME,
  LANES_FILE_KEYS,
  RESERVED_ENV_PREFIXES,
  RESERVED_LANE_NAMES,
  RUNNER_GROUP_KEYS,
  RUNNER_LABEL,
  SUFFIX,
} from '../../src/lanes/lanes-config.ts';
import { ROOT } from '../../src/rehearsal/runner.ts';

interface Schema {
  required: string[];
  properties: {
    lanes: { propertyNames: { pattern: string; not: { enum: string[] } } };
  } & Record<string, unknown>;
  $defs: {
    label: { pattern: string };
    lane: {
      required: string[];
      properties: {
        'runs-on': {
          oneOf: [unknown, { properties: Record<string, unknown>; required: string[] }];
        };
        env: { propertyNames: { pattern: string; not: { pattern: string } } };
        suffix: { pattern: string };
        'artifact-suffix': { pattern: string };
      } & Record<string, unknown>;
    };
  };
}

const schema = JSON.parse(
  readFileSync(join(ROOT, 'actions', 'lane-matrix', 'lanes.schema.json'), 'utf8'),
) as Schema;

describe('lanes.schema.json', () => {
  it('allows exactly the keys the parser allows, at every level', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...LANES_FILE_KEYS].sort());
    assert.deepEqual(Object.keys(schema.$defs.lane.properties).sort(), [...LANE_KEYS].sort());
    const group = schema.$defs.lane.properties['runs-on'].oneOf[1];
    assert.deepEqual(Object.keys(group.properties).sort(), [...RUNNER_GROUP_KEYS].sort());
    assert.deepEqual(group.required, ['group']);
  });

  it('requires what the parser requires', () => {
    assert.deepEqual(schema.required, ['lanes']);
    assert.deepEqual(schema.$defs.lane.required.sort(), ['hosted', 'runs-on']);
  });

  it('names lanes, env variables and suffixes as the parser does', () => {
    assert.equal(schema.properties.lanes.propertyNames.pattern, LANE_NAME.source);
    assert.deepEqual(schema.properties.lanes.propertyNames.not.enum, RESERVED_LANE_NAMES);
    const env = schema.$defs.lane.properties.env.propertyNames;
    assert.equal(env.pattern, ENV_NAME.source);
    assert.equal(env.not.pattern, `^(${RESERVED_ENV_PREFIXES.join('|')})`);
    assert.equal(schema.$defs.lane.properties.suffix.pattern, SUFFIX.source);
    assert.equal(schema.$defs.lane.properties['artifact-suffix'].pattern, ARTIFACT_SUFFIX.source);
  });

  it('refuses runner labels with whitespace around them, as the parser does', () => {
    assert.equal(schema.$defs.label.pattern, RUNNER_LABEL.source);
    const label = new RegExp(schema.$defs.label.pattern, 'u');
    for (const ok of ['self-hosted', 'ubuntu-24.04', 'a', 'warm runners', 'x\ty']) {
      assert.ok(label.test(ok), `${JSON.stringify(ok)} is a label`);
    }
    for (const bad of [
      ' self-hosted',
      'self-hosted ',
      '\tself-hosted',
      'self-hosted\n',
      '\u00a0a',
      '',
      ' ',
    ]) {
      assert.ok(!label.test(bad), `${JSON.stringify(bad)} is refused`);
    }
  });
});
