import { definePack } from '../rule.ts';

export const mise = definePack(
  'mise',
  'jdx/mise-action tool caches',
  [
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
  ],
  {
    readable: { pattern: /^mise cache restored from key: /, anchors: ['mise cache restored'] },
    // mise colours its own name: `ESC[2mmiseESC[0m all tools are installed`.
    ran: { pattern: /^mise all tools are installed/, anchors: ['all tools are installed'] },
    hint: 'jdx/mise-action prints whether it restored its cache when its `cache` input is true (the default)',
  },
);
