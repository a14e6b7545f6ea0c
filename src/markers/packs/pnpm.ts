import { definePack } from '../rule.ts';

export const pnpm = definePack(
  'pnpm',
  'pnpm installs and Corepack',
  [
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
  ],
  {
    readable: {
      pattern: /Progress: resolved \d+, reused \d+, downloaded \d+, added \d+, done/,
      anchors: ['Progress: resolved'],
    },
    ran: {
      pattern: /(?:Packages: [+-]\d+|Lockfile is up to date|Done in \S+ using pnpm v)/,
      anchors: ['Packages:', 'Lockfile is up to date', 'using pnpm'],
    },
    hint: "pnpm's default reporter prints the final `Progress: resolved …, done` line the rules read; `--reporter=silent` and `--silent` hide it",
  },
);
