import { definePack } from '../rule.ts';

const P = String.raw`^\s*`;

export const cargoInstall = definePack(
  'cargo-install',
  'Tools compiled from source by cargo install or cargo-binstall',
  [
    {
      id: 'cargo-install/from-source',
      category: 'tool-compile',
      description: 'cargo install compiled a tool from source',
      pattern: new RegExp(String.raw`${P}Installing [A-Za-z0-9_-]+ v\d`),
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
);
