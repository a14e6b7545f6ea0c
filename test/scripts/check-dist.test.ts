import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { distDifferences } from '../../scripts/check-dist.ts';
import { distGraphProblems } from '../../scripts/dist-graph.ts';
import { ROOT } from '../../src/rehearsal/runner.ts';

/** One real build, and a copy of it per case standing in for the committed dist/, to break. */
describe('check-dist on a real build', () => {
  let temp: string;
  let built: string;
  let committed: string;
  before(() => {
    temp = mkdtempSync(join(tmpdir(), 'lanekit-check-dist-'));
    built = join(temp, 'built');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.ts'), built]);
  });
  beforeEach(() => {
    committed = join(temp, 'committed');
    rmSync(committed, { recursive: true, force: true });
    cpSync(built, committed, { recursive: true });
  });
  after(() => {
    rmSync(temp, { recursive: true, force: true });
  });

  it('passes the build as it is: every chunk reached, no undici at an action start', () => {
    assert.deepEqual(distDifferences(committed, built), []);
    assert.deepEqual(distGraphProblems(committed), []);
    assert.ok(!readdirSync(join(committed, 'chunks')).some((file) => file.startsWith('Arrow')));
  });

  it('fails on a chunk no entry imports', () => {
    const chunk = readdirSync(join(built, 'chunks')).find((file) => file.endsWith('.js'))!;
    cpSync(join(built, 'chunks', chunk), join(committed, 'chunks', 'chunk-PLANTED.js'));
    assert.deepEqual(distGraphProblems(committed), [
      'unreachable: dist/chunks/chunk-PLANTED.js (no entry imports it)',
    ]);
    assert.deepEqual(distDifferences(committed, built), ['extra: dist/chunks/chunk-PLANTED.js']);
  });

  it('fails on stale third-party licenses', () => {
    const file = join(committed, 'THIRD_PARTY_LICENSES.txt');
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^ {2}yaml 2\.\d+\.\d+$/m);
    writeFileSync(file, text.replace(/^ {2}yaml .*\n/m, ''));
    assert.deepEqual(distDifferences(committed, built), ['stale: dist/THIRD_PARTY_LICENSES.txt']);
  });

  it('fails when an action entry imports undici at start, naming the entry and the chunk', () => {
    const undiciChunk = readdirSync(join(built, 'chunks')).find((file) =>
      readFileSync(join(built, 'chunks', file), 'utf8').includes('\n// node_modules/undici/'),
    )!;
    appendFileSync(join(committed, 'change-router.js'), `import "./chunks/${undiciChunk}";\n`);
    appendFileSync(join(committed, 'cli.js'), `import "./chunks/${undiciChunk}";\n`);
    assert.deepEqual(distGraphProblems(committed), [
      `dist/change-router.js loads undici at start: dist/chunks/${undiciChunk} holds it and is imported statically`,
    ]);
  });
});
