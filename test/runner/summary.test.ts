import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitSummary, table } from '../../src/runner/summary.ts';

describe('fitSummary', () => {
  it('leaves a summary under the limit alone', () => {
    assert.equal(fitSummary('# ok\n', 100), '# ok\n');
  });
  it('cuts at a line boundary, says so, and stays under the limit', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`route-${i}`, 'run', 'ü'.repeat(30)]);
    const markdown = table(['route', 'run', 'why'], rows);
    const fitted = fitSummary(markdown, 64 * 1024);
    assert.ok(Buffer.byteLength(fitted) <= 64 * 1024);
    assert.match(fitted, /Summary cut to fit/);
    const kept = fitted.split('\n\n_Summary cut')[0]!;
    assert.ok(markdown.startsWith(kept), 'the kept part is whole lines of the original');
    assert.ok(kept.endsWith('|'));
  });
});
