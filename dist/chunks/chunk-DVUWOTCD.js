import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  ServiceError
} from "./chunk-5TY2TEEQ.js";

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
  apiCall
};
