import type { ChangedFile } from '../git/repository.ts';
import { MISE_CONFIG_GLOBS, miseToolChanges, miseToolsMissing } from './mise-tools.ts';
import { PathRules } from './path-rules.ts';
import type { Route, RoutesConfig } from './routes-config.ts';
import {
  changedKeyPaths,
  formatKeyPath,
  formatOfPath,
  keyPatternMatches,
  keyPatternMatchesDocument,
  parseStructured,
} from './structured-keys.ts';

export type Reason =
  | { readonly type: 'path'; readonly path: string; readonly rule: string }
  | { readonly type: 'key'; readonly file: string; readonly key: string; readonly rule: string }
  | {
      readonly type: 'tool';
      readonly file: string;
      readonly tool: string;
      readonly key: string;
      readonly change: string;
    }
  | { readonly type: 'implied'; readonly by: string }
  | {
      readonly type: 'parse-error';
      readonly file: string;
      readonly cause: string;
      readonly detail: string;
    }
  | { readonly type: 'fallback'; readonly cause: string };

export interface RoutePlan {
  run: boolean;
  reasons: Reason[];
  /** Reasons beyond the cap, counted but not listed. */
  omittedReasons: number;
}

/** Reads a file's text on one side of the diff; undefined when it does not exist there. */
export interface ContentReader {
  read(side: 'base' | 'head', path: string): Promise<string | undefined>;
}

export interface PlanRequest {
  readonly config: RoutesConfig;
  readonly files: readonly ChangedFile[];
  readonly contents: ContentReader | undefined;
  /** When set, every route runs with this cause (unknown base, truncated diff, override). */
  readonly runAll?: string | undefined;
}

export interface RoutesOutcome {
  readonly routes: Record<string, RoutePlan>;
  /** The first cause that made fallback routes run, if any. */
  readonly fallbackReason: string | undefined;
  readonly warnings: readonly string[];
}

export const MAX_REASONS_PER_ROUTE = 50;

const miseFiles = new PathRules(MISE_CONFIG_GLOBS);

/** Where a config file is read at head to warn about drift, when no change touched it. */
const MISE_ROOT_FILES = [
  'mise.toml',
  '.mise.toml',
  'mise/config.toml',
  '.mise/config.toml',
  '.config/mise.toml',
  '.config/mise/config.toml',
];

class PlanBuilder {
  readonly routes: Record<string, RoutePlan> = {};

  constructor(routes: readonly Route[]) {
    for (const route of routes)
      this.routes[route.name] = { run: false, reasons: [], omittedReasons: 0 };
  }

  add(route: string, reason: Reason): void {
    const plan = this.routes[route]!;
    plan.run = true;
    if (plan.reasons.length < MAX_REASONS_PER_ROUTE) plan.reasons.push(reason);
    else plan.omittedReasons++;
  }
}

type Parsed = { ok: true; doc: unknown } | { ok: false; error: string };

async function parseSide(
  contents: ContentReader,
  side: 'base' | 'head',
  path: string | undefined,
): Promise<Parsed> {
  if (path === undefined) return { ok: true, doc: undefined };
  const format = formatOfPath(path) ?? 'toml';
  const text = await contents.read(side, path);
  if (text === undefined) return { ok: true, doc: undefined };
  try {
    return { ok: true, doc: parseStructured(text, format) };
  } catch (error) {
    return {
      ok: false,
      error: `${side}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Decides for each route whether it runs, and why, from the changed files. */
export async function planRoutes(request: PlanRequest): Promise<RoutesOutcome> {
  const { config, files, contents } = request;
  const plan = new PlanBuilder(config.routes);
  const warnings: string[] = [];
  let fallbackReason: string | undefined;
  const miseRoutes = config.routes.filter((r) => r.miseTools.length > 0);

  if (request.runAll !== undefined) {
    fallbackReason = request.runAll;
    for (const route of config.routes)
      plan.add(route.name, { type: 'fallback', cause: request.runAll });
  }

  for (const file of files) {
    const candidates =
      file.previousPath === undefined ? [file.path] : [file.path, file.previousPath];
    let claimed = false;
    for (const route of config.routes) {
      if (route.statuses && !route.statuses.has(file.status)) continue;
      for (const path of candidates) {
        const rule = route.paths.match(path);
        if (rule !== undefined) {
          plan.add(route.name, { type: 'path', path, rule });
          claimed = true;
          break;
        }
      }
    }

    const keyRoutes = config.routes.flatMap((route) =>
      route.keys
        .filter((k) => candidates.some((p) => k.fileRules.match(p) !== undefined))
        .map((classifier) => ({ route, classifier })),
    );
    const isMise =
      candidates.some((p) => miseFiles.match(p) !== undefined) && miseRoutes.length > 0;
    if ((keyRoutes.length > 0 || isMise) && contents !== undefined) {
      claimed = true;
      const basePath = file.status === 'added' ? undefined : (file.previousPath ?? file.path);
      const headPath = file.status === 'deleted' ? undefined : file.path;
      const base = await parseSide(contents, 'base', basePath);
      const head = await parseSide(contents, 'head', headPath);
      const routesHere = new Set([...keyRoutes.map((k) => k.route), ...(isMise ? miseRoutes : [])]);
      if (!base.ok || !head.ok) {
        const detail = !base.ok ? base.error : !head.ok ? head.error : '';
        for (const route of routesHere) {
          plan.add(route.name, {
            type: 'parse-error',
            file: file.path,
            cause: `parse-error:${file.path}`,
            detail,
          });
        }
        fallbackReason ??= `parse-error:${file.path}`;
        continue;
      }
      const changed = changedKeyPaths(base.doc, head.doc);
      for (const { route, classifier } of keyRoutes) {
        for (const { text, pattern } of classifier.patterns) {
          const hit = changed.find((key) => keyPatternMatches(pattern, key));
          if (hit)
            plan.add(route.name, {
              type: 'key',
              file: file.path,
              key: formatKeyPath(hit),
              rule: text,
            });
        }
      }
      if (isMise) {
        for (const route of miseRoutes) {
          for (const change of miseToolChanges(base.doc, head.doc, route.miseTools)) {
            plan.add(route.name, { type: 'tool', file: file.path, ...change });
          }
        }
      }
    } else if (keyRoutes.length > 0 || isMise) {
      // No way to read the file: it changed, so every route that classifies it runs.
      claimed = true;
      for (const route of new Set([
        ...keyRoutes.map((k) => k.route),
        ...(isMise ? miseRoutes : []),
      ])) {
        plan.add(route.name, {
          type: 'parse-error',
          file: file.path,
          cause: `parse-error:${file.path}`,
          detail: 'file contents unavailable',
        });
      }
    }

    if (!claimed) {
      const cause = `unmatched:${file.path}`;
      if (config.fallback.length > 0) fallbackReason ??= cause;
      for (const name of config.fallback) plan.add(name, { type: 'fallback', cause });
    }
  }

  applyImplications(config, plan);
  if (contents !== undefined) warnings.push(...(await driftWarnings(config, contents)));
  return { routes: plan.routes, fallbackReason, warnings };
}

function applyImplications(config: RoutesConfig, plan: PlanBuilder): void {
  const byName = new Map(config.routes.map((r) => [r.name, r]));
  const queue = config.routes.filter((r) => plan.routes[r.name]!.run).map((r) => r.name);
  const implied = new Set<string>();
  while (queue.length > 0) {
    const name = queue.shift()!;
    for (const target of byName.get(name)?.implies ?? []) {
      const key = `${name}->${target}`;
      if (implied.has(key)) continue;
      implied.add(key);
      const wasRunning = plan.routes[target]!.run;
      plan.add(target, { type: 'implied', by: name });
      if (!wasRunning) queue.push(target);
    }
  }
}

/** Configured keys and tools that name nothing in the file at head: the config has drifted. */
async function driftWarnings(config: RoutesConfig, contents: ContentReader): Promise<string[]> {
  const warnings: string[] = [];
  const docs = new Map<string, Parsed>();
  const headDoc = async (path: string) => {
    let parsed = docs.get(path);
    if (!parsed) {
      parsed = await parseSide(contents, 'head', path);
      docs.set(path, parsed);
    }
    return parsed;
  };
  for (const route of config.routes) {
    for (const classifier of route.keys) {
      if (/[*?[{]/.test(classifier.file)) continue;
      const parsed = await headDoc(classifier.file);
      if (!parsed.ok) continue;
      if (parsed.doc === undefined) {
        warnings.push(`route '${route.name}': keys: '${classifier.file}' does not exist at head`);
        continue;
      }
      for (const { text, pattern } of classifier.patterns) {
        if (!keyPatternMatchesDocument(pattern, parsed.doc)) {
          warnings.push(
            `route '${route.name}': key '${text}' matches nothing in '${classifier.file}' at head`,
          );
        }
      }
    }
    if (route.miseTools.length > 0) {
      const present: unknown[] = [];
      for (const path of MISE_ROOT_FILES) {
        const parsed = await headDoc(path);
        if (parsed.ok && parsed.doc !== undefined) present.push(parsed.doc);
      }
      const missing = route.miseTools.filter((tool) =>
        present.every((doc) => miseToolsMissing(doc, [tool]).length > 0),
      );
      for (const tool of missing) {
        warnings.push(
          present.length === 0
            ? `route '${route.name}': mise-tools: no mise config file at head to find '${tool}' in`
            : `route '${route.name}': mise tool '${tool}' matches no [tools] entry at head`,
        );
      }
    }
  }
  return warnings;
}
