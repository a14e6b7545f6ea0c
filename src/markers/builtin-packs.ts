import { actionsCache } from './packs/actions-cache.ts';
import { buildkit } from './packs/buildkit.ts';
import { cargoInstall } from './packs/cargo-install.ts';
import { cargo } from './packs/cargo.ts';
import { go } from './packs/go.ts';
import { mise } from './packs/mise.ts';
import { npm } from './packs/npm.ts';
import { pip } from './packs/pip.ts';
import { pnpm } from './packs/pnpm.ts';
import { rustCache } from './packs/rust-cache.ts';
import { sccache } from './packs/sccache.ts';
import { setupCache } from './packs/setup-cache.ts';
import { yarn } from './packs/yarn.ts';
import type { RulePack } from './rule.ts';

export const BUILTIN_PACKS: readonly RulePack[] = [
  cargo,
  cargoInstall,
  sccache,
  rustCache,
  actionsCache,
  setupCache,
  mise,
  buildkit,
  npm,
  pnpm,
  yarn,
  pip,
  go,
];

export const PACK_NAMES = BUILTIN_PACKS.map((pack) => pack.name);
