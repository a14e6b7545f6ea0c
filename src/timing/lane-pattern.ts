import { ConfigurationError } from '../runner/errors.ts';

/** Where a job name shows its lane, when there is no lanes file: `* ({lane})`. */
export interface LanePattern {
  readonly text: string;
  readonly regex: RegExp;
}

const LANE_PLACEHOLDER = '{lane}';

/**
 * A job-name pattern with one `{lane}`: `*` matches any run of characters, `?` one, everything
 * else itself. `* ({lane})` reads `clippy (GitHub)` as lane `GitHub`.
 */
export function parseLanePattern(text: string, input: string): LanePattern {
  const at = text.indexOf(LANE_PLACEHOLDER);
  if (at < 0 || text.indexOf(LANE_PLACEHOLDER, at + 1) >= 0) {
    throw new ConfigurationError(
      `${input}: got '${text}', expected a job-name pattern with '${LANE_PLACEHOLDER}' once, such as '* (${LANE_PLACEHOLDER})'`,
    );
  }
  const literal = (part: string) =>
    part
      .split('')
      .map((char) =>
        char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
      )
      .join('');
  const before = literal(text.slice(0, at));
  const after = literal(text.slice(at + LANE_PLACEHOLDER.length));
  return { text, regex: new RegExp(`^(${before})(.+?)(${after})$`, 's') };
}

/** The lane a name shows, and the name with the lane as `*` (the same job on every lane). */
export function matchLanePattern(
  pattern: LanePattern,
  name: string,
): { lane: string; key: string } | undefined {
  const match = pattern.regex.exec(name);
  if (match === null) return undefined;
  return { lane: match[2]!, key: `${match[1]!}*${match[3]!}` };
}
