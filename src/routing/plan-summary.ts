import { code, details, table } from '../runner/summary.ts';
import { markdownText } from '../runner/neutralize.ts';
import type { Reason } from './plan.ts';
import type { Plan } from './route-changes.ts';

const SHOWN_REASONS = 3;

/** One reason in words, for logs and the CLI. Untrusted parts are neutralized by the caller. */
export function describeReason(reason: Reason): string {
  switch (reason.type) {
    case 'path':
      return `${reason.path} matches ${reason.rule}`;
    case 'key':
      return `${reason.file}: key ${reason.key} changed (${reason.rule})`;
    case 'tool':
      return `${reason.file}: tool ${reason.tool} ${reason.change} (${reason.key})`;
    case 'implied':
      return `implied by ${reason.by}`;
    case 'parse-error':
      return `${reason.cause} (${reason.detail})`;
    case 'fallback':
      return reason.cause;
  }
}

function reasonMarkdown(reason: Reason): string {
  switch (reason.type) {
    case 'path':
      return `${code(reason.path)} matches ${code(reason.rule)}`;
    case 'key':
      return `${code(reason.file)} key ${code(reason.key)} changed`;
    case 'tool':
      return `${code(reason.file)} tool ${code(reason.tool)} ${reason.change}`;
    case 'implied':
      return `implied by ${code(reason.by)}`;
    case 'parse-error':
      return `${code(reason.cause)}: ${markdownText(reason.detail)}`;
    case 'fallback':
      return code(reason.cause);
  }
}

/** The step summary: a table of routes first, every reason folded below it. */
export function planSummary(plan: Plan): string {
  const entries = Object.entries(plan.routes);
  const running = entries.filter(([, r]) => r.run).length;
  const rows = entries.map(([name, route]) => {
    const shown = route.reasons.slice(0, SHOWN_REASONS).map(reasonMarkdown);
    const more = route.reasons.length + route.omittedReasons - shown.length;
    if (more > 0) shown.push(`and ${more} more`);
    return [code(name), route.run ? '✅ run' : '⏭️ skip', shown.join('<br>') || '—'];
  });
  let out = `### change-router: ${running} of ${entries.length} routes run\n\n`;
  out += table(['route', 'run', 'why'], rows);
  const range = plan.base
    ? `${code(plan.base.slice(0, 12))}…${code((plan.head ?? '').slice(0, 12))}`
    : 'none';
  out += `\n${plan.changedFiles} changed files, ${plan.source} diff ${range}: ${markdownText(plan.how)}.\n`;
  if (plan.fallbackReason) out += `\nFallback: ${code(plan.fallbackReason)}.\n`;
  if (plan.warnings.length > 0) {
    out += `\n**Configuration drift:**\n${plan.warnings.map((w) => `- ${markdownText(w)}`).join('\n')}\n`;
  }
  const folded = entries
    .filter(([, r]) => r.reasons.length > SHOWN_REASONS)
    .map(([name, r]) => {
      const list = r.reasons.map((reason) => `- ${reasonMarkdown(reason)}`).join('\n');
      const omitted = r.omittedReasons > 0 ? `\n- and ${r.omittedReasons} more (not listed)` : '';
      return details(
        `All ${r.reasons.length + r.omittedReasons} reasons for ${code(name)}`,
        list + omitted,
      );
    });
  return out + (folded.length > 0 ? `\n${folded.join('\n')}` : '');
}
