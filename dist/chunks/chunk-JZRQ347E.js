import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-2WEQVLCG.js";

// src/runner/config-input.ts
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
var workspaceOf = (env) => env.GITHUB_WORKSPACE ?? process.cwd();
var inWorkspace = (workspace, path) => isAbsolute(path) ? path : resolve(workspace, path);
function isInside(path, roots) {
  const real = (p) => existsSync(p) ? realpathSync(p) : resolve(p);
  const target = real(path);
  return roots.some((root) => {
    const within = relative(real(root), target);
    return within === "" || !within.startsWith("..") && !isAbsolute(within);
  });
}
function pathInside(input, value, roots) {
  const path = inWorkspace(roots[0], value);
  if (!isInside(path, roots)) {
    throw new ConfigurationError(
      `${input}: got '${value}', expected a path inside ${roots.length > 1 ? `one of ${roots.join(", ")}` : `the workspace ${roots[0]}`}`
    );
  }
  return path;
}
function isInlineConfig(value) {
  return value.includes("\n") || /^\s*[{[]/.test(value);
}
function readConfigInput(input, value, options) {
  if (isInlineConfig(value)) return { text: value, origin: `${input} input` };
  const path = pathInside(input, value, [options.workspace]);
  const expected = `${input}: got '${value}', expected a file in the workspace or inline YAML`;
  if (!existsSync(path)) {
    if (options.optional && value === options.defaultFile) return void 0;
    throw new ConfigurationError(
      `${expected}; no file at ${path}` + (value === options.defaultFile ? " (did the job run actions/checkout first?)" : "")
    );
  }
  if (!statSync(path).isFile()) throw new ConfigurationError(`${expected}; ${path} is not a file`);
  try {
    return { text: readFileSync(path, "utf8"), origin: value };
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    throw new ConfigurationError(`${expected}; ${path} cannot be read (${code})`);
  }
}

export {
  workspaceOf,
  inWorkspace,
  isInside,
  pathInside,
  readConfigInput
};
