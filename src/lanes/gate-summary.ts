import { markdownText } from '../runner/neutralize.ts';
import { code, details, table } from '../runner/summary.ts';
import type { GateOutcome, JobDecision } from './gate.ts';

const RESULT_ICON: Readonly<Record<string, string>> = {
  success: '✅',
  failure: '❌',
  cancelled: '⛔',
  skipped: '⏭️',
};

function laneCell(decision: JobDecision): string {
  if (decision.legs.length === 0) return '—';
  const byLane = new Map<string, { red: number; total: number; required: boolean }>();
  for (const leg of decision.legs) {
    const entry = byLane.get(leg.lane) ?? { red: 0, total: 0, required: leg.required };
    entry.total++;
    if (leg.conclusion !== 'success' && leg.conclusion !== 'skipped' && leg.conclusion !== null) {
      entry.red++;
    }
    byLane.set(leg.lane, entry);
  }
  return [...byLane]
    .map(
      ([lane, { red, total, required }]) =>
        `${code(lane)} ${red === 0 ? '✅' : '❌'} ${total - red}/${total}${required ? '' : ' (optional)'}`,
    )
    .join('<br>');
}

/** The gate's step summary: one row per job of needs, the same table whether it passes or not. */
export function gateSummary(outcome: GateOutcome, problems: readonly string[]): string {
  const failed = outcome.decisions.filter((d) => !d.pass).length + problems.length;
  let out =
    outcome.pass && problems.length === 0
      ? `### lane-matrix gate: ✅ passed (${outcome.decisions.length} jobs)\n\n`
      : `### lane-matrix gate: ❌ failed (${failed} of ${outcome.decisions.length + problems.length} checks)\n\n`;
  out += table(
    ['job', 'lanes', 'result', 'decision', 'why'],
    outcome.decisions.map((d) => [
      code(d.job),
      laneCell(d),
      `${RESULT_ICON[d.result] ?? ''} ${d.result}`,
      d.pass ? '✅ pass' : '❌ fail',
      markdownText(d.why),
    ]),
  );
  for (const problem of problems) out += `\n❌ ${markdownText(problem)}\n`;
  for (const note of outcome.notes) out += `\n> ${markdownText(note)}\n`;
  const legs = outcome.decisions.flatMap((d) =>
    d.legs.map((leg) => [
      code(d.job),
      code(leg.name),
      code(leg.lane) + (leg.required ? '' : ' (optional)'),
      markdownText(leg.conclusion ?? leg.status),
      leg.fatal ? '❌ fatal' : leg.conclusion === 'success' ? '✅' : 'reported',
    ]),
  );
  if (legs.length > 0) {
    out += `\n${details(`All ${legs.length} lane legs`, table(['job', 'leg', 'lane', 'conclusion', 'verdict'], legs))}`;
  }
  return out;
}
