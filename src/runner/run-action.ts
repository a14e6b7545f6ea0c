import * as core from '@actions/core';
import type { ActionContext } from './action-context.ts';
import { createActionContext } from './action-context.ts';
import { errorMessage } from '../common/error-message.ts';
import { CheckFailed, ConfigurationError, ServiceError } from './errors.ts';
import { neutralize } from './neutralize.ts';

/** An action's body (`run`, or `post` for its post step). */
export type ActionBody = (context: ActionContext) => Promise<void>;

function fail(message: string, properties: core.AnnotationProperties = {}): void {
  process.exitCode = 1;
  core.error(message, properties);
}

/**
 * Runs an action's body. A user's error (configuration, a service, a check the inputs asked for)
 * fails the step with `<action>: <message>`, a configuration error at a file's line as an
 * annotation on that line; any other error is a lanekit bug: its message is shown, its stack
 * only in debug logs.
 */
export async function runAction(
  action: string,
  body: ActionBody,
  context: ActionContext = createActionContext(),
): Promise<void> {
  try {
    await body(context);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      const at = error.location;
      fail(
        `${action}: ${neutralize(error.message)}`,
        at ? { file: at.file, startLine: at.line, startColumn: at.column } : {},
      );
      return;
    }
    if (error instanceof ServiceError || error instanceof CheckFailed) {
      fail(`${action}: ${neutralize(error.message)}`);
      return;
    }
    if (error instanceof Error && error.stack) context.log.debug(error.stack);
    fail(
      `${action}: unexpected error: ${neutralize(errorMessage(error))} (this is a lanekit bug; please report it with the debug log)`,
    );
  }
}
