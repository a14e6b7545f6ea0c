import { definePack } from '../rule.ts';

export const rustCache = definePack(
  'rust-cache',
  'Swatinem/rust-cache restores',
  [
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
  ],
  {
    readable: {
      pattern:
        /^(?:\.\.\. (?:Restoring|Checking) cache \.\.\.|(?:Restored from|Found) cache key ")/,
      anchors: ['Restoring cache', 'Checking cache', 'cache key'],
    },
    hint: 'Swatinem/rust-cache prints what it restored in its own step: scan the whole job log',
  },
);
