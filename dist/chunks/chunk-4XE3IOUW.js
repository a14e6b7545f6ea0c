import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  DEFAULT_LANES_FILE,
  parseLanesConfig
} from "./chunk-NNRTMOBY.js";
import {
  readConfigInput
} from "./chunk-JZRQ347E.js";

// src/lanes/lanes-input.ts
function readLanesInput(value, options) {
  const file = readConfigInput("lanes-file", value, {
    defaultFile: DEFAULT_LANES_FILE,
    ...options
  });
  return file ? parseLanesConfig(file.text, file.origin) : void 0;
}

export {
  readLanesInput
};
