/**
 * Proves the committed dist/ is what src/ builds to: rebuilds into a temp dir and compares
 * every file both ways, so a stale, missing or extra (untracked) file fails the check.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
      .sort();
  } catch {
    return [];
  }
}

const fresh = mkdtempSync(join(tmpdir(), 'lanekit-dist-'));
try {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.ts'), fresh], { stdio: 'inherit' });
  const want = listFiles(fresh);
  const have = listFiles(dist);
  const problems = [
    ...want.filter((f) => !have.includes(f)).map((f) => `missing: dist/${f}`),
    ...have.filter((f) => !want.includes(f)).map((f) => `extra: dist/${f}`),
    ...want
      .filter(
        (f) =>
          have.includes(f) && !readFileSync(join(fresh, f)).equals(readFileSync(join(dist, f))),
      )
      .map((f) => `stale: dist/${f}`),
  ];
  if (problems.length > 0) {
    console.error(
      `dist/ does not match src/; run \`npm run build\` and commit dist/:\n  ${problems.join('\n  ')}`,
    );
    process.exitCode = 1;
  } else {
    console.log(`dist/ matches src/ (${want.length} files)`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
