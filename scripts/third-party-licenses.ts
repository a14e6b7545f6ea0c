/**
 * The third-party licenses notice for the bundles: every npm package with code in an output of
 * the build (esbuild's metafile: inputs with bytes in an output, not everything it parsed), with
 * its version and license from its package.json and the text of the license files it ships.
 */
import type { Metafile } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const THIRD_PARTY_LICENSES = 'THIRD_PARTY_LICENSES.txt';

/** The innermost package a bundled input belongs to: `node_modules/a/node_modules/@s/b/x.js`. */
const PACKAGE_DIR = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//;
/** NOTICE files too: Apache-2.0 asks that they travel with the code. */
const LICENSE_FILE = /^(?:licen[cs]e|copying|notice)(?:[.-].*)?$/i;
const RULE = '='.repeat(100);

interface PackageJson {
  name: string;
  version: string;
  license?: string | { type: string };
  licenses?: { type: string }[];
  author?: string | { name: string; email?: string };
}

function declaredLicense({ license, licenses }: PackageJson): string {
  if (typeof license === 'string') return license;
  if (license) return license.type;
  return licenses?.map((entry) => entry.type).join(' OR ') ?? 'not stated in package.json';
}

/** Who holds the copyright, where no license file names them. */
function authorNote({ author }: PackageJson): string {
  if (author === undefined) return '';
  const name = typeof author === 'string' ? author : author.name;
  return ` Its package.json names the author: ${name}.`;
}

/** The notice's text, for the bundled inputs of `metafile` (paths relative to `root`). */
export function thirdPartyLicenses(metafile: Metafile, root: string): string {
  const packageDirs = new Set(
    Object.values(metafile.outputs)
      .flatMap((output) => Object.entries(output.inputs))
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => PACKAGE_DIR.exec(path)?.[1])
      .filter((dir) => dir !== undefined),
  );
  const sections = new Map<string, string>();
  for (const dir of packageDirs) {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as PackageJson;
    const id = `${pkg.name} ${pkg.version}`;
    if (sections.has(id)) continue;
    const files = readdirSync(join(root, dir))
      .filter((name) => LICENSE_FILE.test(name))
      .sort();
    const texts = files.map(
      (name) => `--- ${name} ---\n\n${readFileSync(join(root, dir, name), 'utf8').trimEnd()}\n`,
    );
    sections.set(
      id,
      [
        RULE,
        id,
        `License: ${declaredLicense(pkg)}`,
        RULE,
        '',
        ...(texts.length > 0 ? texts : [`The package ships no license file.${authorNote(pkg)}\n`]),
      ].join('\n'),
    );
  }
  const ids = [...sections.keys()].sort();
  return [
    'Third-party software in the bundles of lanekit (dist/)',
    '',
    `The bundles contain code from these ${ids.length} npm packages, each listed with the version`,
    'bundled, the license its package.json states and the license files it ships. scripts/build.ts',
    "writes this file from esbuild's metafile; `npm run check:dist` fails when it is stale.",
    'Notices that bundled files carry in their own comments, such as those of code a package',
    'vendors, are in dist/chunks/*.LEGAL.txt beside the chunk that holds the code.',
    '',
    ...ids.map((id) => `  ${id}`),
    '',
    ...ids.map((id) => sections.get(id)),
  ].join('\n');
}
