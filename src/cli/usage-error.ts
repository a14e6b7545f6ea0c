/**
 * The command line itself is wrong: an unknown option, a missing or bad value, a missing
 * argument. lanekit prints the message with a pointer to the command's `--help`, exit status 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
