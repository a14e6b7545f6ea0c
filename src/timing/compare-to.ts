import { invalidValue } from '../runner/errors.ts';

/** What `compare-to` asks to compare with. */
export type CompareTo =
  | { readonly kind: 'none' }
  | { readonly kind: 'default-branch' }
  | { readonly kind: 'run'; readonly runId: number };

/** `compare-to`: default-branch, none, or a run id. */
export function parseCompareTo(input: string, value: string): CompareTo {
  const lower = value.trim().toLowerCase();
  if (lower === 'none') return { kind: 'none' };
  if (lower === 'default-branch') return { kind: 'default-branch' };
  const runId = /^\d+$/.test(lower) ? Number(lower) : Number.NaN;
  if (!Number.isSafeInteger(runId) || runId <= 0) {
    throw invalidValue(input, value, 'default-branch|none|<run id> (a positive number)');
  }
  return { kind: 'run', runId };
}
