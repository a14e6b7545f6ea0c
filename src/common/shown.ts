/** A value as short JSON for an error message; `undefined` (no JSON at all) shows as `nothing`. */
export function shown(value: unknown, max = 80): string {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) return 'nothing';
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
