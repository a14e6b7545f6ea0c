import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_PACKS } from '../../src/markers/builtin-packs.ts';
import { CompiledRules } from '../../src/markers/compiled-rules.ts';
import { scanFile } from '../../src/markers/file-scan.ts';
import { PUBLIC_LOGS, TOOL_LOGS } from '../harness/fixtures.ts';

const rules = BUILTIN_PACKS.flatMap((pack) => pack.rules);
const compiled = new CompiledRules(rules);

/**
 * Every rule that fires on each public fixture log, with its exact count. Each count was
 * established by reading the log (see the README beside it) and cross-checked with grep on the
 * ANSI-stripped text; e.g. the zip clippy log has 638 `Compiling|Checking <crate> v<ver>` lines:
 * 629 registry crates, 8 git crates `(https://github.com/...#hash)` and the workspace crate.
 */
const EXPECTED: Record<string, Record<string, number>> = {
  'cloudflare-pages-pnpm-install-cold-6digit-ts-moontv.log': {
    // pnpm install (1305 downloaded) and the vercel build's own install (16 downloaded).
    'pnpm/downloaded': 2,
    'pnpm/corepack-download': 1,
  },
  'gha-actions-cache-v3-miss-pip-install-projectmindmcp.log': {
    'actions-cache/not-found': 1,
    // 161 wheels downloaded; the 161 `.whl.metadata` fetches before them are not counted again.
    'pip/download': 161,
  },
  'gha-cargo-clippy-cold-no-cache-ansi-murphsicles-zip.log': {
    'cargo/index-update': 1,
    'cargo/git-fetch': 6,
    'cargo/downloading': 1,
    'cargo/downloaded': 683,
    'cargo/compile-third-party': 629,
    'cargo/compile-git': 8,
    'cargo/compile-workspace': 1,
  },
  'gha-cargo-clippy-cold-no-cache-ansi-murphsicles-zip.tail.log': {},
  'gha-docker-buildx-gha-cache-import-cached-kma-poker-stats.log': {
    'buildkit/cached-step': 8,
    // Two builds. The backend's linux/amd64 steps were CACHED, its linux/arm64 RUN and COPY
    // steps ran (6, among them 1023 s of gradle); the frontend ran cold on both platforms (12).
    'buildkit/step-not-cached': 18,
  },
  'gha-rust-cache-miss-cold-build-coda-api.log': {
    'actions-cache/not-found': 1,
    'rust-cache/miss': 1,
    // Behind lefthook's coloured `[test:code]` / `[fix:code] [fix:code:warnings]` tags.
    'cargo/file-lock': 10,
    'cargo/compile-third-party': 163,
    'cargo/compile-git': 1,
    'cargo/compile-workspace': 1,
  },
  'gha-setup-node-npm-cache-hit-npm-ci-s3proxy.log': {},
  'gha-setup-node-npm-cache-not-found-npm-ci-cold-simple-scavenger-hunt.log': {
    'setup-cache/not-found': 1,
  },
  'gha-windows-actions-cache-v4-miss-cargo-cold-bom-crlf-3d-vibe-bevy.log': {
    'actions-cache/not-found': 3,
    'cargo/index-update': 1,
    'cargo/downloading': 1,
    'cargo/downloaded': 326,
  },
};

/**
 * The logs made on this machine with real cargo, sccache, npm and pnpm (see the README beside
 * them for the commands and the counts read off each). Debian's crate directory prints no index
 * update or download, so those rules are proven on the public logs above.
 */
const TOOL_EXPECTED: Record<string, Record<string, number>> = {
  'cargo-build-cold.log': {
    'cargo/git-fetch': 1,
    'cargo/compile-third-party': 11,
    'cargo/compile-git': 1,
    'cargo/compile-workspace': 2,
  },
  'cargo-build-cold-plain.log': {
    'cargo/git-fetch': 1,
    'cargo/compile-third-party': 11,
    'cargo/compile-git': 1,
    'cargo/compile-workspace': 2,
  },
  'cargo-build-warm.log': {},
  'cargo-build-after-touch.log': { 'cargo/compile-workspace': 2 },
  // 10 `Compiling` (proc-macros and build scripts) + 4 `Checking`: itoa, the git crate, 2 members.
  'cargo-check-cold.log': {
    'cargo/compile-third-party': 11,
    'cargo/compile-git': 1,
    'cargo/compile-workspace': 2,
  },
  'cargo-check-after-touch.log': { 'cargo/compile-workspace': 2 },
  'cargo-file-lock.log': { 'cargo/file-lock': 2 },
  'cargo-file-lock-holder.log': {
    'cargo/file-lock': 1,
    'cargo/compile-third-party': 11,
    'cargo/compile-git': 1,
    'cargo/compile-workspace': 2,
  },
  // The tool itself, then its 6 dependencies and itself compiled from source.
  'cargo-install-from-source.log': {
    'cargo-install/from-source': 1,
    'cargo/compile-third-party': 7,
  },
  'cargo-offline-missing.log': { 'cargo/offline-failure': 1 },
  'npm-ci-cold.log': { 'npm/cache-miss': 5 },
  'npm-ci-warm.log': {},
  // At npm's default log level a cold install shows nothing a rule could see.
  'npm-ci-cold-default-loglevel.log': {},
  'pnpm-install-cold.log': { 'pnpm/downloaded': 1 },
  'pnpm-install-warm.log': {},
  // sccache 0.4: no hit-rate line; `Cache errors 1` comes from a failed build-script probe.
  'sccache-stats-cold.log': {
    'sccache/misses': 1,
    'sccache/cache-errors': 1,
    'sccache/non-cacheable': 1,
    'sccache/location': 1,
  },
  'sccache-stats-warm.log': {
    'sccache/cache-errors': 1,
    'sccache/non-cacheable': 1,
    'sccache/location': 1,
  },
  'sccache-stats-unwritable-dir.log': {
    'sccache/misses': 1,
    'sccache/cache-errors': 1,
    'sccache/non-cacheable': 1,
    'sccache/location': 1,
    'sccache/empty-cache': 1,
  },
  // Cargo prints `Compiling` for crates sccache served from its cache, too.
  'sccache-cargo-build-warm.log': {
    'cargo/compile-third-party': 11,
    'cargo/compile-git': 1,
    'cargo/compile-workspace': 2,
  },
};

async function counts(file: string, samples = 2, dir = PUBLIC_LOGS) {
  const result = await scanFile(join(dir, file), compiled, samples);
  const byRule = Object.fromEntries(
    [...result.hits].map(([index, hits]) => [rules[index]!.id, hits.count]),
  );
  return { result, byRule };
}

describe('built-in rules on the public fixture logs', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`finds exactly the expected markers in ${file}`, async () => {
      const { result, byRule } = await counts(file);
      assert.deepEqual(byRule, expected);
      assert.equal(result.binary, false);
      assert.equal(result.truncatedLines, 0);
    });
  }

  for (const [file, expected] of Object.entries(TOOL_EXPECTED)) {
    it(`finds exactly the expected markers in the tool log ${file}`, async () => {
      const { byRule } = await counts(file, 1, TOOL_LOGS);
      assert.deepEqual(byRule, expected);
    });
  }

  it('classifies a git dependency of the tool logs by its file:// URL', async () => {
    const { result } = await counts('cargo-build-cold.log', 1, TOOL_LOGS);
    const git = rules.findIndex((rule) => rule.id === 'cargo/compile-git');
    assert.match(
      result.hits.get(git)!.samples[0]!.text,
      /Compiling gitdep v0\.1\.0 \(file:\/\/\/.*gitdep\.git#[0-9a-f]{8}\)$/,
    );
  });

  it('reports samples with their line, timestamp and step, without ANSI or timestamp', async () => {
    const { result } = await counts('gha-rust-cache-miss-cold-build-coda-api.log');
    const compile = rules.findIndex((rule) => rule.id === 'cargo/compile-third-party');
    const first = result.hits.get(compile)!.samples[0]!;
    assert.deepEqual(first, {
      line: 749,
      offset: first.offset,
      text: '[test:code]    Compiling proc-macro2 v1.0.101',
      time: '2025-12-16T23:20:48.7158932Z',
      step: 'Run lefthook run --force pre-commit',
    });
  });

  it('numbers lines of a BOM + CRLF log as an editor does and strips the CR', async () => {
    const { result } = await counts(
      'gha-windows-actions-cache-v4-miss-cargo-cold-bom-crlf-3d-vibe-bevy.log',
    );
    const downloaded = rules.findIndex((rule) => rule.id === 'cargo/downloaded');
    const sample = result.hits.get(downloaded)!.samples[0]!;
    assert.equal(sample.line, 333);
    assert.equal(sample.text, '  Downloaded ab_glyph v0.2.29');
    assert.equal(sample.step, 'Run cargo build --release --target x86_64-pc-windows-msvc');
  });

  it('places a BuildKit step that ran at its header, not at the reprints or the export', async () => {
    const { result } = await counts(
      'gha-docker-buildx-gha-cache-import-cached-kma-poker-stats.log',
      20,
    );
    const ran = rules.findIndex((rule) => rule.id === 'buildkit/step-not-cached');
    const samples = result.hits.get(ran)!.samples;
    assert.deepEqual(
      samples.slice(0, 6).map((sample) => sample.line),
      [1323, 1326, 1329, 1284, 1332, 1490],
      'counted when DONE comes, at the line that opened the step',
    );
    assert.ok(samples.every((sample) => /^#\d+ \[[^\]]+\] (RUN|COPY|ADD) /.test(sample.text)));
  });

  it('keeps the step of a marker that follows the step header group', async () => {
    const { result } = await counts('gha-rust-cache-miss-cold-build-coda-api.log');
    const miss = rules.findIndex((rule) => rule.id === 'rust-cache/miss');
    assert.equal(result.hits.get(miss)!.samples[0]!.step, 'Run Swatinem/rust-cache@v2.8.0');
  });
});
