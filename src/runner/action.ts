import { CheckFailed, ConfigurationError, ServiceError } from './configuration-error.ts';
import { Inputs } from './inputs.ts';
import type { Logger } from './logger.ts';
import { neutralize } from './neutralize.ts';
import {
  appendStepSummary,
  logCommand,
  logLine,
  readInput,
  setFailed,
  setOutput,
} from './runner-protocol.ts';
import { fitSummary } from './summary.ts';

/**
 * The Actions runtime seen by an action's entry: typed inputs, neutralized logs, safe outputs
 * and the step summary. Domains never see it: they receive a `Logger` and return data.
 */
export interface ActionContext {
  readonly inputs: Inputs;
  readonly log: Logger;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): void;
}

const log: Logger = {
  debug: (message) => {
    if (process.env.RUNNER_DEBUG === '1') logCommand('debug', neutralize(message));
  },
  info: (message) => {
    logLine(neutralize(message));
  },
  notice: (message) => {
    logCommand('notice', neutralize(message));
  },
  warning: (message) => {
    logCommand('warning', neutralize(message));
  },
};

const context: ActionContext = {
  inputs: new Inputs(readInput),
  log,
  setOutput,
  appendSummary: (markdown) => {
    appendStepSummary(fitSummary(markdown));
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
    if (
      error instanceof ConfigurationError ||
      error instanceof ServiceError ||
      error instanceof CheckFailed
    ) {
      setFailed(`${action}: ${neutralize(error.message)}`);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && error.stack) log.debug(error.stack);
    setFailed(
      `${action}: unexpected error: ${neutralize(message)} (this is a lanekit bug; please report it with the debug log)`,
    );
  }
}
