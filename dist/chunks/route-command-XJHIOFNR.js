import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  stderrLog
} from "./chunk-4GIIV63K.js";
import {
  DEFAULT_ROUTES_FILE,
  Repository,
  describeReason,
  parseRoutesConfig,
  routeChanges,
  tryGitText
} from "./chunk-ITE3L75O.js";
import "./chunk-XPMI3MSL.js";
import "./chunk-E2B5MYZ3.js";
import {
  neutralize
} from "./chunk-BDGPVZJH.js";
import "./chunk-NYTUMRJY.js";
import "./chunk-T4SWIUSN.js";
import {
  ConfigurationError
} from "./chunk-HI3FRFRH.js";
import "./chunk-PYTXODB5.js";

// src/cli/route-command.ts
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
async function defaultBranch(repo) {
  const originHead = await tryGitText(repo.dir, [
    "symbolic-ref",
    "--quiet",
    "refs/remotes/origin/HEAD"
  ]);
  const candidates = [
    originHead,
    "refs/remotes/origin/main",
    "refs/remotes/origin/master",
    "refs/heads/main",
    "refs/heads/master"
  ];
  for (const ref of candidates) {
    if (ref !== void 0 && await repo.resolveCommit(ref) !== void 0) return ref;
  }
  return void 0;
}
async function routeCommand(args) {
  const { values } = parseArgs({
    args,
    options: {
      base: { type: "string" },
      head: { type: "string" },
      routes: { type: "string", default: DEFAULT_ROUTES_FILE },
      json: { type: "boolean", default: false }
    },
    strict: true
  });
  const repo = await Repository.open(process.cwd());
  if (!repo) throw new ConfigurationError("lanekit route: run it inside a git checkout");
  const routesPath = resolve(repo.dir, values.routes);
  let text;
  try {
    text = readFileSync(routesPath, "utf8");
  } catch {
    throw new ConfigurationError(
      `--routes: got '${values.routes}', but there is no file at ${routesPath}`
    );
  }
  const config = parseRoutesConfig(text, values.routes);
  const base = values.base ?? await defaultBranch(repo);
  if (base === void 0) {
    throw new ConfigurationError(
      "--base: no default branch found (origin/HEAD, main, master); pass --base REV"
    );
  }
  const plan = await routeChanges({
    config,
    event: { name: "local", payload: {}, sha: void 0, ref: void 0, repository: void 0 },
    overrides: { base, head: values.head ?? "HEAD" },
    source: { kind: "git", repo },
    log: stderrLog
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(plan, null, 2)}
`);
    return;
  }
  const how = values.base === void 0 ? `merge base with ${base}` : plan.how;
  const lines = [
    `base ${plan.base ?? "none"} (${neutralize(how)})`,
    `head ${plan.head ?? "unknown"}, ${plan.changedFiles} changed files`,
    ""
  ];
  if (plan.base !== null && plan.base === plan.head) {
    lines.push(
      "HEAD is the merge base itself: pass --base REV to compare with an earlier commit.",
      ""
    );
  }
  const width = Math.max(...Object.keys(plan.routes).map((n) => n.length));
  for (const [name, r] of Object.entries(plan.routes)) {
    const why = r.reasons.slice(0, 3).map((reason) => neutralize(describeReason(reason)));
    const more = r.reasons.length + r.omittedReasons - why.length;
    lines.push(
      `${r.run ? "run " : "skip"}  ${name.padEnd(width)}  ${why.join("; ")}${more > 0 ? `; and ${more} more` : ""}`.trimEnd()
    );
  }
  for (const warning of plan.warnings) lines.push(`warning: ${neutralize(warning)}`);
  process.stdout.write(`${lines.join("\n")}
`);
}
export {
  routeCommand
};
