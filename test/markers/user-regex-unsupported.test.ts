import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMarkersConfig } from '../../src/markers/markers-config.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

const markersFile = (regex: string) =>
  `# my markers\nrules:\n  - id: my/rule\n    category: download\n    regex: '${regex.replaceAll("'", "''")}'\n`;

const NOT_SUPPORTED =
  'which is not supported: rules are matched in linear time (RE2), without backreferences or lookaround';

function rejection(regex: string): string {
  try {
    parseMarkersConfig(markersFile(regex), 'markers.yml');
  } catch (error) {
    assert.ok(error instanceof ConfigurationError, String(error));
    return error.message;
  }
  assert.fail(`'${regex}' was accepted`);
}

describe('a user regex that needs a feature RE2 lacks is a configuration error', () => {
  const unsupported: readonly (readonly [regex: string, feature: string])[] = [
    ['(a)\\1', 'a backreference (\\1)'],
    ['(\\d)(\\d)\\2', 'a backreference (\\2)'],
    ['(?<quote>["`]).*\\k<quote>', 'a backreference (\\k<quote>)'],
    ['Compiling (?=serde)', 'a lookahead ((?=)'],
    ['Downloaded (?!my-crate)\\S+', 'a lookahead ((?!)'],
    ['(?<=cache )miss', 'a lookbehind ((?<=)'],
    ['(?<!no )cache hit', 'a lookbehind ((?<!)'],
    ['x(?:a|(?=b))', 'a lookahead ((?=)'],
  ];
  for (const [regex, feature] of unsupported) {
    it(`rejects ${regex}, naming the file, line, rule, regex and ${feature.split(' (')[0]}`, () => {
      assert.equal(
        rejection(regex),
        `markers.yml:5:12: rules[0].regex: rule 'my/rule': unsupported regex '${regex}': it uses ${feature}, ${NOT_SUPPORTED}`,
      );
    });
  }

  const refusedByRe2 = ['\\p{Script=Greek}', '[\\b]'];
  for (const regex of refusedByRe2) {
    it(`rejects ${regex}, which JavaScript takes and RE2 does not, with RE2's reason`, () => {
      assert.match(
        rejection(regex),
        /^markers\.yml:5:12: rules\[0\]\.regex: rule 'my\/rule': unsupported regex '.+': RE2, the linear-time engine rules use, refuses it: error parsing regexp: /,
      );
    });
  }

  it('still calls a regex JavaScript cannot parse invalid', () => {
    assert.match(
      rejection('a(b'),
      /rule 'my\/rule': invalid regex 'a\(b': Invalid regular expression/,
    );
  });

  const lookalikes = ['a\\\\1', '[(?=]x', '\\(?=a\\)', '\\\\k<x>', 'a\\(?<!b\\)', '(?<name>x)y'];
  for (const regex of lookalikes) {
    it(`accepts ${regex}, which only looks like a backreference or lookaround`, () => {
      const config = parseMarkersConfig(markersFile(regex), 'markers.yml');
      assert.equal(config.rules[0]!.pattern.source, regex);
    });
  }
});
