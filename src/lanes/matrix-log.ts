import { formatSeconds } from '../common/duration.ts';
import type { Logger } from '../runner/logger.ts';
import type { LaneSelection } from './lane-selection.ts';
import type { Matrices } from './matrix.ts';
import type { ShardPlan } from './shards.ts';
import type { Trust } from './trust.ts';

/** What lane-matrix decided, line by line in the step's log. */
export function logMatrix(
  log: Logger,
  report: {
    event: string;
    trust: Trust;
    selection: LaneSelection;
    shards: ShardPlan | undefined;
    matrices: Matrices;
  },
): void {
  const { trust, selection, shards, matrices } = report;
  log.info(`Event ${report.event}: ${trust.trusted ? 'trusted' : 'untrusted'}, ${trust.reason}`);
  if (selection.notice) log.notice(selection.notice);
  for (const lane of selection.lanes) {
    log.info(
      `lane ${lane.name}: ${lane.required ? 'required' : 'optional'}, runs-on ${JSON.stringify(lane.runsOn)}`,
    );
  }
  if (shards) {
    if (shards.canary) {
      log.info(
        `canary: ${shards.canary.items.length} items, expected ${formatSeconds(shards.canary.expectedSeconds)}`,
      );
    }
    for (const shard of shards.shards) {
      log.info(
        `shard ${shard.index}/${shards.shards.length}: ${shard.items.length} items, expected ${formatSeconds(shard.expectedSeconds)}`,
      );
    }
    if (shards.cappedFrom !== undefined) {
      log.notice(
        `shards: ${shards.cappedFrom} asked for, ${shards.shards.length} made: there are only ${shards.shards.length} items`,
      );
    }
  }
  log.info(
    `${matrices.matrix.include.length} legs${matrices.canary ? `, ${matrices.canary.include.length} canary legs` : ''}`,
  );
}
