/**
 * Event payloads shaped like the ones GitHub sends (the fields lanekit reads, plus the ones
 * around them), for the runner harness's GITHUB_EVENT_PATH.
 */
const repository = (defaultBranch = 'main') => ({
  id: 1296269,
  name: 'octo-repo',
  full_name: 'octo-org/octo-repo',
  private: false,
  owner: { login: 'octo-org', id: 1, type: 'Organization' },
  default_branch: defaultBranch,
  fork: false,
});

export function pullRequestPayload(options: {
  number?: number;
  baseSha: string;
  headSha: string;
  baseRef?: string;
  headRef?: string;
  labels?: string[];
  fork?: boolean;
  action?: string;
}) {
  const repo = repository();
  const headRepo = options.fork
    ? {
        ...repo,
        full_name: 'contributor/octo-repo',
        fork: true,
        owner: { login: 'contributor', id: 2, type: 'User' },
      }
    : repo;
  return {
    action: options.action ?? 'synchronize',
    number: options.number ?? 7,
    pull_request: {
      number: options.number ?? 7,
      state: 'open',
      title: 'A change',
      labels: (options.labels ?? []).map((name, id) => ({
        id,
        name,
        color: 'ededed',
        default: false,
      })),
      base: { label: 'octo-org:main', ref: options.baseRef ?? 'main', sha: options.baseSha, repo },
      head: {
        label: 'octo-org:feature',
        ref: options.headRef ?? 'feature',
        sha: options.headSha,
        repo: headRepo,
      },
    },
    repository: repo,
    sender: { login: 'octocat', id: 3, type: 'User' },
  };
}

export function pushPayload(options: {
  before: string;
  after: string;
  ref?: string;
  created?: boolean;
  forced?: boolean;
  messages?: string[];
  defaultBranch?: string;
}) {
  const commits = (options.messages ?? []).map((message, i) => ({
    id: `${i}`,
    message,
    distinct: true,
  }));
  return {
    ref: options.ref ?? 'refs/heads/main',
    before: options.before,
    after: options.after,
    created: options.created ?? false,
    deleted: false,
    forced: options.forced ?? false,
    base_ref: null,
    compare: 'https://github.com/octo-org/octo-repo/compare/a...b',
    commits,
    head_commit: commits[commits.length - 1] ?? null,
    repository: repository(options.defaultBranch),
    pusher: { name: 'octocat', email: 'octocat@example.com' },
    sender: { login: 'octocat', id: 3, type: 'User' },
  };
}

export function mergeGroupPayload(options: { baseSha: string; headSha: string; message?: string }) {
  return {
    action: 'checks_requested',
    merge_group: {
      head_sha: options.headSha,
      head_ref: 'refs/heads/gh-readonly-queue/main/pr-7-' + options.baseSha,
      base_sha: options.baseSha,
      base_ref: 'refs/heads/main',
      head_commit: {
        id: options.headSha,
        tree_id: '0',
        message: options.message ?? 'Merge queue entry',
      },
    },
    repository: repository(),
    sender: { login: 'octocat', id: 3, type: 'User' },
  };
}
