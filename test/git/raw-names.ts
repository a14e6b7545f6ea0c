/**
 * Commits files whose names are any bytes (git allows all but NUL, and '/' separates): written
 * through the file system with Buffer paths and staged with `git add -A`, since an argv cannot
 * carry bytes that are not UTF-8.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { GitFixture } from '../../src/rehearsal/git-fixture.ts';
import { git } from '../../src/rehearsal/git-fixture.ts';

/** A name as bytes: strings are UTF-8, numbers are raw bytes, concatenated. */
export type RawName = readonly (string | readonly number[])[];

export const nameBytes = (name: RawName): Buffer =>
  Buffer.concat(
    name.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))),
  );

/** Writes (string) or deletes (null) each file, then commits everything; the new sha. */
export function commitRaw(
  repo: GitFixture,
  message: string,
  files: readonly (readonly [RawName, string | null])[],
): string {
  for (const [name, content] of files) {
    const full = Buffer.concat([Buffer.from(`${repo.origin}/`), nameBytes(name)]);
    if (content === null) {
      rmSync(full);
      continue;
    }
    const slash = full.lastIndexOf(0x2f);
    mkdirSync(full.subarray(0, slash), { recursive: true });
    writeFileSync(full, content);
  }
  git(repo.origin, 'add', '-A');
  return repo.commit(message);
}
