import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);

// src/runner/configuration-error.ts
var ConfigurationError = class extends Error {
  name = "ConfigurationError";
};
function invalidValue(input, value, allowed) {
  return new ConfigurationError(`${input}: got '${value}', expected ${allowed}`);
}
var ServiceError = class extends Error {
  name = "ServiceError";
};
var CheckFailed = class extends Error {
  name = "CheckFailed";
};

// src/github/api-call.ts
var PERMISSION_HINTS = {
  401: "the token is missing or expired",
  403: "the token lacks a permission this call needs (see the action README for the least permissions)",
  404: "not found, or not visible to this token"
};
async function apiCall(what, call) {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Error && "status" in error && typeof error.status === "number") {
      const hint = PERMISSION_HINTS[error.status];
      throw new ServiceError(
        `GitHub API ${what} answered ${error.status}: ${error.message}${hint ? ` (${hint})` : ""}`
      );
    }
    throw error;
  }
}

export {
  ConfigurationError,
  invalidValue,
  ServiceError,
  CheckFailed,
  apiCall
};
