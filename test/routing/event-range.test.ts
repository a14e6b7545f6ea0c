import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowEvent } from '../../src/github/event.ts';
import { requestRange } from '../../src/routing/event-range.ts';
import {
  mergeGroupPayload,
  pullRequestPayload,
  pushPayload,
} from '../../src/rehearsal/payloads.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const ZERO = '0'.repeat(40);

function event(name: string, payload: object, sha = B, ref = 'refs/heads/main'): WorkflowEvent {
  return { name, payload, sha, ref, repository: { owner: 'octo-org', repo: 'octo-repo' } };
}

describe('requestRange', () => {
  const cases: [string, WorkflowEvent, object][] = [
    [
      'pull_request: merge base of base.sha and head.sha',
      event('pull_request', pullRequestPayload({ baseSha: A, headSha: B }), 'c'.repeat(40)),
      { kind: 'merge-base', base: A, head: B },
    ],
    [
      'pull_request_target: the same base and head',
      event('pull_request_target', pullRequestPayload({ baseSha: A, headSha: B, fork: true })),
      { kind: 'merge-base', base: A, head: B },
    ],
    [
      'push: before..after',
      event('push', pushPayload({ before: A, after: B })),
      { kind: 'merge-base', base: A, head: B },
    ],
    [
      'push of a new branch: the default branch',
      event(
        'push',
        pushPayload({ before: ZERO, after: B, ref: 'refs/heads/topic', created: true }),
      ),
      { kind: 'merge-base', base: 'refs/heads/main', head: B },
    ],
    [
      'force push: the default branch, not the orphaned before',
      event('push', pushPayload({ before: A, after: B, ref: 'refs/heads/topic', forced: true })),
      { kind: 'merge-base', base: 'refs/heads/main', head: B },
    ],
    [
      'force push of the default branch: every route',
      event('push', pushPayload({ before: A, after: B, forced: true })),
      { kind: 'all', cause: 'base-unknown:force-push' },
    ],
    [
      'new default branch: every route',
      event('push', pushPayload({ before: ZERO, after: B, created: true })),
      { kind: 'all', cause: 'base-unknown:new-branch' },
    ],
    [
      'new branch without a default branch in the payload',
      event('push', { before: ZERO, after: B, ref: 'refs/heads/x', created: true }),
      { kind: 'all', cause: 'base-unknown:new-branch' },
    ],
    [
      'tag push',
      event('push', pushPayload({ before: ZERO, after: B, ref: 'refs/tags/v1' })),
      { kind: 'all', cause: 'event:push-tag' },
    ],
    [
      'merge_group: base_sha..head_sha',
      event('merge_group', mergeGroupPayload({ baseSha: A, headSha: B })),
      { kind: 'merge-base', base: A, head: B },
    ],
    [
      'workflow_dispatch',
      event('workflow_dispatch', {}),
      { kind: 'all', cause: 'event:workflow_dispatch', head: B },
    ],
    ['schedule', event('schedule', {}), { kind: 'all', cause: 'event:schedule' }],
    ['an unknown event', event('', {}), { kind: 'all', cause: 'event:unknown' }],
  ];
  for (const [title, input, expected] of cases) {
    it(title, () => {
      const range = requestRange(input, {});
      for (const [key, value] of Object.entries(expected)) {
        assert.equal(range[key as keyof typeof range], value, `${key} in ${JSON.stringify(range)}`);
      }
      assert.ok(range.how.length > 0);
    });
  }

  it('lets the base and head inputs override any event', () => {
    assert.deepEqual(requestRange(event('schedule', {}), { base: 'v1.0.0', head: 'main' }), {
      kind: 'merge-base',
      base: 'v1.0.0',
      head: 'main',
      how: 'the base input',
    });
  });
});
