import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import {
  FORCE_KEYS,
  RESERVED_OUTPUTS,
  ROUTE_KEYS,
  ROUTE_NAME,
  ROUTES_FILE_KEYS,
  STATUSES,
} from '../../src/routing/routes-config.ts';
import { ROOT } from '../../src/rehearsal/runner.ts';

interface Schema {
  properties: Record<
    string,
    {
      properties?: Record<string, unknown>;
      propertyNames?: { pattern: string; not: { pattern: string } };
    }
  >;
  $defs: { route: { properties: Record<string, { items?: { enum?: string[] } }> } };
}

const schema = JSON.parse(
  readFileSync(join(ROOT, 'actions', 'change-router', 'routes.schema.json'), 'utf8'),
) as Schema;

describe('routes.schema.json', () => {
  it('allows exactly the keys the parser allows, at every level', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...ROUTES_FILE_KEYS].sort());
    assert.deepEqual(Object.keys(schema.$defs.route.properties).sort(), [...ROUTE_KEYS].sort());
    assert.deepEqual(
      Object.keys(schema.properties.force!.properties!).sort(),
      [...FORCE_KEYS].sort(),
    );
  });
  it('names routes and statuses as the parser does', () => {
    assert.equal(schema.properties.routes!.propertyNames!.pattern, ROUTE_NAME.source);
    assert.deepEqual(schema.$defs.route.properties.status!.items!.enum, STATUSES);
  });
  it('refuses the outputs of the action as route names in any case, as the parser does', () => {
    const reserved = new RegExp(schema.properties.routes!.propertyNames!.not.pattern, 'u');
    for (const output of RESERVED_OUTPUTS) {
      const cases = [output, output.toUpperCase(), output[0]!.toUpperCase() + output.slice(1)];
      for (const name of cases) assert.ok(reserved.test(name), name);
    }
    for (const name of ['planner', 'plans', 'my-plan', 'route', 'changed_files', 'fallback']) {
      assert.ok(!reserved.test(name), name);
    }
  });
  it('names every output of change-router as reserved', () => {
    const action = parse(
      readFileSync(join(ROOT, 'actions', 'change-router', 'action.yml'), 'utf8'),
    ) as { outputs: Record<string, unknown> };
    assert.deepEqual(Object.keys(action.outputs).sort(), [...RESERVED_OUTPUTS].sort());
  });
});
