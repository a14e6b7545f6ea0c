import type { Documents } from './documents.ts';
import { miseToolsMissing } from './mise-tools.ts';
import type { RoutesConfig } from './routes-config.ts';
import { keyPatternMatchesDocument } from './structured-keys.ts';

/** Where a config file is read at head to warn about drift, when no change touched it. */
const MISE_ROOT_FILES = [
  'mise.toml',
  '.mise.toml',
  'mise/config.toml',
  '.mise/config.toml',
  '.config/mise.toml',
  '.config/mise/config.toml',
];

/** Files read at head to check the configuration for drift. */
export function driftFiles(config: RoutesConfig): string[] {
  const files = config.routes.flatMap((route) =>
    route.keys.map((k) => k.file).filter((file) => !/[*?[{]/.test(file)),
  );
  if (config.routes.some((r) => r.miseTools.length > 0)) files.push(...MISE_ROOT_FILES);
  return files;
}

/** Configured keys and tools that name nothing in the file at head: the config has drifted. */
export function driftWarnings(config: RoutesConfig, docs: Documents): string[] {
  const warnings: string[] = [];
  const miseDocs = MISE_ROOT_FILES.map((path) => docs.parse('head', path)).flatMap((parsed) =>
    parsed.ok && parsed.doc !== undefined ? [parsed.doc] : [],
  );
  for (const route of config.routes) {
    for (const classifier of route.keys) {
      if (/[*?[{]/.test(classifier.file)) continue;
      const parsed = docs.parse('head', classifier.file);
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
    for (const tool of route.miseTools) {
      if (miseDocs.some((doc) => miseToolsMissing(doc, [tool]).length === 0)) continue;
      warnings.push(
        miseDocs.length === 0
          ? `route '${route.name}': mise-tools: no mise config file at head to find '${tool}' in`
          : `route '${route.name}': mise tool '${tool}' matches no [tools] entry at head`,
      );
    }
  }
  return warnings;
}
