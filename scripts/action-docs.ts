/**
 * Generates each action's README usage block from its action.yml, between
 * `<!-- usage:start -->` and `<!-- usage:end -->`. `--write` updates, `--check` fails on drift,
 * and on the problems scripts/check-docs.ts finds (sections, YAML examples).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkDocs } from './check-docs.ts';

const root = join(import.meta.dirname, '..');
const START = '<!-- usage:start -->';
const END = '<!-- usage:end -->';

interface Field {
  description?: string;
  default?: string;
  required?: boolean;
}
interface Metadata {
  name: string;
  description: string;
  inputs?: Record<string, Field>;
  outputs?: Record<string, Field>;
}

function wrap(text: string, indent: string): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && indent.length + 2 + line.length + word.length + 1 > 100) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${indent}# ${l}`);
}

export function usageBlock(action: string, metadata: Metadata): string {
  const lines = ['```yaml', `- uses: lanekit/lanekit/actions/${action}@v0`, '  with:'];
  for (const [name, input] of Object.entries(metadata.inputs ?? {})) {
    lines.push(...wrap(input.description ?? '', '    '));
    const required = input.required === true ? 'Required. ' : '';
    if (input.default !== undefined && input.default !== '') {
      lines.push(`    # ${required}Default: ${input.default}`);
    } else if (required) {
      lines.push(`    # ${required.trim()}`);
    }
    lines.push(`    ${name}: ''`, '');
  }
  if (lines[lines.length - 1] === '') lines.pop();
  lines.push('```');
  const outputs = Object.entries(metadata.outputs ?? {});
  if (outputs.length > 0) {
    lines.push('', '| output | description |', '| --- | --- |');
    for (const [name, output] of outputs) {
      lines.push(
        `| \`${name}\` | ${(output.description ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')} |`,
      );
    }
  }
  return lines.join('\n');
}

const mode = process.argv[2];
if (mode !== '--write' && mode !== '--check') {
  console.error('usage: node scripts/action-docs.ts --write|--check');
  process.exit(2);
}
let stale = 0;
for (const action of readdirSync(join(root, 'actions'))) {
  const metadata = parse(
    readFileSync(join(root, 'actions', action, 'action.yml'), 'utf8'),
  ) as Metadata;
  const readmePath = join(root, 'actions', action, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    console.error(
      `actions/${action}/README.md: add ${START} and ${END} markers for the usage block`,
    );
    stale++;
    continue;
  }
  const updated = `${readme.slice(0, start + START.length)}\n${usageBlock(action, metadata)}\n${readme.slice(end)}`;
  if (updated === readme) continue;
  if (mode === '--write') {
    writeFileSync(readmePath, updated);
    console.log(`actions/${action}/README.md: usage block updated`);
  } else {
    console.error(`actions/${action}/README.md: usage block is stale; run \`npm run docs\``);
    stale++;
  }
}
if (mode === '--check') {
  const { problems } = await checkDocs(root);
  if (problems.length > 0) console.error(problems.join('\n'));
  stale += problems.length;
}
if (stale > 0) process.exitCode = 1;
