/**
 * Real GitHub REST responses recorded from public repositories (runs and jobs with their
 * oddities: re-run attempts, jobs still running, empty steps, duplicate names; see the README
 * beside them). They live in test/fixtures/github-api; until they are copied there, the shared
 * fixtures folder beside the repository is read instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './runner.ts';

const CANDIDATES = [
  join(ROOT, 'test', 'fixtures', 'github-api'),
  join(ROOT, '..', 'shared', 'fixtures', 'github-api'),
];

export const RECORDED_API_DIR = CANDIDATES.find((dir) => existsSync(dir)) ?? CANDIDATES[0]!;

/** One recorded response body, parsed. */
export function recordedResponse(file: string): unknown {
  const path = join(RECORDED_API_DIR, file);
  if (!existsSync(path)) {
    throw new Error(`recorded response ${file} not found in ${CANDIDATES.join(' or ')}`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** The jobs of a recorded jobs listing, whether it has the `{total_count, jobs}` envelope or not. */
export function recordedJobs(file: string): Record<string, unknown>[] {
  const body = recordedResponse(file);
  const jobs = Array.isArray(body) ? body : (body as { jobs: unknown }).jobs;
  if (!Array.isArray(jobs)) throw new Error(`${file} is not a jobs listing`);
  return jobs as Record<string, unknown>[];
}
