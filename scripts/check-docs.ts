/**
 * Checks the docs a workflow author reads:
 * - every actions/<name>/README.md says what the action is for (text before its first `##`) and
 *   has the sections REQUIRED_SECTIONS names, by heading;
 * - every YAML block in README.md, actions/<name>/README.md and docs/*.md that uses
 *   `lanekit/lanekit/actions/<name>@` passes actionlint, as the workflow it is or wrapped into one
 *   (a list of steps, or one job), and gives each lanekit action only inputs its action.yml
 *   declares, and every input it requires. The generated usage block is left out: it lists every
 *   input with an empty value on purpose.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { actionlint } from './actionlint.ts';
import type { Workflow } from './actionlint.ts';

export const REQUIRED_SECTIONS = [
  'Minimal example',
  'Full example',
  'Sample output',
  'Permissions',
  'Failure behaviour',
  'Limits',
  'Inputs and outputs',
];

const USES = /^lanekit\/lanekit\/actions\/([a-z-]+)@/;

interface Field {
  required?: boolean;
}

/** A fenced YAML block of a Markdown file: its text and the file line its first line is on. */
interface YamlBlock {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

function yamlBlocks(file: string, markdown: string): YamlBlock[] {
  const blocks: YamlBlock[] = [];
  const lines = markdown.split('\n');
  let inUsage = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('<!-- usage:start -->')) inUsage = true;
    if (line.includes('<!-- usage:end -->')) inUsage = false;
    const fence = /^(\s*)```(ya?ml)?\s*$/.exec(line);
    if (!fence) continue;
    const indent = fence[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^\s*```\s*$/.test(lines[j]!)) body.push(lines[j++]!.slice(indent));
    if (fence[2] !== undefined && !inUsage) {
      blocks.push({ file, line: i + 2, text: body.join('\n') + '\n' });
    }
    i = j;
  }
  return blocks;
}

/**
 * The block as a workflow actionlint can read, and how many lines were put before the block's
 * own first line (to report findings at the block's lines).
 */
function asWorkflow(text: string, value: unknown): { text: string; offset: number } | undefined {
  const indented = (by: number) =>
    text
      .split('\n')
      .map((line) => (line === '' ? line : ' '.repeat(by) + line))
      .join('\n');
  if (Array.isArray(value)) {
    const header = ['on: push', 'jobs:', '  example:', '    runs-on: ubuntu-24.04', '    steps:'];
    return { text: `${header.join('\n')}\n${indented(6)}`, offset: header.length };
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const keys = Object.keys(value);
  if (keys.includes('jobs')) {
    return keys.includes('on') ? { text, offset: 0 } : { text: `on: push\n${text}`, offset: 1 };
  }
  if (keys.includes('steps')) {
    const header = ['on: push', 'jobs:', '  example:'];
    return { text: `${header.join('\n')}\n${indented(4)}`, offset: header.length };
  }
  return undefined;
}

/** Every `uses:` step of the workflow: its action, its `with` keys, and the step's line. */
function lanekitSteps(text: string): { action: string; inputs: string[]; line: number }[] {
  const document = parseDocument(text);
  const found: { action: string; inputs: string[]; line: number }[] = [];
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const jobs = document.get('jobs');
  if (!isMap(jobs)) return found;
  for (const job of jobs.items) {
    const steps = isMap(job.value) ? job.value.get('steps') : undefined;
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const uses = step.get('uses');
      const match = typeof uses === 'string' ? USES.exec(uses) : null;
      if (!match) continue;
      const withs = step.get('with');
      found.push({
        action: match[1]!,
        inputs: isMap(withs)
          ? withs.items.map((pair) => String((pair.key as { value: string | number }).value))
          : [],
        line: lineAt(step.range?.[0] ?? 0),
      });
    }
  }
  return found;
}

function declaredInputs(root: string, action: string): Record<string, Field> | undefined {
  const file = join(root, 'actions', action, 'action.yml');
  if (!existsSync(file)) return undefined;
  const metadata = parseDocument(readFileSync(file, 'utf8')).toJS() as {
    inputs?: Record<string, Field>;
  };
  return metadata.inputs ?? {};
}

/** Every problem found in the docs under `root`. */
export async function checkDocs(root: string): Promise<{ problems: string[]; examples: number }> {
  const problems: string[] = [];
  const actions = readdirSync(join(root, 'actions')).filter((name) =>
    existsSync(join(root, 'actions', name, 'action.yml')),
  );
  const files = [
    'README.md',
    ...actions.map((action) => `actions/${action}/README.md`),
    ...(existsSync(join(root, 'docs'))
      ? readdirSync(join(root, 'docs'))
          .filter((name) => name.endsWith('.md'))
          .map((name) => `docs/${name}`)
      : []),
  ].filter((file) => existsSync(join(root, file)));

  for (const action of actions) {
    const file = `actions/${action}/README.md`;
    if (!files.includes(file)) {
      problems.push(`${file}: missing`);
      continue;
    }
    const readme = readFileSync(join(root, file), 'utf8');
    const headings = new Set(
      [...readme.matchAll(/^## (.+?)\s*$/gm)].map((match) => match[1]!.toLowerCase()),
    );
    for (const section of REQUIRED_SECTIONS) {
      if (!headings.has(section.toLowerCase()))
        problems.push(`${file}: no '## ${section}' section`);
    }
    const intro = /^# .*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
    if (!/^[A-Za-z*_`]/m.test(intro)) {
      problems.push(`${file}: say what the action is for in the text before the first '##'`);
    }
  }

  const workflows: (Workflow & { file: string; line: number; offset: number })[] = [];
  for (const file of files) {
    for (const block of yamlBlocks(file, readFileSync(join(root, file), 'utf8'))) {
      if (!/lanekit\/lanekit\/actions\/[a-z-]+@/.test(block.text)) continue;
      const document = parseDocument(block.text);
      if (document.errors.length > 0) {
        problems.push(`${file}:${block.line}: YAML: ${document.errors[0]!.message.split('\n')[0]}`);
        continue;
      }
      const workflow = asWorkflow(block.text, document.toJS());
      if (workflow === undefined) {
        problems.push(
          `${file}:${block.line}: a YAML block using a lanekit action must be a workflow, a job or a list of steps`,
        );
        continue;
      }
      const at = (line: number) => `${file}:${block.line + line - 1 - workflow.offset}`;
      for (const step of lanekitSteps(workflow.text)) {
        const inputs = declaredInputs(root, step.action);
        if (inputs === undefined) {
          problems.push(`${at(step.line)}: no action '${step.action}' in actions/`);
          continue;
        }
        for (const input of step.inputs) {
          if (!(input in inputs)) {
            problems.push(
              `${at(step.line)}: ${step.action} has no input '${input}' (declared: ${Object.keys(inputs).join(', ')})`,
            );
          }
        }
        for (const [name, field] of Object.entries(inputs)) {
          if (field.required === true && !step.inputs.includes(name)) {
            problems.push(`${at(step.line)}: ${step.action} requires input '${name}'`);
          }
        }
      }
      workflows.push({
        path: `${file}:${block.line}`,
        text: workflow.text,
        file,
        line: block.line,
        offset: workflow.offset,
      });
    }
  }
  const byPath = new Map(workflows.map((workflow) => [workflow.path, workflow]));
  for (const finding of await actionlint(workflows.map(({ path, text }) => ({ path, text })))) {
    const block = byPath.get(finding.path)!;
    const line = block.line + finding.line - 1 - block.offset;
    problems.push(`${block.file}:${line}:${finding.column}: ${finding.message} [${finding.kind}]`);
  }
  return { problems, examples: workflows.length };
}

if (import.meta.main) {
  const { problems, examples } = await checkDocs(join(import.meta.dirname, '..'));
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  } else {
    console.log(`action READMEs have their sections; ${examples} YAML examples are valid`);
  }
}
