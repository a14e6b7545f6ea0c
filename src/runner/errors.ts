/**
 * A problem with what the user configured (an input, a routes file, a lanes file).
 * The action wrapper prints only its message, never a stack trace: the user can fix it.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  /** Where in a file of the repository the problem is, for an annotation on that line. */
  readonly location: SourceLocation | undefined;

  constructor(message: string, location?: SourceLocation) {
    super(message);
    this.location = location;
  }
}

export interface SourceLocation {
  /** Relative to the repository root, as annotations want it. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** `<input>: got '<value>', expected <allowed>` — the shape every input error takes. */
export function invalidValue(input: string, value: string, allowed: string): ConfigurationError {
  return new ConfigurationError(`${input}: got '${value}', expected ${allowed}`);
}

/**
 * A service lanekit depends on (the GitHub API, git's remote) refused or failed after retries.
 * Not a lanekit bug: the message says what answered what, and how to fix it when we know.
 */
export class ServiceError extends Error {
  override name = 'ServiceError';
}

/**
 * The check an action's inputs asked it to enforce did not pass (a `fail-on` marker, a failed
 * required job). The step fails with the message alone: the summary shows the details.
 */
export class CheckFailed extends Error {
  override name = 'CheckFailed';
}
