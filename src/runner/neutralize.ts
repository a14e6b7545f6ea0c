/**
 * Untrusted text (paths, branch names, log lines, commit messages) made safe to print.
 *
 * The runner treats a log line as a workflow command when it starts with `::` after leading
 * white space, and (legacy form) when it holds `##[`. Control characters are shown as escapes so
 * that one value is always one log line: a newline in a file name cannot start a new line that
 * the runner would parse.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this escapes
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

function escapeControl(ch: string): string {
  switch (ch) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}

export function neutralize(text: string): string {
  const oneLine = text.replace(/\\/g, '\\\\').replace(CONTROL, escapeControl);
  // A zero-width joiner between the characters breaks the command syntax but reads the same.
  return oneLine.replace(/##\[/g, '#\u200d#[').replace(/^(\s*):/, '$1\u200d:');
}

/** Text for a Markdown table cell or list item: no markup, no HTML, no line breaks. */
export function markdownText(text: string): string {
  return neutralize(text).replace(/[\\`*_{}[\]()<>#+!|~&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
