import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  RECORD_ARTIFACT_PREFIX,
  gatherRunRecords,
  jobLabel,
  recordArtifactName,
  uploadRecords
} from "./chunk-ECUKZLOB.js";
import "./chunk-7DTZBDEW.js";
import "./chunk-I4MD2II7.js";
import "./chunk-U6YF45QA.js";
import "./chunk-2WEQVLCG.js";
import "./chunk-PYTXODB5.js";
export {
  RECORD_ARTIFACT_PREFIX,
  gatherRunRecords,
  jobLabel,
  recordArtifactName,
  uploadRecords
};
