import { catFileBatch, git, gitText, tryGit, tryGitText } from './git.ts';

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface ChangedFile {
  readonly path: string;
  readonly status: ChangeStatus;
  /** The path at base, for a rename. */
  readonly previousPath?: string;
}

const NULL_SHA = /^0+$/;

export function isNullSha(sha: string | undefined): boolean {
  return sha === undefined || sha === '' || NULL_SHA.test(sha);
}

/** A local clone: every query answers from objects already present, fetching is explicit. */
export class Repository {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  static async open(dir: string): Promise<Repository | undefined> {
    const top = await tryGitText(dir, ['rev-parse', '--show-toplevel']);
    return top === undefined ? undefined : new Repository(top);
  }

  /** The commit sha a revision names, or undefined when it is not in the local object store. */
  async resolveCommit(rev: string): Promise<string | undefined> {
    return tryGitText(this.dir, [
      'rev-parse',
      '--verify',
      '--quiet',
      '--end-of-options',
      `${rev}^{commit}`,
    ]);
  }

  async isShallow(): Promise<boolean> {
    return (await gitText(this.dir, ['rev-parse', '--is-shallow-repository'])) === 'true';
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    return tryGitText(this.dir, ['merge-base', '--end-of-options', a, b]);
  }

  /** Fetch from `origin` with the credentials the checkout left in the local config. */
  async fetch(args: readonly string[]): Promise<boolean> {
    return (
      (await tryGitText(this.dir, [
        'fetch',
        '--no-tags',
        '--no-recurse-submodules',
        '--quiet',
        ...args,
      ])) !== undefined
    );
  }

  async changedFiles(base: string, head: string): Promise<ChangedFile[]> {
    const out = await git(this.dir, [
      'diff',
      '--no-ext-diff',
      '--no-textconv',
      '--name-status',
      '-z',
      '-M',
      '--end-of-options',
      base,
      head,
      '--',
    ]);
    return parseNameStatus(out.toString('utf8'));
  }

  /**
   * Files' text at commits, undefined where a path does not exist (or is not a file), read by
   * one `git cat-file --batch` process however many there are.
   */
  async readFiles(
    specs: readonly { rev: string; path: string }[],
  ): Promise<(string | undefined)[]> {
    // The batch protocol is line based: a path with a line break is read on its own.
    const batchable = specs.filter((s) => !/[\n\r]/.test(s.path));
    const batched = await catFileBatch(
      this.dir,
      batchable.map((s) => `${s.rev}:${s.path}`),
    );
    let next = 0;
    return Promise.all(
      specs.map(async (spec) => {
        if (!/[\n\r]/.test(spec.path)) return batched[next++];
        const blob = await tryGit(this.dir, ['cat-file', 'blob', `${spec.rev}:${spec.path}`]);
        return blob?.toString('utf8');
      }),
    );
  }

  async commitMessage(rev: string): Promise<string | undefined> {
    return tryGitText(this.dir, ['log', '-1', '--format=%B', '--end-of-options', rev, '--']);
  }
}

/** Parses `git diff --name-status -z` output: `M\0path\0`, `R100\0old\0new\0`. */
export function parseNameStatus(out: string): ChangedFile[] {
  const fields = out.split('\0');
  const files: ChangedFile[] = [];
  let i = 0;
  while (i < fields.length) {
    const code = fields[i++];
    if (!code) continue;
    const kind = code[0];
    if (kind === 'R' || kind === 'C') {
      const previousPath = fields[i++] ?? '';
      const path = fields[i++] ?? '';
      files.push(
        kind === 'R' ? { path, status: 'renamed', previousPath } : { path, status: 'added' },
      );
    } else {
      const path = fields[i++] ?? '';
      files.push({ path, status: kind === 'A' ? 'added' : kind === 'D' ? 'deleted' : 'modified' });
    }
  }
  return files;
}
