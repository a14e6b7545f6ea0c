import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  jobLogOf,
  scanRunJobLogs
} from "./chunk-MHBYQNAK.js";
import "./chunk-NAVPR6M6.js";
import "./chunk-7ZHSTLJW.js";
import "./chunk-PFIR35EB.js";
import "./chunk-2WEQVLCG.js";
import "./chunk-PYTXODB5.js";
export {
  jobLogOf,
  scanRunJobLogs
};
