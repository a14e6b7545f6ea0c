/**
 * A lane's jobs for registry-warmup tests: each job gets its own home and workspace, side by
 * side as on a runner, a checkout of the same project, and the cache service's env for its
 * token. The project is a small "package manager" of node scripts (the custom preset), so a
 * test counts its fetches in a log file shared by all jobs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CacheJobRef, CacheService } from '../../src/rehearsal/cache-service.ts';
import type { RunResult } from '../../src/rehearsal/runner.ts';
import { runAction } from '../../src/rehearsal/runner.ts';

/** Fills ~/.deps-cache with one file per line of deps.lock, unless told to stay offline. */
const FETCH = `
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
if (process.env.DEPS_OFFLINE) { console.error('offline: cannot fetch'); process.exit(1); }
// FETCH_BARRIER=<file>:<n>: wait until n jobs are fetching, so that none has saved yet.
if (process.env.FETCH_BARRIER) {
  const [file, n] = process.env.FETCH_BARRIER.split(':');
  appendFileSync(file, 'x');
  const until = Date.now() + 60000;
  while (readFileSync(file, 'utf8').length < Number(n) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const store = join(process.env.HOME, '.deps-cache');
mkdirSync(store, { recursive: true });
for (const dep of readFileSync('deps.lock', 'utf8').split('\\n').filter(Boolean)) {
  writeFileSync(join(store, dep), 'content of ' + dep + '\\n'.repeat(1000));
  console.log('Downloaded ' + dep);
}
appendFileSync(process.env.FETCH_LOG, process.cwd() + '\\n');
`;

/** Passes only when every dependency is in the store, intact, and the network is off. */
const VERIFY = `
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
if (!process.env.DEPS_OFFLINE) { console.error('verify must run offline'); process.exit(2); }
const store = join(process.env.HOME, '.deps-cache');
for (const dep of readFileSync('deps.lock', 'utf8').split('\\n').filter(Boolean)) {
  const file = join(store, dep);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== 'content of ' + dep + '\\n'.repeat(1000)) {
    console.error('missing or damaged: ' + dep);
    process.exit(1);
  }
}
console.log('all dependencies present offline');
`;

export const CUSTOM_INPUTS = {
  ecosystem: 'custom',
  paths: '~/.deps-cache',
  'key-files': 'deps.lock',
  fetch: JSON.stringify([process.execPath, 'fetch.mjs']),
  verify: JSON.stringify([process.execPath, 'verify.mjs']),
  'offline-env': 'DEPS_OFFLINE=1',
};

export class Lane {
  readonly root = mkdtempSync(join(tmpdir(), 'lanekit-warmup-lane-'));
  readonly fetchLog = join(this.root, 'fetches.log');
  readonly service: CacheService;
  #jobs = 0;

  constructor(service: CacheService) {
    this.service = service;
    writeFileSync(this.fetchLog, '');
  }

  /** How many times a job ran the fetch command. */
  get fetches(): number {
    return readFileSync(this.fetchLog, 'utf8').split('\n').filter(Boolean).length;
  }

  /** A fresh job (home, workspace) whose checkout locks `deps`; `home` is under the job's folder. */
  job(deps: readonly string[], homeDir = 'home'): { home: string; workspace: string } {
    const dir = join(this.root, `job-${++this.#jobs}`);
    const home = join(dir, homeDir);
    const workspace = join(dir, 'workspace');
    mkdirSync(home, { recursive: true });
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'fetch.mjs'), FETCH);
    writeFileSync(join(workspace, 'verify.mjs'), VERIFY);
    writeFileSync(join(workspace, 'deps.lock'), deps.map((d) => `${d}\n`).join(''));
    return { home, workspace };
  }

  /** Runs the action in a fresh job of the lane. */
  async run(
    inputs: Readonly<Record<string, string>>,
    options: {
      deps?: readonly string[];
      ref?: CacheJobRef;
      env?: Record<string, string>;
      homeDir?: string;
    } = {},
  ): Promise<RunResult> {
    const { home, workspace } = this.job(options.deps ?? ['alpha', 'beta'], options.homeDir);
    return runAction('registry-warmup', {
      inputs: { ...CUSTOM_INPUTS, ...inputs },
      workspace,
      env: {
        HOME: home,
        FETCH_LOG: this.fetchLog,
        ...this.service.env(options.ref ?? {}),
        ...options.env,
      },
      timeoutMs: 180_000,
    });
  }

  close(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A line for a failing assertion: what the step printed. */
export const shownRun = (result: RunResult): string => `${result.stdout}\n${result.stderr}`;
