import type { CacheFigure } from './report.ts';
import type { CacheUsage } from './run-data.ts';

/** GitHub's default Actions cache size per repository: 10 GiB (`cache-budget` reads sizes with common/size.ts). */
export const DEFAULT_CACHE_BUDGET_BYTES = 10 * 2 ** 30;
/** Usage over budget at which the summary warns: eviction is near. */
export const DEFAULT_CACHE_WARN_RATIO = 0.9;

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
