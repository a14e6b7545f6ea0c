import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnchorSearch } from '../../src/markers/anchor-search.ts';
import { literalAnchor } from '../../src/markers/literal-anchor.ts';

function naive(haystack: Buffer, anchors: Buffer[], from: number): [number, number] {
  for (let at = from; at < haystack.length; at++) {
    for (const [index, anchor] of anchors.entries()) {
      if (haystack.subarray(at, at + anchor.length).equals(anchor)) return [at, index];
    }
  }
  return [-1, -1];
}

describe('AnchorSearch', () => {
  it('finds every occurrence a naive search finds, in order, on random text', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'abcCD #[]gropu\n';
    for (let round = 0; round < 40; round++) {
      const anchors = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
        Array.from(
          { length: 2 + Math.floor(random() * 4) },
          () => alphabet[Math.floor(random() * alphabet.length)],
        ).join(''),
      );
      const text = Buffer.from(
        Array.from({ length: 400 }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
          '',
        ),
      );
      const search = new AnchorSearch(anchors);
      const bytes = anchors.map((a) => Buffer.from(a));
      let from = 0;
      for (;;) {
        const expected = naive(text, bytes, from);
        const found = search.find(text, from, text.length);
        assert.equal(found, expected[0], `round ${round} from ${from}: ${JSON.stringify(anchors)}`);
        if (found < 0) break;
        assert.ok(text.subarray(found).toString().startsWith(anchors[search.found]!));
        from = found + 1;
      }
    }
  });

  it('rejects anchors shorter than two bytes', () => {
    assert.throws(() => new AnchorSearch(['a']), RangeError);
  });
});

describe('literalAnchor', () => {
  const cases: [string, string, string | undefined][] = [
    ['Pulling from \\S+', '', 'Pulling'],
    ['^\\s*Installing [A-Za-z-]+ v\\d', '', 'Installing'],
    ['error: could not compile `\\w+`', '', 'compile'],
    ['Cache not found', 'i', undefined],
    ['warn(ing)?: a|b', '', undefined],
    ['colou?r output', '', 'output'],
    ['x\\.y\\.zzz', '', 'x.y.zzz'],
    ['ab', '', undefined],
    ['(?:Downloading|Fetching) crate', '', 'crate'],
  ];
  for (const [source, flags, expected] of cases) {
    it(`derives ${String(expected)} from /${source}/${flags}`, () => {
      assert.equal(literalAnchor(source, flags), expected);
    });
  }
});
