import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CheckFailed } from '../runner/errors.ts';
import type { BudgetRecord } from './record.ts';
import { MAX_RECORD_LINE_BYTES, parseRecordLine, RecordProblem } from './record.ts';

/** The variable `mode: start` exports: the path of this job's record file. */
export const RECORD_FILE_VARIABLE = 'LANEKIT_BUDGET_FILE';

/** A record with where it was read: the job that wrote it, the file and line. */
export interface GatheredRecord extends BudgetRecord {
  readonly job: string;
  readonly source: string;
  readonly line: number;
}

/** This job's record file: the exported path, or its place under RUNNER_TEMP. */
export function recordFileOf(env: NodeJS.ProcessEnv): string {
  return (
    env[RECORD_FILE_VARIABLE] ||
    join(env.RUNNER_TEMP ?? tmpdir(), 'lanekit-budget', 'records.jsonl')
  );
}

/** Creates the file (and its folder) when missing; an existing file keeps its records. */
export function ensureRecordFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, '');
}

/** Appends one line in one write, as every writer must (see MAX_RECORD_LINE_BYTES). */
export function appendRecordLine(path: string, line: string): void {
  appendFileSync(path, line, { encoding: 'utf8', flag: 'a' });
}

/** Lines that are no record; the message names the first, `problems` all of them. */
export class MalformedRecords extends CheckFailed {
  override name = 'MalformedRecords';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const more = problems.length - 1;
    super(
      `malformed record line ${problems[0]!}${more > 0 ? ` (and ${more} more)` : ''}; no count is made from a corrupt record`,
    );
    this.problems = problems;
  }
}

/**
 * The records of a file, each with its line number; `source` names the file in messages. A
 * line that is no record (bad JSON, a torn or overlong line, a last line without its newline)
 * fails the check with `<source>:<line>`: a corrupt record must never pass as a smaller count.
 * Empty lines are skipped; a CR before the newline and a BOM at the start are allowed.
 */
export function parseRecordFile(bytes: Buffer, source: string, job: string): GatheredRecord[] {
  const records: GatheredRecord[] = [];
  const problems: string[] = [];
  const text = bytes.toString('utf8');
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let number = 1; start < text.length; number++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    let line = text.slice(start, end);
    start = end + 1;
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit: only a long line is measured.
    const size = line.length * 3 < MAX_RECORD_LINE_BYTES ? 0 : Buffer.byteLength(line) + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '' && newline !== -1) continue;
    try {
      if (size > MAX_RECORD_LINE_BYTES) {
        throw new RecordProblem(
          `${size} bytes, over the ${MAX_RECORD_LINE_BYTES}-byte line limit (a line this long may be torn by a parallel writer)`,
        );
      }
      if (newline === -1) {
        throw new RecordProblem('the last line has no newline (a writer was cut off?)');
      }
      const record = parseRecordLine(line);
      records.push({ ...record, job, source, line: number });
    } catch (error) {
      if (!(error instanceof RecordProblem)) throw error;
      problems.push(`${source}:${number}: ${error.message}`);
    }
  }
  if (problems.length > 0) throw new MalformedRecords(problems);
  return records;
}

/** The records of this job's file; a missing file holds none. */
export function readRecordFile(path: string, source: string, job: string): GatheredRecord[] {
  return existsSync(path) ? parseRecordFile(readFileSync(path), source, job) : [];
}
