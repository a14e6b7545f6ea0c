import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);

// src/runner/json-output.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var JSON_OUTPUT_LIMIT_BYTES = 256 * 1024;
function outputFile(env, name) {
  if (!env.RUNNER_TEMP) return void 0;
  const dir = join(env.RUNNER_TEMP, "lanekit");
  mkdirSync(dir, { recursive: true });
  const step = (env.GITHUB_ACTION ?? "step").replace(/[^A-Za-z0-9_.-]/g, "_");
  return join(dir, `${step}-${name}.json`);
}
function setJsonOutput(context, name, value, shrinks, limitBytes = JSON_OUTPUT_LIMIT_BYTES) {
  const json = JSON.stringify(value);
  const file = outputFile(context.env, name);
  if (file !== void 0) {
    writeFileSync(file, json, "utf8");
    context.setOutput(`${name}-file`, file);
  }
  const truncation = { file, bytes: Buffer.byteLength(json) };
  let shown = json;
  for (const shrink of shrinks) {
    if (Buffer.byteLength(shown) <= limitBytes) break;
    shown = JSON.stringify(shrink(value, truncation));
  }
  if (Buffer.byteLength(shown) > limitBytes) shown = JSON.stringify({ truncated: truncation });
  context.setOutput(name, shown);
}

export {
  setJsonOutput
};
