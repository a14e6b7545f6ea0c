import { definePack } from '../rule.ts';

export const rustCache = definePack('rust-cache', 'Swatinem/rust-cache restores', [
  {
    id: 'rust-cache/miss',
    category: 'cache-miss',
    description: 'rust-cache found no cache for its key',
    pattern: /^No cache found\.\s*$/,
    anchors: ['No cache found'],
  },
  {
    id: 'rust-cache/partial',
    category: 'cache-miss',
    description: 'rust-cache restored a fallback key, not the exact one',
    pattern: /^(?:Restored from|Found) cache key ".*" full match: false\./,
    anchors: ['full match: false'],
  },
]);
