import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigurationError } from '../../src/runner/errors.ts';
import { customPreset, parseCommand } from '../../src/warmup/custom-preset.ts';

const VALID = {
  paths: ['deps'],
  keyFiles: ['deps.lock'],
  fetch: 'node fetch.mjs',
  verify: '["node", "verify.mjs", "--offline"]',
  offlineEnv: ['DEPS_OFFLINE=1'],
};

describe('registry-warmup custom preset', () => {
  it('reads commands as words or as a JSON array', () => {
    assert.deepEqual(parseCommand('fetch', '  node  fetch.mjs --all '), [
      'node',
      'fetch.mjs',
      '--all',
    ]);
    assert.deepEqual(parseCommand('fetch', '["node", "a b.mjs"]'), ['node', 'a b.mjs']);
  });

  it('builds a preset whose version is its commands', () => {
    const preset = customPreset(VALID);
    assert.deepEqual(preset.fetch, ['node', 'fetch.mjs']);
    assert.deepEqual(preset.offlineEnv, { DEPS_OFFLINE: '1' });
    assert.notEqual(customPreset({ ...VALID, fetch: 'node fetch2.mjs' }).version, preset.version);
  });

  const errors: [string, Partial<typeof VALID>, string][] = [
    ['no paths', { paths: [] }, 'paths: the custom ecosystem needs the directories to cache'],
    [
      'no key files',
      { keyFiles: [] },
      'key-files: the custom ecosystem needs the lockfile names that key the cache',
    ],
    [
      'no verify',
      { verify: undefined },
      'verify: the custom ecosystem needs the command that proves it offline',
    ],
    [
      'a bad JSON command',
      { fetch: '["node", 1]' },
      `fetch: got '["node", 1]', expected a JSON array of strings (program first) or words`,
    ],
    [
      'a bad offline variable',
      { offlineEnv: ['not a pair'] },
      "offline-env: got 'not a pair', expected NAME=value entries",
    ],
  ];
  for (const [what, change, message] of errors) {
    it(`rejects ${what}, naming the input`, () => {
      assert.throws(
        () => customPreset({ ...VALID, ...change }),
        (error: unknown) => {
          assert.ok(error instanceof ConfigurationError);
          assert.equal(error.message, message);
          return true;
        },
      );
    });
  }
});
