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

  it('says so when it cannot see undici in any bundle', () => {
    write({ 'action.js': 'export {};\n' });
    assert.equal(distGraphProblems(dist).length, 1);
    assert.match(distGraphProblems(dist)[0]!, /^no bundle holds undici/);
  });
});
