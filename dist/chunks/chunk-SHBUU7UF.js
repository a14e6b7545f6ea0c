import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  markdownText
} from "./chunk-BDGPVZJH.js";

// src/runner/summary.ts
var SUMMARY_LIMIT_BYTES = 900 * 1024;
function table(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n") + "\n";
}
function details(summary, body) {
  return `<details><summary>${summary}</summary>

${body}
</details>
`;
}
function code(text) {
  return `<code>${markdownText(text)}</code>`;
}
function fitSummary(markdown, limitBytes = SUMMARY_LIMIT_BYTES) {
  if (Buffer.byteLength(markdown) <= limitBytes) return markdown;
  const notice = "\n\n_Summary cut to fit the step summary size limit; the full result is in the JSON output._\n";
  const budget = limitBytes - Buffer.byteLength(notice);
  let cut = Buffer.from(markdown).subarray(0, budget).toString();
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf("\n")));
  return cut + notice;
}

export {
  table,
  details,
  code,
  fitSummary
};
