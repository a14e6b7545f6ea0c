import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);

// src/common/error-message.ts
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/runner/errors.ts
var ConfigurationError = class extends Error {
  name = "ConfigurationError";
  /** Where in a file of the repository the problem is, for an annotation on that line. */
  location;
  constructor(message, location) {
    super(message);
    this.location = location;
  }
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

export {
  errorMessage,
  ConfigurationError,
  invalidValue,
  ServiceError,
  CheckFailed
};
