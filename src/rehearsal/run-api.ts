/**
 * What GitHub answers about a workflow run, registered on a GitHubApiServer: the attempts (and
 * the run itself, as its latest attempt), their jobs 100 a page with Link headers, the workflow
 * files through the contents API (raw or as a content-file object), the cache usage, the
 * workflow's runs listing, and job logs (a 302 to a blob path on the same server, as GitHub
 * redirects to storage). Bodies come from run-bodies.ts.
 */
import { createHash } from 'node:crypto';
import type { GitHubApiServer, RouteRequest, RouteResponse } from './github-api.ts';
import type {
  ApiJob,
  ApiWorkflowRun,
  CacheUsageBody,
  GeneratedAttempt,
  RunPlan,
} from './run-bodies.ts';

/** A run as the API serves it; read at each request, so a run in progress can grow. */
export interface ServedRun {
  readonly owner: string;
  readonly repo: string;
  /** Every attempt of the run, oldest first. */
  readonly attempts: readonly GeneratedAttempt[];
  /** The plan of the run: its workflow's id and file name. */
  readonly plan: Pick<RunPlan, 'workflowId' | 'workflowFile'>;
  /** By path (`.github/workflows/ci.yml`): the run's workflow and the reusable ones it calls. */
  readonly workflowFiles: Readonly<Record<string, string>>;
  readonly cacheUsage: CacheUsageBody;
  /** The latest successful run of the same workflow on the default branch, if there is one. */
  readonly baseline: GeneratedAttempt | undefined;
  /** The workflow's runs, newest first, as `GET …/actions/workflows/{id}/runs` lists them. */
  readonly workflowRuns: readonly ApiWorkflowRun[];
}

const DEFAULT_BRANCH = 'main';

export interface ServeOptions {
  /** Job logs by job id; a job without one answers 404 on its logs endpoint, as expired logs do. */
  readonly logs?: ReadonlyMap<number, string | Buffer>;
}

/** `GET …/contents/{path}` without the raw media type: the file as a content-file object. */
export function contentFileBody(
  owner: string,
  repo: string,
  path: string,
  text: string,
  ref: string,
) {
  const content = Buffer.from(text, 'utf8').toString('base64');
  const blob = createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest('hex');
  const url = `https://api.github.com/repos/${owner}/${repo}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = `https://api.github.com/repos/${owner}/${repo}/git/blobs/${blob}`;
  const htmlUrl = `https://github.com/${owner}/${repo}/blob/${ref}/${path}`;
  return {
    name: path.split('/').pop()!,
    path,
    sha: blob,
    size: Buffer.byteLength(text),
    url,
    html_url: htmlUrl,
    git_url: gitUrl,
    download_url: `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${path}`,
    type: 'file',
    // GitHub wraps base64 at 60 characters.
    content: `${content.replace(/.{60}/g, '$&\n')}\n`,
    encoding: 'base64',
    _links: { self: url, git: gitUrl, html: htmlUrl },
  };
}

const NOT_FOUND: RouteResponse = {
  status: 404,
  body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
};

/** Whether a runs-listing item passes the listing's query filters, as GitHub applies them. */
function listed(run: ApiWorkflowRun, query: URLSearchParams): boolean {
  const branch = query.get('branch');
  const event = query.get('event');
  const status = query.get('status');
  const headSha = query.get('head_sha');
  if (branch !== null && run.head_branch !== branch) return false;
  if (event !== null && run['event'] !== event) return false;
  if (headSha !== null && run.head_sha !== headSha) return false;
  return status === null || run.status === status || run.conclusion === status;
}

/** Registers what GitHub answers about `run` on `server`. Unknown runs, attempts, files and other repositories answer 404, except a jobs listing, which answers an empty page (the server's pagination has no 404). */
export function serveScenario(
  server: GitHubApiServer,
  run: ServedRun,
  options: ServeOptions = {},
): void {
  const ours = (req: RouteRequest) =>
    req.params.owner === run.owner && req.params.repo === run.repo;
  const all = () => [...run.attempts, ...(run.baseline ? [run.baseline] : [])];
  const attemptOf = (req: RouteRequest): GeneratedAttempt | undefined => {
    if (!ours(req)) return undefined;
    const runId = Number(req.params.run_id);
    const matching = all().filter((a) => a.run.id === runId);
    if (req.params.attempt_number === undefined) return matching.at(-1);
    return matching.find((a) => a.run.run_attempt === Number(req.params.attempt_number));
  };
  const answer = (found: GeneratedAttempt | undefined): RouteResponse =>
    found ? { body: found.run } : NOT_FOUND;
  server.route('GET', '/repos/:owner/:repo/actions/runs/:run_id', (req) => answer(attemptOf(req)));
  server.route('GET', '/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt_number', (req) =>
    answer(attemptOf(req)),
  );
  const jobsOf = (req: RouteRequest): readonly ApiJob[] => attemptOf(req)?.jobs.jobs ?? [];
  server.paginated(
    'GET',
    '/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt_number/jobs',
    jobsOf,
    {
      key: 'jobs',
    },
  );
  server.paginated(
    'GET',
    '/repos/:owner/:repo/actions/runs/:run_id/jobs',
    (req) => {
      if (req.query.get('filter') !== 'all') return jobsOf(req);
      return all()
        .filter((a) => ours(req) && a.run.id === Number(req.params.run_id))
        .flatMap((a) => a.jobs.jobs);
    },
    { key: 'jobs' },
  );
  const contents = (req: RouteRequest, path: string): RouteResponse => {
    const text = run.workflowFiles[path];
    if (!ours(req) || text === undefined) return NOT_FOUND;
    // GitHub answers the raw media type as text/plain, which is what rawBody sends.
    if ((req.headers.accept ?? '').includes('raw')) return { rawBody: text };
    const ref = req.query.get('ref') ?? DEFAULT_BRANCH;
    return { body: contentFileBody(run.owner, run.repo, path, text, ref) };
  };
  for (const path of Object.keys(run.workflowFiles)) {
    server.route('GET', `/repos/:owner/:repo/contents/${path}`, (req) => contents(req, path));
  }
  // Octokit's `{path}` parameter sends the path as one segment, its slashes as %2F.
  server.route('GET', '/repos/:owner/:repo/contents/:path', (req) =>
    contents(req, req.params.path!),
  );
  server.route('GET', '/repos/:owner/:repo/actions/cache/usage', (req) =>
    ours(req) ? { body: run.cacheUsage } : NOT_FOUND,
  );
  const workflowId = run.plan.workflowId;
  const workflowFile = run.plan.workflowFile;
  server.paginated(
    'GET',
    '/repos/:owner/:repo/actions/workflows/:workflow_id/runs',
    (req) => {
      const id = req.params.workflow_id;
      if (!ours(req) || (id !== workflowFile && id !== String(workflowId))) return [];
      return run.workflowRuns.filter((item) => listed(item, req.query));
    },
    { key: 'workflow_runs' },
  );
  const logs = options.logs;
  if (logs === undefined) return;
  server.route('GET', '/repos/:owner/:repo/actions/jobs/:job_id/logs', (req) => {
    if (!ours(req) || !logs.has(Number(req.params.job_id))) return NOT_FOUND;
    return {
      status: 302,
      headers: {
        location: `${server.url}/job-logs/${req.params.job_id}`,
        'content-type': 'text/html;charset=utf-8',
      },
      rawBody: '',
    };
  });
  server.route('GET', '/job-logs/:job_id', (req) => {
    const log = logs.get(Number(req.params.job_id));
    return log === undefined
      ? { status: 404, rawBody: 'BlobNotFound' }
      : { rawBody: log, headers: { 'content-type': 'text/plain' } };
  });
}
