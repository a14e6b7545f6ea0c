import { braceExpand, Minimatch } from 'minimatch';
import { errorMessage } from '../common/error-message.ts';

/** minimatch as GitHub's `on.push.paths` behaves: dot files match, `!` is ours to handle. */
export const GLOB_OPTIONS = { dot: true, nocomment: true, nonegate: true } as const;

/** Validates one glob of a `paths:` list and returns why it is invalid, if it is. */
export function globProblem(pattern: string): string | undefined {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  if (body === '') return 'an empty pattern matches nothing';
  if (body.startsWith('/')) return 'paths are relative to the repository root; drop the leading /';
  if (body.startsWith('./')) return "paths never start with './'; drop it";
  if (body.endsWith('/')) return "a path never ends with '/'; use 'dir/**' for a directory's files";
  if (body.includes('//')) return "'//' never matches a path";
  const problem = syntaxProblem(body, negated ? 1 : 0);
  if (problem !== undefined) return problem;
  try {
    new Minimatch(body, GLOB_OPTIONS);
  } catch (error) {
    // minimatch's own limits: a pattern's length and its number of extglobs.
    return `minimatch refuses it: ${errorMessage(error)}`;
  }
  return undefined;
}

/** The characters a backslash may escape: those a glob gives a meaning. */
const ESCAPABLE = '*?[]{}()!+@,|\\';
/** The characters that open an extglob group when a `(` follows: `+(a|b)`. */
const EXTGLOB = '?*+@!';
/** The POSIX classes minimatch knows inside brackets: `[[:digit:]]`. */
const POSIX_CLASSES = [
  'alnum',
  'alpha',
  'ascii',
  'blank',
  'cntrl',
  'digit',
  'graph',
  'lower',
  'print',
  'punct',
  'space',
  'upper',
  'word',
  'xdigit',
];

/**
 * Why a glob's special characters cannot mean what they look like, if they cannot: minimatch
 * reads an unclosed bracket, brace or group as literal text, and a reversed range or an empty
 * class as nothing, so such a glob would silently never match. `shift` is the length of the
 * `!` before `glob`, so that columns count in the glob as written.
 */
function syntaxProblem(glob: string, shift: number): string | undefined {
  const column = (index: number) => `column ${index + shift + 1}`;
  /** Open braces and extglob groups, innermost last. */
  const open: { readonly text: string; readonly index: number }[] = [];
  let escaped = -1;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\') {
      const next = glob[i + 1];
      if (next === undefined || !ESCAPABLE.includes(next)) {
        return `use / as the path separator; '\\' (${column(i)}) only escapes one of ${ESCAPABLE}`;
      }
      escaped = ++i;
    } else if (c === '[') {
      const braceOpen = open.some((group) => group.text === '{');
      const end = classEnd(glob, i, braceOpen, column);
      if (typeof end === 'string') return end;
      i = end;
    } else if (c === ']') {
      return `']' at ${column(i)} closes no '['; escape it as '\\]' to match a literal ']'`;
    } else if (c === '{') {
      open.push({ text: '{', index: i });
    } else if (c === '}') {
      const group = open.pop();
      if (group === undefined) {
        return `'}' at ${column(i)} closes no '{'; escape it as '\\}' to match a literal '}'`;
      }
      if (group.text !== '{') {
        return `'}' at ${column(i)} comes before the ')' of '${group.text}' at ${column(group.index)}`;
      }
    } else if (c === '(' && i > 0 && escaped !== i - 1 && EXTGLOB.includes(glob[i - 1]!)) {
      open.push({ text: `${glob[i - 1]!}(`, index: i - 1 });
    } else if (c === ')' && open.some((group) => group.text !== '{')) {
      const group = open.pop()!;
      if (group.text === '{') {
        return `')' at ${column(i)} comes before the '}' of '{' at ${column(group.index)}`;
      }
    }
  }
  const unclosed = open.pop();
  if (unclosed === undefined) return undefined;
  const close = unclosed.text === '{' ? '}' : ')';
  return `'${unclosed.text}' at ${column(unclosed.index)} is never closed with '${close}'; escape '${unclosed.text[0]!}' as '\\${unclosed.text[0]!}' to match it literally`;
}

/**
 * The index of the `]` that closes the class opened at `start`, or why the class means nothing.
 * As in minimatch: `!` or `^` first negates, a `]` first is a member, `\` escapes, `a-z` is a
 * range and `[:alpha:]` a POSIX class. A class never holds `/`; inside braces it never holds
 * `,` or `}` either, since brace expansion splits the glob there first.
 */
function classEnd(
  glob: string,
  start: number,
  insideBraces: boolean,
  column: (index: number) => string,
): number | string {
  let i = start + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  const first = i;
  /** The member a `-` after it would start a range from. */
  let rangeFrom: { readonly char: string; readonly index: number } | undefined;
  for (; i < glob.length; i++) {
    let c = glob[i]!;
    if (c === '/' || (insideBraces && (c === ',' || c === '}'))) break;
    if (c === ']' && i > first) return i;
    if (c === '[' && glob[i + 1] === ':') {
      const close = glob.indexOf(':]', i + 2);
      const name = close < 0 ? undefined : glob.slice(i + 2, close);
      if (name !== undefined && /^[a-z]+$/.test(name)) {
        if (!POSIX_CLASSES.includes(name)) {
          return `unknown class '[:${name}:]' at ${column(i)}, expected one of ${POSIX_CLASSES.map((n) => `[:${n}:]`).join(' ')}`;
        }
        i = close + 1;
        rangeFrom = undefined;
        continue;
      }
    }
    const at = i;
    if (c === '\\') {
      if (i + 1 >= glob.length) break;
      c = glob[++i]!;
    }
    if (glob[at] === '-' && rangeFrom !== undefined && i + 1 < glob.length && glob[i + 1] !== ']') {
      let to = glob[++i]!;
      if (to === '/' || (insideBraces && (to === ',' || to === '}'))) break;
      if (to === '\\') {
        if (i + 1 >= glob.length) break;
        to = glob[++i]!;
      }
      if (to.codePointAt(0)! < rangeFrom.char.codePointAt(0)!) {
        return `range '${rangeFrom.char}-${to}' at ${column(rangeFrom.index)} is reversed and matches nothing; write '${to}-${rangeFrom.char}'`;
      }
      rangeFrom = undefined;
      continue;
    }
    rangeFrom = { char: c, index: at };
  }
  const opening = glob.slice(start, first);
  if (glob[first] === ']' && glob.indexOf(']', first + 1) < 0) {
    return `'${opening}]' at ${column(start)} is an empty class, which matches nothing; escape brackets as '\\[' and '\\]' to match them literally`;
  }
  return `'[' at ${column(start)} opens a class that is never closed with ']'; escape it as '\\[' to match a literal '['`;
}

const MAGIC = /[*?[\]{}()!+@\\]/;
/** A run of special characters, with a whole bracket or brace group (its text is no literal). */
const MAGIC_RUN = /(?:\[[^\]]*\]|\{[^}]*\}|\([^)]*\)|[*?!+@\\])+/;

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

/** The literal file-name tail every match of the glob ends with (`.md` of `**\/*.md`). */
function literalSuffix(pattern: string): string {
  const first = pattern.search(MAGIC);
  if (first === -1) return pattern.slice(pattern.lastIndexOf('/') + 1);
  return /[^*?[\]{}()!+@\\/]*$/.exec(pattern.slice(first))?.[0] ?? '';
}

/** The extension a path or a glob's literal tail ends with, `''` when it has none. */
function extensionOf(text: string): string {
  const dot = text.lastIndexOf('.');
  return dot < 0 || text.includes('/', dot) ? '' : text.slice(dot);
}

/**
 * Compiles one glob into a test that answers exactly as minimatch does: a literal is a string
 * comparison; literals, `*`, `?`, `**` and braces become one anchored regular expression; the
 * rest (character classes, extglobs) is matched by minimatch itself.
 */
export function compileGlob(pattern: string): (path: string) => boolean {
  const first = pattern.search(MAGIC);
  if (first === -1) return (path) => path === pattern;
  // Necessary conditions, far cheaper than any matcher: the literal text before the first
  // special character starts every match, the literal file name tail ends it.
  const prefix = pattern.slice(0, first);
  const suffix = literalSuffix(pattern);
  const sources = braceExpand(pattern, GLOB_OPTIONS).map(simpleGlobSource);
  let test: (path: string) => boolean;
  if (sources.every((s) => s !== undefined)) {
    const regex = new RegExp(`^(?:${sources.join('|')})$`, 's');
    test = (path) => regex.test(path);
  } else {
    const matcher = new Minimatch(pattern, GLOB_OPTIONS);
    test = (path) => matcher.match(path);
  }
  // ... and the longest literal run inside it must appear somewhere (`**/fixtures/**`).
  const inner =
    pattern
      .slice(first)
      .split(MAGIC_RUN)
      .map((run) => run.replace(/^\/+|\/+$/g, ''))
      .sort((a, b) => b.length - a.length)[0] ?? '';
  if (inner.length < 3)
    return (path) => path.startsWith(prefix) && path.endsWith(suffix) && test(path);
  return (path) =>
    path.startsWith(prefix) && path.endsWith(suffix) && path.includes(inner) && test(path);
}

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** Rules whose literal leading segments end here, by the extension every match has ('' = any). */
  readonly rules: Map<string, number[]>;
}

const NONE: readonly number[] = [];

const newNode = (): TrieNode => ({ children: new Map(), rules: new Map() });

interface IndexedRule {
  /** As written, `!` included. */
  readonly pattern: string;
  readonly negate: boolean;
  /** Which list of the set the rule belongs to. */
  readonly list: number;
  /** The compiled glob, shared by every rule with the same glob. */
  readonly matcher: number;
}

/**
 * Several ordered include/exclude lists (one per route) matched together, each as
 * `on.push.paths` does: the last matching rule of a list decides. Rules are filed in a trie under
 * their literal leading segments, so a path is tested only against the rules whose literal part
 * lies on its own directory chain; a glob that several lists share is tested once per path.
 */
export class RuleSet {
  readonly #rules: IndexedRule[] = [];
  readonly #matchers: ((path: string) => boolean)[] = [];
  readonly #root = newNode();
  readonly #lists: number;
  /** Per matcher, the generation its cached answer belongs to, and the answer. */
  readonly #answeredIn: Uint32Array;
  readonly #answer: Uint8Array;
  #generation = 0;
  /** Per list, the index of the last rule that matched the path being routed. */
  readonly #best: Int32Array;

  constructor(lists: readonly (readonly string[])[]) {
    this.#lists = lists.length;
    const matcherOf = new Map<string, number>();
    lists.forEach((patterns, list) => {
      for (const raw of patterns) {
        const negate = raw.startsWith('!');
        const pattern = negate ? raw.slice(1) : raw;
        let matcher = matcherOf.get(pattern);
        if (matcher === undefined) {
          matcher = this.#matchers.push(compileGlob(pattern)) - 1;
          matcherOf.set(pattern, matcher);
        }
        let node = this.#root;
        for (const segment of pattern.split('/')) {
          if (MAGIC.test(segment)) break;
          let child = node.children.get(segment);
          if (!child) {
            child = newNode();
            node.children.set(segment, child);
          }
          node = child;
        }
        const extension = extensionOf(literalSuffix(pattern));
        const bucket = node.rules.get(extension);
        if (bucket) bucket.push(this.#rules.length);
        else node.rules.set(extension, [this.#rules.length]);
        this.#rules.push({ pattern: raw, negate, list, matcher });
      }
    });
    this.#answeredIn = new Uint32Array(this.#matchers.length);
    this.#answer = new Uint8Array(this.#matchers.length);
    this.#best = new Int32Array(this.#lists);
  }

  #test(matcher: number, path: string): boolean {
    if (this.#answeredIn[matcher] === this.#generation) return this.#answer[matcher] === 1;
    const answer = this.#matchers[matcher]!(path);
    this.#answeredIn[matcher] = this.#generation;
    this.#answer[matcher] = answer ? 1 : 0;
    return answer;
  }

  #consider(node: TrieNode, path: string, extension: string, best: Int32Array): void {
    this.#considerRules(node.rules.get('') ?? NONE, path, best);
    if (extension !== '') this.#considerRules(node.rules.get(extension) ?? NONE, path, best);
  }

  #considerRules(indexes: readonly number[], path: string, best: Int32Array): void {
    for (const index of indexes) {
      const rule = this.#rules[index]!;
      if (index > best[rule.list]! && this.#test(rule.matcher, path)) best[rule.list] = index;
    }
  }

  /** For each list, the include rule that claims the path, or undefined. */
  match(path: string): (string | undefined)[] {
    this.#generation = (this.#generation + 1) >>> 0 || 1;
    const best = this.#best.fill(-1);
    const extension = extensionOf(path);
    let node: TrieNode | undefined = this.#root;
    this.#consider(node, path, extension, best);
    let start = 0;
    while (start <= path.length) {
      const slash = path.indexOf('/', start);
      const end = slash < 0 ? path.length : slash;
      node = node.children.get(path.slice(start, end));
      if (node === undefined) break;
      this.#consider(node, path, extension, best);
      start = end + 1;
    }
    const claims = new Array<string | undefined>(this.#lists);
    for (let list = 0; list < this.#lists; list++) {
      const index = best[list]!;
      const rule = index < 0 ? undefined : this.#rules[index]!;
      claims[list] = rule === undefined || rule.negate ? undefined : rule.pattern;
    }
    return claims;
  }
}

/** One ordered include/exclude list: the last matching rule wins. */
export class PathRules {
  readonly #set: RuleSet;

  constructor(patterns: readonly string[]) {
    this.#set = new RuleSet([patterns]);
  }

  /** The include rule that claims the path, or undefined when none does (or an exclude wins). */
  match(path: string): string | undefined {
    return this.#set.match(path)[0];
  }
}
