import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  LogScan
} from "./chunk-3TE7SLHC.js";

// src/markers/file-source.ts
import { glob, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
var GLOB_CHARS = /[*?[\]{}]/;
async function expandLogPaths(patterns, cwd) {
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
  }
  return { files: [...files].sort(), unmatched };
}
function displayPath(path, cwd) {
  const inside = relative(cwd, path);
  return inside.startsWith("..") || isAbsolute(inside) ? path : inside;
}

// src/markers/wildcard.ts
function wildcard(pattern) {
  const body = pattern.split("").map((char) => {
    if (char === "*") return ".*";
    if (char === "?") return ".";
    return char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }).join("");
  return new RegExp(`^${body}$`);
}

// src/markers/file-scan.ts
import { open } from "node:fs/promises";
var CHUNK_BYTES = 1 << 20;
async function scanFile(path, compiled, samples) {
  const file = await open(path, "r");
  try {
    const scan = new LogScan(compiled, { samples, countLines: false });
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (; ; ) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      scan.feed(buffer.subarray(0, bytesRead));
    }
    const result = scan.finish();
    await resolveLineNumbers(file, buffer, result);
    return result;
  } finally {
    await file.close();
  }
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

// src/markers/scan-logs.ts
async function scanFiles(files, compiled, samples) {
  const scanned = [];
  for (const { path, ...source } of files) {
    try {
      scanned.push({ ...source, result: await scanFile(path, compiled, samples) });
    } catch (error) {
      scanned.push({ ...source, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return scanned;
}

export {
  expandLogPaths,
  displayPath,
  wildcard,
  scanFiles
};
