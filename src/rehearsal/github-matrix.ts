/**
 * `strategy.matrix` expanded into legs the way GitHub does it: the cross product of the axes
 * (first axis outermost), minus `exclude` entries (partial matches remove), then each `include`
 * entry added to every original combination whose axis values it does not contradict (later
 * includes may overwrite what earlier includes added, never an axis value), or appended as a
 * leg of its own when it fits none. A matrix of `include` entries alone gives one leg per entry.
 * At most 256 legs.
 */
import type { Value } from './expressions.ts';

export const MAX_LEGS = 256;

export type Leg = Record<string, Value>;

function isObject(value: unknown): value is Record<string, Value> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entries(matrix: Record<string, Value>, key: 'include' | 'exclude'): Leg[] {
  const list = matrix[key];
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every(isObject)) {
    throw new Error(`matrix ${key} must be a list of mappings`);
  }
  return list;
}

const same = (a: Value | undefined, b: Value | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

export function expandMatrix(matrix: unknown): Leg[] {
  if (!isObject(matrix)) throw new Error('matrix must be a mapping');
  const axes = Object.entries(matrix).filter(([key]) => key !== 'include' && key !== 'exclude');
  for (const [key, values] of axes) {
    if (!Array.isArray(values) || values.length === 0) {
      throw new Error(`matrix vector '${key}' does not contain any values`);
    }
  }
  const axisNames = axes.map(([key]) => key);
  let legs: Leg[] = [];
  if (axes.length > 0) {
    legs = [{}];
    for (const [key, values] of axes) {
      legs = legs.flatMap((leg) => (values as Value[]).map((value) => ({ ...leg, [key]: value })));
    }
  }
  for (const exclude of entries(matrix, 'exclude')) {
    for (const key of Object.keys(exclude)) {
      if (!axisNames.includes(key)) throw new Error(`matrix exclude key '${key}' is not an axis`);
    }
    legs = legs.filter((leg) => !Object.entries(exclude).every(([k, v]) => same(leg[k], v)));
  }
  const originals = legs.length;
  const extra: Leg[] = [];
  for (const include of entries(matrix, 'include')) {
    let added = false;
    for (const leg of legs.slice(0, originals)) {
      const fits = axisNames.every((axis) => !(axis in include) || same(include[axis], leg[axis]));
      if (!fits) continue;
      for (const [key, value] of Object.entries(include))
        if (!axisNames.includes(key)) leg[key] = value;
      added = true;
    }
    if (!added) extra.push({ ...include });
  }
  const all = [...legs, ...extra];
  if (all.length === 0) throw new Error('matrix must define at least one vector');
  if (all.length > MAX_LEGS) {
    throw new Error(`matrix has ${all.length} legs; GitHub runs at most ${MAX_LEGS} per job`);
  }
  return all;
}
