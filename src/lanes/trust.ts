/**
 * Whether a workflow run may use lanes whose runners are not GitHub-hosted, decided from the
 * event name and payload alone (no API call: the payload is what GitHub vouches for).
 *
 * Untrusted: code from outside the repository can reach the runner, or the run holds the base
 * repository's secrets while building someone else's code.
 */
export interface Trust {
  readonly trusted: boolean;
  /** One sentence for the notice and the summary. */
  readonly reason: string;
}

const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
]);

/** GitHub runs workflows triggered by Dependabot as if the pull request came from a fork. */
const DEPENDABOT = 'dependabot[bot]';

type Payload = Readonly<Record<string, unknown>>;

function object(value: unknown): Payload | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Payload)
    : undefined;
}

/** `payload.a.b.c` as a string, if it is one. */
function text(value: unknown, ...path: string[]): string | undefined {
  let current: unknown = value;
  for (const key of path) current = object(current)?.[key];
  return typeof current === 'string' ? current : undefined;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const trusted = (reason: string): Trust => ({ trusted: true, reason });
const untrusted = (reason: string): Trust => ({ trusted: false, reason });

function pullRequestTrust(event: string, payload: Payload): Trust {
  const pull = object(payload.pull_request);
  if (!pull) return untrusted(`${event} without a pull_request in its payload`);
  const number = typeof pull.number === 'number' ? `#${pull.number}` : '';
  const base = text(pull, 'base', 'repo', 'full_name') ?? text(payload, 'repository', 'full_name');
  const head = text(pull, 'head', 'repo', 'full_name');
  if (head === undefined) {
    return untrusted(`pull request ${number} comes from a repository that no longer exists`);
  }
  if (base === undefined || !same(head, base)) {
    return untrusted(`pull request ${number} comes from the fork ${head}`);
  }
  if (text(payload, 'sender', 'login') === DEPENDABOT) {
    return untrusted(
      `pull request ${number} is Dependabot's, which GitHub runs as if it came from a fork`,
    );
  }
  return trusted(`pull request ${number} comes from a branch of ${base}`);
}

function workflowRunTrust(payload: Payload): Trust {
  const run = object(payload.workflow_run);
  const triggeredBy = text(run, 'event') ?? 'an event';
  const repo = text(run, 'repository', 'full_name') ?? text(payload, 'repository', 'full_name');
  const head = text(run, 'head_repository', 'full_name');
  if (head === undefined) {
    return untrusted(
      `workflow_run of ${triggeredBy} does not say which repository its code is from`,
    );
  }
  if (repo === undefined || !same(head, repo)) {
    return untrusted(`workflow_run of ${triggeredBy} builds code from the fork ${head}`);
  }
  if (text(run, 'actor', 'login') === DEPENDABOT) {
    return untrusted(
      `workflow_run of ${triggeredBy} was started by Dependabot, which GitHub treats as a fork`,
    );
  }
  return trusted(`workflow_run of ${triggeredBy} builds code from ${repo}`);
}

export function eventTrust(event: string, payload: unknown): Trust {
  const body = object(payload) ?? {};
  if (event === 'pull_request_target') {
    return untrusted(
      "pull_request_target runs with the base repository's secrets and write token, so its jobs stay on hosted runners",
    );
  }
  if (PULL_REQUEST_EVENTS.has(event)) return pullRequestTrust(event, body);
  if (event === 'workflow_run') return workflowRunTrust(body);
  if (event === 'issue_comment') {
    const issue = object(body.issue);
    if (object(issue?.pull_request)) {
      const number = typeof issue?.number === 'number' ? `#${issue.number}` : '';
      return untrusted(
        `a comment on pull request ${number}: the payload does not say which repository the pull request's code is from, so it counts as a fork`,
      );
    }
    return trusted('a comment on an issue runs the default branch');
  }
  return trusted(`${event || 'the event'} runs code from the repository itself`);
}
