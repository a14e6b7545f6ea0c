import { definePack } from '../rule.ts';

const P = String.raw`^\s*`;
const INSTALLING = String.raw`${P}Installing [A-Za-z0-9_-]+ v\d[^\s(]*`;
/**
 * Where cargo says the package came from: nothing for crates.io; `(registry \`name\`)` or
 * `(dir /vendor)` for another registry or a vendored one; a git URL, with `#<revision>`; a path
 * for `--path`, or a `file://` URL without a revision when the path is not valid UTF-8.
 */
const FROM_REGISTRY_OR_GIT = String.raw`(?:\s*$| \((?:registry |dir )| \((?:git\+)?(?:https?|ssh|git)://| \([a-z][a-z0-9+.-]*://[^#)]*#)`;
const FROM_PATH = String.raw` \((?:/|[A-Za-z]:[\\/]|\\\\|file://[^#]*\)\s*$)`;

export const cargoInstall = definePack(
  'cargo-install',
  'Tools compiled from source by cargo install or cargo-binstall',
  [
    {
      id: 'cargo-install/from-source',
      category: 'tool-compile',
      description: 'cargo install compiled a tool from a registry or git source',
      pattern: new RegExp(INSTALLING + FROM_REGISTRY_OR_GIT),
      anchors: ['Installing'],
    },
    {
      id: 'cargo-install/from-path',
      category: 'observation',
      description: 'cargo install --path installed a local crate (expected: it is built from here)',
      pattern: new RegExp(INSTALLING + FROM_PATH),
      anchors: ['Installing'],
    },
    {
      id: 'cargo-install/binstall-fallback',
      category: 'tool-compile',
      description: 'cargo-binstall found no prebuilt binary and fell back to compiling',
      pattern: /(?:will be installed from source|[Ff]alling back to (?:source|cargo install))/,
      anchors: ['from source', 'alling back to'],
    },
  ],
  {
    readable: {
      pattern: new RegExp(
        String.raw`${P}(?:(?:Installed|Replaced) package \x60|Ignored package \x60[^\x60]+\x60 is already installed)`,
      ),
      anchors: ['Installed', 'Replaced', 'Ignored'],
    },
    hint: 'cargo install prints the lines the rules read unless it runs with `-q`/`--quiet`',
  },
);
