import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../runner/logger.ts';
import type { RecordOrigin } from './record-artifacts.ts';
import { jobLabel } from './record-artifacts.ts';
import type { GatheredRecord } from './record-file.ts';
import { MalformedRecords, readRecordFile, recordFileOf } from './record-file.ts';

/** This job's origin: its id, the leg it was given, the run attempt. */
export const originOf = (env: NodeJS.ProcessEnv, leg: string): RecordOrigin => ({
  job: env.GITHUB_JOB ?? 'job',
  leg,
  attempt: Number(env.GITHUB_RUN_ATTEMPT ?? '1') || 1,
});

/** A folder of its own under RUNNER_TEMP, for an artifact's files. */
export const scratchDir = (env: NodeJS.ProcessEnv, what: string): Promise<string> =>
  mkdtemp(join(env.RUNNER_TEMP ?? tmpdir(), `lanekit-budget-${what}-`));

/**
 * The records the check counts: this job's file, and with `runRecords` every record artifact
 * of the run. Each malformed line is logged before the check fails on the first.
 */
export async function gatherRecords(options: {
  env: NodeJS.ProcessEnv;
  leg: string;
  runRecords: boolean;
  log: Logger;
}): Promise<GatheredRecord[]> {
  const { env, log } = options;
  const origin = originOf(env, options.leg);
  const file = recordFileOf(env);
  try {
    const records = readRecordFile(file, file, jobLabel(origin));
    log.info(`${file}: ${records.length} record${records.length === 1 ? '' : 's'} of this job`);
    if (options.runRecords) {
      const { gatherRunRecords } = await import('./record-artifacts.ts');
      const into = await scratchDir(env, 'download');
      records.push(...(await gatherRunRecords({ into, own: origin, log })));
    }
    return records;
  } catch (error) {
    if (error instanceof MalformedRecords)
      for (const problem of error.problems) log.warning(problem);
    throw error;
  }
}
