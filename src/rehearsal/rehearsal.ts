/**
 * `lanekit rehearse`: a workflow's lanekit steps run here as GitHub would run them, on a sample
 * repository with a history, against local services that speak GitHub's wire formats: the REST
 * API (this run's jobs, their logs, the workflow file, the runs listing), the Results API's cache
 * and artifact services (Twirp) over Azurite's blob store, and a loopback Cargo registry.
 *
 * Two runs: the default branch's push run first (the baseline: its warm-up populates the cache
 * from the registry), then the feature branch dispatched on the lanes asked for, whose lockfile
 * has a new dependency, so each lane's warm-up populates its new key once and every fan-out job
 * restores that key and runs offline. lanekit's own steps run, and `run:` steps when asked; other
 * actions are not run and count as succeeded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ConfigurationError } from '../runner/errors.ts';
import { ArtifactService } from './artifact-service.ts';
import { Azurite } from './azurite.ts';
import { CacheService } from './cache-service.ts';
import type { CargoRegistry } from './cargo-registry.ts';
import { findCargo, pathWithCargo } from './cargo-project.ts';
import { GitHubApiServer } from './github-api.ts';
import { ROOT } from './runner.ts';
import type { GeneratedAttempt } from './run-bodies.ts';
import { buildSampleRepository, startSampleRegistry } from './sample-repository.ts';
import type { SampleRepository } from './sample-repository.ts';
import { TwirpServer } from './twirp.ts';
import type { WorkflowSimulation } from './workflow-run.ts';
import { simulateWorkflow } from './workflow-run.ts';

export interface RehearsalOptions {
  readonly workflowFile: string;
  /** The `lanes` dispatch input of the feature run: github, velnor or both. */
  readonly lanes: string;
  /** Also runs `run:` steps, in bash as the runner does (the tools they call must be here). */
  readonly runSteps: boolean;
  /** One line per finished job, as the run goes. */
  readonly progress: (line: string) => void;
}

/** One run of the rehearsal, as the page and --json show it. */
export interface RehearsedRun {
  readonly title: string;
  readonly event: string;
  readonly branch: string;
  readonly simulation: WorkflowSimulation;
}

export interface Rehearsal {
  readonly workflow: string;
  readonly runs: readonly RehearsedRun[];
  /** Cache entries saved, and restores served, over both runs. */
  readonly cache: { readonly saves: number; readonly restores: number };
  /** Where the rehearsal's own time went, in order. */
  readonly phases: readonly Phase[];
}

export interface Phase {
  readonly name: string;
  readonly ms: number;
}

const FEATURE_RUN_ID = 7002;
const BASELINE_RUN_ID = 7001;

/** The blob store's package: a devDependency, so present in a checkout after `npm ci`. */
function requireAzurite(): void {
  try {
    createRequire(join(ROOT, 'package.json')).resolve('azurite/package.json');
  } catch {
    throw new ConfigurationError(
      "lanekit rehearse needs Azurite (the blob store behind the local cache and artifact services), which is not installed; run 'npm ci' in the lanekit checkout, or 'npm install --no-save azurite'",
    );
  }
}

function requireCargo(): void {
  try {
    findCargo();
  } catch (error) {
    throw new ConfigurationError(
      `lanekit rehearse runs the warm-up's real cargo fetch: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Every running part: stopped together, also when starting one of them failed. */
class Services {
  readonly #closers: (() => Promise<void>)[] = [];

  async add<T extends { close(): Promise<void> }>(part: Promise<T>): Promise<T> {
    const started = await part;
    this.#closers.push(() => started.close());
    return started;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.#closers.map((close) => close()));
  }
}

export async function rehearse(options: RehearsalOptions): Promise<Rehearsal> {
  requireAzurite();
  requireCargo();
  const scratch = mkdtempSync(join(tmpdir(), 'lanekit-rehearsal-'));
  const services = new Services();
  let sample: SampleRepository | undefined;
  const phases: Phase[] = [];
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases.push({ name, ms: Math.round(now - mark) });
    mark = now;
  };
  try {
    const azurite = await services.add(Azurite.start());
    const twirp = await services.add(TwirpServer.start());
    const [cache, artifacts, api, registry] = await Promise.all([
      services.add(CacheService.start({ azurite, twirp })),
      services.add(ArtifactService.start({ azurite, twirp })),
      services.add(GitHubApiServer.start()),
      services.add(startSampleRegistry(join(scratch, 'crates'))),
    ]);
    phase('services: Azurite, Twirp, REST API, Cargo registry');
    sample = await buildSampleRepository(registry, scratch);
    phase('sample repository: history, cargo and npm lockfiles');
    const local = { cache, artifacts, api, registry, sample, scratch };

    options.progress(`baseline: push to main (${sample.mainSha.slice(0, 7)})`);
    const baseline = await runOnce(local, options, {
      runId: BASELINE_RUN_ID,
      branch: 'main',
      sha: sample.mainSha,
      event: { name: 'push', payload: pushPayload(sample.mainSha) },
    });
    phase('baseline run');
    options.progress(
      `feature: workflow_dispatch on ${sample.featureBranch} with lanes=${options.lanes}`,
    );
    const feature = await runOnce(local, options, {
      runId: FEATURE_RUN_ID,
      branch: sample.featureBranch,
      sha: sample.featureSha,
      event: {
        name: 'workflow_dispatch',
        payload: dispatchPayload(sample.featureBranch, options.lanes),
      },
      ...(baseline.attempt ? { baseline: baseline.attempt } : {}),
    });
    phase('feature run');
    return {
      workflow: basename(options.workflowFile),
      runs: [
        { title: 'Baseline: push to main', event: 'push', branch: 'main', simulation: baseline },
        {
          title: `Feature branch, lanes: ${options.lanes}`,
          event: 'workflow_dispatch',
          branch: sample.featureBranch,
          simulation: feature,
        },
      ],
      cache: { saves: cache.uploads, restores: cache.downloads },
      phases,
    };
  } finally {
    sample?.repo.cleanup();
    await services.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface LocalParts {
  readonly cache: CacheService;
  readonly artifacts: ArtifactService;
  readonly api: GitHubApiServer;
  readonly registry: CargoRegistry;
  readonly sample: SampleRepository;
  readonly scratch: string;
}

interface RunSpec {
  readonly runId: number;
  readonly branch: string;
  readonly sha: string;
  readonly event: { readonly name: string; readonly payload: unknown };
  readonly baseline?: GeneratedAttempt;
}

/** One run; every leg is a fresh runner (CargoRegistry.freshHome). */
async function runOnce(
  local: LocalParts,
  options: RehearsalOptions,
  run: RunSpec,
): Promise<WorkflowSimulation> {
  const home = join(local.scratch, 'home');
  const ref = `refs/heads/${run.branch}`;
  let reported = 0;
  const simulation = await simulateWorkflow({
    workflowFile: options.workflowFile,
    workspace: local.sample.repo.clone({ ref: run.sha, name: `run-${run.runId}` }),
    event: run.event,
    api: local.api,
    runSteps: options.runSteps,
    runId: run.runId,
    headBranch: run.branch,
    headSha: run.sha,
    ...(run.baseline ? { baseline: run.baseline } : {}),
    cacheUsage: () => {
      const entries = local.cache.entries();
      return { bytes: entries.reduce((sum, e) => sum + e.sizeBytes, 0), count: entries.length };
    },
    legEnv: (job, _matrix, index) => {
      local.registry.freshHome(home);
      const jobRef = { run: String(run.runId), job: `${job}-${index}`, ref };
      return {
        HOME: home,
        PATH: pathWithCargo(),
        CARGO_TERM_COLOR: 'never',
        npm_config_update_notifier: 'false',
        ...local.artifacts.env(jobRef),
        // The cache token also carries the run's backend ids, which the artifact service reads.
        ...local.cache.env(jobRef),
      };
    },
    onJob: (job) => {
      reported += 1;
      const legs = job.legs.length > 1 ? ` (${job.legs.length} legs)` : '';
      options.progress(`  ${String(reported).padStart(2)} ${job.id}: ${job.result}${legs}`);
    },
  });
  return simulation;
}

function pushPayload(sha: string) {
  return {
    ref: 'refs/heads/main',
    before: '0'.repeat(40),
    after: sha,
    repository: { full_name: 'octo-org/octo-repo', default_branch: 'main' },
    head_commit: { id: sha, message: 'Docs' },
  };
}

function dispatchPayload(branch: string, lanes: string) {
  return {
    inputs: { lanes },
    ref: `refs/heads/${branch}`,
    repository: { full_name: 'octo-org/octo-repo', default_branch: 'main' },
  };
}
