import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { changelogSection, ReleaseError, versionOfTag } from '../../scripts/release-notes.ts';
import { ROOT } from '../../src/rehearsal/runner.ts';

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

### Added

- Something new.

## [1.2.0] - 2026-03-01

### Added

- A feature.

\`\`\`markdown
## [9.9.9] inside a code block is no heading
\`\`\`

### Fixed

- A bug.

## [1.1.0] - 2026-01-15

- Older.

## [1.0.0]

[unreleased]: https://github.com/lanekit/lanekit/compare/v1.2.0...HEAD
[1.2.0]: https://github.com/lanekit/lanekit/compare/v1.1.0...v1.2.0
`;

const script = join(ROOT, 'scripts', 'release-notes.ts');
const runScript = (...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('changelogSection', () => {
  it('gives the body of a version, up to the next section, code blocks included', () => {
    assert.equal(
      changelogSection(CHANGELOG, '1.2.0'),
      [
        '### Added',
        '',
        '- A feature.',
        '',
        '```markdown',
        '## [9.9.9] inside a code block is no heading',
        '```',
        '',
        '### Fixed',
        '',
        '- A bug.',
        '',
      ].join('\n'),
    );
  });

  it('gives a section between two others, and Unreleased by its name', () => {
    assert.equal(changelogSection(CHANGELOG, '1.1.0'), '- Older.\n');
    assert.equal(changelogSection(CHANGELOG, 'Unreleased'), '### Added\n\n- Something new.\n');
  });

  it('reads CRLF line ends and a heading without a date or brackets', () => {
    const text = '# Changelog\r\n\r\n## 2.0.0\r\n\r\n- Windows.\r\n';
    assert.equal(changelogSection(text, '2.0.0'), '- Windows.\n');
  });

  const failures = [
    {
      name: 'a version without a section, naming the sections there are',
      version: '1.3.0',
      message:
        "CHANGELOG.md has no section for 1.3.0; add '## [1.3.0] - <date>' (sections: Unreleased, 1.2.0, 1.1.0, 1.0.0)",
    },
    {
      name: 'a heading seen only inside a code block',
      version: '9.9.9',
      message: /^CHANGELOG\.md has no section for 9\.9\.9;/,
    },
    {
      name: 'a section with nothing but the closing link definitions',
      version: '1.0.0',
      message: 'CHANGELOG.md: the section for 1.0.0 is empty',
    },
  ];
  for (const { name, version, message } of failures) {
    it(`fails on ${name}`, () => {
      assert.throws(
        () => changelogSection(CHANGELOG, version),
        (error: unknown) =>
          error instanceof ReleaseError &&
          (typeof message === 'string' ? error.message === message : message.test(error.message)),
      );
    });
  }

  it('fails on a changelog without sections', () => {
    assert.throws(() => changelogSection('# Changelog\n', '1.0.0', 'CHANGES.md'), {
      message: "CHANGES.md has no section for 1.0.0; add '## [1.0.0] - <date>' (sections: none)",
    });
  });
});

describe('versionOfTag', () => {
  it("gives the version of a tag that is v + package.json's version", () => {
    assert.equal(versionOfTag('v1.2.3', '1.2.3'), '1.2.3');
  });

  for (const tag of ['1.2.3', 'v1.2', 'v1.2.3-rc.1', 'v1.2.3\n', 'release-1.2.3', 'v01']) {
    it(`refuses the tag ${JSON.stringify(tag)}`, () => {
      assert.throws(() => versionOfTag(tag, '1.2.3'), {
        message: `tag: got '${tag}', expected v<major>.<minor>.<patch> (e.g. v1.2.3)`,
      });
    });
  }

  it("refuses a tag other than package.json's version", () => {
    assert.throws(() => versionOfTag('v1.3.0', '1.2.3'), {
      message:
        "tag v1.3.0 does not match package.json's version 1.2.3; tag v1.2.3, or set the version to 1.3.0 and tag that commit",
    });
  });
});

describe('release-notes.ts on this repository', () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };

  it("prints CHANGELOG.md's section for package.json's version", () => {
    const run = runScript(`v${version}`);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.equal(
      run.stdout,
      changelogSection(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), version),
    );
    assert.match(run.stdout, /^### Added$/m);
  });

  it('exits 1 with one line naming the tag when it is not the version', () => {
    const run = runScript('v999.0.0');
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      `release-notes: tag v999.0.0 does not match package.json's version ${version}; tag v${version}, or set the version to 999.0.0 and tag that commit\n`,
    );
  });

  it('exits 2 with the usage without exactly one tag', () => {
    for (const args of [[], ['v1.0.0', 'v2.0.0']]) {
      const run = runScript(...args);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^usage: node scripts\/release-notes\.ts <tag>/);
    }
  });
});
