import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompiledRules } from '../../src/markers/compiled-rules.ts';
import { LogScan } from '../../src/markers/log-scan.ts';
import { buildReport } from '../../src/markers/report.ts';
import { selectRules } from '../../src/markers/rule-selection.ts';

const rules = selectRules({ packs: ['cargo', 'cargo-install'], rules: [], allow: [] });
const compiled = new CompiledRules(rules);

/** The rules that fire on one line, as it appears in a GitHub log with cargo's colours. */
function firing(line: string): string[] {
  const verb = /^\s*Installing/.exec(line)![0];
  const coloured = `\x1b[1m\x1b[92m${verb}\x1b[0m${line.slice(verb.length)}`;
  const scan = new LogScan(compiled, { samples: 1, countLines: true });
  scan.feed(Buffer.from(`2025-01-01T00:00:00.0000000Z ${coloured}\n`));
  return [...scan.finish().hits.keys()].map((index) => rules[index]!.id);
}

describe('cargo install: a path install is an observation, a registry or git install a marker', () => {
  const pathInstalls = [
    '  Installing cli-app v0.1.0 (/home/runner/work/cli-app/cli-app)',
    '  Installing cli-app v0.1.0 (/home/me/my projects/cli app)',
    '  Installing cli-app v0.1.0 (C:\\Users\\me\\My Projects\\cli-app)',
    '  Installing cli-app v0.1.0 (D:/a/cli-app/cli-app)',
    '  Installing cli-app v0.1.0 (\\\\build-server\\share\\cli-app)',
    '  Installing cli-app v0.1.0 (file:///home/me/caf%C3%A9/cli-app)',
    '  Installing cli_app v0.1.0-beta.1 (/work/crates/cli app (copy))',
  ];
  for (const line of pathInstalls) {
    it(`observes ${line.trim()}`, () => {
      assert.deepEqual(firing(line), ['cargo-install/from-path']);
    });
  }

  const sourceInstalls = [
    '  Installing ripgrep v14.1.0',
    '  Installing cargo-nextest v0.9.102 ',
    '  Installing my-tool v1.0.0 (registry `my-registry`)',
    '  Installing pulldown-cmark v0.9.2 (dir /usr/share/cargo/registry)',
    '  Installing cargo-doc2readme v0.1.0 (https://github.com/DenisGorbachev/cargo-doc2readme?branch=dev#3e0a2b4c)',
    '  Installing sd v1.0.0 (ssh://git@github.com/chmln/sd#abcdef12)',
    '  Installing gitdep v0.1.0 (file:///tmp/lanekit-fixture-ws/gitdep.git#1a2b3c4d)',
  ];
  for (const line of sourceInstalls) {
    it(`counts ${line.trim()} as tool-compile`, () => {
      assert.deepEqual(firing(line), ['cargo-install/from-source']);
    });
  }

  it('sees neither in the line that copies the built binary', () => {
    assert.deepEqual(firing('  Installing /home/runner/.cargo/bin/cli-app'), []);
  });

  it('finds no marker, but evidence, in a reinstall of the project from its path', () => {
    const log = [
      '  Installing cli-app v0.1.0 (/home/runner/work/cli-app/cli-app)',
      '    Finished `release` profile [optimized] target(s) in 0.04s',
      '   Replacing /home/runner/.cargo/bin/cli-app',
      '    Replaced package `cli-app v0.1.0 (/home/runner/work/cli-app/cli-app)` with `cli-app v0.1.0 (/home/runner/work/cli-app/cli-app)` (executable `cli-app`)',
      '',
    ].join('\n');
    const scan = new LogScan(compiled, { samples: 1, countLines: true });
    scan.feed(Buffer.from(log));
    const report = buildReport(rules, [{ name: 'install', kind: 'file', result: scan.finish() }], {
      allow: [],
      failOn: ['any'],
    });
    assert.equal(report.verdict, 'no-markers');
    assert.equal(report.fails, false);
    assert.deepEqual(report.sources[0]!.tools, { cargo: 'readable', 'cargo-install': 'readable' });
    assert.equal(report.rules['cargo-install/from-path']?.category, 'observation');
  });
});
