import { errorMessage } from '../common/error-message.ts';
import type { CompiledRules } from './compiled-rules.ts';
import { scanFile } from './file-scan.ts';
import type { LogSource, ScannedSource } from './report.ts';

export interface FileLog extends LogSource {
  readonly path: string;
}

/** Scans log files one after the other (each read is already sequential and disk-bound). */
export async function scanFiles(
  files: readonly FileLog[],
  compiled: CompiledRules,
  samples: number,
): Promise<ScannedSource[]> {
  const scanned: ScannedSource[] = [];
  for (const { path, ...source } of files) {
    try {
      scanned.push({ ...source, result: await scanFile(path, compiled, samples) });
    } catch (error) {
      scanned.push({ ...source, error: errorMessage(error) });
    }
  }
  return scanned;
}
