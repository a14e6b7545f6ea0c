import { execFile } from 'node:child_process';

/**
 * git, always called with an argv array (never a shell) and with `--end-of-options` or `--`
 * before anything that came from outside, so a ref or path cannot become an option.
 */
export class GitError extends Error {
  override name = 'GitError';
}

const MAX_OUTPUT = 1024 * 1024 * 1024;

export function git(cwd: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotepath=false', ...args],
      {
        cwd,
        encoding: 'buffer',
        maxBuffer: MAX_OUTPUT,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        if (error) {
          const detail = stderr.toString().trim() || error.message;
          reject(new GitError(`git ${args[0] ?? ''} failed: ${detail}`));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

export async function gitText(cwd: string, args: readonly string[]): Promise<string> {
  return (await git(cwd, args)).toString('utf8').trim();
}

export async function tryGitText(
  cwd: string,
  args: readonly string[],
): Promise<string | undefined> {
  try {
    return await gitText(cwd, args);
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}
