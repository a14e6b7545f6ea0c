import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);

// src/git/git.ts
import { execFile, spawn } from "node:child_process";
var GitError = class extends Error {
  name = "GitError";
  /** What git wrote to stderr, for telling one failure from another. */
  stderr;
  constructor(message, stderr = "") {
    super(message);
    this.stderr = stderr;
  }
};
var MAX_OUTPUT = 1024 * 1024 * 1024;
function gitArgs(args, options) {
  const safe = (options.safeDirectories ?? []).flatMap((dir) => ["-c", `safe.directory=${dir}`]);
  return [...safe, "-c", "core.quotepath=false", ...args];
}
function gitEnv(options) {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
  const config = options.secretConfig ?? [];
  if (config.length === 0) return env;
  const first = Number(env.GIT_CONFIG_COUNT) || 0;
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${first + i}`] = key;
    env[`GIT_CONFIG_VALUE_${first + i}`] = value;
  });
  env.GIT_CONFIG_COUNT = String(first + config.length);
  return env;
}
function git(cwd, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      gitArgs(args, options),
      { cwd, encoding: "buffer", maxBuffer: MAX_OUTPUT, env: gitEnv(options) },
      (error, stdout, stderr) => {
        if (error) {
          const text = stderr.toString().trim();
          reject(new GitError(`git ${args[0] ?? ""} failed: ${text || error.message}`, text));
        } else {
          resolve(stdout);
        }
      }
    );
  });
}
async function tryGit(cwd, args, options = {}) {
  try {
    return await git(cwd, args, options);
  } catch (error) {
    if (error instanceof GitError) return void 0;
    throw error;
  }
}
function catFileBatch(cwd, names, options = {}) {
  if (names.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn("git", gitArgs(["cat-file", "--batch"], options), {
      cwd,
      env: gitEnv(options),
      stdio: ["pipe", "pipe", "pipe"]
    });
    const chunks = [];
    let stderr = "";
    child.stdout.on("data", (chunk) => chunks.push(chunk));
    child.stderr.on("data", (chunk) => stderr += chunk.toString());
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new GitError(`git cat-file --batch failed: ${stderr.trim()}`, stderr.trim()));
        return;
      }
      const out = Buffer.concat(chunks);
      const results = [];
      let at = 0;
      for (let i = 0; i < names.length; i++) {
        const eol = out.indexOf(10, at);
        const header = out.subarray(at, eol).toString("utf8");
        at = eol + 1;
        const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (!match) {
          results.push(void 0);
          continue;
        }
        const size = Number(match[2]);
        results.push(
          match[1] === "blob" ? out.subarray(at, at + size).toString("utf8") : void 0
        );
        at += size + 1;
      }
      resolve(results);
    });
    child.stdin.end(Buffer.concat(names.flatMap((name) => [name, Buffer.of(10)])));
  });
}
async function gitText(cwd, args, options = {}) {
  return (await git(cwd, args, options)).toString("utf8").trim();
}
async function tryGitText(cwd, args, options = {}) {
  return (await tryGit(cwd, args, options))?.toString("utf8").trim();
}

export {
  GitError,
  git,
  tryGit,
  catFileBatch,
  gitText,
  tryGitText
};
