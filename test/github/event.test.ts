import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkedPayload } from '../../src/github/event-payload.ts';
import { readWorkflowEvent, repositoryOf } from '../../src/github/event.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';
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

const SHA = 'a'.repeat(40);

describe('checkedPayload', () => {
  const real: [string, unknown][] = [
    ['pull_request', pullRequestPayload({ baseSha: SHA, headSha: SHA, number: 7 })],
    ['push', pushPayload({ before: SHA, after: SHA })],
    ['merge_group', mergeGroupPayload({ baseSha: SHA, headSha: SHA })],
    ['pull_request_target', pullRequestTargetPayload({ fork: true })],
    ['pull_request_review', pullRequestReviewPayload({ fork: true })],
    ['pull_request', dependabotPullRequestPayload()],
    ['workflow_run', workflowRunPayload({ fork: true })],
    ['issue_comment', issueCommentPayload({ onPullRequest: true })],
    ['workflow_dispatch', {}],
  ];
  for (const [name, payload] of real) {
    it(`takes a real ${name} payload as it is`, () => {
      assert.equal(checkedPayload(name, payload), payload);
    });
  }

  const pull = pullRequestPayload({ baseSha: SHA, headSha: SHA, number: 7 }) as {
    pull_request: Record<string, unknown> & { head: Record<string, unknown> };
  };
  const broken: [string, string, unknown][] = [
    [
      'pull_request',
      'payload.pull_request.head is missing',
      {
        pull_request: { ...pull.pull_request, head: undefined },
      },
    ],
    [
      'pull_request',
      'payload.pull_request.base is missing',
      {
        pull_request: { ...pull.pull_request, base: undefined },
      },
    ],
    [
      'pull_request',
      'payload.pull_request.head.sha is a number, expected a string',
      {
        pull_request: { ...pull.pull_request, head: { ...pull.pull_request.head, sha: 42 } },
      },
    ],
    [
      'pull_request',
      'payload.pull_request.head.sha is missing',
      {
        pull_request: { ...pull.pull_request, head: { ref: 'x' } },
      },
    ],
    [
      'pull_request',
      'payload.pull_request is a string, expected an object',
      {
        pull_request: 'nope',
      },
    ],
    [
      'pull_request',
      'payload.pull_request.labels[1].name is missing',
      {
        pull_request: { ...pull.pull_request, labels: [{ name: 'ok' }, {}] },
      },
    ],
    ['push', 'payload.before is null, expected a string', { before: null, after: SHA }],
    ['push', 'payload.commits is an object, expected a list', { commits: {} }],
    [
      'push',
      'payload.commits[0].message is a number, expected a string',
      {
        commits: [{ message: 1 }],
      },
    ],
    ['merge_group', 'payload.merge_group.head_sha is missing', { merge_group: { base_sha: SHA } }],
    [
      'push',
      'payload.repository.default_branch is a boolean, expected a string',
      {
        repository: { default_branch: true },
      },
    ],
    ['push', 'payload is a list, expected an object', []],
    ['push', 'payload is null, expected an object', null],
  ];
  for (const [name, found, payload] of broken) {
    it(`names the field: ${found}`, () => {
      assert.throws(
        () => checkedPayload(name, payload),
        (error: unknown) =>
          error instanceof ConfigurationError &&
          error.message ===
            `GITHUB_EVENT_PATH: the ${name} payload is not what GitHub sends: ${found}`,
      );
    });
  }

  it('takes a deleted fork (head.repo null) as GitHub sends it', () => {
    const payload = {
      pull_request: { ...pull.pull_request, head: { ...pull.pull_request.head, repo: null } },
    };
    assert.equal(checkedPayload('pull_request', payload), payload);
  });
});

describe('readWorkflowEvent', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lanekit-event-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the name, payload, sha, ref and repository from the environment', () => {
    const path = join(dir, 'push.json');
    writeFileSync(path, JSON.stringify({ before: SHA, after: SHA }));
    const event = readWorkflowEvent({
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: path,
      GITHUB_SHA: SHA,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
    });
    assert.deepEqual(event, {
      name: 'push',
      payload: { before: SHA, after: SHA },
      sha: SHA,
      ref: 'refs/heads/main',
      repository: { owner: 'octo-org', repo: 'octo-repo' },
    });
  });

  it('says the payload cannot be read, not a crash, for a missing file or bad JSON', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"before": ');
    for (const path of [bad, join(dir, 'missing.json'), dir]) {
      assert.throws(
        () => readWorkflowEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path }),
        /^ConfigurationError: GITHUB_EVENT_PATH: cannot read the event payload \(/,
      );
    }
  });

  it('has no repository without an owner and a name', () => {
    for (const value of [undefined, '', 'octo-org', '/octo-repo', 'octo-org/']) {
      assert.equal(repositoryOf({ GITHUB_REPOSITORY: value }), undefined, String(value));
    }
  });
});
