import { execFile, spawn } from 'node:child_process';

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

export async function tryGit(cwd: string, args: readonly string[]): Promise<Buffer | undefined> {
  try {
    return await git(cwd, args);
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

/**
 * `git cat-file --batch`: one process answers every `<rev>:<path>` object name, in order, with
 * the blob's text or undefined (missing, or not a blob).
 */
export function catFileBatch(
  cwd: string,
  names: readonly string[],
): Promise<(string | undefined)[]> {
  if (names.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new GitError(`git cat-file --batch failed: ${stderr.trim()}`));
        return;
      }
      const out = Buffer.concat(chunks);
      const results: (string | undefined)[] = [];
      let at = 0;
      for (let i = 0; i < names.length; i++) {
        const eol = out.indexOf(0x0a, at);
        const header = out.subarray(at, eol).toString('utf8');
        at = eol + 1;
        const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (!match) {
          results.push(undefined);
          continue;
        }
        const size = Number(match[2]);
        results.push(
          match[1] === 'blob' ? out.subarray(at, at + size).toString('utf8') : undefined,
        );
        at += size + 1;
      }
      resolve(results);
    });
    child.stdin.end(names.map((n) => `${n}\n`).join(''));
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
