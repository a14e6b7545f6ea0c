import { definePack } from '../rule.ts';

export const setupCache = definePack(
  'setup-cache',
  'the dependency caches of actions/setup-node, setup-python, setup-go and setup-java',
  [
    {
      id: 'setup-cache/not-found',
      category: 'cache-miss',
      description:
        'a setup-* action found no dependency cache (npm, yarn, pnpm, pip, go, gradle...)',
      pattern: /^(?:[\w-]+ )?[Cc]ache is not found\b/,
      anchors: ['ache is not found'],
    },
    {
      id: 'setup-cache/restore-failed',
      category: 'cache-error',
      description: 'a setup-* action could not restore its dependency cache',
      pattern: /^Failed to restore dependencies cache/,
      anchors: ['Failed to restore'],
    },
  ],
  {
    readable: { pattern: /^Cache restored from key: /, anchors: ['Cache restored'] },
    hint: 'setup-node, setup-python, setup-go and setup-java print their dependency cache result when their `cache` input is set',
  },
);
