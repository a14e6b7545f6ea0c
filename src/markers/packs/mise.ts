import { definePack } from '../rule.ts';

export const mise = definePack('mise', 'jdx/mise-action tool caches', [
  {
    id: 'mise/cache-miss',
    category: 'cache-miss',
    description: 'mise-action found no cache for its tools',
    pattern: /mise cache not found/,
    anchors: ['mise cache not found'],
  },
  {
    id: 'mise/restore-failed',
    category: 'cache-error',
    description: 'mise-action could not restore its cache',
    pattern: /Failed to restore (?:global |tool )?mise cache/,
    anchors: ['Failed to restore'],
  },
]);
