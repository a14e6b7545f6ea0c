import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);

// src/common/shown.ts
function shown(value, max = 80) {
  const text = JSON.stringify(value);
  if (text === void 0) return "nothing";
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

export {
  shown
};
