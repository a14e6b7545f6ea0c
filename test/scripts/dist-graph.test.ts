import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { distGraphProblems } from '../../scripts/dist-graph.ts';

/** Small hand-written dist/ trees, shaped like esbuild's output. */
describe('distGraphProblems', () => {
  let dist: string;
  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'lanekit-dist-graph-'));
    mkdirSync(join(dist, 'chunks'));
  });
  afterEach(() => {
    rmSync(dist, { recursive: true, force: true });
  });
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dist, path), text);
  };
  const UNDICI = '// node_modules/undici/lib/core/request.js\nvar Request = class {};\n';

  it('follows multi-line, side-effect, re-exporting and dynamic imports', () => {
    write({
      'action.js': [
        "import { createRequire } from 'node:module';",
        'import {\n  a,\n  b\n} from "./chunks/chunk-A.js";',
        'import "./chunks/chunk-B.js";',
        'const { c } = await import("./chunks/lazy-C.js");',
      ].join('\n'),
      'cli.js': '#!/usr/bin/env node\nexport { d } from "./chunks/chunk-D.js";\n',
      'chunks/chunk-A.js': 'export const a = 1, b = 2;\n',
      'chunks/chunk-B.js': '',
      'chunks/lazy-C.js': `${UNDICI}export const c = 3;\n`,
      'chunks/chunk-D.js': 'export const d = 4;\n',
      'chunks/chunk-A.js.LEGAL.txt': 'Bundled license information:\n',
    });
    assert.deepEqual(distGraphProblems(dist), []);
  });

  it('takes no JSDoc type import for an edge, and names an import of a missing file', () => {
    write({
      'action.js': [
        '/**',
        " * @param {import('./chunks/types.js').Options} options",
        ' */',
        'export const run = () => import("./chunks/gone.js");',
      ].join('\n'),
      'chunks/types.js': '',
      'chunks/http.js': UNDICI,
    });
    assert.deepEqual(distGraphProblems(dist), [
      'dist/action.js imports ./chunks/gone.js, which is not in dist/',
      'unreachable: dist/chunks/http.js (no entry imports it)',
      'unreachable: dist/chunks/types.js (no entry imports it)',
    ]);
  });

  it('finds undici reached statically through another chunk, but not from the CLI', () => {
    write({
      'action.js': 'import "./chunks/chunk-A.js";\n',
      'cli.js': 'import "./chunks/chunk-A.js";\n',
      'chunks/chunk-A.js': 'import "./http-B.js";\n',
      'chunks/http-B.js': UNDICI,
    });
    assert.deepEqual(distGraphProblems(dist), [
      'dist/action.js loads undici at start: dist/chunks/http-B.js holds it and is imported statically',
    ]);
  });

  it('lets only registry-warmup reach @actions/cache, and only lazily', () => {
    const CACHE = '// node_modules/@actions/cache/lib/cache.js\nvar restoreCache = () => {};\n';
    write({
      'registry-warmup.js': 'const { c } = await import("./chunks/cache-A.js");\n',
      'timing-summary.js': 'const { u } = await import("./chunks/uses-B.js");\n',
      'chunks/cache-A.js': `${UNDICI}${CACHE}export const c = 1;\n`,
      'chunks/uses-B.js': 'export { c as u } from "./cache-A.js";\n',
    });
    assert.deepEqual(distGraphProblems(dist), [
      'dist/timing-summary.js reaches @actions/cache (dist/chunks/cache-A.js), which only registry-warmup.js may load',
    ]);
    write({
      'registry-warmup.js': 'import "./chunks/cache-A.js";\n',
      'timing-summary.js': 'export {};\n',
    });
    rmSync(join(dist, 'chunks', 'uses-B.js'));
    assert.deepEqual(distGraphProblems(dist), [
      'dist/registry-warmup.js loads undici at start: dist/chunks/cache-A.js holds it and is imported statically',
      'dist/registry-warmup.js loads @actions/cache at start: dist/chunks/cache-A.js holds it and is imported statically',
    ]);
  });

  it('says so when it cannot see undici in any bundle', () => {
    write({ 'action.js': 'export {};\n' });
    assert.equal(distGraphProblems(dist).length, 1);
    assert.match(distGraphProblems(dist)[0]!, /^no bundle holds undici/);
  });
});
