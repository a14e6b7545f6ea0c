import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  NO_EVIDENCE,
  NO_LANE
} from "./chunk-6VAFBZHZ.js";
import {
  LinearRegExp,
  UnsupportedRegexError
} from "./chunk-NAVPR6M6.js";
import {
  ConfigNode
} from "./chunk-UH4JFLZK.js";
import {
  code,
  details,
  table
} from "./chunk-SHBUU7UF.js";
import {
  markdownText
} from "./chunk-BDGPVZJH.js";
import {
  ConfigurationError,
  errorMessage,
  invalidValue
} from "./chunk-2WEQVLCG.js";

// src/markers/categories.ts
var MARKER_CATEGORIES = {
  "index-update": "a package index or git dependency was fetched instead of restored",
  download: "dependencies or tools were downloaded instead of restored",
  "third-party-compile": "a dependency was compiled instead of restored from a cache",
  "tool-compile": "a tool was compiled from source instead of installed prebuilt",
  "cache-miss": "a cache lookup missed or only partly matched",
  "cache-error": "a cache could not be restored, saved or written",
  "lock-wait": "a job waited for a lock held by another process",
  "offline-failure": "an offline build needed the network",
  "network-error": "a download failed or was retried",
  observation: "not a marker: context such as workspace compiles or cache statistics"
};
var CATEGORY_NAMES = Object.keys(MARKER_CATEGORIES);
function isMarkerCategory(name) {
  return Object.hasOwn(MARKER_CATEGORIES, name);
}

// src/markers/rule.ts
function definePack(name, description, rules, tool) {
  const engineOf = (pattern) => pattern instanceof LinearRegExp ? { engine: "re2" } : {};
  const presenceRule = (shows, { pattern, anchors }) => ({
    id: shows === "readable" ? `${name}/ran-readable` : `${name}/ran`,
    pack: name,
    category: "observation",
    description: shows === "readable" ? `${name} ran and printed what the pack's rules read` : `${name} ran`,
    pattern,
    anchors,
    presence: shows,
    ...engineOf(pattern)
  });
  return {
    name,
    description,
    rules: rules.map((rule) => ({ ...rule, pack: name, ...engineOf(rule.pattern) })),
    presence: [
      presenceRule("readable", tool.readable),
      ...tool.ran === void 0 ? [] : [presenceRule("ran", tool.ran)]
    ],
    hint: tool.hint
  };
}

// src/markers/packs/actions-cache.ts
var actionsCache = definePack(
  "actions-cache",
  "actions/cache and @actions/cache",
  [
    {
      id: "actions-cache/not-found",
      category: "cache-miss",
      description: "no cache matched the key or restore keys",
      pattern: /Cache not found for (?:input )?keys: /,
      anchors: ["Cache not found for"]
    },
    {
      id: "actions-cache/restore-failed",
      category: "cache-error",
      description: "a cache existed but could not be restored",
      pattern: /Failed to restore: /,
      anchors: ["Failed to restore"]
    },
    {
      id: "actions-cache/save-failed",
      category: "cache-error",
      description: "a cache could not be saved (reserve race, quota, service error)",
      pattern: /Failed to save: /,
      anchors: ["Failed to save"]
    },
    {
      id: "actions-cache/reserve-failed",
      category: "cache-error",
      description: "another job was saving the same key (older cache versions)",
      pattern: /^Unable to reserve cache with key /,
      anchors: ["Unable to reserve"]
    }
  ],
  {
    readable: {
      pattern: /^Cache (?:(?:restored from key|hit for|saved with key): |(?:restored|saved) successfully)/,
      anchors: ["Cache restored", "Cache hit for", "Cache saved"]
    },
    hint: "actions/cache, and @actions/cache inside other actions, print what they restored and saved by default"
  }
);

// src/markers/packs/buildkit.ts
var buildkit = definePack(
  "buildkit",
  "Docker BuildKit layer caches (cache-from/cache-to)",
  [
    {
      id: "buildkit/cache-import-miss",
      category: "cache-miss",
      description: "BuildKit could not import the layer cache it was given",
      // `.*` after a literal: V8 would backtrack over the rest of the line at each occurrence.
      pattern: new LinearRegExp(
        String.raw`(?:local cache import at \S+ not found|failed to configure \S+ cache importer|importing cache manifest from \S+.*(?:not found|ERROR))`
      ),
      anchors: ["cache import", "importing cache manifest"]
    },
    {
      id: "buildkit/cache-export-failed",
      category: "cache-error",
      description: "BuildKit could not export the layer cache",
      pattern: /(?:failed to (?:export|write|save) (?:\S+ )?cache|error writing (?:layer|manifest) blob)/,
      anchors: ["failed to export", "failed to write", "failed to save", "error writing"]
    },
    {
      id: "buildkit/step-not-cached",
      category: "cache-miss",
      description: "a Dockerfile RUN, COPY or ADD step ran instead of coming from the layer cache",
      pattern: /^#(\d+) \[[^\]]*\] (?:RUN|COPY|ADD) /,
      // Each build numbers its steps from #0 again; a step's header is reprinted while others
      // interleave, and a step listed again at export time is DONE even when it was CACHED.
      pairing: { hit: /^#(\d+) DONE /, clear: /^#(\d+) CACHED/, reset: /^#0 building with / },
      anchors: ["] RUN ", "] COPY ", "] ADD ", " DONE ", "CACHED", "#0 building with"]
    },
    {
      id: "buildkit/cached-step",
      category: "observation",
      description: "a BuildKit step was served from the layer cache",
      pattern: /^#\d+ CACHED\s*$/,
      anchors: ["CACHED"]
    }
  ],
  {
    readable: {
      // Anchors the other rules search for already: short ones would slow every scan.
      pattern: /^#(?:\d+ (?:DONE \d|CACHED)|0 building with )/,
      anchors: [" DONE ", "CACHED", "#0 building with"]
    },
    hint: "BuildKit prints its steps with plain progress (`--progress=plain`, the default without a terminal); `--progress=quiet` hides them"
  }
);

// src/markers/packs/cargo-install.ts
var P = String.raw`^\s*`;
var INSTALLING = String.raw`${P}Installing [A-Za-z0-9_-]+ v\d[^\s(]*`;
var FROM_REGISTRY_OR_GIT = String.raw`(?:\s*$| \((?:registry |dir )| \((?:git\+)?(?:https?|ssh|git)://| \([a-z][a-z0-9+.-]*://[^#)]*#)`;
var FROM_PATH = String.raw` \((?:/|[A-Za-z]:[\\/]|\\\\|file://[^#]*\)\s*$)`;
var cargoInstall = definePack(
  "cargo-install",
  "Tools compiled from source by cargo install or cargo-binstall",
  [
    {
      id: "cargo-install/from-source",
      category: "tool-compile",
      description: "cargo install compiled a tool from a registry or git source",
      pattern: new RegExp(INSTALLING + FROM_REGISTRY_OR_GIT),
      anchors: ["Installing"]
    },
    {
      id: "cargo-install/from-path",
      category: "observation",
      description: "cargo install --path installed a local crate (expected: it is built from here)",
      pattern: new RegExp(INSTALLING + FROM_PATH),
      anchors: ["Installing"]
    },
    {
      id: "cargo-install/binstall-fallback",
      category: "tool-compile",
      description: "cargo-binstall found no prebuilt binary and fell back to compiling",
      pattern: /(?:will be installed from source|[Ff]alling back to (?:source|cargo install))/,
      anchors: ["from source", "alling back to"]
    }
  ],
  {
    readable: {
      pattern: new RegExp(
        String.raw`${P}(?:(?:Installed|Replaced) package \x60|Ignored package \x60[^\x60]+\x60 is already installed)`
      ),
      anchors: ["Installed", "Replaced", "Ignored"]
    },
    hint: "cargo install prints the lines the rules read unless it runs with `-q`/`--quiet`"
  }
);

// src/markers/packs/cargo.ts
var P2 = String.raw`^\s*`;
var CRATE = String.raw`[A-Za-z0-9_-]+ v\d[^\s(]*`;
var BUILD_VERB = "(?:Compiling|Checking|Building|Documenting)";
var BUILD_ANCHORS = ["Compiling", "Checking", "Building", "Documenting"];
var cargo = definePack(
  "cargo",
  "Cargo registry, downloads, dependency builds and locks",
  [
    {
      id: "cargo/index-update",
      category: "index-update",
      description: "Cargo updated a registry index (crates.io or another registry)",
      pattern: new RegExp(String.raw`${P2}Updating (?:crates\.io|\x60[^\x60]+\x60|\S+) index\b`),
      anchors: ["Updating"]
    },
    {
      id: "cargo/git-fetch",
      category: "index-update",
      description: "Cargo fetched a git dependency (repository or submodule)",
      pattern: new RegExp(String.raw`${P2}Updating git (?:repository|submodule) `),
      anchors: ["Updating"]
    },
    {
      id: "cargo/downloading",
      category: "download",
      description: "Cargo started downloading crates",
      pattern: new RegExp(String.raw`${P2}Downloading crates \.\.\.`),
      anchors: ["Downloading"]
    },
    {
      id: "cargo/downloaded",
      category: "download",
      description: "Cargo downloaded one crate",
      pattern: new RegExp(String.raw`${P2}Downloaded ${CRATE}`),
      anchors: ["Downloaded"]
    },
    {
      id: "cargo/compile-third-party",
      category: "third-party-compile",
      description: "Cargo built a registry crate (no local path): its artifacts were not restored",
      pattern: new RegExp(String.raw`${P2}${BUILD_VERB} ${CRATE}(?: \(registry [^)]*\))?\s*$`),
      anchors: BUILD_ANCHORS
    },
    {
      id: "cargo/compile-git",
      category: "third-party-compile",
      description: "Cargo built a git dependency",
      pattern: new RegExp(String.raw`${P2}${BUILD_VERB} ${CRATE} \((?:git\+)?[a-z][a-z0-9+.-]*://`),
      anchors: BUILD_ANCHORS
    },
    {
      id: "cargo/compile-workspace",
      category: "observation",
      description: "Cargo built a workspace or path crate (expected when its sources changed)",
      pattern: new RegExp(String.raw`${P2}${BUILD_VERB} ${CRATE} \((?:/|[A-Za-z]:[\\/]|\\\\)`),
      anchors: BUILD_ANCHORS
    },
    {
      id: "cargo/file-lock",
      category: "lock-wait",
      description: "Cargo waited for a lock on the package cache, build directory or artifacts",
      pattern: new RegExp(String.raw`${P2}Blocking waiting for file lock on `),
      anchors: ["Blocking"]
    },
    {
      id: "cargo/offline-failure",
      category: "offline-failure",
      description: "Cargo ran offline and needed something that was not in the cache",
      pattern: /(?:--offline was specified|you(?:'re| are) (?:using|in the) offline mode|offline mode \(via)/,
      anchors: ["offline"]
    },
    {
      id: "cargo/network-retry",
      category: "network-error",
      description: "Cargo retried after a network error",
      pattern: /spurious network error \(\d+ tr(?:y|ies) remaining\)/,
      anchors: ["spurious"]
    },
    {
      id: "cargo/download-failed",
      category: "network-error",
      description: "Cargo failed to download a crate",
      pattern: /(?:error: )?failed to download (?:from |`)/,
      anchors: ["failed to download"]
    }
  ],
  {
    readable: {
      // `Finished` ends every build, `error: could not compile` a failed one.
      pattern: new RegExp(
        String.raw`${P2}(?:Finished (?:\x60[^\x60]+\x60 profile|[a-z]+) \[|error: could not compile \x60)`
      ),
      anchors: ["Finished", "could not compile"]
    },
    hint: "cargo prints the lines the rules read unless it runs with `-q`/`--quiet`"
  }
);

// src/markers/packs/go.ts
var go = definePack(
  "go",
  "Go module downloads",
  [
    {
      id: "go/download",
      category: "download",
      description: "go downloaded a module (the module cache did not have it)",
      pattern: /^go: downloading \S+ v\d/,
      anchors: ["go: downloading"]
    }
  ],
  {
    // A warm build prints nothing: the command line GitHub echoes in its `Run` step shows go ran.
    readable: {
      pattern: /^(?:go: downloading |go (?:build|test|install|vet|run|generate|mod download)(?:\s|$))/,
      anchors: [
        "go: downloading",
        "go build",
        "go test",
        "go install",
        "go vet",
        "go run",
        "go generate",
        "go mod download"
      ]
    },
    hint: "go prints `go: downloading` for each module it fetches and nothing for a warm build, so the rules look for its command line, which GitHub echoes in each `run` step"
  }
);

// src/markers/packs/mise.ts
var mise = definePack(
  "mise",
  "jdx/mise-action tool caches",
  [
    {
      id: "mise/cache-miss",
      category: "cache-miss",
      description: "mise-action found no cache for its tools",
      pattern: /mise cache not found/,
      anchors: ["mise cache not found"]
    },
    {
      id: "mise/restore-failed",
      category: "cache-error",
      description: "mise-action could not restore its cache",
      pattern: /Failed to restore (?:global |tool )?mise cache/,
      anchors: ["Failed to restore"]
    }
  ],
  {
    readable: { pattern: /^mise cache restored from key: /, anchors: ["mise cache restored"] },
    // mise colours its own name: `ESC[2mmiseESC[0m all tools are installed`.
    ran: { pattern: /^mise all tools are installed/, anchors: ["all tools are installed"] },
    hint: "jdx/mise-action prints whether it restored its cache when its `cache` input is true (the default)"
  }
);

// src/markers/packs/npm.ts
var npm = definePack(
  "npm",
  "npm installs",
  [
    {
      id: "npm/cache-miss",
      category: "download",
      description: "npm fetched a package from the registry, not from its cache (--loglevel http)",
      pattern: /^npm (?:http|verb) fetch GET \d{3} \S+ \d+ms \(cache miss\)/,
      anchors: ["cache miss"]
    },
    {
      id: "npm/retry",
      category: "network-error",
      description: "npm retried a request",
      pattern: /^npm (?:WARN|warn) retry will retry/,
      anchors: ["will retry"]
    },
    {
      id: "npm/network-error",
      category: "network-error",
      description: "npm failed on the network",
      pattern: /^npm (?:ERR!|error) (?:code )?(?:ETIMEDOUT|ECONNRESET|ECONNREFUSED|EAI_AGAIN|ENOTFOUND|ENETUNREACH|network)\b/,
      anchors: ["npm ERR!", "npm error"]
    }
  ],
  {
    readable: {
      pattern: /^npm (?:http|verb) (?:fetch|cache) .*\(cache [a-z]+\)/,
      anchors: ["(cache "]
    },
    ran: {
      pattern: /^(?:(?:added|removed|changed) \d+ packages?\b|up to date\b|npm (?:ci|install)(?:\s|$))/,
      // Not `added` or `changed`: words that common slow every scan.
      anchors: ["packages in", "package in", "audited", "up to date", "npm ci", "npm install"]
    },
    hint: "npm prints no fetches at its default log level: run it with `--loglevel http` (or set `npm_config_loglevel: http` in the step env)"
  }
);

// src/markers/packs/pip.ts
var pip = definePack(
  "pip",
  "pip installs",
  [
    {
      id: "pip/download",
      category: "download",
      description: 'pip downloaded a distribution (not "Using cached")',
      pattern: /^\s*Downloading (?:https?:\/\/\S+|\S+\.(?:whl|tar\.gz|zip|tar\.bz2))(?:\s|$)/,
      anchors: ["Downloading"]
    },
    {
      id: "pip/build-wheel",
      category: "third-party-compile",
      description: "pip built a wheel from a source distribution",
      pattern: /^\s*Building wheel for \S+/,
      anchors: ["Building wheel"]
    },
    {
      id: "pip/retry",
      category: "network-error",
      description: "pip retried a request",
      pattern: /WARNING: Retrying \(Retry\(total=/,
      anchors: ["Retrying"]
    }
  ],
  {
    readable: {
      // Not Next.js's `Collecting page data ...`: pip's names a requirement, alone or `(from ...)`.
      pattern: /^\s*(?:Collecting \S+(?: \(from |\s*$)|Using cached \S|Requirement already satisfied: |Successfully installed \S)/,
      anchors: ["Collecting", "Using cached", "Requirement already", "Successfully installed"]
    },
    hint: "pip prints `Collecting`, `Downloading` and `Using cached` at its default verbosity; `-q` hides them"
  }
);

// src/markers/packs/pnpm.ts
var pnpm = definePack(
  "pnpm",
  "pnpm installs and Corepack",
  [
    {
      id: "pnpm/downloaded",
      category: "download",
      description: "pnpm downloaded packages its store did not have",
      pattern: /Progress: resolved \d+, reused \d+, downloaded [1-9]\d*, added \d+, done/,
      anchors: ["downloaded"]
    },
    {
      id: "pnpm/corepack-download",
      category: "download",
      description: "Corepack downloaded the package manager itself",
      pattern: /Corepack is about to download /,
      anchors: ["Corepack is about to download"]
    }
  ],
  {
    readable: {
      pattern: /Progress: resolved \d+, reused \d+, downloaded \d+, added \d+, done/,
      anchors: ["Progress: resolved"]
    },
    ran: {
      pattern: /(?:Packages: [+-]\d+|Lockfile is up to date|Done in \S+ using pnpm v)/,
      anchors: ["Packages:", "Lockfile is up to date", "using pnpm"]
    },
    hint: "pnpm's default reporter prints the final `Progress: resolved \u2026, done` line the rules read; `--reporter=silent` and `--silent` hide it"
  }
);

// src/markers/packs/rust-cache.ts
var rustCache = definePack(
  "rust-cache",
  "Swatinem/rust-cache restores",
  [
    {
      id: "rust-cache/miss",
      category: "cache-miss",
      description: "rust-cache found no cache for its key",
      pattern: /^No cache found\.\s*$/,
      anchors: ["No cache found"]
    },
    {
      id: "rust-cache/partial",
      category: "cache-miss",
      description: "rust-cache restored a fallback key, not the exact one",
      pattern: /^(?:Restored from|Found) cache key ".*" full match: false\./,
      anchors: ["full match: false"]
    }
  ],
  {
    readable: {
      pattern: /^(?:\.\.\. (?:Restoring|Checking) cache \.\.\.|(?:Restored from|Found) cache key ")/,
      anchors: ["Restoring cache", "Checking cache", "cache key"]
    },
    hint: "Swatinem/rust-cache prints what it restored in its own step: scan the whole job log"
  }
);

// src/markers/packs/sccache.ts
var LANGUAGE = String.raw`(?: \([^)]*\))?`;
var sccache = definePack(
  "sccache",
  "sccache statistics and errors",
  [
    {
      id: "sccache/misses",
      category: "cache-miss",
      description: "sccache compiled what its cache did not have",
      pattern: /^\s*Cache misses\s+[1-9]/,
      anchors: ["Cache misses"]
    },
    {
      id: "sccache/cache-errors",
      category: "cache-error",
      description: "sccache reported cache errors (0.4 also counts a failed build-script probe)",
      pattern: /^\s*Cache errors\s+[1-9]/,
      anchors: ["Cache errors"]
    },
    {
      id: "sccache/write-errors",
      category: "cache-error",
      description: "sccache could not write to its cache",
      pattern: /^\s*Cache write errors\s+[1-9]/,
      anchors: ["write errors"]
    },
    {
      id: "sccache/timeouts",
      category: "cache-error",
      description: "sccache cache reads timed out",
      pattern: /^\s*Cache timeouts\s+[1-9]/,
      anchors: ["Cache timeouts"]
    },
    {
      id: "sccache/empty-cache",
      category: "cache-error",
      description: "the sccache cache holds nothing: writes are failing (0.4 does not count them)",
      pattern: /^\s*Cache size\s+0 bytes/,
      anchors: ["Cache size"]
    },
    {
      id: "sccache/error",
      category: "cache-error",
      description: "sccache itself failed (server start, storage backend)",
      pattern: /sccache: (?:error|encountered fatal error|caused by)\b/,
      anchors: ["sccache: "]
    },
    {
      id: "sccache/hit-rate",
      category: "observation",
      description: "sccache hit rate",
      pattern: new RegExp(String.raw`^\s*Cache hits rate${LANGUAGE}\s+\d`),
      anchors: ["hits rate"]
    },
    {
      id: "sccache/non-cacheable",
      category: "observation",
      description: "sccache saw calls it cannot cache (the reasons follow in the stats)",
      pattern: /^\s*Non-cacheable calls\s+[1-9]/,
      anchors: ["Non-cacheable"]
    },
    {
      id: "sccache/location",
      category: "observation",
      description: "where sccache keeps its cache",
      pattern: /^\s*Cache location\s+\S/,
      anchors: ["Cache location"]
    }
  ],
  {
    readable: { pattern: /^\s*Compile requests\s+\d/, anchors: ["Compile requests"] },
    hint: "run `sccache --show-stats` after the build: the rules read its counters"
  }
);

// src/markers/packs/setup-cache.ts
var setupCache = definePack(
  "setup-cache",
  "the dependency caches of actions/setup-node, setup-python, setup-go and setup-java",
  [
    {
      id: "setup-cache/not-found",
      category: "cache-miss",
      description: "a setup-* action found no dependency cache (npm, yarn, pnpm, pip, go, gradle...)",
      pattern: /^(?:[\w-]+ )?[Cc]ache is not found\b/,
      anchors: ["ache is not found"]
    },
    {
      id: "setup-cache/restore-failed",
      category: "cache-error",
      description: "a setup-* action could not restore its dependency cache",
      pattern: /^Failed to restore dependencies cache/,
      anchors: ["Failed to restore"]
    }
  ],
  {
    readable: { pattern: /^Cache restored from key: /, anchors: ["Cache restored"] },
    hint: "setup-node, setup-python, setup-go and setup-java print their dependency cache result when their `cache` input is set"
  }
);

// src/markers/packs/yarn.ts
var yarn = definePack(
  "yarn",
  "Yarn installs",
  [
    {
      id: "yarn/fetch",
      category: "download",
      description: "Yarn fetched packages that were not in its cache",
      // `.*` after a literal: V8 would backtrack over the rest of the line at each occurrence.
      pattern: new LinearRegExp(
        "YN0013: .*(?:can't be found in the cache|fetched from the remote registry|will be fetched)"
      ),
      anchors: ["YN0013"]
    },
    {
      id: "yarn/network-retry",
      category: "network-error",
      description: "Yarn retried after network trouble",
      pattern: /There appears to be trouble with your network connection\. Retrying/,
      anchors: ["trouble with your network"]
    }
  ],
  {
    readable: { pattern: /YN0000: \S+ Fetch step/, anchors: ["Fetch step"] },
    ran: {
      pattern: /(?:^\[\d\/\d\] (?:Resolving|Fetching|Linking|Building) |YN0000: \S+ Resolution step)/,
      anchors: ["Resolving", "Fetching", "Linking", "Building", "Resolution step"]
    },
    hint: "Yarn 1 prints no line per fetched package, so the rules cannot read it; Yarn 2 and later print their fetch step by default"
  }
);

// src/markers/builtin-packs.ts
var BUILTIN_PACKS = [
  cargo,
  cargoInstall,
  sccache,
  rustCache,
  actionsCache,
  setupCache,
  mise,
  buildkit,
  npm,
  pnpm,
  yarn,
  pip,
  go
];
var PACK_NAMES = BUILTIN_PACKS.map((pack) => pack.name);

// src/markers/literal-anchor.ts
var META = /* @__PURE__ */ new Set([".", "[", "]", "(", ")", "{", "}", "*", "+", "?", "^", "$", "|", "\\"]);
var CLASS_ESCAPES = /* @__PURE__ */ new Set([
  "d",
  "D",
  "w",
  "W",
  "s",
  "S",
  "b",
  "B",
  "n",
  "r",
  "t",
  "f",
  "v",
  "0"
]);
function literalAnchor(source, flags) {
  if (flags.includes("i")) return void 0;
  const runs = [];
  let run = "";
  const end = () => {
    runs.push(...run.split(/\s+/));
    run = "";
  };
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") {
      const next = source[i + 1] ?? "";
      i++;
      if (depth > 0) continue;
      if (CLASS_ESCAPES.has(next) || /[1-9ckpPux]/.test(next)) {
        end();
        continue;
      }
      if (isQuantifier(source[i + 1])) {
        end();
        continue;
      }
      run += next;
      continue;
    }
    if (char === "[") {
      i = classEnd(source, i);
      end();
      continue;
    }
    if (char === "(") {
      depth++;
      end();
      continue;
    }
    if (char === ")") {
      depth = Math.max(0, depth - 1);
      end();
      continue;
    }
    if (depth > 0) continue;
    if (char === "|") return void 0;
    if (META.has(char)) {
      end();
      continue;
    }
    if (isQuantifier(source[i + 1]) || source[i + 1] === "+") {
      if (source[i + 1] === "+") run += char;
      end();
      continue;
    }
    run += char;
  }
  end();
  const best = runs.reduce((a, b) => b.length > a.length ? b : a, "");
  return best.length >= 3 ? best : void 0;
}
function isQuantifier(char) {
  return char === "?" || char === "*" || char === "{";
}
function classEnd(source, open) {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === "]" && i > open + 1) return i;
  }
  return source.length;
}
function branchAnchors(source, flags) {
  const anchors = topLevelBranches(source).map((branch) => literalAnchor(branch, flags));
  const found = anchors.filter((anchor) => anchor !== void 0);
  return found.length === anchors.length ? [...new Set(found)] : [];
}
function topLevelBranches(source) {
  const branches = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") i++;
    else if (char === "[") i = classEnd(source, i);
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "|" && depth === 0) {
      branches.push(source.slice(start, i));
      start = i + 1;
    }
  }
  return [...branches, source.slice(start)];
}

// src/markers/markers-config.ts
var DEFAULT_MARKERS_FILE = ".github/lanekit/markers.yml";
var MARKERS_FILE_KEYS = ["packs", "rules", "allow"];
var USER_RULE_KEYS = [
  "id",
  "category",
  "description",
  "regex",
  "literal",
  "allow"
];
var ALLOW_KEYS = ["rule", "source", "reason"];
var RULE_ID = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)?$/;
function parseMarkersConfig(text, origin) {
  const root = ConfigNode.parse(text, origin);
  const fields = root.fields(MARKERS_FILE_KEYS);
  return {
    packs: fields.packs === void 0 ? void 0 : parsePackNames(fields.packs),
    rules: (fields.rules?.items() ?? []).map(parseUserRule),
    allow: parseAllowList(fields.allow)
  };
}
function parseAllowEntries(text, origin) {
  return parseAllowList(ConfigNode.parse(text, origin));
}
function parsePackNames(node) {
  return node.items().map((item) => {
    const name = item.string();
    if (!PACK_NAMES.includes(name)) {
      throw item.error(`unknown rule pack '${name}', expected one of ${PACK_NAMES.join("|")}`);
    }
    return name;
  });
}
function parseUserRule(node) {
  const fields = node.fields(USER_RULE_KEYS);
  const id = fields.id?.string();
  if (id === void 0) throw node.error("a rule needs an 'id'");
  if (!RULE_ID.test(id)) {
    throw node.error(
      `rule '${id}': id must be lower-case letters, digits, '.', '_', '-', with one optional '/'`
    );
  }
  const category = fields.category?.string();
  if (category === void 0 || !isMarkerCategory(category)) {
    throw (fields.category ?? node).error(
      `rule '${id}': unknown category '${category ?? ""}', expected one of ${CATEGORY_NAMES.join("|")}`
    );
  }
  if (fields.regex === void 0 === (fields.literal === void 0)) {
    throw node.error(`rule '${id}': give exactly one of 'regex' or 'literal'`);
  }
  let pattern;
  if (fields.regex !== void 0) {
    const source = fields.regex.string();
    try {
      pattern = new LinearRegExp(source);
    } catch (error) {
      const what = error instanceof UnsupportedRegexError ? "unsupported" : "invalid";
      const reason = errorMessage(error);
      throw fields.regex.error(`rule '${id}': ${what} regex '${source}': ${reason}`);
    }
  } else {
    const literal = fields.literal.string();
    if (literal === "") throw fields.literal.error(`rule '${id}': the literal is empty`);
    pattern = new LinearRegExp(literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  }
  const allowReason = fields.allow?.string();
  return {
    id,
    pack: "user",
    category,
    description: fields.description?.string() ?? `user rule ${id}`,
    pattern,
    engine: "re2",
    anchors: branchAnchors(pattern.source, pattern.flags),
    ...allowReason === void 0 ? {} : { allowReason }
  };
}
function parseAllowList(node) {
  if (node === void 0 || node.isMissing) return [];
  if (!node.isList) throw node.error("expected a list of {rule, source, reason} entries");
  return node.items().map((item) => {
    const fields = item.fields(ALLOW_KEYS);
    const rule = fields.rule?.string();
    const reason = fields.reason?.string();
    if (rule === void 0)
      throw item.error("an allow entry needs 'rule' (a rule id, category or wildcard)");
    if (reason === void 0 || reason.trim() === "") {
      throw item.error(`allow entry for '${rule}' needs a 'reason': an explained marker says why`);
    }
    return { rule, source: fields.source?.string() ?? "*", reason };
  });
}

// src/markers/tool-evidence.ts
var HINTS = new Map(
  BUILTIN_PACKS.map((pack) => [pack.name, pack.hint])
);
function quietTools(report) {
  const sourcesOf = /* @__PURE__ */ new Map();
  for (const source of report.sources) {
    for (const [pack, presence] of Object.entries(source.tools)) {
      if (presence !== "ran") continue;
      const sources = sourcesOf.get(pack) ?? [];
      sourcesOf.set(pack, [...sources, source.name]);
    }
  }
  return [...sourcesOf].sort(([a], [b]) => a.localeCompare(b)).map(([pack, sources]) => ({ pack, hint: HINTS.get(pack) ?? "", sources }));
}

// src/markers/marker-summary.ts
var ICONS = {
  "no-markers": "\u2705",
  markers: "\u26A0\uFE0F",
  "no-evidence": "\u2753"
};
var QUIET_SOURCES_NAMED = 5;
function countsLine(report) {
  const scanned = report.sources.length;
  const explained = report.explained > 0 ? `, ${report.explained} explained` : "";
  return `${report.verdict}: ${report.total} markers${explained} in ${scanned} logs`;
}
function noEvidenceReason(report) {
  return report.sources.length === 0 ? "no log was scanned" : "no log shows a selected rule pack's tool printing what its rules read";
}
function verdictLine(report) {
  const line = countsLine(report);
  if (report.verdict !== "no-evidence") return line;
  const allowed = report.noEvidenceAllowed === void 0 ? "" : ` (allowed: ${report.noEvidenceAllowed})`;
  const hints = quietTools(report).map((tool) => `; ${tool.pack}: ${tool.hint}`);
  return `${line}, but ${noEvidenceReason(report)}${allowed}${hints.join("")}`;
}
function failOnMessage(report, failOn) {
  if (report.failing > 0) {
    return `fail-on: ${report.failing} markers match ${failOn.join(", ")}; see the step summary for where`;
  }
  return `fail-on: verdict no-evidence: ${noEvidenceReason(report)}, so finding no markers proves nothing; see the step summary for how to make the tools print what the rules read, or allow it with {rule: ${NO_EVIDENCE}, reason: ...}`;
}
function markersSummary(report) {
  let out = `### marker-scanner: ${ICONS[report.verdict]} ${markdownText(countsLine(report))}

`;
  out += evidenceNotes(report);
  const lanes = Object.keys(report.lanes).sort(
    (a, b) => a === NO_LANE ? 1 : b === NO_LANE ? -1 : a.localeCompare(b)
  );
  const categories = CATEGORY_NAMES.filter((c) => (report.categories[c] ?? 0) > 0);
  const byLane = lanes.length > 1 || lanes.length === 1 && lanes[0] !== NO_LANE;
  if (categories.length > 0) {
    const rows = categories.map((category) => [
      `${code(category)}<br><sub>${markdownText(MARKER_CATEGORIES[category])}</sub>`,
      ...byLane ? lanes.map((lane) => String(report.lanes[lane]?.[category] ?? 0)) : [],
      String(report.categories[category] ?? 0)
    ]);
    const laneHeads = lanes.map((lane) => lane === NO_LANE ? "no lane" : code(lane));
    out += table(["category", ...byLane ? laneHeads : [], "total"], rows);
  } else if (report.verdict === "no-markers") {
    out += "No unexplained cold-cache markers in any scanned log.\n";
  }
  if (report.failing > 0) out += `
**${report.failing} markers match \`fail-on\`.**
`;
  const problems = report.sources.filter(
    (s) => s.error !== void 0 || s.binary || s.truncatedLines > 0
  );
  for (const source of problems) {
    const what = source.error ?? (source.binary ? "binary file, not scanned" : `${source.truncatedLines} lines longer than the cap were scanned in part`);
    out += `
- ${code(source.name)}: ${markdownText(what)}`;
  }
  if (problems.length > 0) out += "\n";
  out += "\n";
  if (report.sources.length > 0) out += details("Evidence per log", evidenceTable(report));
  for (const source of report.sources) {
    const rules = Object.entries(source.rules);
    if (rules.length === 0) continue;
    out += details(sourceTitle(source), sourceSamples(source));
  }
  return out;
}
function evidenceNotes(report) {
  const paragraphs = [];
  if (report.verdict === "no-evidence") {
    const next = report.noEvidenceAllowed === void 0 ? `Scan the logs of the jobs that install and build, or say why none is expected with an allow entry \`{rule: ${NO_EVIDENCE}, reason: ...}\`.` : `Allowed: ${markdownText(report.noEvidenceAllowed)}.`;
    paragraphs.push(
      `**No evidence: ${markdownText(noEvidenceReason(report))}**, so finding no markers proves nothing. ${next}`
    );
  }
  const quiet = quietTools(report).map((tool) => {
    const named = tool.sources.slice(0, QUIET_SOURCES_NAMED).map(code);
    const more = tool.sources.length - named.length;
    const where = named.join(", ") + (more > 0 ? ` and ${more} more` : "");
    return `- ${code(tool.pack)} ran but printed nothing its rules read (${where}): ${tool.hint}`;
  });
  if (quiet.length > 0) paragraphs.push(quiet.join("\n"));
  return paragraphs.map((paragraph) => `${paragraph}

`).join("");
}
function evidenceTable(report) {
  const rows = report.sources.map((source) => {
    const tools = Object.entries(source.tools).sort(([a], [b]) => a.localeCompare(b)).map(([pack, presence]) => presence === "readable" ? code(pack) : `${code(pack)} (quiet)`);
    const allowed = source.noEvidenceAllowed === void 0 ? "" : ` (allowed: ${markdownText(source.noEvidenceAllowed)})`;
    return [
      markdownText(source.name),
      `${code(source.verdict)}${allowed}`,
      tools.join(", ") || "none"
    ];
  });
  return table(["log", "verdict", "tools seen"], rows);
}
function sourceTitle(source) {
  const lane = source.lane === void 0 ? "" : ` (${markdownText(source.lane)} lane)`;
  const explained = Object.values(source.rules).filter((r) => r.explained !== void 0 && r.category !== "observation").reduce((sum, r) => sum + r.count, 0);
  const extra = explained > 0 ? `, ${explained} explained` : "";
  return `${markdownText(source.name)}${lane}: ${source.markers} markers${extra}`;
}
function sourceSamples(source) {
  const rows = Object.entries(source.rules).map(([id, rule]) => {
    const samples = rule.samples.map((sample) => {
      const line = sample.line > 0 ? `line ${sample.line}` : "";
      const lineRef = sample.url === void 0 || line === "" ? line : `[${line}](${encodeURI(sample.url)})`;
      const context = [sample.step ?? "", sample.group ?? ""].filter((part) => part !== "").map((part) => markdownText(part));
      const where = [lineRef, ...context].filter((part) => part !== "").join(" \xB7 ");
      return `${code(sample.text)}${where === "" ? "" : `<br><sub>${where}</sub>`}`;
    });
    const status = rule.category === "observation" ? "observed" : rule.explained === void 0 ? "**marker**" : `explained: ${markdownText(rule.explained)}`;
    return [code(id), code(rule.category), String(rule.count), status, samples.join("<br>")];
  });
  const link = source.url === void 0 ? "" : `
[open the log](${encodeURI(source.url)})
`;
  return table(["rule", "category", "count", "status", "first samples"], rows) + link;
}

// src/markers/rule-selection.ts
function selectRules(config) {
  const packs = BUILTIN_PACKS.filter((pack) => config.packs?.includes(pack.name) ?? true);
  const rules = [
    ...packs.flatMap((pack) => pack.rules),
    ...config.rules,
    ...packs.flatMap((pack) => pack.presence)
  ];
  const seen = /* @__PURE__ */ new Set();
  for (const rule of rules) {
    if (seen.has(rule.id)) {
      throw new ConfigurationError(
        `rule '${rule.id}' is defined twice; user rules need ids of their own`
      );
    }
    seen.add(rule.id);
  }
  return rules;
}
function checkFailOn(input, entries, rules) {
  for (const entry of entries) {
    const known = entry === "any" || isMarkerCategory(entry) && entry !== "observation" || entry.includes("*") || rules.some((rule) => rule.id === entry && rule.category !== "observation");
    if (!known) {
      const categories = CATEGORY_NAMES.filter((c) => c !== "observation").join("|");
      throw invalidValue(
        input,
        entry,
        `any, a category (${categories}), a marker rule id or a wildcard such as cargo/*`
      );
    }
  }
}

export {
  PACK_NAMES,
  DEFAULT_MARKERS_FILE,
  parseMarkersConfig,
  parseAllowEntries,
  verdictLine,
  failOnMessage,
  markersSummary,
  selectRules,
  checkFailOn
};
