import type { Logger } from '../../src/runner/logger.ts';

/** A Logger that keeps what it is told, by level, for assertions. */
export function recordingLog(): Logger & { readonly lines: string[]; readonly warnings: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  return {
    lines,
    warnings,
    debug: () => undefined,
    info: (message) => lines.push(message),
    notice: (message) => lines.push(message),
    warning: (message) => {
      warnings.push(message);
      lines.push(message);
    },
  };
}
