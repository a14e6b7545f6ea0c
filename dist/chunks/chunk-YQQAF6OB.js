import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  readContents
} from "./chunk-OWJYVQDS.js";
import {
  repositoryOf
} from "./chunk-PFIR35EB.js";
import {
  inWorkspace
} from "./chunk-JZRQ347E.js";
import {
  errorMessage
} from "./chunk-2WEQVLCG.js";

// src/github/workflow-file.ts
import { existsSync, readFileSync } from "node:fs";
function workflowPath(workflowRef) {
  if (!workflowRef) return void 0;
  const at = workflowRef.lastIndexOf("@");
  const withoutRef = at < 0 ? workflowRef : workflowRef.slice(0, at);
  const parts = withoutRef.split("/");
  return parts.length > 2 ? parts.slice(2).join("/") : void 0;
}
async function readRunWorkflowFile(options) {
  const { env, client, log } = options;
  const path = workflowPath(env.GITHUB_WORKFLOW_REF);
  if (!path) return void 0;
  const local = inWorkspace(options.workspace, path);
  if (existsSync(local)) return { path, text: readFileSync(local, "utf8") };
  const repository = repositoryOf(env);
  const ref = env.GITHUB_WORKFLOW_SHA ?? env.GITHUB_SHA;
  if (!client || !repository || !ref) return { path, text: void 0 };
  try {
    const [text] = await readContents(client, repository, [{ path, ref }]);
    return { path, text };
  } catch (error) {
    log.debug(`workflow file: ${errorMessage(error)}`);
    return { path, text: void 0 };
  }
}

export {
  workflowPath,
  readRunWorkflowFile
};
