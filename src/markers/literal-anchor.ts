const META = new Set(['.', '[', ']', '(', ')', '{', '}', '*', '+', '?', '^', '$', '|', '\\']);
const CLASS_ESCAPES = new Set([
  'd',
  'D',
  'w',
  'W',
  's',
  'S',
  'b',
  'B',
  'n',
  'r',
  't',
  'f',
  'v',
  '0',
]);

/**
 * The longest word the regex requires verbatim, for the anchor search; undefined when there is
 * none (a top-level alternation, case-insensitive, or nothing literal of 3+ characters).
 * Words end at spaces because colouring tools put escape sequences between words.
 */
export function literalAnchor(source: string, flags: string): string | undefined {
  if (flags.includes('i')) return undefined;
  const runs: string[] = [];
  let run = '';
  const end = () => {
    runs.push(...run.split(/\s+/));
    run = '';
  };
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      i++;
      if (depth > 0) continue;
      if (CLASS_ESCAPES.has(next) || /[1-9ckpPux]/.test(next)) {
        end();
        continue;
      }
      if (isQuantifier(source[i + 1])) {
        end();
        continue;
      }
      run += next;
      continue;
    }
    if (char === '[') {
      i = classEnd(source, i);
      end();
      continue;
    }
    if (char === '(') {
      depth++;
      end();
      continue;
    }
    if (char === ')') {
      depth = Math.max(0, depth - 1);
      end();
      continue;
    }
    if (depth > 0) continue;
    if (char === '|') return undefined;
    if (META.has(char)) {
      end();
      continue;
    }
    if (isQuantifier(source[i + 1]) || source[i + 1] === '+') {
      if (source[i + 1] === '+') run += char;
      end();
      continue;
    }
    run += char;
  }
  end();
  const best = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  return best.length >= 3 ? best : undefined;
}

function isQuantifier(char: string | undefined): boolean {
  return char === '?' || char === '*' || char === '{';
}

function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']' && i > open + 1) return i;
  }
  return source.length;
}

/**
 * A literal anchor for each branch of a top-level alternation (the one of `literalAnchor` for a
 * regex without one), or none when a branch has none: a line the regex matches holds one of them.
 */
export function branchAnchors(source: string, flags: string): string[] {
  const anchors = topLevelBranches(source).map((branch) => literalAnchor(branch, flags));
  const found = anchors.filter((anchor) => anchor !== undefined);
  return found.length === anchors.length ? [...new Set(found)] : [];
}

function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') i++;
    else if (char === '[') i = classEnd(source, i);
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      branches.push(source.slice(start, i));
      start = i + 1;
    }
  }
  return [...branches, source.slice(start)];
}
