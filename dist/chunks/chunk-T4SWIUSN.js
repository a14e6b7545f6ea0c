import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);

// src/common/error-message.ts
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

export {
  errorMessage
};
