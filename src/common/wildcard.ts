/** `*` matches any run of characters (slashes included), `?` one; everything else is literal. */
export function wildcard(pattern: string): RegExp {
  const body = pattern
    .split('')
    .map((char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`);
}
