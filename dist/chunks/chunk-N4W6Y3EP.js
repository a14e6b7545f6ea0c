import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  readOptionFile
} from "./chunk-UKVV2B5A.js";
import {
  DEFAULT_LANES_FILE,
  parseLanesConfig
} from "./chunk-NNRTMOBY.js";
import {
  ConfigurationError
} from "./chunk-2WEQVLCG.js";

// src/cli/lanes-file.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";
function readLanesFile(given, options) {
  if (given === void 0 && !existsSync(resolve(DEFAULT_LANES_FILE))) {
    if (options.optional) return void 0;
    throw new ConfigurationError(
      `no lanes file at ${resolve(DEFAULT_LANES_FILE)}: write one, or pass --lanes-file FILE`
    );
  }
  const file = given ?? DEFAULT_LANES_FILE;
  return parseLanesConfig(readOptionFile("lanes-file", file), file);
}

export {
  readLanesFile
};
