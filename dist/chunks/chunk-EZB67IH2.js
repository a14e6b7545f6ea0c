import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);

// src/cli/usage-error.ts
var UsageError = class extends Error {
  name = "UsageError";
};

// src/cli/command-line.ts
import { parseArgs } from "node:util";
var HELP = { help: { type: "boolean", short: "h" } };
function looksLikeOption(arg) {
  return /^--?[A-Za-z]/.test(arg);
}
function optionList(options) {
  const names = Object.entries(options).map(
    ([name, option]) => option.type === "string" ? `--${name} ${option.placeholder}` : `--${name}`
  );
  return [...names, "-h/--help"].join(", ");
}
function parseCommandLine(spec, args) {
  const { tokens } = parseArgs({
    args: [...args],
    options: {
      ...Object.fromEntries(
        Object.entries(spec.options).map(([name, o]) => [name, { type: o.type }])
      ),
      ...HELP
    },
    strict: false,
    allowPositionals: true,
    tokens: true
  });
  const helpAsked = tokens.some(
    (t) => t.kind === "option" && (t.name === "help" || t.inlineValue === false && (t.value === "--help" || t.value === "-h"))
  );
  if (helpAsked) return { help: true };
  const values = {};
  const positionals = [];
  for (const token of tokens) {
    if (token.kind === "option-terminator") continue;
    if (token.kind === "positional") {
      if (spec.positionals === void 0) {
        throw new UsageError(
          `unexpected argument '${token.value}': this command takes options only`
        );
      }
      positionals.push(token.value);
      continue;
    }
    const option = Object.hasOwn(spec.options, token.name) ? spec.options[token.name] : void 0;
    if (option === void 0) {
      throw new UsageError(
        `unknown option '${token.rawName}', expected one of ${optionList(spec.options)}`
      );
    }
    if (Object.hasOwn(values, token.name)) {
      throw new UsageError(`${token.rawName}: given twice, expected it once`);
    }
    if (option.type === "boolean") {
      if (token.value !== void 0) {
        throw new UsageError(`${token.rawName}: takes no value, got '${token.value}'`);
      }
      values[token.name] = true;
    } else {
      if (token.value === void 0 || token.value === "") {
        throw new UsageError(`${token.rawName}: missing its value, ${option.expected}`);
      }
      if (!token.inlineValue && looksLikeOption(token.value)) {
        throw new UsageError(
          `${token.rawName}: missing its value, ${option.expected} (got the option '${token.value}' after it; write ${token.rawName}=VALUE for a value starting with '-')`
        );
      }
      values[token.name] = token.value;
    }
  }
  return { help: false, values, positionals };
}

export {
  UsageError,
  parseCommandLine
};
