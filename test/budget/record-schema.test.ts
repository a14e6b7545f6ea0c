/** The record line's JSON Schema accepts exactly the lines the action counts. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseRecordLine, RecordProblem } from '../../src/budget/record.ts';
import { ROOT } from '../../src/rehearsal/runner.ts';

const schema = JSON.parse(
  readFileSync(join(ROOT, 'actions/deploy-budget-guard/record.schema.json'), 'utf8'),
) as object;
const validate = new Ajv2020({ strict: true }).compile(schema);

const LINES = [
  '{"operation":"deploy"}',
  '{"operation":"deploy","name":"app","counted":true,"time":"2026-05-31T05:38:00Z","detail":{"a":1}}',
  '{"operation":"image-push","counted":false,"time":"2026-05-31T05:38:00.123+02:00"}',
  '{"operation":"db.migrate","detail":null}',
  '{"operation":"smoke_test","detail":"text"}',
  '{"operation":"Deploy"}',
  '{"operation":"deploy-"}',
  '{"operation":""}',
  '{"name":"app"}',
  '{"operation":"deploy","name":3}',
  '{"operation":"deploy","counted":"false"}',
  '{"operation":"deploy","time":"2026-05-31"}',
  '{"operation":"deploy","job":"x"}',
  '[]',
  '"deploy"',
];

describe('record.schema.json', () => {
  for (const line of LINES) {
    it(`agrees with the action on ${line}`, () => {
      let accepted = true;
      try {
        parseRecordLine(line);
      } catch (error) {
        assert.ok(error instanceof RecordProblem);
        accepted = false;
      }
      assert.equal(validate(JSON.parse(line)), accepted, JSON.stringify(validate.errors));
    });
  }
});
