import { braceExpand, Minimatch } from 'minimatch';

/** minimatch as GitHub's `on.push.paths` behaves: dot files match, `!` is ours to handle. */
export const GLOB_OPTIONS = { dot: true, nocomment: true, nonegate: true } as const;

interface Rule {
  readonly pattern: string;
  readonly negate: boolean;
  readonly test: (path: string) => boolean;
}

/** Validates one glob of a `paths:` list and returns why it is invalid, if it is. */
export function globProblem(pattern: string): string | undefined {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (body === '') return 'an empty pattern matches nothing';
  if (body.startsWith('/')) return 'paths are relative to the repository root; drop the leading /';
  if (body.startsWith('./')) return "paths never start with './'; drop it";
  if (body.endsWith('/')) return "a path never ends with '/'; use 'dir/**' for a directory's files";
  if (body.includes('\\')) return 'use / as the path separator';
  if (body.includes('//')) return "'//' never matches a path";
  return undefined;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression equal to minimatch for globs made of literals, `*`, `?` and whole-segment
 * `**` (what path filters nearly always use), or undefined for anything else. Each `*` stays
 * inside one segment, so the expression cannot backtrack across segments.
 */
function simpleGlobSource(glob: string): string | undefined {
  if (/[[\]{}()!+@\\]/.test(glob)) return undefined;
  const segments = glob.split('/');
  let source = '';
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (segment === '**') {
      // Zero or more whole segments; at the end, at least one.
      source += last ? '[^/].*' : '(?:[^/]+/)*';
      continue;
    }
    if (segment.includes('**')) return undefined;
    // A lone `*` must not match an empty path part.
    const body =
      segment === '*'
        ? '[^/]+'
        : segment.replace(/\*|\?|[^*?]+/g, (part) =>
            part === '*' ? '[^/]*' : part === '?' ? '[^/]' : escapeRegex(part),
          );
    source += body + (last ? '' : '/');
  }
  return source;
}

/**
 * Compiles one glob into a test that answers exactly as minimatch does: a literal is a string
 * comparison; literals, `*`, `?`, `**` and braces become one anchored regular expression; the
 * rest (character classes, extglobs) is matched by minimatch itself.
 */
export function compileGlob(pattern: string): (path: string) => boolean {
  const expanded = braceExpand(pattern, GLOB_OPTIONS);
  if (expanded.length === 1 && !/[*?[\]{}()!+@\\]/.test(pattern)) return (path) => path === pattern;
  const sources = expanded.map(simpleGlobSource);
  if (sources.every((s) => s !== undefined)) {
    const regex = new RegExp(`^(?:${sources.join('|')})$`, 's');
    return (path) => regex.test(path);
  }
  const matcher = new Minimatch(pattern, GLOB_OPTIONS);
  return (path) => matcher.match(path);
}

/** An ordered include/exclude list where, as in `on.push.paths`, the last matching rule wins. */
export class PathRules {
  readonly #rules: Rule[];

  constructor(patterns: readonly string[]) {
    this.#rules = patterns.map((raw) => {
      const negate = raw.startsWith('!');
      return { pattern: raw, negate, test: compileGlob(negate ? raw.slice(1) : raw) };
    });
  }

  get size(): number {
    return this.#rules.length;
  }

  /** The include rule that claims the path, or undefined when none does (or an exclude wins). */
  match(path: string): string | undefined {
    for (let i = this.#rules.length - 1; i >= 0; i--) {
      const rule = this.#rules[i]!;
      if (rule.test(path)) return rule.negate ? undefined : rule.pattern;
    }
    return undefined;
  }
}
