import { definePack } from '../rule.ts';

export const pnpm = definePack('pnpm', 'pnpm installs and Corepack', [
  {
    id: 'pnpm/downloaded',
    category: 'download',
    description: 'pnpm downloaded packages its store did not have',
    pattern: /Progress: resolved \d+, reused \d+, downloaded [1-9]\d*, added \d+, done/,
    anchors: ['downloaded'],
  },
  {
    id: 'pnpm/corepack-download',
    category: 'download',
    description: 'Corepack downloaded the package manager itself',
    pattern: /Corepack is about to download /,
    anchors: ['Corepack is about to download'],
  },
]);
