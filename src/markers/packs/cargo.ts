import { definePack } from '../rule.ts';

const P = String.raw`^\s*`;

const CRATE = String.raw`[A-Za-z0-9_-]+ v\d[^\s(]*`;
const BUILD_VERB = '(?:Compiling|Checking|Building|Documenting)';
const BUILD_ANCHORS = ['Compiling', 'Checking', 'Building', 'Documenting'];

export const cargo = definePack(
  'cargo',
  'Cargo registry, downloads, dependency builds and locks',
  [
    {
      id: 'cargo/index-update',
      category: 'index-update',
      description: 'Cargo updated a registry index (crates.io or another registry)',
      pattern: new RegExp(String.raw`${P}Updating (?:crates\.io|\x60[^\x60]+\x60|\S+) index\b`),
      anchors: ['Updating'],
    },
    {
      id: 'cargo/git-fetch',
      category: 'index-update',
      description: 'Cargo fetched a git dependency (repository or submodule)',
      pattern: new RegExp(String.raw`${P}Updating git (?:repository|submodule) `),
      anchors: ['Updating'],
    },
    {
      id: 'cargo/downloading',
      category: 'download',
      description: 'Cargo started downloading crates',
      pattern: new RegExp(String.raw`${P}Downloading crates \.\.\.`),
      anchors: ['Downloading'],
    },
    {
      id: 'cargo/downloaded',
      category: 'download',
      description: 'Cargo downloaded one crate',
      pattern: new RegExp(String.raw`${P}Downloaded ${CRATE}`),
      anchors: ['Downloaded'],
    },
    {
      id: 'cargo/compile-third-party',
      category: 'third-party-compile',
      description: 'Cargo built a registry crate (no local path): its artifacts were not restored',
      pattern: new RegExp(String.raw`${P}${BUILD_VERB} ${CRATE}(?: \(registry [^)]*\))?\s*$`),
      anchors: BUILD_ANCHORS,
    },
    {
      id: 'cargo/compile-git',
      category: 'third-party-compile',
      description: 'Cargo built a git dependency',
      pattern: new RegExp(String.raw`${P}${BUILD_VERB} ${CRATE} \((?:git\+)?[a-z][a-z0-9+.-]*://`),
      anchors: BUILD_ANCHORS,
    },
    {
      id: 'cargo/compile-workspace',
      category: 'observation',
      description: 'Cargo built a workspace or path crate (expected when its sources changed)',
      pattern: new RegExp(String.raw`${P}${BUILD_VERB} ${CRATE} \((?:/|[A-Za-z]:[\\/]|\\\\)`),
      anchors: BUILD_ANCHORS,
    },
    {
      id: 'cargo/file-lock',
      category: 'lock-wait',
      description: 'Cargo waited for a lock on the package cache, build directory or artifacts',
      pattern: new RegExp(String.raw`${P}Blocking waiting for file lock on `),
      anchors: ['Blocking'],
    },
    {
      id: 'cargo/offline-failure',
      category: 'offline-failure',
      description: 'Cargo ran offline and needed something that was not in the cache',
      pattern:
        /(?:--offline was specified|you(?:'re| are) (?:using|in the) offline mode|offline mode \(via)/,
      anchors: ['offline'],
    },
    {
      id: 'cargo/network-retry',
      category: 'network-error',
      description: 'Cargo retried after a network error',
      pattern: /spurious network error \(\d+ tr(?:y|ies) remaining\)/,
      anchors: ['spurious'],
    },
    {
      id: 'cargo/download-failed',
      category: 'network-error',
      description: 'Cargo failed to download a crate',
      pattern: /(?:error: )?failed to download (?:from |`)/,
      anchors: ['failed to download'],
    },
  ],
  {
    readable: {
      // `Finished` ends every build, `error: could not compile` a failed one.
      pattern: new RegExp(
        String.raw`${P}(?:Finished (?:\x60[^\x60]+\x60 profile|[a-z]+) \[|error: could not compile \x60)`,
      ),
      anchors: ['Finished', 'could not compile'],
    },
    hint: 'cargo prints the lines the rules read unless it runs with `-q`/`--quiet`',
  },
);
