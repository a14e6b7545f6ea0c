import * as core from '@actions/core';
import { ConfigurationError } from './configuration-error.ts';
import { Inputs } from './inputs.ts';
import type { Logger } from './logger.ts';
import { neutralize } from './neutralize.ts';
import { fitSummary } from './summary.ts';

/**
 * The Actions runtime seen by an action's entry: typed inputs, neutralized logs, safe outputs
 * and the step summary. This file and `src/actions/` are the only code that touches
 * `@actions/core`; domains receive a `Logger` and return data.
 */
export interface ActionContext {
  readonly inputs: Inputs;
  readonly log: Logger;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): Promise<void>;
}

const log: Logger = {
  debug: (message) => {
    core.debug(neutralize(message));
  },
  info: (message) => {
    core.info(neutralize(message));
  },
  notice: (message) => {
    core.notice(neutralize(message));
  },
  warning: (message) => {
    core.warning(neutralize(message));
  },
};

const context: ActionContext = {
  inputs: new Inputs((name) => core.getInput(name)),
  log,
  // core.setOutput writes the delimiter form of GITHUB_OUTPUT with a random delimiter, so any
  // value (newlines included) round-trips exactly.
  setOutput: (name, value) => {
    core.setOutput(name, value);
  },
  appendSummary: async (markdown) => {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await core.summary.addRaw(fitSummary(markdown), true).write();
  },
};

/**
 * Runs an action's body. A ConfigurationError fails the step with `<action>: <message>`; any
 * other error is a lanekit bug: its message is shown, its stack only in debug logs.
 */
export async function runAction(
  action: string,
  body: (context: ActionContext) => Promise<void>,
): Promise<void> {
  try {
    await body(context);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      core.setFailed(`${action}: ${neutralize(error.message)}`);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && error.stack) core.debug(neutralize(error.stack));
    core.setFailed(
      `${action}: unexpected error: ${neutralize(message)} (this is a lanekit bug; please report it with the debug log)`,
    );
  }
}
