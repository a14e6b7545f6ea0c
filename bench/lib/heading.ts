/** The first line of a bench's report: what it measures and on what runtime. */
export function benchHeading(name: string): string {
  return `${name} benchmark (node ${process.version}, ${process.platform}/${process.arch})`;
}
