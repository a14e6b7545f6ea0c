import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  DEFAULT_CACHE_PREFIX,
  ECOSYSTEMS,
  PRESETS,
  cacheVersion,
  checkCachePrefix,
  commandEnv,
  commandLine,
  compressionMethod,
  customPreset,
  planWarmup,
  runCommand
} from "./chunks/chunk-EBBEPZIV.js";
import {
  formatSeconds
} from "./chunks/chunk-5E5D6KYW.js";
import {
  workspaceOf
} from "./chunks/chunk-JZRQ347E.js";
import {
  runAction
} from "./chunks/chunk-IE2KK4PV.js";
import "./chunks/chunk-6ZRQNHWQ.js";
import "./chunks/chunk-SHBUU7UF.js";
import "./chunks/chunk-62AEXFA6.js";
import {
  markdownText
} from "./chunks/chunk-BDGPVZJH.js";
import {
  CheckFailed,
  ConfigurationError,
  ServiceError
} from "./chunks/chunk-2WEQVLCG.js";
import "./chunks/chunk-PYTXODB5.js";

// src/warmup/cache-client.ts
function writableMode(env) {
  const mode = (env.ACTIONS_CACHE_MODE ?? "").trim().toLowerCase();
  return !["none", "read"].includes(mode);
}
async function actionsCache(env) {
  const cache = await import("./chunks/cache-QWNEMWJL.js");
  return {
    available: cache.isFeatureAvailable(),
    writable: writableMode(env),
    lookup: (paths, key) => cache.restoreCache([...paths], key, [], { lookupOnly: true }),
    restore: (paths, key, restoreKeys) => cache.restoreCache([...paths], key, [...restoreKeys]),
    save: async (paths, key) => await cache.saveCache([...paths], key) !== -1
  };
}

// src/warmup/disk-usage.ts
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
async function diskUsage(paths) {
  let total = 0;
  const pending = [...paths];
  for (let path = pending.pop(); path !== void 0; path = pending.pop()) {
    const stats = await lstat(path).catch(() => void 0);
    if (stats === void 0) continue;
    if (stats.isDirectory()) {
      for (const name of await readdir(path)) pending.push(join(path, name));
    } else if (stats.isFile()) {
      total += stats.size;
    }
  }
  return total;
}

// src/warmup/warmup.ts
import { existsSync } from "node:fs";
import { setTimeout } from "node:timers/promises";

// src/warmup/prune.ts
import { rm } from "node:fs/promises";
import { join as join2 } from "node:path";
async function pruneExtracted(root, prune) {
  const removed = [];
  for (const sub of prune) {
    const path = join2(root, sub);
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}

// src/warmup/warmup.ts
var CONFIRM_DELAYS_MS = [0, 1e3, 3e3];
var keysOf = (plan) => plan.paths.map((p) => p.key);
var directoriesOf = (plan) => [...new Set(plan.lockfiles.map((l) => l.directory))];
async function runEach(plan, argv, network, log) {
  const env = commandEnv(plan.env, plan.preset.offlineEnv, network);
  for (const cwd of directoriesOf(plan)) {
    log.info(`${network}: ${commandLine(argv)} (in ${cwd})`);
    const code = await runCommand(argv, { cwd, env }, log);
    if (code !== 0) return `${commandLine(argv)} exited with ${code} in ${cwd}`;
  }
  return void 0;
}
async function populate(plan, log) {
  const failed = await runEach(plan, plan.preset.fetch, "online", log);
  if (failed !== void 0) throw new ServiceError(`fetching the dependencies failed: ${failed}`);
  if (plan.root !== void 0) await pruneExtracted(plan.root, plan.preset.prune);
  const unverified = await runEach(plan, plan.preset.verify, "offline", log);
  if (unverified !== void 0) {
    throw new CheckFailed(
      `the cache does not hold what the tool needs offline after fetching (${unverified}); nothing was saved: check that the cached paths are where the tool keeps its downloads`
    );
  }
}
var verifies = async (plan, log) => await runEach(plan, plan.preset.verify, "offline", log) === void 0;
function dirtyNotice(plan, why, log) {
  log.warning(
    `${plan.key}: the saved entry ${why}, so this job fetched the dependencies online. A cache entry cannot be overwritten: roll the prefix input (e.g. a v1 suffix to v2) to save a fresh one, or delete this entry`
  );
}
async function save(plan, cache, log) {
  if (!cache.writable) {
    log.notice(
      `${plan.key}: not saved: this job's cache token is read-only (an untrusted event); its own steps have their dependencies`
    );
    return "save-skipped";
  }
  if (!plan.paths.some((p) => existsSync(p.path))) {
    log.notice(`${plan.key}: not saved: the tool cached nothing (no dependencies to fetch?)`);
    return "save-skipped";
  }
  if (await cache.save(keysOf(plan), plan.key)) return "populated";
  for (const delay of CONFIRM_DELAYS_MS) {
    await setTimeout(delay);
    if (await cache.lookup(keysOf(plan), plan.key) === plan.key) {
      log.info(`${plan.key}: another job saved this key first; its entry serves the lane`);
      return "race-lost";
    }
  }
  log.notice(
    `${plan.key}: not saved: the cache service refused or failed (rate limit, quota, read-only token or unreachable: see the message above); this job has its dependencies, and the next warm-up tries again`
  );
  return "save-skipped";
}
async function warm(plan, cache, log) {
  const result = (outcome, matchedKey, populated) => ({
    outcome,
    key: plan.key,
    matchedKey,
    populated,
    verified: true
  });
  if (!cache.available) {
    log.notice(
      "no cache service in this job (ACTIONS_RESULTS_URL is unset): populating online, nothing is saved"
    );
    await populate(plan, log);
    return result("save-skipped", void 0, true);
  }
  if (await cache.lookup(keysOf(plan), plan.key) === plan.key) {
    const restored = await cache.restore(keysOf(plan), plan.key, []) === plan.key;
    if (restored && await verifies(plan, log)) return result("hit", plan.key, false);
    dirtyNotice(plan, restored ? "fails the offline verify" : "cannot be restored", log);
    await populate(plan, log);
    return result("dirty", plan.key, true);
  }
  const nearest = await cache.restore(keysOf(plan), plan.key, [plan.family]);
  if (nearest !== void 0) log.info(`restored the nearest earlier entry ${nearest}`);
  await populate(plan, log);
  return result(await save(plan, cache, log), nearest, true);
}
async function restore(plan, cache, onMiss, log) {
  const matched = cache.available ? await cache.restore(keysOf(plan), plan.key, []) : void 0;
  let missed;
  if (matched === plan.key) {
    if (plan.paths.some((p) => existsSync(p.path))) {
      return {
        outcome: "hit",
        key: plan.key,
        matchedKey: matched,
        populated: false,
        verified: false
      };
    }
    missed = `${plan.key} restored, but none of its paths is where this job looks (${plan.paths.map((p) => p.path).join(", ")}): the entry keeps them relative to GITHUB_WORKSPACE, so this job's home must sit where the warm-up job's did relative to its workspace (run both on the same runner image)`;
  } else {
    missed = `no cache entry for ${plan.key}${cache.available ? "" : " (this job has no cache service)"}`;
  }
  if (onMiss === "fail") {
    throw new CheckFailed(
      matched === plan.key ? missed : `${missed}: the lane's warm-up job saves it; check that it ran before this job and succeeded, and the messages above for a cache service that failed`
    );
  }
  if (onMiss === "warn") {
    log.warning(`${missed}: later steps stay online and will download what they need`);
    return {
      outcome: "miss",
      key: plan.key,
      matchedKey: matched,
      populated: false,
      verified: false
    };
  }
  log.notice(`${missed}: fetching the dependencies online`);
  await populate(plan, log);
  return { outcome: "miss", key: plan.key, matchedKey: matched, populated: true, verified: true };
}

// src/warmup/warmup-summary.ts
var HEADER = "| lane | ecosystem | mode | outcome | size | time | key |\n| --- | --- | --- | --- | ---: | ---: | --- |";
function megabytes(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
function warmupSummary(row) {
  const cells = [
    row.lane ?? "-",
    row.ecosystem,
    row.mode,
    row.result.outcome,
    megabytes(row.sizeBytes),
    formatSeconds(row.seconds),
    `\`${row.result.key}\``
  ];
  const shown = cells.map((cell, i) => i === cells.length - 1 ? cell : markdownText(cell));
  return `### registry-warmup

${HEADER}
| ${shown.join(" | ")} |
`;
}

// src/actions/registry-warmup.ts
function getInputs({ inputs }) {
  const prefix = checkCachePrefix(inputs.optional("prefix") ?? DEFAULT_CACHE_PREFIX);
  return {
    mode: inputs.choice("mode", ["warm", "restore"], "warm"),
    // Required: no ecosystem is a better guess than another.
    ecosystem: inputs.choice("ecosystem", ECOSYSTEMS, inputs.required("ecosystem")),
    prefix,
    onMiss: inputs.choice("on-miss", ["fail", "fetch", "warn"], "fail"),
    custom: {
      paths: inputs.list("paths"),
      keyFiles: inputs.list("key-files"),
      fetch: inputs.optional("fetch"),
      verify: inputs.optional("verify"),
      offlineEnv: inputs.list("offline-env")
    },
    lane: inputs.optional("lane"),
    summary: inputs.boolean("summary", true)
  };
}
function presetOf({ ecosystem, custom }) {
  if (ecosystem === "custom") return customPreset(custom);
  const given = Object.entries({
    paths: custom.paths.length > 0,
    "key-files": custom.keyFiles.length > 0,
    fetch: custom.fetch !== void 0,
    verify: custom.verify !== void 0,
    "offline-env": custom.offlineEnv.length > 0
  }).find(([, set]) => set);
  if (given) {
    throw new ConfigurationError(
      `${given[0]}: set for ecosystem '${ecosystem}', whose preset decides it; use ecosystem: custom to give your own`
    );
  }
  return PRESETS[ecosystem];
}
async function run(context) {
  const started = performance.now();
  const settings = getInputs(context);
  const preset = presetOf(settings);
  const { log } = context;
  const plan = await planWarmup(
    { preset, prefix: settings.prefix, workspace: workspaceOf(context.env), env: context.env },
    log
  );
  log.info(`key ${plan.key}; lockfiles: ${plan.lockfiles.map((l) => l.name).join(", ")}`);
  const keys = plan.paths.map((p) => p.key);
  const method = await compressionMethod(context.env, plan.workspace);
  log.info(`cache version ${cacheVersion(keys, method)} of ${keys.join(", ")} (${method})`);
  context.setOutput("key", plan.key);
  const cache = await actionsCache(context.env);
  const result = settings.mode === "warm" ? await warm(plan, cache, log) : await restore(plan, cache, settings.onMiss, log);
  if (result.outcome === "hit" || result.verified) {
    for (const [name, value] of Object.entries(preset.offlineEnv)) {
      context.exportVariable(name, value);
    }
  }
  const sizeBytes = await diskUsage(plan.paths.map((p) => p.path));
  const seconds = (performance.now() - started) / 1e3;
  context.setOutput("cache-hit", String(result.outcome === "hit"));
  context.setOutput("matched-key", result.matchedKey ?? "");
  context.setOutput("populated", String(result.populated));
  context.setOutput("verified", String(result.verified));
  context.setOutput("size-bytes", String(sizeBytes));
  context.setOutput("seconds", seconds.toFixed(1));
  log.info(`${settings.mode}: ${result.outcome} (${plan.key})`);
  if (settings.summary) {
    const { lane, ecosystem, mode } = settings;
    context.appendSummary(warmupSummary({ lane, ecosystem, mode, result, sizeBytes, seconds }));
  }
}

// lanekit-action-entry:registry-warmup
await runAction("registry-warmup", run);
