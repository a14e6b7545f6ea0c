import { BUILTIN_PACKS } from './builtin-packs.ts';
import type { MarkersReport } from './report.ts';

const HINTS: ReadonlyMap<string, string> = new Map(
  BUILTIN_PACKS.map((pack) => [pack.name, pack.hint]),
);

/** A pack whose tool ran in some logs without printing what the pack's rules read. */
export interface QuietTool {
  readonly pack: string;
  /** How to make the tool print what the rules read. */
  readonly hint: string;
  readonly sources: readonly string[];
}

/** Each pack whose tool ran quietly somewhere, in pack name order, with the logs it did so in. */
export function quietTools(report: MarkersReport): QuietTool[] {
  const sourcesOf = new Map<string, string[]>();
  for (const source of report.sources) {
    for (const [pack, presence] of Object.entries(source.tools)) {
      if (presence !== 'ran') continue;
      const sources = sourcesOf.get(pack) ?? [];
      sourcesOf.set(pack, [...sources, source.name]);
    }
  }
  return [...sourcesOf]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([pack, sources]) => ({ pack, hint: HINTS.get(pack) ?? '', sources }));
}
