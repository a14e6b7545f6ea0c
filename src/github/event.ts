import { readFileSync } from 'node:fs';
import { errorMessage } from '../common/error-message.ts';
import { ConfigurationError } from '../runner/errors.ts';
import { checkedPayload } from './event-payload.ts';
import type { Repo } from './repo.ts';

/** The triggering event as the runner describes it: `GITHUB_EVENT_NAME` and the payload file. */
export interface WorkflowEvent {
  readonly name: string;
  readonly payload: EventPayload;
  /** `GITHUB_SHA`: the commit the run checked out (the merge commit for a pull request). */
  readonly sha: string | undefined;
  /** `GITHUB_REF`, e.g. `refs/heads/main`, `refs/tags/v1`, `refs/pull/1/merge`. */
  readonly ref: string | undefined;
  readonly repository: Repo | undefined;
}

/** The parts of the payloads lanekit reads; everything is optional because events differ. */
export interface EventPayload {
  readonly before?: string;
  readonly after?: string;
  readonly created?: boolean;
  readonly deleted?: boolean;
  readonly forced?: boolean;
  readonly ref?: string;
  readonly head_commit?: { readonly message?: string } | null;
  readonly commits?: readonly { readonly message?: string }[];
  readonly pull_request?: {
    readonly number: number;
    /** How many files the pull request changes, as GitHub counted them. */
    readonly changed_files?: number;
    readonly base: {
      readonly sha: string;
      readonly ref: string;
      readonly repo?: { readonly full_name?: string };
    };
    readonly head: {
      readonly sha: string;
      readonly ref: string;
      readonly repo?: { readonly full_name?: string } | null;
    };
    readonly labels?: readonly { readonly name: string }[];
  };
  readonly merge_group?: {
    readonly base_sha: string;
    readonly head_sha: string;
    readonly base_ref?: string;
    readonly head_commit?: { readonly message?: string };
  };
  readonly repository?: { readonly default_branch?: string; readonly full_name?: string };
}

export const PULL_REQUEST_EVENTS = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
];

export function readWorkflowEvent(env: NodeJS.ProcessEnv = process.env): WorkflowEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  let raw: unknown = {};
  const path = env.GITHUB_EVENT_PATH;
  if (path) {
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ConfigurationError(
        `GITHUB_EVENT_PATH: cannot read the event payload (${errorMessage(error)})`,
      );
    }
  }
  const payload = checkedPayload(name, raw);
  return { name, payload, sha: env.GITHUB_SHA, ref: env.GITHUB_REF, repository: repositoryOf(env) };
}

/** `GITHUB_REPOSITORY` (`owner/repo`) as the REST API names it. */
export function repositoryOf(env: NodeJS.ProcessEnv): Repo | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return owner && repo ? { owner, repo } : undefined;
}

/** `GITHUB_API_URL`: api.github.com, or a GHES instance's `/api/v3`. */
export function githubApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_API_URL ?? 'https://api.github.com';
}
