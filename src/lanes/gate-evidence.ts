import { YAMLParseError } from 'yaml';
import { errorMessage } from '../common/error-message.ts';
import type { GitHubClient } from '../github/client.ts';
import { currentRunAttempt, listRunAttemptJobs } from '../github/run-jobs.ts';
import { readRunWorkflowFile } from '../github/workflow-file.ts';
import type { Logger } from '../runner/logger.ts';
import type { RunLegs } from './gate.ts';
import type { GateWorkflowCheck } from './gate-workflow.ts';
import { checkGateWorkflow } from './gate-workflow.ts';
import type { LanesConfig } from './lanes-config.ts';
import { DEFAULT_LANES_FILE } from './lanes-config.ts';

/**
 * The gate job's own definition, from the checkout or (with a client) the contents API: whether
 * its `if:` lets it be skipped, and which jobs it does not judge.
 */
export async function gateWorkflowCheck(options: {
  env: NodeJS.ProcessEnv;
  workspace: string;
  client: GitHubClient | undefined;
  log: Logger;
}): Promise<GateWorkflowCheck | undefined> {
  const job = options.env.GITHUB_JOB;
  if (!job) return undefined;
  const file = await readRunWorkflowFile(options);
  if (!file) return undefined;
  if (file.text === undefined) {
    options.log.info(
      `Cannot read ${file.path} (no checkout, no contents: read), so the gate's own if: is not checked`,
    );
    return undefined;
  }
  try {
    return checkGateWorkflow(file.text, job);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    options.log.warning(
      `${file.path} is not valid YAML (${error.message.split('\n')[0] ?? ''}): the gate's if: is not checked`,
    );
    return undefined;
  }
}

/** This run's jobs by lane, when a client can read them; otherwise the gate judges from needs alone. */
export async function gateRunLegs(options: {
  env: NodeJS.ProcessEnv;
  client: GitHubClient | undefined;
  lanes: () => LanesConfig | undefined;
  check: GateWorkflowCheck | undefined;
  log: Logger;
}): Promise<RunLegs | undefined> {
  const { client, log } = options;
  const run = currentRunAttempt(options.env);
  if (!client || !run) return undefined;
  const config = options.lanes();
  if (!config) {
    log.notice(
      `No ${DEFAULT_LANES_FILE} in the workspace: judging from needs alone. Check it out, or pass the lanes YAML in lanes-file, to judge each lane's legs.`,
    );
    return undefined;
  }
  try {
    const { jobs, totalCount } = await listRunAttemptJobs(client, run);
    log.info(`Read ${jobs.length} jobs of run ${run.runId} attempt ${run.attempt}`);
    return {
      config,
      jobs,
      complete: jobs.length >= totalCount,
      nameBases: options.check?.nameBases ?? new Map(),
    };
  } catch (error) {
    log.warning(
      `Judging from needs alone: ${errorMessage(error)}. Give the gate job permissions: actions: read to judge each lane's legs.`,
    );
    return undefined;
  }
}
