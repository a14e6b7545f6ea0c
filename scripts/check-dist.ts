/**
 * Proves the committed dist/ is what src/ builds to: rebuilds into a temp dir and compares
 * every file both ways, so a stale, missing or extra (untracked) file fails the check, the
 * third-party licenses notice included. Then holds the committed bundles' import graph to the
 * rules in dist-graph.ts (no unreachable chunk, no undici at an action's start).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { distGraphProblems } from './dist-graph.ts';

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

/** How the `committed` dist/ differs from the `built` one, file by file. */
export function distDifferences(committed: string, built: string): string[] {
  const want = listFiles(built);
  const have = listFiles(committed);
  return [
    ...want.filter((f) => !have.includes(f)).map((f) => `missing: dist/${f}`),
    ...have.filter((f) => !want.includes(f)).map((f) => `extra: dist/${f}`),
    ...want
      .filter(
        (f) =>
          have.includes(f) &&
          !readFileSync(join(built, f)).equals(readFileSync(join(committed, f))),
      )
      .map((f) => `stale: dist/${f}`),
  ];
}

if (import.meta.main) {
  const root = join(import.meta.dirname, '..');
  const dist = join(root, 'dist');
  const fresh = mkdtempSync(join(tmpdir(), 'lanekit-dist-'));
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.ts'), fresh], {
      stdio: 'inherit',
    });
    const differences = distDifferences(dist, fresh);
    const graph = distGraphProblems(dist);
    if (differences.length > 0) {
      console.error(
        `dist/ does not match src/; run \`npm run build\` and commit dist/:\n  ${differences.join('\n  ')}`,
      );
    }
    if (graph.length > 0) {
      console.error(
        `dist/ ships what it should not; see scripts/build.ts:\n  ${graph.join('\n  ')}`,
      );
    }
    if (differences.length + graph.length > 0) process.exitCode = 1;
    else console.log(`dist/ matches src/ (${listFiles(fresh).length} files)`);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}
