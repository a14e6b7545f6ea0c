import { splitJobName } from '../workflow/job-names.ts';
import type { Lane, LanesConfig } from './lanes-config.ts';

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
