import type { ChangeStatus } from '../git/repository.ts';
import { ConfigurationError } from '../runner/errors.ts';
import { ConfigNode } from '../runner/yaml-config.ts';
import { globProblem, PathRules, RuleSet } from './path-rules.ts';
import type { KeyPattern } from './structured-keys.ts';
import { formatOfPath, parseKeyPattern } from './structured-keys.ts';

export interface KeyClassifier {
  /** A glob naming the structured file(s), e.g. `package.json` or `**\/Cargo.toml`. */
  readonly file: string;
  readonly fileRules: PathRules;
  readonly patterns: readonly { readonly text: string; readonly pattern: KeyPattern }[];
}

export interface Route {
  readonly name: string;
  readonly paths: readonly string[];
  readonly statuses: ReadonlySet<ChangeStatus> | undefined;
  readonly keys: readonly KeyClassifier[];
  readonly miseTools: readonly string[];
  readonly implies: readonly string[];
}

export interface RoutesConfig {
  readonly routes: readonly Route[];
  /** Every route's `paths`, matched together; list i is routes[i]. */
  readonly pathRules: RuleSet;
  /** Routes that run for a file no route claims. */
  readonly fallback: readonly string[];
  readonly force: { readonly labels: readonly string[]; readonly trailers: readonly Trailer[] };
}

export interface Trailer {
  readonly key: string;
  readonly value: string;
  readonly text: string;
}

export const DEFAULT_ROUTES_FILE = '.github/lanekit/routes.yml';

/** Outputs the action always sets; a route cannot take their names. */
export const RESERVED_OUTPUTS = ['plan', 'plan-file', 'routes', 'changed-files', 'fallback-reason'];

/** The keys each level of a routes file allows (routes.schema.json describes the same). */
export const ROUTES_FILE_KEYS = ['routes', 'fallback', 'force'] as const;
export const ROUTE_KEYS = ['paths', 'status', 'keys', 'mise-tools', 'implies'] as const;
export const FORCE_KEYS = ['labels', 'trailers'] as const;

export const ROUTE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
export const STATUSES: readonly ChangeStatus[] = ['added', 'modified', 'deleted', 'renamed'];

export function parseTrailer(text: string): Trailer | undefined {
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s*(.+)$/.exec(text.trim());
  if (!match) return undefined;
  return { key: match[1]!.toLowerCase(), value: match[2]!.trim().toLowerCase(), text: text.trim() };
}

/** A route, and its `implies` items for errors that need the other routes' names. */
interface ParsedRoute {
  readonly route: Route;
  readonly implies: readonly ConfigNode[];
}

function parseRoute(name: string, node: ConfigNode): ParsedRoute {
  const fields = node.fields(ROUTE_KEYS);
  const pathNodes = fields.paths?.items() ?? [];
  const paths = pathNodes.map((item) => {
    const glob = item.string();
    const problem = globProblem(glob);
    if (problem) throw item.error(`invalid glob '${glob}': ${problem}`);
    return glob;
  });
  let statuses: Set<ChangeStatus> | undefined;
  if (fields.status) {
    statuses = new Set(
      fields.status.items().map((item) => {
        const value = item.string();
        const status = STATUSES.find((s) => s === value);
        if (!status) throw item.error(`got '${value}', expected one of ${STATUSES.join('|')}`);
        return status;
      }),
    );
  }
  const keys = (fields.keys?.entries() ?? []).map(([file, list]): KeyClassifier => {
    const problem = globProblem(file);
    if (problem || file.startsWith('!')) {
      throw list.error(
        `invalid file glob '${file}': ${problem ?? 'a key classifier names files to read'}`,
      );
    }
    if (formatOfPath(file) === undefined) {
      throw list.error(
        `cannot classify keys of '${file}': expected a .toml, .json, .yaml or .yml file`,
      );
    }
    const patterns = list.items().map((item) => {
      const text = item.string();
      try {
        return { text, pattern: parseKeyPattern(text) };
      } catch (error) {
        if (error instanceof ConfigurationError) throw item.error(error.message);
        throw error;
      }
    });
    return { file, fileRules: new PathRules([file]), patterns };
  });
  const miseTools = fields['mise-tools']?.strings() ?? [];
  const implies = fields.implies?.items() ?? [];
  if (paths.length === 0 && keys.length === 0 && miseTools.length === 0) {
    throw node.error('a route needs at least one of paths, keys or mise-tools');
  }
  return {
    route: { name, paths, statuses, keys, miseTools, implies: implies.map((i) => i.string()) },
    implies,
  };
}

/**
 * Rejects `implies` cycles, naming one (`a -> b -> a`) at the implication that closes it. A
 * depth-first walk with a stack of its own, so that no chain of routes overflows the call stack.
 */
function checkImplications(parsed: readonly ParsedRoute[]): void {
  const byName = new Map(parsed.map((p) => [p.route.name, p]));
  const state = new Map<string, 'visiting' | 'done'>();
  for (const { route } of parsed) {
    if (state.has(route.name)) continue;
    state.set(route.name, 'visiting');
    // The routes being visited, from the first, each with the index of its next implication.
    const trail: { readonly name: string; next: number }[] = [{ name: route.name, next: 0 }];
    while (trail.length > 0) {
      const top = trail.at(-1)!;
      const implies = byName.get(top.name)!.implies;
      const item = implies[top.next++];
      if (item === undefined) {
        state.set(top.name, 'done');
        trail.pop();
        continue;
      }
      const target = item.string();
      if (state.get(target) === 'visiting') {
        const names = trail.map((t) => t.name);
        const cycle = [...names.slice(names.indexOf(target)), target];
        throw item.error(`implies: cycle ${shownCycle(cycle)}; remove one of its implications`);
      }
      if (state.has(target)) continue;
      state.set(target, 'visiting');
      trail.push({ name: target, next: 0 });
    }
  }
}

/** A cycle's routes joined by arrows; a long one keeps its ends and counts the rest. */
function shownCycle(names: readonly string[]): string {
  const kept = 8;
  if (names.length <= kept * 2) return names.join(' -> ');
  const left = names.length - kept * 2;
  return [...names.slice(0, kept), `(${left} more)`, ...names.slice(-kept)].join(' -> ');
}

/**
 * Rejects a route name that is no output id, or that names the same output as another name:
 * the runner looks outputs up ignoring case. `seen` holds the names before it, lower-cased.
 */
function checkRouteName(
  name: string,
  node: ConfigNode,
  seen: Map<string, { readonly name: string; readonly node: ConfigNode }>,
): void {
  if (!ROUTE_NAME.test(name)) {
    throw node.error(
      `route name '${name}' cannot be an output id: use letters, digits, '_' and '-', starting with a letter or '_'`,
    );
  }
  const folded = name.toLowerCase();
  const reserved = RESERVED_OUTPUTS.find((output) => output === folded);
  if (reserved === name) {
    throw node.error(
      `route name '${name}' is taken by an output of the same name; rename the route`,
    );
  }
  if (reserved !== undefined) {
    throw node.error(
      `route name '${name}' is taken by an output, '${reserved}' (output names ignore case); rename the route`,
    );
  }
  const other = seen.get(folded);
  if (other !== undefined) {
    throw node.error(
      `route name '${name}' and route '${other.name}' at ${other.node.location()} differ only in case, and output names ignore case; rename one of them`,
    );
  }
  seen.set(folded, { name, node });
}

export function parseRoutesConfig(text: string, origin: string): RoutesConfig {
  const root = ConfigNode.parse(text, origin);
  const fields = root.fields(ROUTES_FILE_KEYS);
  if (!fields.routes || fields.routes.isMissing) throw root.error("missing 'routes:' mapping");
  const seen = new Map<string, { name: string; node: ConfigNode }>();
  const parsed = fields.routes.entries().map(([name, node]) => {
    checkRouteName(name, node, seen);
    return parseRoute(name, node);
  });
  const routes = parsed.map((p) => p.route);
  if (routes.length === 0) throw fields.routes.error('define at least one route');
  const names = new Set(routes.map((r) => r.name));
  const knownRoute = (node: ConfigNode, what: string) => {
    const name = node.string();
    if (!names.has(name)) {
      throw node.error(
        `${what} names unknown route '${name}', expected one of ${[...names].join('|')}`,
      );
    }
    return name;
  };
  for (const { route, implies } of parsed) {
    for (const item of implies) {
      if (knownRoute(item, 'implies') === route.name) {
        throw item.error(`route '${route.name}' implies itself`);
      }
    }
  }
  checkImplications(parsed);

  let fallback: string[] = [...names];
  const fallbackNode = fields.fallback;
  if (fallbackNode && !fallbackNode.isMissing) {
    if (fallbackNode.isList) {
      fallback = fallbackNode.items().map((item) => knownRoute(item, 'fallback'));
    } else if (!fallbackNode.isScalar || fallbackNode.text() !== 'all') {
      throw fallbackNode.error(
        `got '${fallbackNode.text()}', expected all, [] or a list of routes`,
      );
    }
  }

  const force = fields.force?.fields(FORCE_KEYS);
  const trailers = (force?.trailers?.items() ?? []).map((item) => {
    const trailer = parseTrailer(item.string());
    if (!trailer)
      throw item.error(`got '${item.text()}', expected a trailer such as 'CI-Routes: all'`);
    return trailer;
  });
  return {
    routes,
    pathRules: new RuleSet(routes.map((r) => r.paths)),
    fallback,
    force: { labels: force?.labels?.strings() ?? [], trailers },
  };
}
