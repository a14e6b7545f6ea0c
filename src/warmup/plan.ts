import { ConfigurationError } from '../runner/errors.ts';
import type { Logger } from '../runner/logger.ts';
import { cacheKey, keyFamily, platformOf } from './cache-key.ts';
import { cachePaths, resolveCacheRoot } from './cache-paths.ts';
import { findLockfiles } from './lockfiles.ts';
import type { Preset } from './presets.ts';
import type { WarmupPlan } from './warmup.ts';

export interface PlanSettings {
  readonly preset: Preset;
  readonly prefix: string;
  readonly workspace: string;
  readonly env: NodeJS.ProcessEnv;
}

/** Finds the lockfiles and the cache directories, and computes the key, as every job of the lane does. */
export async function planWarmup(settings: PlanSettings, log: Logger): Promise<WarmupPlan> {
  const { preset, workspace, env } = settings;
  const lockfiles = await findLockfiles(workspace, preset.keyFiles, preset.manifest, log);
  if (lockfiles.length === 0) {
    const input = preset.name === 'custom' ? 'key-files' : 'ecosystem';
    const value = preset.name === 'custom' ? preset.keyFiles.join(', ') : preset.name;
    throw new ConfigurationError(
      `${input}: got '${value}', but no ${preset.keyFiles.join(' or ')} was found in the workspace ${workspace} (.git, target and node_modules are skipped); check the repository out before this step, or pick the ecosystem it uses`,
    );
  }
  const root = preset.root && (await resolveCacheRoot(preset.root, env, workspace));
  const { os, arch } = platformOf(env);
  const parts = { prefix: settings.prefix, ecosystem: preset.name, os, arch };
  return {
    preset,
    key: await cacheKey({ ...parts, presetVersion: preset.version, lockfiles }),
    family: keyFamily(parts),
    root,
    paths: cachePaths(preset, root, env, workspace),
    lockfiles,
    workspace,
    env,
  };
}
