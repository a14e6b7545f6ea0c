/**
 * The release notes for a tag: `node scripts/release-notes.ts v1.2.3` checks that the tag is
 * `v` + package.json's version and prints CHANGELOG.md's section for that version (Keep a
 * Changelog: the lines under `## [1.2.3] - <date>` up to the next `## ` heading).
 * .github/workflows/release.yml gives its output to `gh release create --notes-file`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A tag, package.json or CHANGELOG.md that cannot make a release as they are. */
export class ReleaseError extends Error {}

const TAG = /^v(\d+\.\d+\.\d+)$/;
const SECTION = /^## \[?([^\]\s]+)\]?(?:\s.*)?$/;
const LINK_DEFINITION = /^\[[^\]]+\]:\s/;
const FENCE = /^\s*(```|~~~)/;

/** The version a release tag names, which must be package.json's. */
export function versionOfTag(tag: string, packageVersion: string): string {
  const version = TAG.exec(tag)?.[1];
  if (version === undefined) {
    throw new ReleaseError(`tag: got '${tag}', expected v<major>.<minor>.<patch> (e.g. v1.2.3)`);
  }
  if (version !== packageVersion) {
    throw new ReleaseError(
      `tag ${tag} does not match package.json's version ${packageVersion}; tag v${packageVersion}, or set the version to ${version} and tag that commit`,
    );
  }
  return version;
}

/** The `## ` headings of a changelog, with their line index; headings in code blocks are not. */
function sections(lines: readonly string[]): { name: string; line: number }[] {
  const found: { name: string; line: number }[] = [];
  let fenced = false;
  for (const [line, text] of lines.entries()) {
    if (FENCE.test(text)) fenced = !fenced;
    const name = fenced ? undefined : SECTION.exec(text)?.[1];
    if (name !== undefined) found.push({ name, line });
  }
  return found;
}

/**
 * The body of the changelog's section for `version`, without its heading, the blank lines
 * around it, or the link definitions that close the file.
 */
export function changelogSection(
  changelog: string,
  version: string,
  file = 'CHANGELOG.md',
): string {
  const lines = changelog.split(/\r?\n/);
  const headings = sections(lines);
  const index = headings.findIndex((heading) => heading.name === version);
  if (index === -1) {
    const names = headings.map((heading) => heading.name).join(', ') || 'none';
    throw new ReleaseError(
      `${file} has no section for ${version}; add '## [${version}] - <date>' (sections: ${names})`,
    );
  }
  const body = lines.slice(headings[index]!.line + 1, headings[index + 1]?.line ?? lines.length);
  while (body.length > 0 && (body.at(-1)!.trim() === '' || LINK_DEFINITION.test(body.at(-1)!))) {
    body.pop();
  }
  while (body.length > 0 && body[0]!.trim() === '') body.shift();
  if (body.length === 0) throw new ReleaseError(`${file}: the section for ${version} is empty`);
  return `${body.join('\n')}\n`;
}

if (import.meta.main) {
  const root = join(import.meta.dirname, '..');
  const args = process.argv.slice(2);
  if (args.length !== 1) {
    console.error('usage: node scripts/release-notes.ts <tag>   (e.g. v1.2.3)');
    process.exit(2);
  }
  try {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    const notes = changelogSection(
      readFileSync(join(root, 'CHANGELOG.md'), 'utf8'),
      versionOfTag(args[0]!, version),
    );
    process.stdout.write(notes);
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    console.error(`release-notes: ${error.message}`);
    process.exitCode = 1;
  }
}
