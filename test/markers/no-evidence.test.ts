import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CompiledRules } from '../../src/markers/compiled-rules.ts';
import { LogScan } from '../../src/markers/log-scan.ts';
import { markersSummary, verdictLine } from '../../src/markers/marker-summary.ts';
import type { MarkersConfig } from '../../src/markers/markers-config.ts';
import { parseMarkersConfig } from '../../src/markers/markers-config.ts';
import type { ReportOptions, ScannedSource } from '../../src/markers/report.ts';
import { buildReport } from '../../src/markers/report.ts';
import { selectRules } from '../../src/markers/rule-selection.ts';
import { scanFiles } from '../../src/markers/scan-logs.ts';
import { PUBLIC_LOGS, TOOL_LOGS } from '../harness/fixtures.ts';

const ALL: MarkersConfig = { packs: undefined, rules: [], allow: [] };
const NO_OPTIONS: ReportOptions = { allow: [], failOn: [] };

async function report(files: readonly string[], options = NO_OPTIONS, config = ALL) {
  const rules = selectRules(config);
  const scanned = await scanFiles(
    files.map((path) => ({ path, name: path.split('/').pop()!, kind: 'file' as const })),
    new CompiledRules(rules),
    1,
  );
  return buildReport(rules, scanned, options);
}

function lines(
  name: string,
  log: string,
  config = ALL,
): { rules: ReturnType<typeof selectRules>; source: ScannedSource } {
  const rules = selectRules(config);
  const scan = new LogScan(new CompiledRules(rules), { samples: 1, countLines: true });
  scan.feed(Buffer.from(log));
  return { rules, source: { name, kind: 'job', result: scan.finish() } };
}

const NPM_DEFAULT = join(TOOL_LOGS, 'npm-ci-cold-default-loglevel.log');
const NPM_HTTP_WARM = join(TOOL_LOGS, 'npm-ci-warm.log');
const CARGO_WARM = join(TOOL_LOGS, 'cargo-build-warm.log');

/** The packs each fixture log shows at work, read off the logs (see their READMEs). */
const TOOLS_SEEN: Readonly<Record<string, Record<string, 'readable' | 'ran'>>> = {
  [join(PUBLIC_LOGS, 'cloudflare-pages-pnpm-install-cold-6digit-ts-moontv.log')]: {
    pnpm: 'readable',
    npm: 'ran', // `changed 1 package` from installing pnpm itself
  },
  [join(PUBLIC_LOGS, 'gha-actions-cache-v3-miss-pip-install-projectmindmcp.log')]: {
    'actions-cache': 'readable',
    pip: 'readable',
  },
  [join(PUBLIC_LOGS, 'gha-cargo-clippy-cold-no-cache-ansi-murphsicles-zip.tail.log')]: {
    cargo: 'readable', // `error: could not compile`
  },
  [join(PUBLIC_LOGS, 'gha-docker-buildx-gha-cache-import-cached-kma-poker-stats.log')]: {
    buildkit: 'readable',
  },
  [join(PUBLIC_LOGS, 'gha-rust-cache-miss-cold-build-coda-api.log')]: {
    cargo: 'readable',
    'rust-cache': 'readable',
    'actions-cache': 'readable',
    mise: 'readable',
  },
  [join(PUBLIC_LOGS, 'gha-setup-node-npm-cache-hit-npm-ci-s3proxy.log')]: {
    'actions-cache': 'readable',
    'setup-cache': 'readable',
    npm: 'ran',
  },
  [join(TOOL_LOGS, 'cargo-install-from-source.log')]: {
    cargo: 'readable',
    'cargo-install': 'readable',
  },
  [join(TOOL_LOGS, 'sccache-stats-warm.log')]: { sccache: 'readable' },
  [CARGO_WARM]: { cargo: 'readable' },
  [NPM_DEFAULT]: { npm: 'ran' },
  [NPM_HTTP_WARM]: { npm: 'readable' },
  [join(TOOL_LOGS, 'pnpm-install-warm.log')]: { pnpm: 'readable' },
};

describe('evidence: which packs saw their tool, and the no-evidence verdict', () => {
  it('tells per fixture log which packs saw their tool, and whether it printed what they read', async () => {
    const files = Object.keys(TOOLS_SEEN);
    const found = await report(files);
    assert.deepEqual(
      Object.fromEntries(found.sources.map((source, i) => [files[i], source.tools])),
      TOOLS_SEEN,
    );
  });

  it('gives no-evidence for a cold npm ci at the default log level, with the hint', async () => {
    const found = await report([NPM_DEFAULT], { allow: [], failOn: ['any'] });
    assert.equal(found.verdict, 'no-evidence');
    assert.equal(found.total, 0);
    assert.equal(found.fails, true);
    assert.equal(found.sources[0]!.verdict, 'no-evidence');
    assert.equal(
      verdictLine(found),
      "no-evidence: 0 markers in 1 logs, but no log shows a selected rule pack's tool printing what its rules read; npm: npm prints no fetches at its default log level: run it with `--loglevel http` (or set `npm_config_loglevel: http` in the step env)",
    );
    const summary = markersSummary(found);
    assert.match(summary, /^### marker-scanner: ❓ no-evidence: 0 markers in 1 logs\n/);
    assert.match(summary, /so finding no markers proves nothing/);
    assert.match(
      summary,
      /- <code>npm<\/code> ran but printed nothing its rules read \(<code>npm-ci-cold-default-loglevel\.log<\/code>\): npm prints no fetches .* `--loglevel http`/,
    );
    assert.doesNotMatch(summary, /No unexplained cold-cache markers/);
  });

  it('gives no-markers for a warm npm ci at --loglevel http and a warm cargo build', async () => {
    for (const file of [NPM_HTTP_WARM, CARGO_WARM]) {
      const found = await report([file], { allow: [], failOn: ['any'] });
      assert.equal(found.verdict, 'no-markers', file);
      assert.equal(found.fails, false, file);
      assert.match(markersSummary(found), /✅ no-markers/);
    }
  });

  it('says the hint for a quiet tool beside a warm one, without changing the verdict', async () => {
    const found = await report([
      join(PUBLIC_LOGS, 'gha-setup-node-npm-cache-hit-npm-ci-s3proxy.log'),
    ]);
    assert.equal(found.verdict, 'no-markers');
    assert.match(markersSummary(found), /<code>npm<\/code> ran but printed nothing its rules read/);
  });

  it('gives no-evidence when there is no log at all, and fails fail-on on it', () => {
    const found = buildReport(selectRules(ALL), [], { allow: [], failOn: ['download'] });
    assert.equal(found.verdict, 'no-evidence');
    assert.equal(found.fails, true);
    assert.equal(verdictLine(found), 'no-evidence: 0 markers in 0 logs, but no log was scanned');
  });

  it('gives no-markers when one log has evidence and another none, each with its verdict', () => {
    const { rules, source: cargo } = lines(
      'build',
      '    Finished `dev` profile [unoptimized] target(s) in 0.1s\n',
    );
    const docs = lines('docs', 'mkdocs build\nINFO - Documentation built\n').source;
    const found = buildReport(rules, [cargo, docs], { allow: [], failOn: ['any'] });
    assert.equal(found.verdict, 'no-markers');
    assert.deepEqual(
      found.sources.map((s) => s.verdict),
      ['no-markers', 'no-evidence'],
    );
    assert.equal(found.fails, false);
  });

  it('counts the packs of the markers file only: npm unselected sees nothing', async () => {
    const found = await report([NPM_HTTP_WARM], NO_OPTIONS, { ...ALL, packs: ['cargo'] });
    assert.equal(found.verdict, 'no-evidence');
    assert.deepEqual(found.sources[0]!.tools, {});
  });

  it('counts a hit of a user rule, an observation too, as evidence of the user tool', () => {
    const config = parseMarkersConfig(
      'packs: [cargo]\nrules:\n  - {id: bazel/ran, category: observation, literal: "INFO: Build completed"}\n',
      'markers.yml',
    );
    const { rules, source } = lines(
      'bazel',
      'INFO: Build completed successfully, 12 total actions\n',
      config,
    );
    const found = buildReport(rules, [source], { allow: [], failOn: ['any'] });
    assert.equal(found.verdict, 'no-markers');
    assert.deepEqual(found.sources[0]!.tools, { user: 'readable' });
  });

  it('gives no-evidence for a log that could not be read', () => {
    const found = buildReport(
      selectRules(ALL),
      [{ name: 'clippy', kind: 'job', error: 'log unavailable: 410 Gone' }],
      { allow: [], failOn: ['any'] },
    );
    assert.equal(found.verdict, 'no-evidence');
    assert.equal(found.fails, true);
  });

  describe('an allow entry for no-evidence', () => {
    const allowed = (source: string | undefined) => [
      { rule: 'no-evidence', source: source ?? '*', reason: 'the docs job installs nothing' },
    ];

    it('lets a no-evidence verdict pass fail-on, and says why', async () => {
      const found = await report([NPM_DEFAULT], { allow: allowed(undefined), failOn: ['any'] });
      assert.equal(found.verdict, 'no-evidence');
      assert.equal(found.fails, false);
      assert.equal(found.noEvidenceAllowed, 'the docs job installs nothing');
      assert.equal(found.sources[0]!.noEvidenceAllowed, 'the docs job installs nothing');
      assert.match(verdictLine(found), /\(allowed: the docs job installs nothing\)/);
      assert.match(markersSummary(found), /Allowed: the docs job installs nothing\./);
    });

    it('covers only the logs its source names', async () => {
      const found = await report([NPM_DEFAULT], { allow: allowed('docs*'), failOn: ['any'] });
      assert.equal(found.fails, true);
      assert.equal(found.noEvidenceAllowed, undefined);
      const docs = await report([NPM_DEFAULT], { allow: allowed('npm-ci-*'), failOn: ['any'] });
      assert.equal(docs.fails, false);
    });

    it('covers a scan of no log only when it names every log', () => {
      const rules = selectRules(ALL);
      assert.equal(
        buildReport(rules, [], { allow: allowed(undefined), failOn: ['any'] }).fails,
        false,
      );
      assert.equal(
        buildReport(rules, [], { allow: allowed('docs*'), failOn: ['any'] }).fails,
        true,
      );
    });

    it('is not a wildcard entry: rule * explains markers, not missing evidence', async () => {
      const found = await report([NPM_DEFAULT], {
        allow: [{ rule: '*', source: '*', reason: 'first run' }],
        failOn: ['any'],
      });
      assert.equal(found.fails, true);
    });
  });
});
