import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/rehearsal/runner.ts';

export interface Bundle {
  readonly path: string;
  /** Said when a file under src/ is newer than the bundle, which then benches older code. */
  readonly staleNote: string | undefined;
}

/** The newest mtime under a directory. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    // Files may come and go under a concurrent edit or build.
    const mtime = entry.isDirectory()
      ? newestMtime(full)
      : (statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    newest = Math.max(newest, mtime);
  }
  return newest;
}

/** A bundle under dist/ that a bench runs; when it is missing, the bench exits 1. */
export function requireBundle(file: string): Bundle {
  const path = join(ROOT, 'dist', file);
  if (!existsSync(path)) {
    console.error(
      `dist/${file} is missing: run \`npm run build\` first, then rerun the benchmark.`,
    );
    process.exit(1);
  }
  const stale = newestMtime(join(ROOT, 'src')) > statSync(path).mtimeMs;
  return {
    path,
    staleNote: stale
      ? `note: dist/${file} is older than src/; run \`npm run build\` to bench current code`
      : undefined,
  };
}
