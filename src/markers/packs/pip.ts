import { definePack } from '../rule.ts';

export const pip = definePack(
  'pip',
  'pip installs',
  [
    {
      id: 'pip/download',
      category: 'download',
      description: 'pip downloaded a distribution (not "Using cached")',
      pattern: /^\s*Downloading (?:https?:\/\/\S+|\S+\.(?:whl|tar\.gz|zip|tar\.bz2))(?:\s|$)/,
      anchors: ['Downloading'],
    },
    {
      id: 'pip/build-wheel',
      category: 'third-party-compile',
      description: 'pip built a wheel from a source distribution',
      pattern: /^\s*Building wheel for \S+/,
      anchors: ['Building wheel'],
    },
    {
      id: 'pip/retry',
      category: 'network-error',
      description: 'pip retried a request',
      pattern: /WARNING: Retrying \(Retry\(total=/,
      anchors: ['Retrying'],
    },
  ],
  {
    readable: {
      // Not Next.js's `Collecting page data ...`: pip's names a requirement, alone or `(from ...)`.
      pattern:
        /^\s*(?:Collecting \S+(?: \(from |\s*$)|Using cached \S|Requirement already satisfied: |Successfully installed \S)/,
      anchors: ['Collecting', 'Using cached', 'Requirement already', 'Successfully installed'],
    },
    hint: 'pip prints `Collecting`, `Downloading` and `Using cached` at its default verbosity; `-q` hides them',
  },
);
