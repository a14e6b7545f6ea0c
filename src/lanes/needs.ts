import { ConfigurationError } from '../runner/errors.ts';
import { shown } from '../common/shown.ts';

export const NEED_RESULTS = ['success', 'failure', 'cancelled', 'skipped'] as const;
export type NeedResult = (typeof NEED_RESULTS)[number];

/** One job of the gate's `needs`, as `${{ toJSON(needs) }}` reports it. */
export interface Need {
  readonly job: string;
  readonly result: NeedResult;
}

const EXPECTED = '${{ toJSON(needs) }}: an object of job -> {result, outputs}';

/** The `needs` input, checked: an empty or malformed context is a broken gate, not a pass. */
export function parseNeeds(value: unknown): Need[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigurationError(`needs: got '${shown(value)}', expected ${EXPECTED}`);
  }
  const needs = Object.entries(value as Record<string, unknown>).map(([job, entry]): Need => {
    const result =
      typeof entry === 'object' && entry !== null
        ? (entry as { result?: unknown }).result
        : undefined;
    const known = NEED_RESULTS.find((r) => r === result);
    if (!known) {
      throw new ConfigurationError(
        `needs: job '${job}' has ${shown(entry)}, expected {result: ${NEED_RESULTS.join('|')}, outputs} as \${{ toJSON(needs) }} gives`,
      );
    }
    return { job, result: known };
  });
  if (needs.length === 0) {
    throw new ConfigurationError(
      'needs: got {}, the gate job lists no jobs in its needs: list every job the required check stands for, and pass ${{ toJSON(needs) }}',
    );
  }
  return needs;
}
