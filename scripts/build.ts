/**
 * One esbuild build for every action and the CLI: ESM bundles with shared chunks, so code two
 * actions share ships once. `node scripts/build.ts [outdir]` (default `dist`).
 *
 * An action's entry bundle is generated, not written: `src/actions/<name>.ts` exports `run` (and
 * `post` when its action.yml has `runs.post`), and `dist/<name>.js` (`dist/<name>-post.js`) is
 * the two lines that run it under the runtime's error handling.
 *
 * Beside the bundles it writes THIRD_PARTY_LICENSES.txt for the npm packages they contain.
 */
import type { Plugin } from 'esbuild';
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { THIRD_PARTY_LICENSES, thirdPartyLicenses } from './third-party-licenses.ts';

const root = join(import.meta.dirname, '..');
const outdir = process.argv[2] ?? join(root, 'dist');

interface ActionEntry {
  readonly action: string;
  readonly body: 'run' | 'post';
  readonly out: string;
}

const entries: ActionEntry[] = readdirSync(join(root, 'actions')).flatMap((action) => {
  const metadata = parse(readFileSync(join(root, 'actions', action, 'action.yml'), 'utf8')) as {
    runs?: { post?: unknown };
  };
  const run = { action, body: 'run' as const, out: action };
  return metadata.runs?.post === undefined
    ? [run]
    : [run, { action, body: 'post' as const, out: `${action}-post` }];
});

const NAMESPACE = 'lanekit-action-entry';

const actionEntries: Plugin = {
  name: 'action-entries',
  setup(builder) {
    builder.onResolve({ filter: /^action-entry:/ }, ({ path }) => ({
      path: path.slice('action-entry:'.length),
      namespace: NAMESPACE,
    }));
    builder.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ path }) => {
      const entry = entries.find((e) => e.out === path)!;
      return {
        contents: [
          `import { ${entry.body} } from './src/actions/${entry.action}.ts';`,
          `import { runAction } from './src/runner/run-action.ts';`,
          `await runAction(${JSON.stringify(entry.action)}, ${entry.body});`,
        ].join('\n'),
        resolveDir: root,
        loader: 'ts',
      };
    });
  },
};

/**
 * `@actions/core` imports an HTTP stack (undici, about 800 KB, for getIDToken) and
 * `@actions/exec` (for core.platform) at its top level, so every action would load them at
 * start although lanekit calls neither. The two modules are replaced by ones that say so.
 */
const CORE_MODULES_NOT_USED: Readonly<Record<string, string>> = {
  './oidc-utils.js': `export class OidcClient {
  static getIDToken() { throw new Error('lanekit does not ask for OIDC tokens'); }
}`,
  './platform.js': 'export {};',
};
const coreWithoutUnusedModules: Plugin = {
  name: 'core-without-unused-modules',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/(oidc-utils|platform)\.js$/ }, ({ path, importer }) =>
      importer.includes('/node_modules/@actions/core/')
        ? { path, namespace: 'lanekit-core-unused' }
        : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'lanekit-core-unused' }, ({ path }) => ({
      contents: CORE_MODULES_NOT_USED[path],
      loader: 'js',
    }));
  },
};

/**
 * @actions/cache tells its errors apart by `error.name === ReserveCacheError.name`. A class that
 * refers to itself is emitted as `var ReserveCacheError = class _ReserveCacheError`, whose name
 * is `_ReserveCacheError`, so a save that lost the race to another job became a ::warning::
 * and a ValidationError was swallowed. keepNames would name every function of every bundle
 * (and grow every action's start); this gives that module's error classes their names back.
 */
const CACHE_MODULE = /[\\/]node_modules[\\/]@actions[\\/]cache[\\/]lib[\\/]cache\.js$/;
const cacheErrorNames: Plugin = {
  name: 'cache-error-names',
  setup(builder) {
    builder.onLoad({ filter: CACHE_MODULE }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const classes = [...source.matchAll(/^export class (\w+) extends /gm)].map((m) => m[1]!);
      const named = classes.map(
        (name) => `Object.defineProperty(${name}, 'name', { value: '${name}' });`,
      );
      return { contents: `${source}\n${named.join('\n')}\n`, loader: 'js' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: [
    ...entries.map((entry) => ({ in: `action-entry:${entry.out}`, out: entry.out })),
    { in: 'src/cli.ts', out: 'cli' },
  ],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [actionEntries, coreWithoutUnusedModules, cacheErrorNames],
  /**
   * @azure/storage-blob loads apache-arrow with `import()` for Arrow-format blob listings, which
   * @actions/artifact never asks for. esbuild makes every dynamic import's target a chunk before
   * tree shaking drops the caller, so without this dist/ would ship apache-arrow (486 KB) that
   * nothing imports.
   */
  external: ['apache-arrow'],
  // CommonJS dependencies inside the bundle still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __lanekitCreateRequire } from 'node:module';\nconst require = __lanekitCreateRequire(import.meta.url);",
  },
  // Notices in comments of bundled files, e.g. of code a package vendors (ws and
  // formdata-polyfill inside undici), which the packages' own license files do not hold.
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(join(outdir, THIRD_PARTY_LICENSES), thirdPartyLicenses(metafile, root));
