import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSize } from '../../src/common/size.ts';
import { analyzeRun } from '../../src/timing/analysis.ts';
import { DEFAULT_CACHE_BUDGET_BYTES, formatBytes } from '../../src/timing/cache-budget.ts';
import { runData } from './timed-run.ts';

const GIB = 2 ** 30;
const jobs = [{ name: 'a', completed: 5 }];

describe('cache budget', () => {
  it('is 10 GiB by default, 10 × 2^30 bytes', () => {
    assert.equal(DEFAULT_CACHE_BUDGET_BYTES, 10_737_418_240);
    const report = analyzeRun(
      runData({ jobs, data: { cache: { activeBytes: 9.5 * GIB, activeCount: 31 } } }),
      {},
    );
    assert.deepEqual(report.cache, {
      activeBytes: 9.5 * GIB,
      activeCount: 31,
      budgetBytes: 10 * GIB,
      ratio: 0.95,
      warnRatio: 0.9,
      warning: true,
    });
  });

  it('warns only above the threshold, against the budget given', () => {
    const usage = { activeBytes: 9.5 * GIB, activeCount: 31 };
    const roomy = analyzeRun(runData({ jobs, data: { cache: usage } }), {
      cacheBudgetBytes: parseSize('cache-budget', '20GiB'),
    });
    assert.deepEqual([roomy.cache!.ratio, roomy.cache!.warning], [0.475, false]);
    const at = analyzeRun(runData({ jobs, data: { cache: usage } }), {
      cacheBudgetBytes: 10 * GIB,
      cacheWarnRatio: 0.95,
    });
    assert.equal(at.cache!.warning, false);
  });

  it('is left out when the usage could not be read', () => {
    assert.equal(analyzeRun(runData({ jobs }), {}).cache, undefined);
  });

  it('shows bytes as people read them', () => {
    assert.deepEqual([87, 512 * 2 ** 20, 9.53 * GIB, 10 * GIB, 150 * GIB].map(formatBytes), [
      '87 B',
      '512 MiB',
      '9.53 GiB',
      '10.0 GiB',
      '150 GiB',
    ]);
  });
});
