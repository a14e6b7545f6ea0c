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
import { mergeGroupPayload, pullRequestPayload, pushPayload } from '../harness/payloads.ts';

const sha = (c: string) => c.repeat(40);
const pull = (fork: boolean) => pullRequestPayload({ baseSha: sha('a'), headSha: sha('b'), fork });
const pullFromDeletedFork = () => {
  const payload = pull(true);
  return {
    ...payload,
    pull_request: { ...payload.pull_request, head: { ...payload.pull_request.head, repo: null } },
  };
};

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
      name: 'workflow_run of a fork',
      event: 'workflow_run',
      payload: workflowRunPayload({ fork: true }),
      trusted: false,
      reason: /workflow_run of pull_request builds code from the fork contributor\/octo-repo/,
    },
    {
      name: 'workflow_run of a branch',
      event: 'workflow_run',
      payload: workflowRunPayload({ fork: false }),
      trusted: true,
      reason: /builds code from octo-org\/octo-repo/,
    },
    {
      name: 'workflow_run of a push',
      event: 'workflow_run',
      payload: workflowRunPayload({ fork: false, event: 'push' }),
      trusted: true,
      reason: /workflow_run of push/,
    },
    {
      name: 'workflow_run started by Dependabot',
      event: 'workflow_run',
      payload: workflowRunPayload({ fork: false, actor: 'dependabot[bot]' }),
      trusted: false,
      reason: /Dependabot/,
    },
    {
      name: 'workflow_run without head_repository',
      event: 'workflow_run',
      payload: { workflow_run: { event: 'pull_request' } },
      trusted: false,
      reason: /does not say/,
    },
    {
      name: 'issue_comment on a fork pull request',
      event: 'issue_comment',
      payload: issueCommentPayload({ onPullRequest: true, authorAssociation: 'CONTRIBUTOR' }),
      trusted: false,
      reason: /pull request #7: the payload does not say/,
    },
    {
      name: 'issue_comment on a same-repository pull request',
      event: 'issue_comment',
      payload: issueCommentPayload({ onPullRequest: true, authorAssociation: 'MEMBER' }),
      trusted: false,
      reason: /counts as a fork/,
    },
    {
      name: 'issue_comment on an issue',
      event: 'issue_comment',
      payload: issueCommentPayload({ onPullRequest: false }),
      trusted: true,
      reason: /default branch/,
    },
    {
      name: 'push',
      event: 'push',
      payload: pushPayload({ before: sha('a'), after: sha('b') }),
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
