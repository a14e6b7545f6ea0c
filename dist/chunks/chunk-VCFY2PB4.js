import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);

// src/common/wildcard.ts
function wildcard(pattern) {
  const body = pattern.split("").map((char) => {
    if (char === "*") return ".*";
    if (char === "?") return ".";
    return char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }).join("");
  return new RegExp(`^${body}$`);
}

export {
  wildcard
};
