import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);

// src/workflow/job-names.ts
function splitJobName(name) {
  const trimmed = name.trimEnd();
  if (!trimmed.endsWith(")")) return { base: trimmed, parts: [] };
  let depth = 0;
  const parts = [];
  let end = trimmed.length - 1;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i];
    if (ch === ")") {
      depth++;
      if (depth === 1) end = i;
    } else if (ch === "(") {
      depth--;
      if (depth === 0) {
        parts.unshift(trimmed.slice(i + 1, end).trim());
        return { base: trimmed.slice(0, i).trim(), parts };
      }
    } else if (ch === "," && depth === 1) {
      parts.unshift(trimmed.slice(i + 1, end).trim());
      end = i;
    }
  }
  return { base: trimmed, parts: [] };
}
function nameBase(name) {
  const expression = name.indexOf("${{");
  const base = expression < 0 ? splitJobName(name).base : name.slice(0, expression).replace(/\(\s*$/, "");
  return base.trim() === "" ? void 0 : base.trim();
}
var EXPRESSION = /\$\{\{.*?\}\}/s;
var escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function namePattern(job) {
  const literals = (job.name ?? job.id).split(EXPRESSION);
  const legValues = job.hasMatrix && literals.length === 1 ? "(?: \\(.*\\))?" : "";
  const calledJob = job.uses === void 0 ? "" : " / .+";
  const name = literals.map(escapeRegExp).join(".*?");
  return {
    id: job.id,
    prefix: literals[0],
    pattern: new RegExp(`^${name}${legValues}${calledJob}$`, "s"),
    literalLength: literals.join("").length + (job.uses === void 0 ? 0 : " / ".length)
  };
}
var JobNameMatcher = class {
  #patterns;
  constructor(workflow) {
    this.#patterns = [...workflow.jobs.values()].map(namePattern);
  }
  /**
   * The id of the job whose name, by the rules above, gives `listedName`: of several, the one
   * that fixes most of the name (`name: build / lint` before a caller `build`). Undefined when
   * no job gives it, or two give it as surely (two jobs with the same `name:`).
   */
  jobIdOf(listedName) {
    let best;
    let tied = false;
    for (const candidate of this.#patterns) {
      if (!listedName.startsWith(candidate.prefix) || !candidate.pattern.test(listedName)) {
        continue;
      }
      if (best === void 0 || candidate.literalLength > best.literalLength) {
        best = candidate;
        tied = false;
      } else if (candidate.literalLength === best.literalLength) {
        tied = true;
      }
    }
    return tied ? void 0 : best?.id;
  }
};

// src/lanes/lane-of.ts
function laneOfJob(config, jobName) {
  for (const part of splitJobName(jobName).parts) {
    const lane = config.lanes.find((l) => l.suffix === part) ?? config.lanes.find((l) => l.name === part);
    if (lane) return lane;
  }
  return void 0;
}
function laneOfArtifact(config, artifactName) {
  let best;
  for (const lane of config.lanes) {
    const suffix = lane.artifactSuffix;
    if (suffix === "" || artifactName.length <= suffix.length || !artifactName.endsWith(suffix)) {
      continue;
    }
    if (!best || suffix.length > best.artifactSuffix.length) best = lane;
  }
  return best ?? config.lanes.find((lane) => lane.artifactSuffix === "");
}

export {
  splitJobName,
  nameBase,
  JobNameMatcher,
  laneOfJob,
  laneOfArtifact
};
