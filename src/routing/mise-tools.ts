/**
 * Tool-aware classification of mise config files: which of the tools a route cares about had
 * their `[tools]` entry added, removed or changed between two versions of a config file.
 *
 * A tool can be written many ways in `[tools]`: `zig`, `"core:zig"`, `"cargo:cargo-nextest"`,
 * `"aqua:nextest-rs/nextest"`, `"ubi:owner/repo[exe=x]"`, `"npm:@scope/pkg"`,
 * `"go:github.com/owner/repo/cmd/tool"`, or a short name that `[tool_alias]` maps to a backend.
 * toolNames lists every name such a key answers to, so a route can say `nextest` or `zig` and keep
 * working when the backend prefix changes. Pure logic over parsed TOML documents.
 */

import { sameDocument } from './structured-keys.ts';

/**
 * The files mise reads as configuration, as minimatch globs (use `dot: true`), in any directory.
 * `mise.*.toml` covers `mise.local.toml`, `mise.<env>.toml` and `mise.<env>.local.toml`; the same
 * suffixes apply to the other locations. `.tool-versions` is not TOML and is left out.
 */
export const MISE_CONFIG_GLOBS: readonly string[] = [
  '**/mise.toml',
  '**/.mise.toml',
  '**/mise.*.toml',
  '**/.mise.*.toml',
  '**/mise/config.toml',
  '**/mise/config.*.toml',
  '**/mise/conf.d/*.toml',
  '**/.mise/config.toml',
  '**/.mise/config.*.toml',
  '**/.mise/conf.d/*.toml',
  '**/.config/mise.toml',
  '**/.config/mise.*.toml',
  '**/.config/mise/config.toml',
  '**/.config/mise/config.*.toml',
  '**/.config/mise/conf.d/*.toml',
];

export type MiseToolChangeKind = 'added' | 'removed' | 'changed';

export interface MiseToolChange {
  /** The wanted tool name, as the caller gave it. */
  readonly tool: string;
  /** The `[tools]` key that changed; for a renamed entry, the key at head. */
  readonly key: string;
  readonly change: MiseToolChangeKind;
}

/**
 * The backend aliases a config document declares, lower-cased: `[tool_alias]` (and the deprecated
 * `[alias]`, which `[tool_alias]` overrides) entries whose value is a backend string, or a table
 * with a `backend` string. Version-only alias tables map no backend and are left out.
 */
export function miseToolAliases(doc: unknown): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const section of ['alias', 'tool_alias']) {
    const table = tableAt(doc, section);
    if (table === undefined) continue;
    for (const [name, entry] of Object.entries(table)) {
      const backend = aliasBackend(entry);
      if (backend !== undefined) aliases.set(normalize(name), normalize(backend));
    }
  }
  return aliases;
}

/**
 * Every name a `[tools]` key answers to, lower-cased:
 *  - the key itself, and without its `[options]` and any `@version` suffix;
 *  - the part after the backend prefix (`cargo:cargo-nextest` -> `cargo-nextest`);
 *  - for a path (`owner/repo`, a go module, a URL, an npm scope): the last segment and the last
 *    two (`nextest-rs/nextest`, `nextest`; `@scope/pkg`, `pkg`), past a go major-version suffix
 *    (`/v2`) and without `.git`;
 *  - `asdf:` / `vfox:` plugin repositories without their `asdf-`, `vfox-`, `mise-` prefix;
 *  - `cargo:` subcommand crates without `cargo-` (`cargo-nextest` also answers to `nextest`);
 *  - through an alias: a key that is an alias also answers to its target's names, and a key that
 *    is an alias target also answers to the alias.
 */
export function toolNames(key: string, aliases: ReadonlyMap<string, string>): Set<string> {
  const names = new Set<string>();
  const full = normalize(key);
  const normalizedAliases = new Map<string, string>();
  for (const [name, target] of aliases) normalizedAliases.set(normalize(name), normalize(target));

  for (const name of specNames(full)) names.add(name);
  const target = normalizedAliases.get(full) ?? normalizedAliases.get(bareSpec(full));
  if (target !== undefined) {
    for (const name of specNames(target)) names.add(name);
  }
  const tool = bareSpec(full);
  for (const [name, aliasTarget] of normalizedAliases) {
    if (bareSpec(aliasTarget) === tool) names.add(name);
  }
  names.delete('');
  return names;
}

/**
 * For each wanted tool, how its `[tools]` entries differ between two versions of a mise config
 * document (`undefined`: the file does not exist). An entry counts as changed when its value
 * changes (a version bump, an options table), or, for a key that is an alias, when the alias entry
 * changes. When keys answering to the tool disappear and others appear (a backend rename, an
 * options change written in the key), they pair up as `changed`, reported under the head key;
 * the rest are `added` or `removed`. An unchanged tool yields nothing.
 * Order: wanted tools as given (duplicates ignored, case-insensitively), then keys.
 */
export function miseToolChanges(
  base: unknown,
  head: unknown,
  tools: readonly string[],
): MiseToolChange[] {
  const baseEntries = toolEntries(base);
  const headEntries = toolEntries(head);
  const changes: MiseToolChange[] = [];

  for (const { tool, name } of wantedTools(tools)) {
    const before = new Map(
      baseEntries.filter((e) => e.names.has(name)).map((e) => [e.key, e] as const),
    );
    const after = new Map(
      headEntries.filter((e) => e.names.has(name)).map((e) => [e.key, e] as const),
    );
    const forTool: MiseToolChange[] = [];
    const gone: string[] = [];
    for (const [key, entry] of before) {
      const now = after.get(key);
      if (now === undefined) gone.push(key);
      else if (!sameDocument(now.definition, entry.definition))
        forTool.push({ tool, key, change: 'changed' });
    }
    const arrived = [...after.keys()].filter((key) => !before.has(key));
    arrived.forEach((key, index) => {
      forTool.push({ tool, key, change: index < gone.length ? 'changed' : 'added' });
    });
    for (const key of gone.slice(arrived.length)) forTool.push({ tool, key, change: 'removed' });
    forTool.sort((x, y) => compare(x.key, y.key));
    changes.push(...forTool);
  }
  return changes;
}

/**
 * The wanted tools that no `[tools]` entry at head answers to (configuration drift: a route names
 * a tool the config no longer has, by that name). A missing file has no tools.
 */
export function miseToolsMissing(head: unknown, tools: readonly string[]): string[] {
  const entries = toolEntries(head);
  return wantedTools(tools)
    .filter(({ name }) => !entries.some((e) => e.names.has(name)))
    .map(({ tool }) => tool);
}

// ---------------------------------------------------------------------------------------------

interface ToolEntry {
  readonly key: string;
  readonly names: ReadonlySet<string>;
  /** The entry's value and, when the key is an alias, the alias entry. */
  readonly definition: { readonly value: unknown; readonly alias: unknown };
}

function toolEntries(doc: unknown): ToolEntry[] {
  const tools = tableAt(doc, 'tools');
  if (tools === undefined) return [];
  const aliases = miseToolAliases(doc);
  const aliasEntries = new Map<string, unknown>();
  for (const section of ['alias', 'tool_alias']) {
    const table = tableAt(doc, section);
    if (table === undefined) continue;
    for (const [name, entry] of Object.entries(table)) aliasEntries.set(normalize(name), entry);
  }
  return Object.keys(tools)
    .sort(compare)
    .map((key) => {
      const full = normalize(key);
      const alias = aliasEntries.get(full) ?? aliasEntries.get(bareSpec(full));
      return {
        key,
        names: toolNames(key, aliases),
        definition: { value: tools[key], alias },
      };
    });
}

function wantedTools(tools: readonly string[]): { tool: string; name: string }[] {
  const seen = new Set<string>();
  const wanted: { tool: string; name: string }[] = [];
  for (const raw of tools) {
    const tool = raw.trim();
    const name = normalize(tool);
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    wanted.push({ tool, name });
  }
  return wanted;
}

/** The names one tool spec (a `[tools]` key or an alias target, lower-cased) answers to. */
function specNames(spec: string): string[] {
  const names = [spec];
  const bare = bareSpec(spec);
  names.push(bare);

  const colon = bare.indexOf(':');
  const hasBackend = colon > 0 && /^[a-z0-9][a-z0-9_.-]*$/.test(bare.slice(0, colon));
  const backend = hasBackend ? bare.slice(0, colon) : '';
  const rest = hasBackend ? bare.slice(colon + 1) : bare;
  names.push(rest);

  const segments = pathSegments(rest);
  // A go module's major-version suffix (`.../tool/v2`) names no tool: look past it.
  if (segments.length >= 3 && /^v[0-9]+$/.test(segments.at(-1)!)) segments.pop();
  const last = segments.at(-1) ?? rest;
  if (segments.length >= 2) names.push(segments.slice(-2).join('/'));
  names.push(last);
  if (backend === 'asdf' || backend === 'vfox') names.push(last.replace(/^(asdf|vfox|mise)-/, ''));
  if (backend === 'cargo') names.push(last.replace(/^cargo-/, ''));
  return names;
}

/** A spec without its `[options]` and its `@version` suffix (an npm scope's leading `@` stays). */
function bareSpec(spec: string): string {
  const withoutOptions = spec.replace(/\[[^\]]*\]/g, '');
  const at = withoutOptions.lastIndexOf('@');
  if (at <= 0) return withoutOptions;
  const suffix = withoutOptions.slice(at + 1);
  const before = withoutOptions[at - 1];
  // `npm:@scope/pkg` (the `@` right after the backend) and `git@host/...` are not versions.
  if (before === ':' || /[/:]/.test(suffix)) return withoutOptions;
  return withoutOptions.slice(0, at);
}

/** The path segments of a tool name: `owner/repo`, a go module, a git or https URL. */
function pathSegments(name: string): string[] {
  const path = name
    .replace(/^git\+/, '')
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^/@:]+@([^/:]+):/, '$1/')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  return path.split('/').filter((segment) => segment !== '');
}

function aliasBackend(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  const table = asTable(entry);
  const backend = table?.['backend'];
  return typeof backend === 'string' ? backend : undefined;
}

function tableAt(doc: unknown, key: string): Record<string, unknown> | undefined {
  const table = asTable(doc);
  if (table === undefined || !Object.hasOwn(table, key)) return undefined;
  return asTable(table[key]);
}

function asTable(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (value instanceof Date) return undefined;
  return value as Record<string, unknown>;
}

function normalize(name: string): string {
  return name.trim().toLowerCase();
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
