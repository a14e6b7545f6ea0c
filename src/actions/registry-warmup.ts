import type { ActionContext } from '../runner/action-context.ts';
import { workspaceOf } from '../runner/config-input.ts';
import { ConfigurationError } from '../runner/errors.ts';
import { actionsCache } from '../warmup/cache-client.ts';
import { checkCachePrefix, DEFAULT_CACHE_PREFIX } from '../warmup/cache-prefix.ts';
import { cacheVersion, compressionMethod } from '../warmup/cache-key.ts';
import { customPreset } from '../warmup/custom-preset.ts';
import type { CustomInputs } from '../warmup/custom-preset.ts';
import { diskUsage } from '../warmup/disk-usage.ts';
import { planWarmup } from '../warmup/plan.ts';
import type { Ecosystem, Preset } from '../warmup/presets.ts';
import { ECOSYSTEMS, PRESETS } from '../warmup/presets.ts';
import type { OnMiss } from '../warmup/warmup.ts';
import { restore, warm } from '../warmup/warmup.ts';
import { warmupSummary } from '../warmup/warmup-summary.ts';

export interface RegistryWarmupInputs {
  readonly mode: 'warm' | 'restore';
  readonly ecosystem: Ecosystem;
  readonly prefix: string;
  readonly onMiss: OnMiss;
  readonly custom: CustomInputs;
  readonly lane: string | undefined;
  readonly summary: boolean;
}

export function getInputs({ inputs }: ActionContext): RegistryWarmupInputs {
  const prefix = checkCachePrefix(inputs.optional('prefix') ?? DEFAULT_CACHE_PREFIX);
  return {
    mode: inputs.choice('mode', ['warm', 'restore'], 'warm'),
    // Required: no ecosystem is a better guess than another.
    ecosystem: inputs.choice('ecosystem', ECOSYSTEMS, inputs.required('ecosystem') as Ecosystem),
    prefix,
    onMiss: inputs.choice('on-miss', ['fail', 'fetch', 'warn'], 'fail'),
    custom: {
      paths: inputs.list('paths'),
      keyFiles: inputs.list('key-files'),
      fetch: inputs.optional('fetch'),
      verify: inputs.optional('verify'),
      offlineEnv: inputs.list('offline-env'),
    },
    lane: inputs.optional('lane'),
    summary: inputs.boolean('summary', true),
  };
}

/** The preset the ecosystem names; the custom inputs belong to the custom ecosystem only. */
function presetOf({ ecosystem, custom }: RegistryWarmupInputs): Preset {
  if (ecosystem === 'custom') return customPreset(custom);
  const given = Object.entries({
    paths: custom.paths.length > 0,
    'key-files': custom.keyFiles.length > 0,
    fetch: custom.fetch !== undefined,
    verify: custom.verify !== undefined,
    'offline-env': custom.offlineEnv.length > 0,
  }).find(([, set]) => set);
  if (given) {
    throw new ConfigurationError(
      `${given[0]}: set for ecosystem '${ecosystem}', whose preset decides it; use ecosystem: custom to give your own`,
    );
  }
  return PRESETS[ecosystem];
}

export async function run(context: ActionContext): Promise<void> {
  const started = performance.now();
  const settings = getInputs(context);
  const preset = presetOf(settings);
  const { log } = context;
  const plan = await planWarmup(
    { preset, prefix: settings.prefix, workspace: workspaceOf(context.env), env: context.env },
    log,
  );
  log.info(`key ${plan.key}; lockfiles: ${plan.lockfiles.map((l) => l.name).join(', ')}`);
  const keys = plan.paths.map((p) => p.key);
  const method = await compressionMethod(context.env, plan.workspace);
  // A warm job and its fan-out jobs must agree on this, or no entry is ever found.
  log.info(`cache version ${cacheVersion(keys, method)} of ${keys.join(', ')} (${method})`);
  context.setOutput('key', plan.key);
  const cache = await actionsCache(context.env);
  const result =
    settings.mode === 'warm'
      ? await warm(plan, cache, log)
      : await restore(plan, cache, settings.onMiss, log);
  if (result.outcome === 'hit' || result.verified) {
    for (const [name, value] of Object.entries(preset.offlineEnv)) {
      context.exportVariable(name, value);
    }
  }
  const sizeBytes = await diskUsage(plan.paths.map((p) => p.path));
  const seconds = (performance.now() - started) / 1000;
  context.setOutput('cache-hit', String(result.outcome === 'hit'));
  context.setOutput('matched-key', result.matchedKey ?? '');
  context.setOutput('populated', String(result.populated));
  context.setOutput('verified', String(result.verified));
  context.setOutput('size-bytes', String(sizeBytes));
  context.setOutput('seconds', seconds.toFixed(1));
  log.info(`${settings.mode}: ${result.outcome} (${plan.key})`);
  if (settings.summary) {
    const { lane, ecosystem, mode } = settings;
    context.appendSummary(warmupSummary({ lane, ecosystem, mode, result, sizeBytes, seconds }));
  }
}
