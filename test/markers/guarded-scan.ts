/**
 * Scans a log with a markers file's rules in a child process that is killed after `guardMs`: a
 * regex that backtracks for minutes fails the test instead of hanging it. `inParts` scans the
 * log as a file split in two, the second half in a worker thread, as a large log is.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompiledRules } from '../../src/markers/compiled-rules.ts';
import { scanFile } from '../../src/markers/file-scan.ts';
import type { LogScanResult } from '../../src/markers/log-scan.ts';
import { LogScan } from '../../src/markers/log-scan.ts';
import { parseMarkersConfig } from '../../src/markers/markers-config.ts';
import { selectRules } from '../../src/markers/rule-selection.ts';

interface GuardedScanJob {
  readonly markers: string;
  readonly log: string;
  readonly inParts: boolean;
}

const SELF = fileURLToPath(import.meta.url);

/** Hits per rule id of the markers file's rules on `log`; rejects when the guard runs out. */
export function guardedScan(
  markers: string,
  log: string,
  { guardMs, inParts = false }: { guardMs: number; inParts?: boolean },
): Promise<Record<string, number>> {
  const child = spawn(process.execPath, [SELF], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(JSON.stringify({ markers, log, inParts } satisfies GuardedScanJob));
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the scan did not finish within ${guardMs} ms`));
    }, guardMs);
    child.once('close', (code) => {
      clearTimeout(guard);
      if (code === 0) resolve(JSON.parse(stdout) as Record<string, number>);
      else reject(new Error(`the scan exited with ${code}`));
    });
  });
}

async function scan({ markers, log, inParts }: GuardedScanJob): Promise<Record<string, number>> {
  const rules = selectRules(parseMarkersConfig(markers, 'markers.yml'));
  const compiled = new CompiledRules(rules);
  let result: LogScanResult;
  if (inParts) {
    const dir = mkdtempSync(join(tmpdir(), 'lanekit-guarded-scan-'));
    try {
      writeFileSync(join(dir, 'job.log'), log);
      result = await scanFile(join(dir, 'job.log'), compiled, 1, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    const logScan = new LogScan(compiled, { samples: 1, countLines: true });
    logScan.feed(Buffer.from(log));
    result = logScan.finish();
  }
  return Object.fromEntries(
    [...result.hits].map(([index, hits]) => [rules[index]!.id, hits.count]),
  );
}

if (process.argv[1] === SELF) {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  process.stdout.write(JSON.stringify(await scan(JSON.parse(input) as GuardedScanJob)));
}
