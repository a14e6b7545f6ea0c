/**
 * Real git repositories in temp dirs: an `origin` with history built commit by commit, and
 * clones of it (full or shallow) as actions/checkout would leave them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  // Test file names are data: a leading ':' must not become pathspec magic.
  GIT_LITERAL_PATHSPECS: '1',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();
}

export class GitFixture {
  readonly root: string;
  readonly origin: string;

  constructor() {
    this.root = mkdtempSync(join(tmpdir(), 'lanekit-git-'));
    this.origin = join(this.root, 'origin');
    mkdirSync(this.origin);
    git(this.origin, 'init', '--quiet', '--initial-branch=main');
    // GitHub serves any reachable commit by sha; so must the test origin.
    git(this.origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  }

  get url(): string {
    return `file://${this.origin}`;
  }

  /** Writes (string) or deletes (null) files, then commits them; returns the new sha. */
  commit(message: string, files: Readonly<Record<string, string | null>> = {}): string {
    const removed: string[] = [];
    const written: string[] = [];
    for (const [path, content] of Object.entries(files)) {
      if (content === null) {
        removed.push(path);
      } else {
        const full = join(this.origin, path);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
        written.push(path);
      }
    }
    // One git call for all the files: a fixture of hundreds of files stays quick to build.
    if (removed.length > 0) git(this.origin, 'rm', '--quiet', '--', ...removed);
    if (written.length > 0) git(this.origin, 'add', '--', ...written);
    git(this.origin, 'commit', '--quiet', '--allow-empty', '-m', message);
    return this.sha('HEAD');
  }

  rename(from: string, to: string, message = `rename ${from}`): string {
    mkdirSync(dirname(join(this.origin, to)), { recursive: true });
    git(this.origin, 'mv', '--', from, to);
    git(this.origin, 'commit', '--quiet', '-m', message);
    return this.sha('HEAD');
  }

  checkout(branch: string, create = false): void {
    git(this.origin, 'checkout', '--quiet', ...(create ? ['-b'] : []), branch);
  }

  /** Commits on a new branch cut from `from`, then returns to `from`; the branch head's sha. */
  commitOnBranch(
    branch: string,
    message: string,
    files: Readonly<Record<string, string | null>>,
    from = 'main',
  ): string {
    this.checkout(from);
    this.checkout(branch, true);
    const head = this.commit(message, files);
    this.checkout(from);
    return head;
  }

  merge(branch: string, message: string): string {
    git(this.origin, 'merge', '--quiet', '--no-ff', '-m', message, branch);
    return this.sha('HEAD');
  }

  sha(rev: string): string {
    return git(this.origin, 'rev-parse', rev);
  }

  /** A clone as actions/checkout makes it: `fetch-depth` 1 by default, detached at `ref`. */
  clone(options: { depth?: number; ref?: string; name?: string } = {}): string {
    const dir = join(this.root, options.name ?? `clone-${Math.random().toString(36).slice(2)}`);
    const depth = options.depth ?? 1;
    git(this.root, 'init', '--quiet', dir);
    git(dir, 'remote', 'add', 'origin', this.url);
    const ref = options.ref ?? this.sha('main');
    git(
      dir,
      'fetch',
      '--quiet',
      '--no-tags',
      ...(depth > 0 ? [`--depth=${depth}`] : []),
      'origin',
      ref,
    );
    git(dir, 'checkout', '--quiet', '--detach', 'FETCH_HEAD');
    return dir;
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
