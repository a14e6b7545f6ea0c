import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  neutralize
} from "./chunk-BDGPVZJH.js";

// src/cli/stderr-log.ts
var stderrLog = {
  debug: () => {
  },
  info: () => {
  },
  notice: (m) => process.stderr.write(`notice: ${neutralize(m)}
`),
  warning: (m) => process.stderr.write(`warning: ${neutralize(m)}
`)
};

export {
  stderrLog
};
