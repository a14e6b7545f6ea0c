import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventTrust } from '../../src/lanes/trust.ts';
import {
  dependabotPullRequestPayload,
  issueCommentPayload,
  pullRequestReviewPayload,
  pullRequestTargetPayload,
  workflowRunPayload,
} from '../harness/event-payloads.ts';
import {
  mergeGroupPayload,
  pullRequestPayload,
  pushPayload,
} from '../../src/rehearsal/payloads.ts';

const sha = (c: string) => c.repeat(40);
const pull = (fork: boolean) => pullRequestPayload({ baseSha: sha('a'), headSha: sha('b'), fork });
const pullFromDeletedFork = () => {
  const payload = pull(true);
  return {
    ...payload,
    pull_request: { ...payload.pull_request, head: { ...payload.pull_request.head, repo: null } },
  };
};
/** pull_request_review_comment: a comment on a line of the pull request's diff. */
const reviewComment = (fork: boolean) => {
  const { pull_request, repository, sender } = pull(fork);
  return {
    action: 'created',
    comment: { id: 90, path: 'src/a.ts', line: 3, body: 'nit', author_association: 'MEMBER' },
    pull_request,
    repository,
    sender,
  };
};
const push = () => pushPayload({ before: sha('a'), after: sha('b') });
const dependabot = { login: 'dependabot[bot]', id: 49699333, type: 'Bot' };

/** A copy of `payload` with the value at `path` replaced, or removed when `value` is undefined. */
function changed(payload: unknown, path: readonly string[], value: unknown): unknown {
  // Through JSON, not structuredClone: the payload builders share one repository object.
  const copy = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) Reflect.deleteProperty(at, last);
  else at[last] = value;
  return copy;
}

const cases: { name: string; event: string; payload: unknown; trusted: boolean; reason: RegExp }[] =
  [
    {
      name: 'pull_request from a branch',
      event: 'pull_request',
      payload: pull(false),
      trusted: true,
      reason: /#7 comes from a branch of octo-org\/octo-repo/,
    },
    {
      name: 'pull_request from a fork',
      event: 'pull_request',
      payload: pull(true),
      trusted: false,
      reason: /#7 comes from the fork contributor\/octo-repo/,
    },
    {
      name: 'pull_request from a deleted fork',
      event: 'pull_request',
      payload: pullFromDeletedFork(),
      trusted: false,
      reason: /no longer exists/,
    },
    {
      name: 'pull_request by Dependabot',
      event: 'pull_request',
      payload: dependabotPullRequestPayload(),
      trusted: false,
      reason: /Dependabot/,
    },
    {
      name: 'pull_request without its pull_request object',
      event: 'pull_request',
      payload: { action: 'opened' },
      trusted: false,
      reason: /without a pull_request/,
    },
    {
      name: 'pull_request_target from a fork',
      event: 'pull_request_target',
      payload: pullRequestTargetPayload({ fork: true }),
      trusted: false,
      reason: /secrets/,
    },
    {
      name: 'pull_request_target from a branch',
      event: 'pull_request_target',
      payload: pullRequestTargetPayload({ fork: false }),
      trusted: false,
      reason: /secrets/,
    },
    {
      name: 'pull_request_review on a fork',
      event: 'pull_request_review',
      payload: pullRequestReviewPayload({ fork: true }),
      trusted: false,
      reason: /fork contributor\/octo-repo/,
    },
    {
      name: 'pull_request_review on a branch',
      event: 'pull_request_review',
      payload: pullRequestReviewPayload({ fork: false }),
      trusted: true,
      reason: /branch of/,
    },
    {
      name: 'pull_request_review_comment on a fork',
      event: 'pull_request_review_comment',
      payload: reviewComment(true),
      trusted: false,
      reason: /#7 comes from the fork contributor\/octo-repo/,
    },
    {
      name: 'pull_request_review_comment on a branch',
      event: 'pull_request_review_comment',
      payload: reviewComment(false),
      trusted: true,
      reason: /#7 comes from a branch of octo-org\/octo-repo/,
    },
    // workflow_run and issue_comment used to be trusted when the payload looked like the
    // repository's own code; both run with the base repository's secrets and write token, and
    // their payload cannot prove what the run acts on, so now they never are.
    {
      name: 'workflow_run of a fork',
      event: 'workflow_run',
      payload: workflowRunPayload({ fork: true }),
      trusted: false,
      reason: /^workflow_run runs with the base repository's secrets and write token/,
    },
    {
      name: 'workflow_run of a branch',
      event: 'workflow_run',
      payload: workflowRunPayload({ fork: false }),
      trusted: false,
      reason: /fork pull requests included/,
    },
    {
      name: 'workflow_run of a push',
      event: 'workflow_run',
      payload: workflowRunPayload({ fork: false, event: 'push' }),
      trusted: false,
      reason: /^workflow_run runs with the base repository's secrets/,
    },
    {
      name: 'workflow_run started by Dependabot',
      event: 'workflow_run',
      payload: workflowRunPayload({ fork: false, actor: 'dependabot[bot]' }),
      trusted: false,
      reason: /^workflow_run /,
    },
    {
      name: 'workflow_run without head_repository',
      event: 'workflow_run',
      payload: { workflow_run: { event: 'pull_request' } },
      trusted: false,
      reason: /^workflow_run /,
    },
    {
      name: 'issue_comment on a fork pull request',
      event: 'issue_comment',
      payload: issueCommentPayload({ onPullRequest: true, authorAssociation: 'CONTRIBUTOR' }),
      trusted: false,
      reason: /^issue_comment runs with the base repository's secrets and write token/,
    },
    {
      name: 'issue_comment on a same-repository pull request',
      event: 'issue_comment',
      payload: issueCommentPayload({ onPullRequest: true, authorAssociation: 'MEMBER' }),
      trusted: false,
      reason: /a comment anyone can write/,
    },
    {
      name: 'issue_comment on an issue',
      event: 'issue_comment',
      payload: issueCommentPayload({ onPullRequest: false }),
      trusted: false,
      reason: /^issue_comment runs with the base repository's secrets/,
    },
    {
      name: 'push',
      event: 'push',
      payload: push(),
      trusted: true,
      reason: /push runs code from the repository/,
    },
    {
      name: 'merge_group',
      event: 'merge_group',
      payload: mergeGroupPayload({ baseSha: sha('a'), headSha: sha('b') }),
      trusted: true,
      reason: /merge_group/,
    },
    {
      name: 'workflow_dispatch',
      event: 'workflow_dispatch',
      payload: { inputs: { lanes: 'both' }, ref: 'refs/heads/main' },
      trusted: true,
      reason: /workflow_dispatch/,
    },
    {
      name: 'schedule',
      event: 'schedule',
      payload: { schedule: '0 3 * * *' },
      trusted: true,
      reason: /schedule/,
    },
  ];

describe('eventTrust', () => {
  for (const c of cases) {
    it(`${c.name}: ${c.trusted ? 'trusted' : 'untrusted'}`, () => {
      const trust = eventTrust(c.event, c.payload);
      assert.equal(trust.trusted, c.trusted);
      assert.match(trust.reason, c.reason);
    });
  }

  it('compares repository names as GitHub does, ignoring case', () => {
    const payload = pull(false);
    const shouted = {
      ...payload,
      pull_request: {
        ...payload.pull_request,
        head: {
          ...payload.pull_request.head,
          repo: { ...payload.pull_request.head.repo, full_name: 'Octo-Org/Octo-Repo' },
        },
      },
    };
    assert.equal(eventTrust('pull_request', shouted).trusted, true);
  });

  it('never trusts a payload that is not an object', () => {
    assert.equal(eventTrust('pull_request', null).trusted, false);
    assert.equal(eventTrust('workflow_run', 'text').trusted, false);
  });
});

describe('eventTrust: the allow-list', () => {
  const allowed: { event: string; payload: unknown; reason: RegExp }[] = [
    { event: 'push', payload: push(), reason: /^push runs code from the repository itself/ },
    {
      event: 'push',
      payload: pushPayload({ before: sha('a'), after: sha('b'), ref: 'refs/tags/v1' }),
      reason: /pushed by someone with write access/,
    },
    {
      event: 'create',
      payload: { ref: 'v1', ref_type: 'tag', sender: { login: 'octocat' } },
      reason: /^create runs code from the repository itself/,
    },
    {
      event: 'delete',
      payload: { ref: 'feature', ref_type: 'branch', sender: { login: 'octocat' } },
      reason: /^delete runs the default branch/,
    },
    {
      event: 'merge_group',
      payload: mergeGroupPayload({ baseSha: sha('a'), headSha: sha('b') }),
      reason: /^merge_group runs code from the repository itself: the merge queue/,
    },
    {
      event: 'release',
      payload: { action: 'published', release: { tag_name: 'v1' }, sender: { login: 'octocat' } },
      reason: /^release runs code from the repository itself/,
    },
    {
      event: 'repository_dispatch',
      payload: { action: 'deploy', client_payload: {}, sender: { login: 'octocat' } },
      reason: /^repository_dispatch runs the default branch/,
    },
    { event: 'schedule', payload: { schedule: '0 3 * * *' }, reason: /^schedule runs the default/ },
    {
      event: 'workflow_dispatch',
      payload: { inputs: { lanes: 'both' }, ref: 'refs/heads/main' },
      reason: /^workflow_dispatch runs code from the repository itself/,
    },
  ];
  for (const c of allowed) {
    it(`trusts ${c.event}, saying who can start it`, () => {
      assert.equal(eventTrust(c.event, c.payload).trusted, true);
      assert.match(eventTrust(c.event, c.payload).reason, c.reason);
    });
    it(`trusts ${c.event} with an empty payload: nothing in it is needed`, () => {
      assert.equal(eventTrust(c.event, {}).trusted, true);
    });
  }

  // GitHub runs the events Dependabot starts as if they came from a fork.
  for (const event of ['push', 'create', 'delete', 'workflow_dispatch', 'repository_dispatch']) {
    for (const login of ['dependabot[bot]', 'Dependabot[bot]']) {
      it(`does not trust ${event} started by ${login}`, () => {
        const trust = eventTrust(event, { ref: 'refs/heads/dependabot/x', sender: { login } });
        assert.equal(trust.trusted, false);
        assert.match(trust.reason, new RegExp(`^${event} was started by Dependabot`));
      });
    }
  }

  for (const payload of [null, undefined, 'push', 42, ['push'], true]) {
    for (const event of ['push', 'schedule', 'workflow_dispatch', 'pull_request', '']) {
      it(`does not trust ${event || 'no event'} with the payload ${JSON.stringify(payload)}`, () => {
        const trust = eventTrust(event, payload);
        assert.equal(trust.trusted, false);
        assert.match(trust.reason, /payload of .* is not a JSON object/);
      });
    }
  }
});

describe('eventTrust: events not on the allow-list', () => {
  const payloads: [string, unknown][] = [
    ['a fork pull request', pull(true)],
    ['a same-repository pull request', pull(false)],
    ['a push', push()],
    ['an empty payload', {}],
  ];

  // Unknown names, and known ones cased or spaced otherwise than GitHub sends them.
  const unknown = [
    'frobnicate',
    'Pull_Request',
    'PULL_REQUEST',
    'Pull_request_review',
    'Push',
    'PUSH',
    ' push',
    'push ',
    'push\n',
    '\tschedule',
    'Workflow_Dispatch',
    'Merge_Group',
    'pull-request',
    'pullrequest',
    'merge-group',
    'pull_request,push',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
  ];
  for (const event of unknown) {
    for (const [what, payload] of payloads) {
      it(`does not trust ${JSON.stringify(event)} with ${what}`, () => {
        const trust = eventTrust(event, payload);
        assert.equal(trust.trusted, false);
        assert.equal(
          trust.reason,
          `the event '${event}' is not on the allow-list: lane-matrix trusts push, create, delete, merge_group, release, repository_dispatch, schedule, workflow_dispatch, and pull_request, pull_request_review, pull_request_review_comment from a branch of the repository, by the names GitHub sends`,
        );
      });
    }
  }

  for (const [what, payload] of payloads) {
    it(`does not trust an empty event name with ${what}`, () => {
      const trust = eventTrust('', payload);
      assert.equal(trust.trusted, false);
      assert.match(trust.reason, /^the event name is empty: lane-matrix trusts push, /);
    });
  }

  // Events GitHub has that anyone, or any app, can start, or that run no code of their own.
  const outsiders = [
    'workflow_call',
    'deployment',
    'deployment_status',
    'issues',
    'discussion',
    'discussion_comment',
    'fork',
    'watch',
    'status',
    'label',
    'milestone',
    'gollum',
    'page_build',
    'public',
    'registry_package',
    'branch_protection_rule',
  ];
  for (const event of outsiders) {
    it(`does not trust ${event}`, () => {
      const trust = eventTrust(event, pull(false));
      assert.equal(trust.trusted, false);
      assert.match(trust.reason, new RegExp(`^the event '${event}' is not on the allow-list`));
    });
  }

  const privileged: { event: string; payload: unknown }[] = [
    { event: 'pull_request_target', payload: pullRequestTargetPayload({ fork: false }) },
    { event: 'pull_request_target', payload: pullRequestTargetPayload({ fork: true }) },
    { event: 'pull_request_target', payload: {} },
    { event: 'issue_comment', payload: issueCommentPayload({ onPullRequest: false }) },
    {
      event: 'issue_comment',
      payload: issueCommentPayload({ onPullRequest: true, authorAssociation: 'OWNER' }),
    },
    { event: 'issue_comment', payload: pull(false) },
    { event: 'workflow_run', payload: workflowRunPayload({ fork: false }) },
    { event: 'workflow_run', payload: workflowRunPayload({ fork: false, event: 'schedule' }) },
    { event: 'workflow_run', payload: workflowRunPayload({ fork: true }) },
    { event: 'check_run', payload: { action: 'completed', check_run: { head_sha: sha('b') } } },
    { event: 'check_run', payload: pull(false) },
    { event: 'check_suite', payload: { action: 'completed', check_suite: { pull_requests: [] } } },
    { event: 'check_suite', payload: push() },
  ];
  for (const c of privileged) {
    it(`does not trust ${c.event}, which holds the base repository's secrets (${JSON.stringify(c.payload).slice(0, 40)})`, () => {
      const trust = eventTrust(c.event, c.payload);
      assert.equal(trust.trusted, false);
      assert.match(
        trust.reason,
        new RegExp(`^${c.event} runs with the base repository's secrets and write token`),
      );
    });
  }
});

describe('eventTrust: the pull request events', () => {
  const events: [string, (fork: boolean) => unknown][] = [
    ['pull_request', pull],
    ['pull_request_review', (fork) => pullRequestReviewPayload({ fork })],
    ['pull_request_review_comment', reviewComment],
  ];

  // Each change to a same-repository payload, which is trusted as it is, and what it leaves.
  const untrusting: { change: string; path: string[]; value: unknown; reason: RegExp }[] = [
    { change: 'no pull_request', path: ['pull_request'], value: undefined, reason: /without a/ },
    { change: 'pull_request a list', path: ['pull_request'], value: [], reason: /without a/ },
    { change: 'pull_request a string', path: ['pull_request'], value: '7', reason: /without a/ },
    { change: 'pull_request null', path: ['pull_request'], value: null, reason: /without a/ },
    {
      change: 'no head',
      path: ['pull_request', 'head'],
      value: undefined,
      reason: /the payload does not say which repository pull request #7's code comes from/,
    },
    {
      change: 'no head repo',
      path: ['pull_request', 'head', 'repo'],
      value: undefined,
      reason: /code comes from/,
    },
    {
      change: 'head repo null (a deleted fork)',
      path: ['pull_request', 'head', 'repo'],
      value: null,
      reason: /pull request #7 comes from a repository that no longer exists/,
    },
    {
      change: 'no head full_name',
      path: ['pull_request', 'head', 'repo', 'full_name'],
      value: undefined,
      reason: /code comes from/,
    },
    {
      change: 'a numeric head full_name',
      path: ['pull_request', 'head', 'repo', 'full_name'],
      value: 42,
      reason: /code comes from/,
    },
    {
      change: 'an empty head full_name',
      path: ['pull_request', 'head', 'repo', 'full_name'],
      value: '',
      reason: /code comes from/,
    },
    {
      change: 'a head full_name in a list',
      path: ['pull_request', 'head', 'repo', 'full_name'],
      value: ['octo-org/octo-repo'],
      reason: /code comes from/,
    },
    {
      change: 'a head full_name with a space',
      path: ['pull_request', 'head', 'repo', 'full_name'],
      value: 'octo-org/octo-repo ',
      reason: /comes from the fork octo-org\/octo-repo /,
    },
    {
      change: 'a head in a same-named repository of another owner',
      path: ['pull_request', 'head', 'repo', 'full_name'],
      value: 'octo-org-fork/octo-repo',
      reason: /comes from the fork octo-org-fork\/octo-repo/,
    },
    {
      change: 'no base repo',
      path: ['pull_request', 'base', 'repo'],
      value: undefined,
      reason: /the payload does not say which repository pull request #7 is for/,
    },
    {
      change: 'a numeric base full_name',
      path: ['pull_request', 'base', 'repo', 'full_name'],
      value: 1296269,
      reason: /is for$/,
    },
    {
      change: 'a base in another repository',
      path: ['pull_request', 'base', 'repo', 'full_name'],
      value: 'octo-org/other',
      reason: /pull request #7 is for octo-org\/other, not for octo-org\/octo-repo where this runs/,
    },
    { change: 'no repository', path: ['repository'], value: undefined, reason: /is for$/ },
    {
      change: 'repository.full_name null',
      path: ['repository', 'full_name'],
      value: null,
      reason: /is for$/,
    },
    {
      change: 'a run in another repository',
      path: ['repository', 'full_name'],
      value: 'contributor/octo-repo',
      reason: /comes from the fork octo-org\/octo-repo/,
    },
    {
      change: 'no sender',
      path: ['sender'],
      value: undefined,
      reason: /the payload does not say who started it/,
    },
    {
      change: 'a numeric sender login',
      path: ['sender', 'login'],
      value: 3,
      reason: /who started it/,
    },
    {
      change: 'an empty sender login',
      path: ['sender', 'login'],
      value: '',
      reason: /who started/,
    },
    { change: 'sent by Dependabot', path: ['sender'], value: dependabot, reason: /Dependabot's/ },
    {
      change: 'sent by Dependabot, cased otherwise',
      path: ['sender', 'login'],
      value: 'Dependabot[bot]',
      reason: /Dependabot's/,
    },
    {
      change: 'opened by Dependabot, sent by a maintainer',
      path: ['pull_request', 'user'],
      value: dependabot,
      reason: /pull request #7 is Dependabot's: its code comes from a package registry/,
    },
  ];

  for (const [event, payloadOf] of events) {
    it(`trusts ${event} from a branch of the repository`, () => {
      assert.deepEqual(eventTrust(event, payloadOf(false)), {
        trusted: true,
        reason: 'pull request #7 comes from a branch of octo-org/octo-repo',
      });
    });

    it(`does not trust ${event} from a fork`, () => {
      assert.deepEqual(eventTrust(event, payloadOf(true)), {
        trusted: false,
        reason: 'pull request #7 comes from the fork contributor/octo-repo',
      });
    });

    it(`does not trust ${event} whose names are fine but whose event is cased otherwise`, () => {
      assert.equal(eventTrust(event.toUpperCase(), payloadOf(false)).trusted, false);
    });

    it(`trusts ${event} without a pull request number, saying so without one`, () => {
      const trust = eventTrust(event, changed(payloadOf(false), ['pull_request', 'number'], '7'));
      assert.deepEqual(trust, {
        trusted: true,
        reason: 'the pull request comes from a branch of octo-org/octo-repo',
      });
    });

    for (const c of untrusting) {
      it(`does not trust ${event} with ${c.change}`, () => {
        const trust = eventTrust(event, changed(payloadOf(false), c.path, c.value));
        assert.equal(trust.trusted, false);
        assert.match(trust.reason, c.reason);
      });
    }
  }
});
