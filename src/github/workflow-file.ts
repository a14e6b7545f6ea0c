import { existsSync, readFileSync } from 'node:fs';
import { errorMessage } from '../common/error-message.ts';
import { inWorkspace } from '../runner/config-input.ts';
import type { Logger } from '../runner/logger.ts';
import type { GitHubClient } from './client.ts';
import { readContents } from './contents.ts';
import { repositoryOf } from './event.ts';

/** The workflow file's path in the repository, from `GITHUB_WORKFLOW_REF` (`o/r/<path>@<ref>`). */
export function workflowPath(workflowRef: string | undefined): string | undefined {
  if (!workflowRef) return undefined;
  const at = workflowRef.lastIndexOf('@');
  const withoutRef = at < 0 ? workflowRef : workflowRef.slice(0, at);
  const parts = withoutRef.split('/');
  return parts.length > 2 ? parts.slice(2).join('/') : undefined;
}

export interface WorkflowFile {
  readonly path: string;
  /** Undefined when neither the checkout nor the contents API could give it. */
  readonly text: string | undefined;
}

/**
 * The file of the workflow this step runs in: the checkout's copy, else (with a client) the
 * contents API at the commit the run's workflow came from. Undefined outside a workflow run.
 */
export async function readRunWorkflowFile(options: {
  env: NodeJS.ProcessEnv;
  workspace: string;
  client: GitHubClient | undefined;
  log: Logger;
}): Promise<WorkflowFile | undefined> {
  const { env, client, log } = options;
  const path = workflowPath(env.GITHUB_WORKFLOW_REF);
  if (!path) return undefined;
  const local = inWorkspace(options.workspace, path);
  if (existsSync(local)) return { path, text: readFileSync(local, 'utf8') };
  const repository = repositoryOf(env);
  const ref = env.GITHUB_WORKFLOW_SHA ?? env.GITHUB_SHA;
  if (!client || !repository || !ref) return { path, text: undefined };
  try {
    const [text] = await readContents(client, repository, [{ path, ref }]);
    return { path, text };
  } catch (error) {
    log.debug(`workflow file: ${errorMessage(error)}`);
    return { path, text: undefined };
  }
}
