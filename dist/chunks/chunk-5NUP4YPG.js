import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  fitSummary
} from "./chunk-EKKV53IZ.js";
import {
  neutralize
} from "./chunk-BDGPVZJH.js";
import {
  CheckFailed,
  ConfigurationError,
  ServiceError,
  invalidValue
} from "./chunk-5TY2TEEQ.js";

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
    if (value === void 0) return void 0;
    try {
      return JSON.parse(value);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
      throw new ConfigurationError(`${name}: got '${shown}', expected ${what} (${reason})`);
    }
  }
};

// src/runner/runner-protocol.ts
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
function readInput(name, env = process.env) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function fileCommand(variable, key, value) {
  const path = process.env[variable];
  if (!path) throw new Error(`${variable} is not set: is this running as a GitHub Actions step?`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (key.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`the value of ${key} contains the delimiter`);
  }
  appendFileSync(path, `${key}<<${delimiter}
${value}
${delimiter}
`, "utf8");
}
function setOutput(name, value) {
  fileCommand("GITHUB_OUTPUT", name, value);
}
var escapeData = (text) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
function logCommand(command, message) {
  process.stdout.write(`::${command}::${escapeData(message)}
`);
}
function logLine(message) {
  process.stdout.write(`${message}
`);
}
function appendStepSummary(markdown) {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (path) appendFileSync(path, markdown.endsWith("\n") ? markdown : `${markdown}
`, "utf8");
}
function setFailed(message) {
  process.exitCode = 1;
  logCommand("error", message);
}

// src/runner/action.ts
var log = {
  debug: (message) => {
    if (process.env.RUNNER_DEBUG === "1") logCommand("debug", neutralize(message));
  },
  info: (message) => {
    logLine(neutralize(message));
  },
  notice: (message) => {
    logCommand("notice", neutralize(message));
  },
  warning: (message) => {
    logCommand("warning", neutralize(message));
  }
};
var context = {
  inputs: new Inputs(readInput),
  log,
  setOutput,
  appendSummary: (markdown) => {
    appendStepSummary(fitSummary(markdown));
  }
};
async function runAction(action, body) {
  try {
    await body(context);
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof ServiceError || error instanceof CheckFailed) {
      setFailed(`${action}: ${neutralize(error.message)}`);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && error.stack) log.debug(error.stack);
    setFailed(
      `${action}: unexpected error: ${neutralize(message)} (this is a lanekit bug; please report it with the debug log)`
    );
  }
}

// src/runner/config-input.ts
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
var workspace = () => process.env.GITHUB_WORKSPACE ?? process.cwd();
function isInlineConfig(value) {
  return value.includes("\n") || /^\s*[{[]/.test(value);
}
function readConfigInput(input, value, options) {
  if (isInlineConfig(value)) return { text: value, origin: `${input} input` };
  const path = isAbsolute(value) ? value : resolve(workspace(), value);
  if (!existsSync(path)) {
    if (options.optional && value === options.defaultFile) return void 0;
    throw new ConfigurationError(
      `${input}: got '${value}', expected a file in the workspace or inline YAML; no file at ${path}` + (value === options.defaultFile ? " (did the job run actions/checkout first?)" : "")
    );
  }
  return { text: readFileSync(path, "utf8"), origin: value };
}

export {
  runAction,
  workspace,
  readConfigInput
};
