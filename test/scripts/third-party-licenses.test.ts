import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Metafile } from 'esbuild';
import { thirdPartyLicenses } from '../../scripts/third-party-licenses.ts';

/** A metafile over a made-up node_modules, as esbuild reports paths: relative to the root. */
describe('thirdPartyLicenses', () => {
  let root: string;
  let text: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'lanekit-licenses-'));
    const pkg = (dir: string, json: object, files: Record<string, string> = {}) => {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, 'package.json'), JSON.stringify(json));
      for (const [name, body] of Object.entries(files)) writeFileSync(join(root, dir, name), body);
    };
    pkg(
      'node_modules/zeta',
      { name: 'zeta', version: '1.0.0', license: 'MIT' },
      { LICENSE: 'MIT License\n\nCopyright (c) Zeta\n', 'NOTICE.md': 'Zeta notice\n' },
    );
    pkg(
      'node_modules/@scope/alpha',
      { name: '@scope/alpha', version: '2.0.0', licenses: [{ type: 'Apache-2.0' }] },
      { 'LICENCE.txt': 'Apache License\n' },
    );
    pkg('node_modules/@scope/alpha/node_modules/zeta', {
      name: 'zeta',
      version: '0.1.0',
      author: { name: 'Old Zeta' },
    });
    pkg('node_modules/@scope/alpha/lib', { type: 'module' });
    pkg('node_modules/shaken', { name: 'shaken', version: '1.0.0', license: 'GPL-3.0' });
    const input = (bytesInOutput: number) => ({ bytesInOutput });
    const metafile = {
      inputs: {},
      outputs: {
        'dist/a.js': {
          bytes: 1,
          imports: [],
          exports: [],
          inputs: {
            'src/a.ts': input(10),
            'lanekit-core-unused:./platform.js': input(10),
            'node_modules/zeta/index.js': input(10),
            'node_modules/@scope/alpha/lib/index.js': input(10),
            'node_modules/shaken/index.js': input(0),
          },
        },
        'dist/chunks/b.js': {
          bytes: 1,
          imports: [],
          exports: [],
          inputs: {
            'node_modules/zeta/other.js': input(10),
            'node_modules/@scope/alpha/node_modules/zeta/index.js': input(10),
          },
        },
      },
    } satisfies Metafile;
    text = thirdPartyLicenses(metafile, root);
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('lists each bundled package once, by name and version, and no package tree shaking dropped', () => {
    const listed = text.split('\n\n')[2]!.split('\n');
    assert.deepEqual(listed, ['  @scope/alpha 2.0.0', '  zeta 0.1.0', '  zeta 1.0.0']);
    assert.doesNotMatch(text, /shaken|GPL/);
  });

  it('gives the declared license and the text of every license and notice file', () => {
    assert.ok(
      text.includes(
        'zeta 1.0.0\nLicense: MIT\n' +
          '='.repeat(100) +
          '\n\n--- LICENSE ---\n\nMIT License\n\nCopyright (c) Zeta\n\n--- NOTICE.md ---\n\nZeta notice\n',
      ),
      text,
    );
    assert.ok(text.includes('@scope/alpha 2.0.0\nLicense: Apache-2.0\n'));
    assert.ok(text.includes('--- LICENCE.txt ---\n\nApache License\n'));
  });

  it('says when a package states no license and ships no license file', () => {
    assert.ok(
      text.includes(
        'zeta 0.1.0\nLicense: not stated in package.json\n' +
          '='.repeat(100) +
          '\n\nThe package ships no license file. Its package.json names the author: Old Zeta.\n',
      ),
      text,
    );
  });
});
