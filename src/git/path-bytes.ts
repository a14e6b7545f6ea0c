import { isUtf8 } from 'node:buffer';

/**
 * File names as git stores them, bytes, carried in JavaScript strings without loss. A name that
 * is valid UTF-8 is its decoded text. In any other name, each byte that is not part of a valid
 * UTF-8 sequence becomes the lone surrogate U+DC00 + byte (U+DC80 to U+DCFF: Python's
 * `surrogateescape`, PEP 383). Valid UTF-8 never decodes to a lone surrogate, so the escape is
 * unambiguous, and `JSON.stringify` writes it as `\udcNN`.
 */
export function decodePath(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return Buffer.from(bytes).toString('utf8');
  let text = '';
  let at = 0;
  while (at < bytes.length) {
    const length = validSequenceLength(bytes, at);
    if (length === 0) {
      text += String.fromCharCode(0xdc00 + bytes[at]!);
      at += 1;
    } else {
      text += Buffer.from(bytes.subarray(at, at + length)).toString('utf8');
      at += length;
    }
  }
  return text;
}

/** The bytes `decodePath` read `path` from. */
export function encodePath(path: string): Buffer {
  if (!/[\udc80-\udcff]/u.test(path)) return Buffer.from(path, 'utf8');
  const parts: Buffer[] = [];
  for (const char of path) {
    const code = char.codePointAt(0)!;
    parts.push(
      code >= 0xdc80 && code <= 0xdcff ? Buffer.of(code - 0xdc00) : Buffer.from(char, 'utf8'),
    );
  }
  return Buffer.concat(parts);
}

/**
 * The length of the well-formed UTF-8 sequence at `at` (Unicode's table 3-7: no overlong forms,
 * no surrogates, nothing above U+10FFFF), or 0 when there is none.
 */
function validSequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0x80) return 1;
  const inRange = (offset: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[at + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return inRange(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const second =
      lead === 0xe0 ? inRange(1, 0xa0) : lead === 0xed ? inRange(1, 0x80, 0x9f) : inRange(1);
    return second && inRange(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const second =
      lead === 0xf0 ? inRange(1, 0x90) : lead === 0xf4 ? inRange(1, 0x80, 0x8f) : inRange(1);
    return second && inRange(2) && inRange(3) ? 4 : 0;
  }
  return 0;
}
