/**
 * A job's records travel to the check job as an artifact of the run: `records.jsonl` (the job's
 * file as it was) and `origin.json` (job, leg, run attempt), named
 * `lanekit-budget-<job>[-<leg>]-attempt-<n>`. The check reads every such artifact of the run,
 * keeping per job and leg the latest attempt, since a re-run job deploys again.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../common/error-message.ts';
import { shown } from '../common/shown.ts';
import { downloadRunArtifact, listRunArtifacts, uploadRunArtifact } from '../github/artifacts.ts';
import { CheckFailed, ServiceError } from '../runner/errors.ts';
import type { Logger } from '../runner/logger.ts';
import type { GatheredRecord } from './record-file.ts';
import { parseRecordFile } from './record-file.ts';

export const RECORD_ARTIFACT_PREFIX = 'lanekit-budget-';
const RECORDS = 'records.jsonl';
const ORIGIN = 'origin.json';
/** Records serve the run's own check; a day leaves time to look at a failed one. */
const RETENTION_DAYS = 1;
const PART_LIMIT = 60;

/** Which job of the run wrote a record file. */
export interface RecordOrigin {
  /** GITHUB_JOB: the job's id in the workflow. */
  readonly job: string;
  /** Tells the legs of a matrix job apart; empty outside a matrix. */
  readonly leg: string;
  readonly attempt: number;
}

/** How a record's job is shown: `deploy-tests (lasuite-docs)`. */
export const jobLabel = ({ job, leg }: Pick<RecordOrigin, 'job' | 'leg'>) =>
  leg === '' ? job : `${job} (${leg})`;

/**
 * A part of an artifact name from any text: characters outside `A-Za-z0-9._-` (the artifact
 * service refuses `" : < > | * ? \ /` and line breaks) become `_`, long text is cut, and a
 * changed part gets a hash of the original, so two different legs never share a name.
 */
function namePart(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9._-]/g, '_');
  if (safe === text && text.length <= PART_LIMIT) return text;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 10);
  return `${safe.slice(0, PART_LIMIT)}-${hash}`;
}

export function recordArtifactName({ job, leg, attempt }: RecordOrigin): string {
  return `${RECORD_ARTIFACT_PREFIX}${namePart(job)}${leg === '' ? '' : `-${namePart(leg)}`}-attempt-${attempt}`;
}

/**
 * Uploads this job's record file (checked first: a corrupt record fails the job that wrote it).
 * `staging` is an empty folder for the artifact's files.
 */
export async function uploadRecords(
  file: string,
  origin: RecordOrigin,
  staging: string,
): Promise<{ name: string; records: number }> {
  const label = jobLabel(origin);
  mkdirSync(staging, { recursive: true });
  const records = join(staging, RECORDS);
  if (existsSync(file)) copyFileSync(file, records);
  else writeFileSync(records, '');
  const count = parseRecordFile(readFileSync(records), file, label).length;
  writeFileSync(join(staging, ORIGIN), JSON.stringify(origin));
  const name = recordArtifactName(origin);
  try {
    await uploadRunArtifact(name, [records, join(staging, ORIGIN)], staging, RETENTION_DAYS);
  } catch (error) {
    if (error instanceof ServiceError && error.message.includes('(409) Conflict')) {
      throw new ServiceError(
        `${error.message}; the legs of a matrix job each need their own leg input, e.g. \${{ strategy.job-index }}`,
      );
    }
    throw error;
  }
  return { name, records: count };
}

function readOrigin(path: string, artifact: string): RecordOrigin {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new CheckFailed(`artifact ${artifact} holds no readable ${ORIGIN}`);
  }
  const { job, leg, attempt } = (value ?? {}) as Partial<Record<keyof RecordOrigin, unknown>>;
  if (typeof job !== 'string' || typeof leg !== 'string' || !Number.isSafeInteger(attempt)) {
    throw new CheckFailed(
      `artifact ${artifact}: ${ORIGIN} is ${shown(value)}, not a record origin`,
    );
  }
  return { job, leg, attempt: attempt as number };
}

/**
 * The records of every record artifact of this run but `own` (this job's, whose local file is
 * newer), downloaded into `into`. A record artifact that cannot be read fails the check: a
 * budget cannot be proven without it.
 */
export async function gatherRunRecords(options: {
  into: string;
  own: RecordOrigin;
  log: Logger;
}): Promise<GatheredRecord[]> {
  const artifacts = (await listRunArtifacts())
    .filter((artifact) => artifact.name.startsWith(RECORD_ARTIFACT_PREFIX))
    .sort((a, b) => a.name.localeCompare(b.name));
  const latest = new Map<string, { origin: RecordOrigin; name: string; path: string }>();
  for (const artifact of artifacts) {
    const path = join(options.into, String(artifact.id));
    try {
      await downloadRunArtifact(artifact, path);
    } catch (error) {
      throw new ServiceError(`record artifact ${artifact.name}: ${errorMessage(error)}`);
    }
    const origin = readOrigin(join(path, ORIGIN), artifact.name);
    const key = JSON.stringify([origin.job, origin.leg]);
    const seen = latest.get(key);
    if (seen !== undefined && seen.origin.attempt >= origin.attempt) continue;
    latest.set(key, { origin, name: artifact.name, path });
  }
  const ownKey = JSON.stringify([options.own.job, options.own.leg]);
  const records: GatheredRecord[] = [];
  for (const [key, { origin, name, path }] of latest) {
    if (key === ownKey) {
      options.log.info(`${name}: this job's own records, read from its record file instead`);
      continue;
    }
    const file = join(path, RECORDS);
    if (!existsSync(file)) throw new CheckFailed(`artifact ${name} holds no ${RECORDS}`);
    const found = parseRecordFile(readFileSync(file), `${name}/${RECORDS}`, jobLabel(origin));
    options.log.info(`${name}: ${found.length} record${found.length === 1 ? '' : 's'}`);
    records.push(...found);
  }
  return records;
}
