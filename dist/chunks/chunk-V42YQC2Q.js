import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  apiCall
} from "./chunk-DVUWOTCD.js";

// src/routing/api-diff.ts
var PULL_FILES_CAP = 3e3;
var COMPARE_FILES_CAP = 300;
function toChangedFile(file) {
  const status = {
    added: "added",
    copied: "added",
    removed: "deleted",
    modified: "modified",
    changed: "modified",
    renamed: "renamed"
  };
  const mapped = status[file.status];
  if (mapped === void 0) return void 0;
  return mapped === "renamed" && file.previous_filename !== void 0 ? { path: file.filename, status: mapped, previousPath: file.previous_filename } : { path: file.filename, status: mapped };
}
var branchName = (rev) => rev.replace(/^refs\/heads\//, "");
async function apiDiff(client, repo, request, pull) {
  if (request.kind === "all") return request;
  if (pull !== void 0) {
    const files2 = await apiCall(
      `pulls.listFiles for #${pull.number}`,
      () => client.paginate("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
        ...repo,
        pull_number: pull.number,
        per_page: 100
      })
    );
    if (files2.length >= PULL_FILES_CAP || (pull.changed_files ?? 0) >= PULL_FILES_CAP) {
      return {
        kind: "all",
        cause: "diff-truncated",
        head: request.head,
        how: `GitHub lists at most ${PULL_FILES_CAP} files of a pull request and this one reached the cap`
      };
    }
    if (pull.changed_files !== void 0 && files2.length < pull.changed_files) {
      return {
        kind: "all",
        cause: "diff-truncated",
        head: request.head,
        how: `the API listed ${files2.length} of the pull request's ${pull.changed_files} changed files`
      };
    }
    return {
      kind: "diff",
      base: request.base,
      head: request.head,
      how: `${request.how} (pull request files from the API)`,
      files: files2.flatMap((f) => toChangedFile(f) ?? [])
    };
  }
  const basehead = `${branchName(request.base)}...${branchName(request.head)}`;
  const { data } = await apiCall(
    `compare ${basehead}`,
    () => client.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
      ...repo,
      basehead,
      per_page: 1
    })
  );
  const files = data.files ?? [];
  if (files.length >= COMPARE_FILES_CAP) {
    return {
      kind: "all",
      cause: "diff-truncated",
      head: request.head,
      how: `GitHub's compare lists at most ${COMPARE_FILES_CAP} files and this comparison reached the cap`
    };
  }
  return {
    kind: "diff",
    base: data.merge_base_commit.sha,
    head: request.head,
    how: `${request.how} (compare from the API)`,
    files: files.flatMap((f) => toChangedFile(f) ?? [])
  };
}
function apiContentReader(client, repo, base, head) {
  const readOne = async (side, path) => {
    const encoded = path.split("/").map(encodeURIComponent).join("/");
    const ref = side === "base" ? base : head;
    try {
      const response = await client.request(
        `GET /repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/contents/${encoded}`,
        { ref, mediaType: { format: "raw" } }
      );
      return typeof response.data === "string" ? response.data : void 0;
    } catch (error) {
      if (error instanceof Error && "status" in error && error.status === 404) return void 0;
      return apiCall(`contents of ${path} at ${ref}`, () => Promise.reject(error));
    }
  };
  return {
    async read(requests) {
      const results = [];
      for (let i = 0; i < requests.length; i += 4) {
        const batch = requests.slice(i, i + 4);
        results.push(...await Promise.all(batch.map((r) => readOne(r.side, r.path))));
      }
      return results;
    }
  };
}

export {
  apiDiff,
  apiContentReader
};
