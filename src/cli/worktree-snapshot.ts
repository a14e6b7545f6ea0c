import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GitError } from '../git/git.ts';

function gitWith(cwd: string, env: NodeJS.ProcessEnv, args: readonly string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      [...args],
      { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...env } },
      (error, stdout, stderr) => {
        if (error) {
          const text = stderr.trim();
          reject(new GitError(`git ${args[0] ?? ''} failed: ${text || error.message}`, text));
        } else {
          resolvePromise(stdout.trim());
        }
      },
    );
  });
}

/**
 * The worktree as a commit on top of `head` (HEAD's sha): every uncommitted change (staged,
 * unstaged, untracked files that are not ignored, deletions) in one commit, so routing reads
 * its statuses, renames and file contents from git as for any other commit; `head` itself when
 * nothing is uncommitted.
 *
 * It is built in a copy of the index (the copy keeps git's stat cache, so unchanged files are
 * not read again) and no ref points to it: the user's index, branches and worktree stay as
 * they are, and git's gc prunes the commit later.
 */
export async function worktreeSnapshot(dir: string, head: string): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), 'lanekit-worktree-'));
  try {
    const index = join(scratch, 'index');
    const userIndex = resolve(dir, await gitWith(dir, {}, ['rev-parse', '--git-path', 'index']));
    // The copy keeps the index's time: git trusts a cached stat only when the file changed
    // before the index was written, and a later time would hide a same-size edit made after.
    await cp(userIndex, index, { preserveTimestamps: true }).catch((error: unknown) => {
      // No index yet: `git add` builds one from the worktree alone.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
    const env = { GIT_INDEX_FILE: index };
    await gitWith(dir, env, ['add', '--all']);
    const tree = await gitWith(dir, env, ['write-tree']);
    if (tree === (await gitWith(dir, {}, ['rev-parse', '--verify', `${head}^{tree}`]))) return head;
    // head's message, for the force trailers change-router reads from the head commit.
    const message = await gitWith(dir, {}, ['log', '-1', '--format=%B', head]);
    return await gitWith(
      dir,
      {
        GIT_AUTHOR_NAME: 'lanekit',
        GIT_AUTHOR_EMAIL: 'lanekit@localhost',
        GIT_COMMITTER_NAME: 'lanekit',
        GIT_COMMITTER_EMAIL: 'lanekit@localhost',
      },
      ['commit-tree', '--no-gpg-sign', '-p', head, '-m', message, tree],
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
