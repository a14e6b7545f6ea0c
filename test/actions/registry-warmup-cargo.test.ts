// registry-warmup with real cargo, end to end: the warm-up job's `cargo fetch --locked` really
// downloads from a loopback sparse registry (crates packed from Debian's sources), the real
// @actions/cache saves the cache to the local CacheService, and a fresh job with a fresh HOME
// restores it and runs offline: `cargo fetch --locked --offline` passes, the registry sees no
// request, and marker-scanner finds no download or index-update marker in that job's log.

import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MarkersReport } from '../../src/markers/report.ts';
import { CacheService } from '../../src/rehearsal/cache-service.ts';
import { CargoRegistry, downloadedCrates } from '../../src/rehearsal/cargo-registry.ts';
import type { RegistryRequest } from '../../src/rehearsal/cargo-registry.ts';
import {
  findCargo,
  generateLockfile,
  pathWithCargo,
  runCargo,
  writeCargoHome,
  writeCargoProject,
} from '../../src/rehearsal/cargo-project.ts';
import type { CargoRun } from '../../src/rehearsal/cargo-project.ts';
import { runAction } from '../../src/rehearsal/runner.ts';
import type { RunResult } from '../../src/rehearsal/runner.ts';

const STEP_TIMEOUT_MS = 180_000;

let registry: CargoRegistry;
let service: CacheService;

before(async () => {
  // No cargo is a failure that says how to install it, never a skip.
  findCargo();
  [registry, service] = await Promise.all([CargoRegistry.start(), CacheService.start()]);
});
after(() => Promise.all([registry.close(), service.close()]));

async function tempDir(t: TestContext, what: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `lanekit-warmup-cargo-${what}-`));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Where a job runs. On GitHub every job of a lane gets a fresh machine with the same layout
 * (/home/runner, /home/runner/work/<repo>/<repo>), and @actions/cache archives paths relative
 * to the workspace, so they restore to the same absolute places: a fresh job here is the same
 * two directories, wiped and made again.
 */
interface Machine {
  readonly home: string;
  readonly workspace: string;
}

/** A job: a fresh HOME, whose ~/.cargo knows only the registry's address, and a checkout. */
interface Job {
  readonly name: string;
  readonly workspace: string;
  readonly cargoHome: string;
  readonly env: Record<string, string>;
  /** What the job printed, step by step, as its log shows it. */
  readonly log: string[];
}

async function machine(t: TestContext): Promise<Machine> {
  const root = await tempDir(t, 'runner');
  return { home: join(root, 'home'), workspace: join(root, 'work', 'project') };
}

/** A job on a fresh `machine`: nothing of an earlier job is left, the project checked out. */
async function freshJob(on: Machine, name: string, project: string): Promise<Job> {
  await Promise.all(
    [on.home, on.workspace].map((dir) => rm(dir, { recursive: true, force: true })),
  );
  const cargoHome = join(on.home, '.cargo');
  await writeCargoHome(cargoHome, registry);
  await mkdir(on.workspace, { recursive: true });
  await cp(project, on.workspace, {
    recursive: true,
    filter: (source) => !source.split('/').includes('target'),
  });
  const env = {
    ...service.env({ job: name }),
    HOME: on.home,
    PATH: pathWithCargo(),
    CARGO_TERM_COLOR: 'never',
  };
  return { name, workspace: on.workspace, cargoHome, env, log: [] };
}

/** The project with its two lockfiles, locked against the registry. */
async function lockedProject(t: TestContext): Promise<string> {
  const dir = await tempDir(t, 'project');
  await writeCargoHome(join(dir, 'cargo-home'), registry);
  await writeCargoProject(join(dir, 'project'), join(dir, 'cargo-home'));
  return join(dir, 'project');
}

function logStep(job: Job, title: string, output: string): void {
  job.log.push(`##[group]Run ${title}\n${output.trimEnd()}\n##[endgroup]\n`);
}

/** The action in `mode`; each test keys its entries with its own `prefix`. */
async function warmup(job: Job, mode: 'warm' | 'restore', prefix: string): Promise<RunResult> {
  const result = await runAction('registry-warmup', {
    inputs: { mode, ecosystem: 'cargo', lane: 'linux', prefix },
    workspace: job.workspace,
    env: job.env,
    timeoutMs: STEP_TIMEOUT_MS,
  });
  logStep(job, `lanekit/registry-warmup (${mode})`, result.stdout + result.stderr);
  return result;
}

/** A later `run:` step of the job: cargo with the env the job has, GITHUB_ENV exports included. */
async function cargoStep(
  job: Job,
  cwd: string,
  args: readonly string[],
  exported: Readonly<Record<string, string>> = {},
): Promise<CargoRun> {
  const run = await runCargo(args, {
    cwd,
    cargoHome: job.cargoHome,
    env: { ...job.env, ...exported },
  });
  logStep(job, `cargo ${args.join(' ')}`, run.stdout + run.stderr);
  return run;
}

/** The requests the registry served while `action` ran. */
async function registryRequestsDuring(action: () => Promise<unknown>): Promise<RegistryRequest[]> {
  const first = registry.requests.length;
  await action();
  return registry.requests.slice(first);
}

/** marker-scanner (the action, from its bundle) over the jobs' logs, cargo rules only. */
async function scanLogs(
  t: TestContext,
  jobs: readonly Job[],
): Promise<Map<string, MarkersReport['sources'][number]>> {
  const workspace = await tempDir(t, 'logs');
  await mkdir(join(workspace, 'logs'));
  for (const job of jobs)
    await writeFile(join(workspace, 'logs', `${job.name}.log`), job.log.join(''));
  const result = await runAction('marker-scanner', {
    inputs: { logs: 'logs', jobs: 'false', packs: 'cargo' },
    workspace,
  });
  assert.equal(result.exitCode, 0, result.stdout);
  const report = JSON.parse(result.outputs.markers ?? '') as MarkersReport;
  return new Map(
    report.sources.map((source) => [source.name.replace(/^logs\/|\.log$/g, ''), source]),
  );
}

const ruleCounts = (source: MarkersReport['sources'][number] | undefined) =>
  Object.fromEntries(Object.entries(source?.rules ?? {}).map(([id, rule]) => [id, rule.count]));

describe('registry-warmup, cargo preset, end to end', () => {
  test('a warm-up downloads and saves; a fresh job restores it and runs offline without a download', async (t) => {
    const project = await lockedProject(t);
    const runner = await machine(t);
    const warmJob = await freshJob(runner, 'warm', project);
    const { uploads, downloads } = service;

    let warmed: RunResult | undefined;
    const online = await registryRequestsDuring(async () => {
      warmed = await warmup(warmJob, 'warm', 'e2e');
    });
    assert.equal(warmed?.exitCode, 0, `${warmed?.stdout ?? ''}${warmed?.stderr ?? ''}`);
    assert.equal(warmed.outputs.populated, 'true');
    assert.equal(warmed.outputs['cache-hit'], 'false');
    assert.equal(warmed.outputs.verified, 'true');
    assert.match(warmed.outputs.key ?? '', /^e2e-cargo-/);
    assert.deepEqual(
      downloadedCrates(online).sort(),
      registry.crates.map((crate) => `${crate.name}@${crate.version}`).sort(),
      'each crate of both lockfiles is downloaded once',
    );
    assert.equal(service.uploads, uploads + 1);
    assert.deepEqual(
      service
        .entries()
        .filter((entry) => entry.key.startsWith('e2e-'))
        .map((entry) => entry.key),
      [warmed.outputs.key],
    );

    const restoreJob = await freshJob(runner, 'restore', project);
    const { workspace } = restoreJob;
    const offline = await registryRequestsDuring(async () => {
      const restored = await warmup(restoreJob, 'restore', 'e2e');
      assert.equal(restored.exitCode, 0, restored.stdout);
      assert.equal(restored.outputs['cache-hit'], 'true');
      assert.equal(restored.outputs.key, warmed?.outputs.key);
      assert.equal(restored.outputs.populated, 'false');
      assert.deepEqual(restored.exportedEnv, { CARGO_NET_OFFLINE: 'true' });
      for (const dir of [workspace, join(workspace, 'fuzz')]) {
        const fetch = await cargoStep(restoreJob, dir, ['fetch', '--locked', '--offline']);
        assert.equal(fetch.status, 0, fetch.stderr);
      }
      // A build step after it, offline through the exported variable alone.
      const check = await cargoStep(
        restoreJob,
        workspace,
        ['check', '--locked'],
        restored.exportedEnv,
      );
      assert.equal(check.status, 0, check.stderr);
    });
    assert.deepEqual(offline, [], 'the restore job never reaches the registry');
    assert.equal(service.downloads, downloads + 1);

    const logs = await scanLogs(t, [warmJob, restoreJob]);
    const warmRules = ruleCounts(logs.get('warm'));
    assert.equal(warmRules['cargo/index-update'], 2, 'one index update per lockfile');
    assert.equal(warmRules['cargo/downloading'], 2);
    assert.equal(warmRules['cargo/downloaded'], registry.crates.length);
    const restoreRules = ruleCounts(logs.get('restore'));
    for (const rule of [
      'cargo/index-update',
      'cargo/downloading',
      'cargo/downloaded',
      'cargo/offline-failure',
    ]) {
      assert.equal(restoreRules[rule], undefined, `${rule} in the restore job's log`);
    }
    // The log is evidence, not silence: cargo printed what the rules read (the build).
    assert.equal(logs.get('restore')?.verdict, 'markers');
    assert.ok((restoreRules['cargo/compile-third-party'] ?? 0) > 0);
  });

  test('a changed nested fuzz/Cargo.lock is a new key, warmed from the nearest entry', async (t) => {
    const project = await lockedProject(t);
    const runner = await machine(t);
    const before = await warmup(await freshJob(runner, 'fuzz-before', project), 'warm', 'fuzz');
    assert.equal(before.exitCode, 0, before.stdout);
    assert.equal(before.outputs.populated, 'true');

    // fuzz/ gains a dependency the root already has: its lockfile changes, the root's does not.
    const rootLock = await readFile(join(project, 'Cargo.lock'), 'utf8');
    const fuzzLock = await readFile(join(project, 'fuzz', 'Cargo.lock'), 'utf8');
    const manifest = join(project, 'fuzz', 'Cargo.toml');
    await writeFile(
      manifest,
      (await readFile(manifest, 'utf8')).replace(
        '[dependencies]\n',
        '[dependencies]\nitoa = "1"\n',
      ),
    );
    const lockHome = await tempDir(t, 'relock-home');
    await writeCargoHome(lockHome, registry);
    await generateLockfile(project, 'fuzz/Cargo.toml', lockHome);
    assert.equal(await readFile(join(project, 'Cargo.lock'), 'utf8'), rootLock);
    assert.notEqual(await readFile(join(project, 'fuzz', 'Cargo.lock'), 'utf8'), fuzzLock);

    const second = await freshJob(runner, 'fuzz-after', project);
    let after: RunResult | undefined;
    const requests = await registryRequestsDuring(async () => {
      after = await warmup(second, 'warm', 'fuzz');
    });
    assert.equal(after?.exitCode, 0, after?.stdout);
    assert.notEqual(after.outputs.key, before.outputs.key);
    assert.equal(after.outputs['matched-key'], before.outputs.key);
    assert.equal(after.outputs.populated, 'true');
    assert.deepEqual(downloadedCrates(requests), [], 'every crate came from the nearest entry');
  });
});
