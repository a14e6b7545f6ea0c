import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  stderrLog
} from "./chunk-4GIIV63K.js";
import {
  asOptionError,
  optionInputs,
  withOptionNames
} from "./chunk-UKVV2B5A.js";
import {
  DEFAULT_CACHE_PREFIX,
  ECOSYSTEMS,
  PRESETS,
  checkCachePrefix,
  customPreset,
  planWarmup
} from "./chunk-EBBEPZIV.js";
import "./chunk-62AEXFA6.js";
import {
  UsageError,
  parseCommandLine
} from "./chunk-EZB67IH2.js";
import "./chunk-BDGPVZJH.js";
import {
  ConfigurationError
} from "./chunk-2WEQVLCG.js";
import "./chunk-PYTXODB5.js";

// src/cli/warmup-key-command.ts
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
var WARMUP_KEY_USAGE = `Usage: lanekit warmup-key --ecosystem NAME [--prefix PREFIX] [--dir DIR] [--os OS] [--arch ARCH]
                          [--key-files LIST --paths LIST --fetch CMD --verify CMD] [--json]

Print the exact cache key registry-warmup computes for a checkout: the same lockfiles, found the
same way, hashed the same way. A warm job and its fan-out jobs agree when this key does.

Options:
  --ecosystem NAME   ${ECOSYSTEMS.join(", ")}.
  --prefix PREFIX    The key's prefix, as the action's prefix input. Default: ${DEFAULT_CACHE_PREFIX}.
  --dir DIR          The checkout. Default: the current directory.
  --os OS            The runner's operating system, as RUNNER_OS names it (Linux, Windows,
                     macOS). Default: RUNNER_OS, else this machine's.
  --arch ARCH        The runner's architecture, as RUNNER_ARCH names it (X64, ARM64).
                     Default: RUNNER_ARCH, else this machine's.
  --key-files LIST   custom only: the lockfile names that key the cache, comma-separated.
  --paths LIST       custom only: the directories the cache holds, comma-separated.
  --fetch CMD        custom only: the command that fills the cache (part of the key).
  --verify CMD       custom only: the command that proves it offline (part of the key).
  --json             Print {key, family, lockfiles, paths} as JSON.
  -h, --help         Print this help.

Examples:
  lanekit warmup-key --ecosystem cargo --os Linux --arch X64
  lanekit warmup-key --ecosystem custom --key-files uv.lock --paths ~/.cache/uv \\
    --fetch 'uv sync --locked' --verify 'uv sync --locked --offline'

Exit status: 0 the key was printed; 2 a bad option or value, or no lockfile of the ecosystem in
the checkout.
`;
var CUSTOM_ONLY = ["key-files", "paths", "fetch", "verify"];
var WARMUP_KEY_OPTIONS = {
  ecosystem: { type: "string", placeholder: "NAME", expected: `one of ${ECOSYSTEMS.join("|")}` },
  prefix: {
    type: "string",
    placeholder: "PREFIX",
    expected: "1-100 letters, digits, '.', '_' or '-'"
  },
  dir: { type: "string", placeholder: "DIR", expected: "the checkout directory" },
  os: { type: "string", placeholder: "OS", expected: "an operating system such as Linux" },
  arch: { type: "string", placeholder: "ARCH", expected: "an architecture such as X64" },
  "key-files": { type: "string", placeholder: "LIST", expected: "a comma-separated list of names" },
  paths: { type: "string", placeholder: "LIST", expected: "a comma-separated list of directories" },
  fetch: { type: "string", placeholder: "CMD", expected: "a command" },
  verify: { type: "string", placeholder: "CMD", expected: "a command" },
  json: { type: "boolean" }
};
async function warmupKeyCommand(args) {
  const line = parseCommandLine({ options: WARMUP_KEY_OPTIONS }, args);
  if (line.help) {
    process.stdout.write(WARMUP_KEY_USAGE);
    return 0;
  }
  const { values } = line;
  if (values.ecosystem === void 0) {
    throw new UsageError(`missing --ecosystem NAME, ${WARMUP_KEY_OPTIONS.ecosystem.expected}`);
  }
  const inputs = optionInputs(values);
  const { prefix, preset } = withOptionNames(Object.keys(WARMUP_KEY_OPTIONS), () => {
    const ecosystem = inputs.choice("ecosystem", ECOSYSTEMS, "custom");
    const prefix2 = checkCachePrefix(values.prefix ?? DEFAULT_CACHE_PREFIX);
    let preset2;
    if (ecosystem === "custom") {
      preset2 = customPreset({
        paths: inputs.list("paths"),
        keyFiles: inputs.list("key-files"),
        fetch: inputs.optional("fetch"),
        verify: inputs.optional("verify"),
        offlineEnv: []
      });
    } else {
      const given = CUSTOM_ONLY.find((name) => values[name] !== void 0);
      if (given !== void 0) {
        throw new ConfigurationError(
          `${given}: set for ecosystem '${ecosystem}', whose preset decides it; use --ecosystem custom to give your own`
        );
      }
      preset2 = PRESETS[ecosystem];
    }
    return { prefix: prefix2, preset: preset2 };
  });
  const env = {
    ...process.env,
    ...values.os === void 0 ? {} : { RUNNER_OS: values.os },
    ...values.arch === void 0 ? {} : { RUNNER_ARCH: values.arch }
  };
  const workspace = resolve(values.dir ?? ".");
  if (!existsSync(workspace) || !statSync(workspace).isDirectory()) {
    throw new UsageError(`--dir: got '${values.dir ?? "."}', but ${workspace} is no directory`);
  }
  const plan = await planWarmup({ preset, prefix, workspace, env }, stderrLog).catch(
    (error) => {
      throw asOptionError(["ecosystem", "key-files"], error);
    }
  );
  if (values.json === true) {
    const output = {
      key: plan.key,
      family: plan.family,
      lockfiles: plan.lockfiles.map((lockfile) => lockfile.name),
      paths: plan.paths
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}
`);
  } else {
    process.stdout.write(`${plan.key}
`);
  }
  return 0;
}
export {
  WARMUP_KEY_USAGE,
  warmupKeyCommand
};
