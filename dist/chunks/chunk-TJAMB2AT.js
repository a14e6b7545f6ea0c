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
  neutralize
} from "./chunk-BDGPVZJH.js";
import {
  CheckFailed,
  ConfigurationError,
  ServiceError,
  errorMessage,
  invalidValue
} from "./chunk-2WEQVLCG.js";

// src/runner/action-context.ts
import { appendFileSync } from "node:fs";

// src/runner/inputs.ts
var Inputs = class {
  #read;
  constructor(read) {
    this.#read = read;
  }
  optional(name) {
    const value = this.#read(name).trim();
    return value === "" ? void 0 : value;
  }
  required(name) {
    const value = this.optional(name);
    if (value === void 0) {
      throw new ConfigurationError(`${name}: input required and not supplied`);
    }
    return value;
  }
  boolean(name, fallback) {
    const value = this.optional(name);
    if (value === void 0) return fallback;
    const lower = value.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
    throw invalidValue(name, value, "true|false");
  }
  choice(name, allowed, fallback) {
    const value = this.optional(name);
    if (value === void 0) return fallback;
    const found = allowed.find((a) => a === value.toLowerCase());
    if (found === void 0) throw invalidValue(name, value, `one of ${allowed.join("|")}`);
    return found;
  }
  integer(name, fallback, range) {
    const value = this.optional(name);
    if (value === void 0) return fallback;
    const parsed = /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < range.min || parsed > range.max) {
      throw invalidValue(name, value, `an integer from ${range.min} to ${range.max}`);
    }
    return parsed;
  }
  /** One entry per line or per comma; blank entries and `#` comment lines are dropped. */
  list(name) {
    const value = this.optional(name);
    if (value === void 0) return [];
    return value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#")).flatMap((line) => line.split(",")).map((entry) => entry.trim()).filter((entry) => entry !== "");
  }
  /** Parsed JSON; `what` says what shape is allowed, for the error message. */
  json(name, what) {
    const value = this.optional(name);
    return value === void 0 ? void 0 : parseJsonInput(name, value, what);
  }
};
function parseJsonInput(name, value, what) {
  try {
    return JSON.parse(value);
  } catch (error2) {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    throw new ConfigurationError(
      `${name}: got '${shown}', expected ${what} (${errorMessage(error2)})`
    );
  }
}

// src/runner/action-context.ts
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
  parseJsonInput,
  runAction
};
