import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompiledRules } from '../../src/markers/compiled-rules.ts';
import { branchAnchors } from '../../src/markers/literal-anchor.ts';
import { LogScan } from '../../src/markers/log-scan.ts';
import { parseMarkersConfig } from '../../src/markers/markers-config.ts';

describe('branchAnchors: a user regex with a top-level alternation is searched by a word per branch', () => {
  const cases: [string, string, string[]][] = [
    ['Pulling fs layer|Pull complete', '', ['Pulling', 'complete']],
    ['^Waiting for lock|lock held by \\d+', '', ['Waiting', 'lock']],
    ['cache miss|cache hit', '', ['cache']],
    ['x[|]yyy|zzz', '', ['yyy', 'zzz']],
    ['foo\\|bar baz', '', ['foo|bar']],
    ['(?:Downloading|Fetching) crate', '', ['crate']],
    ['remote cache miss', '', ['remote']],
    ['Pulling fs layer|ok', '', []],
    ['Pulling fs layer|(?:Pull|Push) complete', '', ['Pulling', 'complete']],
    ['Pulling fs layer|Pull complete', 'i', []],
  ];
  for (const [source, flags, expected] of cases) {
    it(`derives [${expected.join(', ')}] from /${source}/${flags}`, () => {
      assert.deepEqual(branchAnchors(source, flags), expected);
    });
  }

  it('finds the lines of either branch, coloured too, and tests no other line', () => {
    const { rules } = parseMarkersConfig(
      "rules:\n  - {id: docker/pull, category: download, regex: 'Pulling fs layer|Pull complete'}\n",
      'markers.yml',
    );
    const compiled = new CompiledRules(rules);
    assert.deepEqual(compiled.unanchored, []);
    const scan = new LogScan(compiled, { samples: 5, countLines: true });
    scan.feed(
      Buffer.from(
        [
          'a1b2c3: Pulling fs layer',
          '\x1b[1ma1b2c3\x1b[0m: Pull complete',
          'a1b2c3: Pull incomplete',
          'Pulling',
          '',
        ].join('\n'),
      ),
    );
    const hits = scan.finish().hits.get(0)!;
    assert.deepEqual(
      hits.samples.map((sample) => sample.line),
      [1, 2],
    );
  });
});
