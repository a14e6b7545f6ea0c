import { invalidValue } from '../runner/errors.ts';

const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

const SIZE = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i;

/**
 * A size in bytes from an input: a whole number of bytes, or a number with a unit, decimal
 * (`500MB` = 500 × 10^6) or binary (`10GiB` = 10 × 2^30), in any letter case.
 */
export function parseSize(input: string, value: string): number {
  const match = SIZE.exec(value.trim());
  const unit = match?.[2] === '' ? 1 : UNITS[(match?.[2] ?? '').toLowerCase()];
  const bytes = match && unit !== undefined ? Math.round(Number(match[1]) * unit) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw invalidValue(
      input,
      value,
      'a size above 0: bytes, or a number with B, KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 10GiB',
    );
  }
  return bytes;
}
