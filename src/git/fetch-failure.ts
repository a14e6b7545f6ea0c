/** Why `git fetch` from origin failed, told apart by what git wrote to stderr (in the C locale). */
export interface FetchFailure {
  readonly kind: 'authentication' | 'network' | 'missing' | 'other';
  /** git's own words: the first error line, with any credentials in a URL taken out. */
  readonly detail: string;
  /** The fetch also failed with the token input's credentials. */
  readonly withToken: boolean;
}

const AUTHENTICATION = [
  /Authentication failed/i,
  /could not read (Username|Password)/i,
  /terminal prompts disabled/i,
  /returned error: 40[13]/,
  /\bHTTP 40[13]\b/,
  /Permission denied \(publickey/i,
  // GitHub's answer for a private repository the credentials cannot read.
  /Repository not found/i,
  /repository '[^']*' not found/i,
];
const MISSING = [
  /not our ref/i,
  /couldn't find remote ref/i,
  /no such remote ref/i,
  /unadvertised object/i,
];
const NETWORK = [
  /Could not resolve (host|proxy)/i,
  /Failed to connect/i,
  /Couldn't connect/i,
  /Connection (refused|reset)/i,
  /timed out/i,
  /unable to access/i,
  /does not appear to be a git repository/i,
  /Could not read from remote repository/i,
  /remote end hung up/i,
  /early EOF/i,
  /SSL|TLS|certificate/i,
];

export function classifyFetchFailure(stderr: string, withToken: boolean): FetchFailure {
  const kind = AUTHENTICATION.some((p) => p.test(stderr))
    ? 'authentication'
    : MISSING.some((p) => p.test(stderr))
      ? 'missing'
      : NETWORK.some((p) => p.test(stderr))
        ? 'network'
        : 'other';
  return { kind, detail: firstError(stderr), withToken };
}

function firstError(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? 'no message';
  return line.replace(/:\/\/[^/@\s]*@/g, '://').slice(0, 300);
}

/** The cause and its fix, in words, for the plan's `how` and a warning. */
export function describeFetchFailure(failure: FetchFailure): string {
  switch (failure.kind) {
    case 'authentication':
      return failure.withToken
        ? `origin refused the token input too (${failure.detail}); the token goes to ` +
            'GITHUB_SERVER_URL only: give change-router one that can read this repository ' +
            '(contents: read), or check out with fetch-depth: 0'
        : `origin asked for credentials and there were none (${failure.detail}); keep ` +
            "actions/checkout's persist-credentials: true, pass a token input, or check out " +
            'with fetch-depth: 0';
    case 'network':
      return (
        `origin could not be reached (${failure.detail}); a network problem, or check out ` +
        'with fetch-depth: 0 so that nothing needs fetching'
      );
    case 'missing':
      return (
        `origin does not have it (${failure.detail}); a force push or a deleted branch ` +
        'removes commits: route revisions origin still has (the base and head inputs)'
      );
    case 'other':
      return `git fetch failed (${failure.detail}); check out with fetch-depth: 0 to fetch nothing`;
  }
}
