import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  inWorkspace,
  isInside,
  isInlineConfig,
  readConfigInput,
  workspaceOf,
} from '../../src/runner/config-input.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

const DEFAULT_FILE = '.github/lanekit/routes.yml';

describe('isInlineConfig', () => {
  const cases: [string, boolean][] = [
    ['.github/lanekit/routes.yml', false],
    ['config/routes.yaml', false],
    ['routes:\n  a: {}', true],
    ['{routes: {}}', true],
    ['  [a, b]', true],
    ['a file name with spaces.yml', false],
  ];
  for (const [value, inline] of cases) {
    it(`${JSON.stringify(value)} is ${inline ? 'inline YAML' : 'a path'}`, () => {
      assert.equal(isInlineConfig(value), inline);
    });
  }
});

describe('isInside', () => {
  const cases: [string, readonly string[], boolean][] = [
    ['/w/a.yml', ['/w'], true],
    ['/w', ['/w'], true],
    ['/w/../x', ['/w'], false],
    ['/wx/a', ['/w'], false],
    ['/tmp/r/log', ['/w', '/tmp/r'], true],
    ['/etc/passwd', ['/w', '/tmp/r'], false],
  ];
  for (const [path, roots, inside] of cases) {
    it(`${path} is ${inside ? '' : 'not '}inside ${roots.join(', ')}`, () => {
      assert.equal(isInside(path, roots), inside);
    });
  }
});

describe('workspaceOf and inWorkspace', () => {
  it('takes GITHUB_WORKSPACE, else the current directory', () => {
    assert.equal(workspaceOf({ GITHUB_WORKSPACE: '/w' }), '/w');
    assert.equal(workspaceOf({}), process.cwd());
  });
  it('resolves a relative path in the workspace and keeps an absolute one', () => {
    assert.equal(inWorkspace('/w', 'a/b.yml'), '/w/a/b.yml');
    assert.equal(inWorkspace('/w', '../x.yml'), '/x.yml');
    assert.equal(inWorkspace('/w', '/etc/lanes.yml'), '/etc/lanes.yml');
  });
});

describe('readConfigInput', () => {
  let workspace: string;
  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'lanekit-config-input-'));
    mkdirSync(join(workspace, '.github/lanekit'), { recursive: true });
    writeFileSync(join(workspace, DEFAULT_FILE), 'routes: {}\n');
    writeFileSync(join(workspace, '..', `${basename(workspace)}-secret.yml`), 'secret: 1\n');
    symlinkSync(
      join(workspace, '..', `${basename(workspace)}-secret.yml`),
      join(workspace, 'link.yml'),
    );
    symlinkSync(join(workspace, DEFAULT_FILE), join(workspace, 'inner-link.yml'));
  });
  after(() => {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(join(workspace, '..', `${basename(workspace)}-secret.yml`), { force: true });
  });

  it('reads a file in the workspace, named by the path as given', () => {
    assert.deepEqual(
      readConfigInput('routes', DEFAULT_FILE, {
        defaultFile: DEFAULT_FILE,
        optional: false,
        workspace,
      }),
      { text: 'routes: {}\n', origin: DEFAULT_FILE },
    );
  });

  it('takes inline YAML as it is, named after the input', () => {
    assert.deepEqual(
      readConfigInput('routes', 'routes:\n  a: {}\n', {
        defaultFile: DEFAULT_FILE,
        optional: false,
        workspace,
      }),
      { text: 'routes:\n  a: {}\n', origin: 'routes input' },
    );
  });

  it('gives nothing for a missing default file when the configuration is optional', () => {
    const empty = mkdtempSync(join(tmpdir(), 'lanekit-config-input-empty-'));
    try {
      assert.equal(
        readConfigInput('lanes-file', '.github/lanekit/lanes.yml', {
          defaultFile: '.github/lanekit/lanes.yml',
          optional: true,
          workspace: empty,
        }),
        undefined,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('names the input, the value and where it looked for a missing file', () => {
    assert.throws(
      () =>
        readConfigInput('routes', 'ci/routes.yml', {
          defaultFile: DEFAULT_FILE,
          optional: true,
          workspace,
        }),
      (error: unknown) =>
        error instanceof ConfigurationError &&
        error.message ===
          `routes: got 'ci/routes.yml', expected a file in the workspace or inline YAML; no file at ${join(workspace, 'ci/routes.yml')}`,
    );
  });

  for (const value of ['/etc/passwd', '../outside.yml', '.github/../../outside.yml', 'link.yml']) {
    it(`refuses ${value}, outside the workspace, without reading it`, () => {
      assert.throws(
        () =>
          readConfigInput('routes', value, {
            defaultFile: DEFAULT_FILE,
            optional: false,
            workspace,
          }),
        (error: unknown) =>
          error instanceof ConfigurationError &&
          error.message ===
            `routes: got '${value}', expected a path inside the workspace ${workspace}`,
      );
    });
  }

  it('refuses a directory, naming it', () => {
    assert.throws(
      () =>
        readConfigInput('routes', '.github', {
          defaultFile: DEFAULT_FILE,
          optional: false,
          workspace,
        }),
      (error: unknown) =>
        error instanceof ConfigurationError &&
        error.message ===
          `routes: got '.github', expected a file in the workspace or inline YAML; ${join(workspace, '.github')} is not a file`,
    );
  });

  it('reads a link that stays inside the workspace', () => {
    assert.equal(
      readConfigInput('routes', 'inner-link.yml', {
        defaultFile: DEFAULT_FILE,
        optional: false,
        workspace,
      })?.text,
      'routes: {}\n',
    );
  });

  it('asks whether the job checked out the repository when the default file is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'lanekit-config-input-empty-'));
    try {
      assert.throws(
        () =>
          readConfigInput('routes', DEFAULT_FILE, {
            defaultFile: DEFAULT_FILE,
            optional: false,
            workspace: empty,
          }),
        /no file at .*\(did the job run actions\/checkout first\?\)$/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
