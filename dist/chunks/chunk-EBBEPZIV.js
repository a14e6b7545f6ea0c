import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  ConfigurationError,
  invalidValue
} from "./chunk-2WEQVLCG.js";

// src/warmup/cache-prefix.ts
var DEFAULT_CACHE_PREFIX = "registry-warmup-v1";
var PREFIX = /^[A-Za-z0-9._-]{1,100}$/;
function checkCachePrefix(prefix) {
  if (!PREFIX.test(prefix)) {
    throw new ConfigurationError(
      `prefix: got '${prefix}', expected 1-100 letters, digits, '.', '_' or '-'`
    );
  }
  return prefix;
}

// src/warmup/custom-preset.ts
function parseCommand(input, value) {
  if (value.trimStart().startsWith("[")) {
    let parsed;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = void 0;
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((arg) => typeof arg === "string")) {
      throw invalidValue(input, value, "a JSON array of strings (program first) or words");
    }
    return parsed;
  }
  return value.split(/\s+/).filter((word) => word !== "");
}
function parseEnv(input, entries) {
  const env = {};
  for (const entry of entries) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(entry);
    if (!match) throw invalidValue(input, entry, "NAME=value entries");
    env[match[1]] = match[2];
  }
  return env;
}
function required(input, value, what) {
  if (value === void 0 || Array.isArray(value) && value.length === 0) {
    throw new ConfigurationError(`${input}: the custom ecosystem needs ${what}`);
  }
  return value;
}
function customPreset(inputs) {
  const paths = required("paths", inputs.paths, "the directories to cache");
  const keyFiles = required("key-files", inputs.keyFiles, "the lockfile names that key the cache");
  const fetch = parseCommand(
    "fetch",
    required("fetch", inputs.fetch, "the command that fills the cache")
  );
  const verify = parseCommand(
    "verify",
    required("verify", inputs.verify, "the command that proves it offline")
  );
  return {
    name: "custom",
    version: JSON.stringify({ fetch, verify }),
    root: void 0,
    paths,
    keyFiles,
    manifest: void 0,
    fetch,
    verify,
    offlineEnv: parseEnv("offline-env", inputs.offlineEnv),
    prune: []
  };
}

// src/warmup/cache-key.ts
import { createHash } from "node:crypto";

// src/warmup/commands.ts
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
function commandEnv(env, offlineEnv, network) {
  const offline = new Set(Object.keys(offlineEnv).map((name) => name.toLowerCase()));
  const kept = Object.fromEntries(
    Object.entries(env).filter(([name]) => !offline.has(name.toLowerCase()))
  );
  return network === "online" ? kept : { ...kept, ...offlineEnv };
}
var commandLine = (argv) => argv.map((arg) => /^[\w@%+=:,./-]+$/.test(arg) ? arg : JSON.stringify(arg)).join(" ");
function runCommand(argv, options, log) {
  const [program, ...args] = argv;
  return new Promise((resolve2) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"]
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => {
        log.info(line);
      });
    }
    child.on("error", (error) => {
      log.warning(`${program}: ${error.code === "ENOENT" ? "not found on PATH" : error.message}`);
      resolve2(127);
    });
    child.on("close", (code, signal) => {
      resolve2(code ?? (signal ? 128 : 1));
    });
  });
}
function commandOutput(argv, options) {
  const [program, ...args] = argv;
  return new Promise((resolve2) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "ignore"]
    });
    const out = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.on("error", () => {
      resolve2(void 0);
    });
    child.on("close", (code) => {
      resolve2(code === 0 ? Buffer.concat(out).toString("utf8").trim() : void 0);
    });
  });
}

// src/warmup/cache-key.ts
import { readFile } from "node:fs/promises";
function keyFamily(parts) {
  return `${parts.prefix}-${parts.ecosystem}-${parts.os}-${parts.arch}-`;
}
async function cacheKey(parts) {
  const hash = createHash("sha256");
  hash.update(`lanekit-registry-warmup\0${parts.ecosystem}\0${parts.presetVersion}\0`);
  for (const lockfile of parts.lockfiles) {
    const content = createHash("sha256").update(await readFile(lockfile.path)).digest("hex");
    hash.update(`${lockfile.name}\0${content}\0`);
  }
  return `${keyFamily(parts)}${hash.digest("hex")}`;
}
function platformOf(env) {
  return {
    os: (env.RUNNER_OS ?? process.platform).toLowerCase(),
    arch: (env.RUNNER_ARCH ?? process.arch).toLowerCase()
  };
}
var VERSION_SALT = "1.0";
function cacheVersion(paths, compressionMethod2, platform = process.platform) {
  const components = [...paths, compressionMethod2];
  if (platform === "win32") components.push("windows-only");
  components.push(VERSION_SALT);
  return createHash("sha256").update(components.join("|")).digest("hex");
}
async function compressionMethod(env, cwd) {
  const zstd = await commandOutput(["zstd", "--quiet", "--version"], { cwd, env });
  return zstd ? "zstd-without-long" : "gzip";
}

// src/warmup/cache-paths.ts
import { isAbsolute, join, relative, resolve } from "node:path";
function portablePath(path, home) {
  const inside = relative(home, path);
  if (inside === "") return "~";
  if (inside.startsWith("..") || isAbsolute(inside)) return path;
  return `~/${inside.split("\\").join("/")}`;
}
function expandHome(path, home) {
  return path === "~" || path.startsWith("~/") ? join(home, path.slice(1)) : path;
}
async function resolveCacheRoot(root, env, cwd) {
  const home = env.HOME ?? env.USERPROFILE ?? "";
  for (const name of root.env) {
    const value = env[name];
    if (value) return resolve(cwd, expandHome(value, home));
  }
  const answer = root.command ? await commandOutput(root.command, { cwd, env }) : void 0;
  if (answer && answer !== "undefined" && isAbsolute(answer)) return answer;
  return expandHome(root.fallback, home);
}
function cachePaths(preset, root, env, workspace) {
  const home = env.HOME ?? env.USERPROFILE ?? "";
  return preset.paths.map((sub) => {
    if (root === void 0) {
      const path2 = resolve(workspace, expandHome(sub, home));
      const relativeToWorkspace = !isAbsolute(sub) && sub !== "~" && !sub.startsWith("~/");
      return { key: relativeToWorkspace ? sub : portablePath(path2, home), path: path2 };
    }
    const path = sub === "" ? root : join(root, sub);
    return { key: portablePath(path, home), path };
  });
}

// src/warmup/lockfiles.ts
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { dirname, join as join2, relative as relative2 } from "node:path";
var SKIPPED_DIRECTORIES = /* @__PURE__ */ new Set([".git", "target", "node_modules"]);
async function findLockfiles(workspace, names, manifest, log) {
  const found = [];
  const pending = [workspace];
  for (let dir = pending.pop(); dir !== void 0; dir = pending.pop()) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join2(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) pending.push(path);
      if (!entry.isFile() || !names.includes(entry.name)) continue;
      const name = relative2(workspace, path).split("\\").join("/");
      if (manifest !== void 0 && !existsSync(join2(dir, manifest))) {
        log.warning(`${name}: no ${manifest} beside it, so it is no project's lockfile; skipped`);
        continue;
      }
      found.push({ name, path, directory: dirname(path) });
    }
  }
  return found.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

// src/warmup/plan.ts
async function planWarmup(settings, log) {
  const { preset, workspace, env } = settings;
  const lockfiles = await findLockfiles(workspace, preset.keyFiles, preset.manifest, log);
  if (lockfiles.length === 0) {
    const input = preset.name === "custom" ? "key-files" : "ecosystem";
    const value = preset.name === "custom" ? preset.keyFiles.join(", ") : preset.name;
    throw new ConfigurationError(
      `${input}: got '${value}', but no ${preset.keyFiles.join(" or ")} was found in the workspace ${workspace} (.git, target and node_modules are skipped); check the repository out before this step, or pick the ecosystem it uses`
    );
  }
  const root = preset.root && await resolveCacheRoot(preset.root, env, workspace);
  const { os, arch } = platformOf(env);
  const parts = { prefix: settings.prefix, ecosystem: preset.name, os, arch };
  return {
    preset,
    key: await cacheKey({ ...parts, presetVersion: preset.version, lockfiles }),
    family: keyFamily(parts),
    root,
    paths: cachePaths(preset, root, env, workspace),
    lockfiles,
    workspace,
    env
  };
}

// src/warmup/presets.ts
var ECOSYSTEMS = ["cargo", "npm", "pnpm", "go", "custom"];
var PRESETS = {
  cargo: {
    name: "cargo",
    version: "cargo-1",
    root: { env: ["CARGO_HOME"], fallback: "~/.cargo" },
    paths: ["registry/index", "registry/cache", "git/db"],
    keyFiles: ["Cargo.lock"],
    manifest: "Cargo.toml",
    fetch: ["cargo", "fetch", "--locked"],
    verify: ["cargo", "fetch", "--locked", "--offline"],
    offlineEnv: { CARGO_NET_OFFLINE: "true" },
    prune: ["registry/src", "git/checkouts"]
  },
  npm: {
    name: "npm",
    version: "npm-1",
    root: {
      env: ["npm_config_cache", "NPM_CONFIG_CACHE"],
      command: ["npm", "config", "get", "cache"],
      fallback: "~/.npm"
    },
    paths: [""],
    keyFiles: ["package-lock.json", "npm-shrinkwrap.json"],
    manifest: "package.json",
    fetch: ["npm", "ci", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"],
    verify: ["npm", "ci", "--offline", "--ignore-scripts", "--no-audit", "--no-fund"],
    offlineEnv: { npm_config_offline: "true" },
    prune: ["_logs"]
  },
  pnpm: {
    name: "pnpm",
    version: "pnpm-1",
    root: {
      env: ["npm_config_store_dir", "NPM_CONFIG_STORE_DIR"],
      command: ["pnpm", "store", "path"],
      fallback: "~/.local/share/pnpm/store"
    },
    paths: [""],
    keyFiles: ["pnpm-lock.yaml"],
    manifest: "package.json",
    fetch: ["pnpm", "fetch", "--frozen-lockfile"],
    verify: ["pnpm", "fetch", "--frozen-lockfile", "--offline"],
    offlineEnv: { npm_config_offline: "true" },
    prune: []
  },
  go: {
    name: "go",
    version: "go-1",
    root: { env: ["GOMODCACHE"], command: ["go", "env", "GOMODCACHE"], fallback: "~/go/pkg/mod" },
    paths: [""],
    keyFiles: ["go.sum"],
    manifest: "go.mod",
    fetch: ["go", "mod", "download"],
    verify: ["go", "mod", "download"],
    offlineEnv: { GOFLAGS: "-mod=mod", GOPROXY: "off" },
    prune: []
  }
};

export {
  DEFAULT_CACHE_PREFIX,
  checkCachePrefix,
  commandEnv,
  commandLine,
  runCommand,
  cacheVersion,
  compressionMethod,
  customPreset,
  planWarmup,
  ECOSYSTEMS,
  PRESETS
};
