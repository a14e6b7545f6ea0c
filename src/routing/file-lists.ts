import { ConfigurationError } from '../runner/errors.ts';
import type { RoutePlan } from './plan.ts';
import { RESERVED_OUTPUTS } from './routes-config.ts';

export const FILE_LIST_FORMATS = ['none', 'json', 'shell', 'csv'] as const;
export type FileListFormat = (typeof FILE_LIST_FORMATS)[number];

/** What all the `<route>-files` outputs together may hold: a job's outputs share 1 MB. */
export const FILE_LISTS_LIMIT_BYTES = 512 * 1024;

/** A POSIX shell word that stands for exactly `path`, whatever it holds. */
const shellWord = (path: string) => `'${path.replace(/'/g, `'\\''`)}'`;

/** An RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
const csvField = (path: string) => (/[",\r\n]/.test(path) ? `"${path.replace(/"/g, '""')}"` : path);

const FORMATTERS: Record<Exclude<FileListFormat, 'none'>, (paths: string[]) => string> = {
  json: (paths) => JSON.stringify(paths),
  shell: (paths) => paths.map(shellWord).join(' '),
  csv: (paths) => paths.map(csvField).join(','),
};

export interface FileListOutputs {
  readonly outputs: readonly { readonly name: string; readonly value: string }[];
  /** Routes whose list was cut to fit, with how many files were left out. */
  readonly cut: readonly { readonly route: string; readonly omitted: number }[];
}

/**
 * One `<route>-files` output per route, its files in `format`. The lists share a budget: a list
 * past its share keeps the files that fit (whole entries, so it still parses) and is reported
 * as cut. `<route>-files` must not be another route's name.
 */
export function fileListOutputs(
  routes: Readonly<Record<string, RoutePlan>>,
  format: FileListFormat,
  limitBytes = FILE_LISTS_LIMIT_BYTES,
): FileListOutputs {
  if (format === 'none') return { outputs: [], cut: [] };
  const names = Object.keys(routes);
  const taken = [...names, ...RESERVED_OUTPUTS].map((name) => name.toLowerCase());
  const clash = names.find((name) => taken.includes(`${name}-files`.toLowerCase()));
  if (clash !== undefined) {
    throw new ConfigurationError(
      `list-files: route '${clash}' would get the output '${clash}-files', which is already a route or an output of change-router; rename the route, or set list-files: none`,
    );
  }
  const share = Math.floor(limitBytes / Math.max(1, names.length));
  const write = FORMATTERS[format];
  const fits = (files: string[], count: number) =>
    Buffer.byteLength(write(files.slice(0, count))) <= share;
  const outputs: { name: string; value: string }[] = [];
  const cut: { route: string; omitted: number }[] = [];
  for (const [route, { files }] of Object.entries(routes)) {
    // The most files whose list fits, by bisection: the list's size grows with the count.
    let kept = files.length;
    if (!fits(files, kept)) {
      let [low, high] = [0, files.length];
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (fits(files, middle)) low = middle;
        else high = middle - 1;
      }
      kept = low;
      cut.push({ route, omitted: files.length - kept });
    }
    outputs.push({ name: `${route}-files`, value: write(files.slice(0, kept)) });
  }
  return { outputs, cut };
}
