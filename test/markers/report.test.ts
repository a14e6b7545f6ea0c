import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_PACKS } from '../../src/markers/builtin-packs.ts';
import { CompiledRules } from '../../src/markers/compiled-rules.ts';
import { LogScan } from '../../src/markers/log-scan.ts';
import { markersSummary } from '../../src/markers/marker-summary.ts';
import type { ScannedSource } from '../../src/markers/report.ts';
import { buildReport } from '../../src/markers/report.ts';

const rules = BUILTIN_PACKS.flatMap((pack) => pack.rules);
const compiled = new CompiledRules(rules);

function source(name: string, lane: string | undefined, log: string): ScannedSource {
  const scan = new LogScan(compiled, { samples: 2, countLines: true });
  scan.feed(Buffer.from(log));
  return { name, kind: 'job', ...(lane === undefined ? {} : { lane }), result: scan.finish() };
}

const cold = [
  '    Updating crates.io index',
  '  Downloaded serde v1.0.200',
  '  Downloaded anyhow v1.0.86',
  '   Compiling serde v1.0.200',
  '   Compiling app v0.1.0 (/home/runner/work/app/app)',
].join('\n');

describe('buildReport', () => {
  const scanned = [
    source('registry-warmup (github)', 'github', cold),
    source('clippy (velnor)', 'velnor', cold),
    source('docs', undefined, 'nothing to see\n'),
  ];

  it('counts markers per rule, category and lane, and keeps observations apart', () => {
    const report = buildReport(rules, scanned, { allow: [], failOn: [] });
    assert.equal(report.verdict, 'markers');
    assert.equal(report.total, 8);
    assert.deepEqual(report.categories, {
      'index-update': 2,
      download: 4,
      'third-party-compile': 2,
    });
    assert.deepEqual(report.lanes, {
      github: { 'index-update': 1, download: 2, 'third-party-compile': 1 },
      velnor: { 'index-update': 1, download: 2, 'third-party-compile': 1 },
    });
    assert.equal(report.rules['cargo/compile-workspace']?.count, 2);
    assert.equal(report.sources[2]!.markers, 0);
    assert.equal(report.failing, 0);
  });

  it('explains markers an allow entry covers, and they neither count nor fail', () => {
    const report = buildReport(rules, scanned, {
      allow: [{ rule: '*', source: 'registry-warmup*', reason: 'the warm-up populates the cache' }],
      failOn: ['download'],
    });
    assert.equal(report.total, 4);
    assert.equal(report.explained, 4);
    assert.equal(report.failing, 2, 'only the unexplained downloads of clippy');
    assert.equal(
      report.sources[0]!.rules['cargo/downloaded']?.explained,
      'the warm-up populates the cache',
    );
  });

  it('gives no-markers when every marker is explained', () => {
    const report = buildReport(rules, scanned, {
      allow: [{ rule: '*', source: '*', reason: 'first run after a lockfile change' }],
      failOn: ['any'],
    });
    assert.equal(report.verdict, 'no-markers');
    assert.equal(report.failing, 0);
  });

  it('writes a summary whose log text cannot become markup or a workflow command', () => {
    const hostile = source(
      'evil',
      undefined,
      '  Downloaded x v1.0.0 <img src=x> `code` | ::set-env name=A::b ##[group]\n',
    );
    const summary = markersSummary(buildReport(rules, [hostile], { allow: [], failOn: [] }));
    assert.doesNotMatch(summary, /<img|##\[group\]|\| ::set-env|`code`/);
    assert.match(summary, /&#60;img src=x&#62;/);
    assert.match(summary, /\| `download` |<code>download<\/code>/);
  });
});
