import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  currentRunAttempt,
  listRunAttemptJobs
} from "./chunk-B64YAGY7.js";
import "./chunk-FWHX3332.js";
import "./chunk-PYTXODB5.js";
export {
  currentRunAttempt,
  listRunAttemptJobs
};
