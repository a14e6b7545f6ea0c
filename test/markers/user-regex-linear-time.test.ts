import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompiledRules } from '../../src/markers/compiled-rules.ts';
import { LinearRegExp } from '../../src/markers/linear-regexp.ts';
import { parseMarkersConfig } from '../../src/markers/markers-config.ts';
import { selectRules } from '../../src/markers/rule-selection.ts';
import { guardedScan } from './guarded-scan.ts';
import { CATASTROPHIC, CRAFTED_BYTES, userRuleFile } from './catastrophic-regexes.ts';

/** Far above the milliseconds a linear scan takes; V8's backtracking takes minutes or more. */
const HANG_GUARD_MS = 15_000;

const markersFile = (regex: string) => userRuleFile('my/slow', regex);

/** A GitHub job log: the crafted line twice, around ordinary lines and one the regex matches. */
const jobLog = (crafted: string, matching: string) =>
  [
    '2025-01-01T00:00:00.0000000Z ##[group]Run cargo build',
    `2025-01-01T00:00:01.0000000Z ${crafted}`,
    '2025-01-01T00:00:02.0000000Z    Compiling serde v1.0.200',
    `2025-01-01T00:00:03.0000000Z ${matching}`,
    `2025-01-01T00:00:04.0000000Z ${crafted}`,
    '2025-01-01T00:00:05.0000000Z ##[endgroup]',
    '',
  ].join('\n');

describe('a user regex with catastrophic backtracking cannot hang the scan', () => {
  for (const [regex, crafted, matching] of CATASTROPHIC) {
    it(`finishes ${regex} on a ${CRAFTED_BYTES / 1000} KB crafted line and still matches`, async () => {
      const hits = await guardedScan(markersFile(regex), jobLog(crafted, matching), {
        guardMs: HANG_GUARD_MS,
      });
      assert.equal(hits['my/slow'], 1);
    });
  }

  for (const [regex, crafted, matching] of CATASTROPHIC.slice(0, 4)) {
    it(`finishes ${regex} where a large log is split and its second half scanned by a worker thread`, async () => {
      // The crafted line falls in both halves; on a single core the file is scanned whole.
      const log = jobLog(crafted, matching).repeat(2);
      const hits = await guardedScan(markersFile(regex), log, {
        guardMs: HANG_GUARD_MS,
        inParts: true,
      });
      assert.equal(hits['my/slow'], 2);
    });
  }

  it('makes a user pattern linear again after the rules cross to a worker by structured clone', () => {
    const rules = selectRules(
      parseMarkersConfig(
        `${markersFile('(a+)+$')}  - {id: my/literal, category: download, literal: 'a+b'}\n`,
        'markers.yml',
      ),
    );
    const cloned = structuredClone(rules);
    assert.ok(!(cloned.find((rule) => rule.id === 'my/slow')!.pattern instanceof LinearRegExp));
    const compiled = new CompiledRules(cloned);
    for (const id of ['my/slow', 'my/literal']) {
      const rule = compiled.rules.find((r) => r.id === id)!;
      assert.ok(rule.pattern instanceof LinearRegExp, id);
    }
    const slow = compiled.rules.find((rule) => rule.id === 'my/slow')!;
    assert.equal(slow.pattern.test(`${'a'.repeat(CRAFTED_BYTES)}!`), false);
    assert.equal(compiled.rules.find((r) => r.id === 'my/literal')!.pattern.test('xa+by'), true);
  });
});
