import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompiledRules } from '../../src/markers/compiled-rules.ts';
import { LogScan } from '../../src/markers/log-scan.ts';
import { parseAllowEntries, parseMarkersConfig } from '../../src/markers/markers-config.ts';
import { checkFailOn, selectRules } from '../../src/markers/rule-selection.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

const parse = (text: string) => parseMarkersConfig(text, 'markers.yml');

describe('markers file', () => {
  it('adds user rules (regex and literal) after the chosen packs, with derived anchors', () => {
    const config = parse(`
packs: [cargo, sccache]
rules:
  - id: docker/pull
    category: download
    regex: 'Pulling fs layer|Pull complete'
  - id: bazel/remote-cache-miss
    category: cache-miss
    literal: 'remote cache miss'
    allow: the remote cache is warmed nightly
`);
    const rules = selectRules(config);
    assert.deepEqual([...new Set(rules.map((rule) => rule.pack))], ['cargo', 'sccache', 'user']);
    const [pull, bazel] = rules.filter((rule) => rule.pack === 'user');
    assert.deepEqual(pull!.anchors, ['Pulling', 'complete'], 'one anchor per branch');
    assert.deepEqual(bazel!.anchors, ['remote']);
    assert.equal(bazel!.allowReason, 'the remote cache is warmed nightly');

    const scan = new LogScan(new CompiledRules(rules), { samples: 1, countLines: true });
    scan.feed(
      Buffer.from(
        'a1b2: Pulling fs layer\nINFO: remote cache miss for //x\n   Compiling serde v1.0.0\n',
      ),
    );
    const found = Object.fromEntries(
      [...scan.finish().hits].map(([i, h]) => [rules[i]!.id, h.count]),
    );
    assert.deepEqual(found, {
      'docker/pull': 1,
      'bazel/remote-cache-miss': 1,
      'cargo/compile-third-party': 1,
    });
  });

  const errors: [string, string, RegExp][] = [
    [
      'an invalid regex',
      'rules: [{id: my/rule, category: download, regex: "a(b"}]',
      /markers\.yml:1:\d+: rules\[0\]\.regex: rule 'my\/rule': invalid regex 'a\(b'/,
    ],
    [
      'an unknown category',
      'rules: [{id: my/rule, category: slow, literal: x}]',
      /rule 'my\/rule': unknown category 'slow', expected one of index-update\|download/,
    ],
    [
      'both regex and literal',
      'rules: [{id: r, category: download, literal: x, regex: y}]',
      /rule 'r': give exactly one of 'regex' or 'literal'/,
    ],
    [
      'an unknown key',
      'rules: [{id: r, category: download, literal: x, severity: high}]',
      /unknown key 'severity', expected one of id\|category/,
    ],
    [
      'an unknown pack',
      'packs: [cargo, maven]',
      /unknown rule pack 'maven', expected one of cargo\|cargo-install/,
    ],
    [
      'an allow entry without a reason',
      'allow: [{rule: cargo/*}]',
      /allow entry for 'cargo\/\*' needs a 'reason'/,
    ],
    [
      'a bad rule id',
      'rules: [{id: "My Rule", category: download, literal: x}]',
      /rule 'My Rule': id must be lower-case/,
    ],
  ];
  for (const [what, text, message] of errors) {
    it(`rejects ${what} with the file, line and rule`, () => {
      assert.throws(
        () => parse(text),
        (error: unknown) => {
          assert.ok(error instanceof ConfigurationError);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }

  it('rejects a user rule that reuses a built-in id', () => {
    assert.throws(
      () => selectRules(parse('rules: [{id: cargo/downloaded, category: download, literal: x}]')),
      /rule 'cargo\/downloaded' is defined twice/,
    );
  });

  it('parses the allow input on its own', () => {
    assert.deepEqual(
      parseAllowEntries('- {rule: download, source: "warmup*", reason: first run}', 'allow input'),
      [{ rule: 'download', source: 'warmup*', reason: 'first run' }],
    );
  });

  it('checks fail-on entries against categories and rule ids', () => {
    const rules = selectRules(parse('packs: [cargo]'));
    checkFailOn('fail-on', ['any', 'download', 'cargo/downloaded', 'cargo/*'], rules);
    assert.throws(() => {
      checkFailOn('fail-on', ['downloads'], rules);
    }, /fail-on: got 'downloads', expected any, a category \(index-update\|download\|/);
    assert.throws(() => {
      checkFailOn('fail-on', ['observation'], rules);
    }, /got 'observation'/);
  });
});
