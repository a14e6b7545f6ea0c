import { errorMessage } from '../common/error-message.ts';
import type { GitHubClient } from '../github/client.ts';
import { readContents } from '../github/contents.ts';
import type { Repo } from '../github/repo.ts';
import { readRunWorkflowFile } from '../github/workflow-file.ts';
import type { Logger } from '../runner/logger.ts';
import type { Workflow } from '../workflow/workflow.ts';
import { parseWorkflow } from '../workflow/workflow.ts';
import type { RunInfo } from './run-data.ts';

/** The workflow file as read, or why it could not be: a notice for the report. */
export interface WorkflowRead {
  readonly workflow?: Workflow;
  readonly notice?: string;
}

/** Where the workflow file of a run is read from. */
interface WorkflowSource {
  readonly run: RunInfo;
  readonly isThisRun: boolean;
  readonly repo: Repo;
  readonly client: GitHubClient;
  readonly env: NodeJS.ProcessEnv;
  readonly workspace: string;
  readonly log: Logger;
}

async function workflowText(
  options: WorkflowSource,
): Promise<{ path: string | undefined; text: string | undefined }> {
  const { run, client, log } = options;
  if (options.isThisRun) {
    const file = await readRunWorkflowFile(options);
    if (file !== undefined) return file;
  }
  if (run.workflowPath === undefined) return { path: undefined, text: undefined };
  try {
    const [text] = await readContents(client, options.repo, [
      { path: run.workflowPath, ref: run.headSha },
    ]);
    return { path: run.workflowPath, text };
  } catch (error) {
    log.debug(`workflow file: ${errorMessage(error)}`);
    return { path: run.workflowPath, text: undefined };
  }
}

/**
 * The jobs and `needs` of the run's workflow file: this run's from the checkout or the contents
 * API at the workflow's commit (readRunWorkflowFile), another run's from the contents API at its
 * head_sha. At most one request.
 */
export async function readRunWorkflow(options: WorkflowSource): Promise<WorkflowRead> {
  const { path, text } = await workflowText(options);
  // Without the file the analysis says there is no critical path; only a broken file needs a word.
  if (text === undefined) return {};
  try {
    return { workflow: parseWorkflow(text) };
  } catch (error) {
    return {
      notice: `the workflow file ${path ?? ''} is not valid YAML: ${errorMessage(error)}`,
    };
  }
}
