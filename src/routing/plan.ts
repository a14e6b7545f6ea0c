import type { ChangedFile } from '../git/repository.ts';
import type { ContentReader } from './documents.ts';
import { Documents } from './documents.ts';
import { driftFiles, driftWarnings } from './drift.ts';
import { MISE_CONFIG_GLOBS, miseToolChanges } from './mise-tools.ts';
import { PathRules } from './path-rules.ts';
import type { Route, RoutesConfig } from './routes-config.ts';
import { changedKeyPaths, formatKeyPath, keyPatternMatches } from './structured-keys.ts';

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
  /**
   * Every changed file that made the route run, by its path at head (a deleted file's last
   * path), in diff order, none left out: matched by its paths (a rename by either name), changed
   * in its keys or tools, failing to parse, or unclaimed and sent to the fallback. A route that
   * runs for the whole run (fallback, force) or by implication lists only what its own rules
   * matched, maybe nothing.
   */
  files: string[];
}

/** The changed file a reason names, if it names one. */
function fileOf(reason: Reason): string | undefined {
  switch (reason.type) {
    case 'path':
      return reason.path;
    case 'key':
    case 'tool':
    case 'parse-error':
      return reason.file;
    case 'fallback':
      return reason.cause.startsWith(UNMATCHED) ? reason.cause.slice(UNMATCHED.length) : undefined;
    case 'implied':
      return undefined;
  }
}

const UNMATCHED = 'unmatched:';

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

class PlanBuilder {
  /** Without a prototype, so that a route named `__proto__` or `constructor` is a route too. */
  readonly routes: Record<string, RoutePlan> = Object.create(null) as Record<string, RoutePlan>;

  readonly #files = new Map<string, Set<string>>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      this.routes[route.name] = { run: false, reasons: [], omittedReasons: 0, files: [] };
      this.#files.set(route.name, new Set());
    }
  }

  /** `file` is the changed file's path at head, where the reason names its path at base. */
  add(route: string, reason: Reason, file = fileOf(reason)): void {
    const plan = this.routes[route]!;
    plan.run = true;
    if (plan.reasons.length < MAX_REASONS_PER_ROUTE) plan.reasons.push(reason);
    else plan.omittedReasons++;
    const files = this.#files.get(route)!;
    if (file !== undefined && !files.has(file)) {
      files.add(file);
      plan.files.push(file);
    }
  }
}

interface ClassifiedFile {
  readonly file: ChangedFile;
  readonly keyRoutes: readonly { route: Route; classifier: Route['keys'][number] }[];
  readonly isMise: boolean;
  readonly basePath: string | undefined;
  readonly headPath: string | undefined;
}

/** Decides for each route whether it runs, and why, from the changed files. */
export async function planRoutes(request: PlanRequest): Promise<RoutesOutcome> {
  const { config, files, contents } = request;
  const plan = new PlanBuilder(config.routes);
  let fallbackReason: string | undefined;
  const miseRoutes = config.routes.filter((r) => r.miseTools.length > 0);

  if (request.runAll !== undefined) {
    fallbackReason = request.runAll;
    for (const route of config.routes)
      plan.add(route.name, { type: 'fallback', cause: request.runAll });
  }

  const classified: ClassifiedFile[] = [];
  const unclaimed: string[] = [];
  for (const file of files) {
    const candidates =
      file.previousPath === undefined ? [file.path] : [file.path, file.previousPath];
    let claimed = false;
    const claims = candidates.map((path) => config.pathRules.match(path));
    for (const [index, route] of config.routes.entries()) {
      if (route.statuses && !route.statuses.has(file.status)) continue;
      const c = claims.findIndex((claim) => claim[index] !== undefined);
      if (c < 0) continue;
      const reason = { type: 'path', path: candidates[c]!, rule: claims[c]![index]! } as const;
      plan.add(route.name, reason, file.path);
      claimed = true;
    }
    const keyRoutes = config.routes.flatMap((route) =>
      route.keys
        .filter((k) => candidates.some((p) => k.fileRules.match(p) !== undefined))
        .map((classifier) => ({ route, classifier })),
    );
    const isMise =
      miseRoutes.length > 0 && candidates.some((p) => miseFiles.match(p) !== undefined);
    if (keyRoutes.length > 0 || isMise) {
      // A classified file is claimed by its classifiers, whichever keys changed.
      classified.push({
        file,
        keyRoutes,
        isMise,
        basePath: file.status === 'added' ? undefined : (file.previousPath ?? file.path),
        headPath: file.status === 'deleted' ? undefined : file.path,
      });
    } else if (!claimed) {
      unclaimed.push(file.path);
    }
  }

  for (const path of unclaimed) {
    const cause = `${UNMATCHED}${path}`;
    if (config.fallback.length > 0) fallbackReason ??= cause;
    for (const name of config.fallback) plan.add(name, { type: 'fallback', cause });
  }

  let warnings: string[] = [];
  if (contents === undefined) {
    for (const { file, keyRoutes, isMise } of classified) {
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
  } else {
    const drift = driftFiles(config);
    const docs = await Documents.load(contents, [
      ...classified.flatMap((c) => [
        ...(c.basePath === undefined ? [] : [{ side: 'base' as const, path: c.basePath }]),
        ...(c.headPath === undefined ? [] : [{ side: 'head' as const, path: c.headPath }]),
      ]),
      ...drift.map((path) => ({ side: 'head' as const, path })),
    ]);
    for (const c of classified) {
      const cause = classifyFile(c, docs, miseRoutes, plan);
      if (cause !== undefined) fallbackReason ??= cause;
    }
    warnings = driftWarnings(config, docs);
  }

  applyImplications(config, plan);
  return { routes: plan.routes, fallbackReason, warnings };
}

/** Adds the key and tool reasons of one classified file; returns a parse-error cause, if any. */
function classifyFile(
  c: ClassifiedFile,
  docs: Documents,
  miseRoutes: readonly Route[],
  plan: PlanBuilder,
): string | undefined {
  const base = docs.parse('base', c.basePath);
  const head = docs.parse('head', c.headPath);
  if (!base.ok || !head.ok) {
    const detail = !base.ok ? base.error : !head.ok ? head.error : '';
    const cause = `parse-error:${c.file.path}`;
    for (const route of new Set([
      ...c.keyRoutes.map((k) => k.route),
      ...(c.isMise ? miseRoutes : []),
    ])) {
      plan.add(route.name, { type: 'parse-error', file: c.file.path, cause, detail });
    }
    return cause;
  }
  const changed = changedKeyPaths(base.doc, head.doc);
  for (const { route, classifier } of c.keyRoutes) {
    for (const { text, pattern } of classifier.patterns) {
      const hit = changed.find((key) => keyPatternMatches(pattern, key));
      if (hit)
        plan.add(route.name, {
          type: 'key',
          file: c.file.path,
          key: formatKeyPath(hit),
          rule: text,
        });
    }
  }
  if (c.isMise) {
    for (const route of miseRoutes) {
      for (const change of miseToolChanges(base.doc, head.doc, route.miseTools)) {
        plan.add(route.name, { type: 'tool', file: c.file.path, ...change });
      }
    }
  }
  return undefined;
}

function applyImplications(config: RoutesConfig, plan: PlanBuilder): void {
  const byName = new Map(config.routes.map((r) => [r.name, r]));
  const queue = config.routes.filter((r) => plan.routes[r.name]!.run).map((r) => r.name);
  const implied = new Set<string>();
  for (let next = 0; next < queue.length; next++) {
    const name = queue[next]!;
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
