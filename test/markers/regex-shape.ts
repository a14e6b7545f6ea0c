/**
 * The shape of a regex that decides whether a backtracking engine such as V8's runs it in time
 * linear in the line, for the subset of JavaScript's syntax the built-in rules use. Two shapes
 * are not: a quantifier that repeats something which itself repeats or branches (`(a+)+`,
 * `(a|a)*`: exponential), and, where the regex is tried at every position of the line, a
 * repetition that can run over the literal the regex starts with (`can't checkout from .* you`:
 * each occurrence of the literal scans the rest of the line again, so quadratic).
 */

interface Quantifier {
  readonly min: number;
  readonly max: number;
}

type Node =
  | {
      readonly kind: 'char';
      readonly source: string;
      readonly literal?: string;
      quant?: Quantifier;
    }
  | { readonly kind: 'group'; readonly branches: Node[][]; quant?: Quantifier }
  | { readonly kind: 'assertion'; readonly source: string; quant?: Quantifier };

/** Why `source` may make a backtracking engine superlinear; empty when it cannot. */
export function superlinearShapes(source: string): string[] {
  const branches = new Parser(source).parse();
  return [...nestedRepetitions(branches), ...overlappingRuns(branches)];
}

const repeats = (quant: Quantifier | undefined) => quant !== undefined && quant.max > 1;

function nestedRepetitions(branches: Node[][]): string[] {
  const problems: string[] = [];
  const visit = (node: Node) => {
    if (node.kind !== 'group') return;
    if (repeats(node.quant)) {
      const inner = node.branches.flat().some(function branchesOrRepeats(child: Node): boolean {
        if (repeats(child.quant)) return true;
        return (
          child.kind === 'group' &&
          (child.branches.length > 1 || child.branches.flat().some(branchesOrRepeats))
        );
      });
      if (inner || node.branches.length > 1) {
        problems.push('a repeated group holds a repetition or an alternation');
      }
    }
    node.branches.flat().forEach(visit);
  };
  branches.flat().forEach(visit);
  return problems;
}

/** The branches a match can start with, a leading alternation group spread into its own. */
function startingBranches(branches: Node[][]): Node[][] {
  return branches.flatMap((branch) => {
    const [first, ...rest] = branch;
    if (first?.kind === 'group' && first.quant === undefined) {
      return startingBranches(first.branches).map((inner) => [...inner, ...rest]);
    }
    return [branch];
  });
}

function overlappingRuns(branches: Node[][]): string[] {
  const problems: string[] = [];
  for (const branch of startingBranches(branches)) {
    if (branch[0]?.kind === 'assertion' && branch[0].source === '^') continue;
    let literal = '';
    for (const node of branch) {
      if (node.kind !== 'char' || node.literal === undefined || node.quant !== undefined) break;
      literal += node.literal;
    }
    const runs: Node[] = [];
    const collect = (node: Node) => {
      if (node.quant !== undefined && node.quant.max === Infinity) runs.push(node);
      if (node.kind === 'group') node.branches.flat().forEach(collect);
    };
    branch.forEach(collect);
    for (const run of runs) {
      const stops =
        run.kind === 'char' &&
        Array.from(literal).some((char) => !new RegExp(`^${run.source}$`, 'u').test(char));
      if (!stops) {
        problems.push(
          `an unanchored branch starting '${literal}' repeats ${run.kind === 'char' ? run.source : 'a group'}, which can run over that literal`,
        );
      }
    }
  }
  return problems;
}

class Parser {
  readonly #source: string;
  #at = 0;

  constructor(source: string) {
    this.#source = source;
  }

  parse(): Node[][] {
    const branches = this.#branches();
    if (this.#at < this.#source.length)
      throw new Error(`unparsed ')' at ${this.#at} in ${this.#source}`);
    return branches;
  }

  #branches(): Node[][] {
    const branches: Node[][] = [this.#sequence()];
    while (this.#source[this.#at] === '|') {
      this.#at++;
      branches.push(this.#sequence());
    }
    return branches;
  }

  #sequence(): Node[] {
    const nodes: Node[] = [];
    while (this.#at < this.#source.length && !'|)'.includes(this.#source[this.#at]!)) {
      const node = this.#atom();
      const quant = this.#quantifier();
      if (quant !== undefined) node.quant = quant;
      nodes.push(node);
    }
    return nodes;
  }

  #atom(): Node {
    const source = this.#source;
    const start = this.#at;
    const char = source[this.#at++]!;
    if (char === '(') {
      const prefix = /^\?(?::|<[A-Za-z_]\w*>)/.exec(source.slice(this.#at));
      if (/^\?[=!<]/.test(source.slice(this.#at)) && prefix === null) {
        throw new Error(`lookaround at ${start} in ${source}`);
      }
      this.#at += prefix?.[0].length ?? 0;
      const branches = this.#branches();
      if (source[this.#at++] !== ')') throw new Error(`unclosed group at ${start} in ${source}`);
      return { kind: 'group', branches };
    }
    if (char === '[') {
      if (source[this.#at] === '^') this.#at++;
      if (source[this.#at] === ']') this.#at++;
      while (source[this.#at] !== ']') this.#at += source[this.#at] === '\\' ? 2 : 1;
      this.#at++;
      return { kind: 'char', source: source.slice(start, this.#at) };
    }
    if (char === '^' || char === '$') return { kind: 'assertion', source: char };
    if (char === '.') return { kind: 'char', source: char };
    if (char !== '\\') return { kind: 'char', source: char, literal: char };
    const escape =
      /^(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|[pP]\{[^}]*\}|c[A-Za-z]|[1-9]\d*|.)/su.exec(
        source.slice(this.#at),
      )![0];
    this.#at += escape.length;
    const text = source.slice(start, this.#at);
    if (escape === 'b' || escape === 'B') return { kind: 'assertion', source: text };
    if (/^[1-9]/.test(escape) || escape === 'k') throw new Error(`backreference in ${source}`);
    if (/^[dDsSwWpP]/.test(escape)) return { kind: 'char', source: text };
    const literal = new RegExp(`^${text}$`, 'u');
    const value = /^[xuc]/.test(escape) || /^[ntrfv0]$/.test(escape) ? undefined : escape;
    return value !== undefined && literal.test(value)
      ? { kind: 'char', source: text, literal: value }
      : { kind: 'char', source: text };
  }

  #quantifier(): Quantifier | undefined {
    const match = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(this.#source.slice(this.#at));
    if (match === null) return undefined;
    this.#at += match[0].length;
    const [, symbol, min, comma, max] = match;
    if (symbol === '*') return { min: 0, max: Infinity };
    if (symbol === '+') return { min: 1, max: Infinity };
    if (symbol === '?') return { min: 0, max: 1 };
    const low = Number(min);
    return { min: low, max: comma === undefined ? low : max === '' ? Infinity : Number(max) };
  }
}
