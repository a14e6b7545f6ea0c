import { RE2JS } from 're2js';

/** A feature of JavaScript regexes that RE2 cannot match in linear time, as found in a source. */
export interface UnsupportedFeature {
  readonly feature: 'a backreference' | 'a lookahead' | 'a lookbehind';
  readonly text: string;
}

/** The regex uses a feature RE2 lacks, or RE2 cannot compile it for another reason. */
export class UnsupportedRegexError extends Error {}

/**
 * A regex matched by RE2 (re2js), in time linear in the line whatever the pattern: V8's
 * backtracking engine takes exponential time on `(a+)+$` and the like, and a crafted log line
 * would hold the job until it times out. It is written in JavaScript's syntax (`u` flag) and is a
 * RegExp in all but matching, so code that reads `source` or calls `test` and `exec` works as
 * with any RegExp. RE2's `\s` is ASCII whitespace only.
 */
export class LinearRegExp extends RegExp {
  readonly #re2: RE2JS;

  /** Throws a SyntaxError for an invalid regex, an UnsupportedRegexError for one RE2 refuses. */
  constructor(source: string) {
    super(source, 'u');
    const unsupported = unsupportedFeature(source);
    if (unsupported !== undefined) {
      throw new UnsupportedRegexError(
        `it uses ${unsupported.feature} (${unsupported.text}), which is not supported: rules are matched in linear time (RE2), without backreferences or lookaround`,
      );
    }
    try {
      this.#re2 = RE2JS.compile(RE2JS.translateRegExp(source));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UnsupportedRegexError(
        `RE2, the linear-time engine rules use, refuses it: ${reason}`,
      );
    }
  }

  override test(input: string): boolean {
    return this.#re2.test(input);
  }

  override exec(input: string): RegExpExecArray | null {
    return this.#re2.exec(input) as RegExpExecArray | null;
  }
}

/** The first backreference or lookaround in a valid JavaScript regex source, if any. */
export function unsupportedFeature(source: string): UnsupportedFeature | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) {
        return { feature: 'a backreference', text: `\\${/^\d+/.exec(source.slice(i + 1))![0]}` };
      }
      if (!inClass && next === 'k') {
        const name = /^k<[^>]*>/.exec(source.slice(i + 1))?.[0] ?? 'k';
        return { feature: 'a backreference', text: `\\${name}` };
      }
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      const group = source.slice(i, i + 4);
      if (/^\(\?[=!]/.test(group)) return { feature: 'a lookahead', text: group.slice(0, 3) };
      if (/^\(\?<[=!]/.test(group)) return { feature: 'a lookbehind', text: group };
    }
  }
  return undefined;
}
