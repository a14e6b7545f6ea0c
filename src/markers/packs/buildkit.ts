import { LinearRegExp } from '../linear-regexp.ts';
import { definePack } from '../rule.ts';

export const buildkit = definePack(
  'buildkit',
  'Docker BuildKit layer caches (cache-from/cache-to)',
  [
    {
      id: 'buildkit/cache-import-miss',
      category: 'cache-miss',
      description: 'BuildKit could not import the layer cache it was given',
      // `.*` after a literal: V8 would backtrack over the rest of the line at each occurrence.
      pattern: new LinearRegExp(
        String.raw`(?:local cache import at \S+ not found|failed to configure \S+ cache importer|importing cache manifest from \S+.*(?:not found|ERROR))`,
      ),
      anchors: ['cache import', 'importing cache manifest'],
    },
    {
      id: 'buildkit/cache-export-failed',
      category: 'cache-error',
      description: 'BuildKit could not export the layer cache',
      pattern:
        /(?:failed to (?:export|write|save) (?:\S+ )?cache|error writing (?:layer|manifest) blob)/,
      anchors: ['failed to export', 'failed to write', 'failed to save', 'error writing'],
    },
    {
      id: 'buildkit/step-not-cached',
      category: 'cache-miss',
      description: 'a Dockerfile RUN, COPY or ADD step ran instead of coming from the layer cache',
      pattern: /^#(\d+) \[[^\]]*\] (?:RUN|COPY|ADD) /,
      // Each build numbers its steps from #0 again; a step's header is reprinted while others
      // interleave, and a step listed again at export time is DONE even when it was CACHED.
      pairing: { hit: /^#(\d+) DONE /, clear: /^#(\d+) CACHED/, reset: /^#0 building with / },
      anchors: ['] RUN ', '] COPY ', '] ADD ', ' DONE ', 'CACHED', '#0 building with'],
    },
    {
      id: 'buildkit/cached-step',
      category: 'observation',
      description: 'a BuildKit step was served from the layer cache',
      pattern: /^#\d+ CACHED\s*$/,
      anchors: ['CACHED'],
    },
  ],
  {
    readable: {
      // Anchors the other rules search for already: short ones would slow every scan.
      pattern: /^#(?:\d+ (?:DONE \d|CACHED)|0 building with )/,
      anchors: [' DONE ', 'CACHED', '#0 building with'],
    },
    hint: 'BuildKit prints its steps with plain progress (`--progress=plain`, the default without a terminal); `--progress=quiet` hides them',
  },
);
