import { join } from 'node:path';
import { errorMessage } from '../common/error-message.ts';
import { wildcard } from '../common/wildcard.ts';
import { downloadRunArtifact, listRunArtifacts } from '../github/artifacts.ts';
import type { Logger } from '../runner/logger.ts';
import type { CompiledRules } from './compiled-rules.ts';
import { displayPath, expandLogPaths } from './file-source.ts';
import type { ScannedSource } from './report.ts';
import { scanFiles } from './scan-logs.ts';

/**
 * Scans the job-log artifacts of this run (self-hosted lanes upload their own job logs): the
 * latest artifact of each name that matches a pattern is downloaded through the Actions
 * artifact service and every file in it is scanned. Each file is named `<artifact>/<path>`.
 */
export async function scanLogArtifacts(options: {
  patterns: readonly string[];
  into: string;
  compiled: CompiledRules;
  samples: number;
  laneOf: (artifactName: string) => string | undefined;
  log: Logger;
}): Promise<ScannedSource[]> {
  const patterns = options.patterns.map(wildcard);
  let artifacts;
  try {
    artifacts = await listRunArtifacts();
  } catch (error) {
    return [{ name: 'job-log artifacts', kind: 'artifact', error: errorMessage(error) }];
  }
  const wanted = artifacts
    .filter((artifact) => patterns.some((pattern) => pattern.test(artifact.name)))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (wanted.length === 0) {
    options.log.info(`no artifact of this run matched ${options.patterns.join(', ')}`);
  }
  const scanned: ScannedSource[] = [];
  for (const artifact of wanted) {
    const lane = options.laneOf(artifact.name);
    const labels = { kind: 'artifact' as const, ...(lane === undefined ? {} : { lane }) };
    const path = join(options.into, String(artifact.id));
    try {
      await downloadRunArtifact(artifact, path);
    } catch (error) {
      scanned.push({ name: artifact.name, ...labels, error: errorMessage(error) });
      continue;
    }
    const { files } = await expandLogPaths([path], path);
    scanned.push(
      ...(await scanFiles(
        files.map((file) => ({
          path: file,
          name: `${artifact.name}/${displayPath(file, path)}`,
          ...labels,
        })),
        options.compiled,
        options.samples,
      )),
    );
  }
  return scanned;
}
