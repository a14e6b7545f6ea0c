import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePath, encodePath } from '../../src/git/path-bytes.ts';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const isValid = (bytes: Uint8Array) => {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
};
const hasEscape = (text: string) => /[\udc80-\udcff]/u.test(text);

/** A deterministic byte generator (xorshift), so a failure names its input. */
function* byteStrings(seed: number, count: number): Generator<Uint8Array> {
  let state = seed;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  // Bytes around every boundary of UTF-8's table, where decoders go wrong.
  const interesting = [
    0x00, 0x2f, 0x41, 0x5c, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0,
    0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf7, 0xf8, 0xfe, 0xff,
  ];
  for (let i = 0; i < count; i++) {
    const length = 1 + (next() % 8);
    yield Uint8Array.from({ length }, () =>
      next() % 3 === 0 ? next() % 256 : interesting[next() % interesting.length]!,
    );
  }
}

describe('decodePath and encodePath: exact file names in strings', () => {
  // Expected values are what Python's `bytes.decode('utf-8', 'surrogateescape')` gives.
  const cases: [string, number[], string][] = [
    ['Latin-1 é', [0x63, 0x61, 0x66, 0xe9], 'caf\udce9'],
    ['a lone continuation byte first', [0x80, 0x78], '\udc80x'],
    ['a lone continuation byte inside', [0x61, 0xbf, 0x62], 'a\udcbfb'],
    ['an overlong slash', [0x6f, 0xc0, 0xaf, 0x73], 'o\udcc0\udcafs'],
    ['an overlong A', [0xc1, 0x81], '\udcc1\udc81'],
    ['an overlong three-byte slash', [0xe0, 0x80, 0xaf], '\udce0\udc80\udcaf'],
    ['an overlong four-byte euro', [0xf0, 0x82, 0x82, 0xac], '\udcf0\udc82\udc82\udcac'],
    ['an encoded high surrogate (CESU-8)', [0xed, 0xa0, 0x80], '\udced\udca0\udc80'],
    ['an encoded U+DCE9, not the escape of 0xE9', [0xed, 0xb3, 0xa9], '\udced\udcb3\udca9'],
    ['a truncated three-byte sequence', [0x74, 0xe6, 0x97, 0x2e], 't\udce6\udc97.'],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '\udcf4\udc90\udc80\udc80'],
    ['bytes no UTF-8 ever uses', [0xf5, 0xff, 0xfe], '\udcf5\udcff\udcfe'],
    ['valid text, then an invalid byte', [0xe6, 0x97, 0xa5, 0xe6, 0x9c, 0xac, 0xff], '日本\udcff'],
    ['valid text, then a truncated sequence', [0xe6, 0x97, 0xa5, 0xe6, 0x97], '日\udce6\udc97'],
    ['a lone lead byte at the end', [0xc3], '\udcc3'],
    ['é in UTF-8 then in Latin-1', [0xc3, 0xa9, 0xe9], 'é\udce9'],
    ['an emoji then a stray continuation', [0xf0, 0x9f, 0x9a, 0x80, 0x80], '🚀\udc80'],
  ];
  for (const [title, bytes, text] of cases) {
    it(`decodes ${title} and encodes it back`, () => {
      const decoded = decodePath(Uint8Array.from(bytes));
      assert.equal(decoded, text);
      assert.deepEqual([...encodePath(decoded)], bytes);
    });
  }

  const valid = [
    'plain/ascii.txt',
    'ünïcødé/日本/🚀.md',
    'caf\\xE9.md',
    'caf\\udce9.md',
    'caf%E9.md',
    'replacement\ufffd.md',
    '\ufeffbom-first',
    'new\nline\ttab',
    // A pair whose low surrogate falls in the escapes' range is one character, not an escape.
    'plane-12-\u{cfca0}.md',
  ];
  for (const path of valid) {
    it(`leaves the valid UTF-8 name ${JSON.stringify(path)} as it is`, () => {
      const bytes = Buffer.from(path, 'utf8');
      assert.equal(decodePath(bytes), path);
      assert.deepEqual(encodePath(path), bytes);
    });
  }

  it('writes an escaped byte in JSON as \\udcNN, and reads it back', () => {
    const path = decodePath(Buffer.from([0x64, 0x2f, 0xe9]));
    const json = JSON.stringify({ path });
    assert.equal(json, '{"path":"d/\\udce9"}');
    assert.deepEqual(
      [...encodePath((JSON.parse(json) as { path: string }).path)],
      [0x64, 0x2f, 0xe9],
    );
  });

  it('keeps every one- and two-byte name apart, and agrees with a strict decoder', () => {
    const seen = new Map<string, string>();
    for (let a = 1; a < 256; a++) {
      for (let b = -1; b < 256; b++) {
        const bytes = Uint8Array.from(b < 0 ? [a] : [a, b]);
        const text = decodePath(bytes);
        assert.deepEqual([...encodePath(text)], [...bytes]);
        if (isValid(bytes)) assert.equal(text, strict.decode(bytes));
        else assert.ok(hasEscape(text), `${[...bytes].join(',')} is invalid, so escaped`);
        const key = [...bytes].join(',');
        assert.equal(seen.get(text) ?? key, key, `two names decode to ${JSON.stringify(text)}`);
        seen.set(text, key);
      }
    }
  });

  it('round-trips 50,000 generated names and escapes exactly the invalid ones', () => {
    for (const bytes of byteStrings(0x5eed, 50_000)) {
      const text = decodePath(bytes);
      const name = `[${[...bytes].join(',')}]`;
      assert.deepEqual([...encodePath(text)], [...bytes], name);
      assert.equal(hasEscape(text), !isValid(bytes), name);
      if (isValid(bytes)) assert.equal(text, strict.decode(bytes), name);
      // Escapes aside, the text is well formed: no other lone surrogate, nothing half decoded.
      assert.ok(text.replace(/[\udc80-\udcff]/gu, '').isWellFormed(), name);
    }
  });
});
