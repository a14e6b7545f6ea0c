import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The lanekit package's root (where actions/ and dist/ are), found above `from`: this module
 * runs from src/rehearsal/ in a checkout and from a dist/ chunk once bundled.
 */
export function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'actions'))) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (name === 'lanekit') return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no lanekit package above ${from}`);
  }
}
