import { ConfigurationError, invalidValue } from '../runner/errors.ts';
import type { Lane, LanesConfig } from './lanes-config.ts';
import type { Trust } from './trust.ts';

export interface LaneSelection {
  /** The lanes this run uses, in file order. */
  readonly lanes: readonly Lane[];
  /** Lanes asked for but left out because the event is untrusted. */
  readonly dropped: readonly Lane[];
  /** Set when untrusted filtering changed what was asked: what happened and why. */
  readonly notice: string | undefined;
}

const ALL = ['both', 'all'];

/** The lanes the `lanes` input names: `default`, `both`/`all`, a lane, or a comma list. */
export function requestedLanes(value: string | undefined, config: LanesConfig): Lane[] {
  const words = (value ?? '')
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
  if (words.length === 0) return [config.defaultLane];
  const wanted = new Set<Lane>();
  for (const word of words) {
    const keyword = word.toLowerCase();
    if (keyword === 'default') wanted.add(config.defaultLane);
    else if (ALL.includes(keyword)) for (const lane of config.lanes) wanted.add(lane);
    else {
      const lane = config.lanes.find((l) => l.name === word);
      if (!lane) {
        throw invalidValue(
          'lanes',
          word,
          `default, both, all, or a comma list of the lanes of ${config.origin}: ${config.lanes.map((l) => l.name).join('|')}`,
        );
      }
      wanted.add(lane);
    }
  }
  return config.lanes.filter((lane) => wanted.has(lane));
}

/**
 * The lanes a run uses: what was asked, kept to hosted lanes when the event is untrusted. When
 * nothing hosted was asked for, the default lane (or the first hosted lane) runs instead, so the
 * required check still has its parity lane.
 */
export function selectLanes(
  config: LanesConfig,
  asked: readonly Lane[],
  trust: Trust,
): LaneSelection {
  if (trust.trusted) return { lanes: asked, dropped: [], notice: undefined };
  const kept = asked.filter((lane) => lane.hosted);
  const dropped = asked.filter((lane) => !lane.hosted);
  const names = (lanes: readonly Lane[]) => lanes.map((l) => l.name).join(', ');
  if (kept.length > 0) {
    return {
      lanes: kept,
      dropped,
      notice:
        dropped.length === 0
          ? undefined
          : `Untrusted event (${trust.reason}): hosted lanes only, so ${names(dropped)} will not run`,
    };
  }
  const fallback = config.defaultLane.hosted
    ? config.defaultLane
    : config.lanes.find((lane) => lane.hosted);
  if (!fallback) {
    throw new ConfigurationError(
      `lanes: ${config.origin} has no lane with hosted: true, and this event is untrusted (${trust.reason}); add a GitHub-hosted lane for such events`,
    );
  }
  return {
    lanes: [fallback],
    dropped,
    notice: `Untrusted event (${trust.reason}): hosted lanes only; none of the lanes asked for (${names(dropped)}) is hosted, so the hosted lane ${fallback.name} runs instead`,
  };
}
