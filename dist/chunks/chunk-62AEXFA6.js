import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  ConfigurationError,
  errorMessage,
  invalidValue
} from "./chunk-2WEQVLCG.js";

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
  } catch (error) {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    throw new ConfigurationError(
      `${name}: got '${shown}', expected ${what} (${errorMessage(error)})`
    );
  }
}

export {
  Inputs,
  parseJsonInput
};
