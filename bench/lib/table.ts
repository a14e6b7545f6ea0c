/**
 * Rows as columns padded to their widest cell, indented two spaces; `align` has one letter a
 * column, `r` for right-aligned, any other for left.
 */
export function table(rows: readonly (readonly string[])[], align: string): string {
  const widths = align
    .split('')
    .map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, col) =>
          align[col] === 'r' ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!),
        )
        .join('   ')
        .trimEnd(),
    )
    .map((line) => `  ${line}`)
    .join('\n');
}
