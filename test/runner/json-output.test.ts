import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import type { Shrinks } from '../../src/runner/json-output.ts';
import { JSON_OUTPUT_LIMIT_BYTES, setJsonOutput } from '../../src/runner/json-output.ts';
import { runInProcess } from '../../src/rehearsal/runner.ts';

interface Listing {
  readonly items: readonly string[];
}
const SHRINKS: Shrinks<Listing> = [
  (value, truncated) => ({ items: value.items.slice(0, 10), truncated }),
  (_value, truncated) => ({ items: [], truncated }),
];
const listing = (count: number, width = 100): Listing => ({
  items: Array.from({ length: count }, (_, i) => String(i).padEnd(width, 'x')),
});

/** Sets the output in a step and returns what the runner saw, with the file's text. */
async function output(value: Listing, shrinks: Shrinks<Listing>, env = {}) {
  const files: Record<string, string> = {};
  const result = await runInProcess(
    'marker-scanner',
    (context) => {
      setJsonOutput(context, 'listing', value, shrinks);
      const dir = join(context.env.RUNNER_TEMP ?? '', 'lanekit');
      if (existsSync(dir)) {
        for (const name of readdirSync(dir)) files[name] = readFileSync(join(dir, name), 'utf8');
      }
      return Promise.resolve();
    },
    { env: { GITHUB_ACTION: 'scan_2', ...env } },
  );
  const file = result.outputs['listing-file'];
  return {
    shown: JSON.parse(result.outputs.listing!) as Record<string, unknown>,
    raw: result.outputs.listing!,
    file,
    fileText: file === undefined ? undefined : files[basename(file)],
  };
}

describe('setJsonOutput', () => {
  it('sets a small value whole, and writes it to a file named after the step', async () => {
    const value = listing(3);
    const { shown, file, fileText } = await output(value, SHRINKS);
    assert.deepEqual(shown, value);
    assert.match(file ?? '', /\/lanekit\/scan_2-listing\.json$/);
    assert.equal(fileText, JSON.stringify(value));
  });

  it('shrinks a value over the limit by the first form that fits, saying what was cut', async () => {
    const value = listing(5000);
    const { shown, raw, file, fileText } = await output(value, SHRINKS);
    assert.ok(Buffer.byteLength(raw) <= JSON_OUTPUT_LIMIT_BYTES);
    assert.equal((shown.items as string[]).length, 10);
    assert.deepEqual(shown.truncated, { file, bytes: Buffer.byteLength(JSON.stringify(value)) });
    assert.equal(fileText, JSON.stringify(value), 'the file holds the whole value');
  });

  it('falls back to a truncation notice when no form fits', async () => {
    const { shown, file } = await output(listing(50, 100_000), [(v) => v]);
    assert.deepEqual(Object.keys(shown), ['truncated']);
    assert.equal((shown.truncated as { file: string }).file, file);
  });

  it('writes no file outside a runner, and still bounds the output', async () => {
    const { raw, file } = await output(listing(5000), SHRINKS, { RUNNER_TEMP: '' });
    assert.equal(file, undefined);
    assert.ok(Buffer.byteLength(raw) <= JSON_OUTPUT_LIMIT_BYTES);
  });

  it('keeps a step name that could escape the folder inside it', async () => {
    const { file } = await output(listing(1), SHRINKS, { GITHUB_ACTION: '../../etc/x' });
    assert.match(file ?? '', /\/lanekit\/\.\._\.\._etc_x-listing\.json$/);
  });
});
