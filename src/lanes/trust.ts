/**
 * Whether a workflow run may use lanes whose runners are not GitHub-hosted, decided from the
 * event name and payload alone (no API call: the payload is what GitHub vouches for).
 *
 * Trust fails closed. A run is trusted when its event is one only someone with write access (or
 * GitHub's scheduler) can start and it runs code already in the repository (TRUSTED_EVENTS), or
 * when it is a pull request event whose payload proves the code comes from a branch of the
 * repository itself. Every other event name is untrusted: unknown ones, an empty one, one cased
 * otherwise than GitHub sends it, and the events outsiders can start while the run holds the base
 * repository's secrets (OUTSIDER_EVENTS).
 */
export interface Trust {
  readonly trusted: boolean;
  /** One sentence for the notice and the summary. */
  readonly reason: string;
}

/** Each with the sentence that says who can start it and which code it runs. */
const TRUSTED_EVENTS: ReadonlyMap<string, string> = new Map([
  ['push', 'push runs code from the repository itself, pushed by someone with write access'],
  [
    'create',
    'create runs code from the repository itself, a branch or tag made by someone with write access',
  ],
  [
    'delete',
    'delete runs the default branch, after someone with write access deleted a branch or tag',
  ],
  [
    'merge_group',
    'merge_group runs code from the repository itself: the merge queue, filled by someone with write access with pull requests that passed branch protection',
  ],
  [
    'release',
    'release runs code from the repository itself, a tag released by someone with write access',
  ],
  [
    'repository_dispatch',
    'repository_dispatch runs the default branch, started through the API with a token that can write to the repository',
  ],
  ['schedule', "schedule runs the default branch, on the repository's own schedule"],
  [
    'workflow_dispatch',
    'workflow_dispatch runs code from the repository itself, started by someone with write access',
  ],
]);

/** Trusted only when the payload proves the pull request's code is a branch of the repository. */
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
]);

/**
 * Events that run with the base repository's secrets and write token although someone without
 * write access can start them, or chose the code they act on. Untrusted like any unknown event;
 * listed for the reason they give.
 */
const OUTSIDER_EVENTS: ReadonlyMap<string, string> = new Map([
  [
    'pull_request_target',
    "pull_request_target runs with the base repository's secrets and write token for a pull request anyone can open, so its jobs stay on hosted runners",
  ],
  [
    'issue_comment',
    "issue_comment runs with the base repository's secrets and write token for a comment anyone can write, on an issue or on a pull request from anywhere",
  ],
  [
    'workflow_run',
    "workflow_run runs with the base repository's secrets and write token after a run of any event, fork pull requests included, whose artifacts and outputs it may take in",
  ],
  [
    'check_run',
    "check_run runs with the base repository's secrets and write token when a check changes, on any commit, fork pull requests included, and any app that may write checks can start it",
  ],
  [
    'check_suite',
    "check_suite runs with the base repository's secrets and write token when a check suite changes, on any commit, fork pull requests included, and any app that may write checks can start it",
  ],
]);

const DEPENDABOT = 'dependabot[bot]';

type Payload = Readonly<Record<string, unknown>>;

function object(value: unknown): Payload | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Payload)
    : undefined;
}

/** `value.a.b.c` as a string, if it is a non-empty one: an empty name proves nothing. */
function text(value: unknown, ...path: string[]): string | undefined {
  let current: unknown = value;
  for (const key of path) current = object(current)?.[key];
  return typeof current === 'string' && current !== '' ? current : undefined;
}

/** GitHub compares repository names and logins ignoring case. */
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const isDependabot = (login: string | undefined) => login !== undefined && same(login, DEPENDABOT);
const trusted = (reason: string): Trust => ({ trusted: true, reason });
const untrusted = (reason: string): Trust => ({ trusted: false, reason });

function unknownEvent(event: string): Trust {
  const what =
    event === '' ? 'the event name is empty' : `the event '${event}' is not on the allow-list`;
  return untrusted(
    `${what}: lane-matrix trusts ${[...TRUSTED_EVENTS.keys()].join(', ')}, and ${[...PULL_REQUEST_EVENTS].join(', ')} from a branch of the repository, by the names GitHub sends`,
  );
}

function pullRequestTrust(event: string, payload: Payload): Trust {
  const pull = object(payload.pull_request);
  if (!pull) return untrusted(`${event} without a pull_request in its payload`);
  const pullRequest =
    typeof pull.number === 'number' ? `pull request #${pull.number}` : 'the pull request';
  const head = text(pull, 'head', 'repo', 'full_name');
  if (head === undefined) {
    return untrusted(
      object(pull.head)?.repo === null
        ? `${pullRequest} comes from a repository that no longer exists`
        : `${event}: the payload does not say which repository ${pullRequest}'s code comes from`,
    );
  }
  const repository = text(payload, 'repository', 'full_name');
  const base = text(pull, 'base', 'repo', 'full_name');
  if (repository === undefined || base === undefined) {
    return untrusted(`${event}: the payload does not say which repository ${pullRequest} is for`);
  }
  if (!same(head, repository)) return untrusted(`${pullRequest} comes from the fork ${head}`);
  if (!same(base, repository)) {
    return untrusted(`${pullRequest} is for ${base}, not for ${repository} where this runs`);
  }
  const sender = text(payload, 'sender', 'login');
  if (sender === undefined) {
    return untrusted(`${event}: the payload does not say who started it`);
  }
  if (isDependabot(sender) || isDependabot(text(pull, 'user', 'login'))) {
    return untrusted(
      `${pullRequest} is Dependabot's: its code comes from a package registry, and GitHub runs it as if it came from a fork`,
    );
  }
  return trusted(`${pullRequest} comes from a branch of ${repository}`);
}

export function eventTrust(event: string, payload: unknown): Trust {
  const body = object(payload);
  if (!body) return untrusted(`the payload of ${event || 'the event'} is not a JSON object`);
  if (PULL_REQUEST_EVENTS.has(event)) return pullRequestTrust(event, body);
  const why = TRUSTED_EVENTS.get(event);
  if (why === undefined) {
    const outsiders = OUTSIDER_EVENTS.get(event);
    return outsiders === undefined ? unknownEvent(event) : untrusted(outsiders);
  }
  if (isDependabot(text(body, 'sender', 'login'))) {
    return untrusted(
      `${event} was started by Dependabot: its code comes from a package registry, and GitHub runs it as if it came from a fork`,
    );
  }
  return trusted(why);
}
