import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  jobLogOf,
  scanRunJobLogs
} from "./chunk-CVCU5CEQ.js";
import "./chunk-NAVPR6M6.js";
import "./chunk-YAHCJC2M.js";
import "./chunk-RML3SJZG.js";
import "./chunk-PFIR35EB.js";
import "./chunk-2WEQVLCG.js";
import "./chunk-PYTXODB5.js";
export {
  jobLogOf,
  scanRunJobLogs
};
