import { spawnSync } from 'node:child_process';

/**
 * The options of a test that draws a page in Debian's chromium: skipped where chromium is not
 * installed (`apt-get install chromium`), except under CI, whose .ci/run installs it, so that
 * there a missing browser fails the test instead.
 */
export const needsChromium =
  spawnSync('chromium', ['--version'], { stdio: 'ignore' }).status === 0 || process.env.CI
    ? {}
    : { skip: 'chromium is not installed' };
