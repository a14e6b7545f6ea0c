import { definePack } from '../rule.ts';

export const actionsCache = definePack(
  'actions-cache',
  'actions/cache and @actions/cache',
  [
    {
      id: 'actions-cache/not-found',
      category: 'cache-miss',
      description: 'no cache matched the key or restore keys',
      pattern: /Cache not found for (?:input )?keys: /,
      anchors: ['Cache not found for'],
    },
    {
      id: 'actions-cache/restore-failed',
      category: 'cache-error',
      description: 'a cache existed but could not be restored',
      pattern: /Failed to restore: /,
      anchors: ['Failed to restore'],
    },
    {
      id: 'actions-cache/save-failed',
      category: 'cache-error',
      description: 'a cache could not be saved (reserve race, quota, service error)',
      pattern: /Failed to save: /,
      anchors: ['Failed to save'],
    },
    {
      id: 'actions-cache/reserve-failed',
      category: 'cache-error',
      description: 'another job was saving the same key (older cache versions)',
      pattern: /^Unable to reserve cache with key /,
      anchors: ['Unable to reserve'],
    },
  ],
  {
    readable: {
      pattern:
        /^Cache (?:(?:restored from key|hit for|saved with key): |(?:restored|saved) successfully)/,
      anchors: ['Cache restored', 'Cache hit for', 'Cache saved'],
    },
    hint: 'actions/cache, and @actions/cache inside other actions, print what they restored and saved by default',
  },
);
