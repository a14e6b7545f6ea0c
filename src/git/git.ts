import { execFile, spawn } from 'node:child_process';

/**
 * git, always called with an argv array (never a shell) and with `--end-of-options` or `--`
 * before anything that came from outside, so a ref or path cannot become an option.
 */
export class GitError extends Error {
  override name = 'GitError';
  /** What git wrote to stderr, for telling one failure from another. */
  readonly stderr: string;

  constructor(message: string, stderr = '') {
    super(message);
    this.stderr = stderr;
  }
}

export interface GitOptions {
  /**
   * Directories git may use whoever owns them (`-c safe.directory=`): the checkout of a container
   * job belongs to the runner's user, not the container's.
   */
  readonly safeDirectories?: readonly string[];
  /**
   * Configuration passed in the environment (`GIT_CONFIG_COUNT`, `GIT_CONFIG_KEY_<n>`,
   * `GIT_CONFIG_VALUE_<n>`), never in argv, where any process can read it: it may hold a token.
   */
  readonly secretConfig?: readonly (readonly [key: string, value: string])[];
}

const MAX_OUTPUT = 1024 * 1024 * 1024;

function gitArgs(args: readonly string[], options: GitOptions): string[] {
  const safe = (options.safeDirectories ?? []).flatMap((dir) => ['-c', `safe.directory=${dir}`]);
  return [...safe, '-c', 'core.quotepath=false', ...args];
}

function gitEnv(options: GitOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  const config = options.secretConfig ?? [];
  if (config.length === 0) return env;
  // Appended after whatever the environment already configures this way.
  const first = Number(env.GIT_CONFIG_COUNT) || 0;
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${first + i}`] = key;
    env[`GIT_CONFIG_VALUE_${first + i}`] = value;
  });
  env.GIT_CONFIG_COUNT = String(first + config.length);
  return env;
}

export function git(
  cwd: string,
  args: readonly string[],
  options: GitOptions = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      gitArgs(args, options),
      { cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT, env: gitEnv(options) },
      (error, stdout, stderr) => {
        if (error) {
          const text = stderr.toString().trim();
          reject(new GitError(`git ${args[0] ?? ''} failed: ${text || error.message}`, text));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

export async function tryGit(
  cwd: string,
  args: readonly string[],
  options: GitOptions = {},
): Promise<Buffer | undefined> {
  try {
    return await git(cwd, args, options);
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

/**
 * `git cat-file --batch`: one process answers every `<rev>:<path>` object name (bytes, no line
 * break), in order, with the blob's text or undefined (missing, or not a blob).
 */
export function catFileBatch(
  cwd: string,
  names: readonly Uint8Array[],
  options: GitOptions = {},
): Promise<(string | undefined)[]> {
  if (names.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', gitArgs(['cat-file', '--batch'], options), {
      cwd,
      env: gitEnv(options),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new GitError(`git cat-file --batch failed: ${stderr.trim()}`, stderr.trim()));
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
    child.stdin.end(Buffer.concat(names.flatMap((name) => [name, Buffer.of(0x0a)])));
  });
}

export async function gitText(
  cwd: string,
  args: readonly string[],
  options: GitOptions = {},
): Promise<string> {
  return (await git(cwd, args, options)).toString('utf8').trim();
}

export async function tryGitText(
  cwd: string,
  args: readonly string[],
  options: GitOptions = {},
): Promise<string | undefined> {
  return (await tryGit(cwd, args, options))?.toString('utf8').trim();
}
