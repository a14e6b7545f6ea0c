import type { Logger } from '../runner/logger.ts';
import { neutralize } from '../runner/neutralize.ts';

/** The CLI's logger: notices and warnings on stderr, nothing else. */
export const stderrLog: Logger = {
  debug: () => {},
  info: () => {},
  notice: (m) => process.stderr.write(`notice: ${neutralize(m)}\n`),
  warning: (m) => process.stderr.write(`warning: ${neutralize(m)}\n`),
};
