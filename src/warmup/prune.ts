import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Removes what the tool extracted from its archives (cargo's registry/src and git checkouts)
 * under `root`, so the saved cache holds each dependency once and the offline verify that
 * follows proves the archives alone suffice. Returns the directories it removed.
 */
export async function pruneExtracted(root: string, prune: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const sub of prune) {
    const path = join(root, sub);
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
