/**
 * Real GitHub REST responses recorded from public repositories (runs and jobs with their
 * oddities: re-run attempts, jobs still running, empty steps, duplicate names; see the README
 * beside them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDED_API_DIR } from './fixtures.ts';

/** One recorded response body, parsed. */
export function recordedResponse(file: string): unknown {
  const path = join(RECORDED_API_DIR, file);
  if (!existsSync(path)) {
    throw new Error(`recorded response ${file} not found in ${RECORDED_API_DIR}`);
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
