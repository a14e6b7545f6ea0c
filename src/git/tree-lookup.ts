import type { GitOptions } from './git.ts';
import { tryGit } from './git.ts';

/**
 * The blob at `path` (bytes) in commit `rev`, found by listing one tree per directory level, so
 * the path is never an argument (argv cannot carry bytes that are not UTF-8) nor a line of a
 * batch (it may hold a line break). For the rare names `git cat-file --batch` cannot take.
 */
export async function blobAtPath(
  cwd: string,
  rev: string,
  path: Uint8Array,
  options: GitOptions,
): Promise<Buffer | undefined> {
  let tree = `${rev}^{tree}`;
  const parts = splitBytes(Buffer.from(path), 0x2f);
  for (const [index, name] of parts.entries()) {
    const listing = await tryGit(cwd, ['ls-tree', '-z', '--end-of-options', tree], options);
    const entry = listing && findEntry(listing, name);
    if (entry === undefined) return undefined;
    const last = index === parts.length - 1;
    if (entry.type !== (last ? 'blob' : 'tree')) return undefined;
    if (last) return tryGit(cwd, ['cat-file', 'blob', entry.object], options);
    tree = entry.object;
  }
  return undefined;
}

/** `<mode> SP <type> SP <object> TAB <name> NUL` entries of `git ls-tree -z`. */
function findEntry(listing: Buffer, name: Buffer): { type: string; object: string } | undefined {
  for (const entry of splitBytes(listing, 0)) {
    const tab = entry.indexOf(0x09);
    if (tab < 0 || !entry.subarray(tab + 1).equals(name)) continue;
    const [, type, object] = entry.subarray(0, tab).toString('latin1').split(' ');
    return type === undefined || object === undefined ? undefined : { type, object };
  }
  return undefined;
}

function splitBytes(bytes: Buffer, separator: number): Buffer[] {
  const parts: Buffer[] = [];
  let at = 0;
  while (at <= bytes.length) {
    const end = bytes.indexOf(separator, at);
    if (end < 0) {
      if (at < bytes.length) parts.push(bytes.subarray(at));
      break;
    }
    parts.push(bytes.subarray(at, end));
    at = end + 1;
  }
  return parts;
}
