import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);

// src/runner/neutralize.ts
var CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;
function escapeControl(ch) {
  switch (ch) {
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "	":
      return "\\t";
    default:
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  }
}
function neutralize(text) {
  const oneLine = text.replace(/\\/g, "\\\\").replace(CONTROL, escapeControl);
  return oneLine.replace(/##\[/g, "#\u200D#[").replace(/^(\s*):/, "$1\u200D:");
}
function markdownText(text) {
  return neutralize(text).replace(/[\\`*_{}[\]()<>#+!|~&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export {
  neutralize,
  markdownText
};
