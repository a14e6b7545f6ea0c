import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  Inputs
} from "./chunk-62AEXFA6.js";
import {
  UsageError
} from "./chunk-EZB67IH2.js";
import {
  ConfigurationError,
  errorMessage
} from "./chunk-2WEQVLCG.js";

// src/cli/option-inputs.ts
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
function optionInputs(values) {
  return new Inputs((name) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  });
}
function asOptionError(options, error) {
  if (!(error instanceof ConfigurationError)) return error;
  const named = options.find((name) => error.message.startsWith(`${name}: `));
  return named === void 0 ? error : new UsageError(`--${error.message}`);
}
function withOptionNames(options, read) {
  try {
    return read();
  } catch (error) {
    throw asOptionError(options, error);
  }
}
function readOptionFile(option, file) {
  if (file === "-") return readFileSync(0, "utf8");
  const path = resolve(file);
  let isFile;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new UsageError(`--${option}: got '${file}', but there is no file at ${path}`);
  }
  if (!isFile) throw new UsageError(`--${option}: got '${file}', but ${path} is not a file`);
  return readFileSync(path, "utf8");
}
function readOptionJson(option, file, what) {
  const text = readOptionFile(option, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--${option}: ${file === "-" ? "stdin" : file} is not JSON (${errorMessage(error)}); expected ${what}`
    );
  }
}

export {
  optionInputs,
  asOptionError,
  withOptionNames,
  readOptionFile,
  readOptionJson
};
