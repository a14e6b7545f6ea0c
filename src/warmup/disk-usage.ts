import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The bytes of the files under `paths` (links not followed; a missing path counts 0). */
export async function diskUsage(paths: readonly string[]): Promise<number> {
  let total = 0;
  const pending = [...paths];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    const stats = await lstat(path).catch(() => undefined);
    if (stats === undefined) continue;
    if (stats.isDirectory()) {
      for (const name of await readdir(path)) pending.push(join(path, name));
    } else if (stats.isFile()) {
      total += stats.size;
    }
  }
  return total;
}
