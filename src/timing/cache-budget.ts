import { invalidValue } from '../runner/errors.ts';
import type { CacheFigure } from './report.ts';
import type { CacheUsage } from './run-data.ts';

/** GitHub's default Actions cache size per repository: 10 GiB (`cache-budget` reads sizes with common/size.ts). */
export const DEFAULT_CACHE_BUDGET_BYTES = 10 * 2 ** 30;
/** Usage over budget at which the summary warns: eviction is near. */
export const DEFAULT_CACHE_WARN_RATIO = 0.9;

/** A share of the budget at which to warn, from `0.9` or `90%`. */
export function parseRatio(text: string, input: string): number {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const value = Number(percent ? trimmed.slice(0, -1) : trimmed) / (percent ? 100 : 1);
  if (trimmed === '' || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw invalidValue(
      input,
      text,
      'a share of the budget above 0 and at most 1, such as 0.9 or 90%',
    );
  }
  return value;
}

export function cacheFigure(
  usage: CacheUsage,
  budgetBytes: number,
  warnRatio: number,
): CacheFigure {
  const ratio = usage.activeBytes / budgetBytes;
  return {
    activeBytes: usage.activeBytes,
    activeCount: usage.activeCount,
    budgetBytes,
    ratio,
    warnRatio,
    warning: ratio > warnRatio,
  };
}

/** Bytes as people read them: `9.53 GiB`, `512 MiB`, `87 B`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0
    ? `${value} B`
    : `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${units[unit]!}`;
}
