/**
 * Payloads of the events whose trust depends on where the code comes from, shaped like the ones
 * GitHub sends (the fields around the ones lanekit reads included): pull_request_target,
 * pull_request_review, workflow_run and issue_comment, each from a fork or from the repository
 * itself. payloads.ts has pull_request, push and merge_group.
 */
import { pullRequestPayload } from '../../src/rehearsal/payloads.ts';

const BASE = 'octo-org/octo-repo';
const FORK = 'contributor/octo-repo';

const user = (login: string, id: number, type = 'User') => ({
  login,
  id,
  node_id: `U_${id}`,
  avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
  url: `https://api.github.com/users/${login}`,
  html_url: `https://github.com/${login}`,
  type,
  site_admin: false,
});

function repository(fullName: string, id: number) {
  const [owner, name] = fullName.split('/') as [string, string];
  return {
    id,
    node_id: `R_${id}`,
    name,
    full_name: fullName,
    private: false,
    owner: user(owner, id + 1, owner === 'octo-org' ? 'Organization' : 'User'),
    html_url: `https://github.com/${fullName}`,
    fork: fullName !== BASE,
    url: `https://api.github.com/repos/${fullName}`,
    default_branch: 'main',
  };
}

/** pull_request_target: the pull_request payload, run in the base repository's context. */
export function pullRequestTargetPayload(options: { fork: boolean }) {
  return pullRequestPayload({
    baseSha: 'a'.repeat(40),
    headSha: 'b'.repeat(40),
    fork: options.fork,
    action: 'opened',
  });
}

/** pull_request_review: the review, plus the pull request it reviews. */
export function pullRequestReviewPayload(options: { fork: boolean }) {
  const {
    pull_request,
    repository: repo,
    sender,
  } = pullRequestPayload({
    baseSha: 'a'.repeat(40),
    headSha: 'b'.repeat(40),
    fork: options.fork,
  });
  return {
    action: 'submitted',
    review: {
      id: 80,
      node_id: 'PRR_80',
      user: user('maintainer', 11),
      body: 'Looks good',
      commit_id: 'b'.repeat(40),
      state: 'approved',
      author_association: 'MEMBER',
      html_url: `https://github.com/${BASE}/pull/7#pullrequestreview-80`,
    },
    pull_request,
    repository: repo,
    sender,
  };
}

/** A pull request from Dependabot: a branch of the repository, opened by the bot. */
export function dependabotPullRequestPayload() {
  const payload = pullRequestPayload({
    baseSha: 'a'.repeat(40),
    headSha: 'b'.repeat(40),
    headRef: 'dependabot/npm_and_yarn/left-pad-1.3.0',
    action: 'opened',
  });
  return { ...payload, sender: user('dependabot[bot]', 49699333, 'Bot') };
}

/**
 * workflow_run: a run of another workflow finished. For a pull request from a fork, GitHub
 * leaves `pull_requests` empty and names the fork in `head_repository`.
 */
export function workflowRunPayload(options: { fork: boolean; event?: string; actor?: string }) {
  const repo = repository(BASE, 1296269);
  const head = options.fork ? repository(FORK, 9000001) : repo;
  const actor = user(options.actor ?? (options.fork ? 'contributor' : 'octocat'), 3);
  return {
    action: 'completed',
    workflow_run: {
      id: 30433642,
      name: 'Build',
      node_id: 'WFR_30433642',
      head_branch: options.fork ? 'patch-1' : 'feature',
      head_sha: 'b'.repeat(40),
      path: '.github/workflows/build.yml',
      display_title: 'A change',
      run_number: 562,
      event: options.event ?? 'pull_request',
      status: 'completed',
      conclusion: 'success',
      workflow_id: 159038,
      check_suite_id: 414944374,
      url: `https://api.github.com/repos/${BASE}/actions/runs/30433642`,
      html_url: `https://github.com/${BASE}/actions/runs/30433642`,
      pull_requests: options.fork
        ? []
        : [
            {
              url: `https://api.github.com/repos/${BASE}/pulls/7`,
              id: 1,
              number: 7,
              head: {
                ref: 'feature',
                sha: 'b'.repeat(40),
                repo: { id: repo.id, url: repo.url, name: repo.name },
              },
              base: {
                ref: 'main',
                sha: 'a'.repeat(40),
                repo: { id: repo.id, url: repo.url, name: repo.name },
              },
            },
          ],
      created_at: '2024-05-01T10:00:00Z',
      updated_at: '2024-05-01T10:05:00Z',
      run_attempt: 1,
      run_started_at: '2024-05-01T10:00:00Z',
      actor,
      triggering_actor: actor,
      head_commit: {
        id: 'b'.repeat(40),
        tree_id: 'c'.repeat(40),
        message: 'A change',
        timestamp: '2024-05-01T09:59:00Z',
        author: { name: 'Contributor', email: 'contributor@example.com' },
        committer: { name: 'GitHub', email: 'noreply@github.com' },
      },
      repository: repo,
      head_repository: head,
    },
    workflow: {
      id: 159038,
      node_id: 'W_159038',
      name: 'Build',
      path: '.github/workflows/build.yml',
      state: 'active',
    },
    repository: repo,
    sender: actor,
  };
}

/**
 * issue_comment: a comment on an issue or on a pull request. For a pull request the issue has a
 * `pull_request` object of links only; nothing says which repository the head branch is in.
 */
export function issueCommentPayload(options: {
  onPullRequest: boolean;
  authorAssociation?: string;
}) {
  const repo = repository(BASE, 1296269);
  return {
    action: 'created',
    issue: {
      url: `https://api.github.com/repos/${BASE}/issues/7`,
      repository_url: `https://api.github.com/repos/${BASE}`,
      html_url: `https://github.com/${BASE}/${options.onPullRequest ? 'pull' : 'issues'}/7`,
      id: 1,
      node_id: 'I_1',
      number: 7,
      title: 'A change',
      user: user('contributor', 2),
      labels: [],
      state: 'open',
      locked: false,
      comments: 1,
      author_association: options.authorAssociation ?? 'CONTRIBUTOR',
      ...(options.onPullRequest
        ? {
            pull_request: {
              url: `https://api.github.com/repos/${BASE}/pulls/7`,
              html_url: `https://github.com/${BASE}/pull/7`,
              diff_url: `https://github.com/${BASE}/pull/7.diff`,
              patch_url: `https://github.com/${BASE}/pull/7.patch`,
              merged_at: null,
            },
          }
        : {}),
      body: 'Please run both lanes',
    },
    comment: {
      id: 1001,
      node_id: 'IC_1001',
      url: `https://api.github.com/repos/${BASE}/issues/comments/1001`,
      html_url: `https://github.com/${BASE}/pull/7#issuecomment-1001`,
      user: user('maintainer', 11),
      created_at: '2024-05-01T10:00:00Z',
      updated_at: '2024-05-01T10:00:00Z',
      author_association: 'MEMBER',
      body: '/ci lanes=both',
    },
    repository: repo,
    sender: user('maintainer', 11),
  };
}
