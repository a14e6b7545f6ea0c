import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  currentRunAttempt,
  listRunAttemptJobs
} from "./chunk-ODXKVILV.js";
import "./chunk-DVUWOTCD.js";
import "./chunk-5TY2TEEQ.js";
import "./chunk-PYTXODB5.js";
export {
  currentRunAttempt,
  listRunAttemptJobs
};
