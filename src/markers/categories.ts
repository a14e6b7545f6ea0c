/** What a marker says about the run; `fail-on` and the summary work per category. */
export const MARKER_CATEGORIES = {
  'index-update': 'a package index or git dependency was fetched instead of restored',
  download: 'dependencies or tools were downloaded instead of restored',
  'third-party-compile': 'a dependency was compiled instead of restored from a cache',
  'tool-compile': 'a tool was compiled from source instead of installed prebuilt',
  'cache-miss': 'a cache lookup missed or only partly matched',
  'cache-error': 'a cache could not be restored, saved or written',
  'lock-wait': 'a job waited for a lock held by another process',
  'offline-failure': 'an offline build needed the network',
  'network-error': 'a download failed or was retried',
  observation: 'not a marker: context such as workspace compiles or cache statistics',
} as const;

export type MarkerCategory = keyof typeof MARKER_CATEGORIES;

export const CATEGORY_NAMES = Object.keys(MARKER_CATEGORIES) as MarkerCategory[];

export function isMarkerCategory(name: string): name is MarkerCategory {
  return Object.hasOwn(MARKER_CATEGORIES, name);
}
