import { LinearRegExp } from '../linear-regexp.ts';
import { definePack } from '../rule.ts';

export const yarn = definePack(
  'yarn',
  'Yarn installs',
  [
    {
      id: 'yarn/fetch',
      category: 'download',
      description: 'Yarn fetched packages that were not in its cache',
      // `.*` after a literal: V8 would backtrack over the rest of the line at each occurrence.
      pattern: new LinearRegExp(
        "YN0013: .*(?:can't be found in the cache|fetched from the remote registry|will be fetched)",
      ),
      anchors: ['YN0013'],
    },
    {
      id: 'yarn/network-retry',
      category: 'network-error',
      description: 'Yarn retried after network trouble',
      pattern: /There appears to be trouble with your network connection\. Retrying/,
      anchors: ['trouble with your network'],
    },
  ],
  {
    readable: { pattern: /YN0000: \S+ Fetch step/, anchors: ['Fetch step'] },
    ran: {
      pattern:
        /(?:^\[\d\/\d\] (?:Resolving|Fetching|Linking|Building) |YN0000: \S+ Resolution step)/,
      anchors: ['Resolving', 'Fetching', 'Linking', 'Building', 'Resolution step'],
    },
    hint: 'Yarn 1 prints no line per fetched package, so the rules cannot read it; Yarn 2 and later print their fetch step by default',
  },
);
