import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  addPath,
  debug,
  error,
  exportVariable,
  getState,
  group,
  info,
  notice,
  saveState,
  setOutput,
  warning
} from "./chunk-6ZRQNHWQ.js";
import {
  fitSummary
} from "./chunk-SHBUU7UF.js";
import {
  Inputs
} from "./chunk-62AEXFA6.js";
import {
  neutralize
} from "./chunk-BDGPVZJH.js";
import {
  CheckFailed,
  ConfigurationError,
  ServiceError,
  errorMessage
} from "./chunk-2WEQVLCG.js";

// src/runner/action-context.ts
import { appendFileSync } from "node:fs";
function readInput(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
var actionLog = {
  debug: (message) => {
    debug(neutralize(message));
  },
  info: (message) => {
    info(neutralize(message));
  },
  notice: (message) => {
    notice(neutralize(message));
  },
  warning: (message) => {
    warning(neutralize(message));
  }
};
function createActionContext(env = process.env) {
  return {
    env,
    inputs: new Inputs((name) => readInput(env, name)),
    log: actionLog,
    setOutput,
    exportVariable,
    addPath,
    saveState,
    getState,
    // Not core.summary: it caches the file's path for the life of the process.
    appendSummary: (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) return;
      const text = fitSummary(markdown);
      appendFileSync(env.GITHUB_STEP_SUMMARY, text.endsWith("\n") ? text : `${text}
`, "utf8");
    },
    group: (title, body) => group(neutralize(title), body)
  };
}

// src/runner/run-action.ts
function fail(message, properties = {}) {
  process.exitCode = 1;
  error(message, properties);
}
async function runAction(action, body, context = createActionContext()) {
  try {
    await body(context);
  } catch (error2) {
    if (error2 instanceof ConfigurationError) {
      const at = error2.location;
      fail(
        `${action}: ${neutralize(error2.message)}`,
        at ? { file: at.file, startLine: at.line, startColumn: at.column } : {}
      );
      return;
    }
    if (error2 instanceof ServiceError || error2 instanceof CheckFailed) {
      fail(`${action}: ${neutralize(error2.message)}`);
      return;
    }
    if (error2 instanceof Error && error2.stack) context.log.debug(error2.stack);
    fail(
      `${action}: unexpected error: ${neutralize(errorMessage(error2))} (this is a lanekit bug; please report it with the debug log)`
    );
  }
}

export {
  runAction
};
