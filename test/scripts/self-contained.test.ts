/**
 * A plain clone has nothing beside the repository: no file under src/, test/, scripts/ or bench/
 * may reach into the `shared` folder next to the checkout, where the test fixtures used to live.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../../src/rehearsal/runner.ts';

/** The parent folder, then `shared`: as a path (either separator) or as path segments. */
const OUTSIDE_SHARED = /\.\.(?:['"`]\s*,\s*['"`]|[/\\])shared\b/;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

describe('the repository is self-contained', () => {
  it('recognizes the ways a path can point at the shared folder', () => {
    // Built from parts, so that this file does not itself hold what it looks for.
    const up = '..';
    for (const text of [
      `join(ROOT, '${up}', 'shared', 'fixtures')`,
      `resolve(root, "${up}", "shared")`,
      `readFileSync('${up}/shared/fixtures/github-api/x.json')`,
      `C:\\work\\main\\${up}\\shared\\fixtures`,
    ]) {
      assert.match(text, OUTSIDE_SHARED);
    }
    for (const text of ["join(ROOT, 'test', 'fixtures')", "'src/shared/**'", 'shared chunks']) {
      assert.doesNotMatch(text, OUTSIDE_SHARED);
    }
  });

  it('has no file under src/, test/, scripts/ or bench/ that refers to the shared folder', () => {
    const offenders = ['src', 'test', 'scripts', 'bench']
      .flatMap(filesUnder)
      .filter((file) => OUTSIDE_SHARED.test(readFileSync(join(ROOT, file), 'latin1')));
    assert.deepEqual(offenders, []);
  });
});
