/**
 * The built-in rules stay on V8's engine (faster than RE2 on the lines they test), so each of
 * their regexes is shown to run in time linear in the line: its shape has neither nested nor
 * overlapping repetition (see regex-shape.ts), RE2 compiles it and decides every fixture line as
 * V8 does, and it is timed on adversarial lines made from a line it matches. Rules that need a
 * shape V8 backtracks on are matched with RE2 (engine `re2`) and are timed too.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_PACKS } from '../../src/markers/builtin-packs.ts';
import { LinearRegExp } from '../../src/markers/linear-regexp.ts';
import { matchText } from '../../src/markers/normalize.ts';
import type { MarkerRule } from '../../src/markers/rule.ts';
import { PUBLIC_LOGS, TOOL_LOGS } from '../harness/fixtures.ts';
import { superlinearShapes } from './regex-shape.ts';

interface BuiltinRegex {
  readonly name: string;
  readonly pattern: RegExp;
  readonly engine: 'v8' | 're2';
}

const RULES: readonly MarkerRule[] = BUILTIN_PACKS.flatMap((pack) => [
  ...pack.rules,
  ...pack.presence,
]);

const REGEXES: readonly BuiltinRegex[] = RULES.flatMap((rule) => {
  const engine: BuiltinRegex['engine'] = rule.engine ?? 'v8';
  const pairing = Object.entries(rule.pairing ?? {}).map(([part, pattern]) => ({
    name: `${rule.id} (${part})`,
    pattern,
    engine,
  }));
  return [{ name: rule.id, pattern: rule.pattern, engine }, ...pairing];
});

/** Every line of every fixture log as the rules see it (carriage-return redraws split). */
const FIXTURE_LINES: readonly string[] = [PUBLIC_LOGS, TOOL_LOGS].flatMap((dir) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.log'))
    .flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n'))
    .flatMap((line) => line.split('\r'))
    .map(matchText),
);

/** Lines the regexes no fixture line matches do match, as the tools print them. */
const WRITTEN_SAMPLES: Readonly<Record<string, string>> = {
  'cargo/network-retry':
    "warning: spurious network error (2 tries remaining): [6] Couldn't resolve host name",
  'cargo/download-failed':
    'error: failed to download from `https://static.crates.io/crates/serde/1.0.0/download`',
  'cargo-install/from-path': '  Installing cli-app v0.1.0 (/home/runner/work/cli/cli)',
  'cargo-install/binstall-fallback':
    ' WARN The package cargo-nextest v0.9.70 will be installed from source (with cargo)',
  'sccache/write-errors': 'Cache write errors                    3',
  'sccache/timeouts': 'Cache timeouts                        2',
  'sccache/error': 'sccache: error: Server startup failed: cache storage failed to read',
  'sccache/hit-rate': 'Cache hits rate                   50.00 %',
  'rust-cache/partial':
    'Restored from cache key "v0-rust-test-Linux-x64-961447e5" full match: false.',
  'actions-cache/restore-failed': 'Failed to restore: Cache service responded with 503',
  'actions-cache/save-failed': 'Failed to save: Unable to reserve cache with key x',
  'actions-cache/reserve-failed': 'Unable to reserve cache with key Linux-cargo-abc, another job',
  'setup-cache/restore-failed': 'Failed to restore dependencies cache: Cache service responded',
  'mise/cache-miss': 'mise cache not found for key: mise-v0-linux-x64-abc',
  'mise/restore-failed': 'Failed to restore mise cache: Cache service responded with 503',
  'buildkit/cache-import-miss': '#12 importing cache manifest from gha:1065662 ERROR: not found',
  'buildkit/cache-export-failed': '#33 ERROR: failed to export gha cache: 400 Bad Request',
  'npm/retry': 'npm warn retry will retry, error on last attempt: Error: ETIMEDOUT',
  'npm/network-error': 'npm error code ECONNRESET',
  'yarn/fetch':
    "➤ YN0013: │ lodash@npm:4.17.21 can't be found in the cache and will be fetched from the remote registry",
  'yarn/network-retry':
    'info There appears to be trouble with your network connection. Retrying...',
  'yarn/ran-readable': '➤ YN0000: ┌ Fetch step',
  'yarn/ran': '[1/4] Resolving packages...',
  'pip/build-wheel': '  Building wheel for pyyaml (pyproject.toml): started',
  'pip/retry':
    'WARNING: Retrying (Retry(total=4, connect=None, read=None)) after connection broken',
  'go/download': 'go: downloading github.com/stretchr/testify v1.9.0',
  'go/ran-readable': 'go build ./...',
};

function sampleOf({ name, pattern }: BuiltinRegex): string {
  return WRITTEN_SAMPLES[name] ?? FIXTURE_LINES.find((line) => pattern.test(line)) ?? '';
}

/** Characters to pump after a prefix of a sample: the usual ones of log lines, and the sample's. */
function fillers(sample: string): string[] {
  return [...new Set([...Array.from(' a0.-/:()[]`"#\t'), ...Array.from(sample)])];
}

/** The fastest of 3 runs of `pattern.test(line)`, in milliseconds. */
function timeTest(pattern: RegExp, line: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    pattern.test(line);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const SWEEP_CHARS = 8 * 1024;
/** A linear test of an 8 KiB line takes microseconds; only slower lines are measured again. */
const SUSPECT_MS = 0.5;
/** Four times the line: a linear regex takes about 4x as long, a quadratic one 16x. */
const GROWTH_LIMIT = 8;

interface Growth {
  readonly line: string;
  readonly ms: number;
  readonly ratio: number;
}

/**
 * The adversarial line on which `pattern` grows fastest: each prefix of a line it matches,
 * repeated, or followed by one character repeated, at 8 KiB and then at 32 KiB.
 */
function worstGrowth(pattern: RegExp, sample: string): Growth | undefined {
  let worst: Growth | undefined;
  for (let length = 1; length <= sample.length; length++) {
    const prefix = sample.slice(0, length);
    const lines = [
      (chars: number) => prefix.repeat(Math.ceil(chars / length)),
      ...fillers(sample).map((fill) => (chars: number) => prefix + fill.repeat(chars)),
    ];
    for (const line of lines) {
      const small = timeTest(pattern, line(SWEEP_CHARS));
      if (small < SUSPECT_MS) continue;
      const large = timeTest(pattern, line(4 * SWEEP_CHARS));
      const ratio = large / small;
      if (worst === undefined || ratio > worst.ratio) {
        worst = { line: line(SWEEP_CHARS).slice(0, 60), ms: large, ratio };
      }
    }
  }
  return worst;
}

describe('every built-in regex runs in time linear in the line', () => {
  for (const regex of REGEXES) {
    it(`${regex.name}: ${regex.engine === 're2' ? 'RE2' : 'its shape'} is linear, and RE2 decides the fixture lines as V8 does`, () => {
      if (regex.engine === 're2') {
        assert.ok(regex.pattern instanceof LinearRegExp);
      } else {
        assert.deepEqual(superlinearShapes(regex.pattern.source), []);
      }
      const v8 = new RegExp(regex.pattern.source, regex.pattern.flags);
      const re2 = new LinearRegExp(regex.pattern.source);
      const differ = FIXTURE_LINES.filter((line) => v8.test(line) !== re2.test(line));
      assert.deepEqual(differ, []);
    });

    it(`${regex.name}: matches its sample and grows at most linearly on lines made from it`, () => {
      const sample = sampleOf(regex);
      assert.ok(regex.pattern.test(sample), `no sample line: add one to WRITTEN_SAMPLES`);
      const growth = worstGrowth(regex.pattern, sample);
      assert.ok(
        growth === undefined || growth.ratio < GROWTH_LIMIT || growth.ms < 5,
        `${growth?.ratio.toFixed(1)}x slower on a 4x longer line (${growth?.ms.toFixed(1)} ms): ${JSON.stringify(growth?.line)}...`,
      );
    });
  }

  it('finds the superlinear shapes the check is for', () => {
    const superlinear = [
      '(a+)+$',
      '(x|xx)+y$',
      '(?:a|b)*c',
      '(.*a){20}',
      "can't checkout from .* you are in the offline mode",
      'YN0013: .*will be fetched',
      'Downloaded \\S+ .*x',
    ];
    for (const source of superlinear) {
      assert.notDeepEqual(superlinearShapes(source), [], source);
    }
    const linear = [
      '^\\s*Compiling [A-Za-z0-9_-]+ v\\d[^\\s(]*(?: \\(registry [^)]*\\))?\\s*$',
      'Progress: resolved \\d+, reused \\d+',
      '(?:failed to (?:export|write) (?:\\S+ )?cache|error writing)',
      '^(?:Restored from|Found) cache key ".*" full match: false\\.',
    ];
    for (const source of linear) assert.deepEqual(superlinearShapes(source), [], source);
  });
});
