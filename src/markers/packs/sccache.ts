import { definePack } from '../rule.ts';

// `sccache --show-stats` layouts: up to 0.4 the counters only (0.4 adds per-language lines such
// as `Cache misses (Rust)` when non-zero); later versions add `Cache hits rate`, per language
// too. Only the total lines are markers, so one stats block counts once whatever the layout.
const LANGUAGE = String.raw`(?: \([^)]*\))?`;

export const sccache = definePack(
  'sccache',
  'sccache statistics and errors',
  [
    {
      id: 'sccache/misses',
      category: 'cache-miss',
      description: 'sccache compiled what its cache did not have',
      pattern: /^\s*Cache misses\s+[1-9]/,
      anchors: ['Cache misses'],
    },
    {
      id: 'sccache/cache-errors',
      category: 'cache-error',
      description: 'sccache reported cache errors (0.4 also counts a failed build-script probe)',
      pattern: /^\s*Cache errors\s+[1-9]/,
      anchors: ['Cache errors'],
    },
    {
      id: 'sccache/write-errors',
      category: 'cache-error',
      description: 'sccache could not write to its cache',
      pattern: /^\s*Cache write errors\s+[1-9]/,
      anchors: ['write errors'],
    },
    {
      id: 'sccache/timeouts',
      category: 'cache-error',
      description: 'sccache cache reads timed out',
      pattern: /^\s*Cache timeouts\s+[1-9]/,
      anchors: ['Cache timeouts'],
    },
    {
      id: 'sccache/empty-cache',
      category: 'cache-error',
      description: 'the sccache cache holds nothing: writes are failing (0.4 does not count them)',
      pattern: /^\s*Cache size\s+0 bytes/,
      anchors: ['Cache size'],
    },
    {
      id: 'sccache/error',
      category: 'cache-error',
      description: 'sccache itself failed (server start, storage backend)',
      pattern: /sccache: (?:error|encountered fatal error|caused by)\b/,
      anchors: ['sccache: '],
    },
    {
      id: 'sccache/hit-rate',
      category: 'observation',
      description: 'sccache hit rate',
      pattern: new RegExp(String.raw`^\s*Cache hits rate${LANGUAGE}\s+\d`),
      anchors: ['hits rate'],
    },
    {
      id: 'sccache/non-cacheable',
      category: 'observation',
      description: 'sccache saw calls it cannot cache (the reasons follow in the stats)',
      pattern: /^\s*Non-cacheable calls\s+[1-9]/,
      anchors: ['Non-cacheable'],
    },
    {
      id: 'sccache/location',
      category: 'observation',
      description: 'where sccache keeps its cache',
      pattern: /^\s*Cache location\s+\S/,
      anchors: ['Cache location'],
    },
  ],
  {
    readable: { pattern: /^\s*Compile requests\s+\d/, anchors: ['Compile requests'] },
    hint: 'run `sccache --show-stats` after the build: the rules read its counters',
  },
);
