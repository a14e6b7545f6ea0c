import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FetchFailure } from './fetch-failure.ts';
import { classifyFetchFailure } from './fetch-failure.ts';
import type { GitOptions } from './git.ts';
import { catFileBatch, git, GitError, gitText, tryGitText } from './git.ts';
import { decodePath, encodePath } from './path-bytes.ts';
import { blobAtPath } from './tree-lookup.ts';

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface ChangedFile {
  /** As `decodePath` gives it: exact, even where the name is not UTF-8. */
  readonly path: string;
  readonly status: ChangeStatus;
  /** The path at base, for a rename. */
  readonly previousPath?: string;
}

export type FetchResult =
  { readonly ok: true } | { readonly ok: false; readonly failure: FetchFailure };

export interface RepositoryOptions {
  /** See GitOptions.safeDirectories. */
  readonly safeDirectories?: readonly string[];
  /** Configuration that lets a fetch authenticate, used once origin asks for credentials. */
  readonly credentials?: GitOptions['secretConfig'];
}

/** Why a directory could not be opened as a repository. */
export interface OpenRefusal {
  readonly reason: 'dubious-ownership' | 'not-a-repository';
  readonly detail: string;
}

const NULL_SHA = /^0+$/;

export function isNullSha(sha: string | undefined): boolean {
  return sha === undefined || sha === '' || NULL_SHA.test(sha);
}

/** A local clone: every query answers from objects already present, fetching is explicit. */
export class Repository {
  readonly dir: string;
  readonly #options: GitOptions;
  readonly #credentials: GitOptions['secretConfig'];
  /** Set once origin refused a fetch without credentials: later fetches use them at once. */
  #authenticate = false;
  #fetchedWithCredentials = false;

  constructor(dir: string, options: RepositoryOptions = {}) {
    this.dir = dir;
    this.#options = { safeDirectories: options.safeDirectories };
    this.#credentials = options.credentials;
  }

  static async open(dir: string, options: RepositoryOptions = {}): Promise<Repository | undefined> {
    const opened = await Repository.locate(dir, options);
    return opened instanceof Repository ? opened : undefined;
  }

  /** The repository `dir` is in, or why git refused it. */
  static async locate(
    dir: string,
    options: RepositoryOptions = {},
  ): Promise<Repository | OpenRefusal> {
    try {
      const top = await gitText(dir, ['rev-parse', '--show-toplevel'], {
        safeDirectories: options.safeDirectories,
      });
      return new Repository(top, options);
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      const dubious = /dubious ownership/.test(error.stderr);
      return {
        reason: dubious ? 'dubious-ownership' : 'not-a-repository',
        detail: error.stderr.split('\n')[0] ?? error.message,
      };
    }
  }

  /** True once a fetch succeeded with the credentials after origin refused one without. */
  get authenticated(): boolean {
    return this.#fetchedWithCredentials;
  }

  /** The commit sha a revision names, or undefined when it is not in the local object store. */
  async resolveCommit(rev: string): Promise<string | undefined> {
    return tryGitText(
      this.dir,
      ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`],
      this.#options,
    );
  }

  async isShallow(): Promise<boolean> {
    const answer = await gitText(this.dir, ['rev-parse', '--is-shallow-repository'], this.#options);
    return answer === 'true';
  }

  /** Every best common ancestor git finds in the commits present, the one it prefers first. */
  async mergeBases(a: string, b: string): Promise<string[]> {
    const out = await tryGitText(
      this.dir,
      ['merge-base', '--all', '--end-of-options', a, b],
      this.#options,
    );
    return out === undefined || out === '' ? [] : out.split('\n');
  }

  /**
   * The shallow clone's boundary commits (present, their parents not) that `tips` reach without
   * passing through `stop`: history beyond them is unknown here.
   */
  async boundaryCommits(tips: readonly string[], stop: string): Promise<string[]> {
    const path = await gitText(this.dir, ['rev-parse', '--git-path', 'shallow'], this.#options);
    let boundary: Set<string>;
    try {
      boundary = new Set((await readFile(resolve(this.dir, path), 'utf8')).split('\n'));
    } catch {
      return [];
    }
    const reached = await gitText(
      this.dir,
      ['rev-list', '--end-of-options', ...tips, `^${stop}`, '--'],
      this.#options,
    );
    return reached.split('\n').filter((sha) => sha !== '' && boundary.has(sha));
  }

  /**
   * Fetches from `origin` with the credentials the checkout left in the local config; when
   * origin asks for credentials, again with the repository's own (and from then on with them).
   */
  async fetch(args: readonly string[]): Promise<FetchResult> {
    if (!this.#authenticate) {
      const plain = await this.#fetch(args, false);
      if (plain.ok || plain.failure.kind !== 'authentication' || !this.#credentials) return plain;
      this.#authenticate = true;
    }
    return this.#fetch(args, true);
  }

  async #fetch(args: readonly string[], withToken: boolean): Promise<FetchResult> {
    const options = withToken
      ? { ...this.#options, secretConfig: this.#credentials }
      : this.#options;
    try {
      await git(
        this.dir,
        ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...args],
        options,
      );
      if (withToken) this.#fetchedWithCredentials = true;
      return { ok: true };
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      return { ok: false, failure: classifyFetchFailure(error.stderr, withToken) };
    }
  }

  async changedFiles(base: string, head: string): Promise<ChangedFile[]> {
    const out = await git(
      this.dir,
      [
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
      ],
      this.#options,
    );
    return parseNameStatus(out);
  }

  /**
   * Files' text at commits, undefined where a path does not exist (or is not a file), read by
   * one `git cat-file --batch` process however many there are.
   */
  async readFiles(
    specs: readonly { rev: string; path: string }[],
  ): Promise<(string | undefined)[]> {
    const names = specs.map((s) => ({ rev: s.rev, path: encodePath(s.path) }));
    // The batch protocol is line based: a path with a line break is read on its own.
    const lineBreak = (path: Buffer) => path.includes(0x0a) || path.includes(0x0d);
    const batched = await catFileBatch(
      this.dir,
      names
        .filter((n) => !lineBreak(n.path))
        .map((n) => Buffer.concat([Buffer.from(`${n.rev}:`), n.path])),
      this.#options,
    );
    let next = 0;
    return Promise.all(
      names.map(async (name) => {
        if (!lineBreak(name.path)) return batched[next++];
        return (await blobAtPath(this.dir, name.rev, name.path, this.#options))?.toString('utf8');
      }),
    );
  }

  async commitMessage(rev: string): Promise<string | undefined> {
    return tryGitText(
      this.dir,
      ['log', '-1', '--format=%B', '--end-of-options', rev, '--'],
      this.#options,
    );
  }
}

/** Parses `git diff --name-status -z` output: `M\0path\0`, `R100\0old\0new\0`. */
export function parseNameStatus(out: Buffer): ChangedFile[] {
  const fields: Buffer[] = [];
  for (let at = 0; at < out.length;) {
    const end = out.indexOf(0, at);
    fields.push(out.subarray(at, end < 0 ? out.length : end));
    at = end < 0 ? out.length : end + 1;
  }
  const path = (field: Buffer | undefined) => (field === undefined ? '' : decodePath(field));
  const files: ChangedFile[] = [];
  let i = 0;
  while (i < fields.length) {
    const code = fields[i++]!.toString('latin1');
    if (!code) continue;
    const kind = code[0];
    if (kind === 'R' || kind === 'C') {
      const previousPath = path(fields[i++]);
      const current = path(fields[i++]);
      files.push(
        kind === 'R'
          ? { path: current, status: 'renamed', previousPath }
          : { path: current, status: 'added' },
      );
    } else {
      const current = path(fields[i++]);
      files.push({
        path: current,
        status: kind === 'A' ? 'added' : kind === 'D' ? 'deleted' : 'modified',
      });
    }
  }
  return files;
}
