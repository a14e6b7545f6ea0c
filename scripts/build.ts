/**
 * One esbuild build for every action and the CLI: ESM bundles with shared chunks, so code two
 * actions share ships once. `node scripts/build.ts [outdir]` (default `dist`).
 */
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outdir = process.argv[2] ?? join(root, 'dist');

const actions = readdirSync(join(root, 'src', 'actions'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => basename(file, '.ts'));

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: [
    ...actions.map((name) => ({ in: `src/actions/${name}.ts`, out: name })),
    { in: 'src/cli.ts', out: 'cli' },
  ],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies inside the bundle still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __lanekitCreateRequire } from 'node:module';\nconst require = __lanekitCreateRequire(import.meta.url);",
  },
  legalComments: 'linked',
  logLevel: 'warning',
});
