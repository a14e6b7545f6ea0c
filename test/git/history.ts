/**
 * Histories of any shape in one `git fast-import` run: thousands of `git commit` calls would
 * take minutes. Commit dates move forward, a second apart, after every commit already there, as
 * real history does (git's date heuristics misjudge shallow history that goes back in time).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitFixture } from '../../src/rehearsal/git-fixture.ts';
import { git } from '../../src/rehearsal/git-fixture.ts';

export interface NewCommit {
  readonly branch: string;
  /** The first parent, when the branch does not exist yet or should restart there. */
  readonly from?: string;
  /** A second parent: a merge commit. */
  readonly merge?: string;
  readonly message?: string;
  /** Files written (string) or deleted (null); plain names, no quoting. */
  readonly files?: Readonly<Record<string, string | null>>;
}

/** A run of `count` empty commits on `branch`. */
export const emptyRun = (branch: string, count: number): NewCommit[] =>
  Array.from({ length: count }, (_, i) => ({ branch, message: `${branch} ${i + 1}` }));

/** Adds the commits in order; returns their shas. */
export function addCommits(repo: GitFixture, commits: readonly NewCommit[]): string[] {
  const dates = git(repo.origin, 'log', '--all', '--format=%ct').split('\n').map(Number);
  const start = Math.max(...dates) + 1;
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  // fast-import starts a branch it has not seen at a root commit, unless told where it is.
  const seen = new Set<string>();
  const tipOf = (branch: string) => {
    if (seen.has(branch)) return undefined;
    seen.add(branch);
    return git(repo.origin, 'for-each-ref', '--format=%(objectname)', `refs/heads/${branch}`);
  };
  let stream = '';
  commits.forEach((commit, i) => {
    const from = commit.from ?? tipOf(commit.branch);
    seen.add(commit.branch);
    stream += `commit refs/heads/${commit.branch}\nmark :${i + 1}\n`;
    stream += `committer Test <test@example.com> ${start + i} +0000\n`;
    stream += data(commit.message ?? `commit ${i + 1}`);
    if (from) stream += `from ${from}\n`;
    if (commit.merge !== undefined) stream += `merge ${commit.merge}\n`;
    for (const [path, content] of Object.entries(commit.files ?? {})) {
      stream += content === null ? `D ${path}\n` : `M 100644 inline ${path}\n${data(content)}`;
    }
    stream += '\n';
  });
  const scratch = mkdtempSync(join(tmpdir(), 'lanekit-marks-'));
  try {
    const marks = join(scratch, 'marks');
    execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marks}`], {
      cwd: repo.origin,
      input: stream,
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    const shas = new Map(
      readFileSync(marks, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(' ') as [string, string]),
    );
    return commits.map((_, i) => shas.get(`:${i + 1}`)!);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
