/**
 * The `cold-deps` input: how many dependencies a run deploys itself. A number, or a JSON list
 * of the dependencies with their state, `[{"name": "keycloak", "state": "cold"}]`: a cold one is
 * deployed (and counted), a warm one is already live and costs nothing.
 */
import { shown } from '../common/shown.ts';
import { parseJsonInput } from '../runner/inputs.ts';
import { invalidValue } from '../runner/errors.ts';

export interface ColdDeps {
  readonly count: number;
  /** The dependencies by state, when the input listed them. */
  readonly cold: readonly string[];
  readonly warm: readonly string[];
}

const INPUT = 'cold-deps';
const ALLOWED = 'a count (0 or more) or a JSON list of {"name": ..., "state": "cold"|"warm"}';

export function parseColdDeps(value: string | undefined): ColdDeps {
  const text = (value ?? '').trim();
  if (text === '') return { count: 0, cold: [], warm: [] };
  if (/^[+-]?\d+$/.test(text)) {
    const count = Number(text);
    if (!Number.isSafeInteger(count) || count < 0) throw invalidValue(INPUT, text, ALLOWED);
    return { count, cold: [], warm: [] };
  }
  const list = parseJsonInput(INPUT, text, ALLOWED);
  if (!Array.isArray(list)) throw invalidValue(INPUT, shown(list), ALLOWED);
  const cold: string[] = [];
  const warm: string[] = [];
  for (const entry of list as unknown[]) {
    const { name, state } = (entry ?? {}) as { name?: unknown; state?: unknown };
    const keys = typeof entry === 'object' && entry !== null ? Object.keys(entry) : [];
    if (
      typeof name !== 'string' ||
      name === '' ||
      (state !== 'cold' && state !== 'warm') ||
      keys.some((key) => key !== 'name' && key !== 'state')
    ) {
      throw invalidValue(INPUT, shown(entry), `each entry ${ALLOWED.slice(ALLOWED.indexOf('{'))}`);
    }
    (state === 'cold' ? cold : warm).push(name);
  }
  return { count: cold.length, cold, warm };
}
