/**
 * The import graph of the built bundles, read from the files in dist/: the entries are
 * `dist/*.js`, and an edge is a static `import … from './…'` (or `import './…'`, `export … from`)
 * or a dynamic `import('./…')`. What a bundle may not do, checked on that graph:
 * - import a file that is not in dist/;
 * - ship a chunk no entry reaches (dead weight in every checkout of the action);
 * - load undici at an action's start: the GitHub and artifact clients are lazy chunks, and an
 *   eager undici costs about 170 ms of every action's start (see `coreWithoutUnusedModules` in
 *   build.ts). The CLI may;
 * - reach @actions/cache from any entry but registry-warmup, or load it at registry-warmup's start:
 *   the cache client (and the Azure SDK it brings) is that action's, loaded once it is needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
/** A comment line: bundled JSDoc says `{import('./cache').Options}`, which is no import. */
const COMMENT_LINE = /^\s*(?:\*|\/\/|\/\*)/;
/** esbuild's unminified output names each module's source before its code. */
const UNDICI_CODE = /^\/\/ node_modules\/(?:.+\/node_modules\/)?undici\//m;
const CACHE_CODE = /^\/\/ node_modules\/@actions\/cache\//m;
const CACHE_ENTRY = 'registry-warmup.js';

interface Edges {
  readonly static: string[];
  readonly dynamic: string[];
}

/** The bundle files (`.js`) under `dist`, relative to it, with `/` separators. */
function bundleFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .sort();
}

/** The relative specifiers `pattern` finds in `source`, outside comment lines. */
function relativeSpecifiers(source: string, pattern: RegExp): string[] {
  return [...source.matchAll(pattern)]
    .filter(
      (match) =>
        !COMMENT_LINE.test(source.slice(source.lastIndexOf('\n', match.index) + 1, match.index)),
    )
    .map((match) => match[1]!)
    .filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'));
}

/** Every problem with the graph of the bundles in `dist`. */
export function distGraphProblems(dist: string): string[] {
  const problems: string[] = [];
  const files = bundleFiles(dist);
  const sources = new Map(files.map((file) => [file, readFileSync(join(dist, file), 'utf8')]));
  const edges = new Map<string, Edges>();
  for (const [file, source] of sources) {
    const resolve = (specifiers: string[]) =>
      specifiers.flatMap((specifier) => {
        const target = join(dirname(file), specifier).replaceAll('\\', '/');
        if (sources.has(target)) return [target];
        problems.push(`dist/${file} imports ${specifier}, which is not in dist/`);
        return [];
      });
    edges.set(file, {
      static: resolve(relativeSpecifiers(source, STATIC_IMPORT)),
      dynamic: resolve(relativeSpecifiers(source, DYNAMIC_IMPORT)),
    });
  }

  const reach = (entry: string, dynamic: boolean) => {
    const seen = new Set([entry]);
    for (const file of seen) {
      const out = edges.get(file)!;
      for (const next of dynamic ? [...out.static, ...out.dynamic] : out.static) seen.add(next);
    }
    return seen;
  };
  const entries = files.filter((file) => !file.includes('/'));
  const reached = new Set(entries.flatMap((entry) => [...reach(entry, true)]));
  for (const file of files) {
    if (!reached.has(file)) problems.push(`unreachable: dist/${file} (no entry imports it)`);
  }
  for (const entry of entries.filter((file) => file !== 'cli.js')) {
    for (const file of reach(entry, false)) {
      if (UNDICI_CODE.test(sources.get(file)!)) {
        problems.push(
          `dist/${entry} loads undici at start: dist/${file} holds it and is imported statically`,
        );
      }
    }
  }
  for (const entry of entries) {
    const lazy = entry === CACHE_ENTRY;
    for (const file of reach(entry, !lazy)) {
      if (CACHE_CODE.test(sources.get(file)!)) {
        problems.push(
          lazy
            ? `dist/${entry} loads @actions/cache at start: dist/${file} holds it and is imported statically`
            : `dist/${entry} reaches @actions/cache (dist/${file}), which only ${CACHE_ENTRY} may load`,
        );
      }
    }
  }
  if (![...sources.values()].some((source) => UNDICI_CODE.test(source))) {
    problems.push(
      'no bundle holds undici, or its code is no longer marked by `// node_modules/undici/…` ' +
        'comments (minified?): the check for an eager undici cannot see it',
    );
  }
  return problems;
}
