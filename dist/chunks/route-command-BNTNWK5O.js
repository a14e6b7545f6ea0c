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
  routeChanges
} from "./chunk-QJFRNCU5.js";
import "./chunk-4BEZLSD7.js";
import "./chunk-IPZMFRDG.js";
import "./chunk-OWJYVQDS.js";
import "./chunk-PFIR35EB.js";
import "./chunk-UH4JFLZK.js";
import "./chunk-Z6KEAZSF.js";
import "./chunk-SHBUU7UF.js";
import {
  UsageError,
  parseCommandLine
} from "./chunk-EZB67IH2.js";
import {
  GitError,
  tryGit,
  tryGitText
} from "./chunk-WSZT5TYF.js";
import {
  neutralize
} from "./chunk-BDGPVZJH.js";
import {
  ConfigurationError
} from "./chunk-2WEQVLCG.js";
import "./chunk-PYTXODB5.js";

// src/cli/route-command.ts
import { readFileSync } from "node:fs";
import { resolve as resolve2 } from "node:path";

// src/cli/default-base.ts
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
    const sha = ref === void 0 ? void 0 : await repo.resolveCommit(ref);
    if (ref !== void 0 && sha !== void 0) return { ref, sha };
  }
  return void 0;
}
async function parentCommit(repo, head, headName) {
  const parent = await repo.resolveCommit(`${head}~1`);
  if (parent === void 0 && await repo.isShallow()) {
    throw new ConfigurationError(
      `${headName}~1 is not in this shallow clone: fetch more history (git fetch --deepen=1 origin) or pass --base REV`
    );
  }
  return parent;
}
async function defaultRouteBase(repo, head, headName) {
  const branch = await defaultBranch(repo);
  if (branch === void 0) {
    throw new ConfigurationError(
      "no default branch found (origin/HEAD, origin/main, origin/master, main, master): pass --base REV"
    );
  }
  const onDefaultBranch = await tryGit(repo.dir, [
    "merge-base",
    "--is-ancestor",
    "--end-of-options",
    head,
    branch.sha
  ]);
  if (onDefaultBranch === void 0) {
    return { sha: branch.sha, how: `merge base with ${branch.ref}` };
  }
  const parent = await parentCommit(repo, head, headName);
  return parent === void 0 ? { sha: head, how: `${headName} is the first commit: nothing earlier to compare with` } : { sha: parent, how: `${headName}~1: ${headName} is on the default branch ${branch.ref}` };
}

// src/cli/worktree-snapshot.ts
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
function gitWith(cwd, env, args) {
  return new Promise((resolvePromise, reject) => {
    execFile(
      "git",
      [...args],
      { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...env } },
      (error, stdout, stderr) => {
        if (error) {
          const text = stderr.trim();
          reject(new GitError(`git ${args[0] ?? ""} failed: ${text || error.message}`, text));
        } else {
          resolvePromise(stdout.trim());
        }
      }
    );
  });
}
async function worktreeSnapshot(dir, head) {
  const scratch = await mkdtemp(join(tmpdir(), "lanekit-worktree-"));
  try {
    const index = join(scratch, "index");
    const userIndex = resolve(dir, await gitWith(dir, {}, ["rev-parse", "--git-path", "index"]));
    await cp(userIndex, index, { preserveTimestamps: true }).catch((error) => {
      if (error.code !== "ENOENT") throw error;
    });
    const env = { GIT_INDEX_FILE: index };
    await gitWith(dir, env, ["add", "--all"]);
    const tree = await gitWith(dir, env, ["write-tree"]);
    if (tree === await gitWith(dir, {}, ["rev-parse", "--verify", `${head}^{tree}`])) return head;
    const message = await gitWith(dir, {}, ["log", "-1", "--format=%B", head]);
    return await gitWith(
      dir,
      {
        GIT_AUTHOR_NAME: "lanekit",
        GIT_AUTHOR_EMAIL: "lanekit@localhost",
        GIT_COMMITTER_NAME: "lanekit",
        GIT_COMMITTER_EMAIL: "lanekit@localhost"
      },
      ["commit-tree", "--no-gpg-sign", "-p", head, "-m", message, tree]
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// src/cli/route-command.ts
var ROUTE_USAGE = `Usage: lanekit route [--base REV] [--head REV] [--worktree] [--routes FILE] [--json]

Print the run plan change-router would make for this checkout: which routes run and why. The
changes are those from the merge base of the base and the head to the head, as in a pull request.

Options:
  --base REV     Compare with REV: a branch, tag or commit sha in this clone.
                 Default: the merge base of HEAD with the default branch (origin/HEAD, else
                 origin/main, origin/master, main, master). When HEAD is on the default branch
                 already (that merge base is HEAD itself, as on a fresh clone): HEAD~1, as
                 dorny/paths-filter does for a push to its base branch.
  --head REV     The commit whose changes are routed. Default: HEAD.
  --worktree     Add the uncommitted changes to the head: staged, unstaged, and untracked files
                 that are not ignored. The index and the worktree are left as they are.
                 Not with --head.
  --routes FILE  The routes file. Default: ${DEFAULT_ROUTES_FILE}.
  --json         Print the plan as JSON, as change-router's plan output.
  -h, --help     Print this help.

Examples:
  lanekit route                          this branch against the default branch
  lanekit route --worktree               the same, with the uncommitted changes
  lanekit route --base HEAD --worktree   the uncommitted changes alone

Exit status: 0 the plan was printed; 2 a bad option or revision, or a bad routes file.
`;
var ROUTE_OPTIONS = {
  base: {
    type: "string",
    placeholder: "REV",
    expected: "a revision (a branch, tag or commit sha)"
  },
  head: {
    type: "string",
    placeholder: "REV",
    expected: "a revision (a branch, tag or commit sha)"
  },
  worktree: { type: "boolean" },
  routes: { type: "string", placeholder: "FILE", expected: "the routes file" },
  json: { type: "boolean" }
};
async function resolveRevision(repo, option, rev) {
  const sha = await repo.resolveCommit(rev) ?? await repo.resolveCommit(`origin/${rev.replace(/^refs\/heads\//, "")}`);
  if (sha === void 0) {
    throw new UsageError(
      `${option}: got '${rev}', but no commit of that name is in this clone; expected a branch, tag or commit sha (fetch it first if only a remote has it)`
    );
  }
  return sha;
}
function readRoutes(repo, given) {
  const file = given ?? DEFAULT_ROUTES_FILE;
  const path = resolve2(repo.dir, file);
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    if (given === void 0) {
      throw new ConfigurationError(`no routes file at ${path}: write one, or pass --routes FILE`);
    }
    throw new UsageError(`--routes: got '${file}', but there is no file at ${path}`);
  }
  return parseRoutesConfig(text, file);
}
async function routeCommand(args) {
  const line = parseCommandLine({ options: ROUTE_OPTIONS }, args);
  if (line.help) {
    process.stdout.write(ROUTE_USAGE);
    return 0;
  }
  const { values } = line;
  if (values.worktree === true && values.head !== void 0) {
    throw new UsageError(
      "--worktree adds the uncommitted changes to HEAD, so --head cannot be given with it"
    );
  }
  const repo = await Repository.open(process.cwd());
  if (!repo) throw new ConfigurationError("not inside a git checkout: run lanekit route in one");
  const config = readRoutes(repo, values.routes);
  const headName = values.head ?? "HEAD";
  const head = values.head === void 0 ? await repo.resolveCommit("HEAD") : await resolveRevision(repo, "--head", values.head);
  if (head === void 0) throw new ConfigurationError("HEAD: this checkout has no commit yet");
  const base = values.base === void 0 ? await defaultRouteBase(repo, head, headName) : {
    sha: await resolveRevision(repo, "--base", values.base),
    how: `merge base with ${values.base}`
  };
  const routed = values.worktree === true ? await worktreeSnapshot(repo.dir, head) : head;
  const uncommitted = routed === head ? 0 : (await repo.changedFiles(head, routed)).length;
  const plan = await routeChanges({
    config,
    event: { name: "local", payload: {}, sha: void 0, ref: void 0, repository: void 0 },
    overrides: { base: base.sha, head: routed },
    source: { kind: "git", repo },
    log: stderrLog
  });
  const how = plan.base === null ? plan.how : base.how;
  if (values.json) {
    const worktree = values.worktree === true ? { worktree: { parent: head, uncommitted } } : {};
    process.stdout.write(`${JSON.stringify({ ...plan, how, ...worktree }, null, 2)}
`);
  } else {
    const shownHead = values.worktree === true ? `${head} + worktree (${uncommitted} uncommitted files)` : plan.head ?? "unknown";
    process.stdout.write(textPlan(plan, how, shownHead));
  }
  return 0;
}
function textPlan(plan, how, head) {
  const lines = [
    `base ${plan.base ?? "none"} (${neutralize(how)})`,
    `head ${head}, ${plan.changedFiles} changed files`,
    ""
  ];
  if (plan.base !== null && plan.base === plan.head) {
    lines.push(
      "The base and the head are the same commit: pass --base REV to compare with an earlier one, or --worktree to add the uncommitted changes.",
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
  return `${lines.join("\n")}
`;
}
export {
  ROUTE_USAGE,
  routeCommand
};
