/** How long a crafted line is: V8 would backtrack on it for minutes. */
export const CRAFTED_BYTES = 50_000;

/**
 * Regexes with catastrophic backtracking, a 50 KB line a fork's build could print to make V8
 * backtrack on it for minutes (exponentially, or as a 20th power for `(.*a){20}`), and a line the
 * regex does match. The first five are the classic shapes.
 */
export const CATASTROPHIC: readonly (readonly [
  regex: string,
  crafted: string,
  matching: string,
])[] = [
  ['(a+)+$', `${'a'.repeat(CRAFTED_BYTES)}!`, 'baaa'],
  ['(x|xx)+y$', 'x'.repeat(CRAFTED_BYTES), 'xxxy'],
  ['(a|a)*b', 'a'.repeat(CRAFTED_BYTES), 'aab'],
  ['(.*a){20}', `${'a'.repeat(19)}${'b'.repeat(CRAFTED_BYTES)}`, 'a'.repeat(20)],
  ['^(\\w+\\s?)*$', `${'word '.repeat(CRAFTED_BYTES / 5)}!`, 'cold cache'],
  ['(a|aa)+$', `${'a'.repeat(CRAFTED_BYTES)}b`, 'aaaa'],
  ['(?:a*)*b', 'a'.repeat(CRAFTED_BYTES), 'ab'],
  ['(\\d+)*x', '1'.repeat(CRAFTED_BYTES), '12x'],
  ['([a-zA-Z]+)*@', 'a'.repeat(CRAFTED_BYTES), 'me@'],
  ['Compiling (.+)+ done$', `Compiling ${'x'.repeat(CRAFTED_BYTES)}`, 'Compiling zip done'],
];

/** A markers file with one user rule `id` of category download. */
export const userRuleFile = (id: string, regex: string): string =>
  `rules:\n  - id: ${id}\n    category: download\n    regex: '${regex.replaceAll("'", "''")}'\n`;
