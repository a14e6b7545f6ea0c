import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

/** A flag, or an option that takes a value: `placeholder` in lists, `expected` in errors. */
export type OptionSpec =
  | { readonly type: 'boolean' }
  | { readonly type: 'string'; readonly placeholder: string; readonly expected: string };

export interface CommandSpec<O extends Readonly<Record<string, OptionSpec>>> {
  readonly options: O;
  /** What the command's arguments are, for errors; undefined when it takes none. */
  readonly positionals?: string;
}

export type OptionValues<O> = {
  [K in keyof O]?: O[K] extends { readonly type: 'string' } ? string : boolean;
};

export type CommandLine<O> =
  | { readonly help: true }
  | { readonly help: false; readonly values: OptionValues<O>; readonly positionals: string[] };

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** `--json` after `--base` is a forgotten value, not a base; `-1` after `--samples` is a value. */
function looksLikeOption(arg: string): boolean {
  return /^--?[A-Za-z]/.test(arg);
}

function optionList(options: Readonly<Record<string, OptionSpec>>): string {
  const names = Object.entries(options).map(([name, option]) =>
    option.type === 'string' ? `--${name} ${option.placeholder}` : `--${name}`,
  );
  return [...names, '-h/--help'].join(', ');
}

/**
 * A command's arguments, checked against its options: `--help` or `-h` anywhere before `--`
 * asks for its usage; anything else wrong is a UsageError naming the argument and what is
 * allowed (never parseArgs' own messages, which speak of its API).
 */
export function parseCommandLine<O extends Readonly<Record<string, OptionSpec>>>(
  spec: CommandSpec<O>,
  args: readonly string[],
): CommandLine<O> {
  const { tokens } = parseArgs({
    args: [...args],
    options: {
      ...Object.fromEntries(
        Object.entries(spec.options).map(([name, o]) => [name, { type: o.type }]),
      ),
      ...HELP,
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const helpAsked = tokens.some(
    (t) =>
      t.kind === 'option' &&
      (t.name === 'help' ||
        (t.inlineValue === false && (t.value === '--help' || t.value === '-h'))),
  );
  if (helpAsked) return { help: true };

  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (spec.positionals === undefined) {
        throw new UsageError(
          `unexpected argument '${token.value}': this command takes options only`,
        );
      }
      positionals.push(token.value);
      continue;
    }
    const option = Object.hasOwn(spec.options, token.name) ? spec.options[token.name] : undefined;
    if (option === undefined) {
      throw new UsageError(
        `unknown option '${token.rawName}', expected one of ${optionList(spec.options)}`,
      );
    }
    if (Object.hasOwn(values, token.name)) {
      throw new UsageError(`${token.rawName}: given twice, expected it once`);
    }
    if (option.type === 'boolean') {
      if (token.value !== undefined) {
        throw new UsageError(`${token.rawName}: takes no value, got '${token.value}'`);
      }
      values[token.name] = true;
    } else {
      if (token.value === undefined || token.value === '') {
        throw new UsageError(`${token.rawName}: missing its value, ${option.expected}`);
      }
      if (!token.inlineValue && looksLikeOption(token.value)) {
        throw new UsageError(
          `${token.rawName}: missing its value, ${option.expected} (got the option '${token.value}' after it; write ${token.rawName}=VALUE for a value starting with '-')`,
        );
      }
      values[token.name] = token.value;
    }
  }
  return { help: false, values: values as OptionValues<O>, positionals };
}
