import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  CompiledRules,
  LogScan
} from "./chunk-NAVPR6M6.js";
import {
  isInside
} from "./chunk-JZRQ347E.js";
import {
  ConfigurationError,
  errorMessage
} from "./chunk-2WEQVLCG.js";

// src/markers/file-source.ts
import { glob, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
var GLOB_CHARS = /[*?[\]{}]/;
var outsideRoots = (pattern, path, roots) => new ConfigurationError(
  `logs: '${pattern}' names ${path}, which is outside ${roots.join(" and ")}; logs are read from there only`
);
async function expandLogPaths(patterns, cwd, roots) {
  const files = /* @__PURE__ */ new Set();
  const unmatched = [];
  for (const pattern of patterns) {
    const before = files.size;
    if (GLOB_CHARS.test(pattern)) {
      for await (const entry of glob(pattern, { cwd })) {
        const path = resolve(cwd, entry);
        if ((await stat(path)).isFile()) files.add(path);
      }
    } else {
      const path = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
      if (roots !== void 0 && !isInside(path, roots)) throw outsideRoots(pattern, path, roots);
      const info = await stat(path).catch(() => void 0);
      if (info?.isFile()) files.add(path);
      else if (info?.isDirectory()) {
        for await (const entry of glob("**/*", { cwd: path })) {
          const inner = resolve(path, entry);
          if ((await stat(inner)).isFile()) files.add(inner);
        }
      }
    }
    if (files.size === before) unmatched.push(pattern);
    if (roots !== void 0) {
      const outside = [...files].find((file) => !isInside(file, roots));
      if (outside !== void 0) throw outsideRoots(pattern, outside, roots);
    }
  }
  return { files: [...files].sort(), unmatched };
}
function displayPath(path, cwd) {
  const inside = relative(cwd, path);
  return inside.startsWith("..") || isAbsolute(inside) ? path : inside;
}

// src/markers/file-scan.ts
import { availableParallelism } from "node:os";
import { open, stat as stat2 } from "node:fs/promises";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
var CHUNK_BYTES = 1 << 20;
var PARALLEL_MIN_BYTES = 128 << 20;
var WORKER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 };
async function scanFile(path, compiled, samples, parallelMinBytes = PARALLEL_MIN_BYTES) {
  const { size } = await stat2(path);
  const file = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const middle = isMainThread && size >= parallelMinBytes && availableParallelism() > 1 ? await lineStartAfter(file, buffer, Math.floor(size / 2)) : size;
    const second = middle < size ? scanInWorker({
      lanekitFileScan: true,
      path,
      rules: compiled.rules,
      samples,
      from: middle,
      to: size
    }) : void 0;
    const first = await scanPart(file, buffer, compiled, samples, 0, middle);
    const result = second === void 0 ? first : mergeParts([first, await second], samples);
    await resolveLineNumbers(file, buffer, result);
    return result;
  } finally {
    await file.close();
  }
}
async function scanPart(file, buffer, compiled, samples, from, to) {
  const scan = new LogScan(compiled, {
    samples,
    countLines: false,
    ...from === 0 ? {} : { continuation: { offset: from } }
  });
  const buffers = [buffer, Buffer.allocUnsafe(CHUNK_BYTES)];
  const read = (turn, position2) => position2 < to ? file.read(buffers[turn], 0, Math.min(CHUNK_BYTES, to - position2), position2) : void 0;
  let position = from;
  let pending = read(0, position);
  for (let turn = 0; pending !== void 0; turn ^= 1) {
    const { bytesRead } = await pending;
    if (bytesRead === 0) break;
    position += bytesRead;
    pending = read(turn ^ 1, position);
    scan.feed(buffers[turn].subarray(0, bytesRead));
  }
  return scan.finish();
}
async function lineStartAfter(file, buffer, from) {
  for (let position = from; ; ) {
    const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) return position;
    const newline = buffer.subarray(0, bytesRead).indexOf(10);
    if (newline >= 0) return position + newline + 1;
    position += bytesRead;
  }
}
function scanInWorker(job2) {
  const worker = new Worker(`import(${JSON.stringify(import.meta.url)})`, {
    eval: true,
    workerData: job2,
    resourceLimits: WORKER_LIMITS
  });
  return new Promise((resolve2, reject) => {
    worker.once("message", resolve2);
    worker.once("error", reject);
    worker.once("exit", (code) => {
      reject(
        new Error(`the scan of ${job2.path} from byte ${job2.from} stopped (exit code ${code})`)
      );
    });
  });
}
function mergeParts(parts, samples) {
  const hits = /* @__PURE__ */ new Map();
  let context = {};
  const inherited = (inherit) => ({
    ...context.step === void 0 ? {} : { step: context.step },
    ...context.stepLine === void 0 ? {} : { stepLine: context.stepLine },
    ...inherit === "step" || context.group === void 0 ? {} : { group: context.group }
  });
  for (const part of parts) {
    for (const [index, found] of part.hits) {
      const merged = hits.get(index) ?? { count: 0, samples: [] };
      merged.count += found.count;
      for (const { inherit: inherit2, ...sample } of found.samples) {
        if (merged.samples.length >= samples) break;
        if (inherit2 === void 0) {
          merged.samples.push(sample);
          continue;
        }
        const { group, ...from } = inherited(inherit2);
        merged.samples.push({ ...sample, ...from, ...group === from.step ? {} : { group } });
      }
      hits.set(index, merged);
    }
    const { inherit, ...own } = part.context;
    context = inherit === void 0 ? own : inherited(inherit);
  }
  return {
    bytes: parts.reduce((sum, part) => sum + part.bytes, 0),
    binary: parts[0]?.binary ?? false,
    truncatedLines: parts.reduce((sum, part) => sum + part.truncatedLines, 0),
    truncatedBytes: parts.reduce((sum, part) => sum + part.truncatedBytes, 0),
    hits: parts[0]?.binary === true ? /* @__PURE__ */ new Map() : hits,
    context
  };
}
async function resolveLineNumbers(file, buffer, result) {
  const pending = [...result.hits.values()].flatMap((hits) => hits.samples).sort((a, b) => a.offset - b.offset);
  if (pending.length === 0) return;
  let next = 0;
  let lines = 0;
  let position = 0;
  while (next < pending.length) {
    const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    const chunk = buffer.subarray(0, bytesRead);
    let from = 0;
    while (next < pending.length && pending[next].offset < position + bytesRead) {
      const to = pending[next].offset - position;
      lines += countNewlines(chunk, from, to);
      from = to;
      pending[next].line = lines + 1;
      next++;
    }
    lines += countNewlines(chunk, from, bytesRead);
    position += bytesRead;
  }
}
function countNewlines(buffer, from, to) {
  let count = 0;
  for (let at = buffer.indexOf(10, from); at >= 0 && at < to; at = buffer.indexOf(10, at + 1)) {
    count++;
  }
  return count;
}
var job = workerData;
if (!isMainThread && job?.lanekitFileScan === true) {
  const { path, rules, samples, from, to } = job;
  const file = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    parentPort?.postMessage(
      await scanPart(file, buffer, new CompiledRules(rules), samples, from, to)
    );
  } finally {
    await file.close();
  }
}

// src/markers/scan-logs.ts
async function scanFiles(files, compiled, samples) {
  const scanned = [];
  for (const { path, ...source } of files) {
    try {
      scanned.push({ ...source, result: await scanFile(path, compiled, samples) });
    } catch (error) {
      scanned.push({ ...source, error: errorMessage(error) });
    }
  }
  return scanned;
}

export {
  expandLogPaths,
  displayPath,
  scanFiles
};
