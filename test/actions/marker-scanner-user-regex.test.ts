import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MarkersReport } from '../../src/markers/report.ts';
import { runAction } from '../../src/rehearsal/runner.ts';
import { CATASTROPHIC, userRuleFile } from '../markers/catastrophic-regexes.ts';

/** Far above the second the step takes; V8's backtracking takes minutes or more. */
const HANG_GUARD_MS = 20_000;

const rule = (regex: string) => userRuleFile('fork/slow', regex);

describe('marker-scanner: a user regex cannot hang the step', () => {
  let workspace: string;
  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'lanekit-marker-regex-'));
  });
  after(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  // The five classic shapes: each run through the bundle costs a start-up.
  for (const [regex, crafted, matching] of CATASTROPHIC.slice(0, 5)) {
    it(`scans a fork's crafted 50 KB line with ${regex} and finishes`, async () => {
      const log = ['##[group]Run make', crafted, '   Compiling serde v1.0.0', matching, crafted];
      writeFileSync(join(workspace, 'fork.log'), `${log.join('\n')}\n`);
      const result = await runAction('marker-scanner', {
        inputs: { logs: 'fork.log', jobs: 'false', rules: rule(regex) },
        workspace,
        timeoutMs: HANG_GUARD_MS,
      });
      assert.equal(result.exitCode, 0, `the step did not finish:\n${result.stderr}`);
      const report = JSON.parse(result.outputs.markers!) as MarkersReport;
      assert.equal(report.sources[0]!.rules['fork/slow']?.count, 1);
    });
  }

  it('fails a rule with a backreference, naming the rule, the regex and what is not supported', async () => {
    writeFileSync(join(workspace, 'markers.yml'), rule('(["`]).*\\1'));
    const result = await runAction('marker-scanner', {
      inputs: { logs: 'markers.yml', jobs: 'false', rules: 'markers.yml' },
      workspace,
    });
    assert.equal(result.exitCode, 1);
    assert.deepEqual(
      result.annotations.map((a) => [a.command, a.properties.file, a.properties.line, a.message]),
      [
        [
          'error',
          'markers.yml',
          '4',
          // Annotations show a backslash doubled, so that no control character can hide.
          "marker-scanner: markers.yml:4:12: rules[0].regex: rule 'fork/slow': unsupported regex '([\"`]).*\\\\1': it uses a backreference (\\\\1), which is not supported: rules are matched in linear time (RE2), without backreferences or lookaround",
        ],
      ],
    );
  });
});
