import type { Lane, LanesConfig } from './lanes-config.ts';

/**
 * The last `(...)` of a job name and its top-level comma parts: `test (velnor, core)` gives
 * `{base: 'test', parts: ['velnor', 'core']}`. Nested parentheses stay inside their part.
 */
export function splitJobName(name: string): { base: string; parts: string[] } {
  const trimmed = name.trimEnd();
  if (!trimmed.endsWith(')')) return { base: trimmed, parts: [] };
  let depth = 0;
  const parts: string[] = [];
  let end = trimmed.length - 1;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i];
    if (ch === ')') {
      depth++;
      if (depth === 1) end = i;
    } else if (ch === '(') {
      depth--;
      if (depth === 0) {
        parts.unshift(trimmed.slice(i + 1, end).trim());
        return { base: trimmed.slice(0, i).trim(), parts };
      }
    } else if (ch === ',' && depth === 1) {
      parts.unshift(trimmed.slice(i + 1, end).trim());
      end = i;
    }
  }
  return { base: trimmed, parts: [] };
}

/**
 * The lane a job of this run belongs to, from its name: a lane's suffix (or name) as one of the
 * comma-separated values in the name's last `(...)`, as matrix job names show them:
 * `clippy (velnor)`, `test (github, core, 3)`, `build / clippy (velnor)`. Undefined for a job
 * outside the lanes.
 */
export function laneOfJob(config: LanesConfig, jobName: string): Lane | undefined {
  for (const part of splitJobName(jobName).parts) {
    const lane =
      config.lanes.find((l) => l.suffix === part) ?? config.lanes.find((l) => l.name === part);
    if (lane) return lane;
  }
  return undefined;
}

/**
 * The lane an artifact belongs to, from the artifact-suffix its name ends with (the longest
 * that matches); a name that ends with none belongs to the lane whose suffix is empty, if any.
 */
export function laneOfArtifact(config: LanesConfig, artifactName: string): Lane | undefined {
  let best: Lane | undefined;
  for (const lane of config.lanes) {
    const suffix = lane.artifactSuffix;
    if (suffix === '' || artifactName.length <= suffix.length || !artifactName.endsWith(suffix)) {
      continue;
    }
    if (!best || suffix.length > best.artifactSuffix.length) best = lane;
  }
  return best ?? config.lanes.find((lane) => lane.artifactSuffix === '');
}
